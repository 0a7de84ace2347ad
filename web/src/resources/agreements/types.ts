import type { Tier } from '../../components/vocabulary';
import type { WorkflowRecord } from '../../components/workflow/workflow-record';

export interface InspectionFinding {
  on: string;
  missing: string[];
  comment: string | null;
  by?: number;
}

/** An agreement as GET /api/agreements answers it (server/src/modules/agreements/agreement-spec.ts). */
export interface Agreement extends WorkflowRecord {
  schoolId: number;
  schoolName?: string;
  regionId?: number;
  applicationId: number | null;
  previousAgreementId: number | null;
  tier: Tier;
  startDate: string | null;
  termYears: number;
  currentYear: number | null;
  endDate: string | null;
  signedOn: string | null;
  plaqueOn: string | null;
  plaquePlace: string | null;
  inspectionPassedOn: string | null;
  inspectionFindings: InspectionFinding[];
  rectificationNotice: string | null;
  rectificationDeadline: string | null;
  rectificationKpis: string[] | null;
  endedOn: string | null;
  rectification: { deadline: string | null; overdue: boolean; kpis: { kpi: string; met: boolean | null }[]; canClose: boolean } | null;
  createdAt: string;
  updatedAt: string;
}

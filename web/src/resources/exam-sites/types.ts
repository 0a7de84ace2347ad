import type { WorkflowRecord } from '../../components/workflow/workflow-record';

export interface ExamSite extends WorkflowRecord {
  name: string;
  schoolId: number | null;
  schoolName: string | null;
  regionId: number;
  regionName: string;
  address: string;
  capacity: number;
  kinds: string[];
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  decisionReason: string | null;
  decidedByName: string | null;
  createdByName: string | null;
  editable: boolean;
}

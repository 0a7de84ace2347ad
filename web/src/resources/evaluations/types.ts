import type { ComplianceRecord } from '@campus/common';
import type { WorkflowRecord } from '../../components/workflow/workflow-record';

/** GET /api/evaluations/:id (server/src/modules/evaluations/evaluation-spec.ts). */
export interface Evaluation extends WorkflowRecord {
  agreementId: number;
  schoolId: number;
  schoolName: string;
  regionId: number;
  tier: string;
  year: number;
  kind: 'annual' | 'final';
  status: 'open' | 'decided';
  snapshot: ComplianceRecord | null;
  snapshotAt: string | null;
  compliant: boolean | null;
  decision: string | null;
  reason: string | null;
  deadline: string | null;
  failingKpis: string[] | null;
  notice: string | null;
  openedBy: number | null;
  decidedBy: number | null;
  decidedAt: string | null;
  createdAt: string;
  /** The agreement's evaluation of the year before (detail only). */
  previous?: { id: number; year: number; snapshot: ComplianceRecord | null; decision: string | null; reason: string | null } | null;
}

/** Why bulk opening left an agreement year unopened (server: open-evaluations.ts). */
export type SkipReason = 'out_of_scope' | 'agreement_not_live' | 'beyond_term' | 'not_ended' | 'already_evaluated' | 'no_compliance_row';
export interface SkippedYear { agreementId: number; year: number; schoolId: number; reason: SkipReason; message: string }

/** GET /api/evaluations/bulk-jobs/:id */
export interface BulkJob {
  id: number;
  kind: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  result: { opened?: number; ms?: number; skipped?: SkippedYear[] } | null;
  error: string | null;
}

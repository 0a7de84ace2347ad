import type { WorkflowRecord } from '../../components/workflow/workflow-record';

/** A confirmed join request as GET /api/join-requests answers it (server/src/modules/join-requests/join-request-record.ts). */
export interface JoinRequest extends WorkflowRecord {
  schoolName: string;
  province: string;
  regionId: number | null;
  kind: 'university' | 'vocational';
  contactName: string;
  email: string;
  phone: string;
  tier: string;
  locale: string;
  confirmedAt: string | null;
  declineReason: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  schoolId: number | null;
  schoolNameNow: string | null;
  invitedUserId: number | null;
  existingSchoolId: number | null;
  createdAt: string;
}

import type { Executor } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';

export interface AuditInput {
  entityType: string;
  entityId: number;
  action: string;
  actorId: number | null;
  schoolId?: number | null;
  fromState?: string | null;
  toState?: string | null;
  comment?: string | null;
  data?: unknown;
}

/** Appends one audit event; pass the transaction of the change it records. */
export async function appendAudit(db: Executor, e: AuditInput) {
  const [row] = await db.insert(auditEvents).values({
    entityType: e.entityType, entityId: e.entityId, action: e.action, actorId: e.actorId,
    schoolId: e.schoolId ?? null, fromState: e.fromState ?? null, toState: e.toState ?? null,
    comment: e.comment ?? null, data: e.data ?? null,
  }).returning({ id: auditEvents.id });
  return row.id;
}

import type { AuditEventInput } from '@campus/common';
import type { Executor } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';

/**
 * The stored row of an audit event, loosely typed: for history written directly (the demo seed
 * writes past events with their time). Every event the product appends is an AuditEventInput.
 */
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

/** Appends one audit event, typed per entity (@campus/common's AuditEntry); pass the transaction of the change it records. */
export async function appendAudit(db: Executor, e: AuditEventInput) {
  const [row] = await db.insert(auditEvents).values({
    entityType: e.entityType, entityId: e.entityId, action: e.action, actorId: e.actorId,
    schoolId: e.schoolId ?? null, fromState: e.fromState ?? null, toState: e.toState ?? null,
    comment: e.comment ?? null, data: e.data ?? null,
  }).returning({ id: auditEvents.id });
  return row.id;
}

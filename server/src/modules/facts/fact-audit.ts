import { and, eq, getTableColumns, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import type { Scope } from '@campus/common';
import { conflict, notFound } from '../../lib/errors.js';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { appendAudit } from '../audit/audit-repository.js';
import { changesBetween } from '../audit/field-changes.js';
import type { FactResource } from './fact-resource.js';

type AuditRow = Record<string, unknown> & { id: number; schoolId: number };

/**
 * What an audit event records of a fact: its stored columns, plus the lists written with it that the
 * read spec assembles from other tables (a registration's applicationDates, an instructor's
 * certifications): the spec columns that are fields of the create body.
 */
function auditColumns(fact: FactResource): Record<string, PgColumn | SQL.Aliased> {
  const stored = getTableColumns(fact.table);
  const shape = (fact.createBody as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  const extras = Object.entries(fact.spec.columns).filter(([k]) => !(k in stored) && k in shape);
  return { ...stored, ...Object.fromEntries(extras) } as Record<string, PgColumn | SQL.Aliased>;
}

/** The audited form of some rows of a fact, as JSON (dates as their ISO text), by id. */
export async function auditRows(tx: Tx, fact: FactResource, where: SQL | undefined): Promise<AuditRow[]> {
  const rows = await tx.select(auditColumns(fact)).from(fact.table).where(where).orderBy(fact.idColumn);
  return JSON.parse(JSON.stringify(rows)) as AuditRow[];
}

export async function auditRow(tx: Tx, fact: FactResource, id: number) {
  const [row] = await auditRows(tx, fact, eq(fact.idColumn, id));
  return row;
}

/** Audits an update: `before` is the audited row read (locked) before the change. */
export async function auditFactUpdate(tx: Tx, fact: FactResource, id: number, before: AuditRow, actorId: number) {
  const after = await auditRow(tx, fact, id);
  await appendAudit(tx, { entityType: fact.entityType, entityId: id, schoolId: after.schoolId, action: 'update', actorId, data: { changes: changesBetween(before, after) } });
}

/**
 * Deletes one fact inside the scope (404 otherwise) and audits it with the deleted row, and every
 * record the database deletes with it (a student's certificates, practice records, registrations,
 * course completions) with an event of its own, on that record's history. Returns the school.
 */
export async function deleteFactAudited(tx: Tx, fact: FactResource, scope: Scope, id: number, actorId: number) {
  const [found] = await tx.select({ id: fact.idColumn }).from(fact.table)
    .where(and(eq(fact.idColumn, id), schoolScopeCondition(scope, fact.schoolIdColumn))).for('update');
  if (!found) throw notFound(fact.spec.noun);
  const deleted = await auditRow(tx, fact, id);
  const dependents = [];
  for (const dep of fact.dependents?.() ?? []) dependents.push({ fact: dep.fact, rows: await auditRows(tx, dep.fact, inArray(dep.by, [id])) });
  // A record that may not be deleted (a verified certificate) is not deleted with another either.
  for (const lock of [fact.locked?.(deleted), ...dependents.flatMap((d) => d.rows.map((r) => d.fact.locked?.(r)))]) {
    if (lock) throw conflict(lock);
  }
  await tx.delete(fact.table).where(eq(fact.idColumn, id));
  await appendAudit(tx, {
    entityType: fact.entityType, entityId: id, schoolId: deleted.schoolId, action: 'delete', actorId,
    data: { deleted, ...(dependents.some((d) => d.rows.length) ? { alsoDeleted: Object.fromEntries(dependents.map((d) => [d.fact.entityType, d.rows.length])) } : {}) },
  });
  for (const dep of dependents) {
    for (const row of dep.rows) {
      await appendAudit(tx, {
        entityType: dep.fact.entityType, entityId: row.id, schoolId: row.schoolId, action: 'delete', actorId,
        comment: `deleted with ${fact.spec.noun} #${id}`, data: { deleted: row, deletedWith: { entityType: fact.entityType, entityId: id } },
      });
    }
  }
  return { schoolId: deleted.schoolId };
}

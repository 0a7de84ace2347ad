import { eq, sql } from 'drizzle-orm';
import type { Actor } from '@campus/common';
import type { Db, Executor } from '../../db/client.js';
import { schools } from '../../db/schema/index.js';
import { appendAudit } from '../audit/audit-repository.js';
import { conflict, notFound } from '../../lib/errors.js';

/**
 * The records that name a school, by table: every foreign key onto schools.id, read from the
 * catalogue, so a table added later counts without a change here (the audit trail is not a foreign
 * key and stays).
 */
export async function recordsOfSchool(db: Executor, schoolId: number): Promise<Record<string, number>> {
  const refs = await db.execute<{ tbl: string; col: string }>(sql`
    SELECT c.conrelid::regclass::text AS tbl, a.attname AS col
    FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
    WHERE c.contype = 'f' AND c.confrelid = 'schools'::regclass ORDER BY 1, 2`);
  const rows = Array.isArray(refs) ? refs : (refs as { rows: { tbl: string; col: string }[] }).rows;
  const counts: Record<string, number> = {};
  for (const { tbl, col } of rows) {
    const res = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(tbl.replace(/^"|"$/g, ''))} WHERE ${sql.identifier(col)} = ${schoolId}`);
    const [{ n }] = Array.isArray(res) ? res : (res as { rows: { n: number }[] }).rows;
    if (n > 0) counts[tbl] = (counts[tbl] ?? 0) + n;
  }
  return counts;
}

/** HQ deletes a school that has no records at all; one with records is refused (409): deactivate it instead. */
export async function deleteSchool(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(schools).where(eq(schools.id, id)).for('update');
    if (!current) throw notFound('school');
    const records = await recordsOfSchool(tx, id);
    if (Object.keys(records).length) {
      throw conflict({ code: 'school_has_records', params: { records: Object.entries(records).map(([k, n]) => `${k} ${n}`) } });
    }
    await tx.delete(schools).where(eq(schools.id, id));
    await appendAudit(tx, {
      entityType: 'school', entityId: id, action: 'delete', actorId: actor.id, schoolId: id,
      data: { deleted: JSON.parse(JSON.stringify(current)) as { id: number } },
    });
  });
}

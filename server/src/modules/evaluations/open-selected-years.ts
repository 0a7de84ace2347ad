import { and, inArray, sql } from 'drizzle-orm';
import type { Actor, Scope } from '@campus/common';
import { liveAgreementStates } from '@campus/common';
import type { Db, Tx } from '../../db/client.js';
import { agreements, sqlList } from '../../db/schema/index.js';
import { queryRows } from '../../db/raw.js';
import { AppError, ErrorCode } from '../../lib/errors.js';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { ensureComplianceFresh } from '../compliance/recompute.js';
import { openEvaluationBatch, type YearRef } from './open-evaluations.js';

/** An ended agreement year without its evaluation yet, as HQ picks it for opening. */
export interface AwaitingYear extends YearRef {
  id: string; schoolId: number; schoolName: string; regionId: number; tier: string; kind: 'annual' | 'final'; from: string; to: string;
}

/**
 * The ended years of live agreements (in the user's scope, of the given tiers / regions) that have
 * no evaluation yet, oldest ending first: what HQ selects rows of to open. At most `limit` rows, with
 * the total.
 */
export async function awaitingYears(db: Db, scope: Scope, today: string, filter: { tier?: string[]; regionId?: number[] }, limit: number) {
  const scoped = schoolScopeCondition(scope, sql`a.school_id`);
  const rows = await queryRows<AwaitingYear & { total: number }>(db, sql`
    SELECT a.id::text || '-' || n.year AS id, a.id AS "agreementId", n.year, a.school_id AS "schoolId", s.name AS "schoolName",
      s.region_id AS "regionId", a.tier, CASE WHEN n.year = a.term_years THEN 'final' ELSE 'annual' END AS kind,
      to_char((a.start_date + make_interval(years => n.year - 1))::date, 'YYYY-MM-DD') AS "from",
      to_char((a.start_date + make_interval(years => n.year))::date, 'YYYY-MM-DD') AS "to",
      (count(*) OVER ())::int AS total
    FROM agreements a JOIN schools s ON s.id = a.school_id
    CROSS JOIN generate_series(1, 10) AS n(year)
    WHERE n.year <= a.term_years AND a.status IN (${sql.raw(sqlList(liveAgreementStates))}) AND a.start_date IS NOT NULL
      AND (a.start_date + make_interval(years => n.year))::date <= ${today}::date
      AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.agreement_id = a.id AND e.year = n.year)
      ${scoped ? sql`AND ${scoped}` : sql``}
      ${filter.tier?.length ? sql`AND a.tier IN (${sql.join(filter.tier.map((t) => sql`${t}`), sql`, `)})` : sql``}
      ${filter.regionId?.length ? sql`AND s.region_id IN (${sql.join(filter.regionId.map((r) => sql`${r}`), sql`, `)})` : sql``}
    ORDER BY (a.start_date + make_interval(years => n.year)) ASC, s.name, n.year
    LIMIT ${limit}`);
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _total, ...r }) => r) };
}

/**
 * Opens the evaluations of the agreement years HQ selected, in one transaction: an agreement that is
 * absent or outside the user's scope refuses the whole action (404 naming each, as every bulk action);
 * then each year is checked as the bulk opening checks it, each opened one audited on its own
 * (`open`, `bulk: true`), and each year not opened named with the reason.
 */
export async function openSelectedYears(db: Db, actor: Actor, scope: Scope, today: string, items: YearRef[]) {
  const unique = [...new Map(items.map((i) => [`${i.agreementId}-${i.year}`, i])).values()];
  // The maintained summaries the snapshots are frozen from are today's (a refresh outside the transaction).
  await ensureComplianceFresh(db, today);
  return db.transaction(async (tx) => {
    const ids = [...new Set(unique.map((i) => i.agreementId))];
    const found = await tx.select({ id: agreements.id, schoolId: agreements.schoolId, termYears: agreements.termYears }).from(agreements)
      .where(and(inArray(agreements.id, ids), schoolScopeCondition(scope, agreements.schoolId)));
    const byId = new Map(found.map((a) => [a.id, a]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length) {
      throw new AppError(404, ErrorCode.notFound, { code: 'not_found', params: { entity: 'agreement' } },
        missing.map((m) => ({ field: 'items', code: 'not_found' as const, params: { entity: 'agreement', id: m } })));
    }
    const refs = unique.map((i) => ({ ...i, schoolId: byId.get(i.agreementId)!.schoolId, termYears: byId.get(i.agreementId)!.termYears }));
    return openEvaluationBatch(tx as Tx, actor, scope, refs, today);
  });
}

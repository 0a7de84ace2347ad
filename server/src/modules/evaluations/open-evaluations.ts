import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { agreements, complianceSummaries, evaluations, schools } from '../../db/schema/index.js';
import { queryRows } from '../../db/raw.js';
import type { Actor } from '../../domain/access/scope.js';
import { agreementYear } from '../../domain/calendar/agreement-year.js';
import { AppError, badRequest, conflict, ErrorCode, notFound } from '../../lib/errors.js';
import { appendAudit } from '../audit/audit-repository.js';
import { recomputeSchools } from '../compliance/recompute.js';
import { toComplianceRecord } from '../compliance/compliance-spec.js';

export interface YearRef { agreementId: number; year: number }

/** The frozen compliance rows of agreement years, read from the maintained summaries. */
export async function snapshotsOf(tx: Tx, refs: YearRef[]) {
  if (!refs.length) return new Map<string, ReturnType<typeof toComplianceRecord>>();
  const ids = refs.map((r) => `${r.agreementId}-${r.year}`);
  const rows = await tx.select({ row: complianceSummaries, schoolName: schools.name }).from(complianceSummaries)
    .innerJoin(schools, eq(schools.id, complianceSummaries.schoolId))
    .where(inArray(complianceSummaries.id, ids));
  return new Map(rows.map((r) => [r.row.id, toComplianceRecord({ ...r.row, schoolName: r.schoolName } as unknown as Record<string, unknown>)]));
}

/**
 * Opens the evaluation of one agreement year: the year must have ended, the agreement be live, and
 * no evaluation exist for it. The KPIs are recomputed and frozen as the snapshot.
 */
export async function openEvaluation(db: Db, actor: Actor, ref: YearRef, today: string) {
  return db.transaction(async (tx) => {
    const [agreement] = await tx.select().from(agreements).where(eq(agreements.id, ref.agreementId)).for('update');
    if (!agreement) throw notFound('agreement');
    if (!['active', 'rectifying'].includes(agreement.status) || !agreement.startDate) {
      throw new AppError(409, ErrorCode.invalidState, `Agreement #${agreement.id} is ${agreement.status}; only a live partnership is evaluated.`);
    }
    if (ref.year > agreement.termYears) throw badRequest(`year: the agreement has ${agreement.termYears} year(s).`, [{ field: 'year', message: 'beyond the term' }]);
    const { to } = agreementYear(agreement.startDate, ref.year);
    if (to > today) throw badRequest(`year: agreement year ${ref.year} ends on ${to}; evaluate it once it has ended.`, [{ field: 'year', message: 'not ended yet' }]);
    const [existing] = await tx.select({ id: evaluations.id }).from(evaluations).where(and(eq(evaluations.agreementId, ref.agreementId), eq(evaluations.year, ref.year)));
    if (existing) throw conflict(`Agreement year ${ref.year} already has evaluation #${existing.id}.`);
    await recomputeSchools(tx, [agreement.schoolId], today);
    const snapshot = (await snapshotsOf(tx, [ref])).get(`${ref.agreementId}-${ref.year}`);
    if (!snapshot) throw conflict('The KPIs of this year could not be computed; check the agreement dates.');
    const [row] = await tx.insert(evaluations).values({
      agreementId: ref.agreementId, schoolId: agreement.schoolId, year: ref.year,
      kind: ref.year === agreement.termYears ? 'final' : 'annual', snapshot, openedBy: actor.id,
    }).returning();
    await appendAudit(tx, { entityType: 'evaluation', entityId: row.id, schoolId: agreement.schoolId, action: 'open', toState: 'open', actorId: actor.id, data: { agreementId: ref.agreementId, year: ref.year, compliant: snapshot.compliant } });
    return row;
  });
}

/** Agreement years that have ended and have no evaluation yet, of live agreements (bulk opening). */
export async function yearsAwaitingEvaluation(db: Db | Tx, today: string, filter: { tier?: string[]; regionId?: number[] } = {}) {
  return queryRows<YearRef & { schoolId: number; termYears: number }>(db, sql`
    SELECT a.id AS "agreementId", n.year, a.school_id AS "schoolId", a.term_years AS "termYears"
    FROM agreements a JOIN schools s ON s.id = a.school_id
    CROSS JOIN generate_series(1, 10) AS n(year)
    WHERE n.year <= a.term_years AND a.status IN ('active', 'rectifying') AND a.start_date IS NOT NULL
      AND (a.start_date + make_interval(years => n.year))::date <= ${today}::date
      AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.agreement_id = a.id AND e.year = n.year)
      ${filter.tier?.length ? sql`AND a.tier IN (${sql.join(filter.tier.map((t) => sql`${t}`), sql`, `)})` : sql``}
      ${filter.regionId?.length ? sql`AND s.region_id IN (${sql.join(filter.regionId.map((r) => sql`${r}`), sql`, `)})` : sql``}
    ORDER BY a.id, n.year`);
}

/** Opens a batch of evaluations in one transaction from the maintained summaries (no recomputation). */
export async function openEvaluationBatch(tx: Tx, actor: Actor, refs: (YearRef & { schoolId: number; termYears: number })[]) {
  const snapshots = await snapshotsOf(tx, refs);
  const values = refs.filter((r) => snapshots.has(`${r.agreementId}-${r.year}`)).map((r) => ({
    agreementId: r.agreementId, schoolId: r.schoolId, year: r.year, kind: r.year === r.termYears ? 'final' : 'annual',
    snapshot: snapshots.get(`${r.agreementId}-${r.year}`)!, openedBy: actor.id,
  }));
  if (!values.length) return 0;
  const rows = await tx.insert(evaluations).values(values).onConflictDoNothing().returning({ id: evaluations.id, schoolId: evaluations.schoolId, agreementId: evaluations.agreementId, year: evaluations.year });
  for (const r of rows) {
    await appendAudit(tx, { entityType: 'evaluation', entityId: r.id, schoolId: r.schoolId, action: 'open', toState: 'open', actorId: actor.id, data: { agreementId: r.agreementId, year: r.year, bulk: true } });
  }
  return rows.length;
}


import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { agreements, complianceSummaries, evaluations, schools, sqlList } from '../../db/schema/index.js';
import { queryRows } from '../../db/raw.js';
import type { Actor, Scope } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { agreementYear, isLiveAgreement, liveAgreementStates } from '@campus/common';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
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
    if (!isLiveAgreement(agreement.status) || !agreement.startDate) {
      throw refused('wrong_state', { code: 'agreement_not_live', params: { id: agreement.id, state: agreement.status } });
    }
    if (ref.year > agreement.termYears) throw invalid([{ field: 'year', code: 'beyond_term', params: { termYears: agreement.termYears } }]);
    const { to } = agreementYear(agreement.startDate, ref.year);
    if (to > today) throw invalid([{ field: 'year', code: 'year_not_ended', params: { year: ref.year, to } }]);
    const [existing] = await tx.select({ id: evaluations.id }).from(evaluations).where(and(eq(evaluations.agreementId, ref.agreementId), eq(evaluations.year, ref.year)));
    if (existing) throw conflict({ code: 'evaluation_exists', params: { year: ref.year, id: existing.id } });
    await recomputeSchools(tx, [agreement.schoolId], today);
    const snapshot = (await snapshotsOf(tx, [ref])).get(`${ref.agreementId}-${ref.year}`);
    if (!snapshot) throw conflict('kpis_not_computable');
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
    WHERE n.year <= a.term_years AND a.status IN (${sql.raw(sqlList(liveAgreementStates))}) AND a.start_date IS NOT NULL
      AND (a.start_date + make_interval(years => n.year))::date <= ${today}::date
      AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.agreement_id = a.id AND e.year = n.year)
      ${filter.tier?.length ? sql`AND a.tier IN (${sql.join(filter.tier.map((t) => sql`${t}`), sql`, `)})` : sql``}
      ${filter.regionId?.length ? sql`AND s.region_id IN (${sql.join(filter.regionId.map((r) => sql`${r}`), sql`, `)})` : sql``}
    ORDER BY a.id, n.year`);
}

/** Why the bulk opening left an ended agreement year unopened (the job's result names each). */
export type SkipReason = 'out_of_scope' | 'agreement_not_live' | 'beyond_term' | 'not_ended' | 'already_evaluated' | 'no_compliance_row';
export interface SkippedYear extends YearRef { schoolId: number; reason: SkipReason; message: string }
type PendingYear = YearRef & { schoolId: number; termYears: number };

/**
 * Opens a batch of evaluations in one transaction from the maintained summaries (no recomputation).
 * Each year is checked again as the single opening checks it (the agreement may have changed since
 * the years were listed); every year not opened is returned with the reason.
 */
export async function openEvaluationBatch(tx: Tx, actor: Actor, scope: Scope, refs: PendingYear[], today: string) {
  const skipped: SkippedYear[] = [];
  if (!refs.length) return { opened: 0, skipped };
  const agreementIds = [...new Set(refs.map((r) => r.agreementId))].sort((a, b) => a - b);
  const rows = await tx.select({ id: agreements.id, schoolId: agreements.schoolId, status: agreements.status, startDate: agreements.startDate, termYears: agreements.termYears })
    .from(agreements).where(inArray(agreements.id, agreementIds)).orderBy(asc(agreements.id)).for('share');
  const byId = new Map(rows.map((a) => [a.id, a]));
  const inScope = new Set((await tx.select({ id: agreements.id }).from(agreements)
    .where(and(inArray(agreements.id, agreementIds), schoolScopeCondition(scope, agreements.schoolId)))).map((a) => a.id));
  const evaluated = new Set((await tx.select({ agreementId: evaluations.agreementId, year: evaluations.year }).from(evaluations)
    .where(inArray(evaluations.agreementId, agreementIds))).map((e) => `${e.agreementId}-${e.year}`));
  const snapshots = await snapshotsOf(tx, refs);
  const skip = (r: PendingYear, reason: SkipReason, message: string) => { skipped.push({ agreementId: r.agreementId, year: r.year, schoolId: r.schoolId, reason, message }); };
  const toOpen: (PendingYear & { kind: string })[] = [];
  for (const r of refs) {
    const a = byId.get(r.agreementId);
    const key = `${r.agreementId}-${r.year}`;
    if (!a || !inScope.has(r.agreementId)) skip(r, 'out_of_scope', 'the agreement is outside what you may act on');
    else if (!isLiveAgreement(a.status) || !a.startDate) skip(r, 'agreement_not_live', `the agreement is ${a.status}; only a live partnership is evaluated`);
    else if (r.year > a.termYears) skip(r, 'beyond_term', `the agreement has ${a.termYears} year(s)`);
    else if (agreementYear(a.startDate, r.year).to > today) skip(r, 'not_ended', `agreement year ${r.year} ends on ${agreementYear(a.startDate, r.year).to}`);
    else if (evaluated.has(key)) skip(r, 'already_evaluated', `agreement year ${r.year} already has an evaluation`);
    else if (!snapshots.has(key)) skip(r, 'no_compliance_row', `no compliance row of agreement year ${r.year} to freeze; open it on its own, which recomputes the KPIs`);
    else toOpen.push({ ...r, schoolId: a.schoolId, kind: r.year === a.termYears ? 'final' : 'annual' });
  }
  if (!toOpen.length) return { opened: 0, skipped };
  const inserted = await tx.insert(evaluations).values(toOpen.map((r) => ({
    agreementId: r.agreementId, schoolId: r.schoolId, year: r.year, kind: r.kind,
    snapshot: snapshots.get(`${r.agreementId}-${r.year}`)!, openedBy: actor.id,
  }))).onConflictDoNothing().returning({ id: evaluations.id, schoolId: evaluations.schoolId, agreementId: evaluations.agreementId, year: evaluations.year });
  const done = new Set(inserted.map((r) => `${r.agreementId}-${r.year}`));
  for (const r of toOpen) if (!done.has(`${r.agreementId}-${r.year}`)) skip(r, 'already_evaluated', `agreement year ${r.year} was opened by someone else meanwhile`);
  for (const r of inserted) {
    await appendAudit(tx, { entityType: 'evaluation', entityId: r.id, schoolId: r.schoolId, action: 'open', toState: 'open', actorId: actor.id, data: { agreementId: r.agreementId, year: r.year, bulk: true } });
  }
  return { opened: inserted.length, skipped };
}

import { inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { agreements, auditEvents, evaluations, schools, tierPolicies } from '../../db/schema/index.js';
import type { Actor, AuditEventInput, Reason, Tier } from '@campus/common';
import { agreementYear, liveAgreementStates } from '@campus/common';
import { snapshotsOf } from '../evaluations/open-evaluations.js';
import { complianceFollowsAgreement } from './compliance-follows.js';
import { importedDecisions, type ExistingAgreementInput } from './existing-agreement-input.js';

/** The states in which a school already has a partnership (live, or on its way to active). */
const heldStates = [...liveAgreementStates, 'pending_signing', 'pending_plaque', 'pending_inspection'];

/** One input's problems; `conflict` when the school already has a partnership (409 for a single record). */
export interface ExistingAgreementProblem extends Reason { index: number; conflict?: true }

/** The term of each tier's policy in force today (the default when an input names no term). */
async function termsInForce(tx: Executor, today: string) {
  const year = Number(today.slice(0, 4));
  const rows = await tx.select({ tier: tierPolicies.tier, effectiveYear: tierPolicies.effectiveYear, termYears: tierPolicies.termYears })
    .from(tierPolicies).where(sql`${tierPolicies.effectiveYear} <= ${year}`).orderBy(tierPolicies.effectiveYear);
  return new Map(rows.map((r) => [r.tier, r.termYears]));
}

/** The school rows; in a transaction locked (in id order), so that two recordings for one school run one after the other. */
async function readSchools(tx: Executor, ids: number[], lock: boolean) {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  if (!sorted.length) return new Map<number, { id: number; name: string }>();
  const query = tx.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, sorted)).orderBy(schools.id);
  const rows = lock ? await query.for('update') : await query;
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Checks partnerships that began before the product, all at once (the school rows are locked): the
 * school exists and holds no partnership, the start is not in the future, a rectification comes with
 * its notice and deadline, and each evaluated year has ended and is not the term's last (whose final
 * review would have ended the agreement). Returns each input's resolved term, and every problem.
 * `lock: false` only reads (an import's check, before its transaction; the write checks again, locked).
 */
export async function checkExistingAgreements(tx: Executor, inputs: ExistingAgreementInput[], today: string, opts: { lock: boolean } = { lock: true }) {
  const problems: ExistingAgreementProblem[] = [];
  const known = await readSchools(tx, inputs.map((i) => i.schoolId), opts.lock);
  const ids = [...known.keys()];
  const held = ids.length
    ? await tx.select({ id: agreements.id, schoolId: agreements.schoolId, status: agreements.status }).from(agreements)
      .where(sql`${inArray(agreements.schoolId, ids)} AND ${inArray(agreements.status, heldStates)}`)
    : [];
  const heldBy = new Map(held.map((a) => [a.schoolId, a]));
  const terms = await termsInForce(tx, today);
  const resolved = inputs.map((input, index) => {
    const add = (field: string, code: Reason['code'], params?: Reason['params'], conflict?: true) => {
      problems.push({ index, field, code, ...(params ? { params } : {}), ...(conflict ? { conflict } : {}) });
    };
    const school = known.get(input.schoolId);
    if (!school) add('schoolId', 'agreement_school_unknown', { school: String(input.schoolId) });
    const existing = heldBy.get(input.schoolId);
    if (school && existing) add('schoolId', 'school_has_agreement', { id: existing.id, state: existing.status, school: school.name }, true);
    if (input.startDate > today) add('startDate', 'date_in_future', { today });
    const termYears = input.termYears ?? terms.get(input.tier);
    if (!termYears) add('termYears', 'no_policy_in_force', { tier: input.tier, year: Number(today.slice(0, 4)) });
    if (input.status === 'rectifying') {
      if (!input.rectificationNotice) add('rectificationNotice', 'notice_missing');
      if (!input.rectificationDeadline) add('rectificationDeadline', 'deadline_missing');
    } else if (input.rectificationNotice || input.rectificationDeadline || input.rectificationKpis?.length) {
      add('status', 'rectification_needs_rectifying');
    }
    const seen = new Set<number>();
    for (const { year, decision } of input.evaluatedYears ?? []) {
      if (seen.has(year)) add('evaluatedYears', 'evaluated_year_twice', { year });
      seen.add(year);
      if (!(importedDecisions as readonly string[]).includes(decision)) add('evaluatedYears', 'evaluated_decision_invalid', { allowed: [...importedDecisions] });
      if (termYears && year >= termYears) add('evaluatedYears', 'evaluated_year_final', { year, termYears });
      else if (input.startDate <= today) {
        const { to } = agreementYear(input.startDate, year);
        if (to > today) add('evaluatedYears', 'evaluated_year_not_ended', { year, to });
      }
    }
    return { ...input, termYears: termYears ?? 1, schoolName: school?.name ?? '' };
  });
  return { resolved, problems };
}

type Resolved = Awaited<ReturnType<typeof checkExistingAgreements>>['resolved'][number];

/**
 * Records checked partnerships in the caller's transaction: the agreements (no application), the
 * schools' tier and status, the compliance of those schools (complianceFollowsAgreement), the
 * evaluated years as decided evaluations frozen on that compliance, and an `import` audit event for
 * each agreement and evaluation. `rows` names each input's row of an import file.
 */
export async function recordExistingAgreements(tx: Tx, inputs: Resolved[], actor: Actor, today: string, rows?: number[]) {
  if (!inputs.length) return [];
  const created = await tx.insert(agreements).values(inputs.map((i) => ({
    schoolId: i.schoolId, applicationId: null, tier: i.tier, status: i.status, termYears: i.termYears, startDate: i.startDate,
    rectificationNotice: i.status === 'rectifying' ? i.rectificationNotice : null,
    rectificationDeadline: i.status === 'rectifying' ? i.rectificationDeadline : null,
    rectificationKpis: i.status === 'rectifying' && i.rectificationKpis?.length ? i.rectificationKpis : null,
  }))).returning();
  const bySchool = new Map(created.map((a) => [a.schoolId, a]));
  const groups = new Map<string, number[]>();
  for (const i of inputs) {
    const key = `${i.tier}|${i.status === 'rectifying' ? 'rectifying' : 'partner'}`;
    groups.set(key, [...(groups.get(key) ?? []), i.schoolId]);
  }
  for (const [key, ids] of groups) {
    const [tier, status] = key.split('|');
    await tx.update(schools).set({ tier: tier as Tier, status, updatedAt: sql`now()` }).where(inArray(schools.id, ids));
  }
  await complianceFollowsAgreement(tx, inputs.map((i) => i.schoolId), today);

  const years = inputs.flatMap((i) => (i.evaluatedYears ?? []).map((e) => ({ ...e, agreementId: bySchool.get(i.schoolId)!.id, schoolId: i.schoolId })));
  const snapshots = await snapshotsOf(tx, years);
  const decided = years.length
    ? await tx.insert(evaluations).values(years.map((e) => ({
      agreementId: e.agreementId, schoolId: e.schoolId, year: e.year, kind: 'annual', status: 'decided',
      snapshot: snapshots.get(`${e.agreementId}-${e.year}`) ?? { imported: true },
      decision: e.decision, reason: e.reason || null, openedBy: actor.id, decidedBy: actor.id, decidedAt: sql`now()`,
    }))).returning({ id: evaluations.id, agreementId: evaluations.agreementId, schoolId: evaluations.schoolId, year: evaluations.year, decision: evaluations.decision })
    : [];

  const events: AuditEventInput[] = [
    ...inputs.map((i, n): AuditEventInput => {
      const a = bySchool.get(i.schoolId)!;
      return {
        entityType: 'agreement', entityId: a.id, schoolId: i.schoolId, action: 'import', toState: i.status, actorId: actor.id, comment: i.comment || null,
        data: {
          tier: i.tier, startDate: i.startDate, termYears: i.termYears, status: i.status,
          ...(a.rectificationDeadline ? { rectificationDeadline: a.rectificationDeadline } : {}),
          evaluatedYears: (i.evaluatedYears ?? []).map(({ year, decision }) => ({ year, decision })),
          ...(rows ? { row: rows[n] } : {}),
        },
      };
    }),
    ...decided.map((e): AuditEventInput => ({
      entityType: 'evaluation', entityId: e.id, schoolId: e.schoolId, action: 'import', toState: 'decided', actorId: actor.id,
      data: { agreementId: e.agreementId, year: e.year, decision: e.decision! },
    })),
  ];
  for (let i = 0; i < events.length; i += 1000) {
    await tx.insert(auditEvents).values(events.slice(i, i + 1000).map((e) => ({
      entityType: e.entityType, entityId: e.entityId, action: e.action, actorId: e.actorId, schoolId: e.schoolId ?? null,
      fromState: e.fromState ?? null, toState: e.toState ?? null, comment: e.comment ?? null, data: e.data ?? null,
    })));
  }
  return created;
}

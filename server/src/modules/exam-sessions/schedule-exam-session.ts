import { and, eq, inArray, sql } from 'drizzle-orm';
import { todayInChina, type Actor, type ExaminableKind, type Reason } from '@campus/common';
import type { Db, Tx } from '../../db/client.js';
import { examCandidates, examSessions, examSessionSites, examSites } from '../../db/schema/index.js';
import { appendAudit } from '../audit/audit-repository.js';
import { changesBetween } from '../audit/field-changes.js';
import { invalid, notFound } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
import type { ExamSessionCreate, ExamSessionUpdate } from './exam-session-input.js';

interface Plan { sessionType: string; kind: ExaminableKind; examOn: string; registrationOpensOn: string; registrationClosesOn: string; siteIds: number[] }

/** The dates in order (opens ≤ closes ≤ exam); a date that changes is not before today. */
function dateProblems(p: Plan, changed: Set<string>, today: string): Reason[] {
  const problems: Reason[] = [];
  if (p.registrationOpensOn > p.registrationClosesOn) problems.push({ field: 'registrationClosesOn', code: 'exam_window_order' });
  else if (p.registrationClosesOn > p.examOn) problems.push({ field: 'examOn', code: 'exam_window_order' });
  for (const field of ['examOn', 'registrationClosesOn'] as const) {
    if (changed.has(field) && p[field] < today) problems.push({ field, code: 'exam_date_past', params: { today } });
  }
  return problems;
}

/**
 * The sites: a site session has exactly one; every site exists, and those newly given are approved; every site
 * examines the session's kind.
 */
async function siteProblems(tx: Tx, p: Plan, added: Set<number>): Promise<Reason[]> {
  if (p.sessionType === 'site' && p.siteIds.length !== 1) return [{ field: 'siteIds', code: 'exam_site_session_one_site' }];
  const found = await tx.select({ id: examSites.id, name: examSites.name, status: examSites.status, kinds: examSites.kinds }).from(examSites).where(inArray(examSites.id, p.siteIds));
  const unknown = p.siteIds.filter((id) => !found.some((s) => s.id === id));
  if (unknown.length) return [{ field: 'siteIds', code: 'exam_sites_unknown', params: { ids: unknown } }];
  const problems: Reason[] = [];
  for (const s of found) {
    if (added.has(s.id) && s.status !== 'approved') problems.push({ field: 'siteIds', code: 'exam_site_not_approved', params: { name: s.name, state: s.status } });
    else if (!s.kinds.includes(p.kind)) problems.push({ field: 'siteIds', code: 'exam_site_kind_missing', params: { name: s.name, kind: p.kind } });
  }
  return problems;
}

const audited = (p: Plan & { title: string }) => ({
  title: p.title, sessionType: p.sessionType, kind: p.kind, examOn: p.examOn, registrationOpensOn: p.registrationOpensOn,
  registrationClosesOn: p.registrationClosesOn, siteIds: [...p.siteIds].sort((a, b) => a - b),
});

/** HQ schedules a session at approved sites that examine its kind, its window in order; audited with its values. */
export async function scheduleExamSession(db: Db, actor: Actor, input: ExamSessionCreate): Promise<number> {
  const plan = { ...input, siteIds: [...new Set(input.siteIds)] };
  return db.transaction(async (tx) => {
    const problems = [
      ...dateProblems(plan, new Set(['examOn', 'registrationClosesOn']), todayInChina()),
      ...await siteProblems(tx, plan, new Set(plan.siteIds)),
    ];
    if (problems.length) throw invalid(problems);
    const [row] = await tx.insert(examSessions).values({
      title: plan.title, sessionType: plan.sessionType, kind: plan.kind, examOn: plan.examOn,
      registrationOpensOn: plan.registrationOpensOn, registrationClosesOn: plan.registrationClosesOn, createdBy: actor.id,
    }).returning();
    await tx.insert(examSessionSites).values(plan.siteIds.map((siteId) => ({ sessionId: row.id, siteId })));
    await appendAudit(tx, { entityType: 'exam_session', entityId: row.id, action: 'create', actorId: actor.id, toState: row.status, data: { values: audited(plan) } });
    return row.id;
  });
}

/**
 * HQ edits a session while it is scheduled (409 otherwise; versioned). Any field may change, within these rules:
 * the dates stay in order and a changed date is not in the past; once candidates are registered the kind and the
 * session type stay; a site with candidates stays; an added site is approved; every site examines the kind.
 */
export async function updateExamSession(db: Db, actor: Actor, id: number, input: ExamSessionUpdate) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(examSessions).where(eq(examSessions.id, id)).for('update');
    if (!current) throw notFound('exam session');
    if (current.version !== input.version) throw refused('stale_version', 'stale_version');
    if (current.status !== 'scheduled') throw refused('wrong_state', { code: 'exam_session_not_editable', params: { state: current.status } });
    const siteIds = (await tx.select({ siteId: examSessionSites.siteId }).from(examSessionSites).where(eq(examSessionSites.sessionId, id))).map((s) => s.siteId);
    const before = { ...current, kind: current.kind as ExaminableKind, siteIds };
    const next = {
      title: input.title ?? before.title, sessionType: input.sessionType ?? before.sessionType, kind: input.kind ?? before.kind,
      examOn: input.examOn ?? before.examOn, registrationOpensOn: input.registrationOpensOn ?? before.registrationOpensOn,
      registrationClosesOn: input.registrationClosesOn ?? before.registrationClosesOn, siteIds: input.siteIds ? [...new Set(input.siteIds)] : before.siteIds,
    };
    const changes = changesBetween(audited(before), audited(next));
    if (!Object.keys(changes).length) return;
    const counts = await tx.select({ siteId: examCandidates.siteId, n: sql<number>`count(*)`.mapWith(Number) }).from(examCandidates)
      .where(eq(examCandidates.sessionId, id)).groupBy(examCandidates.siteId);
    const total = counts.reduce((a, c) => a + c.n, 0);
    const problems: Reason[] = [];
    if (total && (changes.kind || changes.sessionType)) problems.push({ field: changes.kind ? 'kind' : 'sessionType', code: 'exam_session_kind_locked', params: { count: total } });
    const removed = before.siteIds.filter((s) => !next.siteIds.includes(s));
    for (const c of counts.filter((c) => removed.includes(c.siteId) && c.n > 0)) {
      const [site] = await tx.select({ name: examSites.name }).from(examSites).where(eq(examSites.id, c.siteId));
      problems.push({ field: 'siteIds', code: 'exam_session_site_has_candidates', params: { name: site?.name ?? String(c.siteId), count: c.n } });
    }
    problems.push(...dateProblems(next, new Set(Object.keys(changes)), todayInChina()));
    if (!problems.length) problems.push(...await siteProblems(tx, next, new Set(next.siteIds.filter((s) => !before.siteIds.includes(s)))));
    if (problems.length) throw invalid(problems);
    await tx.update(examSessions).set({
      title: next.title, sessionType: next.sessionType, kind: next.kind, examOn: next.examOn,
      registrationOpensOn: next.registrationOpensOn, registrationClosesOn: next.registrationClosesOn,
      version: current.version + 1, updatedAt: sql`now()`,
    }).where(eq(examSessions.id, id));
    if (changes.siteIds) {
      if (removed.length) await tx.delete(examSessionSites).where(and(eq(examSessionSites.sessionId, id), inArray(examSessionSites.siteId, removed)));
      const added = next.siteIds.filter((s) => !before.siteIds.includes(s));
      if (added.length) await tx.insert(examSessionSites).values(added.map((siteId) => ({ sessionId: id, siteId })));
    }
    await appendAudit(tx, { entityType: 'exam_session', entityId: id, action: 'update', actorId: actor.id, data: { changes } });
  });
}

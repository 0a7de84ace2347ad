import { and, eq, inArray, sql } from 'drizzle-orm';
import { todayInChina, type Actor, type Reason } from '@campus/common';
import type { Executor, Tx } from '../../db/client.js';
import { examCandidates, examSessions, examSessionSites, examSites, students } from '../../db/schema/index.js';
import { appendAudit } from '../audit/audit-repository.js';
import { invalid } from '../../lib/errors.js';
import { registrationOpenOn } from './exam-session-spec.js';

/** The field names a registration's problems are reported on (a form's, or an import file's columns). */
export interface EntryFields { session: string; site: string; student: string }

/**
 * One candidate to register: the session, the site (its id, or as an import file names it: its number or its
 * name), the student (its id, or its student number in the school); `row` is the import file's row.
 */
export interface Entry {
  sessionId: number;
  siteId?: number;
  siteText?: string;
  studentId?: number;
  studentNo?: string;
  row?: number;
  fields: EntryFields;
}

export interface Registration { sessionId: number; siteId: number; studentId: number; schoolId: number; row?: number }

const chunk = <T>(list: T[], size = 5000) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * Checks what a school asks to register, all entries together: the session exists and takes registrations today
 * (scheduled, within its window, China date); the site is one of the session's; the student is one of the school's
 * own and has not left the programme; no student twice in the session (nor twice in the request); and each site
 * keeps within its capacity, counting every school's candidates there. Returns the problems (each on its field and
 * row), or the registrations. With `lock`, the sessions are locked first (in id order), so that concurrent
 * registrations count each other's candidates (the capacity check is then final).
 */
export async function planRegistration(db: Executor, actor: Actor, entries: Entry[], lock: boolean): Promise<{ problems: Reason[]; registrations: Registration[] }> {
  const problems: Reason[] = [];
  const at = (e: Entry, field: keyof EntryFields, reason: Omit<Reason, 'field' | 'row'>) =>
    problems.push({ ...reason, field: e.fields[field], ...(e.row !== undefined ? { row: e.row } : {}) });
  const schoolId = actor.schoolId ?? -1;
  const today = todayInChina();

  const sessionIds = [...new Set(entries.map((e) => e.sessionId))].sort((a, b) => a - b);
  const sessionQuery = db.select().from(examSessions).where(inArray(examSessions.id, sessionIds)).orderBy(examSessions.id);
  const sessions = new Map((sessionIds.length ? await (lock ? sessionQuery.for('update') : sessionQuery) : []).map((s) => [s.id, s]));
  const siteRows = sessionIds.length ? await db.select({ sessionId: examSessionSites.sessionId, id: examSites.id, name: examSites.name, capacity: examSites.capacity })
    .from(examSessionSites).innerJoin(examSites, eq(examSites.id, examSessionSites.siteId)).where(inArray(examSessionSites.sessionId, sessionIds)) : [];

  const byId = new Map<number, typeof students.$inferSelect>();
  const byNo = new Map<string, typeof students.$inferSelect>();
  const ids = [...new Set(entries.flatMap((e) => (e.studentId !== undefined ? [e.studentId] : [])))];
  const nos = [...new Set(entries.flatMap((e) => (e.studentNo !== undefined ? [e.studentNo] : [])))];
  for (const part of chunk(ids)) for (const s of await db.select().from(students).where(and(inArray(students.id, part), eq(students.schoolId, schoolId)))) byId.set(s.id, s);
  for (const part of chunk(nos)) for (const s of await db.select().from(students).where(and(inArray(students.studentNo, part), eq(students.schoolId, schoolId)))) byNo.set(s.studentNo, s);
  const allIds = [...new Set([...byId.keys(), ...[...byNo.values()].map((s) => s.id)])];
  const already = new Set<string>();
  for (const part of chunk(allIds)) {
    for (const c of await db.select({ sessionId: examCandidates.sessionId, studentId: examCandidates.studentId }).from(examCandidates)
      .where(and(inArray(examCandidates.studentId, part), inArray(examCandidates.sessionId, sessionIds)))) already.add(`${c.sessionId}:${c.studentId}`);
  }

  const registrations: (Registration & { entry: Entry })[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const session = sessions.get(e.sessionId);
    if (!session) { at(e, 'session', { code: 'exam_session_unknown', params: { id: e.sessionId } }); continue; }
    if (!registrationOpenOn(session, today)) {
      at(e, 'session', { code: 'exam_registration_not_open', params: { state: session.status, opensOn: session.registrationOpensOn, closesOn: session.registrationClosesOn, today } });
      continue;
    }
    const ofSession = siteRows.filter((s) => s.sessionId === e.sessionId);
    const text = e.siteText?.trim();
    const site = e.siteId !== undefined ? ofSession.find((s) => s.id === e.siteId)
      : ofSession.find((s) => String(s.id) === text) ?? ofSession.find((s) => s.name === text);
    const student = e.studentId !== undefined ? byId.get(e.studentId) : byNo.get(e.studentNo ?? '');
    const studentWords = e.studentId !== undefined ? String(e.studentId) : e.studentNo ?? '';
    let ok = true;
    if (!site) { ok = false; at(e, 'site', { code: 'exam_site_not_in_session', params: { site: e.siteId ?? text ?? '' } }); }
    if (!student) { ok = false; at(e, 'student', { code: 'exam_student_unknown', params: { student: studentWords } }); } else {
      const label = `${student.studentNo} ${student.name}`;
      const key = `${e.sessionId}:${student.id}`;
      if (student.leftOn !== null) { ok = false; at(e, 'student', { code: 'exam_student_left', params: { student: label, leftOn: student.leftOn } }); } else if (already.has(key) || seen.has(key)) {
        ok = false; at(e, 'student', { code: 'exam_student_twice', params: { student: label } });
      }
      seen.add(key);
    }
    if (ok) registrations.push({ sessionId: e.sessionId, siteId: site!.id, studentId: student!.id, schoolId, row: e.row, entry: e });
  }

  // Capacity: every school's candidates at the site for the session, then this request's, in order.
  const pairs = [...new Set(registrations.map((r) => `${r.sessionId}:${r.siteId}`))];
  for (const pair of pairs) {
    const [sessionId, siteId] = pair.split(':').map(Number);
    const [{ n }] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(examCandidates).where(and(eq(examCandidates.sessionId, sessionId), eq(examCandidates.siteId, siteId)));
    const site = siteRows.find((s) => s.sessionId === sessionId && s.id === siteId)!;
    const left = Math.max(0, site.capacity - n);
    registrations.filter((r) => r.sessionId === sessionId && r.siteId === siteId).slice(left)
      .forEach((r) => at(r.entry, 'site', { code: 'exam_site_full', params: { name: site.name, capacity: site.capacity, left } }));
  }
  return { problems, registrations: registrations.map(({ entry: _e, ...r }) => r) };
}

/**
 * Registers the candidates in the caller's transaction, all or none: the sessions locked, every rule checked
 * (400 with each problem on its field and row, nothing written), then one row and one audit event per candidate.
 */
export async function registerCandidates(tx: Tx, actor: Actor, entries: Entry[], via?: 'bulk' | 'import'): Promise<number[]> {
  const { problems, registrations } = await planRegistration(tx, actor, entries, true);
  if (problems.length) throw invalid(problems, problems.length <= 5 ? 'all' : 'first');
  const ids: number[] = [];
  for (const part of chunk(registrations, 1000)) {
    const rows = await tx.insert(examCandidates).values(part.map((r) => ({ sessionId: r.sessionId, siteId: r.siteId, studentId: r.studentId, schoolId: r.schoolId, registeredBy: actor.id })))
      .returning({ id: examCandidates.id });
    for (const [i, row] of rows.entries()) {
      const r = part[i];
      ids.push(row.id);
      await appendAudit(tx, {
        entityType: 'exam_candidate', entityId: row.id, action: 'register', actorId: actor.id, schoolId: r.schoolId,
        data: { sessionId: r.sessionId, siteId: r.siteId, studentId: r.studentId, ...(via ? { via } : {}), ...(r.row !== undefined ? { row: r.row } : {}) },
      });
    }
  }
  return ids;
}

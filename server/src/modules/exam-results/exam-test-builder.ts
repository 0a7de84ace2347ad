import { todayInChina } from '@campus/common';
import type { Db } from '../../db/client.js';
import { agreements, certificates, examCandidates, examSessions, examSessionSites, examSites, students } from '../../db/schema/index.js';
import type { Client, TestContext } from '../../../test/test-app.js';
import { recomputeSchools } from '../compliance/recompute.js';
import { daysAgo } from '../../../test/days.js';

// A small world of exam sessions for the results and certificate tests, written straight into the database (the
// sites', sessions' and candidates' own modules are tested on their own).

export const today = todayInChina();
export { daysAgo };
export interface ExamWorld {
  siteId: number;
  /** Students by number: their id and school. */
  students: Map<string, { id: number; schoolId: number }>;
}

/** Current talent-base agreements for the two partner schools of the fixture with a policy (eastA, southA). */
export async function partnerships(t: TestContext) {
  const { eastA, southA } = t.fixture.schools;
  await t.database.db.insert(agreements).values([
    { schoolId: eastA.id, tier: 'talent_base', status: 'active', startDate: daysAgo(100), termYears: 3 },
    { schoolId: southA.id, tier: 'talent_base', status: 'active', startDate: daysAgo(100), termYears: 3 },
  ]);
  await t.database.db.transaction((tx) => recomputeSchools(tx, [eastA.id, southA.id], today));
}

/** An approved exam site at eastA, and students (number → school). */
export async function examWorld(db: Db, t: TestContext, byNumber: Record<string, number>): Promise<ExamWorld> {
  const [site] = await db.insert(examSites).values({
    name: '浙江金融职业学院考点', schoolId: t.fixture.schools.eastA.id, regionId: t.fixture.regions.east.id, address: '杭州', capacity: 200,
    kinds: ['1x_junior', '1x_intermediate', '1x_senior', 'operator'], contactName: '李老师', contactPhone: '13800000000', status: 'approved',
  }).returning();
  const rows = await db.insert(students).values(Object.entries(byNumber).map(([no, schoolId]) => ({
    schoolId, studentNo: no, name: `学生${no}`, cohortYear: 2025, enrolledOn: daysAgo(400),
  }))).returning();
  return { siteId: site.id, students: new Map(rows.map((s) => [s.studentNo, { id: s.id, schoolId: s.schoolId }])) };
}

/** A session of `kind` held `examDaysAgo` days ago, in `status`, with these students registered; its candidates by number. */
export async function session(db: Db, w: ExamWorld, opts: { kind?: string; status?: string; examDaysAgo?: number; numbers: string[]; title?: string }) {
  const exam = opts.examDaysAgo ?? 5;
  const [s] = await db.insert(examSessions).values({
    title: opts.title ?? '2026年第一次统考', kind: opts.kind ?? 'operator', examOn: daysAgo(exam), registrationOpensOn: daysAgo(exam + 30),
    registrationClosesOn: daysAgo(exam + 5), status: opts.status ?? 'closed',
  }).returning();
  await db.insert(examSessionSites).values({ sessionId: s.id, siteId: w.siteId });
  const candidates = new Map<string, number>();
  for (const no of opts.numbers) {
    const st = w.students.get(no)!;
    const [c] = await db.insert(examCandidates).values({ sessionId: s.id, siteId: w.siteId, studentId: st.id, schoolId: st.schoolId }).returning();
    candidates.set(no, c.id);
  }
  return { ...s, candidates };
}

/** A certificate as a school would have entered it (claimed), or as verified. */
export async function certificate(db: Db, w: ExamWorld, no: string, values: { kind?: string; certNo?: string | null; issuedOn?: string; status?: 'claimed' | 'verified' }) {
  const st = w.students.get(no)!;
  const verified = values.status === 'verified';
  const [c] = await db.insert(certificates).values({
    schoolId: st.schoolId, studentId: st.id, kind: values.kind ?? 'operator', certNo: values.certNo ?? null, issuedOn: values.issuedOn ?? daysAgo(20),
    status: values.status ?? 'claimed', verifiedAt: verified ? new Date() : null,
  }).returning();
  await db.transaction((tx) => recomputeSchools(tx, [st.schoolId], today));
  return c;
}

/** Sends a results file (CSV text) for a session. */
export function importResults(t: TestContext, c: Client, sessionId: number, csv: string, query = '') {
  return t.app.inject({ method: 'POST', url: `/api/exam-sessions/${sessionId}/results/import${query}`, payload: csv, headers: { cookie: c.cookie, 'content-type': 'text/csv' } });
}

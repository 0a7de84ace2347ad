import { eq } from 'drizzle-orm';
import type { TestContext } from './test-app.js';
import {
  agreements, applications, auditEvents, contentProposals, courseCompletions, courses, certificates, evaluations, evidenceFiles, feedback,
  instructors, jobFairs, jobRegistrations, joinRequests, examSites, examSessions, examSessionSites, examCandidates, notifications, practiceRecords, providerAssignments, providerReports, providers, students, users,
} from '../src/db/schema/index.js';
import { instructorTrainingParticipants, instructorTrainings } from '../src/db/schema/index.js';
import { recomputeSchools } from '../src/modules/compliance/recompute.js';
import { todayInChina } from '@campus/common';

/** A marker in every searchable text of the world, so that a `q` search reaches both sides. */
export const MARK = 'LEAKTEST';

export type Side = 'east' | 'south';
export type World = Record<string, Record<Side, number | string>>;

/**
 * One record of every resource on each side: "east" belongs to 浙江金融 (East China, the school of
 * school@, assigned to provider@), "south" to 广东轻工 (South China, the school of school2@, served by
 * another provider). Inserted directly: this is the stage of the access test, not its subject.
 */
export async function buildAccessWorld(t: TestContext): Promise<World> {
  const { db } = t.database;
  const school: Record<Side, number> = { east: t.fixture.schools.eastA.id, south: t.fixture.schools.southA.id };
  const [otherProvider] = await db.insert(providers).values({ name: `深圳外贸服务 ${MARK}` }).returning();
  await db.insert(providerAssignments).values({ providerId: otherProvider.id, schoolId: school.south });
  const providerOf: Record<Side, number> = { east: t.fixture.provider.id, south: otherProvider.id };
  const w: World = {};
  const put = (res: string, side: Side, id: number | string) => { (w[res] ??= {} as Record<Side, number>)[side] = id; };
  const start = '2024-09-01';
  for (const side of ['east', 'south'] as Side[]) {
    const s = school[side];
    put('schools', side, s);
    put('providers', side, providerOf[side]);
    const [app] = await db.insert(applications).values({ schoolId: s, tier: 'talent_base', status: 'pending_regional', plan: { summary: MARK }, pledge: true }).returning();
    put('applications', side, app.id);
    const [ag] = await db.insert(agreements).values({ schoolId: s, tier: 'talent_base', status: 'active', startDate: start, termYears: 3 }).returning();
    put('agreements', side, ag.id);
    put('compliance', side, `${ag.id}-1`);
    const [ev] = await db.insert(evaluations).values({ agreementId: ag.id, schoolId: s, year: 1, snapshot: { compliant: true } }).returning();
    put('evaluations', side, ev.id);
    const [st] = await db.insert(students).values({ schoolId: s, studentNo: `${side}-1`, name: `${MARK} ${side}`, cohortYear: 2024, enrolledOn: start }).returning();
    put('students', side, st.id);
    const [ce] = await db.insert(certificates).values({ schoolId: s, studentId: st.id, kind: 'operator', certNo: `${MARK}-${side}`, issuedOn: '2025-01-10' }).returning();
    put('certificates', side, ce.id);
    const [pr] = await db.insert(practiceRecords).values({ schoolId: s, studentId: st.id, project: `${MARK} ${side}`, hours: 8, practicedOn: '2025-01-10', confirmed: true, providerId: providerOf[side] }).returning();
    put('practice-records', side, pr.id);
    const [jr] = await db.insert(jobRegistrations).values({ schoolId: s, studentId: st.id, registeredOn: '2025-01-10', resumeCompleteness: 90, platformAccount: `${MARK}-${side}` }).returning();
    put('job-registrations', side, jr.id);
    const [jf] = await db.insert(jobFairs).values({ schoolId: s, title: `${MARK} ${side}`, heldOn: '2025-03-01' }).returning();
    put('job-fairs', side, jf.id);
    const [ins] = await db.insert(instructors).values({ schoolId: s, name: `${MARK} ${side}` }).returning();
    put('instructors', side, ins.id);
    // A training the side's instructor took (a school sees the trainings its instructors took; staff every one).
    const [training] = await db.insert(instructorTrainings).values({ title: `${MARK} ${side}`, level: 'junior', startsOn: '2025-03-01', endsOn: '2025-03-02' }).returning();
    put('instructor-trainings', side, training.id);
    const [participant] = await db.insert(instructorTrainingParticipants).values({ trainingId: training.id, instructorId: ins.id, schoolId: s, passed: false }).returning();
    put('instructor-training-participants', side, participant.id);
    const [co] = await db.insert(courses).values({ schoolId: s, kind: 'offline', title: `${MARK} ${side}`, classHours: 32, taughtFrom: '2025-03-01', taughtTo: '2025-06-30' }).returning();
    put('courses', side, co.id);
    const [cc] = await db.insert(courseCompletions).values({ schoolId: s, studentId: st.id, courseId: co.id, completedOn: '2025-06-30' }).returning();
    put('course-completions', side, cc.id);
    const key = (side === 'east' ? 'a' : 'b').repeat(32);
    const [ef] = await db.insert(evidenceFiles).values({ schoolId: s, entityType: 'school', entityId: s, fileName: `${MARK}-${side}.pdf`, contentType: 'application/pdf', sizeBytes: 4, storageKey: key, sha256: 'x' }).returning();
    put('evidence', side, ef.id);
    const [rep] = await db.insert(providerReports).values({ providerId: providerOf[side], schoolId: s, project: `${MARK} ${side}`, periodFrom: '2025-01-01', periodTo: '2025-01-31', studentCount: 1, totalHours: 8 }).returning();
    put('provider-reports', side, rep.id);
    const [cp] = await db.insert(contentProposals).values({ providerId: providerOf[side], title: `${MARK} ${side}`, description: 'x' }).returning();
    put('content-proposals', side, cp.id);
    const [fb] = await db.insert(feedback).values({ schoolId: s, providerId: providerOf[side], subject: `${MARK} ${side}`, body: 'x' }).returning();
    put('feedback', side, fb.id);
    const [ae] = await db.insert(auditEvents).values({ entityType: 'school', entityId: s, schoolId: s, action: 'note', comment: `${MARK} ${side}` }).returning();
    put('audit-events', side, ae.id);
    // A confirmed join request from the side's province (no school yet: it is the region's by province).
    const [jq] = await db.insert(joinRequests).values({
      schoolName: `${MARK} ${side} 学院`, province: side === 'east' ? '浙江' : '广东', kind: 'vocational', contactName: 'x', email: `${side}@join.test`,
      emailDomain: 'join.test', phone: '12345678', tier: 'partner_school', status: 'pending', confirmTokenHash: `${side}-token`, confirmExpiresAt: new Date(), requesterAddress: '127.0.0.1',
    }).returning();
    put('join-requests', side, jq.id);
  }
  // Exam sites: each side's school proposed its own (still proposed: the other side may not see it); one session at an
  // approved venue takes both sides' candidates (sessions are read by every role but providers).
  const [venue] = await db.insert(examSites).values({ name: `${MARK} venue`, regionId: t.fixture.regions.north.id, address: 'x', capacity: 100, kinds: ['1x_junior'], contactName: 'x', contactPhone: '12345678', status: 'approved' }).returning();
  const today = todayInChina();
  const later = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const [session] = await db.insert(examSessions).values({ title: `${MARK} 统考`, kind: '1x_junior', examOn: later(20), registrationOpensOn: today, registrationClosesOn: later(10) }).returning();
  await db.insert(examSessionSites).values({ sessionId: session.id, siteId: venue.id });
  for (const side of ['east', 'south'] as Side[]) {
    const s = school[side];
    const [site] = await db.insert(examSites).values({
      name: `${MARK} ${side} 考点`, schoolId: s, regionId: side === 'east' ? t.fixture.regions.east.id : t.fixture.regions.south.id, address: 'x', capacity: 50,
      kinds: ['1x_junior'], contactName: 'x', contactPhone: '12345678',
    }).returning();
    put('exam-sites', side, site.id);
    put('exam-sessions', side, session.id);
    const [candidate] = await db.insert(examCandidates).values({ sessionId: session.id, siteId: venue.id, studentId: Number(w.students[side]), schoolId: s }).returning();
    put('exam-candidates', side, candidate.id);
  }
  await db.transaction((tx) => recomputeSchools(tx, [school.east, school.south], todayInChina()));
  // Accounts: each side's school account (regional staff manage those of their regions; HQ all).
  // Regions and tier policies are programme-wide.
  for (const [side, email] of [['east', 'school@test.cn'], ['south', 'school2@test.cn']] as const) {
    const [account] = await db.select().from(users).where(eq(users.email, email));
    put('users', side, account.id);
  }
  return w;
}

/** One notification for each user; "own" is the requester's, "other" somebody else's. */
export async function notificationsByUser(t: TestContext) {
  const rows = await t.database.db.insert(notifications).values(
    Object.values(t.fixture.users).map((u) => ({ userId: u.id, kind: 'test.note', entityType: 'tier_policy', entityId: 1 })),
  ).returning();
  return new Map(rows.map((r) => [r.userId, r.id]));
}

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '@campus/server/db/client.js';
import { createTestDatabase } from '@campus/server/test/test-database.js';
import { queryRows } from '@campus/server/db/raw.js';
import * as s from '@campus/server/db/schema/index.js';
import { applicationStates, tiers, type Tier } from '@campus/server/db/schema/index.js';
import { verifyPassword } from '@campus/server/modules/auth/password.js';
import { buildDemo, DEMO_PASSWORD, demoIdTables, openContext, seedDemoIfEmpty } from './demo.js';
import { SCHOOLS } from './demo-data.js';
import { computeCompliance, countKpis, failingKpis, type SchoolFacts, type Thresholds } from './kpi.js';
import { computeKpiValues } from '@campus/server/modules/compliance/kpi-values-sql.js';
import { toSummary } from '@campus/server/modules/compliance/summary-rows.js';
import { inFlightApplicationStates, isLiveAgreement, kpiNames, liveAgreementStates, tierPolicyDefaults, todayInChina } from '@campus/common';
import { IdSource } from './lib/bulk.js';
import { addDaysTo, addYearsTo, agreementYearOn } from './lib/dates.js';
import { loadSchoolFacts } from './load-facts.js';
import { CATALOGUE, REGIONS, seedReferenceData } from '@campus/server/modules/reference-data/reference-data.js';

let database: Database;
let seeded: boolean;
let seedMs: number;
/** CPU time of the seed (user and system; PGlite runs in this process): what the seed costs, however busy the machine. */
let seedCpuMs: number;
const today = todayInChina();

const TABLES = [
  'regions', 'tier_policies', 'courses', 'schools', 'providers', 'provider_assignments', 'users', 'user_regions', 'applications',
  'application_plan_items', 'agreements', 'evaluations', 'instructors', 'instructor_certifications', 'school_required_courses',
  'students', 'course_completions', 'certificates', 'practice_records', 'job_registrations', 'job_applications', 'job_fairs',
  'provider_reports', 'content_proposals', 'feedback', 'notifications', 'audit_events',
];
async function counts() {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const [row] = await queryRows<{ n: number }>(database.db, sql.raw(`SELECT count(*)::int AS n FROM "${t}"`));
    out[t] = Number(row.n);
  }
  return out;
}

beforeAll(async () => {
  // A copy of the migrated template the server's tests use (loading it skips initdb and the migrations).
  database = await createTestDatabase();
  const started = performance.now();
  const cpu = process.cpuUsage();
  seeded = await seedDemoIfEmpty(database.db);
  const used = process.cpuUsage(cpu);
  seedCpuMs = (used.user + used.system) / 1000;
  seedMs = performance.now() - started;
});
afterAll(async () => {
  await database?.close();
});

const db = () => database.db;
const userByEmail = async (email: string) => (await db().select().from(s.users).where(eq(s.users.email, email)))[0];
const regionCodesOf = async (userId: number) => (await db().select({ code: s.regions.code }).from(s.userRegions)
  .innerJoin(s.regions, eq(s.regions.id, s.userRegions.regionId)).where(eq(s.userRegions.userId, userId))).map((r) => r.code).sort();
const schoolWithRegion = async (schoolId: number) => (await db().select({ school: s.schools, region: s.regions.code }).from(s.schools)
  .innerJoin(s.regions, eq(s.regions.id, s.schools.regionId)).where(eq(s.schools.id, schoolId)))[0];
const liveAgreement = async (schoolId: number) => (await db().select().from(s.agreements)
  .where(and(eq(s.agreements.schoolId, schoolId), inArray(s.agreements.status, [...liveAgreementStates]))))[0];

describe('loading', () => {
  it('loads the demo set on an empty database within a few seconds', () => {
    expect(seeded).toBe(true);
    console.log(`demo seed: ${Math.round(seedMs)} ms (${Math.round(seedCpuMs)} ms of CPU)`);
    // Its CPU time, not the time on the clock: another process on a busy machine stretches the latter, not the former.
    expect(seedCpuMs).toBeLessThan(20_000);
  });

  it('loads nothing more when run again, and the reference data stays as it is', async () => {
    const before = await counts();
    expect(await seedDemoIfEmpty(db())).toBe(false);
    await seedReferenceData(db());
    expect(await counts()).toEqual(before);
    expect(before.regions).toBe(REGIONS.length);
    expect(before.tier_policies).toBe(tiers.length);
    const catalogue = await db().select({ code: s.courses.code }).from(s.courses).where(isNull(s.courses.schoolId));
    expect(catalogue.map((c) => c.code).sort()).toEqual(CATALOGUE.map((c) => c.code).sort());
  });

  it('has a realistic volume of facts', async () => {
    const n = await counts();
    console.log(n);
    expect(n.schools).toBeGreaterThanOrEqual(38);
    expect(n.students).toBeGreaterThanOrEqual(6000);
    expect(n.students).toBeLessThanOrEqual(10_000);
    for (const t of ['certificates', 'practice_records', 'course_completions', 'job_registrations', 'job_applications', 'job_fairs', 'evaluations', 'audit_events']) {
      expect(n[t], t).toBeGreaterThan(0);
    }
  });
});

describe('the demo accounts of DOMAIN.md', () => {
  it('all sign in with the demo password', async () => {
    for (const email of ['hq@demo.test', 'east@demo.test', 'south@demo.test', 'school@demo.test', 'school2@demo.test', 'provider@demo.test']) {
      const u = await userByEmail(email);
      expect(u, email).toBeDefined();
      expect(u.active).toBe(true);
      expect(await verifyPassword(u.passwordHash, DEMO_PASSWORD), email).toBe(true);
    }
  });

  it('hq sees everything and the regional staff their region', async () => {
    const hq = await userByEmail('hq@demo.test');
    expect(hq).toMatchObject({ role: 'hq', schoolId: null, providerId: null });
    const east = await userByEmail('east@demo.test');
    expect(east.role).toBe('regional');
    expect(await regionCodesOf(east.id)).toEqual(['east']);
    const south = await userByEmail('south@demo.test');
    expect(south.role).toBe('regional');
    expect(await regionCodesOf(south.id)).toEqual(['south']);
  });

  it('school@demo.test runs an active industry college in East China, started two years and some months ago', async () => {
    const u = await userByEmail('school@demo.test');
    expect(u.role).toBe('school');
    const { school, region } = await schoolWithRegion(u.schoolId!);
    expect(region).toBe('east');
    expect(school).toMatchObject({ status: 'partner', tier: 'industry_college' });
    const agreement = await liveAgreement(school.id);
    expect(agreement).toMatchObject({ tier: 'industry_college', status: 'active' });
    expect(agreement.startDate! < addYearsTo(today, -2)).toBe(true);
    expect(agreement.startDate! > addYearsTo(today, -3)).toBe(true);
    expect(agreement).toMatchObject({ signedOn: expect.any(String), plaqueOn: expect.any(String), inspectionPassedOn: agreement.startDate });
  });

  it('school2@demo.test runs an active talent base in South China', async () => {
    const u = await userByEmail('school2@demo.test');
    expect(u.role).toBe('school');
    const { school, region } = await schoolWithRegion(u.schoolId!);
    expect(region).toBe('south');
    expect(await liveAgreement(school.id)).toMatchObject({ tier: 'talent_base', status: 'active' });
  });

  it('provider@demo.test is assigned to the school of school@demo.test only', async () => {
    const u = await userByEmail('provider@demo.test');
    expect(u.role).toBe('provider');
    const school = await userByEmail('school@demo.test');
    const assigned = await db().select().from(s.providerAssignments).where(eq(s.providerAssignments.providerId, u.providerId!));
    expect(assigned.map((a) => a.schoolId)).toEqual([school.schoolId]);
  });

  it('every user satisfies the role links, and every regional user has a region', async () => {
    const all = await db().select().from(s.users);
    for (const u of all) {
      expect(u.schoolId !== null, u.email).toBe(u.role === 'school');
      expect(u.providerId !== null, u.email).toBe(u.role === 'provider');
      if (u.role === 'regional') expect((await regionCodesOf(u.id)).length, u.email).toBeGreaterThan(0);
    }
  });
});

describe('applications', () => {
  it('has at least three East China applications in each of pending_regional, pending_hq and returned', async () => {
    const rows = await queryRows<{ status: string; n: number }>(db(), sql`
      SELECT a.status, count(DISTINCT a.school_id)::int AS n FROM applications a
      JOIN schools sc ON sc.id = a.school_id JOIN regions r ON r.id = sc.region_id
      WHERE r.code = 'east' GROUP BY a.status`);
    const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    for (const status of ['pending_regional', 'pending_hq', 'returned']) expect(by[status] ?? 0, status).toBeGreaterThanOrEqual(3);
  });

  it('has an application in every state', async () => {
    const rows = await db().selectDistinct({ status: s.applications.status }).from(s.applications);
    expect(rows.map((r) => r.status).sort()).toEqual([...applicationStates].sort());
  });

  it('keeps at most one application in flight per school, and at most one live agreement', async () => {
    const inFlight = await queryRows<{ n: number }>(db(), sql`
      SELECT count(*)::int AS n FROM applications WHERE ${inArray(s.applications.status, [...inFlightApplicationStates])} GROUP BY school_id HAVING count(*) > 1`);
    expect(inFlight).toEqual([]);
    const live = await queryRows<{ n: number }>(db(), sql`
      SELECT count(*)::int AS n FROM agreements WHERE ${inArray(s.agreements.status, [...liveAgreementStates])} GROUP BY school_id HAVING count(*) > 1`);
    expect(live).toEqual([]);
  });

  it('gives every application a plan and items, returned ones their comments, and a history ending in their state', async () => {
    const apps = await db().select().from(s.applications);
    const items = await db().select().from(s.applicationPlanItems);
    const audit = await db().select().from(s.auditEvents).where(eq(s.auditEvents.entityType, 'application'));
    for (const app of apps) {
      expect(Object.keys(app.plan as object), `application ${app.id}`).toEqual(expect.arrayContaining(['qualifications', 'targets', 'summary']));
      expect(items.some((i) => i.applicationId === app.id && i.kind === 'instructor')).toBe(true);
      const history = audit.filter((e) => e.entityId === app.id).sort((a, b) => a.at.getTime() - b.at.getTime());
      if (app.status === 'draft') {
        expect(history).toEqual([]);
        continue;
      }
      expect(app.pledge).toBe(true);
      expect(app.submittedAt).not.toBeNull();
      expect(history[0]).toMatchObject({ action: 'submit', fromState: 'draft', schoolId: app.schoolId });
      expect(history.at(-1)!.toState).toBe(app.status);
      for (let i = 1; i < history.length; i++) expect(history[i].fromState).toBe(history[i - 1].toState);
      expect(app.version).toBe(history.length + 1);
      if (app.status === 'returned') expect(Object.keys(app.reviewComments as object).length).toBeGreaterThan(0);
      if (app.status === 'approved') {
        const support = items.filter((i) => i.applicationId === app.id && i.needsPlatformSupport);
        expect(support.every((i) => i.approved === true)).toBe(true);
      }
    }
  });

  it('links every approved application to the agreement it created', async () => {
    const approved = await db().select().from(s.applications).where(eq(s.applications.status, 'approved'));
    const agreements = await db().select().from(s.agreements);
    for (const app of approved) {
      const agreement = agreements.find((a) => a.applicationId === app.id);
      expect(agreement, `application ${app.id}`).toMatchObject({ schoolId: app.schoolId, tier: app.tier });
    }
    for (const a of agreements.filter((x) => x.applicationId === null)) {
      expect(a.previousAgreementId, `agreement ${a.id} is a renewal`).not.toBeNull();
    }
  });
});

describe('agreements and schools', () => {
  it('has an active agreement of every tier, and agreements in every other state of the demo', async () => {
    const rows = await db().selectDistinct({ tier: s.agreements.tier, status: s.agreements.status }).from(s.agreements);
    for (const tier of tiers) expect(rows.some((r) => r.tier === tier && r.status === 'active'), tier).toBe(true);
    for (const status of ['pending_signing', 'pending_plaque', 'pending_inspection', 'rectifying', 'terminated', 'expired', 'renewed']) {
      expect(rows.some((r) => r.status === status), status).toBe(true);
    }
  });

  it('started the live agreements within their term, the longer ones one to three years ago', async () => {
    const live = await db().select().from(s.agreements).where(inArray(s.agreements.status, [...liveAgreementStates]));
    for (const a of live) {
      expect(a.startDate! <= today).toBe(true);
      expect(addYearsTo(a.startDate!, a.termYears) > today, `agreement ${a.id}`).toBe(true);
      if (a.termYears === 3) expect(a.startDate! < addYearsTo(today, -1), `agreement ${a.id}`).toBe(true);
    }
    const rectifying = live.find((a) => a.status === 'rectifying')!;
    expect(rectifying.rectificationNotice).toBeTruthy();
    expect(rectifying.rectificationDeadline! > today).toBe(true);
    expect(rectifying.rectificationKpis).toEqual(['practiceHours']);
  });

  it("keeps each school's status and tier consistent with its agreements", async () => {
    const schools = await db().select().from(s.schools);
    const agreements = await db().select().from(s.agreements);
    for (const school of schools) {
      const live = agreements.find((a) => a.schoolId === school.id && isLiveAgreement(a.status));
      if (live) {
        expect(school, school.name).toMatchObject({ tier: live.tier, status: live.status === 'active' ? 'partner' : 'rectifying' });
      } else {
        expect(school.tier, school.name).toBeNull();
        expect(['prospect', 'applying', 'terminated', 'expired'], school.name).toContain(school.status);
      }
    }
  });

  it('records the signing path of the tiers that sign, with audit events', async () => {
    const agreements = await db().select().from(s.agreements).where(inArray(s.agreements.tier, ['industry_college', 'talent_base']));
    const audit = await db().select().from(s.auditEvents).where(eq(s.auditEvents.entityType, 'agreement'));
    for (const a of agreements.filter((x) => x.status === 'active')) {
      const actions = audit.filter((e) => e.entityId === a.id).map((e) => e.action);
      expect(actions, `agreement ${a.id}`).toEqual(a.tier === 'industry_college' ? ['sign', 'hold_plaque_ceremony', 'pass_inspection'] : ['sign', 'pass_inspection']);
      expect(a.signedOn).not.toBeNull();
      expect(a.inspectionPassedOn).toBe(a.startDate);
    }
    for (const a of agreements.filter((x) => x.status.startsWith('pending_'))) expect(a.startDate).toBeNull();
  });
});

describe('KPIs of the current agreement year', () => {
  const policyOf = async (tier: Tier): Promise<Thresholds> => {
    const [p] = await db().select().from(s.tierPolicies).where(eq(s.tierPolicies.tier, tier));
    return p;
  };
  const currentYearOf = async (schoolName: string) => {
    const [school] = await db().select().from(s.schools).where(eq(s.schools.name, schoolName));
    const agreement = await liveAgreement(school.id);
    const facts: SchoolFacts = await loadSchoolFacts(db(), school.id);
    let year = 1;
    while (addYearsTo(agreement.startDate!, year) <= today) year++;
    return computeCompliance({
      schoolId: school.id, agreementId: agreement.id, tier: agreement.tier, startDate: agreement.startDate!, year, today,
      policy: await policyOf(agreement.tier as Tier), facts,
    });
  };

  const withFacts = SCHOOLS.filter((x) => x.facts && x.agreements?.some((a) => isLiveAgreement(a.status)));
  it.each(withFacts.map((x) => [x.name, x] as const))('%s is compliant except in the KPI it is meant to fail', async (_name, spec) => {
    const row = await currentYearOf(spec.name);
    const expected = spec.facts!.fails === 'certificates' ? ['certificates1x', 'certificatesOperator'] : spec.facts!.fails ? [spec.facts!.fails] : [];
    expect(failingKpis(row), JSON.stringify(row.kpis)).toEqual(expected);
  });

  it('has a live agreement whose latest ended year fails practice hours and awaits its evaluation, every other ended year evaluated', async () => {
    const specs = withFacts.filter((x) => x.facts!.failedLastYear);
    expect(specs.length).toBeGreaterThan(0);
    for (const spec of specs) {
      const [school] = await db().select().from(s.schools).where(eq(s.schools.name, spec.name));
      const agreement = await liveAgreement(school.id);
      expect(agreement.status).toBe('active');
      let year = 1;
      while (addYearsTo(agreement.startDate!, year) <= today) year++;
      const last = year - 1;
      expect(last, 'the agreement has an ended year').toBeGreaterThan(0);
      const row = computeCompliance({
        schoolId: school.id, agreementId: agreement.id, tier: agreement.tier, startDate: agreement.startDate!, year: last, today,
        policy: await policyOf(agreement.tier as Tier), facts: await loadSchoolFacts(db(), school.id),
      });
      expect(failingKpis(row), JSON.stringify(row.kpis)).toEqual([spec.facts!.failedLastYear]);
      const evaluated = await db().select({ year: s.evaluations.year }).from(s.evaluations).where(eq(s.evaluations.agreementId, agreement.id));
      expect(evaluated.map((e) => e.year).sort()).toEqual(Array.from({ length: last - 1 }, (_, i) => i + 1));
    }
  });

  it('has a school failing each KPI', () => {
    const failed = new Set(withFacts.map((x) => x.facts!.fails).filter(Boolean));
    for (const kpi of ['certifiedInstructors', 'teachingDelivery', 'offlineCourses', 'practiceHours', 'certificates', 'jobPlatformRate', 'jobFairs']) {
      expect(failed.has(kpi as never), kpi).toBe(true);
    }
  });

  it('froze a compliance snapshot in every evaluation, and decided the past years', async () => {
    const evaluations = await db().select().from(s.evaluations);
    expect(evaluations.length).toBeGreaterThan(10);
    for (const e of evaluations) {
      expect(e.snapshot).toMatchObject({ agreementId: e.agreementId, year: e.year, kpis: expect.any(Object) });
      if (e.decision === 'rectify') expect(e.failingKpis).toEqual(['practiceHours']);
    }
    expect(evaluations.some((e) => e.status === 'open')).toBe(true);
  });
});

describe('on other days', () => {
  // The data is counted back from today: whatever the day, each school fails only what it is meant to fail.
  class Rollback extends Error {}
  const days = [30, 95, 160, 230, 300, 365 + 200].map((n) => addDaysTo(today, n));
  it.each(days)('on %s', async (day) => {
    const outcome: Record<string, string[]> = {};
    const expected: Record<string, string[]> = {};
    await expect(db().transaction(async (tx) => {
      const ids = await IdSource.open(tx, demoIdTables());
      const ctx = await openContext(tx, day, ids);
      for (const school of buildDemo(ctx, 'not-a-hash')) {
        const live = school.agreements.find((a) => isLiveAgreement(a.status));
        if (!live || !school.facts) continue;
        const row = computeCompliance({
          schoolId: school.id, agreementId: live.id, tier: live.tier, startDate: live.startDate!, year: agreementYearOn(live.startDate!, day),
          today: day, policy: ctx.policies[live.tier], facts: school.facts,
        });
        const fails = school.spec.facts!.fails;
        outcome[school.spec.name] = failingKpis(row);
        expected[school.spec.name] = fails === 'certificates' ? ['certificates1x', 'certificatesOperator'] : fails ? [fails] : [];
      }
      throw new Rollback();
    })).rejects.toBeInstanceOf(Rollback);
    expect(outcome).toEqual(expected);
  });
});

describe("the seed's KPI computation is the server's engine", () => {
  // The snapshots the seed freezes are counted in memory (kpi.ts): for every agreement year of the demo, the
  // counts, values, verdicts and record equal what the server's engine (kpi-values-sql.ts, toSummary) gives.
  it('gives every agreement year of the demo the values, verdicts and record of the server', async () => {
    const serverRows = await computeKpiValues(db(), { today });
    expect(serverRows.length).toBeGreaterThan(30);
    const agreements = new Map((await db().select().from(s.agreements)).map((a) => [a.id, a]));
    const schools = new Map((await db().select().from(s.schools)).map((x) => [x.id, x]));
    const policies = await db().select().from(s.tierPolicies);
    const facts = new Map<number, SchoolFacts>();
    let compared = 0;
    for (const r of serverRows) {
      const a = agreements.get(r.agreementId)!;
      const policy = policies.find((p) => p.id === r.policyId)!;
      if (!facts.has(r.schoolId)) facts.set(r.schoolId, await loadSchoolFacts(db(), r.schoolId));
      const seedCounts = countKpis({
        schoolId: r.schoolId, regionId: r.regionId, agreementId: r.agreementId, tier: a.tier, startDate: a.startDate!, endedOn: a.endedOn,
        year: r.year, today, policy, policyId: policy.id, facts: facts.get(r.schoolId)!,
      });
      const { isCurrent: _seed, ...seedRest } = seedCounts;
      // The distributions the what-if reads (kept for current years only) are the server engine's alone: the seed's
      // frozen snapshots leave them out, and the what-if counts such a year from its facts (what-if.test.ts).
      const { isCurrent: _server, activeHistogram: _h1, offlineHoursHistogram: _h2, ...serverRest } = r;
      expect(seedRest, `${r.agreementId}-${r.year}`).toEqual(serverRest);
      const { current: _c, projection: _p, awaitingFinalReview: _a, kpis, ...record } = toSummary(r, policy, today).record;
      const seed = computeCompliance({
        schoolId: r.schoolId, schoolName: schools.get(r.schoolId)!.name, regionId: r.regionId, agreementId: r.agreementId, tier: a.tier,
        startDate: a.startDate!, endedOn: a.endedOn, year: r.year, today, policy, facts: facts.get(r.schoolId)!,
      });
      expect(seed).toMatchObject({ ...record, schoolName: schools.get(r.schoolId)!.name });
      for (const k of kpiNames) expect({ k, value: seed.kpis[k].value, met: seed.kpis[k].met }).toEqual({ k, value: kpis[k].value, met: kpis[k].met });
      compared++;
    }
    expect(compared).toBe(serverRows.length);
  });
});

describe("the seed's copy of the KPI rules", () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // The server's committed copy of the shared cases, or the shared file beside the repository.
  const file = [createRequire(import.meta.url).resolve('@campus/server/test/kpi-cases.json'), path.resolve(here, '../../../shared/kpi-cases.json')].find((f) => fs.existsSync(f));
  const cases = file ? JSON.parse(fs.readFileSync(file, 'utf8')).cases as KpiCase[] : [];
  it.skipIf(cases.length === 0).each(cases.map((c) => [c.name, c] as const))('gives the expected values: %s', (_name, c) => {
    const ids = new Map<string, number>();
    const id = (key: string) => ids.get(key) ?? (ids.set(key, ids.size + 1), ids.size);
    const facts: SchoolFacts = {
      instructorCertifications: (c.instructors ?? []).map((i) => ({ instructorId: id(i.key), validFrom: i.certValidFrom, validTo: i.certValidTo })),
      offlineCourses: c.offlineCourses ?? [],
      requiredCourseIds: [1, 2],
      students: (c.students ?? []).map((x) => ({ id: id(x.key), enrolledOn: x.enrolledOn ?? `${x.cohortYear}-09-01`, leftOn: x.leftOn ?? null, leftReason: x.leftReason ?? null })),
      completions: (c.students ?? []).flatMap((x) => [...(x.completedAllCourses ? [{ studentId: id(x.key), courseId: 1 }] : []), ...(x.platformTraining ? [{ studentId: id(x.key), courseId: 2 }] : [])]),
      certificates: (c.certificates ?? []).map((x) => ({ studentId: id(x.student), kind: x.kind, issuedOn: x.issuedOn })),
      practice: (c.practice ?? []).map((p) => ({ studentId: id(p.student), hours: p.hours, practicedOn: p.date, confirmed: p.confirmed })),
      registrations: (c.jobRegistrations ?? []).map((j) => ({ studentId: id(j.student), registeredOn: j.registeredOn, resumeCompleteness: j.resumeCompleteness })),
      jobApplications: (c.jobRegistrations ?? []).flatMap((j) => j.applicationDates.map((d) => ({ studentId: id(j.student), appliedOn: d }))),
      jobFairs: (c.jobFairs ?? []).map((f) => ({ heldOn: f.date })),
    };
    const policy = { ...tierPolicyDefaults, ...c.policy } as Thresholds;
    const row = computeCompliance({ schoolId: 1, agreementId: 1, tier: c.agreement.tier, startDate: c.agreement.startDate, year: c.year, today: c.today, policy, facts });
    expect({ from: row.from, to: row.to, compliant: row.compliant }).toEqual({ from: c.expected.from, to: c.expected.to, compliant: c.expected.compliant });
    for (const [kpi, expected] of Object.entries(c.expected.kpis)) {
      const got = row.kpis[kpi as keyof typeof row.kpis];
      expect({ kpi, value: got.value, met: got.met }).toEqual({ kpi, value: expected.value, met: expected.met });
    }
  });
});

interface KpiCase {
  name: string;
  agreement: { tier: string; startDate: string };
  year: number;
  today: string;
  policy: Record<string, number | null>;
  instructors?: { key: string; certValidFrom: string; certValidTo: string }[];
  offlineCourses?: { classHours: number; taughtFrom: string; taughtTo: string }[];
  students?: { key: string; cohortYear?: number; enrolledOn?: string; leftOn?: string; leftReason?: string; completedAllCourses?: boolean; platformTraining?: boolean }[];
  practice?: { student: string; date: string; hours: number; confirmed: boolean }[];
  certificates?: { student: string; kind: string; issuedOn: string }[];
  jobRegistrations?: { student: string; registeredOn: string; resumeCompleteness: number; applicationDates: string[] }[];
  jobFairs?: { date: string }[];
  expected: { from: string; to: string; compliant: boolean; kpis: Record<string, { value: number | null; met: boolean | null }> };
}

describe('the certification loop (issue 18)', () => {
  it('has exam sites approved and one waiting for HQ, and a session in each of published, closed and open', async () => {
    const sites = await queryRows<{ status: string; n: number }>(db(), sql`SELECT status, count(*)::int AS n FROM exam_sites GROUP BY status ORDER BY status`);
    expect(sites).toEqual([{ status: 'approved', n: 3 }, { status: 'proposed', n: 1 }]);
    const sessions = await queryRows<{ status: string; open: boolean }>(db(), sql`
      SELECT status, registration_opens_on <= ${today}::date AND registration_closes_on >= ${today}::date AS open FROM exam_sessions ORDER BY exam_on`);
    expect(sessions).toEqual([{ status: 'results_published', open: false }, { status: 'closed', open: false }, { status: 'scheduled', open: true }]);
  });

  it("the published session's passes are verified certificates of its kind, issued after the exam; every site within its capacity", async () => {
    const [passes] = await queryRows<{ passed: number; linked: number; wrong: number }>(db(), sql`
      SELECT count(*)::int AS passed, count(cert.id)::int AS linked,
             count(*) FILTER (WHERE cert.status <> 'verified' OR cert.kind <> es.kind OR cert.issued_on < es.exam_on OR cert.student_id <> c.student_id)::int AS wrong
        FROM exam_candidates c JOIN exam_sessions es ON es.id = c.session_id LEFT JOIN certificates cert ON cert.id = c.certificate_id
       WHERE c.result = 'passed'`);
    expect(passes.passed).toBeGreaterThan(10);
    expect(passes).toMatchObject({ linked: passes.passed, wrong: 0 });
    const [verified] = await queryRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM certificates WHERE status = 'verified'`);
    expect(verified.n).toBe(passes.passed);
    const over = await queryRows(db(), sql`
      SELECT c.session_id, c.site_id FROM exam_candidates c JOIN exam_sites site ON site.id = c.site_id
       GROUP BY c.session_id, c.site_id, site.capacity HAVING count(*) > site.capacity`);
    expect(over).toEqual([]);
  });

  it("has instructor trainings whose passes are the certifications they renewed (from the training's last day, for its validity)", async () => {
    const rows = await queryRows<{ passed: boolean; linked: boolean; fits: boolean }>(db(), sql`
      SELECT p.passed, c.id IS NOT NULL AS linked,
             coalesce(c.valid_from = t.ends_on AND c.valid_to = (t.ends_on + make_interval(months => t.validity_months) - interval '1 day')::date AND c.level = t.level, false) AS fits
        FROM instructor_training_participants p JOIN instructor_trainings t ON t.id = p.training_id
        LEFT JOIN instructor_certifications c ON c.id = p.certification_id`);
    expect(rows.filter((r) => r.passed)).toEqual([{ passed: true, linked: true, fits: true }, { passed: true, linked: true, fits: true }]);
    expect(rows.filter((r) => !r.passed).every((r) => !r.linked)).toBe(true);
  });
});

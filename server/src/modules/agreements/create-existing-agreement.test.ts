import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { summariesBeforeAndAfterFullRecomputation } from '../../../test/compliance-check.js';
import { agreements, auditEvents, evaluations, schools } from '../../db/schema/index.js';
import { todayInChina } from '@campus/common';
import { ensureComplianceFresh } from '../compliance/recompute.js';
import { daysAgo } from '../../../test/days.js';
import { runBulkOpen } from '../../../test/bulk-open.js';

/**
 * issue 13 item 4: HQ records one partnership that began before the product (POST /api/agreements):
 * the agreement, the years evaluated outside the product with their decision, the rectification; the
 * school's tier and status follow, compliance is computed at once, bulk opening skips the evaluated years.
 */
let t: TestContext;
const today = todayInChina();

beforeAll(async () => {
  t = await createTestApp();
  await ensureComplianceFresh(t.database.db, today);
});
afterAll(async () => { await t?.close(); });


describe('POST /api/agreements: a partnership that began before the product', () => {
  it('creates an active Partner School agreement 800 days back, its evaluated year, compliance at once; bulk opening skips that year', async () => {
    const hq = await t.as('hq@test.cn');
    const school = t.fixture.schools.eastA;
    const res = await hq.post('/api/agreements', {
      schoolId: school.id, tier: 'partner_school', startDate: daysAgo(800), termYears: 3, status: 'active',
      evaluatedYears: [{ year: 1, decision: 'continue' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ schoolId: school.id, tier: 'partner_school', status: 'active', startDate: daysAgo(800), termYears: 3, applicationId: null, currentYear: 3 });
    const [s] = await t.database.db.select().from(schools).where(eq(schools.id, school.id));
    expect(s).toMatchObject({ tier: 'partner_school', status: 'partner' });
    const evals = await t.database.db.select().from(evaluations).where(eq(evaluations.agreementId, a.id));
    expect(evals).toEqual([expect.objectContaining({ year: 1, status: 'decided', decision: 'continue', kind: 'annual' })]);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'import'));
    expect(events.map((e) => [e.entityType, e.entityId])).toEqual(expect.arrayContaining([['agreement', a.id], ['evaluation', evals[0].id]]));
    const current = (await hq.get('/api/compliance', listQuery({ filter: { current: true } }))).json() as { agreementId: number; year: number }[];
    expect(current.filter((r) => r.agreementId === a.id)).toEqual([expect.objectContaining({ year: 3 })]);
    const { before, after } = await summariesBeforeAndAfterFullRecomputation(t.database.db);
    expect(before).toEqual(after);
    const job = await runBulkOpen(hq);
    expect(job.status).toBe('done');
    const opened = await t.database.db.select({ year: evaluations.year, status: evaluations.status }).from(evaluations).where(eq(evaluations.agreementId, a.id));
    expect(opened.sort((x, y) => x.year - y.year)).toEqual([{ year: 1, status: 'decided' }, { year: 2, status: 'open' }]);
  });

  it('creates a rectifying Industry College agreement with its notice and deadline; the school is rectifying', async () => {
    const hq = await t.as('hq@test.cn');
    const school = t.fixture.schools.southA;
    const res = await hq.post('/api/agreements', {
      schoolId: school.id, tier: 'industry_college', startDate: daysAgo(400), termYears: 3, status: 'rectifying',
      rectificationNotice: '就业平台注册率不足', rectificationDeadline: daysAgo(-60), evaluatedYears: [{ year: 1, decision: 'rectify' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'rectifying', rectificationNotice: '就业平台注册率不足', rectificationDeadline: daysAgo(-60) });
    const [s] = await t.database.db.select().from(schools).where(eq(schools.id, school.id));
    expect(s).toMatchObject({ tier: 'industry_college', status: 'rectifying' });
  });

  it('refuses a school with a live agreement (naming it), a future start, a year not ended, an unknown school, a rectification without notice', async () => {
    const hq = await t.as('hq@test.cn');
    const [live] = await t.database.db.select().from(agreements).where(and(eq(agreements.schoolId, t.fixture.schools.eastA.id), eq(agreements.status, 'active')));
    const base = { tier: 'pilot_1x', startDate: daysAgo(100), termYears: 1, status: 'active' };
    const dup = await hq.post('/api/agreements', { ...base, schoolId: t.fixture.schools.eastA.id });
    expect(dup.statusCode, dup.body).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'school_has_agreement', params: { id: live.id } });
    const future = await hq.post('/api/agreements', { ...base, schoolId: t.fixture.schools.eastB.id, startDate: daysAgo(-1) });
    expect(future.statusCode, future.body).toBe(400);
    expect(future.json().details).toEqual([expect.objectContaining({ field: 'startDate', code: 'date_in_future' })]);
    const notEnded = await hq.post('/api/agreements', { ...base, schoolId: t.fixture.schools.eastB.id, termYears: 3, evaluatedYears: [{ year: 1, decision: 'continue' }] });
    expect(notEnded.statusCode, notEnded.body).toBe(400);
    expect(notEnded.json().details).toEqual([expect.objectContaining({ field: 'evaluatedYears', code: 'evaluated_year_not_ended' })]);
    const unknown = await hq.post('/api/agreements', { ...base, schoolId: 999999 });
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(unknown.json().details).toEqual([expect.objectContaining({ field: 'schoolId', code: 'agreement_school_unknown' })]);
    const noNotice = await hq.post('/api/agreements', { ...base, schoolId: t.fixture.schools.eastB.id, status: 'rectifying' });
    expect(noNotice.statusCode, noNotice.body).toBe(400);
    expect(noNotice.json().details.map((d: { field: string }) => d.field).sort()).toEqual(['rectificationDeadline', 'rectificationNotice']);
    const school = await t.as('school@test.cn');
    expect((await school.post('/api/agreements', { ...base, schoolId: t.fixture.schools.eastB.id })).statusCode).toBe(403);
    const none = await t.database.db.select().from(agreements).where(eq(agreements.schoolId, t.fixture.schools.eastB.id));
    expect(none).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { act } from '../../../test/application-builders.js';
import { agreements, applications, certificates, jobFairs, schools, students, tierPolicies } from '../../db/schema/index.js';
import { queryRows } from '../../db/raw.js';
import { todayInChina } from '@campus/common';
import { ensureComplianceFresh, recomputeAll } from '../compliance/recompute.js';
import { daysAgo } from '../../../test/days.js';

/**
 * issue 19 item 1: every agreement action of the transition table, hq_approve of a partnership that
 * starts active (superseding the live one), and every evaluation decision that changes an agreement
 * leave the stored compliance rows exactly as a full recomputation gives them.
 */
let t: TestContext;
const today = todayInChina();
const ids: Record<string, number> = {};

/** The stored compliance rows, then a full recomputation: both must be the same rows. */
async function expectStoredEqualsRecomputed(label: string) {
  const read = async () => (await queryRows<Record<string, unknown>>(t.database.db, sql`SELECT * FROM compliance_summaries ORDER BY agreement_id, year`))
    .map(({ computed_at: _c, ...rest }) => rest);
  const stored = await read();
  await recomputeAll(t.database.db, todayInChina());
  const recomputed = await read();
  expect(stored.map((r) => `${r.agreement_id}-${r.year}`), label).toEqual(recomputed.map((r) => `${r.agreement_id}-${r.year}`));
  expect(stored, label).toEqual(recomputed);
}

const ok = async (label: string, res: Promise<LightMyRequestResponse>) => {
  const r = await res;
  expect(r.statusCode, `${label}: ${r.body}`).toBe(200);
  return r.json();
};

async function facts(schoolId: number, no: string) {
  const [s] = await t.database.db.insert(students).values({ schoolId, studentNo: no, name: no, cohortYear: 2022, enrolledOn: daysAgo(900) }).returning();
  await t.database.db.insert(certificates).values([
    { schoolId, studentId: s.id, kind: 'operator', issuedOn: daysAgo(700) },
    { schoolId, studentId: s.id, kind: '1x_junior', issuedOn: daysAgo(300) },
    { schoolId, studentId: s.id, kind: '1x_intermediate', issuedOn: daysAgo(5) },
  ]);
  await t.database.db.insert(jobFairs).values([{ schoolId, title: '招聘会', heldOn: daysAgo(100) }, { schoolId, title: '双选会', heldOn: daysAgo(400) }]);
}

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const { eastA, eastB, southA, southB, northA } = t.fixture.schools;
  const [eastC] = await db.insert(schools).values({ name: '杭州职业技术学院', regionId: t.fixture.regions.east.id, province: '浙江', city: '杭州', status: 'prospect' }).returning();
  ids.eastC = eastC.id;
  const created = new Date(`${daysAgo(760)}T10:00:00+08:00`);
  const rows = await db.insert(agreements).values([
    { schoolId: eastA.id, tier: 'industry_college', status: 'pending_signing', termYears: 3, createdAt: created },
    { schoolId: southA.id, tier: 'talent_base', status: 'pending_signing', termYears: 3, createdAt: created },
    { schoolId: eastB.id, tier: 'pilot_1x', status: 'active', startDate: daysAgo(370), termYears: 1 },
    { schoolId: northA.id, tier: 'partner_school', status: 'active', startDate: daysAgo(380), termYears: 1 },
    { schoolId: southB.id, tier: 'partner_school', status: 'active', startDate: daysAgo(390), termYears: 1 },
    { schoolId: eastC.id, tier: 'talent_base', status: 'pending_signing', termYears: 3, createdAt: created },
  ]).returning();
  [ids.college, ids.base, ids.pilot, ids.partnerN, ids.partnerS, ids.baseC] = rows.map((r) => r.id);
  for (const [i, s] of [eastA, southA, eastB, northA, southB, eastC].entries()) await facts(s.id, `S${i}`);
  await ensureComplianceFresh(db, today); // the day's refresh is done: only the actions keep the rows true from here
  await expectStoredEqualsRecomputed('start');
});
afterAll(async () => { await t?.close(); });

describe('the agreement actions keep the stored compliance rows equal to a full recomputation', () => {
  it('sign, hold_plaque_ceremony, fail_inspection, pass_inspection (an Industry College)', async () => {
    const hq = await t.as('hq@test.cn');
    await ok('sign', act(hq, 'agreements', ids.college, 'sign', { on: daysAgo(750) }));
    await expectStoredEqualsRecomputed('sign');
    await ok('plaque', act(hq, 'agreements', ids.college, 'hold_plaque_ceremony', { on: daysAgo(750), place: '学院报告厅' }));
    await expectStoredEqualsRecomputed('hold_plaque_ceremony');
    await ok('fail', act(hq, 'agreements', ids.college, 'fail_inspection', { on: daysAgo(749), missing: ['实训平台'] }));
    await expectStoredEqualsRecomputed('fail_inspection');
    const active = await ok('pass', act(hq, 'agreements', ids.college, 'pass_inspection', { on: daysAgo(748), checklist: { instructorsInPlace: true, resourcesConfigured: true } }));
    expect(active.status).toBe('active');
    await expectStoredEqualsRecomputed('pass_inspection');
  });

  it('sign and pass_inspection (a Talent Base); sign that makes it active at once', async () => {
    const hq = await t.as('hq@test.cn');
    await ok('sign', act(hq, 'agreements', ids.base, 'sign', { on: daysAgo(750) }));
    await expectStoredEqualsRecomputed('sign (talent base)');
    await ok('pass', act(hq, 'agreements', ids.base, 'pass_inspection', { on: daysAgo(745), checklist: { instructorsInPlace: true, resourcesConfigured: true } }));
    await expectStoredEqualsRecomputed('pass_inspection (talent base)');
    await t.database.db.update(tierPolicies).set({ requiresInspection: false }).where(eq(tierPolicies.tier, 'talent_base'));
    try {
      const signed = await ok('sign active', act(hq, 'agreements', ids.baseC, 'sign', { on: daysAgo(400) }));
      expect(signed.status).toBe('active');
      await expectStoredEqualsRecomputed('sign that activates');
    } finally {
      await t.database.db.update(tierPolicies).set({ requiresInspection: true }).where(eq(tierPolicies.tier, 'talent_base'));
    }
  });

  it('rectify, close_rectification, rectify, terminate', async () => {
    const hq = await t.as('hq@test.cn');
    const rectify = { decision: 'rectify', reason: '未达标', failingKpis: ['jobFairs'], deadline: daysAgo(-60), notice: '请整改' };
    for (const year of [1, 2]) {
      const opened = await hq.post('/api/evaluations', { agreementId: ids.college, year });
      expect(opened.statusCode, opened.body).toBe(201);
      await expectStoredEqualsRecomputed(`open year ${year}`);
      await ok('rectify', act(hq, 'evaluations', opened.json().id, 'decide', rectify));
      await expectStoredEqualsRecomputed(`rectify year ${year}`);
      if (year === 1) {
        await ok('close', act(hq, 'agreements', ids.college, 'close_rectification', { comment: '整改完成' }));
        await expectStoredEqualsRecomputed('close_rectification');
      }
    }
    const ended = await ok('terminate', act(hq, 'agreements', ids.college, 'terminate', { comment: '整改未完成' }));
    expect(ended.status).toBe('terminated');
    await expectStoredEqualsRecomputed('terminate');
  });

  it('the evaluation decisions: continue, terminate, renew, not_renew, upgrade', async () => {
    const hq = await t.as('hq@test.cn');
    const decide = async (agreementId: number, year: number, decision: string) => {
      const opened = await hq.post('/api/evaluations', { agreementId, year });
      expect(opened.statusCode, opened.body).toBe(201);
      const res = await ok(decision, act(hq, 'evaluations', opened.json().id, 'decide', { decision, reason: '评审结论' }));
      await expectStoredEqualsRecomputed(`decision ${decision}`);
      return res;
    };
    await decide(ids.base, 1, 'continue');
    await decide(ids.base, 2, 'terminate');
    await decide(ids.pilot, 1, 'renew');
    await decide(ids.partnerN, 1, 'not_renew');
    const upgraded = await decide(ids.partnerS, 1, 'upgrade');
    // The upgrade application (a 1+X Pilot, active at once) approved by HQ supersedes the Partner School agreement.
    await t.database.db.update(applications).set({ status: 'pending_hq', pledge: true }).where(eq(applications.id, upgraded.applicationId));
    const approved = await ok('hq_approve', act(hq, 'applications', upgraded.applicationId, 'hq_approve'));
    expect(approved.status).toBe('approved');
    const [old] = await t.database.db.select().from(agreements).where(eq(agreements.id, ids.partnerS));
    expect(old.status).toBe('superseded');
    await expectStoredEqualsRecomputed('hq_approve (active at once, supersedes)');
  });
});

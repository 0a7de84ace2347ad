import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { eq } from 'drizzle-orm';
import { tierPolicies } from '../../db/schema/index.js';

let t: TestContext;
let policyId: number;
beforeAll(async () => {
  t = await createTestApp();
  const [p] = await t.database.db.select().from(tierPolicies).where(eq(tierPolicies.tier, 'talent_base'));
  policyId = p.id;
});
afterAll(async () => { await t?.close(); });

describe('tier policies', () => {
  it('every role reads them (schools need their thresholds)', async () => {
    for (const email of ['hq@test.cn', 'east@test.cn', 'school@test.cn', 'provider@test.cn']) {
      const res = await (await t.as(email)).get('/api/tier-policies', listQuery({ filter: { tier: 'talent_base' } }));
      expect(res.statusCode).toBe(200);
      expect(res.json()[0]).toMatchObject({ tier: 'talent_base', certificates1x: 40, jobPlatformRate: 0.95, practiceHours: null });
    }
  });

  it('hq edits thresholds: the version moves on and the edit is audited with before and after', async () => {
    const hq = await t.as('hq@test.cn');
    const current = (await hq.get(`/api/tier-policies/${policyId}`)).json();
    // react-admin sends the whole record back
    const res = await hq.put(`/api/tier-policies/${policyId}`, { ...current, certificates1x: 45, comment: '2026 标准上调' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ certificates1x: 45, version: current.version + 1 });
    const audit = (await hq.get('/api/audit-events', listQuery({ filter: { entityType: 'tier_policy', entityId: policyId } }))).json();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'update', comment: '2026 标准上调', data: { changes: { certificates1x: { from: 40, to: 45 } } } });
  });

  it('a stale version is 409 and changes nothing', async () => {
    const hq = await t.as('hq@test.cn');
    const res = await hq.put(`/api/tier-policies/${policyId}`, { version: 1, certificates1x: 10 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('stale_version');
    expect((await hq.get(`/api/tier-policies/${policyId}`)).json().certificates1x).toBe(45);
  });

  it('out-of-range or unknown values are 400 naming the field', async () => {
    const hq = await t.as('hq@test.cn');
    const v = (await hq.get(`/api/tier-policies/${policyId}`)).json().version;
    for (const [body, field] of [
      [{ version: v, jobPlatformRate: 95 }, 'jobPlatformRate'],
      [{ version: v, certificates1x: -1 }, 'certificates1x'],
      [{ version: v, certificates1x: '40' }, 'certificates1x'],
      [{ version: v, bonus: 1 }, 'bonus'],
      [{ certificates1x: 1 }, 'version'],
    ] as const) {
      const res = await hq.put(`/api/tier-policies/${policyId}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json())).toContain(field);
    }
    const plaque = await hq.put(`/api/tier-policies/${policyId}`, { version: v, requiresSigning: false, requiresPlaque: true });
    expect(plaque.statusCode).toBe(400);
    expect((await hq.get(`/api/tier-policies/${policyId}`)).json().version).toBe(v);
  });

  it('only hq may edit or create', async () => {
    for (const email of ['east@test.cn', 'school@test.cn', 'provider@test.cn']) {
      const c = await t.as(email);
      expect((await c.put(`/api/tier-policies/${policyId}`, { version: 2, certificates1x: 1 })).statusCode).toBe(403);
      expect((await c.post('/api/tier-policies', { tier: 'pilot_1x', effectiveYear: 2027 })).statusCode).toBe(403);
    }
  });

  it('hq creates the policy of a new effective year; a duplicate year is 409', async () => {
    const hq = await t.as('hq@test.cn');
    const body = {
      tier: 'talent_base', effectiveYear: 2027, certifiedInstructors: 3, teachingDelivery: 1, offlineCourses: null,
      offlineCourseMinHours: 32, practiceHours: null, certificates1x: 50, certificatesOperator: 70, jobPlatformRate: 0.95,
      activeResumeCompleteness: 80, activeMinApplications: 1, jobFairs: 1, termYears: 3,
      requiresSigning: true, requiresPlaque: false, requiresInspection: true,
    };
    const res = await hq.post('/api/tier-policies', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ effectiveYear: 2027, certificates1x: 50 });
    expect((await hq.post('/api/tier-policies', body)).statusCode).toBe(409);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { agreements } from '../../db/schema/index.js';
import { todayInChina } from '@campus/common';

let t: TestContext;
let agreementId: number;
const today = todayInChina();

beforeAll(async () => {
  t = await createTestApp();
  const [a] = await t.database.db.insert(agreements).values({
    schoolId: t.fixture.schools.eastA.id, tier: 'industry_college', status: 'pending_signing', termYears: 3,
  }).returning();
  agreementId = a.id;
});
afterAll(async () => { await t?.close(); });

const post = async (email: string, action: string, body: Record<string, unknown>) => {
  const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, agreementId));
  return (await t.as(email)).post(`/api/agreements/${agreementId}/actions/${action}`, { version: row.version, ...body });
};

describe('an Industry College agreement: sign, plaque, inspection, active', () => {
  it('only HQ acts; the school and the region see it but have no actions', async () => {
    const school = (await (await t.as('school@test.cn')).get(`/api/agreements/${agreementId}`)).json();
    expect(school).toMatchObject({ status: 'pending_signing', allowedActions: [], currentYear: null });
    expect((await post('school@test.cn', 'sign', { on: today })).statusCode).toBe(403);
    expect((await post('east@test.cn', 'sign', { on: today })).statusCode).toBe(403);
    expect((await post('south@test.cn', 'sign', { on: today })).statusCode).toBe(404);
    expect((await (await t.as('provider@test.cn')).get(`/api/agreements/${agreementId}`)).statusCode).toBe(200);
  });

  it('walks the path, recording each step', async () => {
    expect((await post('hq@test.cn', 'sign', {})).statusCode).toBe(400);
    expect((await post('hq@test.cn', 'sign', { on: '2999-01-01' })).statusCode).toBe(400);
    expect((await post('hq@test.cn', 'hold_plaque_ceremony', { on: today, place: '杭州' })).statusCode).toBe(409);
    expect((await post('hq@test.cn', 'sign', { on: today })).json()).toMatchObject({ status: 'pending_plaque', signedOn: today, allowedActions: ['hold_plaque_ceremony'] });
    expect((await post('hq@test.cn', 'hold_plaque_ceremony', { on: today })).statusCode).toBe(400);
    expect((await post('hq@test.cn', 'hold_plaque_ceremony', { on: today, place: '学院报告厅' })).json()).toMatchObject({ status: 'pending_inspection', plaquePlace: '学院报告厅' });
    const failed = await post('hq@test.cn', 'fail_inspection', { on: today, missing: ['实训平台未配置'], comment: '两周内补齐' });
    expect(failed.json()).toMatchObject({ status: 'pending_inspection', inspectionFindings: [expect.objectContaining({ missing: ['实训平台未配置'], comment: '两周内补齐' })] });
    expect((await post('hq@test.cn', 'pass_inspection', { on: today, checklist: { instructorsInPlace: true } })).statusCode).toBe(400);
    const active = (await post('hq@test.cn', 'pass_inspection', { on: today, checklist: { instructorsInPlace: true, resourcesConfigured: true } })).json();
    expect(active).toMatchObject({ status: 'active', startDate: today, currentYear: 1, inspectionPassedOn: today });
    const school = (await (await t.as('school@test.cn')).get('/api/agreements', listQuery({ filter: { status: 'active' } }))).json();
    expect(school.map((a: { id: number }) => a.id)).toEqual([agreementId]);
    const history = (await (await t.as('school@test.cn')).get('/api/audit-events', listQuery({ filter: { entityType: 'agreement', entityId: agreementId }, sort: ['id', 'ASC'] }))).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['sign', 'hold_plaque_ceremony', 'fail_inspection', 'pass_inspection']);
  });

  it('a stale version is 409', async () => {
    const res = await (await t.as('hq@test.cn')).post(`/api/agreements/${agreementId}/actions/terminate`, { version: 1, comment: 'x' });
    expect(res.statusCode).toBe(409);
  });
});

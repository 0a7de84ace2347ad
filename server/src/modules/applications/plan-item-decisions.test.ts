import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { act, completePlan } from '../../../test/application-builders.js';

/**
 * issue 17 item 7: "clicking approve on an already approved plan item un-approves it". HQ's approval
 * of an item that needs platform support stays as long as the school leaves the item unchanged,
 * whatever order the form sends the item's details in (the database keeps its own key order), and
 * approving it again keeps it approved.
 */
let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

type Item = { id: number; kind: string; title: string; details: Record<string, unknown>; needsPlatformSupport: boolean; approved: boolean | null };

describe('an approved plan item stays approved', () => {
  it('through a return and an unchanged resubmission, and when HQ approves it again', async () => {
    const school = await t.as('school2@test.cn');
    const hq = await t.as('hq@test.cn');
    const south = await t.as('south@test.cn');
    // The form writes details in its own field order: description before courseId.
    const platform = { kind: 'teaching_resource', title: 'B2B 实训平台', details: { description: '全真模拟店铺', courseId: 7 }, needsPlatformSupport: true };
    const created = await school.post('/api/applications', {
      tier: 'talent_base', plan: completePlan, pledge: true,
      planItems: [{ kind: 'instructor', title: '张敏', details: { name: '张敏', certNo: '1X-B2B-2023-0001', level: 'senior' } }, platform],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const supportId = (created.json().planItems as Item[]).find((i) => i.needsPlatformSupport)!.id;
    expect((await act(school, 'applications', id, 'submit')).statusCode).toBe(200);
    expect((await act(south, 'applications', id, 'regional_approve')).statusCode).toBe(200);
    const returned = await act(hq, 'applications', id, 'hq_return', { comment: '请补充就业目标', planItemDecisions: { [supportId]: true } });
    expect(returned.statusCode, returned.body).toBe(200);
    expect((returned.json().planItems as Item[]).find((i) => i.id === supportId)?.approved).toBe(true);

    // The school saves its form: the approved item unchanged, its details in the form's order.
    const current = (await school.get(`/api/applications/${id}`)).json();
    const saved = await school.put(`/api/applications/${id}`, {
      version: current.version, plan: { ...completePlan, summary: `${completePlan.summary}（补充就业目标）` },
      planItems: (current.planItems as Item[]).map((i) => (i.id === supportId ? { id: i.id, ...platform } : { id: i.id, kind: i.kind, title: i.title, details: i.details, needsPlatformSupport: i.needsPlatformSupport })),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json().planItems as Item[]).find((i) => i.id === supportId)?.approved, 'unchanged item keeps its approval').toBe(true);

    expect((await act(school, 'applications', id, 'resubmit')).statusCode).toBe(200);
    expect((await act(south, 'applications', id, 'regional_approve')).statusCode).toBe(200);
    // HQ approves the already approved item again: it stays approved, and the plan is approved.
    const approved = await act(hq, 'applications', id, 'hq_approve', { planItemDecisions: { [supportId]: true } });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
    expect((approved.json().planItems as Item[]).find((i) => i.id === supportId)?.approved).toBe(true);
  });
});

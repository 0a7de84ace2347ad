import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { createDraft } from '../../../test/application-builders.js';
import { agreements, applications, evaluations, evidenceFiles, providerReports } from '../../db/schema/index.js';

/**
 * Evidence follows the record it belongs to: a role lists, reads and downloads a file only where it
 * may read that record, and attaches or removes one only where it may write that record now.
 */
let t: TestContext;
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(600, 32)]);
const ids = { application: 0, agreement: 0, evaluation: 0, report: 0 };
const files = { schoolIdScan: 0, hqReview: 0, hqEvaluation: 0, hqPlaque: 0, schoolOnReturned: 0, providerOnReport: 0 };

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = '----cp' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`), file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
async function upload(email: string, entityType: string, entityId: number, name = 'file.pdf') {
  const body = multipart({ entityType, entityId: String(entityId) }, { name, content: pdf });
  return t.app.inject({ method: 'POST', url: '/api/evidence', payload: body.payload, headers: { ...body.headers, cookie: (await t.as(email)).cookie } });
}
async function uploaded(email: string, entityType: string, entityId: number, name: string) {
  const res = await upload(email, entityType, entityId, name);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}
const rowOf = async (id: number) => (await t.database.db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id)))[0];
const listedIds = async (email: string, filter: Record<string, unknown> = {}) => {
  const res = await (await t.as(email)).get('/api/evidence', listQuery({ filter, range: [0, 999] }));
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { id: number }[]).map((r) => r.id);
};

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const schoolId = t.fixture.schools.eastA.id;
  const school = await t.as('school@test.cn');
  // An application the school drafts with its legal representative's ID scan; under HQ's review HQ
  // attaches its internal review; then HQ returns it to the school.
  ids.application = (await createDraft(school)).id;
  files.schoolIdScan = await uploaded('school@test.cn', 'application', ids.application, '法人身份证.pdf');
  files.schoolOnReturned = await uploaded('school@test.cn', 'application', ids.application, '学校材料.pdf');
  await db.update(applications).set({ status: 'pending_hq' }).where(eq(applications.id, ids.application));
  files.hqReview = await uploaded('hq@test.cn', 'application', ids.application, '总部内部评审.pdf');
  await db.update(applications).set({ status: 'returned' }).where(eq(applications.id, ids.application));
  // An agreement waiting for its plaque ceremony: HQ attaches the photo, then holds it.
  const [ag] = await db.insert(agreements).values({ schoolId, tier: 'industry_college', status: 'pending_plaque', startDate: '2024-09-01', termYears: 3 }).returning();
  ids.agreement = ag.id;
  files.hqPlaque = await uploaded('hq@test.cn', 'agreement', ag.id, '揭牌.pdf');
  await db.update(agreements).set({ status: 'active' }).where(eq(agreements.id, ag.id));
  // An evaluation HQ attaches a file to while open, then decides.
  const [ev] = await db.insert(evaluations).values({ agreementId: ag.id, schoolId, year: 1, snapshot: { compliant: true } }).returning();
  ids.evaluation = ev.id;
  files.hqEvaluation = await uploaded('hq@test.cn', 'evaluation', ev.id, '评审意见.pdf');
  await db.update(evaluations).set({ status: 'decided', decision: 'continue', reason: 'ok', decidedAt: new Date() }).where(eq(evaluations.id, ev.id));
  // The provider's own report, with its evidence.
  const [rep] = await db.insert(providerReports).values({ providerId: t.fixture.provider.id, schoolId, project: '实训', periodFrom: '2025-01-01', periodTo: '2025-01-31', studentCount: 1, totalHours: 8 }).returning();
  ids.report = rep.id;
  files.providerOnReport = await uploaded('provider@test.cn', 'provider_report', rep.id, '实训照片.pdf');
});
afterAll(async () => { await t?.close(); });

describe('evidence is read only where its record may be read', () => {
  it('a provider neither lists, reads nor downloads files of applications and evaluations of its school', async () => {
    const listed = await listedIds('provider@test.cn');
    for (const id of [files.schoolIdScan, files.hqReview, files.hqEvaluation]) {
      expect(listed).not.toContain(id);
      const c = await t.as('provider@test.cn');
      expect((await c.get(`/api/evidence/${id}`)).statusCode).toBe(404);
      expect((await c.get(`/api/evidence/${id}/download`)).statusCode).toBe(404);
    }
    expect(await listedIds('provider@test.cn', { entityType: 'application' })).toEqual([]);
    expect(await listedIds('provider@test.cn', { id: [files.schoolIdScan, files.hqEvaluation] })).toEqual([]);
    // What it may read stays readable: its own report's file, and the agreement of its school.
    expect(listed).toContain(files.providerOnReport);
    expect(listed).toContain(files.hqPlaque);
    expect((await (await t.as('provider@test.cn')).get(`/api/evidence/${files.providerOnReport}/download`)).statusCode).toBe(200);
  });

  it('a provider cannot attach files to an application or an evaluation, and nothing is stored', async () => {
    const before = await t.database.db.select().from(evidenceFiles);
    const keysBefore = (await t.app.storage.keys()).length;
    for (const [type, id] of [['application', ids.application], ['evaluation', ids.evaluation]] as const) {
      const res = await upload('provider@test.cn', type, id);
      expect(res.statusCode, res.body).toBe(404);
    }
    expect(await t.database.db.select().from(evidenceFiles)).toEqual(before);
    expect((await t.app.storage.keys()).length).toBe(keysBefore);
  });

  it('the roles that may read the records still see their files', async () => {
    const school = await listedIds('school@test.cn');
    for (const id of [files.schoolIdScan, files.schoolOnReturned, files.hqPlaque, files.hqEvaluation, files.providerOnReport]) expect(school).toContain(id);
    const hq = await listedIds('hq@test.cn');
    for (const id of Object.values(files)) expect(hq).toContain(id);
    expect((await (await t.as('east@test.cn')).get(`/api/evidence/${files.schoolIdScan}/download`)).statusCode).toBe(200);
  });
});

describe('evidence is changed only where its record may be written', () => {
  const expectUntouched = async (id: number) => {
    const row = await rowOf(id);
    expect(row, `file ${id} row`).toBeDefined();
    expect(await t.app.storage.exists(row.storageKey), `file ${id} stored`).toBe(true);
  };

  it("a school cannot delete HQ's files on its decided evaluation and its agreement", async () => {
    const school = await t.as('school@test.cn');
    for (const id of [files.hqEvaluation, files.hqPlaque]) {
      const res = await school.delete(`/api/evidence/${id}`);
      expect([403, 409], res.body).toContain(res.statusCode);
      expect(res.json()).toHaveProperty('message');
      await expectUntouched(id);
    }
  });

  it("a school cannot delete HQ's review on an application returned to it, but removes its own file there", async () => {
    const school = await t.as('school@test.cn');
    const res = await school.delete(`/api/evidence/${files.hqReview}`);
    expect(res.statusCode, res.body).toBe(403);
    await expectUntouched(files.hqReview);
    const own = await school.delete(`/api/evidence/${files.schoolOnReturned}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(await rowOf(files.schoolOnReturned)).toBeUndefined();
  });

  it('a school cannot attach files to its agreement or its decided evaluation', async () => {
    const keysBefore = (await t.app.storage.keys()).length;
    for (const [type, id] of [['agreement', ids.agreement], ['evaluation', ids.evaluation]] as const) {
      const res = await upload('school@test.cn', type, id);
      expect([403, 409], res.body).toContain(res.statusCode);
    }
    expect((await t.app.storage.keys()).length).toBe(keysBefore);
  });

  it('nobody changes the files of a decided evaluation, HQ included', async () => {
    const res = await (await t.as('hq@test.cn')).delete(`/api/evidence/${files.hqEvaluation}`);
    expect(res.statusCode, res.body).toBe(409);
    await expectUntouched(files.hqEvaluation);
  });
});

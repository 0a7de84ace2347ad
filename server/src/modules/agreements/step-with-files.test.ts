import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { todayInChina } from '@campus/common';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { agreements, auditEvents, evidenceFiles, jobFairs } from '../../db/schema/index.js';

/**
 * The plaque ceremony's photos and the signed agreement go with their step: stored only when the
 * step is confirmed (in its transaction), never when the step is refused. And evidence on the
 * records a school keeps (job fairs) and on its agreement under rectification, per role.
 */
let t: TestContext;
// A real 1x1 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(600, 32)]);

function multipart(fields: Record<string, string>, files: { name: string; content: Buffer; type: string }[]) {
  const boundary = '----cp' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
async function step(email: string, id: number, action: string, fields: Record<string, string>, files: { name: string; content: Buffer; type: string }[]) {
  const body = multipart(fields, files);
  return t.app.inject({ method: 'POST', url: `/api/agreements/${id}/actions/${action}/with-files`, payload: body.payload, headers: { ...body.headers, cookie: (await t.as(email)).cookie } });
}
async function upload(email: string, entityType: string, entityId: number) {
  const body = multipart({ entityType, entityId: String(entityId) }, [{ name: 'photo.png', content: png, type: 'image/png' }]);
  return t.app.inject({ method: 'POST', url: '/api/evidence', payload: body.payload, headers: { ...body.headers, cookie: (await t.as(email)).cookie } });
}
const filesOf = (id: number) => t.database.db.select().from(evidenceFiles).where(and(eq(evidenceFiles.entityType, 'agreement'), eq(evidenceFiles.entityId, id)));
const agreementOf = async (id: number) => (await t.database.db.select().from(agreements).where(eq(agreements.id, id)))[0];

let agreementId = 0;
const today = todayInChina();

beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });
beforeEach(async () => {
  const [ag] = await t.database.db.insert(agreements).values({ schoolId: t.fixture.schools.eastA.id, tier: 'industry_college', status: 'pending_signing', termYears: 3 }).returning();
  agreementId = ag.id;
});

describe('the plaque photo is stored only once the ceremony is confirmed', () => {
  it('a refused ceremony (no place) stores no photo: no record, no stored content, the state unchanged', async () => {
    await t.database.db.update(agreements).set({ status: 'pending_plaque', signedOn: today }).where(eq(agreements.id, agreementId));
    const keys = (await t.app.storage.keys()).length;
    const res = await step('hq@test.cn', agreementId, 'hold_plaque_ceremony', { version: '1', on: today }, [{ name: '揭牌.png', content: png, type: 'image/png' }]);
    expect(res.statusCode, res.body).toBe(400);
    expect(await filesOf(agreementId)).toEqual([]);
    expect((await t.app.storage.keys()).length).toBe(keys);
    expect((await agreementOf(agreementId)).status).toBe('pending_plaque');
  });

  it('a stale version stores no photo', async () => {
    await t.database.db.update(agreements).set({ status: 'pending_plaque', signedOn: today, version: 2 }).where(eq(agreements.id, agreementId));
    const keys = (await t.app.storage.keys()).length;
    const res = await step('hq@test.cn', agreementId, 'hold_plaque_ceremony', { version: '1', on: today, place: '报告厅' }, [{ name: '揭牌.png', content: png, type: 'image/png' }]);
    expect(res.statusCode, res.body).toBe(409);
    expect(await filesOf(agreementId)).toEqual([]);
    expect((await t.app.storage.keys()).length).toBe(keys);
  });

  it('a file that is not what it says is refused before anything happens', async () => {
    await t.database.db.update(agreements).set({ status: 'pending_plaque', signedOn: today }).where(eq(agreements.id, agreementId));
    const res = await step('hq@test.cn', agreementId, 'hold_plaque_ceremony', { version: '1', on: today, place: '报告厅' }, [{ name: 'photo.png', content: pdf, type: 'image/png' }]);
    expect(res.statusCode, res.body).toBe(400);
    expect((await agreementOf(agreementId)).status).toBe('pending_plaque');
    expect(await filesOf(agreementId)).toEqual([]);
  });

  it('the confirmed ceremony stores its photos on the agreement, named in the step audit event, downloadable', async () => {
    await t.database.db.update(agreements).set({ status: 'pending_plaque', signedOn: today }).where(eq(agreements.id, agreementId));
    const res = await step('hq@test.cn', agreementId, 'hold_plaque_ceremony', { version: '1', on: today, place: '报告厅', description: '揭牌照片' },
      [{ name: '揭牌1.png', content: png, type: 'image/png' }, { name: '揭牌2.png', content: png, type: 'image/png' }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'pending_inspection', plaqueOn: today });
    const files = await filesOf(agreementId);
    expect(files.map((f) => [f.fileName, f.contentType, f.description])).toEqual([['揭牌1.png', 'image/png', '揭牌照片'], ['揭牌2.png', 'image/png', '揭牌照片']]);
    const [event] = await t.database.db.select().from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'agreement'), eq(auditEvents.entityId, agreementId), eq(auditEvents.action, 'hold_plaque_ceremony')));
    expect((event.data as { evidenceIds: number[] }).evidenceIds.sort()).toEqual(files.map((f) => f.id).sort());
    const school = await t.as('school@test.cn');
    const dl = await school.get(`/api/evidence/${files[0].id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(png)).toBe(true);
  });

  it('the signing takes the signed agreement; steps without files refuse them; a school may not', async () => {
    const signed = await step('hq@test.cn', agreementId, 'sign', { version: '1', on: today }, [{ name: '合作协议.pdf', content: pdf, type: 'application/pdf' }]);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().status).toBe('pending_plaque');
    expect((await filesOf(agreementId)).map((f) => f.fileName)).toEqual(['合作协议.pdf']);
    const wrong = await step('hq@test.cn', agreementId, 'pass_inspection', { version: '2' }, [{ name: 'x.pdf', content: pdf, type: 'application/pdf' }]);
    expect(wrong.statusCode, wrong.body).toBe(400);
    expect(wrong.json().code).toBe('files_not_for_action');
    const school = await step('school@test.cn', agreementId, 'hold_plaque_ceremony', { version: '2', on: today, place: '礼堂' }, [{ name: 'p.png', content: png, type: 'image/png' }]);
    expect([403, 404]).toContain(school.statusCode);
    expect((await filesOf(agreementId)).length).toBe(1);
  });
});

describe('evidence of the records a school keeps, and of its rectification, per role', () => {
  it('a school attaches to its job fair; regional staff read it but cannot attach; a provider does not see it', async () => {
    const [fair] = await t.database.db.insert(jobFairs).values({ schoolId: t.fixture.schools.eastA.id, title: '春季双选会', heldOn: '2025-04-01' }).returning();
    const res = await upload('school@test.cn', 'job_fair', fair.id);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    expect((await (await t.as('east@test.cn')).get(`/api/evidence/${id}/download`)).statusCode).toBe(200);
    expect([403, 404]).toContain((await upload('east@test.cn', 'job_fair', fair.id)).statusCode);
    expect((await (await t.as('provider@test.cn')).get(`/api/evidence/${id}`)).statusCode).toBe(404);
    expect((await (await t.as('south@test.cn')).get(`/api/evidence/${id}`)).statusCode).toBe(404);
  });

  it('a school attaches to its agreement only while it is under rectification', async () => {
    await t.database.db.update(agreements).set({ status: 'active', startDate: '2024-09-01' }).where(eq(agreements.id, agreementId));
    expect((await upload('school@test.cn', 'agreement', agreementId)).statusCode).toBe(409);
    await t.database.db.update(agreements).set({ status: 'rectifying' }).where(eq(agreements.id, agreementId));
    const res = await upload('school@test.cn', 'agreement', agreementId);
    expect(res.statusCode, res.body).toBe(201);
    expect([403, 404]).toContain((await upload('provider@test.cn', 'agreement', agreementId)).statusCode);
    expect((await upload('school2@test.cn', 'agreement', agreementId)).statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { createDraft } from '../../../test/application-builders.js';
import { evidenceFiles } from '../../db/schema/index.js';
import { multipart } from '../../../test/multipart.js';

let t: TestContext;
let applicationId: number;
beforeAll(async () => {
  t = await createTestApp({ UPLOAD_MAX_MB: '1' });
  applicationId = (await createDraft(await t.as('school@test.cn'))).id;
});
afterAll(async () => { await t?.close(); });

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 32)]);

const upload = async (email: string, fields: Record<string, string>, file?: { name: string; content: Buffer; type?: string }) => {
  const c = await t.as(email);
  const body = multipart(fields, file);
  return t.app.inject({ method: 'POST', url: '/api/evidence', payload: body.payload, headers: { ...body.headers, cookie: c.cookie } });
};
const fileCount = async () => (await t.database.db.select({ n: count() }).from(evidenceFiles))[0].n;

describe('evidence files', () => {
  it('a school attaches a PDF to its application and downloads it with safe headers', async () => {
    const res = await upload('school@test.cn', { entityType: 'application', entityId: String(applicationId), description: '学科建设证明' }, { name: '学科基地证明.pdf', content: pdf, type: 'application/pdf' });
    expect(res.statusCode).toBe(201);
    const row = res.json();
    expect(row).toMatchObject({ fileName: '学科基地证明.pdf', contentType: 'application/pdf', sizeBytes: pdf.length, entityType: 'application' });
    const dl = await (await t.as('east@test.cn')).get(row.downloadUrl);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect((await (await t.as('south@test.cn')).get(row.downloadUrl)).statusCode).toBe(404);
  });

  it('refuses a file whose content does not match its type, a type not allowed, or one too large, leaving nothing behind', async () => {
    const before = await fileCount();
    const keysBefore = (await t.app.storage.keys()).length;
    const fake = await upload('school@test.cn', { entityType: 'application', entityId: String(applicationId) }, { name: 'report.pdf', content: Buffer.from('<script>alert(1)</script>') });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().message).toContain('not a .pdf');
    const exe = await upload('school@test.cn', { entityType: 'application', entityId: String(applicationId) }, { name: 'setup.exe', content: Buffer.from('MZ....') });
    expect(exe.statusCode).toBe(400);
    const big = await upload('school@test.cn', { entityType: 'application', entityId: String(applicationId) }, { name: 'big.pdf', content: Buffer.concat([pdf, Buffer.alloc(1024 * 1024)]) });
    expect(big.statusCode).toBe(413);
    const otherSchool = await upload('school2@test.cn', { entityType: 'application', entityId: String(applicationId) }, { name: 'x.pdf', content: pdf });
    expect(otherSchool.statusCode).toBe(404);
    const noFile = await upload('school@test.cn', { entityType: 'application', entityId: String(applicationId) });
    expect(noFile.statusCode).toBe(400);
    const badTarget = await upload('school@test.cn', { entityType: 'users', entityId: '1' }, { name: 'x.pdf', content: pdf });
    expect(badTarget.statusCode).toBe(400);
    expect(await fileCount()).toBe(before);
    expect((await t.app.storage.keys()).length).toBe(keysBefore);
  });

  it('deleting a draft removes its files', async () => {
    const school = await t.as('school@test.cn');
    const keysBefore = (await t.app.storage.keys()).length;
    expect((await school.delete(`/api/applications/${applicationId}`)).statusCode).toBe(200);
    expect((await t.app.storage.keys()).length).toBe(keysBefore - 1);
    expect(await fileCount()).toBe(0);
  });
});

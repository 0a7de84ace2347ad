import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { createDraft } from '../../../test/application-builders.js';
import { evidenceFiles } from '../../db/schema/index.js';
import type { FileStorage } from '../storage/file-storage.js';

/** What a client can send to the upload: names of Object's own properties, broken bodies, a full disk. */
let t: TestContext;
let applicationId: number;
let cookie: string;
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 32)]);
const protoKeys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

beforeAll(async () => {
  // Files on disk on either database: the full-disk case below is about the disk (EVIDENCE_STORAGE=files).
  t = await createTestApp({ EVIDENCE_STORAGE: 'files' });
  const school = await t.as('school@test.cn');
  cookie = school.cookie;
  applicationId = (await createDraft(school)).id;
});
afterAll(async () => { await t?.close(); });

function multipart(fields: [string, string][], file?: { name: string; content: Buffer }) {
  const boundary = '----cp' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = fields.map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { boundary, payload: Buffer.concat(parts) };
}
const send = (payload: Buffer | string, contentType: string) =>
  t.app.inject({ method: 'POST', url: '/api/evidence', payload, headers: { 'content-type': contentType, cookie } });
const upload = (fields: [string, string][], file?: { name: string; content: Buffer }) => {
  const body = multipart(fields, file);
  return send(body.payload, `multipart/form-data; boundary=${body.boundary}`);
};
const target = (): [string, string][] => [['entityType', 'application'], ['entityId', String(applicationId)]];
const rows = async () => (await t.database.db.select({ n: count() }).from(evidenceFiles))[0].n;
/** Every file under the storage root, temporary ones included. */
const filesOnDisk = () => (fs.readdirSync((t.app.storage as FileStorage).root, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((d) => d.isFile()).length;
const expectRefused = (res: { statusCode: number; body: string }, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(JSON.parse(res.body).message, res.body).toEqual(expect.any(String));
};

describe('names of Object properties are plain unknown names', () => {
  it('an entityType named like a property of Object is refused with 400', async () => {
    for (const key of protoKeys) {
      expectRefused(await upload([['entityType', key], ['entityId', '1']], { name: 'a.pdf', content: pdf }), 400);
    }
    expect(await rows()).toBe(0);
  });

  it('a file extension named like a property of Object is refused with 400', async () => {
    for (const key of protoKeys) {
      const res = await upload(target(), { name: `evil.${key}`, content: pdf });
      expectRefused(res, 400);
      expect(res.json().message).toContain('not accepted');
    }
    expect(await rows()).toBe(0);
    expect(filesOnDisk()).toBe(0);
  });

  it('a form field named like a property of Object does not break the upload', async () => {
    const res = await upload([['__proto__', 'x'], ['constructor', 'y'], ...target()], { name: 'ok.pdf', content: pdf });
    expect([201, 400]).toContain(res.statusCode);
    expect(JSON.parse(res.body)).toHaveProperty(res.statusCode === 201 ? 'id' : 'message');
    if (res.statusCode === 201) await (await t.as('school@test.cn')).delete(`/api/evidence/${res.json().id}`);
  });
});

describe('broken multipart bodies', () => {
  it('a body cut off before its end is a 400 and stores nothing', async () => {
    const body = multipart(target(), { name: 'cut.pdf', content: pdf });
    const cut = body.payload.subarray(0, body.payload.length - 600);
    expectRefused(await send(cut, `multipart/form-data; boundary=${body.boundary}`), 400);
    const noEnd = body.payload.subarray(0, body.payload.length - `--${body.boundary}--\r\n`.length - 2);
    expectRefused(await send(noEnd, `multipart/form-data; boundary=${body.boundary}`), 400);
    expect(await rows()).toBe(0);
    expect(filesOnDisk()).toBe(0);
  });

  it('a multipart content type without a boundary, or with one the body does not use, is a 400', async () => {
    const body = multipart(target(), { name: 'x.pdf', content: pdf });
    expectRefused(await send(body.payload, 'multipart/form-data'), 400);
    expectRefused(await send(body.payload, 'multipart/form-data; boundary='), 400);
    expectRefused(await send(body.payload, 'multipart/form-data; boundary=nothing-like-it'), 400);
    expectRefused(await send('garbage', `multipart/form-data; boundary=${body.boundary}`), 400);
    expect(await rows()).toBe(0);
    expect(filesOnDisk()).toBe(0);
  });
});

/**
 * A real full disk: the storage directory becomes a 64 KiB tmpfs (mounting needs root or
 * CAP_SYS_ADMIN; without it the case is skipped and says so).
 */
const canMount = (() => {
  try {
    const probe = fs.mkdtempSync('/tmp/cp-mount-probe-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe], { stdio: 'ignore' });
      execFileSync('umount', [probe], { stdio: 'ignore' });
      return true;
    } finally { fs.rmdirSync(probe); }
  } catch { return false; }
})();

describe.skipIf(!canMount)('a full disk (tmpfs of 64 KiB under the storage root)', () => {
  let mounted = '';
  beforeAll(() => {
    const root = (t.app.storage as FileStorage).root;
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(root, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', root]);
    mounted = root;
    fs.mkdirSync(path.join(root, 'tmp'));
  });
  afterAll(() => { if (mounted) execFileSync('umount', [mounted]); });

  it('an upload larger than the space left is a 507 with a message, leaves no file and no record', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(200 * 1024, 32)]);
    const before = await rows();
    const res = await upload(target(), { name: '大文件.pdf', content: big });
    expectRefused(res, 507);
    expect(res.json().message).toMatch(/space|storage/i);
    expect(await rows()).toBe(before);
    expect(filesOnDisk()).toBe(0);
    // The disk still takes a file that fits.
    const small = await upload(target(), { name: 'small.pdf', content: pdf });
    expect(small.statusCode, small.body).toBe(201);
    expect(filesOnDisk()).toBe(1);
  });
});

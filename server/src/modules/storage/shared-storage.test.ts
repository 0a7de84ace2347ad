import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { createDraft } from '../../../test/application-builders.js';
import { multipart } from '../../../test/multipart.js';
import { PASSWORD } from '../../../test/fixtures.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';

/**
 * Issue 14 item 2: with EVIDENCE_STORAGE=database (the default on a PostgreSQL server) an evidence
 * file uploaded through one server process is downloaded and deleted through another, each with its
 * own DATA_DIR; nothing of it is on either one's disk.
 */
let t: TestContext; // process A
let other: FastifyInstance; // process B: the same database, another DATA_DIR
const otherDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-other-process-'));
let applicationId: number;
beforeAll(async () => {
  t = await createTestApp({ EVIDENCE_STORAGE: 'database' });
  other = await buildApp(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: (t.database as { url?: string }).url, WEB_DIST: '/nonexistent', DATA_DIR: otherDataDir, EVIDENCE_STORAGE: 'database' }), t.database, { logger: false });
  await other.ready();
  applicationId = (await createDraft(await t.as('school@test.cn'))).id;
});
afterAll(async () => {
  await other?.close();
  await t?.close();
  fs.rmSync(otherDataDir, { recursive: true, force: true });
});

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 65)]);
const filesUnder = (dir: string) => fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((d) => d.isFile()).length : 0;

describe('evidence files kept in the database', () => {
  it('uploaded through one process, downloaded and deleted through another', async () => {
    const school = await t.as('school@test.cn');
    const body = multipart({ entityType: 'application', entityId: String(applicationId) }, { name: '证明.pdf', content: pdf, type: 'application/pdf' });
    const created = await t.app.inject({ method: 'POST', url: '/api/evidence', payload: body.payload, headers: { ...body.headers, cookie: school.cookie } });
    expect(created.statusCode, created.body).toBe(201);
    const row = created.json();

    const login = await other.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'school@test.cn', password: PASSWORD } });
    const cookie = `cp_session=${login.cookies.find((c) => c.name === 'cp_session')!.value}`;
    const downloaded = await other.inject({ method: 'GET', url: row.downloadUrl, headers: { cookie } });
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.rawPayload.equals(pdf)).toBe(true);
    expect(filesUnder(path.join(otherDataDir, 'files')) + filesUnder(path.join(t.app.config.dataDir, 'files'))).toBe(0);

    expect((await other.inject({ method: 'DELETE', url: `/api/evidence/${row.id}`, headers: { cookie } })).statusCode).toBe(200);
    expect(await t.app.storage.keys()).toEqual([]);
    expect((await school.get(row.downloadUrl)).statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { PASSWORD } from '../../../test/fixtures.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('user management', () => {
  it('HQ creates a regional user; password rules and the links of the role are enforced', async () => {
    const hq = await t.as('hq@test.cn');
    const base = { email: 'north@test.cn', name: '华北专员', role: 'regional', regionIds: [t.fixture.regions.north.id] };
    for (const [password, word] of [['short1', '8 characters'], ['onlyletters', 'letters and digits'], ['12345678', 'letters and digits']]) {
      const res = await hq.post('/api/users', { ...base, password });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain(word);
    }
    expect((await hq.post('/api/users', { ...base, regionIds: [], password: 'north2026' })).json().details[0].field).toBe('regionIds');
    const created = await hq.post('/api/users', { ...base, password: 'north2026' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ email: 'north@test.cn', role: 'regional', regionIds: [t.fixture.regions.north.id] });
    expect(JSON.stringify(created.json())).not.toContain('argon2');
    expect((await hq.post('/api/users', { ...base, password: 'north2026' })).statusCode).toBe(409);
    expect((await login('north@test.cn', 'north2026')).statusCode).toBe(200);
    for (const email of ['east@test.cn', 'school@test.cn']) expect((await (await t.as(email)).post('/api/users', { ...base, email: 'x@test.cn', password: 'north2026' })).statusCode).toBe(403);
  });

  it('deactivating a user or resetting the password ends their sessions at once', async () => {
    const hq = await t.as('hq@test.cn');
    const south = await t.as('south@test.cn');
    const id = t.fixture.users['south@test.cn'].id;
    expect((await south.get('/api/auth/me')).statusCode).toBe(200); // the server now remembers this session's user
    expect((await hq.put(`/api/users/${id}`, { password: 'reset2026x' })).statusCode).toBe(200);
    expect((await south.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('south@test.cn', PASSWORD)).statusCode).toBe(401);
    expect((await login('south@test.cn', 'reset2026x')).statusCode).toBe(200);
    expect((await hq.put(`/api/users/${t.fixture.users['hq@test.cn'].id}`, { active: false })).statusCode).toBe(400);
  });

  it("a change of role links applies to the user's very next request, and deactivation ends it", async () => {
    const hq = await t.as('hq@test.cn');
    const east = await t.as('east@test.cn');
    const id = t.fixture.users['east@test.cn'].id;
    const regions = t.fixture.regions;
    expect((await east.get('/api/auth/me')).json().regionIds).toEqual([regions.east.id]);
    expect((await hq.put(`/api/users/${id}`, { regionIds: [regions.south.id] })).statusCode).toBe(200);
    const me = (await east.get('/api/auth/me')).json();
    expect(me.regionIds).toEqual([regions.south.id]);
    expect(me.scope).toMatchObject({ kind: 'regions', regionIds: [regions.south.id] });
    const schools = (await east.get('/api/schools', { range: '[0,99]' })).json() as { regionId: number }[];
    expect(schools.length).toBeGreaterThan(0);
    expect(schools.every((x) => x.regionId === regions.south.id)).toBe(true);
    expect((await hq.put(`/api/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await east.get('/api/auth/me')).statusCode).toBe(401);
    expect((await hq.put(`/api/users/${id}`, { active: true, regionIds: [regions.east.id] })).statusCode).toBe(200);
  });

  it('a user changes their own password knowing the current one; other sessions end, this one stays', async () => {
    const first = await login('provider@test.cn', PASSWORD);
    const other = `cp_session=${first.cookies.find((c) => c.name === 'cp_session')!.value}`;
    const me = await t.as('provider@test.cn');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(200);
    expect((await me.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'newpass2026' })).statusCode).toBe(400);
    expect((await me.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' })).statusCode).toBe(400);
    expect((await me.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'newpass2026' })).statusCode).toBe(200);
    expect((await me.get('/api/auth/me')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(401);
  });
});

describe('the first HQ account of a new deployment', () => {
  it('is created only on a database without users, with the password rules', async () => {
    const { ensureFirstAdmin } = await import('./first-admin.js');
    expect(await ensureFirstAdmin(t.database.db, 'admin@test.cn', 'admin2026')).toBe(false);
    const { createTestDatabase } = await import('../../../test/test-database.js');
    const empty = await createTestDatabase();
    try {
      await expect(ensureFirstAdmin(empty.db, 'admin@test.cn', 'short')).rejects.toThrow(/ADMIN_PASSWORD/);
      expect(await ensureFirstAdmin(empty.db, 'admin@test.cn', 'admin2026')).toBe(true);
      expect(await ensureFirstAdmin(empty.db, 'admin@test.cn', 'admin2026')).toBe(false);
    } finally {
      await empty.close();
    }
  });
});

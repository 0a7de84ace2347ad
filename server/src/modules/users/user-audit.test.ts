import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { PASSWORD } from '../../../test/fixtures.js';
import { auditEvents, users } from '../../db/schema/index.js';
import { updateUser } from './manage-users.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const login = (email: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) => `cp_session=${res.cookies.find((c) => c.name === 'cp_session')!.value}`;

async function lastEventId() {
  const rows = await t.database.db.select({ id: auditEvents.id }).from(auditEvents);
  return rows.reduce((m, r) => Math.max(m, r.id), 0);
}
const eventsSince = (id: number, action?: string) => t.database.db.select().from(auditEvents)
  .where(and(gt(auditEvents.id, id), action ? eq(auditEvents.action, action) : undefined)).orderBy(auditEvents.id);

describe('security events are audited, with values and never a password', () => {
  it('a failed sign-in records the account when known and the address, not the password', async () => {
    const before = await lastEventId();
    const school = t.fixture.users['school@test.cn'];
    expect((await login('school@test.cn', 'Secret-guess-1', '10.2.0.1')).statusCode).toBe(401);
    expect((await login('nobody@test.cn', 'Secret-guess-2', '10.2.0.2')).statusCode).toBe(401);
    const events = await eventsSince(before, 'login_failed');
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ entityType: 'user', entityId: school.id, actorId: null, schoolId: school.schoolId });
    expect(events[0].data).toMatchObject({ email: 'school@test.cn', address: '10.2.0.1' });
    expect(events[1]).toMatchObject({ entityType: 'user', entityId: 0, actorId: null });
    expect(events[1].data).toMatchObject({ address: '10.2.0.2', accountKnown: false });
    expect(JSON.stringify(events)).not.toContain('Secret-guess');
    expect(JSON.stringify(events)).not.toContain('nobody@test.cn');
  });

  it('a sign-out records who signed out', async () => {
    const res = await login('east@test.cn', PASSWORD, '10.2.0.3');
    const before = await lastEventId();
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: cookieOf(res) }, remoteAddress: '10.2.0.3' });
    expect(out.statusCode).toBe(200);
    const id = t.fixture.users['east@test.cn'].id;
    const events = await eventsSince(before, 'logout');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityType: 'user', entityId: id, actorId: id });
    expect(events[0].data).toMatchObject({ address: '10.2.0.3' });
  });

  it('a password change records who and from where, never the passwords or their hashes', async () => {
    const res = await login('provider@test.cn', PASSWORD, '10.2.0.4');
    const before = await lastEventId();
    const change = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: cookieOf(res) }, remoteAddress: '10.2.0.4', payload: { currentPassword: PASSWORD, newPassword: 'Newpass2026' } });
    expect(change.statusCode).toBe(200);
    const id = t.fixture.users['provider@test.cn'].id;
    const events = await eventsSince(before, 'change_password');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityType: 'user', entityId: id, actorId: id });
    expect(events[0].data).toMatchObject({ address: '10.2.0.4' });
    const text = JSON.stringify(events);
    expect(text).not.toContain('Newpass2026');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('argon2');
  });

  it("an HQ edit of a user records each changed field's value before and after, and only that a password was set", async () => {
    const hq = await t.as('hq@test.cn');
    const south = t.fixture.users['south@test.cn'];
    const regions = t.fixture.regions;
    const before = await lastEventId();
    const res = await hq.put(`/api/users/${south.id}`, { name: '华南专员', regionIds: [regions.south.id, regions.north.id], active: false, password: 'Reset2026x', locale: 'zh' });
    expect(res.statusCode, res.body).toBe(200);
    const [event] = await eventsSince(before, 'update');
    expect(event).toMatchObject({ entityType: 'user', entityId: south.id, actorId: t.fixture.users['hq@test.cn'].id });
    expect(event.data).toEqual({
      changes: {
        name: { from: '华南', to: '华南专员' },
        regionIds: { from: [regions.south.id], to: [regions.south.id, regions.north.id].sort((a, b) => a - b) },
        active: { from: true, to: false },
      },
      passwordChanged: true,
    });
    const text = JSON.stringify(event);
    expect(text).not.toContain('Reset2026x');
    expect(text).not.toContain('argon2');
    expect((await hq.put(`/api/users/${south.id}`, { active: true })).statusCode).toBe(200);
  });
});

describe('the last active HQ account', () => {
  it('two HQ users deactivating each other at once: one succeeds, the other is refused, an active HQ remains', async () => {
    const hq = await t.as('hq@test.cn');
    const created = await hq.post('/api/users', { email: 'hq2@test.cn', name: '总部二', role: 'hq', password: 'Hq2second2026' });
    expect(created.statusCode, created.body).toBe(201);
    const hq2Id = created.json().id as number;
    const hqId = t.fixture.users['hq@test.cn'].id;
    const hq2Login = await login('hq2@test.cn', 'Hq2second2026', '10.2.1.1');
    const hq2Cookie = cookieOf(hq2Login);
    const [a, b] = await Promise.all([
      hq.put(`/api/users/${hq2Id}`, { active: false }),
      t.app.inject({ method: 'PUT', url: `/api/users/${hqId}`, headers: { cookie: hq2Cookie }, payload: { active: false } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json().error).toBe('conflict');
    expect(refused.json().message).toMatch(/last active HQ account/);
    const active = await t.database.db.select({ id: users.id }).from(users).where(and(eq(users.role, 'hq'), eq(users.active, true)));
    expect(active).toHaveLength(1);
    // Put things back: the remaining HQ reactivates the other.
    const remaining = active[0].id === hqId ? hq : { put: (url: string, body: unknown) => t.app.inject({ method: 'PUT', url, headers: { cookie: hq2Cookie }, payload: body as object }) };
    expect((await remaining.put(`/api/users/${active[0].id === hqId ? hq2Id : hqId}`, { active: true })).statusCode).toBe(200);
  });

  it('a session that outlived its HQ account (another process still remembers it) cannot deactivate the last active HQ', async () => {
    // A new session: the one before may have ended with its account's deactivation above.
    const hq = cookieOf(await login('hq@test.cn', PASSWORD, '10.2.1.3'));
    const [hq2] = await t.database.db.select().from(users).where(eq(users.email, 'hq2@test.cn'));
    expect((await t.app.inject({ method: 'PUT', url: `/api/users/${hq2.id}`, headers: { cookie: hq }, payload: { active: false } })).statusCode).toBe(200);
    // hq2's session as another process's cache may still hold it for SESSION_CACHE_SECONDS.
    const stale = { id: hq2.id, email: hq2.email, name: hq2.name, role: 'hq' as const, locale: hq2.locale, regionIds: [], schoolId: null, providerId: null };
    const hqId = t.fixture.users['hq@test.cn'].id;
    await expect(updateUser(t.database.db, stale, hqId, { active: false })).rejects.toMatchObject({ statusCode: 409, message: expect.stringMatching(/last active HQ account/) });
    const [row] = await t.database.db.select({ active: users.active }).from(users).where(eq(users.id, hqId));
    expect(row.active).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { server } from '../test/server';
import { createAuthProvider } from './authProvider';

const API = 'http://localhost/api';
const hq = { id: 1, email: 'hq@demo.test', name: '王总部', role: 'hq', regionIds: [], schoolId: null, providerId: null, locale: 'zh' };
const school = { ...hq, id: 4, email: 'school@demo.test', name: '李老师', role: 'school', schoolId: 7 };

describe('authProvider', () => {
  it('signs in with email and password and then knows the user', async () => {
    let body: unknown;
    server.use(
      http.post(`${API}/auth/login`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(hq);
      }),
    );
    const auth = createAuthProvider(API);
    await auth.login({ email: ' hq@demo.test ', password: 'demo1234' });
    expect(body).toEqual({ email: 'hq@demo.test', password: 'demo1234' });
    await expect(auth.getIdentity!()).resolves.toMatchObject({ id: 1, fullName: '王总部', role: 'hq' });
    await expect(auth.getPermissions!({})).resolves.toBe('hq');
  });

  it('rejects a wrong password with the server message', async () => {
    server.use(
      http.post(`${API}/auth/login`, () =>
        HttpResponse.json({ error: 'unauthenticated', message: 'The email or password is wrong.' }, { status: 401 })),
    );
    const auth = createAuthProvider(API);
    await expect(auth.login({ email: 'hq@demo.test', password: 'nope' })).rejects.toMatchObject({
      status: 401,
      message: 'The email or password is wrong.',
    });
  });

  it('rejects a throttled sign-in with the server message that says how long to wait', async () => {
    server.use(
      http.post(`${API}/auth/login`, () =>
        HttpResponse.json({ error: 'too_many_requests', message: 'Too many failed sign-ins; wait 15 minutes and try again.' }, { status: 429 })),
    );
    const auth = createAuthProvider(API);
    await expect(auth.login({ email: 'hq@demo.test', password: 'x' })).rejects.toMatchObject({
      status: 429,
      message: 'Too many failed sign-ins; wait 15 minutes and try again.',
    });
  });

  it('checkAuth asks /auth/me once and fails quietly without a session', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/auth/me`, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.json(school) : HttpResponse.json({ error: 'unauthenticated', message: 'Sign in first.' }, { status: 401 });
      }),
    );
    const auth = createAuthProvider(API);
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
    expect(calls).toBe(1);

    const anonymous = createAuthProvider(API);
    server.use(http.get(`${API}/auth/me`, () => HttpResponse.json({ error: 'unauthenticated', message: 'Sign in first.' }, { status: 401 })));
    await expect(anonymous.checkAuth({})).rejects.toMatchObject({ message: false });
  });

  it('checkError signs out on 401 only; 403 and 409 stay signed in', async () => {
    let calls = 0;
    server.use(http.get(`${API}/auth/me`, () => {
      calls += 1;
      return HttpResponse.json(hq);
    }));
    const auth = createAuthProvider(API);
    await auth.checkAuth({});
    await expect(auth.checkError({ status: 403 })).resolves.toBeUndefined();
    await expect(auth.checkError({ status: 409 })).resolves.toBeUndefined();
    await expect(auth.checkError({ status: 401 })).rejects.toMatchObject({ status: 401 });
    // After a 401 the cached user is dropped: the next check asks the server again.
    await auth.checkAuth({});
    expect(calls).toBe(2);
  });

  it('logout posts to the server and forgets the user', async () => {
    let loggedOut = false;
    server.use(
      http.get(`${API}/auth/me`, () => (loggedOut ? HttpResponse.json({ error: 'unauthenticated', message: 'Sign in first.' }, { status: 401 }) : HttpResponse.json(hq))),
      http.post(`${API}/auth/logout`, () => {
        loggedOut = true;
        return HttpResponse.json({ ok: true });
      }),
    );
    const auth = createAuthProvider(API);
    await auth.checkAuth({});
    await auth.logout({});
    expect(loggedOut).toBe(true);
    await expect(auth.checkAuth({})).rejects.toBeDefined();
  });

  it('canAccess answers from the shared permissions table for the signed-in role', async () => {
    server.use(http.get(`${API}/auth/me`, () => HttpResponse.json(school)));
    const auth = createAuthProvider(API);
    await expect(auth.canAccess!({ resource: 'schools', action: 'list' })).resolves.toBe(true);
    await expect(auth.canAccess!({ resource: 'users', action: 'list' })).resolves.toBe(false);
    await expect(auth.canAccess!({ resource: 'tier-policies', action: 'edit' })).resolves.toBe(false);
  });

  it('canAccess denies everything when nobody is signed in', async () => {
    server.use(http.get(`${API}/auth/me`, () => HttpResponse.json({ error: 'unauthenticated', message: 'Sign in first.' }, { status: 401 })));
    const auth = createAuthProvider(API);
    await expect(auth.canAccess!({ resource: 'schools', action: 'list' })).resolves.toBe(false);
  });
});

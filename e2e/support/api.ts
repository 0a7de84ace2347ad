import { fetchUtils } from 'ra-core';

export const DEMO_PASSWORD = 'demo1234';

/** The six demo accounts of DOMAIN.md "Demo data". */
export const demoAccounts = {
  hq: 'hq@demo.test',
  east: 'east@demo.test',
  south: 'south@demo.test',
  school: 'school@demo.test',
  school2: 'school2@demo.test',
  provider: 'provider@demo.test',
} as const;

export interface Me {
  id: number;
  email: string;
  name: string;
  role: 'hq' | 'regional' | 'school' | 'provider';
  regionIds: number[];
  schoolId: number | null;
  providerId: number | null;
}

/** Signs in with POST /api/auth/login, as a script would, and returns the session cookie. */
export async function apiSignIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('cp_session='));
  if (!cookie) throw new Error(`sign-in of ${email} set no cp_session cookie`);
  return cookie.split(';')[0];
}

/** GET on the API with a session cookie; returns the JSON and the Content-Range total, if any. */
export async function apiGet<T = unknown>(baseUrl: string, cookie: string, pathAndQuery: string): Promise<{ status: number; json: T; total?: number }> {
  const res = await fetch(`${baseUrl}${pathAndQuery}`, { headers: { cookie, accept: 'application/json' } });
  const range = res.headers.get('content-range');
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : undefined) as T, total: range ? Number(range.split('/').pop()) : undefined };
}

/** The query string of a ra-data-simple-rest list request. */
export function listQuery(opts: { sort?: [string, 'ASC' | 'DESC']; range?: [number, number]; filter?: Record<string, unknown> } = {}): string {
  const q = new URLSearchParams();
  if (opts.sort) q.set('sort', JSON.stringify(opts.sort));
  if (opts.range) q.set('range', JSON.stringify(opts.range));
  if (opts.filter) q.set('filter', JSON.stringify(opts.filter));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * An httpClient for ra-data-simple-rest in Node: react-admin's own fetchUtils.fetchJson, plus the
 * session cookie that a browser would send by itself.
 */
export function cookieHttpClient(cookie: string) {
  return (url: string, options: fetchUtils.Options = {}) => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    headers.set('Cookie', cookie);
    return fetchUtils.fetchJson(url, { ...options, headers });
  };
}

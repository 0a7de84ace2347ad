/** A minimal HTTP client of the app on 127.0.0.1: signs in once, then sends that session's cookie. */

export interface ListQuery {
  filter?: Record<string, unknown>;
  sort?: [string, 'ASC' | 'DESC'];
  range?: [number, number];
}

/** ra-data-simple-rest's getList URL: filter, sort and range as JSON query parameters. */
export function listUrl(resource: string, q: ListQuery = {}): string {
  const params = new URLSearchParams();
  if (q.filter) params.set('filter', JSON.stringify(q.filter));
  if (q.sort) params.set('sort', JSON.stringify(q.sort));
  if (q.range) params.set('range', JSON.stringify(q.range));
  const qs = params.toString();
  return `/api/${resource}${qs ? `?${qs}` : ''}`;
}

export class Client {
  private constructor(private readonly base: string, readonly email: string, private readonly cookie: string) {}

  static async signIn(base: string, email: string, password: string): Promise<Client> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
    const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('cp_session='));
    if (!session) throw new Error(`sign-in of ${email} set no cp_session cookie`);
    await res.arrayBuffer();
    return new Client(base, email, session);
  }

  /** GET; the body is read in full (that is part of the time) and returned as text. */
  async get(path: string): Promise<{ status: number; body: string; headers: Headers }> {
    const res = await fetch(`${this.base}${path}`, { headers: { cookie: this.cookie } });
    const body = await res.text();
    return { status: res.status, body, headers: res.headers };
  }

  /** GET that must answer 200; returns the parsed JSON. */
  async json<T = unknown>(path: string): Promise<T> {
    const r = await this.get(path);
    if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}: ${r.body.slice(0, 300)}`);
    return JSON.parse(r.body) as T;
  }

  async send(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: string }> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.text() };
  }
}

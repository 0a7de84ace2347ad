/**
 * A minimal HTTP client of the app: signs in once, then sends that session's cookie over one
 * kept-alive connection (node:http; fetch costs the client itself a few tenths of a millisecond a
 * request, which is not the server's time).
 */
import http from 'node:http';

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

export interface Answer { status: number; body: string; headers: http.IncomingHttpHeaders }

function request(agent: http.Agent, base: URL, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      agent, host: base.hostname, port: base.port, method, path,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export class Client {
  private constructor(private readonly base: URL, readonly email: string, private readonly cookie: string, private readonly agent: http.Agent) {}

  static async signIn(base: string, email: string, password: string): Promise<Client> {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const url = new URL(base);
    const res = await request(agent, url, 'POST', '/api/auth/login', {}, JSON.stringify({ email, password }));
    if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${res.body}`);
    const setCookie = res.headers['set-cookie'] ?? [];
    const session = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('cp_session='));
    if (!session) throw new Error(`sign-in of ${email} set no cp_session cookie`);
    return new Client(url, email, session, agent);
  }

  /** GET; the body is read in full (that is part of the time) and returned as text. */
  get(path: string): Promise<Answer> {
    return request(this.agent, this.base, 'GET', path, { cookie: this.cookie });
  }

  /** GET that must answer 200; returns the parsed JSON. */
  async json<T = unknown>(path: string): Promise<T> {
    const r = await this.get(path);
    if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}: ${r.body.slice(0, 300)}`);
    return JSON.parse(r.body) as T;
  }

  send(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Answer> {
    return request(this.agent, this.base, method, path, { cookie: this.cookie }, body === undefined ? undefined : JSON.stringify(body));
  }

  close() {
    this.agent.destroy();
  }
}

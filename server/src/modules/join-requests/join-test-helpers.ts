import { desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { TestContext } from '../../../test/test-app.js';
import { joinRequests, mailOutbox } from '../../db/schema/index.js';

let nextAddress = 1;
/** A fresh requester address per call unless one is named, so that tests do not share a throttle key. */
export const freshAddress = () => `10.13.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

export const joinBody = (over: Record<string, unknown> = {}) => ({
  schoolName: '杭州职业技术学院', province: '浙江', kind: 'vocational', contactName: '王老师',
  email: 'wang@hzvtc.edu.cn', phone: '0571-86888888', tier: 'talent_base', ...over,
});

/** POST /api/join-requests as a browser on the join page would (no session). */
export function submitJoin(t: TestContext, body: unknown, opts: { address?: string; language?: string; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST', url: '/api/join-requests', payload: body as object, remoteAddress: opts.address ?? freshAddress(),
    headers: { 'accept-language': opts.language ?? 'zh-CN', ...opts.headers },
  });
}

export function confirmJoin(t: TestContext, token: unknown, language = 'zh-CN') {
  return t.app.inject({ method: 'POST', url: '/api/join-requests/confirm', payload: { token }, headers: { 'accept-language': language } });
}

/** The mails the outbox holds for an address, newest first. */
export const mailsTo = (t: TestContext, to: string) =>
  t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, to)).orderBy(desc(mailOutbox.id));

/** The confirmation token of the newest join mail to an address (read from its link). */
export async function tokenMailedTo(t: TestContext, to: string): Promise<string> {
  const [mail] = (await mailsTo(t, to)).filter((m) => m.kind === 'join_confirm');
  const token = mail?.text.match(/\/join\/confirm\?token=([\w-]+)/)?.[1];
  if (!token) throw new Error(`no confirmation link mailed to ${to}`);
  return token;
}

export const requestsFor = (t: TestContext, email: string) => t.database.db.select().from(joinRequests).where(eq(joinRequests.email, email));

/** Files a request and confirms it: it waits for the region. Returns its row. */
export async function pendingRequest(t: TestContext, over: Record<string, unknown> = {}) {
  const body = joinBody(over);
  const res = await submitJoin(t, body);
  if (res.statusCode !== 202) throw new Error(`join request refused: ${res.statusCode} ${res.body}`);
  const confirmed = await confirmJoin(t, await tokenMailedTo(t, String(body.email)));
  if (confirmed.statusCode !== 200) throw new Error(`confirmation refused: ${confirmed.statusCode} ${confirmed.body}`);
  const [row] = (await requestsFor(t, String(body.email))).sort((a, b) => b.id - a.id);
  return row!;
}

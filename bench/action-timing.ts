/**
 * The time of one workflow action request, in-process through Fastify's inject (the server's own
 * test client): 100 returns and 100 resubmits of one application, alternating, median and p95 of
 * each. Embedded database by default; DATABASE_URL=postgres://… for a real server (a fresh test
 * database is created and dropped there).
 *   node --import tsx bench/action-timing.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTestApp } from '@campus/server/test/test-app.js';
import { createDraft } from '@campus/server/test/application-builders.js';

const N = 100;
const t = await createTestApp();
const school = await t.as('school@test.cn');
const east = await t.as('east@test.cn');
const draft = await createDraft(school, 'talent_base');
let version = (await school.post(`/api/applications/${draft.id}/actions/submit`, { version: draft.version })).json().version;
const times: Record<string, number[]> = { regional_return: [], resubmit: [] };
for (let i = 0; i < N; i++) {
  for (const [client, action, body] of [[east, 'regional_return', { comment: `第${i}次退回` }], [school, 'resubmit', {}]] as const) {
    const started = performance.now();
    const res = await client.post(`/api/applications/${draft.id}/actions/${action}`, { version, ...body });
    times[action].push(performance.now() - started);
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
    version = res.json().version;
  }
}
await t.close();
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const result = {
  database: process.env.DATABASE_URL ? 'postgres' : 'embedded', requests: N,
  actions: Object.fromEntries(Object.entries(times).map(([a, xs]) => [a, { medianMs: +pct(xs, 0.5).toFixed(2), p95Ms: +pct(xs, 0.95).toFixed(2) }])),
};
console.log(JSON.stringify(result, null, 2));
fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
fs.writeFileSync(path.join('bench', 'results', `action-timing-${result.database}.json`), JSON.stringify(result, null, 2) + '\n');

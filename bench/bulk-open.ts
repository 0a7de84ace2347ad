/**
 * Times HQ's bulk opening of every ended agreement year's evaluation, through the API, on the
 * database of DATABASE_URL (the scale data set: `npm run seed:scale`).
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/campus_scale node --import tsx bench/bulk-open.ts
 */
import fs from 'node:fs';
import { buildApp } from '@campus/server/app.js';
import { loadConfig } from '@campus/server/config.js';
import { openConfiguredDatabase } from '@campus/server/db/open-configured.js';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' });
if (!config.DATABASE_URL) throw new Error('set DATABASE_URL to the scale database');
const database = await openConfiguredDatabase(config);
const app = await buildApp(config, database, { logger: false });
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'hq@scale.test', password: 'demo1234' } });
const cookie = `cp_session=${login.cookies.find((c) => c.name === 'cp_session')!.value}`;
const started = performance.now();
const job = (await app.inject({ method: 'POST', url: '/api/evaluations/bulk-open', payload: {}, headers: { cookie } })).json();
let state = job;
while (state.status === 'running') {
  await new Promise((r) => setTimeout(r, 500));
  state = (await app.inject({ method: 'GET', url: `/api/evaluations/bulk-jobs/${job.id}`, headers: { cookie } })).json();
}
const result = { total: state.total, opened: state.result?.opened, status: state.status, seconds: +((performance.now() - started) / 1000).toFixed(1), jobMs: state.result?.ms };
console.log(JSON.stringify(result));
fs.writeFileSync('bench/results/bulk-open-full.json', JSON.stringify(result, null, 2) + '\n');
await app.close();
await database.close();

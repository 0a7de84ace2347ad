/**
 * The tier policy what-if at full scale (issue 15 item 3, issue 17 item 5): HQ previews an edit of a
 * policy, through the server as users run it (its own process, one kept-alive connection), median
 * and p95; target p95 < 200 ms for every kind of edit: thresholds, and each counting rule (offline
 * course hours, the job platform's resume completeness and applications, all at once), which the
 * what-if counts from the distributions the summaries keep; exits 1 on a miss. Beside it, in the
 * benchmark's process: the same what-if called directly, for a counting rule the full recomputation
 * from the facts it replaced (judge(..., 'facts'), a few runs), and (unless
 * --no-before) the implementation before issue 15 (every KPI of every year computed twice, then
 * filtered in JavaScript), a few runs. Results: bench/results/what-if.json, with the load average.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/campus_scale node --import tsx bench/what-if.ts [--no-before] [--requests N]
 */
import fs from 'node:fs';
import os from 'node:os';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '@campus/server/config.js';
import { openConfiguredDatabase } from '@campus/server/db/open-configured.js';
import type { Db } from '@campus/server/db/client.js';
import { queryRows } from '@campus/server/db/raw.js';
import { regions, tierPolicies } from '@campus/server/db/schema/index.js';
import { computeKpiValues } from '@campus/server/modules/compliance/kpi-values-sql.js';
import { toSummary } from '@campus/server/modules/compliance/summary-rows.js';
import { judge, whatIf } from '@campus/server/modules/compliance/what-if.js';
import { todayInChina, type WhatIfAnswer } from '@campus/common';
import { SCALE_PASSWORD, SCALE_USERS } from '@campus/seed/scale.js';
import { Client } from './http.js';
import { startServerProcess } from './server-process.js';
import { measure, type Stats } from './measure.js';

const TARGET_P95_MS = 200;
const { values: args } = parseArgs({ options: { 'no-before': { type: 'boolean' }, requests: { type: 'string' }, out: { type: 'string' } } });
const requests = Number(args.requests ?? 40);
const out = args.out ?? 'bench/results/what-if.json';
const url = process.env.DATABASE_URL;
if (!url) throw new Error('set DATABASE_URL to a database made by npm run seed:scale');

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' });
const database = await openConfiguredDatabase(config);
const db = database.db;
const today = todayInChina();
const load = () => os.loadavg().map((v) => Math.round(v * 100) / 100);
const loadAtStart = load();

/** The what-if before issue 15 (server/src/modules/compliance/what-if.ts at 72ed396), counts per region only. */
async function whatIfBefore(db: Db, policyId: number, changes: Record<string, unknown>) {
  const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
  const [policy] = await db.select().from(tierPolicies).where(eq(tierPolicies.id, policyId));
  const edited = { ...policy, ...changes };
  const asRow = Object.fromEntries(Object.entries(edited).map(([k, v]) => [snake(k), v instanceof Date ? v.toISOString() : v]));
  const policies = sql`SELECT * FROM tier_policies WHERE id <> ${policyId} UNION ALL SELECT * FROM jsonb_populate_record(NULL::tier_policies, ${JSON.stringify(asRow)}::jsonb)`;
  const [stored, proposed] = await Promise.all([computeKpiValues(db, { today }), computeKpiValues(db, { today, policies })]);
  const regionRows = await db.select().from(regions);
  const tally = new Map(regionRows.map((r) => [r.id, { before: { pass: 0, fail: 0 }, after: { pass: 0, fail: 0 } }]));
  for (const [rows, side, pol] of [[stored, 'before', policy], [proposed, 'after', edited]] as const) {
    for (const row of rows) {
      if (!row.isCurrent || row.policyId !== policyId || !tally.has(row.regionId)) continue;
      tally.get(row.regionId)![side][toSummary(row, pol as typeof policy, today).compliant ? 'pass' : 'fail']++;
    }
  }
  return tally;
}

const perPolicy = await queryRows<{ policyId: number; tier: string; n: number }>(db, sql`
  SELECT policy_id AS "policyId", tier, count(*)::int AS n FROM compliance_summaries WHERE is_current AND policy_id IS NOT NULL GROUP BY 1, 2 ORDER BY n DESC`);
const [{ schools }] = await queryRows<{ schools: number }>(db, sql`SELECT count(*)::int AS schools FROM schools`);
const policies = await db.select().from(tierPolicies);
const byTier = (tier: string) => {
  const p = policies.find((x) => x.tier === tier && x.id === perPolicy.find((r) => r.tier === tier)?.policyId);
  if (!p) throw new Error(`no policy of ${tier} in force for a current year: is this a seed:scale database?`);
  return p;
};
const largest = policies.find((p) => p.id === perPolicy[0].policyId)!;
const talent = byTier('talent_base');
const college = byTier('industry_college');
const bump = (v: number | null, by = 1) => (v ?? 0) + by;

interface Scenario { name: string; policyId: number; changes: Record<string, unknown>; target: number | null; warmup: number; requests: number; budgetMs: number }
const scenarios: Scenario[] = [
  { name: `threshold edit of the largest policy (${largest.tier}): certifiedInstructors +1`, policyId: largest.id, changes: { certifiedInstructors: bump(largest.certifiedInstructors) }, target: TARGET_P95_MS, warmup: 5, requests, budgetMs: 120_000 },
  { name: 'threshold edit of talent_base: certificates1x -10, jobFairs +1, jobPlatformRate 0.9', policyId: talent.id, changes: { certificates1x: Math.max(0, bump(talent.certificates1x, -10)), jobFairs: bump(talent.jobFairs), jobPlatformRate: 0.9 }, target: TARGET_P95_MS, warmup: 5, requests, budgetMs: 120_000 },
  // A counting rule is counted again from the distributions each current year's summary keeps.
  { name: 'counting rule of industry_college: offlineCourseMinHours +16 (offline courses measured again)', policyId: college.id, changes: { offlineCourseMinHours: college.offlineCourseMinHours + 16 }, target: TARGET_P95_MS, warmup: 5, requests, budgetMs: 120_000 },
  { name: 'counting rule of talent_base: activeMinApplications +1 (job-platform rate measured again)', policyId: talent.id, changes: { activeMinApplications: talent.activeMinApplications + 1 }, target: TARGET_P95_MS, warmup: 5, requests, budgetMs: 120_000 },
  { name: 'counting rule of the largest policy: activeResumeCompleteness -20 (job-platform rate measured again)', policyId: largest.id, changes: { activeResumeCompleteness: Math.max(0, Number(largest.activeResumeCompleteness) - 20) }, target: TARGET_P95_MS, warmup: 5, requests, budgetMs: 120_000 },
  { name: 'every counting rule and two thresholds of talent_base at once', policyId: talent.id, changes: { offlineCourseMinHours: Math.max(1, talent.offlineCourseMinHours - 8), activeResumeCompleteness: Number(talent.activeResumeCompleteness) + 10, activeMinApplications: talent.activeMinApplications + 1, jobPlatformRate: 0.3, offlineCourses: bump(talent.offlineCourses) }, target: TARGET_P95_MS, warmup: 5, requests, budgetMs: 120_000 },
];

const server = await startServerProcess(url);
const hq = await Client.signIn(server.base, SCALE_USERS.hq, SCALE_PASSWORD);
const results: Record<string, unknown>[] = [];
let missed = false;
try {
  for (const s of scenarios) {
    const policy = policies.find((p) => p.id === s.policyId)!;
    let answer: WhatIfAnswer | undefined;
    const cpuBefore = server.cpuMs();
    let calls = 0;
    const viaServer = await measure(async () => {
      calls++;
      const res = await hq.send('POST', `/api/tier-policies/${s.policyId}/what-if`, { version: policy.version, ...s.changes });
      if (res.status !== 200) throw new Error(`what-if answered ${res.status}: ${res.body.slice(0, 300)}`);
      answer ??= JSON.parse(res.body) as WhatIfAnswer;
    }, { warmup: s.warmup, requests: s.requests, budgetMs: s.budgetMs });
    // The server process's own CPU per request (user + system): what a request costs it, whatever the machine's load.
    const serverCpuMsPerRequest = Math.round(((server.cpuMs() - cpuBefore) / calls) * 10) / 10;
    const direct = await measure(() => whatIf(db, { kind: 'all' }, s.policyId, s.changes, today), { warmup: 1, requests: Math.min(s.requests, 20), budgetMs: s.budgetMs / 2 });
    // For a counting rule: the full recomputation from the facts that the distributions replace (as before this change), a few runs.
    let fromFacts: Stats | undefined;
    if (answer!.recomputedKpis.length) {
      const edited = { ...policy, ...s.changes } as typeof policy;
      fromFacts = await measure(() => judge(db, { kind: 'all' }, policy, edited, answer!.recomputedKpis, today, 'facts'), { warmup: 1, requests: 5, budgetMs: 60_000 });
      const same = await judge(db, { kind: 'all' }, policy, edited, answer!.recomputedKpis, today, 'facts');
      if (!isDeepStrictEqual(JSON.parse(JSON.stringify(same)), answer)) throw new Error(`${s.name}: the what-if from the distributions differs from the full recomputation from the facts`);
    }
    const met = s.target === null ? null : viaServer.p95 < s.target;
    if (met === false) missed = true;
    const row = {
      scenario: s.name, policyId: s.policyId, tier: policy.tier, changes: s.changes,
      schoolsJudged: answer!.schools.length, flips: { passToFail: answer!.total.passToFail, failToPass: answer!.total.failToPass }, recomputedKpis: answer!.recomputedKpis,
      server: viaServer, serverCpuMsPerRequest, direct, fromFacts: fromFacts ?? null, sameAsFromFacts: fromFacts ? true : null, targetP95Ms: s.target, met,
    };
    results.push(row);
    console.log(`${s.name}: server median ${viaServer.median} ms, p95 ${viaServer.p95} ms (n=${viaServer.n}), server CPU ${serverCpuMsPerRequest} ms/request; direct median ${direct.median} ms${fromFacts ? `; from the facts median ${fromFacts.median} ms (same answer)` : ''}; ${answer!.schools.length} schools, ${answer!.total.passToFail} → fail, ${answer!.total.failToPass} → pass${met === null ? '' : met ? ' — target met' : ' — TARGET MISSED'}`);
  }
} finally {
  hq.close();
  await server.stop();
}

type Before = { scenario: string; direct: Stats; note: string; measuredAt?: string; loadAverage?: number[] };
// With --no-before, the last measured figure of the old implementation is carried over, with its date.
const earlier = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as { date?: string; before?: Before; machine?: { loadAverageAtEnd?: number[] } }) : undefined;
let before: Before | { skipped: true } = earlier?.before?.direct
  ? { ...earlier.before, measuredAt: earlier.before.measuredAt ?? earlier.date, loadAverage: earlier.before.loadAverage ?? earlier.machine?.loadAverageAtEnd }
  : { skipped: true };
if (!args['no-before']) {
  const s = scenarios[0];
  const stats = await measure(() => whatIfBefore(db, s.policyId, s.changes), { warmup: 0, requests: 3, budgetMs: 300_000 });
  before = { scenario: s.name, direct: stats, measuredAt: new Date().toISOString(), loadAverage: load(), note: 'the implementation before issue 15, called in-process (no HTTP): every KPI of every agreement year computed twice, then filtered in JavaScript; counts per region only' };
  console.log(`before (old implementation, in-process): median ${stats.median} ms, max ${stats.max} ms (n=${stats.n})`);
}

const result = {
  date: new Date().toISOString(), today, database: url.replace(/\/\/[^@]*@/, '//'), schools, currentYearsPerPolicy: perPolicy,
  machine: { cpus: os.cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: load() },
  targetP95Ms: TARGET_P95_MS, scenarios: results, before, passed: !missed,
};
fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
console.log(`written to ${out}; load average ${loadAtStart.join(' ')} → ${result.machine.loadAverageAtEnd.join(' ')} on ${os.cpus().length} cores`);
await database.close();
if (missed) {
  console.error(`what-if: p95 target of ${TARGET_P95_MS} ms missed`);
  process.exit(1);
}

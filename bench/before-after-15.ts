/**
 * Issue 15, before and after on the same database at the same moment (the machine is shared, so
 * figures from different hours do not compare): the statements the server sent before and sends now
 * for the all-schools total, the dashboard summary and name searches, run in turn, round after round,
 * through postgres.js; medians and p95 in ms. Results: bench/results/before-after-15.json.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/campus_scale node --import tsx bench/before-after-15.ts [--rounds 9]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { stats } from './measure.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { rounds: { type: 'string' } } });
const rounds = Number(values.rounds ?? 9);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const sql = postgres(url, { max: 1, onnotice: () => {} });

const grams = (q: string) => `name_grams(name) @> ARRAY['${q}']::text[]`;
const [{ q1 }] = await sql`SELECT left(name, 1) AS q1 FROM students TABLESAMPLE SYSTEM (1) GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
const [{ q2 }] = await sql`SELECT right(name, 2) AS q2 FROM students TABLESAMPLE SYSTEM (1) WHERE char_length(name) = 3 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
const cur = 'is_current';
const pairs: { name: string; before: string[]; after: string[] }[] = [
  {
    name: 'students of all schools: the total',
    before: ['SELECT count(*) FROM students'],
    after: ['SELECT count(*) FROM (SELECT 1 FROM students LIMIT 10001) c', `SELECT reltuples::bigint FROM pg_class WHERE oid = 'students'::regclass`],
  },
  {
    name: 'certificates of all schools: the total',
    before: ['SELECT count(*) FROM certificates'],
    after: ['SELECT count(*) FROM (SELECT 1 FROM certificates LIMIT 10001) c', `SELECT reltuples::bigint FROM pg_class WHERE oid = 'certificates'::regclass`],
  },
  {
    name: 'dashboard summary, HQ (5 statements before, 1 now)',
    before: [
      `SELECT tier, count(*), count(*) FILTER (WHERE compliant) FROM compliance_summaries WHERE ${cur} GROUP BY tier`,
      `SELECT region_id, tier, count(*), count(*) FILTER (WHERE compliant) FROM compliance_summaries WHERE ${cur} GROUP BY region_id, tier`,
      `SELECT k, count(*) FROM compliance_summaries, unnest(failing_kpis) k WHERE ${cur} GROUP BY k`,
      `SELECT cs.*, s.name FROM compliance_summaries cs JOIN schools s ON s.id = cs.school_id WHERE ${cur} AND NOT compliant ORDER BY cardinality(failing_kpis) DESC, s.name LIMIT 50`,
      `SELECT count(*) FROM compliance_summaries WHERE ${cur} AND NOT compliant`,
    ],
    after: [`WITH cur AS MATERIALIZED (SELECT agreement_id, year, school_id, region_id, tier, compliant, failing_kpis FROM compliance_summaries WHERE ${cur}),
      g AS (SELECT region_id, tier, count(*)::int AS schools, (count(*) FILTER (WHERE compliant))::int AS compliant FROM cur GROUP BY region_id, tier),
      f AS (SELECT k AS kpi, count(*)::int AS schools FROM cur, unnest(failing_kpis) AS k GROUP BY k),
      r AS (SELECT cur.agreement_id, cur.year, cardinality(cur.failing_kpis) AS failing, s.name FROM cur JOIN schools s ON s.id = cur.school_id WHERE NOT cur.compliant ORDER BY cardinality(cur.failing_kpis) DESC, s.name LIMIT 50)
      SELECT (SELECT json_agg(g) FROM g)::text, (SELECT json_agg(f) FROM f)::text,
        (SELECT json_agg(c.record || jsonb_build_object('schoolName', r.name) ORDER BY r.failing DESC, r.name) FROM r JOIN compliance_summaries c ON c.agreement_id = r.agreement_id AND c.year = r.year)::text`],
  },
  {
    name: `search q="${q1}" (1 character, common) across all students: page + total`,
    before: [
      `SELECT id FROM students WHERE (${grams(q1)} OR student_no = '${q1}') ORDER BY student_no, id LIMIT 25`,
      `SELECT count(*) FROM students WHERE (${grams(q1)} OR student_no = '${q1}')`,
    ],
    after: [
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM students WHERE ${grams(q1)} AND strpos(lower(name), '${q1}') <> 0`,
      `SELECT id FROM students WHERE ${grams(q1)} AND strpos(lower(name), '${q1}') <> 0 ORDER BY student_no, id LIMIT 25`,
    ],
  },
  {
    name: `search q="${q2}" (2 characters) across all students: page + total`,
    before: [
      `SELECT id FROM students WHERE (${grams(q2)} OR student_no = '${q2}') ORDER BY student_no, id LIMIT 25`,
      `SELECT count(*) FROM students WHERE (${grams(q2)} OR student_no = '${q2}')`,
    ],
    after: [
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM students WHERE ${grams(q2)} AND strpos(lower(name), '${q2}') <> 0`,
      `SELECT count(*) FROM (SELECT 1 FROM students WHERE ${grams(q2)} AND strpos(lower(name), '${q2}') <> 0 LIMIT 10001) c`,
      `SELECT id FROM students WHERE ${grams(q2)} AND strpos(lower(name), '${q2}') <> 0 ORDER BY coalesce(student_no, student_no), coalesce(id, id) LIMIT 25`,
    ],
  },
];

const time = async (statements: string[]) => {
  const t = performance.now();
  for (const s of statements) await sql.unsafe(s);
  return performance.now() - t;
};
const samples = pairs.map(() => ({ before: [] as number[], after: [] as number[] }));
for (let i = 0; i < rounds + 1; i++) {
  for (const [k, p] of pairs.entries()) {
    const b = await time(p.before);
    const a = await time(p.after);
    if (i > 0) { samples[k].before.push(b); samples[k].after.push(a); } // round 0 warms the cache
  }
}
const result = {
  date: new Date().toISOString(), database: new URL(url).pathname.slice(1), rounds,
  machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((v) => Math.round(v * 100) / 100) },
  reads: pairs.map((p, k) => {
    const before = stats(samples[k].before);
    const after = stats(samples[k].after);
    return { name: p.name, before, after, speedup: Math.round((before.median / after.median) * 10) / 10 };
  }),
};
for (const r of result.reads) console.log(`${r.name}: before ${r.before.median}/${r.before.p95} ms, after ${r.after.median}/${r.after.p95} ms (median/p95), ${r.speedup}x`);
fs.writeFileSync(path.join(here, 'results', 'before-after-15.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`load average ${result.machine.loadAverage.join(' ')}; written: bench/results/before-after-15.json`);
await sql.end();

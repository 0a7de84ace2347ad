/** The temporary database of the --quick modes (bench/run.ts, bench/load.ts): generated, then dropped. */
import crypto from 'node:crypto';
import postgres from 'postgres';
import { todayInChina } from '@campus/common';
import { generateScale } from '@campus/seed/scale.js';

/** Creates a database beside serverUrl's, generates `schools` schools into it; drop() removes it. */
export async function createQuickDatabase(serverUrl: string, schools: number, prefix = 'cp_bench_quick') {
  const name = `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const drop = async () => {
    const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  };
  console.log(`quick: generating ${schools} schools into the temporary database ${name}`);
  try {
    const report = await generateScale({
      schools, studentsPerSchool: 875, years: 3, seed: 20260101, batch: 20, today: todayInChina(),
      fresh: false, keepIndexes: false, databaseUrl: url, log: () => {},
    });
    return { name, url, drop, generation: { seconds: Math.round(report.phases.total / 100) / 10, phases: report.phases } };
  } catch (error) {
    await drop();
    throw error;
  }
}

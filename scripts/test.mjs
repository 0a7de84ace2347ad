// `npm test`: the type check, the lint and every workspace's suite, three jobs at a time. The machine this runs on has
// two cores. The server suite's two workers wait on the server processes, CLIs and shutdown timers its process tests
// run, and the web suite's one worker on its tests' timers, so two jobs side by side left a core idle for about a
// quarter of the run; a third job (the type check, the lint, the seed and shared-package suites, one after another)
// fills those gaps. Two jobs at a time: 318 s; three: 254 s (warm caches, quiet 2-core machine). Each job's
// output is printed whole when it ends, with its time; npm test fails if any job fails. `npm test -- web lint` runs
// only the jobs named.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { reporterArgs } from './test-report.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// Longest first, so that no long job starts late and ends alone: the web suite (its files one after another in one
// worker, its modules and jsdom loaded once) and the server suite (two workers) start at once, and the short jobs take
// the third place one after another. Beside the server's two workers the web suite runs in one: with two of its own
// npm test took 279 s instead of 254 s, and with three server workers 291 s (each worker loads its modules and PGlite
// again); without the server suite (`npm test -- web`) it uses two.
// With CI_REPORT_DIR set, each suite also writes a JSON report there, from which CI names the failed tests.
const suite = (name, workspace, extra = []) => [name, ['run', 'test', '--workspace', workspace, '--', ...extra, ...(process.env.CI_REPORT_DIR ? reporterArgs(name) : [])]];
const only = process.argv.slice(2);
const besideServer = !only.length || only.includes('server');
const jobs = [
  suite('web', 'web', besideServer ? ['--maxWorkers=1'] : []),
  suite('server', 'server'),
  // One checker: tsgo's parallel checkers each re-check what their files share (31 s of CPU with its default four, 22 s
  // with one, cold cache); beside the suites the cores are busy anyway. Alone, `npm run typecheck` keeps four.
  ['typecheck', ['run', 'typecheck', '--', '--checkers', '1']],
  suite('seed', 'seed'),
  suite('common', 'packages/common'),
  ['lint', ['run', 'lint']],
];
const unknown = only.filter((name) => !jobs.some(([job]) => job === name));
if (unknown.length) {
  process.stderr.write(`unknown job ${unknown.join(', ')}; the jobs are ${jobs.map(([job]) => job).join(', ')}\n`);
  process.exit(2);
}
const chosen = only.length ? jobs.filter(([name]) => only.includes(name)) : jobs;
const parallel = Math.max(1, Math.min(chosen.length, Number(process.env.TEST_JOBS) || Math.max(3, os.availableParallelism() + 1)));

function run([name, args]) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(npm, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (code, signal) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const ok = code === 0;
      process.stdout.write(`\n===== ${name}: ${ok ? 'passed' : `FAILED (${signal ?? code})`} in ${seconds} s =====\n`);
      process.stdout.write(Buffer.concat(out));
      resolve({ name, ok, seconds });
    });
  });
}

const started = performance.now();
const queue = [...chosen];
const results = [];
await Promise.all(Array.from({ length: parallel }, async () => {
  while (queue.length) results.push(await run(queue.shift()));
}));
const total = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(`\n${results.map((r) => `${r.ok ? 'ok    ' : 'FAILED'} ${r.name} ${r.seconds} s`).join('\n')}\nnpm test: ${total} s\n`);
process.exit(results.every((r) => r.ok) ? 0 : 1);

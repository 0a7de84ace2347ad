// What CI prints about failed tests. With CI_REPORT_DIR set, every suite also writes a JSON report there (vitest's
// arguments from `reporterArgs(name)`: scripts/test.mjs and .ci/run pass them); `node scripts/test-report.mjs <dir>`
// then lists each failed test with the first lines of its error, so that the end of CI's output (often all a reader
// sees) names what failed.
import fs from 'node:fs';
import path from 'node:path';

/** vitest's arguments for the default reporter and a JSON report in CI_REPORT_DIR; none when it is not set. */
export function reporterArgs(name) {
  const dir = process.env.CI_REPORT_DIR;
  if (!dir) return [];
  const suffix = process.env.DATABASE_URL ? '-postgres' : '';
  return ['--reporter=default', '--reporter=json', `--outputFile=${path.join(dir, `${name}${suffix}-${process.pid}.json`)}`];
}

if (process.argv[2] === 'args') {
  process.stdout.write(reporterArgs(process.argv[3] ?? 'suite').join(' '));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  const files = dir && fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  let failed = 0;
  for (const file of files) {
    let report;
    try {
      report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch {
      continue;
    }
    for (const result of report.testResults ?? []) {
      const where = path.relative(process.cwd(), result.name);
      const tests = (result.assertionResults ?? []).filter((a) => a.status === 'failed');
      if (result.status === 'failed' && tests.length === 0) {
        failed++;
        process.stdout.write(`FAILED ${file.replace(/-\d+\.json$/, '')}: ${where}: ${String(result.message ?? '').split('\n').slice(0, 3).join(' | ')}\n`);
      }
      for (const test of tests) {
        failed++;
        const message = (test.failureMessages ?? []).join('\n').split('\n').filter((l) => l.trim()).slice(0, 3).join(' | ');
        process.stdout.write(`FAILED ${file.replace(/-\d+\.json$/, '')}: ${where} > ${test.fullName ?? test.title}: ${message.slice(0, 400)}\n`);
      }
    }
  }
  if (failed === 0 && files.length) process.stdout.write(`no failed tests in ${files.length} reports\n`);
}

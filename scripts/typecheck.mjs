// `npm run typecheck`: type-checks every workspace (packages/common, server, seed, web, e2e) and bench, each file once.
// The server's code is imported by seed, e2e and bench, and the shared package by all of them, so checking each
// project on its own checked the server four times and the shared package five. Projects whose compiler options are
// the same (all but the web's) are checked as one program, whose files are the union of their tsconfig.json's
// include/exclude (read from those files, so it follows them); the web, with its own options, is checked alone. Each
// program keeps its incremental build info under node_modules/.cache/tsc, so an unchanged file is not checked again.
// The checking is TypeScript 7's native compiler (`typescript-native`, npm:typescript@7): about a sixth of
// TypeScript 5.9's CPU time on this code. TypeScript 5.9 stays installed as `typescript` because typescript-eslint
// and this script's tsconfig reading use its JavaScript API, which TypeScript 7 does not ship.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
const projects = ['packages/common', 'server', 'seed', 'web', 'e2e', 'bench'];
const cache = path.join(root, 'node_modules/.cache/tsc');
fs.mkdirSync(cache, { recursive: true });

/** Projects with the same base config and compiler options, with their include/exclude made relative to `cache`. */
const groups = new Map();
for (const project of projects) {
  const file = path.join(root, project, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const unknown = Object.keys(config).filter((key) => !['extends', 'compilerOptions', 'include', 'exclude'].includes(key));
  const base = config.extends ? path.resolve(path.dirname(file), config.extends) : null;
  const key = unknown.length ? project : JSON.stringify([base, config.compilerOptions ?? {}]);
  const group = groups.get(key) ?? { base, compilerOptions: config.compilerOptions, projects: [], include: [], exclude: [] };
  const fromCache = (pattern) => path.relative(cache, path.join(root, project, pattern)).split(path.sep).join('/');
  group.projects.push(project);
  group.include.push(...(config.include ?? ['**/*']).map(fromCache));
  // tsconfig's default exclude (node_modules and the like) applies only when a project names none.
  group.exclude.push(...(config.exclude ?? ['node_modules']).map(fromCache));
  groups.set(key, group);
}

let failed = false;
for (const group of groups.values()) {
  const name = group.projects.map((p) => path.basename(p)).join('+');
  let tsconfig;
  if (group.projects.length === 1) {
    tsconfig = path.join(root, group.projects[0], 'tsconfig.json');
  } else {
    tsconfig = path.join(cache, `${name}.tsconfig.json`);
    const merged = {
      extends: path.relative(cache, group.base).split(path.sep).join('/'),
      ...(group.compilerOptions ? { compilerOptions: group.compilerOptions } : {}),
      include: group.include,
      exclude: group.exclude,
    };
    const text = `${JSON.stringify(merged, null, 2)}\n`;
    if (!fs.existsSync(tsconfig) || fs.readFileSync(tsconfig, 'utf8') !== text) fs.writeFileSync(tsconfig, text);
  }
  const started = performance.now();
  const { status } = spawnSync(process.execPath, [
    path.join(root, 'node_modules/typescript-native/bin/tsc'), '-p', tsconfig, '--noEmit',
    '--incremental', '--tsBuildInfoFile', path.join(cache, `${name}.tsbuildinfo`),
    ...process.argv.slice(2), // e.g. --extendedDiagnostics, --listFilesOnly
  ], { stdio: 'inherit', cwd: root });
  process.stdout.write(`typecheck ${group.projects.join(', ')}: ${status === 0 ? 'ok' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  if (status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);

/**
 * The JavaScript a page downloads before it can render, from a build: web/dist/index.html's
 * <script> and modulepreload tags and every chunk those import statically (not the lazy ones),
 * raw and as brotli and gzip (what the server sends: the .br/.gz written by the build, else
 * compressed here at the same levels). With --from <chunk-name-prefix>… the closure of named lazy
 * chunks is added (the dashboard: --from Layout Dashboard).
 *
 *   node --import tsx bench/first-load-size.ts [--dist web/dist] [--from Layout Dashboard]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: { dist: { type: 'string', default: path.join(here, '..', 'web', 'dist') }, from: { type: 'string', multiple: true, default: [] } },
  allowPositionals: true,
});
const dist = path.resolve(args.dist!);
const assets = path.join(dist, 'assets');

function sizes(file: string) {
  const bytes = fs.readFileSync(file);
  const br = fs.existsSync(`${file}.br`) ? fs.statSync(`${file}.br`).size
    : zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const gz = fs.existsSync(`${file}.gz`) ? fs.statSync(`${file}.gz`).size : zlib.gzipSync(bytes, { level: 9 }).length;
  return { raw: bytes.length, br, gz };
}

/** Static imports of a built chunk: `import"./x.js"`, `from"./x.js"` (not `import("./x.js")`). */
function staticImports(file: string): string[] {
  const code = fs.readFileSync(file, 'utf8');
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.\/[^"']+\.js)["']/g)].map((m) => path.join(path.dirname(file), m[1]));
}

function closure(starts: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return [...seen];
}

const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const tagged = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map((m) => path.join(dist, m[1]));
const lazyStarts = args.from!.map((prefix) => {
  const found = fs.readdirSync(assets).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'));
  if (!found) throw new Error(`no chunk ${prefix}-*.js in ${assets}`);
  return path.join(assets, found);
});
const files = closure([...tagged, ...lazyStarts]);
const rows = files.map((f) => ({ file: path.relative(dist, f), ...sizes(f) })).sort((a, b) => b.raw - a.raw);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, br: t.br + r.br, gz: t.gz + r.gz }), { raw: 0, br: 0, gz: 0 });
for (const r of rows) console.log(`${r.file.padEnd(48)} ${String(r.raw).padStart(9)} ${String(r.br).padStart(8)} ${String(r.gz).padStart(8)}`);
console.log(`${`${rows.length} scripts`.padEnd(48)} ${String(total.raw).padStart(9)} ${String(total.br).padStart(8)} ${String(total.gz).padStart(8)}  (raw, brotli, gzip bytes)`);

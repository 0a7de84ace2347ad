// After `vite build`: writes a brotli (.br) and a gzip (.gz) copy beside every text file of web/dist,
// which the server sends by the request's Accept-Encoding (server/src/plugins/spa.ts, preCompressed).
// Compressed once at build time at the highest levels, never per request. Node's zlib only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const compressible = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;
const minBytes = 512; // below this the headers outweigh the saving

function* filesUnder(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(file);
    else yield file;
  }
}

export function compressDist(dist) {
  const written = [];
  for (const file of filesUnder(dist)) {
    if (!compressible.test(file)) continue;
    const bytes = fs.readFileSync(file);
    if (bytes.length < minBytes) continue;
    const br = zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    const gz = zlib.gzipSync(bytes, { level: 9 });
    fs.writeFileSync(`${file}.br`, br);
    fs.writeFileSync(`${file}.gz`, gz);
    written.push({ file: path.relative(dist, file), raw: bytes.length, br: br.length, gz: gz.length });
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
  const written = compressDist(dist);
  const total = (key) => written.reduce((sum, f) => sum + f[key], 0);
  console.log(`compressed ${written.length} files in ${path.relative(process.cwd(), dist) || '.'}: ${total('raw')} B -> br ${total('br')} B, gzip ${total('gz')} B`);
}

// npm run build (the server's part): the server and its command-line tools compiled to JavaScript in
// server/dist, so production starts with plain `node` (no TypeScript loader). The workspace packages
// (@campus/common, @campus/seed) are bundled in; every npm package stays an import of node_modules.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const outdir = process.env.SERVER_BUILD_OUTDIR ?? 'dist';
rmSync(path.resolve(here, outdir), { recursive: true, force: true });
await build({
  absWorkingDir: here,
  entryPoints: {
    server: 'src/server.ts',
    'migrate-cli': 'src/db/migrate-cli.ts',
    'backup-cli': 'src/db/backup-cli.ts',
    'reset-password-cli': 'src/modules/users/reset-password-cli.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [{
    name: 'npm-packages-external',
    setup(b) {
      // A bare import (not ./…, not /…) that is not one of our workspaces is an npm package: left to node.
      b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@campus/') ? undefined : { path: args.path, external: true }));
    },
  }],
});
console.log('server compiled to server/dist');

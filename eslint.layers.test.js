// The layer rules of eslint.config.js refuse what they are meant to refuse, and only that.
// Run by `npm test` (node --test eslint.layers.test.js): each case lints a line of code as if it
// were a file at that path (the file need not exist).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function rulesBroken(filePath, code) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

const refused = [
  ['web/src/resources/x/X.tsx', "import { buildApp } from '@campus/server/app.js';", 'no-restricted-imports'],
  ['web/src/resources/x/X.tsx', "import type { Fixture } from '@campus/seed/demo.js';", 'no-restricted-imports'],
  ['web/src/resources/x/X.tsx', "import { schools } from '../../../../server/src/db/schema/index.js';", 'layers/no-relative-import-across-workspaces'],
  ['web/vite.config.ts', "import { loadConfig } from '../server/src/config.js';", 'layers/no-relative-import-across-workspaces'],
  ['packages/common/src/x.ts', "import { eq } from 'drizzle-orm';", 'no-restricted-imports'],
  ['packages/common/src/x.ts', "import postgres from 'postgres';", 'no-restricted-imports'],
  ['packages/common/src/x.ts', "import type { FastifyInstance } from 'fastify';", 'no-restricted-imports'],
  ['packages/common/src/x.ts', "import fs from 'node:fs';", 'no-restricted-imports'],
  ['packages/common/src/x.ts', "import { readFile } from 'fs/promises';", 'no-restricted-imports'],
  ['packages/common/src/x.ts', "import { scopeOf } from '@campus/server/modules/access/scope.js';", 'no-restricted-imports'],
  ['packages/common/src/x.ts', "import { db } from '../../../server/src/db/client.js';", 'layers/no-relative-import-across-workspaces'],
  ['server/src/modules/evidence/upload-evidence.ts', "import multipart from '@fastify/multipart';", 'no-restricted-imports'],
  ['server/src/modules/auth/session.ts', "import fp from 'fastify-plugin';", 'no-restricted-imports'],
  ['server/src/app.ts', "import { CATALOGUE } from '../../seed/src/reference.js';", 'layers/no-relative-import-across-workspaces'],
  ['seed/src/x.ts', "export { openDatabase } from '../../server/src/db/client.js';", 'layers/no-relative-import-across-workspaces'],
  ['bench/x.ts', "const scale = await import('../seed/src/scale.js');", 'layers/no-relative-import-across-workspaces'],
  ['e2e/x.spec.ts', "import { PASSWORD } from '../server/test/fixtures.js';", 'layers/no-relative-import-across-workspaces'],
  ['web/src/x.tsx', "import { useState } from 'react';\nexport function X({ on }: { on: boolean }) { if (on) { useState(0); } return null; }", 'react-hooks/rules-of-hooks'],
];

const allowed = [
  ['web/src/resources/x/X.tsx', "import { todayInChina } from '@campus/common';"],
  ['web/src/components/X.test.tsx', "import { server } from '../test/server';"],
  ['packages/common/src/x.ts', "import { addDays } from 'date-fns';"],
  ['server/src/modules/evidence/routes.ts', "import multipart from '@fastify/multipart';"],
  ['server/src/modules/facts/fact-routes.ts', "import fp from 'fastify-plugin';"],
  ['server/src/modules/facts/import/import-route.ts', "import multipart from '@fastify/multipart';"],
  ['server/src/app.ts', "import helmet from '@fastify/helmet';"],
  ['server/src/modules/facts/x.ts', "import { agreements } from '../../db/schema/index.js';"],
  ['seed/src/x.ts', "import { openDatabase } from '@campus/server/db/client.js';"],
  ['bench/x.ts', "import { createTestApp } from '@campus/server/test/test-app.js';"],
];

for (const [file, code, rule] of refused) {
  test(`${file} may not: ${code.split('\n')[0]}`, async () => {
    assert.ok((await rulesBroken(file, `${code}\nexport {};\n`)).includes(rule), `expected ${rule}`);
  });
}

for (const [file, code] of allowed) {
  test(`${file} may: ${code}`, async () => {
    const broken = (await rulesBroken(file, `${code}\nexport {};\n`)).filter((r) => r !== '@typescript-eslint/no-unused-vars');
    assert.deepEqual(broken, []);
  });
}

// One lint for every workspace, run by `npm run lint` inside `npm test`.
// Besides typescript-eslint's and react-hooks' rules it encodes the layers (issue 12):
//   web             never imports server code;
//   packages/common is shared with the browser: no database, Fastify, server modules or I/O built-ins;
//   server modules  only route files (routes.ts, *-routes.ts, *-route.ts) import Fastify plugins;
//   every file      imports another workspace by its package name (@campus/…), never its src by relative path.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The workspaces of the root package.json. A relative import that resolves outside the importing
// file's own workspace reaches into another one's files (say '../../server/src/db/client.js' or
// '../../seed/src/x.js'): it is refused, whatever the depth, in favour of the package name.
const root = path.dirname(fileURLToPath(import.meta.url));
const workspaces = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces
  .map((folder) => path.join(root, folder));
const workspaceOf = (file) => workspaces.find((w) => file === w || file.startsWith(w + path.sep)) ?? root;

const noRelativeImportAcrossWorkspaces = {
  meta: {
    type: 'problem',
    docs: { description: 'Another workspace is imported by its package name, never by a relative path into it.' },
    schema: [],
  },
  create(context) {
    const own = workspaceOf(context.filename);
    const check = (node) => {
      const source = node?.source;
      if (source?.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source.value);
      if (workspaceOf(target) === own) return;
      context.report({
        node: source,
        message: `'${source.value}' reaches into ${path.relative(root, workspaceOf(target)) || 'the root'}: import it by its package name (@campus/common, @campus/server/…, @campus/seed/…).`,
      });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

const serverCode = {
  group: ['@campus/server', '@campus/server/**', '@campus/seed', '@campus/seed/**', '../server', '../server/**'],
  message: 'The web never imports server code: share it through @campus/common.',
};

const ioBuiltins = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'child_process', 'cluster', 'dgram', 'dns', 'tls', 'worker_threads', 'readline', 'os', 'process'];

const notForCommon = {
  group: [
    'drizzle-orm', 'drizzle-orm/**', 'postgres', '@electric-sql/**',
    'fastify', 'fastify-*', '@fastify/**',
    '@campus/server', '@campus/server/**', '@campus/seed', '@campus/seed/**',
    '**/db/**', '**/modules/**', '**/plugins/**',
    ...ioBuiltins.map((name) => `node:${name}`),
    ...ioBuiltins,
  ],
  message: '@campus/common is shared with the browser: pure rules only — no database, Fastify, server modules or I/O built-ins.',
};

const fastifyPlugins = {
  group: ['@fastify/**', 'fastify-plugin'],
  message: 'Only route files (routes.ts, *-routes.ts, *-route.ts) register Fastify plugins; use cases and repositories stay framework-free.',
};

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**', '**/dist/**', '**/coverage/**', 'migrations/**',
      'bench/results/**', 'e2e/screenshots/**', '**/.data*/**', 'data/**', '**/.scratch*/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.node },
    },
    plugins: { layers: { rules: { 'no-relative-import-across-workspaces': noRelativeImportAcrossWorkspaces } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused code is dead weight; a leading underscore marks a parameter kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true,
      }],
      // `any` is allowed only with a disable comment that says why (react-admin's and drizzle's
      // generic contracts); everywhere else zod schemas and the shared types give real ones.
      '@typescript-eslint/no-explicit-any': 'error',
      'layers/no-relative-import-across-workspaces': 'error',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // An error, not a warning: a warning nobody fails on is soon a page of them. Where a dependency
      // is left out on purpose, a disable comment says why.
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: [serverCode] }],
    },
  },
  {
    files: ['packages/common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [notForCommon] }],
    },
  },
  {
    files: ['server/src/modules/**/*.ts'],
    ignores: ['server/src/modules/**/routes.ts', 'server/src/modules/**/*-routes.ts', 'server/src/modules/**/*-route.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [fastifyPlugins] }],
    },
  },
);

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { problemCodes } from '@campus/common';
import { catalogues, formatProblem } from './catalogue.js';
import { languageOfHeader } from '../language.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const roots = [path.resolve(here, '../..'), path.resolve(here, '../../../../packages/common/src')];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/**
 * The problem codes the source names as string literals, wherever a code is given: `code: '…'`,
 * the first words of badRequest/forbidden/conflict/unauthenticated/AppError, refused(kind, '…'),
 * guardProblem(field, '…'), a zod check whose message is a code, a database error's code.
 */
const patterns = [
  /\bcode: '([a-z][a-z0-9_]*)'/g,
  /\b(?:badRequest|forbidden|conflict|unauthenticated)\(\s*'([a-z][a-z0-9_]*)'/g,
  /\brefused\(\s*'[a-z_]+',\s*'([a-z][a-z0-9_]*)'/g,
  /\bErrorCode\.\w+,\s*'([a-z][a-z0-9_]*)'/g,
  /\bguardProblem\([^,]+,\s*'([a-z][a-z0-9_]*)'/g,
  /\bneedsComment\('([a-z][a-z0-9_]*)'\)/g,
  /\bmessage: '([a-z]+_[a-z0-9_]*)'/g,
];
/** Literals that look like codes but are something else: zod's own issue kind, reference data, the coded values an import reads (import/fact-vocabulary.ts). */
const notProblems = new Set(['custom']);
const referenceData = /reference-data|fact-vocabulary/;

function codesInSource() {
  const found = new Map<string, string>();
  for (const file of roots.flatMap(sourceFiles)) {
    if (referenceData.test(file) || file.includes(`${path.sep}messages${path.sep}`) || file.includes('problem-texts')) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const m of text.matchAll(pattern)) if (!notProblems.has(m[1])) found.set(m[1], path.relative(roots[0], file));
    }
  }
  return found;
}

describe('the message catalogues', () => {
  it('word every problem code in Chinese and in English, and nothing else', () => {
    const codes = [...problemCodes].sort();
    expect(Object.keys(catalogues.zh.problems).sort()).toEqual(codes);
    expect(Object.keys(catalogues.en.problems).sort()).toEqual(codes);
    expect(new Set(problemCodes).size).toBe(problemCodes.length);
    for (const code of codes) {
      expect(catalogues.zh.problems[code].trim(), code).not.toBe('');
      expect(catalogues.en.problems[code].trim(), code).not.toBe('');
    }
  });

  it('know every code the source names (server and shared guards)', () => {
    const found = codesInSource();
    expect(found.size).toBeGreaterThan(100); // the scan finds the codes at all
    const unknown = [...found].filter(([code]) => !(problemCodes as readonly string[]).includes(code));
    expect(unknown).toEqual([]);
  });

  it('fill params: lists, terms, counts and waits, in each language', () => {
    expect(formatProblem('en', 'wrong_state', { action: 'submit', state: 'pending_hq', states: ['draft', 'returned'] }))
      .toBe('Cannot do "submit" while the record is "pending_hq"; only while: draft, returned. Reload to see the current state.');
    expect(formatProblem('zh', 'wrong_state', { action: 'submit', state: 'pending_hq', states: ['draft', 'returned'] }))
      .toBe('记录处于“待总部审核”状态，不能执行“提交”；仅在以下状态可以：草稿、已退回。请重新加载查看最新状态。');
    expect(formatProblem('en', 'too_many_rows_short', { max: 100_000 })).toBe('more than 100,000 rows');
    expect(formatProblem('en', 'too_many_sign_ins', { seconds: 1 })).toBe('Too many failed sign-ins; try again in 1 second.');
    expect(formatProblem('zh', 'too_many_sign_ins', { seconds: 300 })).toBe('登录失败次数过多，请 5 分钟后再试。');
    expect(formatProblem('en', 'not_found', { entity: 'tier_policy' })).toBe('No such tier policy record, or it is outside what you may see.');
    expect(formatProblem('zh', 'not_found', { entity: 'tier_policy' })).toBe('没有这条层次政策记录，或不在您可查看的范围内。');
    expect(formatProblem('en', 'step_date_before', { step: 'plaque_ceremony', earlier: 'signing', date: '2026-01-02' }))
      .toBe('the plaque ceremony cannot be before the signing (2026-01-02)');
    // A param a client never sent, or a value that names no term, is shown as it is, never looked up on a prototype.
    expect(formatProblem('zh', 'not_found', { entity: 'constructor' })).toBe('没有这条constructor记录，或不在您可查看的范围内。');
  });
});

describe('Accept-Language', () => {
  it.each([
    [undefined, 'en'], ['', 'en'], ['zh-CN', 'zh'], ['zh-Hans-CN,zh;q=0.9', 'zh'], ['en-GB,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9', 'zh'], ['*', 'en'], ['fr, *', 'zh'], ['fr, en;q=0.8, zh;q=0.5', 'en'], ['en;q=0, zh', 'zh'], ['ZH-tw', 'zh'],
  ] as const)('%j reads %s', (header, expected) => {
    expect(languageOfHeader(header)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { problemCodes } from './problem-codes.js';
import { fillProblemText, placeholdersOf, problemTexts } from './fill-problem.js';

describe('the problem texts (shared by the server and the web)', () => {
  it('word every problem code in Chinese and in English, and nothing else', () => {
    for (const texts of Object.values(problemTexts)) {
      expect(Object.keys(texts).sort()).toEqual([...problemCodes].sort());
      for (const code of problemCodes) expect(texts[code].trim(), code).not.toBe('');
    }
  });

  it('ask for the same params, worded the same way, in both languages', () => {
    for (const code of problemCodes) expect(placeholdersOf(problemTexts.zh[code]), code).toEqual(placeholdersOf(problemTexts.en[code]));
  });

  it('are filled with each value worded by its kind, lists joined, and nothing for a missing or null param', () => {
    const word = (value: string | number | boolean, kind: string | undefined) => (kind ? `<${kind}:${value}>` : String(value));
    expect(fillProblemText('{action:action} in {state:state}; only in: {states:state}', { action: 'submit', state: 'draft', states: ['a', 'b'] }, word, ' / '))
      .toBe('<action:submit> in <state:draft>; only in: <state:a> / <state:b>');
    expect(fillProblemText('[{gone}] [{none}] [{zero}] [{no}]', { none: null, zero: 0, no: false }, word, ',')).toBe('[] [] [0] [false]');
    // A name that is a property of every object is not a param unless the problem has it.
    expect(fillProblemText('{constructor}{toString}', {}, word, ',')).toBe('');
    expect(fillProblemText('{detail}', { detail: { a: 1 } }, word, ',')).toBe('{"a":1}');
    // Counts and years are written alike in both languages, without asking the language's words.
    expect(fillProblemText('{max:count} rows, {n:count}, {min:year}–{max2:year}', { max: 100_000, n: '7', min: '1990-01-01', max2: 2100 }, word, ','))
      .toBe('100,000 rows, <count:7>, 1990–2100');
  });
});

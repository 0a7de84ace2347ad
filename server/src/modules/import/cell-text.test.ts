import { describe, expect, it } from 'vitest';
import { cellText, dayOfSerial, normalizeDay, numberText } from './cell-text.js';

describe('dates as the row schemas read them', () => {
  it.each([
    ['2026-06-01', '2026-06-01'], ['2026/6/1', '2026-06-01'], ['2026-6-1', '2026-06-01'], ['2026/06/01', '2026-06-01'],
    ['2026.6.1', '2026-06-01'], ['2026年6月1日', '2026-06-01'], [' 2026/12/31 ', '2026-12-31'], ['2026/6/1 0:00', '2026-06-01'],
  ])('%s is %s', (written, day) => { expect(normalizeDay(written)).toBe(day); });

  it.each(['2026/6/1 13:00', '6/1/2026', '20260601', 'June 1', '2026/6'])('%s is left as written, for the schema to name', (written) => {
    expect(normalizeDay(written)).toBe(written);
  });

  it('an Excel date cell is its day in Shanghai: UTC midnight (a day typed in Excel) and Shanghai midnight written as an instant', () => {
    expect(cellText(new Date(Date.UTC(2026, 5, 1)), 'date')).toBe('2026-06-01');
    expect(cellText(new Date('2026-05-31T16:00:00Z'), 'date')).toBe('2026-06-01');
    expect(cellText(new Date(Date.UTC(2026, 0, 1)), 'text')).toBe('2026-01-01');
  });

  it('a serial day number in a date column is its day; elsewhere it stays a number', () => {
    expect(dayOfSerial(46174)).toBe('2026-06-01');
    expect(cellText(46174, 'date')).toBe('2026-06-01');
    expect(cellText(46174, 'text')).toBe('46174');
    expect(cellText('2026/3/5;2026/4/12', 'dates')).toBe('2026-03-05;2026-04-12');
  });
});

describe('numbers and other cells as text', () => {
  it('numbers without binary noise or exponents; booleans; empty cells are absent', () => {
    expect(numberText(13800138000)).toBe('13800138000');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(8.5)).toBe('8.5');
    expect(cellText(true)).toBe('true');
    expect(cellText('  ')).toBeUndefined();
    expect(cellText(null)).toBeUndefined();
  });
});

describe('cells the web export neutralised', () => {
  it.each([["'=SUM(A1)", '=SUM(A1)'], ["'-12", '-12'], ["'+86 138", '+86 138'], ["'@home", '@home'], ["O'Brien", "O'Brien"], ["'plain", "'plain"]])('%s reads as %s', (written, text) => {
    expect(cellText(written)).toBe(text);
  });
});

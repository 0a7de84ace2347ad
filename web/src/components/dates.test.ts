import { describe, expect, it } from 'vitest';
import { addDays, formatCalendarDate, formatInstant, formatMonth, formatNumber, formatPeriod, formatWhen } from './dates';

describe('one date format per language', () => {
  it('shows a calendar date as 2026-06-02 in Chinese and 2 Jun 2026 in English', () => {
    expect(formatCalendarDate('2026-06-02', 'zh')).toBe('2026-06-02');
    expect(formatCalendarDate('2026-06-02', 'en')).toBe('2 Jun 2026');
  });

  it('reads an instant in China, with the time, in the same date format', () => {
    // 02:30 UTC on the 1st is 10:30 on the 1st in Shanghai; 20:00 UTC is already the next day there.
    expect(formatInstant('2026-11-30T02:00:00Z', 'zh')).toBe('2026-11-30 10:00');
    expect(formatInstant('2026-11-30T02:00:00Z', 'en')).toBe('30 Nov 2026, 10:00');
    expect(formatInstant('2026-06-01T20:05:00Z', 'zh')).toBe('2026-06-02 04:05');
  });

  it('shows only the day of an instant when asked, the day in China', () => {
    expect(formatWhen('2026-06-01T20:05:00Z', 'zh', false)).toBe('2026-06-02');
    expect(formatWhen('2026-06-01T20:05:00Z', 'en', false)).toBe('2 Jun 2026');
    expect(formatWhen('2026-06-02', 'en', false)).toBe('2 Jun 2026');
    expect(formatWhen('not a date', 'zh', true)).toBe('not a date');
  });

  it('shows an agreement year [from, to) with its inclusive last day', () => {
    expect(formatPeriod('2025-07-25', '2026-07-25', 'zh')).toEqual({ from: '2025-07-25', to: '2026-07-24' });
    expect(formatPeriod('2025-07-25', '2026-07-25', 'en')).toEqual({ from: '25 Jul 2025', to: '24 Jul 2026' });
  });

  it('shows a month of a trend in the same format', () => {
    expect(formatMonth('2026-03', 'zh')).toBe('2026-03');
    expect(formatMonth('2026-03', 'en')).toBe('Mar 2026');
  });

  it('writes numbers with thousands separators', () => {
    expect(formatNumber(12345, 'zh')).toBe('12,345');
    expect(formatNumber(12345.67, 'en', 1)).toBe('12,345.7');
  });

  it('adds days across a month end', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
  });
});

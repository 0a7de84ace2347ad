import { describe, expect, it } from 'vitest';
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { agreementYear, agreementYearOn, daysBetween, lastDay, todayInChina } from './agreement-year.js';

describe('agreement years', () => {
  it('year N is [start + N-1 years, start + N years)', () => {
    expect(agreementYear('2024-03-10', 1)).toEqual({ from: '2024-03-10', to: '2025-03-10' });
    expect(agreementYear('2024-03-10', 2)).toEqual({ from: '2025-03-10', to: '2026-03-10' });
  });
  it('a year that would begin on 29 February of a common year begins on 28 February', () => {
    expect(agreementYear('2024-02-29', 2)).toEqual({ from: '2025-02-28', to: '2026-02-28' });
    expect(agreementYear('2024-02-29', 5)).toEqual({ from: '2028-02-29', to: '2029-02-28' });
  });
  it('finds the year that contains a day, at both edges', () => {
    expect(agreementYearOn('2024-03-10', '2024-03-09')).toBe(0);
    expect(agreementYearOn('2024-03-10', '2024-03-10')).toBe(1);
    expect(agreementYearOn('2024-03-10', '2025-03-09')).toBe(1);
    expect(agreementYearOn('2024-03-10', '2025-03-10')).toBe(2);
    expect(agreementYearOn('2024-02-29', '2025-02-28')).toBe(2);
    expect(agreementYearOn('2024-02-29', '2025-02-27')).toBe(1);
  });
  it('the last day of a year', () => {
    expect(lastDay('2026-03-10')).toBe('2026-03-09');
    expect(lastDay('2028-03-01')).toBe('2028-02-29');
  });
  it('today is the date in Shanghai', () => {
    expect(todayInChina(new Date('2026-11-24T16:30:00Z'))).toBe('2026-11-25');
    expect(todayInChina(new Date('2026-11-24T15:59:00Z'))).toBe('2026-11-24');
  });
});

describe('daysBetween', () => {
  it('counts calendar days, across month ends, leap days and year ends, like date-fns', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-09-01', '2025-09-01')).toBe(-365);
    expect(daysBetween('2024-09-01', '2025-09-01')).toBe(365);
    expect(daysBetween('2023-09-01', '2024-09-01')).toBe(366);
    // Every pair of days 0..800 days apart from a few starts, against date-fns.
    for (const start of ['2019-12-30', '2023-02-27', '2024-02-28', '2026-03-08']) {
      const s = parseISO(start);
      for (let n = 0; n <= 800; n += 7) {
        const end = format(addDays(s, n), 'yyyy-MM-dd');
        expect(daysBetween(start, end)).toBe(differenceInCalendarDays(parseISO(end), s));
      }
    }
  });
});

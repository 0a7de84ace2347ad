import { addYears, format, subMonths } from 'date-fns';

/**
 * Calendar dates as 'YYYY-MM-DD' strings (what the date columns hold) and, for arithmetic in the
 * hot loops, as day numbers (days since 1970-01-01). Calendar-month and calendar-year steps go
 * through date-fns, which turns 29 February into 28 February in a common year, as DOMAIN.md asks.
 */
export type Day = number;
const MS_PER_DAY = 86_400_000;

// Memoised: the generator converts the same few thousand days back and forth hundreds of thousands of times.
const days = new Map<string, Day>();
const dates = new Map<Day, string>();
export function dayOf(date: string): Day {
  let day = days.get(date);
  if (day === undefined) days.set(date, (day = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / MS_PER_DAY));
  return day;
}
export function dateOf(day: Day): string {
  let date = dates.get(day);
  if (date === undefined) dates.set(day, (date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10)));
  return date;
}

const local = (date: string) => new Date(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
export const addDaysTo = (date: string, days: number): string => dateOf(dayOf(date) + days);
export const addYearsTo = (date: string, years: number): string => format(addYears(local(date), years), 'yyyy-MM-dd');
export const monthsBefore = (date: string, months: number): string => format(subMonths(local(date), months), 'yyyy-MM-dd');
export const daysBetween = (from: string, to: string): number => dayOf(to) - dayOf(from);
export const yearOf = (date: string): number => +date.slice(0, 4);

/** An instant on a calendar date, at a time of day in China Standard Time. */
export function instant(date: string, hour = 10, minute = 0): Date {
  const hh = String(hour).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return new Date(`${date}T${hh}:${mm}:00+08:00`);
}

/** Agreement year N of an agreement that became active on start: [start + (N-1) years, start + N years). */
export function agreementYear(start: string, year: number): { from: string; to: string } {
  return { from: addYearsTo(start, year - 1), to: addYearsTo(start, year) };
}

/** The agreement year that contains the day (1 for days before the start). */
export function agreementYearOn(start: string, day: string): number {
  let year = 1;
  while (agreementYear(start, year).to <= day) year++;
  return year;
}

import { now } from './clock.js';
import { addYears, format, parseISO } from 'date-fns';

/** Calendar dates are 'YYYY-MM-DD' strings in China Standard Time (DOMAIN.md). */
export type IsoDate = string;

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** Formats as YYYY-MM-DD in China; made once (making one costs more than a whole request's other date work). */
const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Asia/Shanghai, whatever the server's own time zone. */
export function todayInChina(at: Date = now()): IsoDate {
  return chinaDate.format(at);
}

/**
 * Agreement year N of an agreement that started on `start`: [start + (N-1) years, start + N years).
 * date-fns clamps 29 February to 28 February in a common year, as DOMAIN.md asks.
 */
export function agreementYear(start: IsoDate, n: number): { from: IsoDate; to: IsoDate } {
  const s = parseISO(start);
  return { from: iso(addYears(s, n - 1)), to: iso(addYears(s, n)) };
}

/** The agreement year that contains `day` (1 on the start day); 0 before the start. */
export function agreementYearOn(start: IsoDate, day: IsoDate): number {
  if (day < start) return 0;
  let n = Math.max(1, Number(day.slice(0, 4)) - Number(start.slice(0, 4)));
  while (n > 1 && agreementYear(start, n).from > day) n--;
  while (agreementYear(start, n).to <= day) n++;
  return n;
}

/** The last day of the range [from, to). */
export function lastDay(to: IsoDate): IsoDate {
  return iso(new Date(parseISO(to).getTime() - 86_400_000));
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Days since 1970-01-01 of a calendar date (UTC has no daylight saving, so every day is 86,400 s). */
function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

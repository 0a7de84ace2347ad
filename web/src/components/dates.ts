import { lastDay } from '@campus/common';

/**
 * The one way the UI writes dates and numbers (issue 16), in the UI language:
 * - a calendar date (YYYY-MM-DD, a day in China): Chinese `2026-06-02`, English `2 Jun 2026`;
 * - an instant, read in China (Asia/Shanghai): Chinese `2026-06-02 10:00`, English `2 Jun 2026, 10:00`;
 * - a range [from, to) such as an agreement year: shown with its inclusive last day;
 * - numbers with the language's thousands separators.
 */
const TIME_ZONE = 'Asia/Shanghai';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar date `days` after `date` (YYYY-MM-DD; negative days go back). */
export function addDays(date: string, days: number): string {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const englishDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const chinaParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** The day (YYYY-MM-DD) and time (HH:mm) of an instant in China. */
function inChina(date: Date): { day: string; time: string } {
  const p = Object.fromEntries(chinaParts.formatToParts(date).map((part) => [part.type, part.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** A calendar date (YYYY-MM-DD) as the UI writes it; anything else is returned as it came. */
export function formatCalendarDate(date: string, locale: string): string {
  if (!ISO_DATE.test(date)) return date;
  return locale === 'en' ? englishDate.format(new Date(`${date}T00:00:00Z`)) : date;
}

/** An instant (ISO 8601 with offset) as read in China, with its time; anything unreadable is returned as it came. */
export function formatInstant(at: string | Date, locale: string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  const { day, time } = inChina(date);
  return locale === 'en' ? `${formatCalendarDate(day, locale)}, ${time}` : `${day} ${time}`;
}

/** A date or an instant: a calendar date as such, an instant with its time (`showTime`) or as its day in China. */
export function formatWhen(value: string, locale: string, showTime: boolean): string {
  if (ISO_DATE.test(value)) return formatCalendarDate(value, locale);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return showTime ? formatInstant(date, locale) : formatCalendarDate(inChina(date).day, locale);
}

/** A month (YYYY-MM, as the trends give it): Chinese `2026-03`, English `Mar 2026`. */
export function formatMonth(month: string, locale: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  return locale === 'en' ? englishMonth.format(new Date(`${month}-01T00:00:00Z`)) : month;
}

const englishMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' });

/** A range [from, to) of days (an agreement year, an agreement's term) as shown: from its first to its inclusive last day. */
export function formatPeriod(from: string, to: string, locale: string): { from: string; to: string } {
  return { from: formatCalendarDate(from, locale), to: formatLastDay(to, locale) };
}

/** The inclusive last day of a range whose exclusive end is `to` (an agreement's end date as the API gives it). */
export function formatLastDay(to: string, locale: string): string {
  return ISO_DATE.test(to) ? formatCalendarDate(lastDay(to), locale) : to;
}

/** BCP 47 tag for Intl number formatting in the UI language. */
const numberLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'zh-CN');

/** A number with the language's thousands separators and at most `digits` decimals. */
export function formatNumber(value: number, locale: string, digits = 0): string {
  return new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: digits }).format(value);
}

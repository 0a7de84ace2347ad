import { todayInChina } from '@campus/common';

/** A cell as a file gives it: CSV cells are text; .xlsx cells may be numbers, booleans or dates too. */
export type RawCell = string | number | boolean | Date | null | undefined;

/** How a column's cells are read (import-definition.ts): the kit normalizes dates before the row schema sees them. */
export type CellType = 'text' | 'int' | 'number' | 'bool' | 'date' | 'dates' | 'list';

/** Milliseconds per day; Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included). */
const DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * The calendar day of a date cell, `YYYY-MM-DD`, as a Chinese user sees it. exceljs reads a date
 * cell as the instant of its wall-clock time in UTC (a day typed in Excel is UTC midnight); a program
 * that wrote Shanghai's midnight as an instant wrote 16:00 UTC the day before. Read in Asia/Shanghai,
 * both are the day meant (UTC midnight is 08:00 in Shanghai, the same day).
 */
export const dayOfDateCell = (d: Date): string => todayInChina(d);

/** An Excel serial day number (a date cell saved without a date format) as `YYYY-MM-DD`, or undefined when it is no plausible day. */
export function dayOfSerial(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 1 || n > 2_958_465) return undefined;
  return new Date(EXCEL_EPOCH + Math.floor(n) * DAY).toISOString().slice(0, 10);
}

/** A number as its shortest text, without binary noise (0.1 + 0.2 → "0.3"), never in exponent form for whole numbers. */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
  return String(Number(n.toPrecision(15)));
}

/** A day, with a midnight time as Excel writes a date cell into a CSV (`2026/6/1 0:00`). */
const SLASH_OR_DASH_DAY = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+0{1,2}:00(?::00)?)?$/;

/**
 * A date written `2026-06-01`, `2026/6/1`, `2026-6-1`, `2026年6月1日` (or any of them with a midnight
 * time `0:00`) as `YYYY-MM-DD`; anything
 * else is left as written, for the row schema to name.
 */
export function normalizeDay(text: string): string {
  const m = SLASH_OR_DASH_DAY.exec(text.trim());
  if (!m) return text;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/**
 * A cell as the text the row parsers read (empty → undefined), by its column's type: dates become
 * `YYYY-MM-DD` (date cells, serial numbers in a date column, slash dates), numbers their plain
 * text, booleans `true`/`false`; lists of dates (`2026/3/5;2026/4/12`) each of their days.
 */
export function cellText(value: RawCell, type: CellType = 'text'): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return dayOfDateCell(value);
  }
  if (typeof value === 'number') {
    if (type === 'date' || type === 'dates') return dayOfSerial(value) ?? numberText(value);
    return numberText(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // The web's export writes a text that a spreadsheet would run as a formula with a leading
  // apostrophe (web/src/components/exporter.ts, neutralise): read back as the text it was.
  const text = value.trim().replace(/^'(?=[=+\-@])/, '');
  if (text === '') return undefined;
  if (type === 'date') return normalizeDay(text);
  if (type === 'dates') return text.split(/[;；]/).map((part) => normalizeDay(part.trim())).join(';');
  return text;
}

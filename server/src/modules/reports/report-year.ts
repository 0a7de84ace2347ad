import { todayInChina } from '@campus/common';
import { badRequest } from '../../lib/errors.js';

/** The first year a report may be asked for (the programme's data begins long after it). */
export const FIRST_REPORT_YEAR = 2000;

/**
 * The report's calendar year from the query: four digits, from 2000 to this year in China. Missing or not a year:
 * 400 `report_year_invalid`; a year that has not begun: 400 `report_year_in_future`.
 */
export function reportYear(value: string | undefined, today = todayInChina()): number {
  const thisYear = Number(today.slice(0, 4));
  const text = value?.trim() ?? '';
  if (!/^\d{4}$/.test(text) || Number(text) < FIRST_REPORT_YEAR) {
    throw badRequest('report_year_invalid', [{ field: 'year', code: 'report_year_invalid' }]);
  }
  const year = Number(text);
  if (year > thisYear) throw badRequest({ code: 'report_year_in_future', params: { year, thisYear } }, [{ field: 'year', code: 'report_year_in_future', params: { year, thisYear } }]);
  return year;
}

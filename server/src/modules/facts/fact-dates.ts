import type { z } from 'zod';
import { isoDate } from '../../lib/dates.js';
import { todayInChina } from '@campus/common';

/**
 * The date a fact happened on (a certificate issued, hours practised, an application sent, a job
 * fair held, a course completed): today or earlier, today being the China date of the injectable
 * clock (DOMAIN.md "KPI edge rules"). Every fact's create and update schema uses it, so the API and
 * the CSV import refuse a future date alike, naming the field.
 */
export const happenedOn = isoDate.superRefine((v, ctx) => {
  const today = todayInChina();
  if (v > today) ctx.addIssue({ code: 'custom', message: `cannot be in the future (today is ${today}): record a fact once it has happened`, params: { code: 'date_in_future', today } });
});

/** The first job application dated before the registration, or -1 (DOMAIN.md: such an application is refused). */
export const firstApplicationBefore = (registeredOn: string, dates: readonly string[]) => dates.findIndex((d) => d < registeredOn);

/** The refinement of a job registration body: no application before the registration (both in the same body). */
export function applicationsAfterRegistration(v: { registeredOn?: string; applicationDates?: string[] }, ctx: z.RefinementCtx) {
  if (!v.registeredOn || !v.applicationDates) return;
  const i = firstApplicationBefore(v.registeredOn, v.applicationDates);
  if (i >= 0) ctx.addIssue({ code: 'custom', path: ['applicationDates', i], message: `${v.applicationDates[i]} is before the registration on the job platform (${v.registeredOn})`, params: { code: 'application_before_registration', date: v.applicationDates[i], registeredOn: v.registeredOn } });
}

/**
 * The current instant. Tests fix it to replay a day (the KPI cases are computed "as of" a given day);
 * the product itself never sets it.
 */
let fixed: Date | undefined;

export const now = (): Date => fixed ?? new Date();

export function fixClock(at: Date | string | undefined) {
  fixed = at === undefined ? undefined : typeof at === 'string' ? new Date(`${at}T12:00:00+08:00`) : at;
}

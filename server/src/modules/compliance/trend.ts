import type { TrendPoint } from '@campus/common';
import type { Executor } from '../../db/client.js';
import { computeKpiValues } from './kpi-values-sql.js';
import { valuesOf } from './summary-rows.js';

/**
 * Every KPI of one agreement year month by month, as of each month's end (or the as-of day in the
 * last month): what the school has achieved so far, for its trend chart. It is the summaries' own
 * query (kpi-values-sql.ts) measured on those days, for the day the summary was computed for, so
 * its last point is the summary.
 */
export async function complianceTrend(
  db: Executor,
  row: { agreementId: number; year: number; schoolId: number; computedFor: string },
): Promise<TrendPoint[]> {
  const rows = await computeKpiValues(db, {
    today: row.computedFor, schoolIds: [row.schoolId], monthly: { agreementId: row.agreementId, year: row.year },
  });
  return rows.map((r) => ({ month: r.point.slice(0, 7), asOf: r.point, ...valuesOf(r) }));
}

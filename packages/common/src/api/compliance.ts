import type { IsoDate } from '../calendar/agreement-year.js';
import type { KpiName, KpiValues } from '../kpi/kpi-names.js';
import type { Tier } from '../vocabulary.js';

/** One KPI of a compliance row (API.md `compliance`: `{ value, threshold, met, projected? }`). */
export interface KpiCell {
  /** Exact as computed (a screen rounds it); null when there is nothing to measure. */
  value: number | null;
  /** From the tier policy in force; null: no threshold for the tier (shown, never failing). */
  threshold: number | null;
  met: boolean | null;
  /** The year-end projection of a current year, once 60 days of it have passed. */
  projected?: number | null;
  projectedMet?: boolean | null;
}

export interface ComplianceProjection {
  status: 'not_enough_data' | 'projected';
  daysElapsed: number;
  /** Whether the projected values would all be met (when projected). */
  compliant?: boolean;
}

/** GET /api/compliance (and an evaluation's frozen `snapshot`): one agreement year of a school. */
export interface ComplianceRecord {
  /** `<agreementId>-<year>` */
  id: string;
  schoolId: number;
  schoolName: string;
  regionId: number;
  agreementId: number;
  tier: Tier;
  year: number;
  from: IsoDate;
  to: IsoDate;
  /** The day the values are measured on: the year's last counted day, or today in the current year. */
  asOf: IsoDate;
  current: boolean;
  /** The agreement's term has run out and its final review is not decided: its last year stays current. */
  awaitingFinalReview: boolean;
  compliant: boolean;
  failingKpis: KpiName[];
  kpis: Record<KpiName, KpiCell>;
  projection: ComplianceProjection | null;
  enrolledStudents: number;
  graduates: number;
  certifiedStudents: number;
  /**
   * The certificate KPIs counted from verified certificates only (issued by an exam session or confirmed by HQ; issue
   * 18): shown beside `kpis.certificates1x` / `kpis.certificatesOperator`, which count claimed ones too unless the tier
   * policy in force for the year counts only verified certificates (then they are equal).
   */
  certificates1xVerified: number;
  certificatesOperatorVerified: number;
  /** The day the row was computed for. */
  computedFor: IsoDate;
}

/** A compliance record as stored with its summary row: everything but the school's name, which a read joins in. */
export type StoredComplianceRecord = Omit<ComplianceRecord, 'schoolName'>;

/**
 * GET /api/compliance/:id/trend: every KPI of the year as of the end of each month (the as-of day in
 * the last month, so the last point is the compliance record's values).
 */
export type TrendPoint = { month: string; asOf: IsoDate } & KpiValues;

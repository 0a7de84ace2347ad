import { kpiNames, type KpiName, type KpiThresholds, type KpiValues } from './kpi-names.js';

export interface Verdict {
  value: number | null;
  threshold: number | null;
  /** null: the KPI has no threshold for the tier (shown, never failing). */
  met: boolean | null;
}

export interface Compliance {
  kpis: Record<KpiName, Verdict>;
  compliant: boolean;
  failing: KpiName[];
}

// Values are computed from counts; a ratio such as 19/20 must meet 0.95 despite binary floating point.
const EPSILON = 1e-9;
const atLeast = (value: number, threshold: number) => value + EPSILON >= threshold;

/**
 * KPIs that fail when they have no value but a threshold: practice hours with no student enrolled in
 * the year (the programme has no students to train). Other KPIs without a value (no graduates,
 * nobody certified) are not failing.
 */
const failsWithoutValue: readonly KpiName[] = ['practiceHours'];

type CertificateKpis = Pick<KpiValues, 'certificates1x' | 'certificatesOperator'>;

/**
 * Either certificate count suffices (DOMAIN.md): the certificate KPIs are met together when the 1+X
 * count reaches its threshold or the Operator count reaches its own; null when neither has one.
 */
export function certificatesMet(values: CertificateKpis, thresholds: CertificateKpis): boolean | null {
  const t1 = thresholds.certificates1x;
  const tOp = thresholds.certificatesOperator;
  if (t1 === null && tOp === null) return null;
  return (t1 !== null && atLeast(values.certificates1x ?? 0, t1)) || (tOp !== null && atLeast(values.certificatesOperator ?? 0, tOp));
}

/**
 * Decides each KPI against the thresholds in force (DOMAIN.md): a KPI without a threshold is never
 * failing; a ratio with nothing to measure (no graduates, nobody certified) is not failing, but
 * practice hours with nobody enrolled are; the certificate KPIs are met together when either the
 * 1+X or the Operator count reaches its threshold. Values are compared exactly as computed.
 */
export function evaluateKpis(values: KpiValues, thresholds: KpiThresholds): Compliance {
  const kpis = {} as Record<KpiName, Verdict>;
  for (const name of kpiNames) {
    const value = values[name];
    const threshold = thresholds[name];
    let met: boolean | null;
    if (threshold === null) met = null;
    else if (value === null) met = !failsWithoutValue.includes(name);
    else met = atLeast(value, threshold);
    kpis[name] = { value, threshold, met };
  }
  const either = certificatesMet(values, thresholds);
  if (either !== null) {
    if (thresholds.certificates1x !== null) kpis.certificates1x.met = either;
    if (thresholds.certificatesOperator !== null) kpis.certificatesOperator.met = either;
  }
  const failing = kpiNames.filter((n) => kpis[n].met === false);
  return { kpis, compliant: failing.length === 0, failing };
}

/**
 * The editable numbers of a tier policy, as the server validates them
 * (server/src/modules/tier-policies/tier-policy-schemas.ts). Ratios are stored as fractions 0–1
 * and shown as percentages; null is "no threshold" for the tier (shown, never failing).
 */
export type ThresholdKind = 'count' | 'decimal' | 'ratio' | 'percent';

export interface ThresholdSpec {
  kind: ThresholdKind;
  /** May be switched off (null = no threshold). */
  nullable: boolean;
  /** In display units (percent for ratios). */
  min: number;
  max: number;
  /** Key under app.unit, shown after the number. */
  unit?: string;
}

export const thresholdSpecs = {
  certifiedInstructors: { kind: 'count', nullable: true, min: 0, max: 100_000, unit: 'people' },
  teachingDelivery: { kind: 'ratio', nullable: true, min: 0, max: 100 },
  offlineCourses: { kind: 'count', nullable: true, min: 0, max: 100_000, unit: 'courses' },
  offlineCourseMinHours: { kind: 'count', nullable: false, min: 1, max: 1000, unit: 'hours' },
  practiceHours: { kind: 'decimal', nullable: true, min: 0, max: 10_000, unit: 'hours_per_student' },
  certificates1x: { kind: 'count', nullable: true, min: 0, max: 100_000, unit: 'students' },
  certificatesOperator: { kind: 'count', nullable: true, min: 0, max: 100_000, unit: 'students' },
  jobPlatformRate: { kind: 'ratio', nullable: true, min: 0, max: 100 },
  activeResumeCompleteness: { kind: 'percent', nullable: false, min: 0, max: 100 },
  activeMinApplications: { kind: 'count', nullable: false, min: 0, max: 1000, unit: 'applications' },
  jobFairs: { kind: 'count', nullable: true, min: 0, max: 100_000, unit: 'times' },
  termYears: { kind: 'count', nullable: false, min: 1, max: 10, unit: 'years' },
} as const satisfies Record<string, ThresholdSpec>;

export type ThresholdField = keyof typeof thresholdSpecs;
export const thresholdFields = Object.keys(thresholdSpecs) as ThresholdField[];
// certificatesVerifiedOnly: only verified certificates count for the certificate KPIs (issue 18).
export const flagFields = ['requiresSigning', 'requiresPlaque', 'requiresInspection', 'certificatesVerifiedOnly'] as const;

const round = (n: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/** Stored value → the number a person reads and types (95 for a ratio of 0.95). */
export function toDisplay(spec: ThresholdSpec, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return spec.kind === 'ratio' ? round(value * 100, 2) : value;
}

/** Typed number → stored value (0.95 for 95%); ratios keep the column's 4 decimals. */
export function fromDisplay(spec: ThresholdSpec, display: number): number {
  return spec.kind === 'ratio' ? round(display / 100, 4) : display;
}

export interface ValidationMessage {
  message: string;
  args?: Record<string, unknown>;
}

/** Checks a stored value against the spec, with the message in display units. */
export function validateThreshold(spec: ThresholdSpec, value: unknown): ValidationMessage | undefined {
  if (value === null || value === undefined) {
    return spec.nullable ? undefined : { message: 'ra.validation.required' };
  }
  if (typeof value !== 'number' || Number.isNaN(value)) return { message: 'app.threshold.number' };
  const display = toDisplay(spec, value) as number;
  if (display < spec.min || display > spec.max) {
    return { message: spec.kind === 'ratio' || spec.kind === 'percent' ? 'app.threshold.percent_range' : 'app.threshold.range', args: { min: spec.min, max: spec.max } };
  }
  if (spec.kind === 'count' && !Number.isInteger(value)) return { message: 'app.threshold.whole_number' };
  return undefined;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A threshold for reading: "95%", "160 小时/人·年", or "无要求". */
export function formatThreshold(spec: ThresholdSpec, value: number | null | undefined, translate: Translate, locale: string): string {
  if (value === null || value === undefined) return translate('app.threshold.none');
  const display = toDisplay(spec, value) as number;
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 2 }).format(display);
  if (spec.kind === 'ratio' || spec.kind === 'percent') return `${number}%`;
  if (!spec.unit) return number;
  return `${number} ${translate(`app.unit.${spec.unit}`, { smart_count: display })}`;
}

/** The request body of PUT /api/tier-policies/:id: the editable fields, the version and a comment. */
export function toUpdateBody(data: Record<string, unknown>) {
  const body: Record<string, unknown> = { version: data.version };
  for (const field of [...thresholdFields, ...flagFields]) if (data[field] !== undefined) body[field] = data[field];
  if (typeof data.comment === 'string' && data.comment.trim()) body.comment = data.comment.trim();
  return body;
}

export interface TierPolicy {
  id: number;
  tier: string;
  effectiveYear: number;
  version: number;
  updatedAt: string;
  updatedBy: number | null;
  requiresSigning: boolean;
  requiresPlaque: boolean;
  requiresInspection: boolean;
  [field: string]: unknown;
}

/** The policy in force in `year` for each tier: the greatest effectiveYear not after it. */
export function policiesInForce<T extends { id: unknown; tier: string; effectiveYear: number }>(policies: T[], year: number): Set<T['id']> {
  const best = new Map<string, T>();
  for (const p of policies) {
    if (p.effectiveYear > year) continue;
    const current = best.get(p.tier);
    if (!current || p.effectiveYear > current.effectiveYear) best.set(p.tier, p);
  }
  return new Set([...best.values()].map((p) => p.id));
}

import type { IsoDate } from '../calendar/agreement-year.js';
import type { Tier } from '../vocabulary.js';

/** The record a review or decision screen is about. */
export type ReviewSubjectKind = 'application' | 'agreement' | 'evaluation';

/** The requirements of a tier policy a reviewer checks, in the order the checklist shows them. */
export const reviewRequirements = [
  'qualifications', 'signing', 'certifiedInstructors', 'teachingResources', 'offlineCourses', 'teachingDelivery',
  'practiceHours', 'certificates', 'jobPlatformRate', 'jobFairs',
] as const;
export type ReviewRequirement = (typeof reviewRequirements)[number];

/** A value of a requirement or of what the school has: a count, a share, a yes/no; null: none / not given. */
export type ReviewValue = number | boolean | string | null;

/** One record behind what the school has (an instructor and the validity of their certification, a plan item). */
export interface ChecklistEvidence {
  label: string;
  detail: string | null;
  /** A certification's last valid day, a fact's date. */
  date: IsoDate | null;
  /** Whether this record counts toward the requirement (a certification still valid); null: not judged. */
  counts: boolean | null;
}

/**
 * One requirement of the tier policy in force against what the school submitted (an application's
 * plan) or recorded (its instructors, its KPIs of the year). `required` and `actual` are keyed alike
 * (`n`, or `certificates1x` / `certificatesOperator` for the either/or rule, or the qualification's fields).
 */
export interface ChecklistItem {
  key: ReviewRequirement;
  required: Record<string, ReviewValue>;
  actual: Record<string, ReviewValue>;
  /** null: the tier has no threshold here (shown, never failing). */
  met: boolean | null;
  /** Where `actual` comes from: the plan submitted, the records kept, the evaluation's frozen snapshot. */
  source: 'plan' | 'records' | 'snapshot';
  evidence: ChecklistEvidence[];
}

export interface PlanItemSummary { id: number | null; kind: string; title: string }
export interface ValueChange { path: string; before: unknown; after: unknown }

/** What changed in a plan between the reviewer's return and now. */
export interface PlanDiff {
  fields: ValueChange[];
  added: PlanItemSummary[];
  removed: PlanItemSummary[];
  changed: (PlanItemSummary & { fields: ValueChange[] })[];
  /** Nothing changed. */
  empty: boolean;
}

/** A resubmitted application: the return it answers, and the plan's changes since. */
export interface ResubmissionInfo {
  returnedAt: string;
  returnedBy: string | null;
  action: string;
  comment: string | null;
  fieldComments: Record<string, string>;
  /** null when the return kept no copy of the plan (a return recorded before copies were kept). */
  diff: PlanDiff | null;
}

export interface ReviewComment { action: string; at: string; actorName: string | null; comment: string | null; fieldComments: Record<string, string> }

/** The school's history, one click from any review screen. */
export interface SchoolHistory {
  school: { id: number; name: string; regionId: number; tier: Tier | null; status: string };
  agreements: {
    id: number; tier: Tier; status: string; startDate: IsoDate | null; termYears: number; endedOn: IsoDate | null;
    evaluations: { id: number; year: number; status: string; decision: string | null; reason: string | null; decidedAt: string | null }[];
  }[];
  compliance: { agreementId: number; year: number; from: IsoDate; to: IsoDate; current: boolean; compliant: boolean; failingKpis: string[] }[];
  instructors: { id: number; name: string; validToday: boolean; certifications: { certNo: string; level: string; validFrom: IsoDate; validTo: IsoDate }[] }[];
  applications: { id: number; tier: Tier; status: string; submittedAt: string | null; decidedAt: string | null; reviews: ReviewComment[] }[];
}

/** GET /api/{applications,agreements,evaluations}/:id/review-context */
export interface ReviewContextRecord {
  subject: { kind: ReviewSubjectKind; id: number; schoolId: number; schoolName: string; tier: Tier; policyId: number; policyYear: number; agreementYear: number | null };
  checklist: ChecklistItem[];
  history: SchoolHistory;
  resubmission: ResubmissionInfo | null;
}

type Json = unknown;
/** A canonical JSON text: keys sorted at every level (a jsonb column keeps its own key order). */
export function canonicalJson(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().filter((k) => (v as Record<string, Json>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, Json>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

const same = (a: Json, b: Json) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const empty = (v: Json) => v === undefined || v === null || v === '' || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

/** The leaf changes between two plan documents, by dotted path ("contact.phone"). */
function leafChanges(before: Json, after: Json, prefix: string): ValueChange[] {
  const isObj = (v: Json): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (isObj(before) || isObj(after)) {
    const b = isObj(before) ? before : {};
    const a = isObj(after) ? after : {};
    return [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()
      .flatMap((k) => leafChanges(b[k], a[k], prefix ? `${prefix}.${k}` : k));
  }
  if ((empty(before) && empty(after)) || same(before, after)) return [];
  return [{ path: prefix, before: before ?? null, after: after ?? null }];
}

export interface PlanSnapshot {
  tier: string;
  plan: Record<string, unknown>;
  pledge: boolean;
  planItems: { id: number; kind: string; title: string; details: Record<string, unknown>; needsPlatformSupport: boolean }[];
}

/** The plan's changes from the copy kept at a return to the application as it is now (items matched by id). */
export function planDiff(before: PlanSnapshot, after: PlanSnapshot): PlanDiff {
  const fields = [
    ...(before.tier !== after.tier ? [{ path: 'tier', before: before.tier, after: after.tier }] : []),
    ...leafChanges(before.plan, after.plan, 'plan'),
    ...(before.pledge !== after.pledge ? [{ path: 'pledge', before: before.pledge, after: after.pledge }] : []),
  ];
  const summary = (i: PlanSnapshot['planItems'][number]): PlanItemSummary => ({ id: i.id, kind: i.kind, title: i.title });
  const now = new Map(after.planItems.map((i) => [i.id, i]));
  const then = new Map(before.planItems.map((i) => [i.id, i]));
  const added = after.planItems.filter((i) => !then.has(i.id)).map(summary);
  const removed = before.planItems.filter((i) => !now.has(i.id)).map(summary);
  const changed = before.planItems.filter((i) => now.has(i.id)).flatMap((b) => {
    const a = now.get(b.id)!;
    const changes = [
      ...(b.kind !== a.kind ? [{ path: 'kind', before: b.kind, after: a.kind }] : []),
      ...(b.title !== a.title ? [{ path: 'title', before: b.title, after: a.title }] : []),
      ...leafChanges(b.details ?? {}, a.details ?? {}, 'details'),
      ...(b.needsPlatformSupport !== a.needsPlatformSupport ? [{ path: 'needsPlatformSupport', before: b.needsPlatformSupport, after: a.needsPlatformSupport }] : []),
    ];
    return changes.length ? [{ ...summary(a), fields: changes }] : [];
  });
  return { fields, added, removed, changed, empty: !fields.length && !added.length && !removed.length && !changed.length };
}

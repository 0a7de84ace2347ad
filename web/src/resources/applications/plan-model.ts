import type { Tier } from '../../components/vocabulary';
import type { WorkflowRecord } from '../../components/workflow/workflow-record';

type Scalar = string | number | boolean | null;

export type PlanItemKind = 'instructor' | 'teaching_resource' | 'practice_project' | 'job_fair' | 'target';

/** A plan item as the API answers it (server/src/db/schema/applications.ts). */
export interface PlanItem {
  id?: number;
  kind: PlanItemKind;
  title: string;
  details: Record<string, Scalar | undefined>;
  needsPlatformSupport: boolean;
  /** HQ's decision on an item that needs platform support; null: not decided yet. */
  approved?: boolean | null;
}

export interface Plan {
  summary?: string;
  contact?: { name?: string; phone?: string; email?: string };
  qualifications?: { cbecDisciplineBase?: boolean; talentTrainingValued?: boolean; longTermPlan?: string; disciplineDescription?: string };
  targets?: {
    certificates1x?: number | null;
    certificatesOperator?: number | null;
    jobPlatformRate?: number | null;
    practiceHoursPerStudent?: number | null;
    studentsPerYear?: number | null;
  };
  jobFairPlan?: string;
  practicePlan?: string;
  [key: string]: unknown;
}

export interface Application extends WorkflowRecord {
  schoolId: number;
  schoolName?: string;
  regionId?: number;
  tier: Tier;
  plan: Plan;
  pledge: boolean;
  /** Reviewer comments by field path ("plan.targets"); "_overall" is the general comment. */
  reviewComments: Record<string, string>;
  planItems?: PlanItem[];
  editable?: boolean;
  waitingDays?: number | null;
  submittedAt?: string | null;
  decidedAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
  upgradeFromAgreementId?: number | null;
}

/** The kinds the form edits, in the order the plan lists them; "target" items are kept as they are. */
export const editedKinds = ['instructor', 'teaching_resource', 'practice_project', 'job_fair'] as const;
export type EditedKind = (typeof editedKinds)[number];

/** Where each kind is listed in the form, and the review-comment path a reviewer uses for it. */
export const itemsPath: Record<EditedKind, string> = {
  instructor: 'plan.instructors',
  teaching_resource: 'plan.teachingResources',
  practice_project: 'plan.practiceProjects',
  job_fair: 'plan.jobFairs',
};

export interface FormItem {
  id?: number;
  title?: string;
  details: Record<string, Scalar | undefined>;
  needsPlatformSupport?: boolean;
  approved?: boolean | null;
}

/** The form's values: the plan with the job-platform rate in percent, the items grouped by kind. */
export interface PlanFormValues {
  tier: Tier;
  pledge: boolean;
  plan: Plan;
  items: Record<PlanItemKind, FormItem[]>;
}

export interface SavePayload {
  tier: Tier;
  pledge: boolean;
  plan: Plan;
  planItems: { id?: number; kind: PlanItemKind; title: string; details: Record<string, Scalar>; needsPlatformSupport: boolean }[];
}

const targetKeys = ['certificates1x', 'certificatesOperator', 'jobPlatformRate', 'practiceHoursPerStudent', 'studentsPerYear'] as const;

const toPercent = (fraction: number | null | undefined) => (fraction == null ? null : Math.round(fraction * 10000) / 100);
const toFraction = (percent: number | null | undefined) => (percent == null || Number.isNaN(percent) ? null : Math.round(percent * 100) / 10000);

/** The record as the form edits it. */
export function formValuesOf(record: Application): PlanFormValues {
  const plan = record.plan ?? {};
  const items: PlanFormValues['items'] = { instructor: [], teaching_resource: [], practice_project: [], job_fair: [], target: [] };
  for (const item of record.planItems ?? []) {
    (items[item.kind] ?? items.target).push({
      id: item.id, title: item.title, details: { ...(item.details ?? {}) }, needsPlatformSupport: item.needsPlatformSupport, approved: item.approved ?? null,
    });
  }
  return {
    tier: record.tier,
    pledge: record.pledge ?? false,
    plan: {
      ...plan,
      summary: plan.summary ?? '',
      contact: { name: '', phone: '', ...(plan.contact ?? {}) },
      qualifications: { cbecDisciplineBase: false, talentTrainingValued: false, longTermPlan: '', ...(plan.qualifications ?? {}) },
      targets: { ...(plan.targets ?? {}), jobPlatformRate: toPercent(plan.targets?.jobPlatformRate) },
      jobFairPlan: plan.jobFairPlan ?? '',
      practicePlan: plan.practicePlan ?? '',
    },
    items,
  };
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Only what the API stores in details: strings, numbers, booleans and nulls; undefined left out. */
function cleanDetails(details: FormItem['details']): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const [k, v] of Object.entries(details ?? {})) {
    if (v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    out[k] = v;
  }
  return out;
}

/**
 * An item's title: what the reviewer reads first. Instructors are named by their name and courses by
 * the catalogue's title; a stored title that already names them (the demo data's "1+X认证讲师：王芳")
 * is kept so that an unchanged item keeps HQ's decision.
 */
export function titleOf(kind: PlanItemKind, item: FormItem, courseTitle?: (id: number) => string | undefined): string {
  const stored = text(item.title);
  if (kind === 'instructor') {
    const name = text(item.details?.name);
    if (!name) return '';
    return stored.endsWith(name) ? stored : name;
  }
  if (kind === 'teaching_resource') {
    const id = Number(item.details?.courseId);
    const course = Number.isFinite(id) && id > 0 ? courseTitle?.(id) : undefined;
    if (!course) return Number.isFinite(id) && id > 0 ? stored : '';
    return stored.includes(course) ? stored : course;
  }
  return stored;
}

/**
 * What a draft save sends (PUT /api/applications/:id, without the version): the original plan with
 * the form's parts laid over it (keys the form does not know survive), and every item that has a
 * title — a row the school has only just added is saved once it names something.
 */
export function payloadOf(values: PlanFormValues, original: Application, courseTitle?: (id: number) => string | undefined): SavePayload {
  const plan: Plan = { ...(original.plan ?? {}), ...values.plan };
  // Every target is sent, empty ones as null, so that an input registering itself changes nothing.
  const targets: Record<string, unknown> = { ...(values.plan.targets ?? {}), jobPlatformRate: toFraction(values.plan.targets?.jobPlatformRate) };
  for (const k of targetKeys) if (!(k in targets)) targets[k] = null;
  for (const [k, v] of Object.entries(targets)) {
    if (v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v))) targets[k] = null;
  }
  plan.targets = targets as Plan['targets'];
  const planItems: SavePayload['planItems'] = [];
  for (const kind of [...editedKinds, 'target'] as const) {
    for (const item of values.items?.[kind] ?? []) {
      const title = kind === 'target' ? text(item.title) : titleOf(kind, item, courseTitle);
      if (!title) continue;
      planItems.push({
        ...(item.id ? { id: item.id } : {}),
        kind, title, details: cleanDetails(item.details), needsPlatformSupport: !!item.needsPlatformSupport,
      });
    }
  }
  return { tier: values.tier, pledge: !!values.pledge, plan, planItems };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Three-way merge of form values after a conflict: where the school changed a value since the server
 * last confirmed it (`confirmed` -> `mine`) its value wins; everything else is the latest version's
 * (`theirs`), so "overwrite with my content" never puts a stale or empty value over what was saved
 * elsewhere. Objects merge key by key; an item list of one kind is one value (changed as a whole).
 */
export function mergeChanges<T>(confirmed: T, mine: T, theirs: T): T {
  if (isPlainObject(mine) && isPlainObject(theirs)) {
    const base: Record<string, unknown> = isPlainObject(confirmed) ? confirmed : {};
    const out: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) out[key] = mergeChanges(base[key], mine[key], theirs[key]);
    return out as T;
  }
  return sameValue(mine, confirmed) ? theirs : mine;
}

/** The review comments that are not about a particular field ("_overall" first). */
export const overallComment = (comments: Record<string, string> | undefined) => text(comments?._overall);

/** Comments about a path or anything under it, except the paths that show their own. */
export function commentsUnder(comments: Record<string, string> | undefined, prefix: string, exclude: readonly string[] = []) {
  return Object.entries(comments ?? {}).filter(([path, comment]) =>
    text(comment) && (path === prefix || path.startsWith(`${prefix}.`)) && !exclude.includes(path));
}

import type { tierPolicies } from '../../db/schema/index.js';
import {
  certificatesMet, missingForSubmit, type ChecklistEvidence, type ChecklistItem, type KpiCell, type KpiName, type Tier,
} from '@campus/common';

type Policy = typeof tierPolicies.$inferSelect;
type PlanItem = { id: number; kind: string; title: string; details: unknown };
type Instructor = { id: number; name: string; validToday: boolean; certifications: { certNo: string; level: string; validFrom: string; validTo: string }[] };

/** What a checklist is built from: the policy of the agreement year, and what the school submitted or recorded. */
export interface ChecklistInput {
  tier: Tier;
  policy: Policy;
  /** The plan the school submitted (an application's own, or the one the agreement came from). */
  plan: Record<string, unknown>;
  pledge: boolean;
  planItems: PlanItem[];
  /** The school's instructors, `validToday` meaning valid on the day the checklist is about. */
  instructors: Instructor[];
  /** The KPI cells of the year (an agreement's current compliance row, an evaluation's snapshot); null: an application. */
  kpis: Record<KpiName, KpiCell> | null;
  kpiSource: 'records' | 'snapshot';
  /** A partnership (agreement, evaluation): what counts is what the school recorded, not what it planned. */
  recorded: boolean;
  /** An agreement's steps; null for an application. */
  steps: { signedOn: string | null; plaqueOn: string | null; inspectionPassedOn: string | null } | null;
  /** The school's recorded offline courses of at least the policy's class hours (for an application). */
  offlineCoursesRecorded: number;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const atLeast = (have: number | null, need: number | null) => (need === null ? null : have !== null && have >= need);
const get = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((acc, k) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[k] : undefined), o);
const ev = (label: string, detail: string | null = null, date: string | null = null, counts: boolean | null = null): ChecklistEvidence => ({ label, detail, date, counts });

/**
 * The qualifications the submit guard demands of the tier (the guard is the rule; nothing here
 * repeats which tier needs which): the plan.qualifications fields missingForSubmit names on an empty plan.
 */
function requiredQualifications(tier: Tier): string[] {
  const probe = missingForSubmit({ tier, plan: {}, pledge: true, planItems: [], input: {} });
  return probe.map((p) => p.field ?? '').filter((f) => f.startsWith('plan.qualifications.')).map((f) => f.slice('plan.qualifications.'.length));
}

function instructorItem(input: ChecklistInput): ChecklistItem {
  const need = num(input.policy.certifiedInstructors);
  const byCert = new Map(input.instructors.flatMap((i) => i.certifications.map((c) => [c.certNo, { i, c }] as const)));
  if (!input.recorded) {
    // An application: the instructors the plan names, each beside the certification the school recorded for them.
    const planned = input.planItems.filter((p) => p.kind === 'instructor');
    const evidence = planned.map((p) => {
      const certNo = String(get(p.details, 'certNo') ?? '') || null;
      const recorded = certNo ? byCert.get(certNo) : undefined;
      return ev(p.title, [certNo, get(p.details, 'level')].filter(Boolean).join(' · ') || null, recorded?.c.validTo ?? null, recorded ? recorded.i.validToday : null);
    });
    const validRecorded = input.instructors.filter((i) => i.validToday).length;
    return { key: 'certifiedInstructors', required: { n: need }, actual: { n: planned.length, recorded: validRecorded }, met: atLeast(planned.length, need), source: 'plan', evidence };
  }
  // A partnership: the instructors on record, and the day each one's certification runs to.
  const evidence = input.instructors.map((i) => {
    const latest = i.certifications[0];
    return ev(i.name, latest ? `${latest.certNo} · ${latest.level}` : null, latest?.validTo ?? null, i.validToday);
  });
  const cell = input.kpiSource === 'snapshot' ? input.kpis?.certifiedInstructors : undefined;
  const have = cell ? num(cell.value) : input.instructors.filter((i) => i.validToday).length;
  return { key: 'certifiedInstructors', required: { n: cell ? cell.threshold : need }, actual: { n: have }, met: cell ? cell.met : atLeast(have, need), source: cell ? 'snapshot' : 'records', evidence };
}

function kpiItem(key: ChecklistItem['key'], kpi: KpiName, input: ChecklistInput, planValue: number | null, policyValue: number | null, planEvidence: ChecklistEvidence[] = []): ChecklistItem {
  if (!input.recorded) return { key, required: { n: policyValue }, actual: { n: planValue }, met: atLeast(planValue, policyValue), source: 'plan', evidence: planEvidence };
  // A partnership not yet active has no KPIs of a year: the requirement is shown, nothing is measured yet.
  if (!input.kpis) return { key, required: { n: policyValue }, actual: { n: null }, met: null, source: 'records', evidence: planEvidence };
  const cell = input.kpis[kpi];
  const required = input.kpiSource === 'snapshot' ? cell.threshold : policyValue;
  return { key, required: { n: required }, actual: { n: cell.value }, met: required === null ? null : cell.met, source: input.kpiSource, evidence: [] };
}

/** The tier policy's requirements, one by one, against what the school submitted or recorded. */
export function buildChecklist(input: ChecklistInput): ChecklistItem[] {
  const { policy, plan, planItems, kpis } = input;
  const items: ChecklistItem[] = [];

  const quals = requiredQualifications(input.tier);
  const qActual = Object.fromEntries(quals.map((q) => {
    const v = get(plan, `qualifications.${q}`);
    return [q, typeof v === 'string' ? v.trim().length > 0 : v === true];
  }));
  items.push({
    key: 'qualifications', required: Object.fromEntries(quals.map((q) => [q, true])), actual: qActual,
    met: quals.every((q) => qActual[q] === true), source: 'plan',
    evidence: typeof get(plan, 'qualifications.longTermPlan') === 'string' && String(get(plan, 'qualifications.longTermPlan')).trim()
      ? [ev('longTermPlan', String(get(plan, 'qualifications.longTermPlan')))] : [],
  });

  const steps = input.steps;
  const stepsRequired = { signing: policy.requiresSigning, plaque: policy.requiresPlaque, inspection: policy.requiresInspection };
  items.push({
    key: 'signing', required: stepsRequired,
    actual: steps ? { signing: steps.signedOn, plaque: steps.plaqueOn, inspection: steps.inspectionPassedOn } : {},
    met: steps ? (!policy.requiresSigning || !!steps.signedOn) && (!policy.requiresPlaque || !!steps.plaqueOn) && (!policy.requiresInspection || !!steps.inspectionPassedOn) : null,
    source: steps ? 'records' : 'plan', evidence: [],
  });

  items.push(instructorItem(input));

  const resources = planItems.filter((p) => p.kind === 'teaching_resource');
  items.push({
    key: 'teachingResources', required: {}, actual: { n: resources.length }, met: resources.length > 0, source: 'plan',
    evidence: resources.map((r) => ev(r.title, typeof get(r.details, 'description') === 'string' ? String(get(r.details, 'description')) : null)),
  });

  items.push(kpis
    ? kpiItem('offlineCourses', 'offlineCourses', input, null, num(policy.offlineCourses))
    : { key: 'offlineCourses', required: { n: num(policy.offlineCourses), minHours: policy.offlineCourseMinHours }, actual: { n: input.offlineCoursesRecorded }, met: atLeast(input.offlineCoursesRecorded, num(policy.offlineCourses)), source: 'records', evidence: [] });

  items.push(input.recorded
    ? kpiItem('teachingDelivery', 'teachingDelivery', input, null, num(policy.teachingDelivery))
    : { key: 'teachingDelivery', required: { n: num(policy.teachingDelivery) }, actual: { pledge: input.pledge }, met: num(policy.teachingDelivery) === null ? null : input.pledge, source: 'plan', evidence: [] });

  const practice = planItems.filter((p) => p.kind === 'practice_project')
    .map((p) => ev(p.title, [get(p.details, 'hoursPerStudent'), get(p.details, 'students')].some((v) => v != null) ? `${get(p.details, 'hoursPerStudent') ?? '—'} h × ${get(p.details, 'students') ?? '—'}` : null));
  items.push(kpiItem('practiceHours', 'practiceHours', input, num(get(plan, 'targets.practiceHoursPerStudent')), num(policy.practiceHours), practice));

  if (kpis) {
    const t1 = input.kpiSource === 'snapshot' ? kpis.certificates1x.threshold : num(policy.certificates1x);
    const tOp = input.kpiSource === 'snapshot' ? kpis.certificatesOperator.threshold : num(policy.certificatesOperator);
    const values = { certificates1x: num(kpis.certificates1x.value), certificatesOperator: num(kpis.certificatesOperator.value) };
    items.push({ key: 'certificates', required: { certificates1x: t1, certificatesOperator: tOp }, actual: values, met: certificatesMet(values, { certificates1x: t1, certificatesOperator: tOp }), source: input.kpiSource, evidence: [] });
  } else {
    const required = { certificates1x: num(policy.certificates1x), certificatesOperator: num(policy.certificatesOperator) };
    const actual = { certificates1x: num(get(plan, 'targets.certificates1x')), certificatesOperator: num(get(plan, 'targets.certificatesOperator')) };
    items.push({ key: 'certificates', required, actual, met: certificatesMet(actual, required), source: 'plan', evidence: [] });
  }

  items.push(kpiItem('jobPlatformRate', 'jobPlatformRate', input, num(get(plan, 'targets.jobPlatformRate')), num(policy.jobPlatformRate)));

  const fairs = planItems.filter((p) => p.kind === 'job_fair');
  items.push(kpiItem('jobFairs', 'jobFairs', input, fairs.length, num(policy.jobFairs), fairs.map((f) => ev(f.title, get(f.details, 'plannedMonth') != null ? String(get(f.details, 'plannedMonth')) : null))));
  return items;
}

import type { TierPolicy } from '../../components/policy/thresholds';
import type { PlanFormValues } from './plan-model';

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export interface TargetWarning {
  /** The form field (or items section) the warning sits beside. */
  field: 'plan.targets.certificates1x' | 'plan.targets.certificatesOperator' | 'plan.targets.jobPlatformRate' | 'plan.targets.practiceHoursPerStudent' | 'items.instructor' | 'items.job_fair';
  message: string;
  args: Record<string, number | string>;
}

/**
 * Where the plan falls short of the tier's thresholds (a warning, not a refusal: the reviewers
 * decide). Certificates pass when either count reaches its threshold (DOMAIN.md), so they warn
 * together; a threshold of null is "none" for the tier and never warns.
 */
export function targetWarnings(values: Pick<PlanFormValues, 'plan' | 'items'>, policy: TierPolicy | undefined): TargetWarning[] {
  if (!policy) return [];
  const t = values.plan?.targets ?? {};
  const out: TargetWarning[] = [];

  const need1x = num(policy.certificates1x);
  const needOp = num(policy.certificatesOperator);
  if (need1x != null || needOp != null) {
    const has1x = num(t.certificates1x);
    const hasOp = num(t.certificatesOperator);
    const met = (need1x != null && has1x != null && has1x >= need1x) || (needOp != null && hasOp != null && hasOp >= needOp);
    if (!met) {
      const args = { x: need1x ?? '—', op: needOp ?? '—' };
      const message = need1x != null && needOp != null ? 'app.workflow.threshold.certificates_either' : 'app.workflow.threshold.certificates_one';
      if (need1x != null) out.push({ field: 'plan.targets.certificates1x', message, args: { ...args, n: need1x } });
      if (needOp != null) out.push({ field: 'plan.targets.certificatesOperator', message, args: { ...args, n: needOp } });
    }
  }
  const needRate = num(policy.jobPlatformRate);
  const rate = num(t.jobPlatformRate);
  if (needRate != null && (rate == null || rate < needRate * 100)) {
    out.push({ field: 'plan.targets.jobPlatformRate', message: 'app.workflow.threshold.rate', args: { n: Math.round(needRate * 10000) / 100 } });
  }
  const needHours = num(policy.practiceHours);
  const hours = num(t.practiceHoursPerStudent);
  if (needHours != null && (hours == null || hours < needHours)) {
    out.push({ field: 'plan.targets.practiceHoursPerStudent', message: 'app.workflow.threshold.hours', args: { n: needHours } });
  }
  const needInstructors = num(policy.certifiedInstructors);
  const instructors = (values.items?.instructor ?? []).filter((i) => typeof i.details?.name === 'string' && i.details.name.trim()).length;
  if (needInstructors != null && needInstructors > 0 && instructors < needInstructors) {
    out.push({ field: 'items.instructor', message: 'app.workflow.threshold.instructors', args: { n: needInstructors, has: instructors } });
  }
  const needFairs = num(policy.jobFairs);
  const fairs = (values.items?.job_fair ?? []).filter((i) => typeof i.title === 'string' && i.title.trim()).length;
  if (needFairs != null && needFairs > 0 && fairs < needFairs) {
    out.push({ field: 'items.job_fair', message: 'app.workflow.threshold.job_fairs', args: { n: needFairs, has: fairs } });
  }
  return out;
}

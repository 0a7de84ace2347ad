import type { ChecklistItem, ReviewValue } from '@campus/common';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const ratio = new Set(['teachingDelivery', 'jobPlatformRate']);
const isNum = (v: ReviewValue | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** A count or a share as a reviewer reads it: 0.95 → 95%, 160.5 → 160.5. */
export function formatValue(key: string, v: ReviewValue | undefined): string {
  if (!isNum(v)) return '—';
  if (ratio.has(key)) return `${Math.round(v * 10000) / 100}%`;
  return String(Math.round(v * 100) / 100);
}

/** What the policy asks, in words: "≥ 4", "1+X ≥ 200 或 操盘官 ≥ 280", "签约 · 揭牌 · 验收", "本层次无要求". */
export function requiredText(item: ChecklistItem, translate: Translate): string {
  const r = item.required;
  switch (item.key) {
    case 'qualifications': {
      const keys = Object.keys(r);
      return keys.length ? keys.map((k) => translate(`app.review.qualification.${k}`, { _: k })).join(' · ') : translate('app.review.none');
    }
    case 'signing': {
      const steps = (['signing', 'plaque', 'inspection'] as const).filter((s) => r[s] === true);
      return steps.length ? steps.map((s) => translate(`app.review.steps.${s}`)).join(' · ') : translate('app.review.none');
    }
    case 'teachingResources':
      return translate('app.review.requirement.teachingResources');
    case 'certificates': {
      const x = r.certificates1x;
      const op = r.certificatesOperator;
      if (!isNum(x) && !isNum(op)) return translate('app.review.none');
      return translate('app.review.either', { x: isNum(x) ? x : '—', op: isNum(op) ? op : '—' });
    }
    default: {
      if (!isNum(r.n)) return translate('app.review.none');
      const base = translate('app.review.at_least', { n: formatValue(item.key, r.n) });
      return isNum(r.minHours) ? `${base}（${translate('app.review.min_hours', { n: r.minHours })}）` : base;
    }
  }
}

/** What the school submitted or recorded, in words. */
export function actualText(item: ChecklistItem, translate: Translate): string {
  const a = item.actual;
  switch (item.key) {
    case 'qualifications':
      return Object.entries(a).map(([k, v]) => `${translate(`app.review.qualification.${k}`, { _: k })} ${v === true ? '✓' : '✗'}`).join(' · ') || '—';
    case 'signing': {
      const steps = (['signing', 'plaque', 'inspection'] as const).filter((s) => item.required[s] === true || a[s]);
      if (!Object.keys(a).length) return '—';
      return steps.map((s) => (typeof a[s] === 'string' && a[s]
        ? translate('app.review.step_done', { step: translate(`app.review.steps.${s}`), on: a[s] })
        : translate('app.review.step_pending', { step: translate(`app.review.steps.${s}`) }))).join(' · ') || '—';
    }
    case 'certificates':
      return translate('app.review.certificates_actual', { x: formatValue('n', a.certificates1x), op: formatValue('n', a.certificatesOperator) });
    case 'teachingDelivery':
      if ('pledge' in a) return translate(a.pledge ? 'app.review.pledged' : 'app.review.not_pledged');
      return a.n === null && item.met === null ? translate('app.review.not_measured') : formatValue(item.key, a.n);
    case 'certifiedInstructors':
      if ('recorded' in a) return translate('app.review.planned_recorded', { n: formatValue('n', a.n), recorded: formatValue('n', a.recorded) });
      return formatValue(item.key, a.n);
    default:
      return a.n === null && item.met === null && item.source === 'records' ? translate('app.review.not_measured') : formatValue(item.key, a.n);
  }
}

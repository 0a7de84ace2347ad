import { describe, expect, it } from 'vitest';
import { canonicalJson, planDiff, type PlanSnapshot } from './review-context.js';

const base: PlanSnapshot = {
  tier: 'talent_base', pledge: true,
  plan: { summary: '共建人才基地', contact: { name: '陈老师', phone: '0571-1' }, targets: { certificates1x: 40 } },
  planItems: [
    { id: 1, kind: 'instructor', title: '王芳', details: { certNo: 'A', level: 'senior' }, needsPlatformSupport: false },
    { id: 2, kind: 'teaching_resource', title: '实训平台', details: { description: '模拟', courseId: 7 }, needsPlatformSupport: true },
  ],
};

describe('the plan diff of a resubmission', () => {
  it('compares values, not key order (a jsonb column keeps its own order)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    const reordered = { ...base, planItems: base.planItems.map((i) => ({ ...i, details: Object.fromEntries(Object.entries(i.details).reverse()) })) };
    expect(planDiff(base, reordered).empty).toBe(true);
  });

  it('names the fields changed and the items added, removed and changed; an empty value and a missing one are alike', () => {
    const after: PlanSnapshot = {
      ...base,
      plan: { summary: '共建人才基地（修订）', contact: { name: '陈老师', phone: '0571-1', email: '' }, targets: { certificates1x: 60 } },
      planItems: [
        { ...base.planItems[0], details: { certNo: 'A', level: 'intermediate' } },
        { id: 3, kind: 'job_fair', title: '春季双选会', details: {}, needsPlatformSupport: false },
      ],
    };
    const diff = planDiff(base, after);
    expect(diff.fields).toEqual([
      { path: 'plan.summary', before: '共建人才基地', after: '共建人才基地（修订）' },
      { path: 'plan.targets.certificates1x', before: 40, after: 60 },
    ]);
    expect(diff.added).toEqual([{ id: 3, kind: 'job_fair', title: '春季双选会' }]);
    expect(diff.removed).toEqual([{ id: 2, kind: 'teaching_resource', title: '实训平台' }]);
    expect(diff.changed).toEqual([{ id: 1, kind: 'instructor', title: '王芳', fields: [{ path: 'details.level', before: 'senior', after: 'intermediate' }] }]);
    expect(diff.empty).toBe(false);
  });
});

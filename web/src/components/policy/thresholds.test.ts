import { describe, expect, it } from 'vitest';
import { formatThreshold, fromDisplay, policiesInForce, thresholdSpecs, toDisplay, toUpdateBody, validateThreshold } from './thresholds';

const t = (key: string, _options?: Record<string, unknown>) => ({ 'app.threshold.none': '无要求', 'app.unit.hours_per_student': '小时/人·年', 'app.unit.people': '人' })[key] ?? key;

describe('tier policy thresholds', () => {
  it('shows ratios as percentages and stores them as fractions', () => {
    expect(toDisplay(thresholdSpecs.jobPlatformRate, 0.95)).toBe(95);
    expect(fromDisplay(thresholdSpecs.jobPlatformRate, 95)).toBe(0.95);
    expect(fromDisplay(thresholdSpecs.teachingDelivery, 87.5)).toBe(0.875);
    expect(toDisplay(thresholdSpecs.teachingDelivery, 0.1234)).toBe(12.34);
    expect(fromDisplay(thresholdSpecs.practiceHours, 160)).toBe(160);
  });

  it('reads null as "no threshold"', () => {
    expect(formatThreshold(thresholdSpecs.practiceHours, null, t, 'zh')).toBe('无要求');
    expect(formatThreshold(thresholdSpecs.practiceHours, 160, t, 'zh')).toBe('160 小时/人·年');
    expect(formatThreshold(thresholdSpecs.jobPlatformRate, 0.95, t, 'zh')).toBe('95%');
    expect(formatThreshold(thresholdSpecs.certifiedInstructors, 4, t, 'zh')).toBe('4 人');
  });

  it('validates in the units people type', () => {
    expect(validateThreshold(thresholdSpecs.jobPlatformRate, null)).toBeUndefined();
    expect(validateThreshold(thresholdSpecs.jobPlatformRate, 1.2)).toMatchObject({ message: 'app.threshold.percent_range', args: { min: 0, max: 100 } });
    expect(validateThreshold(thresholdSpecs.certifiedInstructors, 2.5)).toMatchObject({ message: 'app.threshold.whole_number' });
    expect(validateThreshold(thresholdSpecs.termYears, null)).toMatchObject({ message: 'ra.validation.required' });
    expect(validateThreshold(thresholdSpecs.termYears, 11)).toMatchObject({ message: 'app.threshold.range' });
    expect(validateThreshold(thresholdSpecs.jobFairs, Number.NaN)).toMatchObject({ message: 'app.threshold.number' });
  });

  it('sends only the editable fields, the version and a comment', () => {
    const record = { id: 5, tier: 'talent_base', effectiveYear: 2024, version: 3, updatedAt: '2024-01-01', updatedBy: 1, jobFairs: null, practiceHours: 120, requiresSigning: true, comment: '  new rule ' };
    expect(toUpdateBody(record)).toEqual({ version: 3, jobFairs: null, practiceHours: 120, requiresSigning: true, comment: 'new rule' });
  });

  it('finds the policy in force: the latest effective year not after the year', () => {
    const policies = [
      { id: 1, tier: 'talent_base', effectiveYear: 2023 },
      { id: 2, tier: 'talent_base', effectiveYear: 2025 },
      { id: 3, tier: 'talent_base', effectiveYear: 2027 },
      { id: 4, tier: 'pilot_1x', effectiveYear: 2026 },
    ];
    expect([...policiesInForce(policies, 2026)].sort()).toEqual([2, 4]);
    expect([...policiesInForce(policies, 2024)]).toEqual([1]);
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { apiErrorBodySchema, complianceRecordSchema, kpiCellSchema, problemDetailSchema, signedInUserSchema, trendPointSchema } from './schemas.js';
import type { ApiErrorBody, ProblemDetail } from '../problem/problem-codes.js';
import type { ComplianceRecord, KpiCell, TrendPoint } from './compliance.js';
import type { SignedInUser } from './signed-in-user.js';
import { kpiNames } from '../kpi/kpi-names.js';

// The schemas are the record types: same keys (checked by tsc, which `npm test` runs on this file),
// and each schema's parsed value is a value of the type (the `satisfies` in schemas.ts).
describe('the shared API schemas', () => {
  it('have exactly the keys of the record types', () => {
    expectTypeOf<keyof z.infer<typeof complianceRecordSchema>>().toEqualTypeOf<keyof ComplianceRecord>();
    expectTypeOf<keyof z.infer<typeof kpiCellSchema>>().toEqualTypeOf<keyof KpiCell>();
    expectTypeOf<keyof z.infer<typeof trendPointSchema>>().toEqualTypeOf<keyof TrendPoint>();
    expectTypeOf<keyof z.infer<typeof signedInUserSchema>>().toEqualTypeOf<keyof SignedInUser>();
    expectTypeOf<keyof z.infer<typeof apiErrorBodySchema>>().toEqualTypeOf<keyof ApiErrorBody>();
    expectTypeOf<keyof z.infer<typeof problemDetailSchema>>().toEqualTypeOf<keyof ProblemDetail>();
  });

  it('name every KPI in a compliance record and a trend point', () => {
    expect(Object.keys(complianceRecordSchema.shape.kpis.shape)).toEqual([...kpiNames]);
    expect(Object.keys(trendPointSchema.shape)).toEqual(['month', 'asOf', ...kpiNames]);
  });

  it('accept a record as the server builds it and refuse one without its KPIs', () => {
    const cell = { value: 3, threshold: 2, met: true };
    const record = {
      id: '7-1', schoolId: 1, schoolName: '学校', regionId: 2, agreementId: 7, tier: 'pilot_1x', year: 1,
      from: '2025-09-01', to: '2026-08-31', asOf: '2026-06-15', current: true, awaitingFinalReview: false,
      compliant: true, failingKpis: [], kpis: Object.fromEntries(kpiNames.map((k) => [k, cell])), projection: null,
      enrolledStudents: 10, graduates: 0, certifiedStudents: 3, certificates1xVerified: 2, certificatesOperatorVerified: 0, computedFor: '2026-06-15',
    };
    expect(complianceRecordSchema.safeParse(record).success).toBe(true);
    expect(complianceRecordSchema.safeParse({ ...record, kpis: {} }).success).toBe(false);
  });
});

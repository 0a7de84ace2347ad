// The shared API records as zod schemas: the server declares them as its routes' response schemas
// (so /api/docs documents them) and checks its answers against them; each is typed by the record
// type of this folder, so the two cannot drift apart (schemas.test.ts checks the keys both ways).
// Imported as '@campus/common/api-schemas', apart from the package's index, so that a screen that
// needs only the types does not bundle zod.
import { z } from 'zod';
import { kpiNames, type KpiName } from '../kpi/kpi-names.js';
import { roles, tiers } from '../vocabulary.js';
import type { ComplianceProjection, ComplianceRecord, KpiCell, TrendPoint } from './compliance.js';
import type { SignedInUser } from './signed-in-user.js';
import { reviewRequirements, type ReviewContextRecord } from './review-context.js';
import { problemCodes, type ApiErrorBody, type ProblemDetail } from '../problem/problem-codes.js';

/** YYYY-MM-DD, a China calendar day. */
export const isoDateSchema = z.iso.date();

export const kpiCellSchema = z.object({
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  met: z.boolean().nullable(),
  projected: z.number().nullable().optional(),
  projectedMet: z.boolean().nullable().optional(),
}) satisfies z.ZodType<KpiCell>;

const perKpi = <T extends z.ZodType>(cell: T) =>
  z.object(Object.fromEntries(kpiNames.map((k) => [k, cell])) as Record<KpiName, T>);

export const complianceProjectionSchema = z.object({
  status: z.enum(['not_enough_data', 'projected']),
  daysElapsed: z.number(),
  compliant: z.boolean().optional(),
}) satisfies z.ZodType<ComplianceProjection>;

export const complianceRecordSchema = z.object({
  id: z.string(),
  schoolId: z.number().int(),
  schoolName: z.string(),
  regionId: z.number().int(),
  agreementId: z.number().int(),
  tier: z.enum(tiers),
  year: z.number().int(),
  from: isoDateSchema,
  to: isoDateSchema,
  asOf: isoDateSchema,
  current: z.boolean(),
  awaitingFinalReview: z.boolean(),
  compliant: z.boolean(),
  failingKpis: z.array(z.enum(kpiNames)),
  kpis: perKpi(kpiCellSchema),
  projection: complianceProjectionSchema.nullable(),
  enrolledStudents: z.number().int(),
  graduates: z.number().int(),
  certifiedStudents: z.number().int(),
  certificates1xVerified: z.number().int(),
  certificatesOperatorVerified: z.number().int(),
  computedFor: isoDateSchema,
}) satisfies z.ZodType<ComplianceRecord>;

export const trendPointSchema = z.object({
  month: z.string(),
  asOf: isoDateSchema,
  ...perKpi(z.number().nullable()).shape,
}) satisfies z.ZodType<TrendPoint>;

const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('regions'), regionIds: z.array(z.number().int()) }),
  z.object({ kind: z.literal('school'), schoolId: z.number().int() }),
  z.object({ kind: z.literal('provider'), providerId: z.number().int() }),
]);

export const signedInUserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  regionIds: z.array(z.number().int()),
  schoolId: z.number().int().nullable(),
  providerId: z.number().int().nullable(),
  locale: z.string(),
  scope: scopeSchema,
}) satisfies z.ZodType<SignedInUser>;

/** The fields every workflow record has (WorkflowRecord): a resource's record schema extends them. */
export const workflowRecordShape = {
  id: z.number().int(),
  status: z.string(),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
};

const problemParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))]));

export const problemDetailSchema = z.object({
  field: z.string().optional(),
  row: z.number().int().optional(),
  code: z.enum(problemCodes),
  params: problemParams.optional(),
  message: z.string(),
}) satisfies z.ZodType<ProblemDetail>;

/** The error body of every 4xx and 5xx answer (API.md "Errors"). */
export const apiErrorBodySchema = z.object({
  error: z.string(),
  code: z.enum(problemCodes),
  params: problemParams.optional(),
  message: z.string(),
  details: z.union([z.array(problemDetailSchema), z.record(z.string(), z.unknown())]).optional(),
}) satisfies z.ZodType<ApiErrorBody>;

const reviewValue = z.union([z.number(), z.boolean(), z.string(), z.null()]);
const valueChange = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });
const planItemSummary = z.object({ id: z.number().int().nullable(), kind: z.string(), title: z.string() });
const reviewComment = z.object({ action: z.string(), at: z.string(), actorName: z.string().nullable(), comment: z.string().nullable(), fieldComments: z.record(z.string(), z.string()) });

/** GET /api/{applications,agreements,evaluations}/:id/review-context (ReviewContextRecord). */
export const reviewContextSchema = z.object({
  subject: z.object({
    kind: z.enum(['application', 'agreement', 'evaluation']), id: z.number().int(), schoolId: z.number().int(), schoolName: z.string(),
    tier: z.enum(tiers), policyId: z.number().int(), policyYear: z.number().int(), agreementYear: z.number().int().nullable(),
  }),
  checklist: z.array(z.object({
    key: z.enum(reviewRequirements),
    required: z.record(z.string(), reviewValue),
    actual: z.record(z.string(), reviewValue),
    met: z.boolean().nullable(),
    source: z.enum(['plan', 'records', 'snapshot']),
    evidence: z.array(z.object({ label: z.string(), detail: z.string().nullable(), date: isoDateSchema.nullable(), counts: z.boolean().nullable() })),
  })),
  history: z.object({
    school: z.object({ id: z.number().int(), name: z.string(), regionId: z.number().int(), tier: z.enum(tiers).nullable(), status: z.string() }),
    agreements: z.array(z.object({
      id: z.number().int(), tier: z.enum(tiers), status: z.string(), startDate: isoDateSchema.nullable(), termYears: z.number().int(), endedOn: isoDateSchema.nullable(),
      evaluations: z.array(z.object({ id: z.number().int(), year: z.number().int(), status: z.string(), decision: z.string().nullable(), reason: z.string().nullable(), decidedAt: z.string().nullable() })),
    })),
    compliance: z.array(z.object({ agreementId: z.number().int(), year: z.number().int(), from: isoDateSchema, to: isoDateSchema, current: z.boolean(), compliant: z.boolean(), failingKpis: z.array(z.string()) })),
    instructors: z.array(z.object({
      id: z.number().int(), name: z.string(), validToday: z.boolean(),
      certifications: z.array(z.object({ certNo: z.string(), level: z.string(), validFrom: isoDateSchema, validTo: isoDateSchema })),
    })),
    applications: z.array(z.object({
      id: z.number().int(), tier: z.enum(tiers), status: z.string(), submittedAt: z.string().nullable(), decidedAt: z.string().nullable(), reviews: z.array(reviewComment),
    })),
  }),
  resubmission: z.object({
    returnedAt: z.string(), returnedBy: z.string().nullable(), action: z.string(), comment: z.string().nullable(), fieldComments: z.record(z.string(), z.string()),
    diff: z.object({ fields: z.array(valueChange), added: z.array(planItemSummary), removed: z.array(planItemSummary), changed: z.array(planItemSummary.extend({ fields: z.array(valueChange) })), empty: z.boolean() }).nullable(),
  }).nullable(),
}) satisfies z.ZodType<ReviewContextRecord>;

export { programmeReportSchema } from './programme-report-schema.js';

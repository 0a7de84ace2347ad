import { qualified } from '../../db/qualified.js';
import { z } from 'zod';
import { eq, inArray, sql } from 'drizzle-orm';
import { instructorCertifications, instructors } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, dateValue, idValue, oneOrMany } from '../../lib/filters.js';
import { isoDate } from '../../lib/dates.js';
import type { Tx } from '../../db/client.js';
import type { FactResource, ImportProblem } from './fact-resource.js';
import { schoolOfWriter } from './fact-school.js';
import { cell } from '../import/cells.js';
import { updateSchemaOf } from './update-schema.js';
import { instructorRecord } from './fact-records.js';

const certification = z.strictObject({
  id: z.number().int().optional(),
  certNo: z.string().trim().min(1, 'give the certification number').max(100),
  level: z.enum(['junior', 'intermediate', 'senior']),
  validFrom: isoDate,
  validTo: isoDate,
}).refine((c) => c.validTo >= c.validFrom, { message: 'validTo cannot be before validFrom', path: ['validTo'], params: { code: 'date_before', other: 'validFrom' } });

const body = {
  name: z.string().trim().min(1, 'is required').max(100),
  staffNo: z.string().trim().max(50).nullable().optional(),
  email: z.string().trim().max(200).nullable().optional(),
  /** The 1+X instructor certifications (replaces the list). */
  certifications: z.array(certification).max(20).optional(),
  schoolId: z.number().int().optional(),
};
/** The import reads a flat row: one certification per instructor. */
const csvBody = z.strictObject({
  name: body.name, staffNo: body.staffNo, email: body.email,
  certNo: z.string().trim().min(1).max(100).optional(), certLevel: z.enum(['junior', 'intermediate', 'senior']).optional(),
  certValidFrom: isoDate.optional(), certValidTo: isoDate.optional(),
});

export const instructorSpec: ResourceSpec = {
  name: 'instructors',
  noun: 'instructor',
  record: instructorRecord,
  table: instructors,
  id: instructors.id,
  schoolId: instructors.schoolId,
  columns: {
    id: instructors.id, schoolId: instructors.schoolId, name: instructors.name, staffNo: instructors.staffNo, email: instructors.email, createdAt: instructors.createdAt,
    certifications: sql<unknown[]>`coalesce((SELECT json_agg(json_build_object('id', c.id, 'certNo', c.cert_no, 'level', c.level, 'validFrom', to_char(c.valid_from, 'YYYY-MM-DD'), 'validTo', to_char(c.valid_to, 'YYYY-MM-DD')) ORDER BY c.valid_to DESC) FROM instructor_certifications c WHERE c.instructor_id = ${qualified(instructors.id)}), '[]'::json)`.as('certifications'),
    validToday: sql<boolean>`EXISTS (SELECT 1 FROM instructor_certifications c WHERE c.instructor_id = ${qualified(instructors.id)} AND c.valid_from <= current_date AND c.valid_to >= current_date)`.as('valid_today'),
  },
  sortable: { id: instructors.id, name: instructors.name, staffNo: instructors.staffNo },
  defaultSort: ['name', 'ASC'],
  search: [instructors.name, instructors.staffNo],
  filters: {
    schoolId: filterDef(oneOrMany(idValue), (v) => inArray(instructors.schoolId, asList(v))),
    /** Instructors with a certification valid on a day (the KPI's drill-down). */
    certifiedOn: filterDef(dateValue, (v) => sql`EXISTS (SELECT 1 FROM instructor_certifications c WHERE c.instructor_id = ${qualified(instructors.id)} AND c.valid_from <= ${v}::date AND c.valid_to >= ${v}::date)`),
  },
};

async function replaceCertifications(tx: Tx, instructorId: number, schoolId: number, certs: z.infer<typeof certification>[]) {
  await tx.delete(instructorCertifications).where(eq(instructorCertifications.instructorId, instructorId));
  if (certs.length) {
    await tx.insert(instructorCertifications).values(certs.map((c) => ({ instructorId, schoolId, certNo: c.certNo, level: c.level, validFrom: c.validFrom, validTo: c.validTo })));
  }
}

export const instructorResource: FactResource = {
  spec: instructorSpec,
  table: instructors,
  idColumn: instructors.id,
  schoolIdColumn: instructors.schoolId,
  entityType: 'instructor',
  createBody: z.strictObject(body),
  updateBody: updateSchemaOf(body, ['id', 'createdAt', 'validToday']),
  async resolve(_tx, actor, _scope, raw, current) {
    const input = raw as Partial<z.infer<z.ZodObject<typeof body>>>;
    const schoolId = schoolOfWriter(actor, input.schoolId ?? current?.schoolId);
    return {
      schoolId,
      name: (input.name ?? current?.name) as string,
      staffNo: (input.staffNo !== undefined ? input.staffNo : current?.staffNo ?? null) as string | null,
      email: (input.email !== undefined ? input.email : current?.email ?? null) as string | null,
    };
  },
  async afterWrite(tx, id, raw, values) {
    const input = raw as { certifications?: z.infer<typeof certification>[] };
    if (input.certifications) await replaceCertifications(tx, id, values.schoolId, input.certifications);
  },
  csv: {
    columns: [
      { key: 'name', aliases: ['姓名'], required: true, example: '张敏' },
      { key: 'staffNo', aliases: ['工号'], example: 'T2019001' },
      { key: 'email', aliases: ['邮箱'], example: 'zhangmin@example.edu.cn' },
      { key: 'certNo', aliases: ['认证编号'], example: '1X-B2B-T-2024-0001' },
      { key: 'certLevel', aliases: ['认证级别'], example: 'senior' },
      { key: 'certValidFrom', aliases: ['认证有效期起'], type: 'date', example: '2024-07-01' },
      { key: 'certValidTo', aliases: ['认证有效期止'], type: 'date', example: '2027-06-30' },
    ],
    body: csvBody,
    parse: (r) => ({ name: cell.text(r.name), staffNo: cell.text(r.staffNo), email: cell.text(r.email), certNo: cell.text(r.certNo), certLevel: cell.text(r.certLevel), certValidFrom: cell.text(r.certValidFrom), certValidTo: cell.text(r.certValidTo) }),
    async resolveMany(_tx, actor, _scope, rows) {
      const schoolId = schoolOfWriter(actor, undefined);
      const problems: ImportProblem[] = [];
      const typed = rows as unknown as { line: number; input: z.infer<typeof csvBody> }[];
      for (const { line, input } of typed) {
        const any = input.certNo || input.certLevel || input.certValidFrom || input.certValidTo;
        if (any && !(input.certNo && input.certLevel && input.certValidFrom && input.certValidTo)) problems.push({ row: line, field: 'certNo', code: 'certification_incomplete' });
        if (input.certValidFrom && input.certValidTo && input.certValidTo < input.certValidFrom) problems.push({ row: line, field: 'certValidTo', code: 'date_before', params: { other: 'certValidFrom' } });
      }
      return {
        problems,
        values: typed.map(({ input }) => ({ schoolId, name: input.name, staffNo: input.staffNo ?? null, email: input.email ?? null })),
        after: async (tx, ids) => {
          const certs = ids.flatMap((instructorId, i) => {
            const c = typed[i].input;
            return c.certNo ? [{ instructorId, schoolId, certNo: c.certNo, level: c.certLevel!, validFrom: c.certValidFrom!, validTo: c.certValidTo! }] : [];
          });
          for (let i = 0; i < certs.length; i += 1000) await tx.insert(instructorCertifications).values(certs.slice(i, i + 1000));
        },
      };
    },
  },
};

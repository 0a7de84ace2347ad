import { qualified } from '../../db/qualified.js';
import { z } from 'zod';
import { and, eq, inArray, not, sql } from 'drizzle-orm';
import { instructorCertifications, instructors } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, dateValue, idValue, oneOrMany } from '../../lib/filters.js';
import { isoDate } from '../../lib/dates.js';
import type { Tx } from '../../db/client.js';
import type { FactResource, KeyedFact } from './fact-resource.js';
import { instructorCertificationLevels } from '@campus/common/vocabulary';
import { certLevelValues } from './import/fact-vocabulary.js';
import { schoolOfWriter } from './fact-school.js';
import { cell } from '../import/cells.js';
import { updateSchemaOf } from './update-schema.js';
import { instructorRecord } from './fact-records.js';

const certification = z.strictObject({
  id: z.number().int().optional(),
  // Where a certification came from (an instructor training), as the record says: read-only, sent back by the edit form.
  trainingId: z.unknown().optional(),
  trainingTitle: z.unknown().optional(),
  certNo: z.string().trim().min(1, 'give the certification number').max(100),
  level: z.enum(instructorCertificationLevels),
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
/**
 * The import reads a flat row: an instructor with one certification (or none), as the export writes
 * it; an instructor with several certifications takes one row each, with the staff number repeated
 * (rows with one staff number are one instructor: naturalKey.merge below).
 */
const csvBody = z.strictObject({
  name: body.name, staffNo: body.staffNo, email: body.email,
  certNo: z.string().trim().min(1).max(100).optional(), certLevel: z.enum(instructorCertificationLevels).optional(),
  certValidFrom: isoDate.optional(), certValidTo: isoDate.optional(),
})
  .refine((c) => !(c.certNo || c.certLevel || c.certValidFrom || c.certValidTo) || !!(c.certNo && c.certLevel && c.certValidFrom && c.certValidTo),
    { path: ['certNo'], params: { code: 'certification_incomplete' } })
  .refine((c) => !(c.certValidFrom && c.certValidTo) || c.certValidTo >= c.certValidFrom,
    { path: ['certValidTo'], params: { code: 'date_before', other: 'certValidFrom' } });
type CsvCertification = Omit<z.infer<typeof certification>, 'id'>;
/** A row of the import, with the certifications of the later rows of its staff number folded in (`certs`). */
type CsvInput = z.infer<typeof csvBody> & { certs?: CsvCertification[] };

/** The certifications a row (or a staff number's rows) gives. */
function certsOf(input: CsvInput): CsvCertification[] {
  if (input.certs) return input.certs;
  return input.certNo ? [{ certNo: input.certNo, level: input.certLevel!, validFrom: input.certValidFrom!, validTo: input.certValidTo! }] : [];
}

/** A list of certifications compared as a set (the order of the rows does not matter). */
const certsKey = (certs: CsvCertification[]) => certs.map((c) => `${c.certNo}|${c.level}|${c.validFrom}|${c.validTo}`).sort().join('\n');

export const instructorSpec: ResourceSpec = {
  name: 'instructors',
  noun: 'instructor',
  record: instructorRecord,
  table: instructors,
  id: instructors.id,
  schoolId: instructors.schoolId,
  columns: {
    id: instructors.id, schoolId: instructors.schoolId, name: instructors.name, staffNo: instructors.staffNo, email: instructors.email, createdAt: instructors.createdAt,
    // Each with the training whose pass issued it (null: entered by the school).
    certifications: sql<unknown[]>`coalesce((SELECT json_agg(json_build_object('id', c.id, 'certNo', c.cert_no, 'level', c.level, 'validFrom', to_char(c.valid_from, 'YYYY-MM-DD'), 'validTo', to_char(c.valid_to, 'YYYY-MM-DD'),
      'trainingId', p.training_id, 'trainingTitle', t.title) ORDER BY c.valid_to DESC)
      FROM instructor_certifications c LEFT JOIN instructor_training_participants p ON p.certification_id = c.id LEFT JOIN instructor_trainings t ON t.id = p.training_id
      WHERE c.instructor_id = ${qualified(instructors.id)}), '[]'::json)`.as('certifications'),
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

/**
 * Replaces the certifications the school entered. Those an instructor training issued stay as they are (HQ's
 * record, removed with the training's participant): an edit sending them back, or leaving them out, keeps them.
 */
async function replaceCertifications(tx: Tx, instructorId: number, schoolId: number, certs: Omit<z.infer<typeof certification>, 'trainingId' | 'trainingTitle'>[]) {
  const fromTraining = sql`${instructorCertifications.id} IN (SELECT p.certification_id FROM instructor_training_participants p WHERE p.certification_id IS NOT NULL)`;
  await tx.delete(instructorCertifications).where(and(eq(instructorCertifications.instructorId, instructorId), not(fromTraining)));
  const kept = new Set((await tx.select({ certNo: instructorCertifications.certNo }).from(instructorCertifications).where(eq(instructorCertifications.instructorId, instructorId))).map((c) => c.certNo));
  const entered = certs.filter((c) => !kept.has(c.certNo));
  if (entered.length) {
    await tx.insert(instructorCertifications).values(entered.map((c) => ({ instructorId, schoolId, certNo: c.certNo, level: c.level, validFrom: c.validFrom, validTo: c.validTo })));
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
      { key: 'name', aliases: ['姓名', 'Name'], required: true, example: '张敏' },
      { key: 'staffNo', aliases: ['工号', 'Staff no.'], example: 'T2019001' },
      { key: 'email', aliases: ['邮箱', 'Email'], example: 'zhangmin@example.edu.cn' },
      { key: 'certNo', aliases: ['认证编号', 'Certification no.'], example: '1X-B2B-T-2024-0001' },
      { key: 'certLevel', aliases: ['认证级别', 'Certification level'], example: '高级', values: certLevelValues },
      { key: 'certValidFrom', aliases: ['认证有效期起', 'Certification valid from'], type: 'date', example: '2024-07-01' },
      { key: 'certValidTo', aliases: ['认证有效期止', 'Certification valid to'], type: 'date', example: '2027-06-30' },
    ],
    body: csvBody,
    // The export's school and "valid today" columns are not the import's (the school is the writer's; validity follows the dates).
    ignoredHeaders: ['院校', 'School', 'schoolName', '今日有效', 'Valid today', 'validToday'],
    parse: (r) => ({ name: cell.text(r.name), staffNo: cell.text(r.staffNo), email: cell.text(r.email), certNo: cell.text(r.certNo), certLevel: cell.text(r.certLevel), certValidFrom: cell.text(r.certValidFrom), certValidTo: cell.text(r.certValidTo) }),
    // The certification's cells are checked row by row (the row schema); staff numbers already recorded and repeated rows are the kit's (the key below).
    async resolveMany(_tx, actor, _scope, rows) {
      const schoolId = schoolOfWriter(actor, undefined);
      const typed = rows as unknown as { line: number; input: CsvInput }[];
      return {
        problems: [],
        values: typed.map(({ input }) => ({ schoolId, name: input.name, staffNo: input.staffNo ?? null, email: input.email ?? null })),
        after: async (tx, ids) => {
          const certs = ids.flatMap((instructorId, i) => certsOf(typed[i].input).map((c) => ({ instructorId, schoolId, certNo: c.certNo, level: c.level, validFrom: c.validFrom, validTo: c.validTo })));
          for (let i = 0; i < certs.length; i += 1000) await tx.insert(instructorCertifications).values(certs.slice(i, i + 1000));
        },
      };
    },
    /** The staff number within the school: `?mode=upsert` updates the instructor (name, email, the certifications as a whole). */
    key: {
      field: 'staffNo',
      of: (input) => (input as CsvInput).staffNo?.trim() || undefined,
      merge: (first, later) => ({ ...first, certs: [...certsOf(first as CsvInput), ...certsOf(later as CsvInput)] }),
      async find(tx, schoolId, keys) {
        const found = new Map<string, KeyedFact>();
        for (let i = 0; i < keys.length; i += 5000) {
          const rows = await tx.select().from(instructors).where(and(eq(instructors.schoolId, schoolId), inArray(instructors.staffNo, keys.slice(i, i + 5000))));
          const certs = rows.length ? await tx.select().from(instructorCertifications).where(inArray(instructorCertifications.instructorId, rows.map((r) => r.id))) : [];
          for (const r of rows) {
            const own = certs.filter((c) => c.instructorId === r.id).map((c) => ({ certNo: c.certNo, level: c.level as CsvCertification['level'], validFrom: c.validFrom, validTo: c.validTo }));
            found.set(r.staffNo!, { id: r.id, label: `${r.staffNo} ${r.name}`, name: r.name, email: r.email, certs: own });
          }
        }
        return found;
      },
      // An empty cell keeps the record's value; rows without a certification keep the instructor's certifications.
      changes: (existing, raw) => {
        const input = raw as CsvInput;
        const certs = certsOf(input);
        return [
          ...(input.name !== existing.name ? ['name'] : []),
          ...(input.email != null && input.email !== existing.email ? ['email'] : []),
          ...(certs.length && certsKey(certs) !== certsKey(existing.certs as CsvCertification[]) ? ['certifications'] : []),
        ];
      },
      updateInput: async (_tx, _schoolId, raw) => {
        const input = raw as CsvInput;
        const certs = certsOf(input);
        return { name: input.name, ...(input.email != null ? { email: input.email } : {}), ...(certs.length ? { certifications: certs } : {}) };
      },
    },
  },
};

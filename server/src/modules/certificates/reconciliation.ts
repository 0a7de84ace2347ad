import { z } from 'zod';
import { sql, type SQL } from 'drizzle-orm';
import { certificateKinds, certificateStatuses, type Scope } from '@campus/common';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import { badRequest } from '../../lib/errors.js';
import type { ListParams } from '../../lib/list-query.js';
import { recordId } from '../../lib/response-schemas.js';
import { schoolScopeCondition } from '../access/scope-filter.js';

/**
 * The problems the reconciliation of certificate numbers lists for HQ (issue 18 item 4):
 * - `issued_elsewhere`: a school's claimed certificate whose number is verified for another student (or kind);
 * - `claimed_twice`: a claimed number that another student's claim carries too (a row for each claim);
 * - `certified_twice`: a student with two or more certificates of one kind, claimed or verified (a row a student and kind).
 */
export const reconciliationProblems = ['issued_elsewhere', 'claimed_twice', 'certified_twice'] as const;

/**
 * Another certificate of a problem. One of a school outside the user's scope (regional staff: another region's) keeps
 * what it is (number, kind, status, date) and says `outOfScope`; its school and student are not named (null).
 */
const other = z.object({
  certificateId: recordId, schoolId: recordId.nullable(), schoolName: z.string().nullable(), studentId: recordId.nullable(), studentName: z.string().nullable(),
  studentNo: z.string().nullable(), kind: z.enum(certificateKinds), certNo: z.string().nullable(), status: z.enum(certificateStatuses), issuedOn: z.string(),
  outOfScope: z.boolean(),
});

/** One row of GET /api/certificate-reconciliation. */
export const reconciliationRecord = z.object({
  /** `<problem>-<certificate id>`, or `certified_twice-<student id>-<kind>`. */
  id: z.string(),
  problem: z.enum(reconciliationProblems),
  schoolId: recordId, schoolName: z.string(), regionId: recordId,
  studentId: recordId, studentName: z.string(), studentNo: z.string(),
  kind: z.enum(certificateKinds),
  certNo: z.string().nullable(),
  /** The school's certificate the row is about (certified_twice: the student's first of the kind). */
  certificateId: recordId,
  /** The other certificates involved: the verified one of the number, the other claims of it, the student's others of the kind. */
  others: z.array(other),
});
export type ReconciliationRecord = z.infer<typeof reconciliationRecord>;

const filterSchema = z.object({
  problem: z.union([z.enum(reconciliationProblems), z.array(z.enum(reconciliationProblems))]).optional(),
  schoolId: z.union([z.coerce.number().int().positive(), z.array(z.coerce.number().int().positive())]).optional(),
  q: z.string().max(200).optional(),
}).strict();

// A Map, not an object: a sort named after Object.prototype's keys (__proto__, toString) must be unknown, not found.
const sortable = new Map(Object.entries({ schoolName: 'r.school_name', problem: 'r.problem', certNo: 'r.cert_no', studentName: 'r.student_name', id: 'r.id' }));
const list = <T>(v: T | T[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** A certificate `c` (joined to `<c>s`, its school, and `<c>st`, its student) as an entry of `others`. */
const certificateJson = (c: string, visible: SQL) => {
  const what = `'certificateId', ${c}.id, 'kind', ${c}.kind, 'certNo', ${c}.cert_no, 'status', ${c}.status, 'issuedOn', to_char(${c}.issued_on, 'YYYY-MM-DD')`;
  return sql`CASE WHEN ${visible}
    THEN jsonb_build_object(${sql.raw(what)}, 'schoolId', ${sql.raw(`${c}.school_id, 'schoolName', ${c}s.name, 'studentId', ${c}.student_id, 'studentName', ${c}st.name, 'studentNo', ${c}st.student_no`)}, 'outOfScope', false)
    ELSE jsonb_build_object(${sql.raw(what)}, 'schoolId', NULL, 'schoolName', NULL, 'studentId', NULL, 'studentName', NULL, 'studentNo', NULL, 'outOfScope', true) END`;
};

/**
 * Every problem of every school in scope (their own certificates: the row's school), in one statement, as a page of
 * ra-data-simple-rest's list with its total. The numbers are compared through certificates' cert_no index.
 */
export async function listReconciliation(db: Executor, scope: Scope, params: ListParams): Promise<{ data: ReconciliationRecord[]; total: number }> {
  const { id: _ids, ...rest } = params.filter;
  const parsed = filterSchema.safeParse(rest);
  if (!parsed.success) throw badRequest('filter_invalid', [{ field: 'filter', code: 'filter_invalid' }]);
  const column = sortable.get(params.sort.field);
  if (!column) throw badRequest({ code: 'sort_unknown', params: { field: params.sort.field } }, [{ field: 'sort', code: 'sort_unknown', params: { field: params.sort.field } }]);
  const f = parsed.data;
  // Whether the user may see a certificate's school and student: the same scope as the rows', applied to each other party.
  const visible = (c: string) => schoolScopeCondition(scope, sql.raw(`${c}.school_id`)) ?? sql`true`;
  const where: SQL[] = [];
  const scoped = schoolScopeCondition(scope, sql`r.school_id`);
  if (scoped) where.push(scoped);
  const problems = list(f.problem);
  if (problems) where.push(sql`r.problem IN (${sql.join(problems.map((p) => sql`${p}`), sql`, `)})`);
  const schoolIds = list(f.schoolId);
  if (schoolIds) where.push(sql`r.school_id IN (${sql.join(schoolIds.map((s) => sql`${s}`), sql`, `)})`);
  if (Array.isArray(_ids)) where.push(sql`r.id IN (${sql.join(_ids.map((x) => sql`${String(x)}`), sql`, `)})`);
  if (f.q?.trim()) where.push(sql`(r.cert_no ILIKE ${'%' + f.q.trim() + '%'} OR r.student_name ILIKE ${'%' + f.q.trim() + '%'} OR r.school_name ILIKE ${'%' + f.q.trim() + '%'})`);

  const rows = await queryRows<ReconciliationRecord & { total: number }>(db, sql`
WITH r AS (
  SELECT 'issued_elsewhere' AS problem, 'issued_elsewhere-' || c.id AS id, c.school_id, cs.name AS school_name, cs.region_id,
         c.student_id, cst.name AS student_name, cst.student_no, c.kind, c.cert_no, c.id AS certificate_id,
         jsonb_build_array(${certificateJson('v', visible('v'))}) AS others
  FROM certificates c JOIN students cst ON cst.id = c.student_id JOIN schools cs ON cs.id = c.school_id
  JOIN certificates v ON v.cert_no = c.cert_no AND v.status = 'verified' AND (v.student_id <> c.student_id OR v.kind <> c.kind)
  JOIN students vst ON vst.id = v.student_id JOIN schools vs ON vs.id = v.school_id
  WHERE c.status = 'claimed' AND c.cert_no IS NOT NULL
  UNION ALL
  SELECT 'claimed_twice', 'claimed_twice-' || c.id, c.school_id, cs.name, cs.region_id, c.student_id, cst.name, cst.student_no, c.kind, c.cert_no, c.id,
         o.others
  FROM certificates c JOIN students cst ON cst.id = c.student_id JOIN schools cs ON cs.id = c.school_id
  CROSS JOIN LATERAL (
    SELECT jsonb_agg(${certificateJson('o', visible('o'))} ORDER BY o.id) AS others
    FROM certificates o JOIN students ost ON ost.id = o.student_id JOIN schools os ON os.id = o.school_id
    WHERE o.cert_no = c.cert_no AND o.status = 'claimed' AND o.student_id <> c.student_id
  ) o
  WHERE c.status = 'claimed' AND c.cert_no IS NOT NULL AND o.others IS NOT NULL
  UNION ALL
  SELECT 'certified_twice', 'certified_twice-' || d.student_id || '-' || d.kind, st.school_id, ds.name, ds.region_id, d.student_id, st.name, st.student_no,
         d.kind, d.cert_nos[1], d.ids[1], d.others
  FROM (
    SELECT c.student_id, c.kind, array_agg(c.id ORDER BY c.id) AS ids, array_agg(c.cert_no ORDER BY c.id) AS cert_nos,
           jsonb_agg(${certificateJson('c', visible('c'))} ORDER BY c.id) AS others
    FROM certificates c JOIN students cst ON cst.id = c.student_id JOIN schools cs ON cs.id = c.school_id
    GROUP BY c.student_id, c.kind HAVING count(*) > 1
  ) d JOIN students st ON st.id = d.student_id JOIN schools ds ON ds.id = st.school_id
)
SELECT r.id, r.problem, r.school_id AS "schoolId", r.school_name AS "schoolName", r.region_id AS "regionId", r.student_id AS "studentId",
       r.student_name AS "studentName", r.student_no AS "studentNo", r.kind, r.cert_no AS "certNo", r.certificate_id AS "certificateId",
       r.others, count(*) OVER () AS total
FROM r
${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
ORDER BY ${sql.raw(column)} ${sql.raw(params.sort.order)}, r.id
LIMIT ${params.range.limit} OFFSET ${params.range.offset}`);
  const total = rows.length ? Number(rows[0].total) : 0;
  return { data: rows.map(({ total: _t, ...r }) => ({ ...r, schoolId: Number(r.schoolId), regionId: Number(r.regionId), studentId: Number(r.studentId), certificateId: Number(r.certificateId) })), total };
}

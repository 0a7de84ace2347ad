import { qualified } from '../../db/qualified.js';
import { z } from 'zod';
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { allowedActions, certificateTransitions, type CertificateStatus } from '@campus/common';
import { certificates, certificateKinds, certificateStatuses, students } from '../../db/schema/index.js';
import { certificateKindValues } from './import/fact-vocabulary.js';
import { studentIdsByNo } from './fact-school.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, dateValue, idValue, oneOrMany } from '../../lib/filters.js';
import { happenedOn } from './fact-dates.js';
import type { FactResource, KeyedFact } from './fact-resource.js';
import { resolveStudent, resolveStudentNumbers } from './student-facts.js';
import { cell } from '../import/cells.js';
import { updateSchemaOf } from './update-schema.js';
import { certificateRecord } from './fact-records.js';
import { claimsOfVerifiedNumbers, refuseVerified, refuseVerifiedNumber, verifiedLock } from './certificate-status.js';

const body = {
  studentId: z.number().int().positive().optional(),
  studentNo: z.string().max(50).optional(),
  kind: z.enum(certificateKinds),
  certNo: z.string().trim().max(100).nullable().optional(),
  issuedOn: happenedOn,
  schoolId: z.number().int().optional(),
};
export const certificateCreate = z.strictObject(body);
export const certificateUpdate = updateSchemaOf(body, ['id', 'createdAt', 'studentName', 'studentNo', 'status', 'verifiedAt', 'verifiedBy', 'allowedActions']);

export const certificateSpec: ResourceSpec = {
  name: 'certificates',
  noun: 'certificate',
  record: certificateRecord,
  table: certificates,
  id: certificates.id,
  schoolId: certificates.schoolId,
  columns: {
    id: certificates.id, schoolId: certificates.schoolId, studentId: certificates.studentId, kind: certificates.kind,
    certNo: certificates.certNo, issuedOn: certificates.issuedOn, createdAt: certificates.createdAt,
    status: certificates.status, verifiedAt: certificates.verifiedAt, verifiedBy: certificates.verifiedBy,
    studentName: sql<string>`(SELECT s.name FROM students s WHERE s.id = ${qualified(certificates.studentId)})`.as('student_name'),
    studentNo: sql<string>`(SELECT s.student_no FROM students s WHERE s.id = ${qualified(certificates.studentId)})`.as('student_no'),
  },
  sortable: { id: certificates.id, kind: certificates.kind, issuedOn: certificates.issuedOn, studentId: certificates.studentId, status: certificates.status },
  defaultSort: ['issuedOn', 'DESC'],
  search: [certificates.certNo, sql`(SELECT s.name FROM students s WHERE s.id = ${qualified(certificates.studentId)})`],
  filters: {
    schoolId: filterDef(oneOrMany(idValue), (v) => inArray(certificates.schoolId, asList(v))),
    studentId: filterDef(idValue, (v) => eq(certificates.studentId, v)),
    kind: filterDef(oneOrMany(z.enum([...certificateKinds, '1x'])), (v) => inArray(certificates.kind, asList(v).flatMap((k) => (k === '1x' ? ['1x_junior', '1x_intermediate', '1x_senior'] : [k])))),
    issuedFrom: filterDef(dateValue, (v) => gte(certificates.issuedOn, v)),
    issuedBefore: filterDef(dateValue, (v) => lt(certificates.issuedOn, v)),
    status: filterDef(oneOrMany(z.enum(certificateStatuses)), (v) => inArray(certificates.status, asList(v))),
  },
  // HQ's verify of a claimed certificate (certificateTransitions; modules/certificates).
  enrich: (rows, actor) => rows.map((r) => ({ ...r, allowedActions: allowedActions(certificateTransitions, r.status as CertificateStatus, actor.role) })),
};

export const certificateResource: FactResource = {
  spec: certificateSpec,
  table: certificates,
  idColumn: certificates.id,
  schoolIdColumn: certificates.schoolId,
  entityType: 'certificate',
  createBody: certificateCreate,
  updateBody: certificateUpdate,
  // A verified certificate is the programme's record: a school neither edits nor deletes it (409), nor a student with one.
  locked: verifiedLock,
  async resolve(tx, actor, scope, raw, current) {
    refuseVerified(current);
    const input = raw as z.infer<typeof certificateUpdate>;
    const { studentId, schoolId } = await resolveStudent(tx, actor, scope, input.studentId ?? current?.studentId, input.schoolId);
    const values = {
      schoolId, studentId,
      kind: (input.kind ?? current?.kind) as string,
      certNo: ((input.certNo !== undefined ? input.certNo : current?.certNo ?? null) as string | null) || null,
      issuedOn: (input.issuedOn ?? current?.issuedOn) as string,
    };
    // The same number verified for the same student and kind is on record already (400); for someone else it is
    // stored as a claim, and the reconciliation lists it.
    await refuseVerifiedNumber(tx, values, current?.id as number | undefined);
    return values;
  },
  csv: {
    columns: [
      { key: 'studentNo', aliases: ['学号', 'Student no.'], required: true, example: '2024010101' },
      { key: 'kind', aliases: ['证书类型', 'Kind'], required: true, example: '1+X初级', values: certificateKindValues },
      { key: 'certNo', aliases: ['证书编号', 'Certificate no.'], example: '1X-2026-000123' },
      { key: 'issuedOn', aliases: ['发证日期', 'Issued on'], required: true, type: 'date', example: '2026-06-20' },
    ],
    // The export's student name (and, for staff, school) beside the number, and its status (claimed or verified).
    ignoredHeaders: ['学生姓名', 'studentName', 'Student', '院校', 'School', 'schoolName', '状态', 'Status', 'status'],
    key: {
      field: 'certNo',
      of: (input) => (typeof input.certNo === 'string' && input.certNo.trim() ? input.certNo.trim() : undefined),
      async find(tx, schoolId, keys) {
        const found = new Map<string, KeyedFact>();
        for (let i = 0; i < keys.length; i += 5000) {
          const rows = await tx.select({ id: certificates.id, certNo: certificates.certNo, kind: certificates.kind, issuedOn: certificates.issuedOn, studentNo: students.studentNo, status: certificates.status })
            .from(certificates).innerJoin(students, eq(students.id, certificates.studentId))
            .where(and(eq(certificates.schoolId, schoolId), inArray(certificates.certNo, keys.slice(i, i + 5000))));
          for (const r of rows) if (r.certNo && !found.has(r.certNo)) found.set(r.certNo, { ...r, label: r.certNo });
        }
        return found;
      },
      changes: (existing, input) => (['studentNo', 'kind', 'issuedOn'] as const)
        .filter((f) => input[f] !== undefined && String(input[f]) !== String(existing[f] ?? '')),
      async updateInput(tx, schoolId, input) {
        const ids = await studentIdsByNo(tx, schoolId, [String(input.studentNo ?? '')]);
        return { kind: input.kind, issuedOn: input.issuedOn, studentId: ids.get(String(input.studentNo ?? '')) };
      },
    },
    parse: (r) => ({ studentNo: cell.text(r.studentNo), kind: cell.text(r.kind), certNo: cell.text(r.certNo), issuedOn: cell.text(r.issuedOn) }),
    async resolveMany(tx, actor, _scope, rows) {
      const { schoolId, problems, resolved } = await resolveStudentNumbers(tx, actor, rows as never);
      const values = resolved.map(({ input, studentId }) => {
        const i = input as z.infer<typeof certificateCreate>;
        return { schoolId, studentId, kind: i.kind, certNo: i.certNo || null, issuedOn: i.issuedOn };
      });
      for (const i of await claimsOfVerifiedNumbers(tx, values)) {
        problems.push({ row: resolved[i].line, field: 'certNo', code: 'certificate_already_verified', params: { certNo: values[i].certNo ?? '' } });
      }
      return { problems, values };
    },
  },
};

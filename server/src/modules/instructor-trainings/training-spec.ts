import { z } from 'zod';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { qualified } from '../../db/qualified.js';
import { instructorTrainingParticipants as participants, instructorTrainings as trainings } from '../../db/schema/index.js';
import { queryRows } from '../../db/raw.js';
import { instructorCertificationLevels, scopeOf, type Scope } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, dateValue, idValue, oneOrMany } from '../../lib/filters.js';
import { participantRecord, trainingRecord } from './training-record.js';

/**
 * Trainings: HQ and regional staff read every one (a training is the programme's, held for
 * instructors of any school); a school reads the trainings its instructors took; providers none.
 */
export const trainingScope = (scope: Scope) => {
  if (scope.kind === 'all' || scope.kind === 'regions') return undefined;
  if (scope.kind === 'school') return sql`${qualified(trainings.id)} IN (SELECT p.training_id FROM instructor_training_participants p WHERE p.school_id = ${scope.schoolId})`;
  return sql`false`;
};

/** The participants of the trainings the reader may see, counted within the reader's scope (a school counts its own). */
async function withCounts(rows: Record<string, unknown>[], scope: Scope, db: Parameters<NonNullable<ResourceSpec['enrich']>>[2]) {
  const ids = rows.map((r) => Number(r.id));
  if (!ids.length) return rows;
  const counts = await queryRows<{ training_id: number; participants: number; passed: number }>(db, sql`
    SELECT p.training_id, count(*)::int AS participants, (count(*) FILTER (WHERE p.passed))::int AS passed
    FROM instructor_training_participants p
    WHERE p.training_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) AND ${schoolScopeCondition(scope, sql`p.school_id`) ?? sql`true`}
    GROUP BY p.training_id`);
  const byId = new Map(counts.map((c) => [Number(c.training_id), c]));
  return rows.map((r) => ({ ...r, participants: Number(byId.get(Number(r.id))?.participants ?? 0), passed: Number(byId.get(Number(r.id))?.passed ?? 0) }));
}

export const trainingSpec: ResourceSpec = {
  name: 'instructor-trainings',
  noun: 'instructor training',
  record: trainingRecord,
  table: trainings,
  id: trainings.id,
  scope: trainingScope,
  columns: {
    id: trainings.id, title: trainings.title, level: trainings.level, startsOn: trainings.startsOn, endsOn: trainings.endsOn,
    location: trainings.location, validityMonths: trainings.validityMonths, version: trainings.version,
    createdAt: trainings.createdAt, updatedAt: trainings.updatedAt,
  },
  enrich: (rows, actor, db) => withCounts(rows, scopeOf(actor), db),
  sortable: { id: trainings.id, title: trainings.title, startsOn: trainings.startsOn, endsOn: trainings.endsOn, level: trainings.level },
  defaultSort: ['endsOn', 'DESC'],
  search: [trainings.title, trainings.location],
  filters: {
    level: filterDef(oneOrMany(z.enum(instructorCertificationLevels)), (v) => inArray(trainings.level, asList(v))),
    endsFrom: filterDef(dateValue, (v) => sql`${trainings.endsOn} >= ${v}::date`),
    endsTo: filterDef(dateValue, (v) => sql`${trainings.endsOn} <= ${v}::date`),
    /** The trainings an instructor took. */
    instructorId: filterDef(idValue, (v) => sql`${qualified(trainings.id)} IN (SELECT p.training_id FROM instructor_training_participants p WHERE p.instructor_id = ${v})`),
  },
};

/** Participants: by the instructor's school (HQ all, regional staff their regions', a school its own). */
export const participantSpec: ResourceSpec = {
  name: 'instructor-training-participants',
  noun: 'instructor training participant',
  record: participantRecord,
  table: participants,
  id: participants.id,
  schoolId: participants.schoolId,
  columns: {
    id: participants.id, trainingId: participants.trainingId, instructorId: participants.instructorId, schoolId: participants.schoolId,
    passed: participants.passed, score: participants.score, certificationId: participants.certificationId, recordedBy: participants.recordedBy,
    createdAt: participants.createdAt,
    instructorName: sql<string>`(SELECT i.name FROM instructors i WHERE i.id = ${qualified(participants.instructorId)})`.as('instructor_name'),
    staffNo: sql<string | null>`(SELECT i.staff_no FROM instructors i WHERE i.id = ${qualified(participants.instructorId)})`.as('staff_no'),
    schoolName: sql<string>`(SELECT s.name FROM schools s WHERE s.id = ${qualified(participants.schoolId)})`.as('school_name'),
    trainingTitle: sql<string>`(SELECT t.title FROM instructor_trainings t WHERE t.id = ${qualified(participants.trainingId)})`.as('training_title'),
    certNo: sql<string | null>`(SELECT c.cert_no FROM instructor_certifications c WHERE c.id = ${qualified(participants.certificationId)})`.as('cert_no'),
    validFrom: sql<string | null>`(SELECT to_char(c.valid_from, 'YYYY-MM-DD') FROM instructor_certifications c WHERE c.id = ${qualified(participants.certificationId)})`.as('valid_from'),
    validTo: sql<string | null>`(SELECT to_char(c.valid_to, 'YYYY-MM-DD') FROM instructor_certifications c WHERE c.id = ${qualified(participants.certificationId)})`.as('valid_to'),
  },
  sortable: { id: participants.id, passed: participants.passed, score: participants.score, createdAt: participants.createdAt },
  defaultSort: ['id', 'ASC'],
  search: [sql`(SELECT i.name FROM instructors i WHERE i.id = ${qualified(participants.instructorId)})`, sql`(SELECT i.staff_no FROM instructors i WHERE i.id = ${qualified(participants.instructorId)})`],
  filters: {
    trainingId: filterDef(oneOrMany(idValue), (v) => inArray(participants.trainingId, asList(v))),
    instructorId: filterDef(oneOrMany(idValue), (v) => inArray(participants.instructorId, asList(v))),
    schoolId: filterDef(oneOrMany(idValue), (v) => inArray(participants.schoolId, asList(v))),
    passed: filterDef(z.boolean(), (v) => eq(participants.passed, v)),
  },
};

/** The participant rows of a training, locked (for an edit of its dates, level or validity). */
export async function trainingHasParticipants(db: Parameters<NonNullable<ResourceSpec['enrich']>>[2], trainingId: number) {
  const [row] = await db.select({ id: participants.id }).from(participants).where(and(eq(participants.trainingId, trainingId))).limit(1);
  return !!row;
}

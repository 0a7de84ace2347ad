import { and, eq, inArray } from 'drizzle-orm';
import { addMonths, format, parseISO, subDays } from 'date-fns';
import { todayInChina, type Actor, type ProblemCode, type ProblemParams } from '@campus/common';
import type { Executor, Tx } from '../../db/client.js';
import { auditEvents, instructorCertifications, instructorTrainingParticipants as participants, instructorTrainings as trainings, instructors } from '../../db/schema/index.js';
import { recomputeSchools } from '../compliance/recompute.js';
import { notify } from '../notifications/notify.js';
import type { ParticipantInput } from './training-input.js';

export type TrainingRow = typeof trainings.$inferSelect;

/**
 * The last day of a certification a training issues: valid from the training's last day for its
 * `validityMonths`, less a day (36 months from 2026-06-30 run to 2029-06-29).
 */
export function validToOf(validFrom: string, months: number): string {
  return format(subDays(addMonths(parseISO(validFrom), months), 1), 'yyyy-MM-dd');
}

/** The number a pass's certification gets when its row names none: stable and unique (an instructor takes a training once). */
export const generatedCertNo = (trainingId: number, instructorId: number) => `TT-${trainingId}-${instructorId}`;

/** One participant to record, and where it came from (an item of the request's list, or a row of an import file). */
export interface ParticipantItem { at: number; input: ParticipantInput }
/** A problem of one item (`at`), or of the request as a whole (`at` null). */
export interface ItemProblem { at: number | null; field: string; code: ProblemCode; params?: ProblemParams }

export interface CheckedParticipants {
  problems: ItemProblem[];
  /** Each listed instructor's school. */
  schoolOf: Map<number, number>;
}

/**
 * Every rule of recording participants, read-only: the training has ended (results are recorded from its
 * last day on), each instructor exists (of any school) and is listed once and not already recorded in the
 * training; a certification number only for a pass, and no number (given, or the generated one) that a
 * certification already has or another item gives.
 */
export async function checkParticipants(db: Executor, training: TrainingRow, items: ParticipantItem[]): Promise<CheckedParticipants> {
  const problems: ItemProblem[] = [];
  const today = todayInChina();
  if (training.endsOn > today) problems.push({ at: null, field: 'endsOn', code: 'training_not_ended', params: { endsOn: training.endsOn } });
  const ids = [...new Set(items.map((i) => i.input.instructorId))];
  const schoolOf = new Map<number, number>();
  const recorded = new Set<number>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    for (const r of await db.select({ id: instructors.id, schoolId: instructors.schoolId }).from(instructors).where(inArray(instructors.id, chunk))) schoolOf.set(r.id, r.schoolId);
    for (const r of await db.select({ id: participants.instructorId }).from(participants).where(and(eq(participants.trainingId, training.id), inArray(participants.instructorId, chunk)))) recorded.add(r.id);
  }
  const numbers = items.filter((i) => i.input.passed).map((i) => i.input.certNo ?? generatedCertNo(training.id, i.input.instructorId));
  const taken = new Set<string>();
  for (let i = 0; i < numbers.length; i += 1000) {
    for (const r of await db.select({ certNo: instructorCertifications.certNo }).from(instructorCertifications).where(inArray(instructorCertifications.certNo, numbers.slice(i, i + 1000)))) taken.add(r.certNo);
  }
  const firstOf = new Map<number, number>();
  const numberAt = new Map<string, number>();
  for (const { at, input } of items) {
    const id = input.instructorId;
    if (!schoolOf.has(id)) problems.push({ at, field: 'instructorId', code: 'instructor_unknown', params: { id } });
    else if (firstOf.has(id)) problems.push({ at, field: 'instructorId', code: 'participant_twice', params: { other: firstOf.get(id)! } });
    else if (recorded.has(id)) problems.push({ at, field: 'instructorId', code: 'participant_recorded', params: { id } });
    if (!firstOf.has(id)) firstOf.set(id, at);
    if (!input.passed) {
      if (input.certNo) problems.push({ at, field: 'certNo', code: 'cert_no_without_pass' });
      continue;
    }
    const certNo = input.certNo ?? generatedCertNo(training.id, id);
    if (taken.has(certNo) || numberAt.has(certNo)) problems.push({ at, field: 'certNo', code: 'cert_no_taken', params: { certNo } });
    numberAt.set(certNo, at);
  }
  return { problems, schoolOf };
}

/**
 * Records checked participants in the caller's transaction. A pass creates a 1+X instructor certification
 * of the training's level, valid from the training's last day for its validity (validToOf), numbered as
 * the item says or generatedCertNo. A renewal is a new certification: an instructor who already holds one
 * of that level keeps it as it is (the history stays, and removing this participant gives back exactly the
 * state before); the KPI counts instructors with any certification valid on the day, so an overlap counts
 * once. Each participant is audited (with its certification), the compliance of every school concerned is
 * recomputed, and each school is told.
 */
export async function writeParticipants(tx: Tx, actor: Actor, training: TrainingRow, items: ParticipantItem[], checked: CheckedParticipants, via?: 'import') {
  const validTo = validToOf(training.endsOn, training.validityMonths);
  const rows = items.map(({ at, input }) => ({ at, input, schoolId: checked.schoolOf.get(input.instructorId)! }));
  const passes = rows.filter((r) => r.input.passed);
  const certs = new Map<number, typeof instructorCertifications.$inferSelect>();
  for (let i = 0; i < passes.length; i += 1000) {
    const chunk = passes.slice(i, i + 1000);
    const inserted = await tx.insert(instructorCertifications).values(chunk.map((r) => ({
      instructorId: r.input.instructorId, schoolId: r.schoolId, certNo: r.input.certNo ?? generatedCertNo(training.id, r.input.instructorId),
      level: training.level, validFrom: training.endsOn, validTo,
    }))).returning();
    for (const c of inserted) certs.set(c.instructorId, c);
  }
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const inserted = await tx.insert(participants).values(chunk.map((r) => ({
      trainingId: training.id, instructorId: r.input.instructorId, schoolId: r.schoolId, passed: r.input.passed,
      score: r.input.score ?? null, certificationId: certs.get(r.input.instructorId)?.id ?? null, recordedBy: actor.id,
    }))).returning();
    await tx.insert(auditEvents).values(inserted.map((p, k) => {
      const c = certs.get(p.instructorId);
      return {
        entityType: 'instructor_training_participant', entityId: p.id, action: 'create', actorId: actor.id, schoolId: p.schoolId,
        data: {
          trainingId: training.id, instructorId: p.instructorId, passed: p.passed, score: p.score ?? null,
          certification: c ? { id: c.id, certNo: c.certNo, level: c.level, validFrom: c.validFrom, validTo: c.validTo } : null,
          ...(via ? { row: chunk[k].at } : {}),
        },
      };
    }));
  }
  const schoolIds = [...new Set(rows.map((r) => r.schoolId))].sort((a, b) => a - b);
  await recomputeSchools(tx, schoolIds, todayInChina());
  for (const schoolId of schoolIds) {
    const own = rows.filter((r) => r.schoolId === schoolId);
    await notify(tx, {
      audience: ['school'], schoolId, kind: 'instructor_training.results', entityType: 'instructor_training', entityId: training.id,
      params: { title: training.title, participants: own.length, passed: own.filter((r) => r.input.passed).length }, exceptUserId: actor.id,
    });
  }
  return { created: rows.length, certified: passes.length };
}

import { eq, sql } from 'drizzle-orm';
import type { Actor } from '@campus/common';
import type { Db } from '../../db/client.js';
import { instructorTrainings as trainings } from '../../db/schema/index.js';
import { appendAudit } from '../audit/audit-repository.js';
import { changesBetween } from '../audit/field-changes.js';
import { invalid, notFound } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
import { trainingHasParticipants } from './training-spec.js';
import { VALIDITY_MONTHS, type TrainingCreateInput, type TrainingUpdateInput } from './training-input.js';

type TrainingRow = typeof trainings.$inferSelect;
const audited = (t: Pick<TrainingRow, 'title' | 'level' | 'startsOn' | 'endsOn' | 'location' | 'validityMonths'>) => ({
  title: t.title, level: t.level, startsOn: t.startsOn, endsOn: t.endsOn, location: t.location, validityMonths: t.validityMonths,
});
/** What decides the certifications a training issued: fixed once it has participants. */
const certifying = ['level', 'startsOn', 'endsOn', 'validityMonths'] as const;

/** HQ records a training (POST /api/instructor-trainings): one transaction with its audit event. */
export async function createTraining(db: Db, actor: Actor, input: TrainingCreateInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(trainings).values({
      title: input.title, level: input.level, startsOn: input.startsOn, endsOn: input.endsOn, location: input.location ?? null,
      validityMonths: input.validityMonths ?? VALIDITY_MONTHS.default, createdBy: actor.id,
    }).returning();
    await appendAudit(tx, { entityType: 'instructor_training', entityId: row.id, action: 'create', actorId: actor.id, data: { values: audited(row) } });
    return row;
  });
}

/**
 * HQ edits a training (PUT /api/instructor-trainings/:id), version-checked. Its level, dates and validity
 * decided the certifications its passes issued: once it has participants they stay (400
 * `training_has_participants`); the title and the place may still change. Audited with what changed.
 */
export async function updateTraining(db: Db, actor: Actor, id: number, input: TrainingUpdateInput) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(trainings).where(eq(trainings.id, id)).for('update');
    if (!current) throw notFound('instructor training');
    if (current.version !== input.version) throw refused('stale_version', 'stale_version');
    const next = {
      title: input.title ?? current.title,
      level: input.level ?? current.level,
      startsOn: input.startsOn ?? current.startsOn,
      endsOn: input.endsOn ?? current.endsOn,
      location: input.location !== undefined ? input.location : current.location,
      validityMonths: input.validityMonths ?? current.validityMonths,
    };
    if (next.startsOn > next.endsOn) throw invalid([{ field: 'endsOn', code: 'date_before', params: { other: 'startsOn' } }]);
    const changes = changesBetween(audited(current), next);
    if (!Object.keys(changes).length) return current;
    const locked = certifying.filter((f) => changes[f]);
    if (locked.length && await trainingHasParticipants(tx, id)) {
      throw invalid(locked.map((field) => ({ field, code: 'training_has_participants' as const })));
    }
    const [updated] = await tx.update(trainings).set({ ...next, version: current.version + 1, updatedAt: sql`now()` }).where(eq(trainings.id, id)).returning();
    await appendAudit(tx, { entityType: 'instructor_training', entityId: id, action: 'update', actorId: actor.id, data: { changes } });
    return updated;
  });
}

import { eq } from 'drizzle-orm';
import type { Actor } from '@campus/common';
import type { Db, Tx } from '../../db/client.js';
import { instructorTrainings as trainings } from '../../db/schema/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { checkParticipants, writeParticipants, type ItemProblem, type TrainingRow } from './record-participants.js';
import type { ParticipantInput } from './training-input.js';

/** The training, locked against an edit of its level, dates or validity while its participants are recorded; 404 when there is none. */
export async function lockTraining(tx: Tx, id: number): Promise<TrainingRow> {
  const [row] = await tx.select().from(trainings).where(eq(trainings.id, id)).for('update');
  if (!row) throw notFound('instructor training');
  return row;
}

const fieldOf = (p: ItemProblem) => (p.at === null ? p.field : `participants.${p.at}.${p.field}`);

/**
 * HQ records the participants of a training (POST /api/instructor-trainings/:id/participants): one, or
 * several at once, all or none (400 naming every problem by `participants.<i>.<field>`), in one transaction.
 */
export async function addParticipants(db: Db, actor: Actor, trainingId: number, list: ParticipantInput[]) {
  return db.transaction(async (tx) => {
    const training = await lockTraining(tx, trainingId);
    const items = list.map((input, at) => ({ at, input }));
    const checked = await checkParticipants(tx, training, items);
    if (checked.problems.length) throw invalid(checked.problems.map((p) => ({ field: fieldOf(p), code: p.code, params: p.params })), 'all');
    return writeParticipants(tx, actor, training, items, checked);
  });
}

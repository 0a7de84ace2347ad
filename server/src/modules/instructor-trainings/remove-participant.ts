import { eq } from 'drizzle-orm';
import { todayInChina, type Actor } from '@campus/common';
import type { Db } from '../../db/client.js';
import { instructorCertifications, instructorTrainingParticipants as participants } from '../../db/schema/index.js';
import { appendAudit } from '../audit/audit-repository.js';
import { recomputeSchools } from '../compliance/recompute.js';
import { notFound } from '../../lib/errors.js';
import { lockTraining } from './add-participants.js';

/**
 * HQ removes a participant (DELETE /api/instructor-training-participants/:id), and with it the certification
 * its pass created (an earlier certification of the instructor is untouched), in one transaction: audited
 * with the removed row and certification, the school's compliance recomputed.
 */
export async function removeParticipant(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const [found] = await tx.select({ trainingId: participants.trainingId }).from(participants).where(eq(participants.id, id));
    if (!found) throw notFound('instructor training participant');
    await lockTraining(tx, found.trainingId);
    const [row] = await tx.select().from(participants).where(eq(participants.id, id)).for('update');
    if (!row) throw notFound('instructor training participant');
    const [cert] = row.certificationId
      ? await tx.delete(instructorCertifications).where(eq(instructorCertifications.id, row.certificationId)).returning()
      : [];
    await tx.delete(participants).where(eq(participants.id, id));
    await appendAudit(tx, {
      entityType: 'instructor_training_participant', entityId: id, action: 'delete', actorId: actor.id, schoolId: row.schoolId,
      data: {
        deleted: { ...row, createdAt: row.createdAt.toISOString() },
        certificationRemoved: cert ? { id: cert.id, certNo: cert.certNo, level: cert.level, validFrom: cert.validFrom, validTo: cert.validTo } : null,
      },
    });
    await recomputeSchools(tx, [row.schoolId], todayInChina());
  });
}

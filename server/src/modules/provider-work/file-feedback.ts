import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { feedback, providerAssignments } from '../../db/schema/index.js';
import type { Actor } from '@campus/common';
import { invalid } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
import { appendAudit } from '../audit/audit-repository.js';
import { notify } from '../notifications/notify.js';
import type { feedbackBody } from './feedback-spec.js';

/** A school files feedback about a provider that serves it; HQ is told. */
export async function fileFeedback(db: Db, actor: Actor, input: z.infer<typeof feedbackBody>) {
  if (actor.role !== 'school' || !actor.schoolId) throw refused('forbidden_role', 'only_school_feedback');
  const schoolId = actor.schoolId;
  return db.transaction(async (tx) => {
    const [assigned] = await tx.select().from(providerAssignments).where(and(eq(providerAssignments.providerId, input.providerId), eq(providerAssignments.schoolId, schoolId)));
    if (!assigned) throw invalid([{ field: 'providerId', code: 'provider_not_yours' }]);
    const [created] = await tx.insert(feedback).values({ ...input, schoolId, createdBy: actor.id }).returning();
    await appendAudit(tx, { entityType: 'feedback', entityId: created.id, schoolId: created.schoolId, action: 'file', toState: 'open', actorId: actor.id });
    await notify(tx, { audience: ['hq'], schoolId: created.schoolId, kind: 'feedback.file', entityType: 'feedback', entityId: created.id, params: { subject: created.subject } });
    return created;
  });
}

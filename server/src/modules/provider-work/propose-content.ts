import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { contentProposals } from '../../db/schema/index.js';
import type { Actor } from '@campus/common';
import { invalid } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
import { appendAudit } from '../audit/audit-repository.js';
import type { contentProposalBody } from './content-proposal-spec.js';
import { servesSchool } from '../providers/assignments.js';

/** A provider proposes extra training content, for the programme or for one of its assigned schools; HQ decides. */
export async function proposeContent(db: Db, actor: Actor, input: z.infer<typeof contentProposalBody>) {
  if (actor.role !== 'provider' || !actor.providerId) throw refused('forbidden_role', 'only_provider_proposes');
  const providerId = actor.providerId;
  return db.transaction(async (tx) => {
    if (input.schoolId) {
      const assigned = await servesSchool(tx, providerId, input.schoolId);
      if (!assigned) throw invalid([{ field: 'schoolId', code: 'school_not_assigned' }]);
    }
    const [created] = await tx.insert(contentProposals).values({ ...input, providerId }).returning();
    await appendAudit(tx, { entityType: 'content_proposal', entityId: created.id, schoolId: created.schoolId, action: 'propose', toState: 'pending', actorId: actor.id });
    return created;
  });
}

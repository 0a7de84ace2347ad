import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { applications, evidenceFiles } from '../../db/schema/index.js';
import type { Actor, Scope } from '@campus/common';
import { appendAudit } from '../audit/audit-repository.js';
import { AppError, ErrorCode, forbidden } from '../../lib/errors.js';
import { loadApplicationForUpdate } from './load-for-update.js';
import { and } from 'drizzle-orm';

/** Only a draft can be deleted, by its school (DOMAIN.md). Returns the storage keys of its files. */
export async function deleteApplication(db: Db, actor: Actor, scope: Scope, id: number) {
  if (actor.role !== 'school') throw forbidden('Only the school deletes its draft.');
  return db.transaction(async (tx) => {
    const row = await loadApplicationForUpdate(tx, id, scope);
    if (row.status !== 'draft') throw new AppError(409, ErrorCode.invalidState, 'Only a draft can be deleted; withdraw a submitted application instead.');
    const files = await tx.delete(evidenceFiles)
      .where(and(eq(evidenceFiles.entityType, 'application'), eq(evidenceFiles.entityId, id)))
      .returning({ storageKey: evidenceFiles.storageKey });
    await tx.delete(applications).where(eq(applications.id, id));
    await appendAudit(tx, { entityType: 'application', entityId: id, schoolId: row.schoolId, action: 'delete', fromState: 'draft', actorId: actor.id });
    return { row, storageKeys: files.map((f) => f.storageKey) };
  });
}

import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { evidenceFiles, users } from '../../db/schema/index.js';
import type { Actor, EvidenceEntityType, Scope } from '@campus/common';
import { appendAudit } from '../audit/audit-repository.js';
import { scopeWhere } from '../resource/resource-spec.js';
import { notFound } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
import { evidenceSpec } from './evidence-spec.js';
import { assertOwnerWritable, ownerExists, readableOwner } from './evidence-owners.js';

/**
 * Removes a file's record, where the actor may: the file is readable to it, it was attached by the
 * actor's own role (a school never removes what HQ attached), and the actor may write the record it
 * belongs to in that record's current state (held until the removal commits). Returns the storage
 * key; the caller removes the file once the transaction has committed.
 */
export async function removeEvidence(db: Db, actor: Actor, scope: Scope, id: number): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ file: evidenceFiles, uploaderRole: users.role }).from(evidenceFiles)
      .leftJoin(users, eq(users.id, evidenceFiles.uploadedBy))
      .where(and(eq(evidenceFiles.id, id), scopeWhere(evidenceSpec, scope))).for('update', { of: evidenceFiles });
    if (!row) throw notFound('evidence file');
    const { file } = row;
    if (row.uploaderRole !== actor.role) {
      throw refused('forbidden_role', row.uploaderRole ? { code: 'evidence_uploader_only', params: { role: row.uploaderRole } } : 'evidence_uploader_unknown');
    }
    if (await ownerExists(tx, file.entityType, file.entityId)) {
      const target = await readableOwner(tx, scope, file.entityType, file.entityId!, true);
      assertOwnerWritable(file.entityType, target, actor.role);
    }
    await tx.delete(evidenceFiles).where(eq(evidenceFiles.id, id));
    await appendAudit(tx, { entityType: file.entityType as EvidenceEntityType, entityId: file.entityId ?? 0, schoolId: file.schoolId, action: 'remove_file', actorId: actor.id, comment: file.fileName });
    return file.storageKey;
  });
}

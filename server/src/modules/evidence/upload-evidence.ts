import type { Db } from '../../db/client.js';
import { evidenceFiles } from '../../db/schema/index.js';
import type { Actor, EvidenceEntityType, Scope } from '@campus/common';
import type { EvidenceStorage } from '../storage/evidence-storage.js';
import { detectFileType } from '../storage/file-types.js';
import { appendAudit } from '../audit/audit-repository.js';
import { badRequest } from '../../lib/errors.js';
import { writableOwner } from './evidence-owners.js';

export interface UploadInput {
  fileName: string;
  content: Buffer;
  entityType: string;
  entityId: number;
  description?: string;
}

/**
 * Stores a file and its record. The file is written first and removed again if the record cannot
 * be written, so a refused upload leaves neither an orphan file nor a half-written record.
 */
export async function uploadEvidence(db: Db, storage: EvidenceStorage, actor: Actor, scope: Scope, input: UploadInput) {
  // eslint-disable-next-line no-control-regex -- control characters are what a stored file name must not hold
  const fileName = input.fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(-200);
  if (!input.content.length) throw badRequest('file_empty', [{ field: 'file', code: 'file_empty' }]);
  const type = detectFileType(fileName, input.content.subarray(0, 8));
  if ('error' in type) throw badRequest(type.error, [{ field: 'file', ...type.error }]);
  // Checked before the file is written, and again under a lock with the write (the record's state may change meanwhile).
  const schoolId = await writableOwner(db, scope, actor.role, input.entityType, input.entityId);
  const stored = await storage.put(input.content);
  try {
    return await db.transaction(async (tx) => {
      await writableOwner(tx, scope, actor.role, input.entityType, input.entityId, true);
      const [row] = await tx.insert(evidenceFiles).values({
        schoolId, entityType: input.entityType, entityId: input.entityId, fileName, contentType: type.contentType,
        sizeBytes: stored.size, storageKey: stored.key, sha256: stored.sha256, description: input.description?.slice(0, 1000) ?? null, uploadedBy: actor.id,
      }).returning();
      // The owner was found above: its entity type is one evidence-owners.ts knows.
      await appendAudit(tx, { entityType: input.entityType as EvidenceEntityType, entityId: input.entityId, schoolId, action: 'attach_file', actorId: actor.id, comment: fileName, data: { evidenceId: row.id } });
      return row;
    });
  } catch (e) {
    await storage.remove(stored.key);
    throw e;
  }
}

import type { Db, Executor } from '../../db/client.js';
import { evidenceFiles } from '../../db/schema/index.js';
import type { Actor, EvidenceEntityType, Scope } from '@campus/common';
import type { EvidenceStorage, StoredFile } from '../storage/evidence-storage.js';
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

/** A file's stored name (no path, no control characters) and its type, checked by its content: 400 when refused. */
export function checkedFile(file: { fileName: string; content: Buffer }) {
  // eslint-disable-next-line no-control-regex -- control characters are what a stored file name must not hold
  const fileName = file.fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(-200);
  if (!file.content.length) throw badRequest('file_empty', [{ field: 'file', code: 'file_empty' }]);
  const type = detectFileType(fileName, file.content.subarray(0, 8));
  if ('error' in type) throw badRequest(type.error, [{ field: 'file', ...type.error }]);
  return { fileName, contentType: type.contentType };
}

/** The record of a file already put in storage, with its audit event, in the caller's transaction. */
export async function recordEvidence(tx: Executor, actor: Actor, target: { schoolId: number; entityType: string; entityId: number },
  file: { fileName: string; contentType: string; stored: StoredFile; description?: string | null }) {
  const [row] = await tx.insert(evidenceFiles).values({
    schoolId: target.schoolId, entityType: target.entityType, entityId: target.entityId, fileName: file.fileName, contentType: file.contentType,
    sizeBytes: file.stored.size, storageKey: file.stored.key, sha256: file.stored.sha256, description: file.description?.slice(0, 1000) ?? null, uploadedBy: actor.id,
  }).returning();
  // The owner was checked by the caller: its entity type is one evidence-owners.ts knows.
  await appendAudit(tx, { entityType: target.entityType as EvidenceEntityType, entityId: target.entityId, schoolId: target.schoolId, action: 'attach_file', actorId: actor.id, comment: file.fileName, data: { evidenceId: row.id } });
  return row;
}

/**
 * Stores a file and its record. The file is written first and removed again if the record cannot
 * be written, so a refused upload leaves neither an orphan file nor a half-written record.
 */
export async function uploadEvidence(db: Db, storage: EvidenceStorage, actor: Actor, scope: Scope, input: UploadInput) {
  const { fileName, contentType } = checkedFile(input);
  // Checked before the file is written, and again under a lock with the write (the record's state may change meanwhile).
  const schoolId = await writableOwner(db, scope, actor.role, input.entityType, input.entityId);
  const stored = await storage.put(input.content);
  try {
    return await db.transaction(async (tx) => {
      await writableOwner(tx, scope, actor.role, input.entityType, input.entityId, true);
      return recordEvidence(tx, actor, { schoolId, entityType: input.entityType, entityId: input.entityId }, { fileName, contentType, stored, description: input.description });
    });
  } catch (e) {
    await storage.remove(stored.key);
    throw e;
  }
}

import { and, eq } from 'drizzle-orm';
import type { Scope } from '@campus/common';
import type { Db } from '../../db/client.js';
import { evidenceFiles } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { scopeWhere } from '../resource/resource-spec.js';
import type { EvidenceStorage } from '../storage/evidence-storage.js';
import { fileTypeOf } from '../storage/file-types.js';
import { evidenceSpec } from './evidence-spec.js';

/**
 * A file to download, where its record is read (404 otherwise, or when the stored file is gone): its
 * row, whether browsers may show it inline (images and PDF), and its content.
 */
export async function readEvidenceFile(db: Db, storage: EvidenceStorage, scope: Scope, id: number) {
  const [row] = await db.select().from(evidenceFiles).where(and(eq(evidenceFiles.id, id), scopeWhere(evidenceSpec, scope)));
  const content = row && await storage.read(row.storageKey);
  if (!row || !content) throw notFound('evidence file');
  const ext = row.fileName.toLowerCase().split('.').pop() ?? '';
  return { row, inline: fileTypeOf(ext)?.inline ?? false, content };
}

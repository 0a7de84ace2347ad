import crypto from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { storedFiles } from '../../db/schema/index.js';
import { isStorageKey, type EvidenceStorage } from './evidence-storage.js';

/** Evidence files in the stored_files table: what one process stores, every other one reads, and a backup holds. */
export class DatabaseStorage implements EvidenceStorage {
  readonly kind = 'database';
  constructor(private readonly db: Db) {}

  async put(content: Buffer) {
    const key = crypto.randomBytes(16).toString('hex');
    await this.db.insert(storedFiles).values({ key, content, sizeBytes: content.length });
    return { key, sha256: crypto.createHash('sha256').update(content).digest('hex'), size: content.length };
  }

  async read(key: string) {
    if (!isStorageKey(key)) return undefined;
    const [row] = await this.db.select({ content: storedFiles.content }).from(storedFiles).where(eq(storedFiles.key, key));
    return row?.content;
  }

  async exists(key: string) {
    if (!isStorageKey(key)) return false;
    const [row] = await this.db.select({ key: storedFiles.key }).from(storedFiles).where(eq(storedFiles.key, key));
    return !!row;
  }

  async remove(key: string) {
    await this.db.delete(storedFiles).where(eq(storedFiles.key, key));
  }

  async removeAll(keys: string[]) {
    if (keys.length) await this.db.delete(storedFiles).where(inArray(storedFiles.key, keys));
  }

  async keys() {
    return (await this.db.select({ key: storedFiles.key }).from(storedFiles)).map((r) => r.key);
  }
}

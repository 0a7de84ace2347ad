import type { Readable } from 'node:stream';

export interface StoredFile { key: string; sha256: string; size: number }

/**
 * Where evidence files live: files under DATA_DIR (one process, the embedded default) or the
 * database (any number of processes; EVIDENCE_STORAGE). Keys are random, never a user's file name.
 */
export interface EvidenceStorage {
  readonly kind: 'files' | 'database';
  put(content: Buffer): Promise<StoredFile>;
  /** The content of a stored key, or undefined when there is none. */
  read(key: string): Promise<Readable | Buffer | undefined>;
  exists(key: string): Promise<boolean>;
  remove(key: string): Promise<void>;
  removeAll(keys: string[]): Promise<void>;
  /** Every stored key (for the orphan checks of the tests). */
  keys(): Promise<string[]>;
}

export const isStorageKey = (key: string) => /^[a-f0-9]{32}$/.test(key);

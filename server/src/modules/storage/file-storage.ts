import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isStorageKey, type EvidenceStorage } from './evidence-storage.js';

/**
 * Evidence files on disk under DATA_DIR/files, named by a random key (never by the user's file
 * name). A file is written to a temporary name and renamed into place, so a crash leaves no
 * half-written file under a real key.
 */
export class FileStorage implements EvidenceStorage {
  readonly kind = 'files';
  constructor(readonly root: string) {
    fs.mkdirSync(path.join(root, 'tmp'), { recursive: true });
  }

  private pathOf(key: string) {
    if (!isStorageKey(key)) throw new Error('bad storage key');
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(content: Buffer): Promise<{ key: string; sha256: string; size: number }> {
    const key = crypto.randomBytes(16).toString('hex');
    const tmp = path.join(this.root, 'tmp', key);
    const final = this.pathOf(key);
    try {
      await fs.promises.mkdir(path.dirname(final), { recursive: true });
      await fs.promises.writeFile(tmp, content, { flag: 'wx' });
      await fs.promises.rename(tmp, final);
    } catch (e) {
      // A failed write (a full disk: ENOSPC) leaves neither its partial temporary file nor a final one.
      await Promise.all([tmp, final].map((f) => fs.promises.rm(f, { force: true }).catch(() => undefined)));
      throw e;
    }
    return { key, sha256: crypto.createHash('sha256').update(content).digest('hex'), size: content.length };
  }

  async read(key: string) {
    return (await this.exists(key)) ? fs.createReadStream(this.pathOf(key)) : undefined;
  }

  async exists(key: string) {
    return isStorageKey(key) && fs.existsSync(this.pathOf(key));
  }

  async remove(key: string) {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }

  async removeAll(keys: string[]) {
    await Promise.all(keys.map((k) => this.remove(k)));
  }

  /** Every stored key (for the orphan check of the tests). */
  async keys(): Promise<string[]> {
    const out: string[] = [];
    for (const dir of await fs.promises.readdir(this.root)) {
      if (dir === 'tmp') continue;
      out.push(...(await fs.promises.readdir(path.join(this.root, dir))));
    }
    return out;
  }
}

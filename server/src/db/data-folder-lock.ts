import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';

/**
 * One process at a time on an embedded (PGlite) data folder.
 *
 * PGlite has no lock of its own: a second process that opens a folder in use runs crash recovery on the live
 * files and writes a checkpoint, and the first process's later writes are lost at its next crash (issue 11 item 2).
 * So every opener takes this lock first: a file beside the folder (`<folder>.lock`) that names the holder.
 *
 * Why hand-written rather than `proper-lockfile` (mtime refreshed by a timer, stale after N seconds): PGlite runs
 * on the main thread, so a long import or migration blocks the event loop for longer than any sensible staleness
 * period, and a second process would then take over a folder that is still in use. Whether the holder still
 * exists is decided here by the kernel instead: the lock names the holder's pid, host, boot and process start
 * time; on the same host a holder that is gone (killed with -9, machine rebooted, pid reused by another process)
 * is stale and is taken over at once, a live one never is. A lock from another host (a shared network folder)
 * cannot be checked and is never taken over; the message says how to clear it. Node offers no flock(2), and the
 * native add-ons that do need a compiler on every machine.
 *
 * The lock file is created complete and atomically (written to a private file, then hard-linked to its name, which
 * fails if the name exists); a stale one is moved aside and removed only if it is still the one judged stale.
 */
export interface LockHolder {
  pid: number;
  host: string;
  /** When the holding process started (ISO). */
  startedAt: string;
  command: string;
  /** Linux: the process's start time in clock ticks since boot (/proc/<pid>/stat), to tell a reused pid. */
  processStart?: string;
  /** Linux: the boot the process belongs to; another boot means the holder is gone. */
  bootId?: string;
}

export interface DataFolderLock {
  file: string;
  release(): void;
}

export class DataFolderLockedError extends Error {
  constructor(readonly dataDir: string, readonly lockFile: string, readonly holder: LockHolder | undefined) {
    super(lockedMessage(dataDir, lockFile, holder));
    this.name = 'DataFolderLockedError';
  }
}

/** The lock of a data folder lives beside it, so that PGlite's own files and archives never contain it. */
export function lockFileFor(dataDir: string) {
  return `${path.resolve(dataDir)}.lock`;
}

export function describeHolder(h: LockHolder) {
  return `pid ${h.pid} on host ${h.host}, started ${h.startedAt}, command: ${h.command}`;
}

function lockedMessage(dataDir: string, lockFile: string, holder: LockHolder | undefined) {
  const folder = path.resolve(dataDir);
  if (!holder) {
    return `The embedded database folder ${folder} is locked, but its lock file ${lockFile} cannot be read. ` +
      `If no process is using the folder, delete that file and start again.`;
  }
  const remote = holder.host !== os.hostname();
  return `The embedded database folder ${folder} is in use by another process: ${describeHolder(holder)}. ` +
    `Only one process may open it at a time; stop that process first, or use a PostgreSQL server (DATABASE_URL) to run several. ` +
    (remote
      ? `That process runs on another host and cannot be checked from here: if it is no longer running, delete the lock file ${lockFile}.`
      : `Lock file: ${lockFile}.`);
}

function readProcessStart(pid: number | 'self'): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command name) may contain spaces and parentheses; field 22 (starttime) counts from after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function readBootId(): string | undefined {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function currentHolder(): LockHolder {
  const command = ['node', ...process.execArgv, ...process.argv.slice(1)].join(' ');
  return {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date(Math.round(performance.timeOrigin)).toISOString(),
    command: command.length > 300 ? `${command.slice(0, 297)}...` : command,
    processStart: readProcessStart('self'),
    bootId: readBootId(),
  };
}

/** 'gone' only when this host can tell for certain that the holder no longer runs. */
function holderState(h: LockHolder): 'alive' | 'gone' | 'unknown' {
  if (h.host !== os.hostname()) return 'unknown';
  const bootId = readBootId();
  if (h.bootId && bootId && h.bootId !== bootId) return 'gone';
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return 'gone';
    // EPERM: a process with that pid exists and belongs to another user.
  }
  const start = h.processStart ? readProcessStart(h.pid) : undefined;
  if (start && start !== h.processStart) return 'gone'; // the pid now belongs to another process
  return 'alive';
}

function parseHolder(raw: string): LockHolder | undefined {
  try {
    const h = JSON.parse(raw) as LockHolder;
    return Number.isInteger(h.pid) && h.pid > 0 && typeof h.host === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
}

const privateName = (file: string, kind: string) => `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.${kind}`;

/** Creates the lock file with its whole content at once; false if it exists. */
function tryCreate(file: string, content: string): boolean {
  const tmp = privateName(file, 'tmp');
  const fd = fs.openSync(tmp, 'wx');
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: exclusive create, then write (readers wait out the short empty moment).
    try {
      fs.writeFileSync(file, content, { flag: 'wx' });
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function readRaw(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Removes a stale lock file, unless another process replaced it since it was judged stale. */
function removeIfUnchanged(file: string, staleRaw: string) {
  const aside = privateName(file, 'stale');
  try {
    fs.renameSync(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  try {
    if (fs.readFileSync(aside, 'utf8') !== staleRaw) {
      // Another process took the lock over in between: give it back.
      try { fs.linkSync(aside, file); } catch { /* a third process holds it now */ }
    }
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes the exclusive lock of an embedded data folder, or throws DataFolderLockedError naming the holder.
 * Touches nothing inside the folder. The lock is released by release() and, failing that, when the process exits.
 */
export function acquireDataFolderLock(dataDir: string): DataFolderLock {
  const file = lockFileFor(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const me = currentHolder();
  const content = `${JSON.stringify({ ...me, token: crypto.randomUUID() }, null, 2)}\n`;
  for (let attempt = 0; attempt < 40; attempt++) {
    if (tryCreate(file, content)) return held(file, content);
    const raw = readRaw(file);
    if (raw === undefined) continue; // released in the meantime
    const holder = parseHolder(raw);
    if (!holder) {
      // Being written by a process on a file system without hard links, or damaged.
      if (attempt < 39) { pause(50); continue; }
      throw new DataFolderLockedError(dataDir, file, undefined);
    }
    if (holderState(holder) !== 'gone') throw new DataFolderLockedError(dataDir, file, holder);
    removeIfUnchanged(file, raw);
  }
  throw new Error(`Could not take the lock ${file}: other processes kept taking it. Try again.`);
}

function held(file: string, content: string): DataFolderLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    // Only our own lock: never remove one that someone took over (which would mean ours was judged stale).
    if (readRaw(file) === content) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { file, release };
}

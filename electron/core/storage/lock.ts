/**
 * One writer per archive: `archive.lock` holds {pid, host, startedAt} of the process that has the
 * archive open. Why a pid lock and not proper-lockfile: proper-lockfile detects a crashed holder by
 * the age of a heartbeat (seconds at best, and the app must keep touching the file), whereas a dead
 * pid on this machine is known at once, so reopening after a crash or a SIGKILL just works.
 *
 * The lock is created by hard-linking a fully written temp file (atomic, never an empty lock), with
 * `open(wx)` as the fallback on file systems without hard links (FAT USB sticks). Within one process
 * the lock is re-entrant (tests and the CLI reopen the same folder); it is released on close() and,
 * as a last resort, when the process exits.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AqiqatError } from '../errors.js';

export const LOCK_FILE = 'archive.lock';

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  /** 'cli' or 'app': to say who holds it */
  by: string;
  /** when this machine booted (epoch seconds): a lock from before a reboot is stale whatever its pid */
  boot?: number;
}

/** Boot time in epoch seconds; two readings agree within a second or two. */
export const bootTime = (): number => Math.round(Date.now() / 1000 - os.uptime());

/** Locks this process holds: file → open count. */
const held = new Map<string, number>();
let exitHookInstalled = false;

export interface ArchiveLock {
  readonly file: string;
  /** the lock was taken over from a process that died holding it: its temp files may be lying around */
  readonly recovered: boolean;
  release(): Promise<void>;
}

export function lockFileOf(root: string): string {
  return path.join(root, LOCK_FILE);
}

/** Whether a lock's owner is certainly gone: same host and no such process. */
export function isStale(owner: LockOwner, host = os.hostname()): boolean {
  if (owner.host !== host) return false; // another machine on a shared folder: cannot tell, keep it
  if (owner.boot !== undefined && Math.abs(owner.boot - bootTime()) > 60) return true; // pids restart at boot
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function parseOwner(raw: string): LockOwner | null {
  try {
    const v = JSON.parse(raw) as Partial<LockOwner>;
    if (typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.startedAt === 'string') {
      const owner: LockOwner = {
        pid: v.pid,
        host: v.host,
        startedAt: v.startedAt,
        by: typeof v.by === 'string' ? v.by : 'aqiqat',
      };
      if (typeof v.boot === 'number') owner.boot = v.boot;
      return owner;
    }
  } catch {
    // fall through: an unreadable lock is treated as stale below (only a crash mid-fallback-write leaves one)
  }
  return null;
}

async function readOwner(file: string): Promise<LockOwner | null | 'missing'> {
  try {
    return parseOwner(await readFile(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
}

/** Create `file` with `content` only if it does not exist. False if it exists. */
async function createExclusive(file: string, content: string): Promise<boolean> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, content, { mode: 0o600 });
  try {
    await link(temp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
    try {
      const h = await open(file, 'wx', 0o600);
      await h.writeFile(content);
      await h.close();
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    await rm(temp, { force: true });
  }
}

/** Who holds a lock, for messages: " (the Aqiqat app, process 123, since …)". */
export function ownerText(owner: LockOwner | null): string {
  return owner
    ? ` (${owner.by}, process ${owner.pid}${owner.host !== os.hostname() ? ` on ${owner.host}` : ''}, since ${owner.startedAt})`
    : '';
}

function openElsewhere(root: string, owner: LockOwner | null): AqiqatError {
  return new AqiqatError('archive.open-elsewhere', { root, owner: ownerText(owner) }, 'conflict');
}

/**
 * Take the archive's lock, or throw "open in another window". A lock left by a crashed process on this
 * machine is taken over; the takeover renames the stale file aside first, so two processes recovering
 * at once cannot both win.
 */
export function acquireLock(root: string, by = 'aqiqat'): Promise<ArchiveLock> {
  return acquireLockFile(lockFileOf(root), by, (owner) => openElsewhere(root, owner));
}

/** The same lock on any file: `busy` says who holds it when it is taken. */
export async function acquireLockFile(
  file: string,
  by: string,
  busy: (owner: LockOwner | null) => AqiqatError,
): Promise<ArchiveLock> {
  const count = held.get(file);
  if (count !== undefined) {
    held.set(file, count + 1);
    return handle(file, false);
  }
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    by,
    boot: bootTime(),
  };
  const content = JSON.stringify(me);
  let recovered = false;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createExclusive(file, content)) {
      held.set(file, 1);
      installExitHook();
      return handle(file, recovered);
    }
    const owner = await readOwner(file);
    if (owner === 'missing') continue; // released meanwhile: try again
    if (owner && owner.pid === process.pid && owner.host === me.host && !isStale(owner)) {
      // ours from an earlier open whose close() never ran (e.g. a test): adopt it
      held.set(file, 1);
      installExitHook();
      return handle(file, false);
    }
    if (owner && !isStale(owner)) throw busy(owner);
    // stale (or unreadable: a crash between open and write of the fallback path): move it aside
    const aside = `${file}.stale-${randomBytes(4).toString('hex')}`;
    try {
      await rename(file, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    const moved = await readOwner(aside);
    const same = moved !== 'missing' && JSON.stringify(moved) === JSON.stringify(owner);
    if (!same) {
      // someone took the lock between our read and our rename: put theirs back, and they win
      await link(aside, file).catch(() => undefined);
      await rm(aside, { force: true });
      throw busy(moved === 'missing' ? null : moved);
    }
    await rm(aside, { force: true });
    recovered = true;
  }
  throw busy(null);
}

function handle(file: string, recovered: boolean): ArchiveLock {
  let released = false;
  return {
    file,
    recovered,
    async release() {
      if (released) return;
      released = true;
      const n = held.get(file) ?? 0;
      if (n > 1) {
        held.set(file, n - 1);
        return;
      }
      held.delete(file);
      await rm(file, { force: true });
    },
  };
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // The CLI exits without closing; a kill leaves a stale lock that the next open takes over.
  process.on('exit', () => {
    for (const file of held.keys()) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
    held.clear();
  });
}

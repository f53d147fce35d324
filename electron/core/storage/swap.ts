/**
 * Replacing an archive folder with a staged one (restore) so that an interruption at any point leaves an
 * archive at its path. Two renames cannot be one atomic step, so `<dir>.restore.json`, written before the
 * first, says which folders are in play; whoever opens `<dir>` next (the CLI, the app) finishes or undoes
 * the swap. `<dir>.restore.lock` (a lock.ts lock), held for the whole restore, keeps anyone from
 * "recovering" a swap still running or removing a staged folder still being written.
 */
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { fsyncDir, writeFileAtomic } from './atomic.js';
import { AqiqatError, systemReason } from '../errors.js';
import { acquireLockFile, LOCK_FILE, ownerText, type ArchiveLock } from './lock.js';

const markerOf = (root: string) => `${root}.restore.json`;
const swapLockOf = (root: string) => `${root}.restore.lock`;

/** Folders a restore leaves beside the archive: the replaced archive, and a staged one not yet in place. */
export const isRestoreLeftover = (root: string, name: string): boolean =>
  name.startsWith(`${path.basename(root)}.before-restore-`) || name.startsWith(`${path.basename(root)}.restoring-`);

const MarkerSchema = z.object({ staging: z.string(), previous: z.string().nullable() });

const ageMs = (p: string) =>
  stat(p).then(
    (s) => Date.now() - s.mtimeMs,
    () => 0,
  );
const isDir = (p: string) =>
  stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );

/** Windows: a folder an antivirus, indexer or Explorer holds is refused for a moment; try for ~3 s. */
async function renameRetrying(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (process.platform !== 'win32' || (code !== 'EBUSY' && code !== 'EPERM' && code !== 'EACCES') || attempt >= 30)
        throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Held by a restore from its first write to its last. */
export function takeSwapLock(root: string): Promise<ArchiveLock> {
  return acquireLockFile(
    swapLockOf(root),
    process.versions.electron ? 'the Aqiqat app' : 'the aqiqat command line',
    (owner) => new AqiqatError('restore.running', { root, owner: ownerText(owner) }, 'conflict'),
  );
}

/**
 * Put `staging` (complete and fsynced) at `root`, moving the archive there, if any, to `previous`.
 * The caller holds takeSwapLock. On failure the old archive is put back and the error says so in one
 * line; if even that fails, the marker stays and the next open puts it back.
 */
export async function swapIn(root: string, staging: string, previous: string | null): Promise<void> {
  const parent = path.dirname(root);
  await writeFileAtomic(
    markerOf(root),
    JSON.stringify({ staging: path.basename(staging), previous: previous && path.basename(previous) }),
  );
  let moved = false;
  try {
    if (previous) {
      await renameRetrying(root, previous);
      moved = true;
    }
    await renameRetrying(staging, root);
  } catch (e) {
    if (moved) {
      try {
        await renameRetrying(previous!, root);
      } catch (back) {
        throw new AqiqatError(
          'restore.swap-stuck',
          { reason: systemReason(e), backReason: systemReason(back), previous: String(previous) },
          'archive',
        );
      }
    }
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    await rm(markerOf(root), { force: true });
    throw new AqiqatError('restore.swap-failed', { reason: systemReason(e) }, 'archive');
  }
  if (previous) await rm(path.join(previous, LOCK_FILE), { force: true });
  await fsyncDir(parent);
  await rm(markerOf(root), { force: true });
  await fsyncDir(parent);
}

/**
 * Finish a swap that a crash or a failure interrupted, before `root` is opened: the restored archive
 * if it reached its place, else the old one back; and remove what restores killed earlier left (staged
 * folders never swapped in, their lock). When none of that is there, this only reads the parent folder.
 */
export async function recoverSwap(root: string): Promise<void> {
  const parent = path.dirname(root);
  const base = path.basename(root);
  const lockName = path.basename(swapLockOf(root));
  const names = await readdir(parent).catch(() => [] as string[]);
  const marked = names.includes(path.basename(markerOf(root)));
  if (!marked && !names.some((n) => n.startsWith(`${base}.restoring-`) || n.startsWith(lockName))) return;
  let lock: ArchiveLock;
  try {
    lock = await takeSwapLock(root);
  } catch (e) {
    // a restore is running: an unfinished swap must wait for it; its staged folder is its own business
    if (marked) throw e;
    return;
  }
  try {
    if (marked) await finishSwap(root);
    for (const name of await readdir(parent)) {
      if (name.startsWith(`${base}.restoring-`)) await rm(path.join(parent, name), { recursive: true, force: true });
      // the temp file of the lock a killed restore was taking (lock.ts); a fresh one may be another's, about to be linked
      else if (
        name.startsWith(`${lockName}.`) &&
        /\.[0-9a-f]{12}\.tmp$/.test(name) &&
        (await ageMs(path.join(parent, name))) > 10_000
      )
        await rm(path.join(parent, name), { force: true });
    }
  } finally {
    await lock.release();
  }
}

async function finishSwap(root: string): Promise<void> {
  const marker = markerOf(root);
  const parent = path.dirname(root);
  const parsed = MarkerSchema.safeParse(safeJson(await readFile(marker, 'utf8').catch(() => '')));
  // only folders a restore of this archive names: a crafted marker cannot move anything else
  const named = (name: string | null | undefined) =>
    name && !name.includes('/') && !name.includes('\\') && isRestoreLeftover(root, name)
      ? path.join(parent, name)
      : null;
  const staging = parsed.success ? named(parsed.data.staging) : null;
  const previous = parsed.success ? named(parsed.data.previous) : null;
  if (await isDir(root)) {
    // the staged folder is there: the swap never began (or was undone); else it was done
    if (staging && (await isDir(staging))) await rm(staging, { recursive: true, force: true });
    else if (previous) await rm(path.join(previous, LOCK_FILE), { force: true });
  } else {
    // there was no archive before when only the staged one is left: the restored one is all there is
    const from = previous && (await isDir(previous)) ? previous : staging && (await isDir(staging)) ? staging : null;
    if (from) {
      await renameRetrying(from, root).catch((e: unknown) => {
        throw new AqiqatError('restore.interrupted-stuck', { from, root, reason: systemReason(e) }, 'archive');
      });
    }
  }
  await fsyncDir(parent);
  await rm(marker, { force: true });
  await fsyncDir(parent);
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** The restore leftovers beside `root` (full copies of an archive, plain if it was), oldest first. */
export async function restoreLeftovers(root: string): Promise<string[]> {
  const parent = path.dirname(root);
  const names = await readdir(parent).catch(() => [] as string[]);
  const out: string[] = [];
  for (const name of names.filter((n) => isRestoreLeftover(root, n)).sort())
    if (await isDir(path.join(parent, name))) out.push(path.join(parent, name));
  return out;
}

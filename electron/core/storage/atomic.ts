/**
 * Crash-safe file writes: temp file in the same folder → fsync → rename → fsync of the folder.
 * A power cut at any moment leaves either the old or the new file, never a torn one.
 * (lowdb's default writer, steno, renames a fixed temp name without fsync.)
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AqiqatError } from '../errors.js';

export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals renames itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await fsyncDir(dir);
}

/**
 * Read a file of the archive without following a symbolic link: a link planted in the folder (a synced
 * folder, another user) must not make Aqiqat read, back up or index a file outside it. Windows has no
 * O_NOFOLLOW; lstat covers it there.
 */
export async function readFileNoFollow(file: string): Promise<Buffer> {
  const handle = await openNoFollow(file, constants.O_RDONLY);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Open a file of the archive for reading or appending, refusing a symbolic link (as readFileNoFollow). */
export async function openNoFollow(file: string, flags: number, mode?: number): Promise<FileHandle> {
  const { O_NOFOLLOW } = constants;
  if (O_NOFOLLOW === undefined && (await lstat(file).catch(() => null))?.isSymbolicLink()) throw linkError(file);
  try {
    return await open(file, flags | (O_NOFOLLOW ?? 0), mode);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw linkError(file);
    throw e;
  }
}

const linkError = (file: string) => new AqiqatError('storage.symlink', { file }, 'archive');

/** Write content-addressed, immutable data once: an existing file with that name is already right. */
export async function writeFileOnce(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await access(file);
    return;
  } catch {
    await writeFileAtomic(file, data);
  }
}

/** Temp files of writeFileAtomic (`.<name>.<12 hex>.tmp`) and of the lock (lock.ts). */
export const isTempFile = (name: string): boolean =>
  /^\..+\.[0-9a-f]{12}\.tmp$/.test(name) || /^archive\.lock\.([0-9a-f]{12}\.tmp|stale-[0-9a-f]{8})$/.test(name);

/**
 * Remove the temp files a killed writer left in `dirs`. Only call it holding the archive's lock,
 * when no other writer can be between its write and its rename. Returns how many were removed.
 */
export async function sweepTempFiles(dirs: readonly string[]): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter(isTempFile)) {
      await rm(path.join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * `aqiqat backup` / `aqiqat restore`: the whole archive in one portable file.
 *
 * Format (version 1): the line `AQIQAT-BACKUP 1`, one line of manifest JSON ({createdAt, files:
 * [{path, size, sha256}]}), then the files' bytes one after another in manifest order. Plain enough to
 * take apart with a hex editor and `head -c`; every byte is covered by a SHA-256 in the manifest.
 * Restore checks the whole file (structure, sizes, every hash, archive.json's schema, no path outside
 * the archive) before it touches anything, builds the restored archive beside the old one, swaps the
 * two folders with renames, and keeps the old one as `<dir>.before-restore-<time>`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { fsyncDir, isTempFile, readFileNoFollow, writeFileAtomic } from '../storage/atomic.js';
import { AUDIT_FILE, AUDIT_HEAD_FILE } from './audit.js';
import { AUDIT_SIGNED_FILE } from './audit-sign.js';
import { IDENTITY_FILE } from './identity.js';
import { inParallel } from '../storage/content-writes.js';
import { isSealed, KEY_FILE, parseKeyFile, Sealer, unlock } from './crypto.js';
import { AqiqatError, FileReadError } from '../errors.js';
import { parseValidated } from '../storage/json-adapter.js';
import { layoutOf, type Layout } from '../storage/layout.js';
import { GAZETTEER_FILE } from '../search/gazetteer.js';
import { acquireLock, type ArchiveLock } from '../storage/lock.js';
import { ArchiveFileSchema } from '../model.js';
import { sealerOf } from '../storage/store.js';
import { recoverSwap, swapIn, takeSwapLock } from '../storage/swap.js';

const MAGIC = 'AQIQAT-BACKUP 1\n';
/** A manifest line longer than this is not ours (a 1M-file archive is ~120 MB of manifest). */
const MAX_MANIFEST = 256 * 1024 * 1024;
/**
 * At most this many files: an archive of the design's 50,000 articles holds ~100,000 (a text and a
 * source each, 512 shards), so this is 2.5 times that; more is a crafted file, and each one costs a write.
 */
export const MAX_BACKUP_FILES = 250_000;
/** One file at most 2 GiB: `backup` reads each file whole, and Node reads no bigger file in one piece. */
export const MAX_BACKUP_FILE_BYTES = 2 ** 31 - 1;

/** The only paths a backup may hold: one level under the archive's known folders, no dot files. */
const SAFE_PATH =
  /^(archive\.json|audit\.log|audit\.head|audit\.signed|encryption\.json|gazetteer\.json|identity\.json|(shards|texts|sources|index)\/[A-Za-z0-9][A-Za-z0-9._-]{0,200})$/;

const ManifestSchema = z.object({
  format: z.literal('aqiqat-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  files: z.array(
    z.object({
      path: z.string().regex(SAFE_PATH),
      size: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type Manifest = z.infer<typeof ManifestSchema>;

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The archive's files a backup holds: archive.json, the audit log and its heads, the gazetteer, the identity, shards, texts, sources, index. */
export async function archiveFiles(layout: Layout): Promise<string[]> {
  const out: string[] = [];
  // an encrypted archive's files are copied as they are on disk, sealed; encryption.json holds the
  // data key sealed with the passphrase, so the backup opens with the passphrase of its day
  for (const name of [
    'archive.json',
    AUDIT_FILE,
    AUDIT_HEAD_FILE,
    AUDIT_SIGNED_FILE,
    KEY_FILE,
    GAZETTEER_FILE,
    IDENTITY_FILE,
  ]) {
    if (await isPlainFile(path.join(layout.root, name))) out.push(name);
  }
  for (const dir of ['shards', 'texts', 'sources', 'index']) {
    const names = await readdir(path.join(layout.root, dir)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      if (isTempFile(name) || !SAFE_PATH.test(`${dir}/${name}`)) continue;
      if (await isPlainFile(path.join(layout.root, dir, name))) out.push(`${dir}/${name}`);
    }
  }
  return out;
}

/** A regular file, not a symbolic link to one (which could point outside the archive). */
const isPlainFile = (p: string) =>
  lstat(p).then(
    (s) => s.isFile(),
    () => false,
  );

export interface BackupResult {
  file: string;
  files: number;
  bytes: number;
  sha256: string;
}

/**
 * Write a backup of the archive at `layout` to `out` (atomically: temp file, fsync, rename). The
 * caller holds the archive's lock, so no file changes meanwhile; each file is hashed as it is copied.
 */
export async function writeBackup(layout: Layout, out: string, now = new Date()): Promise<BackupResult> {
  const target = path.resolve(out);
  if (target === layout.root || target.startsWith(layout.root + path.sep)) {
    throw new AqiqatError('backup.inside-archive', {}, 'usage');
  }
  const rels = await archiveFiles(layout);
  if (rels.length > MAX_BACKUP_FILES)
    throw new AqiqatError('backup.too-many-files', { n: rels.length, max: MAX_BACKUP_FILES }, 'archive');
  // pass 1: sizes and hashes for the manifest (files are read one at a time: memory stays small)
  const files: Manifest['files'] = [];
  for (const rel of rels) {
    const bytes = await readFileNoFollow(path.join(layout.root, rel));
    files.push({ path: rel, size: bytes.length, sha256: sha256(bytes) });
  }
  const manifest: Manifest = { format: 'aqiqat-backup', version: 1, createdAt: now.toISOString(), files };
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const whole = createHash('sha256');
  let total = 0;
  const h = await open(temp, 'wx', 0o600).catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'ENOENT'
      ? new AqiqatError('file.no-folder', { file: target })
      : new AqiqatError('file.cannot-write', { file: target, reason: e.message });
  });
  try {
    const write = async (data: Uint8Array) => {
      whole.update(data);
      total += data.length;
      await h.write(data);
    };
    await write(Buffer.from(`${MAGIC}${JSON.stringify(manifest)}\n`));
    // pass 2: the bytes, re-hashed to be sure they are the ones the manifest names
    for (const f of files) {
      const bytes = await readFileNoFollow(path.join(layout.root, f.path));
      if (bytes.length !== f.size || sha256(bytes) !== f.sha256)
        throw new AqiqatError('backup.changed-during', { file: f.path }, 'archive');
      await write(bytes);
    }
    await h.sync();
    await h.close();
    await rename(temp, target);
    await fsyncDir(path.dirname(target));
  } catch (e) {
    await h.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  }
  return { file: target, files: files.length, bytes: total, sha256: whole.digest('hex') };
}

/** Read and check a backup file; throws a one-line AqiqatError for anything wrong. Returns its manifest. */
export async function checkBackup(file: string): Promise<{ manifest: Manifest; dataStart: number }> {
  let h: FileHandle;
  try {
    h = await open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'ENOENT'
      ? new AqiqatError('file.no-such', { file })
      : new AqiqatError('file.unreadable', { file, reason: (e as Error).message });
  }
  try {
    const size = (await h.stat()).size;
    const head = Buffer.alloc(MAGIC.length);
    await h.read(head, 0, head.length, 0);
    if (head.toString('latin1') !== MAGIC) throw new AqiqatError('backup.not-a-backup', { file });
    const manifestLine = await readLine(h, MAGIC.length, Math.min(MAX_MANIFEST, size - MAGIC.length));
    if (manifestLine === null) throw new AqiqatError('backup.manifest-cut', { file });
    let manifest: Manifest;
    try {
      const value: unknown = JSON.parse(manifestLine.toString('utf8'));
      const count = (value as { files?: unknown } | null)?.files;
      if (Array.isArray(count) && count.length > MAX_BACKUP_FILES) {
        throw new AqiqatError('backup.too-many-named', { file, n: count.length, max: MAX_BACKUP_FILES });
      }
      manifest = ManifestSchema.parse(value);
    } catch (e) {
      if (e instanceof AqiqatError) throw e;
      throw new AqiqatError('backup.manifest-invalid', { file });
    }
    const huge = manifest.files.find((f) => f.size > MAX_BACKUP_FILE_BYTES);
    if (huge)
      throw new AqiqatError('backup.file-too-big', {
        file,
        size: huge.size,
        path: huge.path,
        max: MAX_BACKUP_FILE_BYTES,
      });
    const paths = new Set(manifest.files.map((f) => f.path));
    if (paths.size !== manifest.files.length) throw new AqiqatError('backup.manifest-twice', { file });
    if (!paths.has('archive.json')) throw new AqiqatError('backup.no-archive-json', { file });
    const dataStart = MAGIC.length + manifestLine.length + 1;
    const expected = dataStart + manifest.files.reduce((n, f) => n + f.size, 0);
    if (expected !== size) throw new AqiqatError('backup.size-mismatch', { file, size, expected });
    let at = dataStart;
    for (const f of manifest.files) {
      const bytes = await readAt(h, at, f.size);
      if (sha256(bytes) !== f.sha256) throw new AqiqatError('backup.hash-mismatch', { file, path: f.path });
      // a sealed archive.json is checked by its GCM tag when the restored archive is opened
      if (f.path === 'archive.json' && !isSealed(bytes))
        parseValidated(bytes.toString('utf8'), ArchiveFileSchema, `archive.json in ${path.basename(file)}`);
      at += f.size;
    }
    return { manifest, dataStart };
  } finally {
    await h.close();
  }
}

async function readAt(h: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await h.read(buf, done, length - done, position + done);
    if (bytesRead === 0) throw new AqiqatError('backup.ends-early', {});
    done += bytesRead;
  }
  return buf;
}

/** The bytes from `start` up to the next \n (excluded), reading at most `max` bytes; null if none. */
async function readLine(h: FileHandle, start: number, max: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let read = 0;
  while (read < max) {
    const chunk = Buffer.alloc(Math.min(1 << 20, max - read));
    const { bytesRead } = await h.read(chunk, 0, chunk.length, start + read);
    if (bytesRead === 0) return null;
    const nl = chunk.subarray(0, bytesRead).indexOf(0x0a);
    if (nl >= 0) {
      parts.push(chunk.subarray(0, nl));
      return Buffer.concat(parts);
    }
    parts.push(chunk.subarray(0, bytesRead));
    read += bytesRead;
  }
  return null;
}

export interface RestoreResult {
  archive: string;
  files: number;
  /** where the archive that was replaced now is, if there was one */
  previous: string | null;
}

export interface RestoreOptions {
  /** asked only when the backup is encrypted: the passphrase of the backup's day */
  passphrase?: (() => Promise<string | undefined>) | undefined;
  now?: Date | undefined;
}

const stampOf = (d: Date) => d.toISOString().replace(/[-:.]/g, '');

/**
 * Restore a backup file into `dir`: check it all first (hashes, and that it opens: an encrypted one
 * with the passphrase given), then build it beside `dir` and swap (swap.ts: an interruption leaves the
 * old or the restored archive, never none). An archive already in `dir` is kept as
 * `<dir>.before-restore-<time>`; its lock must be free (not open elsewhere).
 */
export async function restoreBackup(file: string, dir: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const { manifest, dataStart } = await checkBackup(file);
  await checkBackupOpens(file, manifest, dataStart, options.passphrase);
  const layout = layoutOf(dir);
  await mkdir(path.dirname(layout.root), { recursive: true });
  await recoverSwap(layout.root);
  const swapLock = await takeSwapLock(layout.root);
  let lock: ArchiveLock | null = null;
  const staging = `${layout.root}.restoring-${randomBytes(4).toString('hex')}`;
  try {
    const hadArchive = await stat(layout.root).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (hadArchive) lock = await acquireLock(layout.root, 'aqiqat restore');
    await writeStaging(file, manifest, dataStart, staging);
    const previous = hadArchive ? `${layout.root}.before-restore-${stampOf(options.now ?? new Date())}` : null;
    await swapIn(layout.root, staging, previous);
    return { archive: layout.root, files: manifest.files.length, previous };
  } catch (e) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  } finally {
    await lock?.release();
    await swapLock.release();
  }
}

/**
 * The backup must open as an archive before anything is touched: a sealed archive.json needs the
 * backup's own encryption.json, and that the passphrase given unlocks it and authenticates the file.
 */
async function checkBackupOpens(
  file: string,
  manifest: Manifest,
  dataStart: number,
  passphrase: RestoreOptions['passphrase'],
): Promise<void> {
  const h = await open(file, 'r');
  try {
    const read = async (rel: string): Promise<Buffer | null> => {
      let at = dataStart;
      for (const f of manifest.files) {
        if (f.path === rel) return readAt(h, at, f.size);
        at += f.size;
      }
      return null;
    };
    const archiveJson = (await read('archive.json'))!;
    const keyRaw = await read(KEY_FILE);
    if (!keyRaw) {
      if (isSealed(archiveJson)) throw new AqiqatError('backup.encrypted-no-key', { file, keyFile: KEY_FILE });
      return;
    }
    const keyFile = parseKeyFile(keyRaw.toString('utf8'));
    const given = await passphrase?.();
    if (!given) throw new AqiqatError('backup.needs-passphrase', { file });
    const dataKey = await unlock(keyFile, given).catch((e: unknown) => {
      if (e instanceof AqiqatError && e.kind === 'input')
        throw new AqiqatError('backup.wrong-passphrase', { name: path.basename(file) });
      throw e;
    });
    // a sealed file authenticates its path inside the archive, so any root will do
    const root = path.resolve('backup');
    const sealer = new Sealer(dataKey, root);
    try {
      // as a copy, not as the live file: the head that records its generation is not read here
      const plain = sealer.openArchiveCopy(archiveJson);
      if (!plain) throw new AqiqatError('backup.archive-damaged', { name: path.basename(file) });
      parseValidated(plain.toString('utf8'), ArchiveFileSchema, `archive.json in ${path.basename(file)}`);
    } finally {
      sealer.dispose();
    }
  } finally {
    await h.close();
  }
}

/**
 * Write the backup's files into a fresh folder. Nothing reads it before swapIn, so each file is written
 * without its own fsync; all are fsynced together at the end, then their folders (as content-writes.ts
 * does for imports): a crash before that leaves only a half-written folder nobody uses.
 */
async function writeStaging(file: string, manifest: Manifest, dataStart: number, staging: string): Promise<void> {
  const staged = layoutOf(staging);
  await mkdir(staging);
  for (const d of [staged.shardsDir, staged.textsDir, staged.sourcesDir, staged.indexDir, staged.backupsDir])
    await mkdir(d);
  const h = await open(file, 'r');
  const written: string[] = [];
  try {
    let at = dataStart;
    for (const f of manifest.files) {
      const bytes = await readAt(h, at, f.size);
      // checked above, but the file could have changed since: check again as it is written
      if (sha256(bytes) !== f.sha256) throw new AqiqatError('backup.changed-while-restoring', { file });
      const target = path.join(staging, f.path);
      const out = await open(target, 'wx', 0o600);
      try {
        await out.writeFile(bytes);
      } finally {
        await out.close();
      }
      written.push(target);
      at += f.size;
    }
  } finally {
    await h.close();
  }
  await inParallel(written, 8, async (target) => {
    const out = await open(target, 'r+');
    try {
      await out.sync();
    } finally {
      await out.close();
    }
  });
  for (const d of [staged.shardsDir, staged.textsDir, staged.sourcesDir, staged.indexDir, staged.backupsDir, staging])
    await fsyncDir(d);
}

/**
 * Put a snapshot of archive.json (backups/archive-….json, or any archive.json) back. The current
 * archive.json, damaged or not, is kept as backups/replaced-archive-<time>.json.
 */
export async function restoreArchiveJson(
  file: string,
  dir: string,
  now = new Date(),
  passphrase?: string,
): Promise<{ archive: string; previous: string | null }> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'ENOENT'
      ? new AqiqatError('file.no-such', { file })
      : new AqiqatError('file.unreadable', { file, reason: (e as Error).message });
  }
  const layout = layoutOf(dir);
  if (
    !(await stat(layout.root).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    throw new AqiqatError('archive.no-folder', { root: layout.root }, 'not-found');
  // a sealed copy is opened with the archive's key and sealed anew as the current archive.json: a copy
  // alone would be refused as older than the archive, so only the passphrase can put one back
  const sealer = isSealed(raw) ? await sealerOf(layout.root, passphrase) : null;
  if (sealer) {
    const plain = sealer.openArchiveCopy(raw);
    if (!plain) {
      sealer.dispose();
      throw new AqiqatError('backup.snapshot-not-this-archive', { name: path.basename(file) }, 'archive');
    }
    parseValidated(plain.toString('utf8'), ArchiveFileSchema, path.basename(file));
    raw = sealer.seal(plain, layout.archiveFile);
  } else if (!isSealed(raw)) parseValidated(raw.toString('utf8'), ArchiveFileSchema, path.basename(file));
  const lock = await acquireLock(layout.root, 'aqiqat restore').catch((e: unknown) => {
    sealer?.dispose();
    throw e;
  });
  try {
    let previous: string | null = null;
    // a current archive.json that cannot be read is not replaced: no copy of it could be kept
    const current = await readFile(layout.archiveFile).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw new FileReadError('restore.current-unreadable', { reason: e.code ?? e.message }, 'archive');
    });
    if (current) {
      await mkdir(layout.backupsDir, { recursive: true });
      previous = path.join(layout.backupsDir, `replaced-archive-${stampOf(now)}.json`);
      await writeFileAtomic(previous, current);
    }
    await writeFileAtomic(layout.archiveFile, raw);
    await sealer?.committed(layout.archiveFile);
    return { archive: layout.root, previous };
  } finally {
    sealer?.dispose();
    await lock.release();
  }
}

/** Whether a file is a backup (by its first bytes) rather than an archive.json snapshot. */
export async function isBackupFile(file: string): Promise<boolean> {
  const h = await open(file, 'r').catch(() => null);
  if (!h) return false;
  try {
    const head = Buffer.alloc(MAGIC.length);
    await h.read(head, 0, head.length, 0);
    return head.toString('latin1') === MAGIC;
  } finally {
    await h.close();
  }
}

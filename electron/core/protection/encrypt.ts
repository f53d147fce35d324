/**
 * `aqiqat encrypt`: seal an existing archive in place, and `aqiqat passphrase`: change the passphrase,
 * or with a re-key, the data key too.
 * Encrypting writes encryption.json first, then seals file after file (each atomically). A crash part
 * way leaves a readable archive (plain files are still read) and running `encrypt` again finishes it.
 * Plain bytes that were on the disk before may survive in free blocks (SSDs especially): an archive
 * that must never have been plain should be created with `init --encrypt`.
 *
 * A re-key likewise writes encryption.json first (the new data key under the new passphrase, the old
 * data key sealed inside it), then re-seals file after file; from then on only the new passphrase opens
 * the archive, files not yet re-sealed are read with the old key, and the next open finishes the work.
 * Only then is the old key dropped from encryption.json.
 */
import { chmod, lstat, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { isTempFile, writeFileAtomic } from '../storage/atomic.js';
import { AUDIT_FILE, headOf, parseAudit, rebuildLog, writeAuditHead } from './audit.js';
import {
  checkPassphrase,
  isSealed,
  KEY_FILE,
  newKeyFile,
  parseKeyFile,
  rekeyFile,
  rewrap,
  Sealer,
  unlock,
  type Codec,
  type KeyFile,
} from './crypto.js';
import { AqiqatError } from '../errors.js';
import { articleShardFile, factShardFile, folders, SHARD_COUNT, sourceFile, textFile } from '../storage/layout.js';
import { visualFiles } from '../visual/visual.js';
import { GAZETTEER_FILE } from '../search/gazetteer.js';
import { IDENTITY_FILE } from './identity.js';
import { resignRebuiltLog } from './audit-sign.js';
import { restoreLeftovers } from '../storage/swap.js';
import type { ArchiveStore } from '../storage/store.js';

export interface EncryptResult {
  sealed: number;
  alreadySealed: number;
}

/** Every file whose content the codec covers: archive.json, the gazetteer, the identity, shards, texts, sources, index, backups. */
async function contentFiles(store: ArchiveStore): Promise<string[]> {
  const { layout } = store;
  const out = [layout.archiveFile, path.join(layout.root, GAZETTEER_FILE), path.join(layout.root, IDENTITY_FILE)];
  for (const dir of [layout.shardsDir, layout.textsDir, layout.sourcesDir, layout.indexDir, layout.backupsDir]) {
    for (const name of (await readdir(dir).catch(() => [] as string[])).sort())
      if (!isTempFile(name)) out.push(path.join(dir, name));
  }
  return out;
}

export async function encryptArchive(store: ArchiveStore, passphrase: string | undefined): Promise<EncryptResult> {
  let codec: Codec = store.codec;
  if (!codec.encrypted) {
    if (!passphrase) throw new AqiqatError('crypto.new-passphrase-needed', { variable: 'AQIQAT_PASSPHRASE' }, 'usage');
    await store.snapshot('encrypt');
    const { keyFile, dataKey } = await newKeyFile(passphrase);
    await writeFileAtomic(
      path.join(store.layout.root, KEY_FILE),
      JSON.stringify({ ...keyFile, sealing: true } satisfies KeyFile),
    );
    codec = new Sealer(dataKey, store.layout.root);
  }
  const { layout } = store;
  for (const dir of folders(layout)) await chmod(dir, 0o700).catch(() => undefined);
  let sealed = 0;
  let alreadySealed = 0;
  for (const file of await contentFiles(store)) {
    // a link is not the archive's file: neither read nor sealed (open refuses linked folders)
    if (!(await isRegular(file))) continue;
    const bytes = await readFile(file).catch(() => null);
    if (!bytes) continue;
    if (isSealed(bytes)) {
      alreadySealed++;
      continue;
    }
    // texts, sources and shards move to their keyed names (crypto.ts locate); the plain file goes after
    const target = codec.locate(file);
    await writeFileAtomic(target, codec.seal(bytes, file));
    await codec.committed?.(file);
    if (target !== file) await rm(file, { force: true });
    sealed++;
  }
  await sealAuditLog(store, codec);
  await markSealed(store.layout.root);
  if (codec !== store.codec && codec instanceof Sealer) codec.dispose();
  return { sealed, alreadySealed };
}

/**
 * The copies of this archive that restores kept beside it (`<dir>.before-restore-…`) and that are not
 * encrypted: whole plain archives that `encrypt` does not reach, so the user must be told.
 */
export async function plainRestoreCopies(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const dir of await restoreLeftovers(root)) {
    const head = await readFile(path.join(dir, 'archive.json')).catch(() => null);
    if (!head || !isSealed(head)) out.push(dir);
  }
  return out;
}

/** Every file is sealed now: clear the key file's "sealing" mark. */
async function markSealed(root: string): Promise<void> {
  const file = path.join(root, KEY_FILE);
  const { sealing, ...done } = parseKeyFile(await readFile(file, 'utf8'));
  if (sealing) await writeFileAtomic(file, JSON.stringify(done));
}

const isRegular = (file: string) =>
  lstat(file).then(
    (s) => s.isFile(),
    () => false,
  );

/** Re-write the audit log with every line sealed; the hash chain is rebuilt over the sealed lines. */
async function sealAuditLog(store: ArchiveStore, codec: Codec): Promise<void> {
  const file = path.join(store.layout.root, AUDIT_FILE);
  let raw = await readFile(file, 'utf8').catch(() => '');
  if (!raw.split('\n').every((l) => l === '' || l.startsWith('E:'))) {
    const { entries } = parseAudit(raw, (line) =>
      line.startsWith('E:') ? codec.open(Buffer.from(line.slice(2), 'base64'), file).toString('utf8') : line,
    );
    raw = rebuildLog(entries, codec, file);
    await writeFileAtomic(file, raw);
  }
  // the chain was rebuilt, and the head is sealed from now on (also when an interrupted run is finished)
  await writeAuditHead(store.layout.root, codec, headOf(raw));
  await resignRebuiltLog(store.layout.root, codec, raw);
}

async function keyFileOf(store: ArchiveStore): Promise<KeyFile> {
  const raw = await readFile(path.join(store.layout.root, KEY_FILE), 'utf8').catch(() => null);
  if (raw === null) throw new AqiqatError('crypto.not-encrypted', {}, 'usage');
  return parseKeyFile(raw);
}

/** Seal the data key under a new passphrase; nothing else changes. */
export async function changePassphrase(
  store: ArchiveStore,
  oldPassphrase: string,
  newPassphrase: string,
): Promise<void> {
  const next = await rewrap(await keyFileOf(store), oldPassphrase, newPassphrase);
  await store.snapshot('passphrase');
  await writeFileAtomic(path.join(store.layout.root, KEY_FILE), JSON.stringify(next));
}

/**
 * Check what a re-key needs (nothing changes if that fails), then return the re-key itself: a new data
 * key under `newPassphrase` and every file re-sealed. After it has started the store is stale (its key
 * is the old one) and must be closed without writing anything more.
 */
export async function prepareRekey(
  store: ArchiveStore,
  oldPassphrase: string,
  newPassphrase: string,
): Promise<() => Promise<void>> {
  checkPassphrase(newPassphrase);
  const keyFile = await keyFileOf(store);
  if (keyFile.sealing) throw new AqiqatError('crypto.encryption-unfinished', {}, 'usage');
  const oldKey = await unlock(keyFile, oldPassphrase);
  return async () => {
    await store.snapshot('passphrase');
    const { keyFile: next, dataKey } = await rekeyFile(oldKey, newPassphrase);
    await writeFileAtomic(path.join(store.layout.root, KEY_FILE), JSON.stringify(next));
    const sealer = await Sealer.load(dataKey, store.layout.root, new Sealer(oldKey, store.layout.root));
    try {
      await resealAll(store, sealer);
    } finally {
      sealer.dispose();
    }
  };
}

/** Open with an unfinished re-key (store.codec reads both keys): re-seal what is left and drop the old key. */
export async function finishRekey(store: ArchiveStore): Promise<void> {
  if (!(store.codec instanceof Sealer)) return;
  await resealAll(store, store.codec);
}

/**
 * Every file under `sealer`'s key, each written atomically (a kill part way leaves files under either
 * key, both readable), then the old key dropped from encryption.json. Running it again is harmless.
 */
async function resealAll(store: ArchiveStore, sealer: Sealer): Promise<void> {
  const { layout } = store;
  // first, while the shards still open with the store's key
  const articles = await store.allArticles();
  const reseal = async (logical: string, skipDone: boolean) => {
    const [target, ...older] = sealer.candidates(logical);
    if (skipDone && (await isRegular(target!))) return;
    for (const from of [target!, ...older]) {
      const bytes = await readFile(from).catch(() => null);
      if (!bytes) continue;
      let sealed: Buffer;
      try {
        sealed = sealer.reseal(bytes, logical);
      } catch (e) {
        // damaged under both keys: left as it is, to be reported where it is read
        if (e instanceof AqiqatError) return;
        throw e;
      }
      await writeFileAtomic(target!, sealed);
      for (const other of older) await rm(other, { force: true });
      return;
    }
  };
  await reseal(layout.archiveFile, false);
  for (let n = 0; n < SHARD_COUNT; n++)
    for (const file of [articleShardFile(layout, n), factShardFile(layout, n)]) await reseal(file, false);
  await sealer.resealHead();
  await reseal(path.join(layout.root, IDENTITY_FILE), false);
  // content files are immutable: one already under its new name is done
  for (const a of articles) {
    await reseal(textFile(layout, a.textSha256), true);
    if (a.ocr?.machineTextSha256) await reseal(textFile(layout, a.ocr.machineTextSha256), true);
    await reseal(sourceFile(layout, a.sha256, a.sourceExt), true);
    for (const other of a.otherSources ?? []) await reseal(sourceFile(layout, other.sha256, other.ext), true);
    for (const v of visualFiles(layout, a)) await reseal(v.file, true);
  }
  for (const name of await readdir(layout.backupsDir).catch(() => [] as string[]))
    if (!isTempFile(name)) await reseal(path.join(layout.backupsDir, name), false);
  await resealAuditLog(store, sealer);
  // the search index is rebuilt from the texts at the next search, under the new key
  for (const name of await readdir(layout.indexDir).catch(() => [] as string[]))
    await rm(path.join(layout.indexDir, name), { force: true, recursive: true });
  const file = path.join(layout.root, KEY_FILE);
  const { rekeying, ...done } = parseKeyFile(await readFile(file, 'utf8'));
  if (rekeying) await writeFileAtomic(file, JSON.stringify(done));
}

async function resealAuditLog(store: ArchiveStore, sealer: Sealer): Promise<void> {
  const file = path.join(store.layout.root, AUDIT_FILE);
  const raw = await readFile(file, 'utf8').catch(() => null);
  if (raw === null) return;
  const { entries } = parseAudit(raw, (line) =>
    line.startsWith('E:') ? sealer.open(Buffer.from(line.slice(2), 'base64'), file).toString('utf8') : line,
  );
  const rebuilt = rebuildLog(entries, sealer, file);
  await writeFileAtomic(file, rebuilt);
  // the chain was rebuilt under the new key: its heads follow
  await writeAuditHead(store.layout.root, sealer, headOf(rebuilt));
  await resignRebuiltLog(store.layout.root, sealer, rebuilt);
}

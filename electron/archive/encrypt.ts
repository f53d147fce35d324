/**
 * `aqiqat encrypt`: seal an existing archive in place, and `aqiqat passphrase`: change the passphrase.
 * Encrypting writes encryption.json first, then seals file after file (each atomically). A crash part
 * way leaves a readable archive (plain files are still read) and running `encrypt` again finishes it.
 * Plain bytes that were on the disk before may survive in free blocks (SSDs especially): an archive
 * that must never have been plain should be created with `init --encrypt`.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isTempFile, writeFileAtomic } from './atomic.js';
import { AUDIT_FILE, headOf, parseAudit, rebuildLog, writeAuditHead } from './audit.js';
import { isSealed, KEY_FILE, newKeyFile, parseKeyFile, rewrap, Sealer, type Codec, type KeyFile } from './crypto.js';
import { AqiqatError } from './errors.js';
import type { ArchiveStore } from './store.js';

export interface EncryptResult {
  sealed: number;
  alreadySealed: number;
}

/** Every file whose content the codec covers: archive.json, shards, texts, sources, index, backups. */
async function contentFiles(store: ArchiveStore): Promise<string[]> {
  const { layout } = store;
  const out = [layout.archiveFile];
  for (const dir of [layout.shardsDir, layout.textsDir, layout.sourcesDir, layout.indexDir, layout.backupsDir]) {
    for (const name of (await readdir(dir).catch(() => [] as string[])).sort()) if (!isTempFile(name)) out.push(path.join(dir, name));
  }
  return out;
}

export async function encryptArchive(store: ArchiveStore, passphrase: string | undefined): Promise<EncryptResult> {
  let codec: Codec = store.codec;
  if (!codec.encrypted) {
    if (!passphrase) throw new AqiqatError('give the new passphrase in AQIQAT_PASSPHRASE, or run in a terminal to be asked', 'usage');
    await store.snapshot('encrypt');
    const { keyFile, dataKey } = await newKeyFile(passphrase);
    await writeFileAtomic(path.join(store.layout.root, KEY_FILE), JSON.stringify({ ...keyFile, sealing: true } satisfies KeyFile));
    codec = new Sealer(dataKey, store.layout.root);
  }
  let sealed = 0;
  let alreadySealed = 0;
  for (const file of await contentFiles(store)) {
    const bytes = await readFile(file).catch(() => null);
    if (!bytes || !(await isRegular(file))) continue;
    if (isSealed(bytes)) {
      alreadySealed++;
      continue;
    }
    // texts and sources move to their keyed names (crypto.ts locate); the plain file goes after
    const target = codec.locate(file);
    await writeFileAtomic(target, codec.seal(bytes, file));
    if (target !== file) await rm(file, { force: true });
    sealed++;
  }
  await sealAuditLog(store, codec);
  await markSealed(store.layout.root);
  if (codec !== store.codec && codec instanceof Sealer) codec.dispose();
  return { sealed, alreadySealed };
}

/** Every file is sealed now: clear the key file's "sealing" mark. */
async function markSealed(root: string): Promise<void> {
  const file = path.join(root, KEY_FILE);
  const { sealing, ...done } = parseKeyFile(await readFile(file, 'utf8'));
  if (sealing) await writeFileAtomic(file, JSON.stringify(done));
}

const isRegular = (file: string) => stat(file).then((s) => s.isFile(), () => false);

/** Re-write the audit log with every line sealed; the hash chain is rebuilt over the sealed lines. */
async function sealAuditLog(store: ArchiveStore, codec: Codec): Promise<void> {
  const file = path.join(store.layout.root, AUDIT_FILE);
  let raw = await readFile(file, 'utf8').catch(() => '');
  if (!raw.split('\n').every((l) => l === '' || l.startsWith('E:'))) {
    const { entries } = parseAudit(raw, (line) => (line.startsWith('E:') ? codec.open(Buffer.from(line.slice(2), 'base64'), file).toString('utf8') : line));
    raw = rebuildLog(entries, codec, file);
    await writeFileAtomic(file, raw);
  }
  // the chain was rebuilt, and the head is sealed from now on (also when an interrupted run is finished)
  await writeAuditHead(store.layout.root, codec, headOf(raw));
}

/** Seal the data key under a new passphrase; nothing else changes. */
export async function changePassphrase(store: ArchiveStore, oldPassphrase: string, newPassphrase: string): Promise<void> {
  const keyPath = path.join(store.layout.root, KEY_FILE);
  const raw = await readFile(keyPath, 'utf8').catch(() => null);
  if (raw === null) throw new AqiqatError('this archive is not encrypted; encrypt it with `aqiqat encrypt`', 'usage');
  const next = await rewrap(parseKeyFile(raw), oldPassphrase, newPassphrase);
  await store.snapshot('passphrase');
  await writeFileAtomic(keyPath, JSON.stringify(next));
}

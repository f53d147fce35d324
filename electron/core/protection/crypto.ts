/**
 * Encryption at rest. A random 256-bit data key encrypts every file of the archive with AES-256-GCM;
 * the data key itself is stored in `encryption.json`, sealed with a key derived from the passphrase by
 * scrypt. Changing the passphrase re-seals only the data key; a re-key (encrypt.ts) replaces it.
 *
 * A sealed file is `AQENC2\n` + 12-byte nonce + ciphertext + 16-byte tag. Inside the ciphertext a
 * 16-byte header (plain length, generation, head generation) precedes the plain bytes, and zeros pad
 * the whole to a size bucket (paddedSize), so a file's size says little about its content. What a
 * file is for (its path inside the archive; "snapshot" for snapshots) is the additional authenticated
 * data: a file moved to another name, or a snapshot copied over archive.json, fails to open.
 *
 * archive.json and the shards are rewritten in place, so an older sealed copy would authenticate as
 * well as the current one. Each of their writes carries a generation, and `shards/head` (sealed too)
 * records the newest generation of each that reached the disk: an older copy is refused. The head is
 * written after the file, so a crash between the two leaves a file newer than the head, which is
 * accepted. Each file also carries the head's generation when it was sealed, so a head put back from
 * an older copy is refused as soon as a newer file is read.
 *
 * `AQENC1\n` files (no header, no padding, snapshots authenticated as archive.json) are still read;
 * everything written is in the new form. Plain files (an archive half-way through `aqiqat encrypt`)
 * are read too.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  scrypt as scryptCb,
  type ScryptOptions,
} from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic.js';
import { AqiqatError } from '../errors.js';

const MAGIC_V1 = Buffer.from('AQENC1\n');
const MAGIC = Buffer.from('AQENC2\n');
const NONCE = 12;
const TAG = 16;
const HEADER = 16;
export const KEY_FILE = 'encryption.json';
/** The sealed record of each rewritten file's newest generation, inside shards/ so backups carry it. */
export const HEAD_FILE = 'shards/head';

/** How the store reads and writes file contents: plain, or sealed with the archive's key. */
export interface Codec {
  readonly encrypted: boolean;
  seal(plain: Uint8Array, file: string): Buffer;
  /** The plain bytes of what is on disk; `file` names it in errors and binds the ciphertext to its place. */
  open(stored: Uint8Array, file: string): Buffer;
  /**
   * Where a file named by what it holds (texts/, sources/, shards/) is kept. Encrypted, the name is an
   * HMAC of its plain name under the archive's key, without extension: a plain hash or shard number
   * as file name would let anyone holding a known article confirm that the archive has it.
   */
  locate(file: string): string;
  /** Every name `file` may be stored under, newest scheme first (older archives, an unfinished re-key). */
  candidates(file: string): string[];
  /** `file`, sealed by seal(), is now on disk: record its generation (no-op unless it is versioned). */
  committed?(file: string): Promise<void>;
  /** Whether the archive recorded writing `file`: then it must be there (a deleted shard is a rollback too). */
  written?(file: string): boolean;
}

export const plainCodec: Codec = {
  encrypted: false,
  locate: (file) => file,
  candidates: (file) => [file],
  seal: (plain) => Buffer.from(plain),
  open: (stored, file) => {
    if (isSealed(stored))
      throw new AqiqatError('crypto.key-file-missing', { file: path.basename(file), keyFile: KEY_FILE }, 'archive');
    // a view, not a copy: a 460 MB search index would otherwise be held twice while it loads
    return Buffer.isBuffer(stored) ? stored : Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  },
};

const startsWith = (b: Uint8Array, magic: Buffer) =>
  b.length >= magic.length && Buffer.from(b.buffer, b.byteOffset, magic.length).equals(magic);
export const isSealed = (b: Uint8Array): boolean => startsWith(b, MAGIC) || startsWith(b, MAGIC_V1);

/**
 * The padded size of `n` bytes: at least `min`, then four steps per power of two (at most 25 % more).
 * Many different texts share a size, so a known article's length does not pick out its file.
 */
export function paddedSize(n: number, min: number): number {
  if (n <= min) return min;
  const step = 2 ** (Math.floor(Math.log2(n - 1)) - 2);
  return Math.ceil(n / step) * step;
}

function sealWith(key: Buffer, plain: Uint8Array, aad: string, magic = MAGIC): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([magic, nonce, body, cipher.getAuthTag()]);
}

/** Null when the key is wrong or the bytes were changed (GCM cannot tell which). */
function openWith(key: Buffer, sealed: Uint8Array, aad: string, magic = MAGIC): Buffer | null {
  const b = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (!startsWith(b, magic) || b.length < magic.length + NONCE + TAG) return null;
  const nonce = b.subarray(magic.length, magic.length + NONCE);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(b.subarray(b.length - TAG));
  const body = decipher.update(b.subarray(magic.length + NONCE, b.length - TAG));
  try {
    decipher.final();
    return body;
  } catch {
    body.fill(0); // unauthenticated bytes: nobody may use them
    return null;
  }
}

interface Payload {
  plain: Buffer;
  gen: number;
  headGen: number;
}

/** Files rewritten in place, whose older copies must not pass for the current one. */
const VERSIONED = /^(archive\.json|shards\/[0-9a-f]{2}\.(articles|facts)\.json)$/;
/** Files named by their content or shard number (Codec.locate). */
const NAMED = /^(texts|sources)\/[0-9a-f]{64}\.[a-z0-9]{1,8}$|^shards\/[0-9a-f]{2}\.(articles|facts)\.json$/;
/** Append-only logs sealed line by line: a smaller minimum size, or the log would grow tenfold. */
const LINES = /^(audit\.log|index\/search\.journal)$/;
const SNAPSHOT = /^backups\/archive-.*\.json$/;
const REPLACED = /^backups\/replaced-archive-.*\.json$/;

/** The codec of an encrypted archive rooted at `root`. */
export class Sealer implements Codec {
  readonly encrypted = true;
  readonly #key: Buffer;
  readonly #nameKey: Buffer;
  /** the data key being replaced by an unfinished re-key: read with, never written with */
  readonly #previous: Sealer | null;
  /** per versioned file, the newest generation known to be on disk */
  readonly #durable = new Map<string, number>();
  /** per versioned file, the generation sealed but maybe not yet written */
  readonly #pending = new Map<string, number>();
  /** the generation of the head on disk */
  #headGen = 0;
  #headWrite: Promise<void> = Promise.resolve();
  #headQueued: Promise<void> | null = null;

  constructor(
    key: Buffer,
    private readonly root: string,
    previous: Sealer | null = null,
  ) {
    this.#key = key;
    this.#nameKey = createHmac('sha256', key).update('aqiqat file names').digest();
    this.#previous = previous;
  }

  /** A sealer that knows the generations recorded in the archive's head. */
  static async load(key: Buffer, root: string, previous: Sealer | null = null): Promise<Sealer> {
    const sealer = new Sealer(key, root, previous);
    await sealer.#readHead();
    return sealer;
  }

  /** Zero the keys (the archive was closed or locked); this sealer must not be used afterwards. */
  dispose(): void {
    this.#key.fill(0);
    this.#nameKey.fill(0);
    this.#previous?.dispose();
  }

  /** Whether files sealed with an older data key may still be on disk (an unfinished re-key). */
  get rekeying(): boolean {
    return this.#previous !== null;
  }

  private rel(file: string): string {
    return path.relative(this.root, path.resolve(file)).split(path.sep).join('/');
  }

  locate(file: string): string {
    const rel = this.rel(file);
    if (!NAMED.test(rel)) return file;
    return path.join(path.dirname(path.resolve(file)), createHmac('sha256', this.#nameKey).update(rel).digest('hex'));
  }

  candidates(file: string): string[] {
    const out = [this.locate(file), ...(this.#previous?.candidates(file) ?? [])];
    // AQENC1 archives named texts and sources by an HMAC of the hash, keeping the extension
    const m = /^(texts|sources)\/([0-9a-f]{64})(\.[a-z0-9]{1,8})$/.exec(this.rel(file));
    if (m)
      out.push(
        path.join(
          path.dirname(path.resolve(file)),
          `${createHmac('sha256', this.#nameKey).update(m[2]!).digest('hex')}${m[3]}`,
        ),
      );
    out.push(file);
    return [...new Set(out)];
  }

  /** What a file is authenticated as: its path inside the archive, except that all snapshots are one kind. */
  private aad(rel: string): string {
    return `v2:${SNAPSHOT.test(rel) ? 'snapshot' : REPLACED.test(rel) ? 'archive.json' : rel}`;
  }

  seal(plain: Uint8Array, file: string): Buffer {
    const rel = this.rel(file);
    let gen = 0;
    if (VERSIONED.test(rel)) {
      gen = Math.max(this.#durable.get(rel) ?? 0, this.#pending.get(rel) ?? 0) + 1;
      this.#pending.set(rel, gen);
    }
    return this.#sealPayload(plain, rel, gen, this.#headGen);
  }

  #sealPayload(plain: Uint8Array, rel: string, gen: number, headGen: number): Buffer {
    const payload = Buffer.alloc(paddedSize(HEADER + plain.length, LINES.test(rel) ? 512 : 4096));
    payload.writeBigUInt64BE(BigInt(plain.length), 0);
    payload.writeUInt32BE(gen, 8);
    payload.writeUInt32BE(headGen, 12);
    payload.set(plain, HEADER);
    try {
      return sealWith(this.#key, payload, this.aad(rel));
    } finally {
      payload.fill(0);
    }
  }

  /** The payload under this key or the one being replaced; null if neither authenticates it. */
  #decode(stored: Uint8Array, rel: string, aad = this.aad(rel)): Payload | null {
    if (startsWith(stored, MAGIC)) {
      const payload = openWith(this.#key, stored, aad);
      if (!payload) return this.#previous ? this.#previous.#decode(stored, rel, aad) : null;
      const length = Number(payload.readBigUInt64BE(0));
      if (payload.length < HEADER || HEADER + length > payload.length) return null;
      return {
        plain: payload.subarray(HEADER, HEADER + length),
        gen: payload.readUInt32BE(8),
        headGen: payload.readUInt32BE(12),
      };
    }
    // AQENC1: the plain path was authenticated, and snapshots passed for archive.json
    const legacy = SNAPSHOT.test(rel) || REPLACED.test(rel) ? 'archive.json' : rel;
    const plain = openWith(this.#key, stored, legacy, MAGIC_V1);
    if (!plain) return this.#previous ? this.#previous.#decode(stored, rel, aad) : null;
    return { plain, gen: 0, headGen: 0 };
  }

  open(stored: Uint8Array, file: string): Buffer {
    if (!isSealed(stored)) return Buffer.from(stored); // written before `aqiqat encrypt` reached it
    const rel = this.rel(file);
    const payload = this.#decode(stored, rel);
    if (!payload) throw new AqiqatError('crypto.file-damaged', { file: rel }, 'archive');
    if (VERSIONED.test(rel)) this.#checkGeneration(rel, payload);
    return payload.plain;
  }

  /**
   * archive.json as a snapshot or any other sealed copy of it holds it (a restore puts an older one back
   * on purpose), or null if it is not one under this key.
   */
  openArchiveCopy(stored: Uint8Array): Buffer | null {
    const payload = this.#decode(stored, 'backups/archive-.json') ?? this.#decode(stored, 'archive.json');
    return payload?.plain ?? null;
  }

  /** Re-seal `stored` (any key or format this sealer reads) under this key, keeping its generations. */
  reseal(stored: Uint8Array, file: string): Buffer {
    const rel = this.rel(file);
    if (!isSealed(stored)) return this.seal(stored, file);
    const payload = this.#decode(stored, rel);
    if (!payload) throw new AqiqatError('crypto.file-damaged', { file: rel }, 'archive');
    return this.#sealPayload(payload.plain, rel, payload.gen, payload.headGen);
  }

  #checkGeneration(rel: string, { gen, headGen }: Payload): void {
    const newest = this.#durable.get(rel) ?? 0;
    if (gen < newest) {
      throw new AqiqatError('crypto.file-older', { file: rel, gen, newest }, 'archive');
    }
    if (headGen > this.#headGen) {
      throw new AqiqatError('crypto.head-older', { head: HEAD_FILE, file: rel }, 'archive');
    }
    this.#durable.set(rel, gen);
  }

  written(file: string): boolean {
    return (this.#durable.get(this.rel(file)) ?? 0) > 0;
  }

  async committed(file: string): Promise<void> {
    const rel = this.rel(file);
    const gen = this.#pending.get(rel);
    if (gen === undefined) return;
    this.#pending.delete(rel);
    if (gen > (this.#durable.get(rel) ?? 0)) this.#durable.set(rel, gen);
    // one head write at a time, in order; commits arriving while one waits share it
    if (!this.#headQueued) {
      const queued = this.#headWrite.then(() => {
        this.#headQueued = null;
        return this.#writeHead();
      });
      this.#headQueued = queued;
      this.#headWrite = queued.catch(() => undefined);
    }
    return this.#headQueued;
  }

  async #writeHead(): Promise<void> {
    const next = this.#headGen + 1;
    const json = Buffer.from(JSON.stringify({ files: Object.fromEntries(this.#durable) }));
    await writeFileAtomic(path.join(this.root, HEAD_FILE), this.#sealPayload(json, HEAD_FILE, next, next));
    this.#headGen = next;
  }

  /** The head as a re-key re-seals it (same generations, new key). */
  async resealHead(): Promise<void> {
    const file = path.join(this.root, HEAD_FILE);
    const stored = await readFile(file).catch(() => null);
    if (stored) await writeFileAtomic(file, this.reseal(stored, file));
  }

  async #readHead(): Promise<void> {
    const stored = await readFile(path.join(this.root, HEAD_FILE)).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw new AqiqatError('file.unreadable', { file: HEAD_FILE, reason: e.message }, 'archive');
    });
    if (!stored) return;
    const payload = this.#decode(stored, HEAD_FILE);
    let files: Record<string, unknown> = {};
    try {
      if (payload) files = (JSON.parse(payload.plain.toString('utf8')) as { files: Record<string, unknown> }).files;
    } catch {
      files = {};
    }
    if (!payload || typeof files !== 'object' || files === null) {
      throw new AqiqatError('crypto.head-damaged', { head: HEAD_FILE }, 'archive');
    }
    this.#headGen = payload.gen;
    for (const [rel, gen] of Object.entries(files))
      if (VERSIONED.test(rel) && Number.isInteger(gen)) this.#durable.set(rel, gen as number);
  }
}

const KeyFileSchema = z.object({
  format: z.literal('aqiqat-encryption'),
  version: z.literal(1),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: z.string(),
  }),
  /** the data key, sealed with the passphrase's key */
  key: z.string(),
  changedAt: z.string(),
  /** set while `encrypt` seals an existing archive's files, cleared when it is done: an interrupted run is finished at the next open */
  sealing: z.literal(true).optional(),
  /** set while a re-key re-seals the files: the replaced data key, sealed with the new one; cleared when it is done */
  rekeying: z.string().optional(),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

const PREVIOUS_KEY = 'previous data key';

/**
 * OWASP's scrypt minimum (N=2^17, r=8, p=1): ~128 MB and ~0.5 s per unlock on a slow laptop. The cost
 * is stored in encryption.json, so only new key files use it. AQIQAT_TEST_SCRYPT_LOG2N lowers it for
 * the test suite (which unlocks hundreds of times); it is never set in the app.
 */
function kdfParams(env: NodeJS.ProcessEnv = process.env): { N: number; r: number; p: number } {
  const testLog2N = Number(env.AQIQAT_TEST_SCRYPT_LOG2N);
  return { N: Number.isInteger(testLog2N) && testLog2N >= 10 && testLog2N < 17 ? 2 ** testLog2N : 2 ** 17, r: 8, p: 1 };
}

function scrypt(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(passphrase.normalize('NFC'), salt, 32, options, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

export function checkPassphrase(passphrase: string): void {
  if (passphrase.length < 8) throw new AqiqatError('crypto.passphrase-short', {}, 'usage');
}

/** A new data key sealed under `passphrase`. */
export async function newKeyFile(passphrase: string, now = new Date()): Promise<{ keyFile: KeyFile; dataKey: Buffer }> {
  checkPassphrase(passphrase);
  const dataKey = randomBytes(32);
  return { keyFile: await sealDataKey(dataKey, passphrase, now), dataKey };
}

async function sealDataKey(dataKey: Buffer, passphrase: string, now: Date): Promise<KeyFile> {
  const salt = randomBytes(16);
  const kdf = kdfParams();
  const kek = await scrypt(passphrase, salt, kdf);
  try {
    return {
      format: 'aqiqat-encryption',
      version: 1,
      kdf: { name: 'scrypt', ...kdf, salt: salt.toString('base64') },
      key: sealWith(kek, dataKey, KEY_FILE, MAGIC_V1).toString('base64'),
      changedAt: now.toISOString(),
    };
  } finally {
    kek.fill(0);
  }
}

export function parseKeyFile(raw: string): KeyFile {
  try {
    return KeyFileSchema.parse(JSON.parse(raw));
  } catch {
    throw new AqiqatError('crypto.key-file-damaged', { keyFile: KEY_FILE }, 'archive');
  }
}

/** The data key, or "wrong passphrase". */
export async function unlock(keyFile: KeyFile, passphrase: string): Promise<Buffer> {
  const { N, r, p } = keyFile.kdf;
  if (N > 2 ** 22 || r > 32 || p > 16)
    throw new AqiqatError('crypto.key-file-foreign', { keyFile: KEY_FILE }, 'archive');
  const kek = await scrypt(passphrase, Buffer.from(keyFile.kdf.salt, 'base64'), { N, r, p });
  const dataKey = openWith(kek, Buffer.from(keyFile.key, 'base64'), KEY_FILE, MAGIC_V1);
  kek.fill(0);
  if (!dataKey || dataKey.length !== 32) {
    dataKey?.fill(0);
    throw new AqiqatError('crypto.wrong-passphrase', {}, 'input');
  }
  return dataKey;
}

/** The sealer of an archive with this key file: with the replaced key too while a re-key is unfinished. */
export async function unlockSealer(keyFile: KeyFile, passphrase: string, root: string): Promise<Sealer> {
  const dataKey = await unlock(keyFile, passphrase);
  let previous: Sealer | null = null;
  if (keyFile.rekeying) {
    const old = openWith(dataKey, Buffer.from(keyFile.rekeying, 'base64'), PREVIOUS_KEY, MAGIC_V1);
    if (!old || old.length !== 32) {
      dataKey.fill(0);
      throw new AqiqatError('crypto.key-file-damaged', { keyFile: KEY_FILE }, 'archive');
    }
    previous = new Sealer(old, root);
  }
  return Sealer.load(dataKey, root, previous);
}

/** The same data key under a new passphrase (nothing else is re-encrypted). */
export async function rewrap(
  keyFile: KeyFile,
  oldPassphrase: string,
  newPassphrase: string,
  now = new Date(),
): Promise<KeyFile> {
  checkPassphrase(newPassphrase);
  const dataKey = await unlock(keyFile, oldPassphrase);
  try {
    const next = await sealDataKey(dataKey, newPassphrase, now);
    return {
      ...next,
      ...(keyFile.sealing ? { sealing: true } : {}),
      ...(keyFile.rekeying ? { rekeying: keyFile.rekeying } : {}),
    };
  } finally {
    dataKey.fill(0);
  }
}

/**
 * A new data key under `newPassphrase`, with the current one (`oldKey`) sealed inside so that files not
 * yet re-sealed still open until the re-key is done.
 */
export async function rekeyFile(
  oldKey: Buffer,
  newPassphrase: string,
  now = new Date(),
): Promise<{ keyFile: KeyFile; dataKey: Buffer }> {
  const { keyFile, dataKey } = await newKeyFile(newPassphrase, now);
  return {
    keyFile: { ...keyFile, rekeying: sealWith(dataKey, oldKey, PREVIOUS_KEY, MAGIC_V1).toString('base64') },
    dataKey,
  };
}

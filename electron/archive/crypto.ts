/**
 * Encryption at rest (issue 6, item 3). A random 256-bit data key encrypts every file of the archive
 * with AES-256-GCM; the data key itself is stored in `encryption.json`, sealed with a key derived from
 * the passphrase by scrypt. Changing the passphrase re-seals only the data key.
 *
 * A sealed file is `AQENC1\n` + 12-byte nonce + ciphertext + 16-byte tag; its path inside the archive
 * is the additional authenticated data, so a file moved to another name (one shard swapped for
 * another) fails to open instead of being read as the wrong thing. Plain files (not yet sealed: an
 * archive half-way through `aqiqat encrypt`) are still read; everything written is sealed.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { AqiqatError } from './errors.js';

const MAGIC = Buffer.from('AQENC1\n');
const NONCE = 12;
const TAG = 16;
export const KEY_FILE = 'encryption.json';

/** How the store reads and writes file contents: plain, or sealed with the archive's key. */
export interface Codec {
  readonly encrypted: boolean;
  seal(plain: Uint8Array, file: string): Buffer;
  /** The plain bytes of what is on disk; `file` names it in errors and binds the ciphertext to its place. */
  open(stored: Uint8Array, file: string): Buffer;
  /**
   * Where a content file named by the SHA-256 of its content (texts/, sources/) is kept. Encrypted, the
   * name is an HMAC of that hash under the archive's key: a plain hash as file name would let anyone
   * holding a known article confirm that the archive has it.
   */
  locate(file: string): string;
}

export const plainCodec: Codec = {
  encrypted: false,
  locate: (file) => file,
  seal: (plain) => Buffer.from(plain),
  open: (stored, file) => {
    if (isSealed(stored)) throw new AqiqatError(`${path.basename(file)} is encrypted, but the archive has no ${KEY_FILE}; restore it from a backup`, 'archive');
    return Buffer.from(stored);
  },
};

export const isSealed = (b: Uint8Array): boolean => b.length >= MAGIC.length && Buffer.from(b.buffer, b.byteOffset, MAGIC.length).equals(MAGIC);

function sealWith(key: Buffer, plain: Uint8Array, aad: string): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, nonce, body, cipher.getAuthTag()]);
}

/** Null when the key is wrong or the bytes were changed (GCM cannot tell which). */
function openWith(key: Buffer, sealed: Uint8Array, aad: string): Buffer | null {
  const b = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (!isSealed(b) || b.length < MAGIC.length + NONCE + TAG) return null;
  const nonce = b.subarray(MAGIC.length, MAGIC.length + NONCE);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(b.subarray(b.length - TAG));
  try {
    return Buffer.concat([decipher.update(b.subarray(MAGIC.length + NONCE, b.length - TAG)), decipher.final()]);
  } catch {
    return null;
  }
}

/** The codec of an encrypted archive rooted at `root`. */
export class Sealer implements Codec {
  readonly encrypted = true;
  readonly #nameKey: Buffer;
  constructor(
    private readonly key: Buffer,
    private readonly root: string,
  ) {
    this.#nameKey = createHmac('sha256', key).update('aqiqat file names').digest();
  }

  /** Zero the keys (the archive was closed or locked); this sealer must not be used afterwards. */
  dispose(): void {
    this.key.fill(0);
    this.#nameKey.fill(0);
  }

  locate(file: string): string {
    const rel = path.relative(this.root, path.resolve(file)).split(path.sep);
    const m = rel.length === 2 && (rel[0] === 'texts' || rel[0] === 'sources') ? /^([0-9a-f]{64})(\..*)$/.exec(rel[1]!) : null;
    if (!m) return file;
    return path.join(path.dirname(path.resolve(file)), `${createHmac('sha256', this.#nameKey).update(m[1]!).digest('hex')}${m[2]}`);
  }

  /** The authenticated name of a file: its path inside the archive, with / separators. */
  private aad(file: string): string {
    const rel = path.relative(this.root, path.resolve(file)).split(path.sep).join('/');
    // snapshots of archive.json are byte copies of it: they authenticate as archive.json
    return /^backups\/(archive-|replaced-archive-).*\.json$/.test(rel) ? 'archive.json' : rel;
  }

  seal(plain: Uint8Array, file: string): Buffer {
    return sealWith(this.key, plain, this.aad(file));
  }

  open(stored: Uint8Array, file: string): Buffer {
    if (!isSealed(stored)) return Buffer.from(stored); // written before `aqiqat encrypt` reached it
    const plain = openWith(this.key, stored, this.aad(file));
    if (!plain) throw new AqiqatError(`${this.aad(file)} is damaged or was changed (its encryption does not authenticate); restore it from a backup`, 'archive');
    return plain;
  }
}

const KeyFileSchema = z.object({
  format: z.literal('aqiqat-encryption'),
  version: z.literal(1),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  /** the data key, sealed with the passphrase's key */
  key: z.string(),
  changedAt: z.string(),
  /** set while `encrypt` seals an existing archive's files, cleared when it is done: an interrupted run is finished at the next open */
  sealing: z.literal(true).optional(),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

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
  return new Promise((resolve, reject) => scryptCb(passphrase.normalize('NFC'), salt, 32, options, (e, key) => (e ? reject(e) : resolve(key))));
}

export function checkPassphrase(passphrase: string): void {
  if (passphrase.length < 8) throw new AqiqatError('the passphrase must be at least 8 characters (a few words are best)', 'usage');
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
  return {
    format: 'aqiqat-encryption',
    version: 1,
    kdf: { name: 'scrypt', ...kdf, salt: salt.toString('base64') },
    key: sealWith(kek, dataKey, KEY_FILE).toString('base64'),
    changedAt: now.toISOString(),
  };
}

export function parseKeyFile(raw: string): KeyFile {
  try {
    return KeyFileSchema.parse(JSON.parse(raw));
  } catch {
    throw new AqiqatError(`${KEY_FILE} is damaged; without it the archive cannot be opened. Restore it from a backup.`, 'archive');
  }
}

/** The data key, or "wrong passphrase". */
export async function unlock(keyFile: KeyFile, passphrase: string): Promise<Buffer> {
  const { N, r, p } = keyFile.kdf;
  if (N > 2 ** 22 || r > 32 || p > 16) throw new AqiqatError(`${KEY_FILE} asks for an unreasonable key derivation; it was not made by Aqiqat`, 'archive');
  const kek = await scrypt(passphrase, Buffer.from(keyFile.kdf.salt, 'base64'), { N, r, p });
  const dataKey = openWith(kek, Buffer.from(keyFile.key, 'base64'), KEY_FILE);
  if (!dataKey || dataKey.length !== 32) throw new AqiqatError('wrong passphrase; nothing was changed', 'input');
  return dataKey;
}

/** The same data key under a new passphrase (nothing else is re-encrypted). */
export async function rewrap(keyFile: KeyFile, oldPassphrase: string, newPassphrase: string, now = new Date()): Promise<KeyFile> {
  checkPassphrase(newPassphrase);
  const next = await sealDataKey(await unlock(keyFile, oldPassphrase), newPassphrase, now);
  return keyFile.sealing ? { ...next, sealing: true } : next;
}

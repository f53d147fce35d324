/**
 * The archive's identity: an Ed25519 key pair made with Node's crypto the first time something needs
 * it (a package, a signed audit head, `aqiqat identity`), and the name the researcher or organisation
 * signs with. Stored in `identity.json` at the archive's root, sealed like every other file when the
 * archive is encrypted, carried by backups. Beside the signing key (`sign`) an X25519 key (`encrypt`,
 * in age's own encodings) that team bundles are encrypted to; an identity made before it gets one on
 * first need (ensureEncryptionKey), audited like the signing key.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic.js';
import { AqiqatError } from '../errors.js';
import { fingerprintOf } from '../../shared/fingerprint.js';
import { isSealed, type Codec } from './crypto.js';
import type { ArchiveStore } from '../storage/store.js';
import { AGE_RECIPIENT } from '../model.js';

export const IDENTITY_FILE = 'identity.json';
/** The name until the user sets one. */
export const UNNAMED = 'unnamed';
export const MAX_IDENTITY_NAME = 200;
export const IDENTITY_CREATED_ACTION = 'identity-created';
export const ENCRYPTION_KEY_ACTION = 'identity-encryption-key-created';

const b64 = z.string().regex(/^[A-Za-z0-9+/]{43}=$/); // 32 bytes

const IdentitySchema = z.object({
  format: z.literal('aqiqat-identity'),
  version: z.literal(1),
  name: z.string(),
  created: z.string(),
  sign: z.object({ algorithm: z.literal('Ed25519'), publicKey: b64, privateKey: b64 }),
  encrypt: z
    .object({
      algorithm: z.literal('X25519'),
      /** age's recipient string, `age1…` */
      recipient: z.string().regex(AGE_RECIPIENT),
      /** age's identity string, `AGE-SECRET-KEY-1…` */
      secretKey: z.string().regex(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/),
    })
    .optional(),
});
export type Identity = z.infer<typeof IdentitySchema>;

/** What the CLI and the Security dialog show. */
export interface IdentityView {
  name: string;
  fingerprint: string;
  created: string;
}

const fileOf = (root: string) => path.join(root, IDENTITY_FILE);

/** The fingerprint of a raw 32-byte Ed25519 public key (shared/fingerprint.ts says why this form). */
export const keyFingerprint = (raw: Uint8Array): string => fingerprintOf(createHash('sha256').update(raw).digest());

export const viewOf = (id: Identity): IdentityView => ({
  name: id.name,
  fingerprint: keyFingerprint(Buffer.from(id.sign.publicKey, 'base64')),
  created: id.created,
});

const b64url = (b64std: string) => Buffer.from(b64std, 'base64').toString('base64url');

function privateKeyOf(id: Identity): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: b64url(id.sign.privateKey), x: b64url(id.sign.publicKey) },
    format: 'jwk',
  });
}

/** A raw Ed25519 public key as Node's key object. */
export function publicKeyOf(raw: Uint8Array): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}

/** The public key in PEM (SubjectPublicKeyInfo), as `openssl pkey -pubin` reads it. */
export const publicKeyPem = (id: Identity): string =>
  publicKeyOf(Buffer.from(id.sign.publicKey, 'base64')).export({ type: 'spki', format: 'pem' }).toString();

/** The Ed25519 signature of `data` with the archive's key. */
export const signWith = (id: Identity, data: Uint8Array): Buffer => sign(null, data, privateKeyOf(id));

/** The identity as stored: null when there is none yet. */
export async function readIdentity(root: string, codec: Codec): Promise<Identity | null> {
  const file = fileOf(root);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AqiqatError('identity.unreadable', { reason: (e as Error).message }, 'archive');
  }
  // a plain key in an encrypted archive could have been put there by anyone
  if (codec.encrypted && !isSealed(bytes)) throw new AqiqatError('identity.not-sealed', {}, 'archive');
  try {
    const id = IdentitySchema.parse(JSON.parse(codec.open(bytes, file).toString('utf8')));
    // the stored public key must be the private key's: else signatures would name the wrong signer
    const derived = createPublicKey(privateKeyOf(id)).export({ format: 'jwk' }).x;
    if (derived !== b64url(id.sign.publicKey)) throw new Error('the keys do not match');
    return id;
  } catch (e) {
    if (e instanceof AqiqatError) throw e;
    throw new AqiqatError('identity.damaged', { reason: (e as Error).message.split('\n')[0]! }, 'archive');
  }
}

async function writeIdentity(store: ArchiveStore, id: Identity): Promise<void> {
  const file = fileOf(store.layout.root);
  await writeFileAtomic(file, store.codec.seal(Buffer.from(JSON.stringify(id)), file));
}

const making = new WeakMap<ArchiveStore, Promise<Identity>>();

/** The archive's identity, made (and audited) on first need; two callers at once get the same key. */
export async function ensureIdentity(store: ArchiveStore, now = new Date()): Promise<Identity> {
  const found = await readIdentity(store.layout.root, store.codec);
  if (found) return found;
  let p = making.get(store);
  if (!p) {
    p = makeIdentity(store, now).finally(() => making.delete(store));
    making.set(store, p);
  }
  return p;
}

async function makeIdentity(store: ArchiveStore, now: Date): Promise<Identity> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const id: Identity = {
    format: 'aqiqat-identity',
    version: 1,
    name: UNNAMED,
    created: now.toISOString(),
    sign: {
      algorithm: 'Ed25519',
      publicKey: Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64'),
      privateKey: Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url').toString('base64'),
    },
    encrypt: await newEncryptionKey(),
  };
  await writeIdentity(store, id);
  await store.audit.record({ action: IDENTITY_CREATED_ACTION, summary: `signing key ${viewOf(id).fingerprint}` });
  return id;
}

/** The name as given: trimmed, one line, not empty, not too long. */
export function checkIdentityName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (name === '' || name.length > MAX_IDENTITY_NAME || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name))
    throw new AqiqatError('identity.bad-name', { max: MAX_IDENTITY_NAME }, 'usage');
  return name;
}

export async function setIdentityName(store: ArchiveStore, raw: string): Promise<Identity> {
  const name = checkIdentityName(raw);
  const id = await ensureIdentity(store);
  if (id.name === name) return id;
  const next = { ...id, name };
  await writeIdentity(store, next);
  await store.audit.record({ action: 'identity-renamed', summary: `${id.name} → ${name}` });
  return next;
}

async function newEncryptionKey(): Promise<NonNullable<Identity['encrypt']>> {
  // age is loaded when a key is made, not by every process that reads the identity
  const { generateX25519Identity, identityToRecipient } = await import('age-encryption');
  const secretKey = await generateX25519Identity();
  return { algorithm: 'X25519', recipient: await identityToRecipient(secretKey), secretKey };
}

const addingKey = new WeakMap<ArchiveStore, Promise<Identity & { encrypt: NonNullable<Identity['encrypt']> }>>();

/** The identity with its X25519 key, which an identity made before teams gets here (audited). */
export async function ensureEncryptionKey(
  store: ArchiveStore,
): Promise<Identity & { encrypt: NonNullable<Identity['encrypt']> }> {
  const id = await ensureIdentity(store);
  if (id.encrypt) return id as Identity & { encrypt: NonNullable<Identity['encrypt']> };
  let p = addingKey.get(store);
  if (!p) {
    p = (async () => {
      const next = { ...id, encrypt: await newEncryptionKey() };
      await writeIdentity(store, next);
      await store.audit.record({ action: ENCRYPTION_KEY_ACTION, summary: `encryption key ${next.encrypt.recipient}` });
      return next;
    })().finally(() => addingKey.delete(store));
    addingKey.set(store, p);
  }
  return p;
}

/** The fingerprint facts are stamped with (who created and changed them); undefined while the archive has no identity. */
export async function ownFingerprint(store: ArchiveStore): Promise<string | undefined> {
  const id = await readIdentity(store.layout.root, store.codec);
  return id ? viewOf(id).fingerprint : undefined;
}

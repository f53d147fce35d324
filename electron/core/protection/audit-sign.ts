/**
 * The signed audit head: `audit.signed` holds the log's head (line count, hash of the last line) at
 * the last package, backup, dossier or export, signed with the archive's identity key. `audit.head`
 * follows every append, so someone who cuts lines off the log can put back an older `audit.head` that
 * the shorter log satisfies; they cannot make a signature over that older head dated after the last
 * signing without the key, and `verify` holds the log to the newest signed head as well.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { verify as verifySignature } from 'node:crypto';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic.js';
import type { ArchiveStore } from '../storage/store.js';
import { checkHead, headOf, type AuditHead } from './audit.js';
import { isSealed, type Codec } from './crypto.js';
import {
  ensureIdentity,
  keyFingerprint,
  publicKeyOf,
  readIdentity,
  signWith,
  IDENTITY_FILE,
  type Identity,
} from './identity.js';

export const AUDIT_SIGNED_FILE = 'audit.signed';

const SignedHeadSchema = z.object({
  format: z.literal('aqiqat-audit-signed'),
  version: z.literal(1),
  lines: z.number().int().nonnegative(),
  last: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  fingerprint: z.string(),
  signature: z.string(),
});
export type SignedHead = z.infer<typeof SignedHeadSchema>;

/** The exact bytes signed: a fixed text, so the signature can be checked with any Ed25519 tool. */
export const signedBytes = (h: AuditHead & { at: string }): Buffer =>
  Buffer.from(`aqiqat-audit-head 1\nlines ${h.lines}\nlast ${h.last}\nat ${h.at}\n`);

/** Sign the log's head as it is now with the archive's key (made on first need), and keep it in audit.signed. */
export async function signAuditHead(store: ArchiveStore, now = new Date()): Promise<SignedHead> {
  const id = await ensureIdentity(store, now);
  return writeSigned(store, id, now);
}

/** The identity, and from its first day a signed head beside it: verify then expects audit.signed. */
export async function signingIdentity(store: ArchiveStore, now = new Date()): Promise<Identity> {
  const id = await ensureIdentity(store, now);
  const file = path.join(store.layout.root, AUDIT_SIGNED_FILE);
  const there = await readFile(file).then(
    () => true,
    () => false,
  );
  if (!there) await writeSigned(store, id, now);
  return id;
}

async function writeSigned(store: ArchiveStore, id: Identity, now: Date): Promise<SignedHead> {
  const { head } = await store.audit.end();
  return writeSignedHead(store.layout.root, store.codec, id, head, now);
}

async function writeSignedHead(
  root: string,
  codec: Codec,
  id: Identity,
  logHead: AuditHead,
  now: Date,
): Promise<SignedHead> {
  const head = { ...logHead, at: now.toISOString() };
  const signed: SignedHead = {
    format: 'aqiqat-audit-signed',
    version: 1,
    ...head,
    fingerprint: keyFingerprint(Buffer.from(id.sign.publicKey, 'base64')),
    signature: signWith(id, signedBytes(head)).toString('base64'),
  };
  const file = path.join(root, AUDIT_SIGNED_FILE);
  await writeFileAtomic(file, codec.seal(Buffer.from(JSON.stringify(signed)), file));
  return signed;
}

/**
 * After `encrypt` or a re-key rebuilt the log's chain under a new key (every line's hash changed), the
 * key holder signs the rebuilt head; `codec` is the new one, which identity.json is already sealed with.
 */
export async function resignRebuiltLog(root: string, codec: Codec, rawLog: string): Promise<void> {
  const id = await readIdentity(root, codec);
  if (id) await writeSignedHead(root, codec, id, headOf(rawLog), new Date());
}

/**
 * What is wrong with the log's end as signed: audit.signed readable, signed by the archive's key, and
 * the log still holding the line it names. `logCreatedIdentity`: the log says a key was made, so
 * identity.json (and from then on audit.signed) must be there.
 */
export async function signedHeadProblems(
  store: ArchiveStore,
  rawLog: string,
  logCreatedIdentity: boolean,
): Promise<{ file: string; detail: string }[]> {
  const root = store.layout.root;
  let id: Identity | null;
  try {
    id = await readIdentity(root, store.codec);
  } catch (e) {
    return [{ file: IDENTITY_FILE, detail: (e as Error).message }];
  }
  const file = path.join(root, AUDIT_SIGNED_FILE);
  const bytes = await readFile(file).catch(() => null);
  if (id === null) {
    if (logCreatedIdentity)
      return [{ file: IDENTITY_FILE, detail: 'the audit log records a signing key, but identity.json is missing' }];
    return bytes
      ? [{ file: AUDIT_SIGNED_FILE, detail: 'there is a signed head but no signing key (identity.json)' }]
      : [];
  }
  if (bytes === null)
    return [
      {
        file: AUDIT_SIGNED_FILE,
        detail: `${AUDIT_SIGNED_FILE} is missing, so the signed end of the log cannot be checked`,
      },
    ];
  if (store.codec.encrypted && !isSealed(bytes))
    return [{ file: AUDIT_SIGNED_FILE, detail: `${AUDIT_SIGNED_FILE} is not sealed with the archive's key` }];
  let signed: SignedHead;
  try {
    signed = SignedHeadSchema.parse(JSON.parse(store.codec.open(bytes, file).toString('utf8')));
  } catch {
    return [{ file: AUDIT_SIGNED_FILE, detail: `${AUDIT_SIGNED_FILE} is not a valid signed head` }];
  }
  const key = publicKeyOf(Buffer.from(id.sign.publicKey, 'base64'));
  if (!verifySignature(null, signedBytes(signed), key, Buffer.from(signed.signature, 'base64')))
    return [
      {
        file: AUDIT_SIGNED_FILE,
        detail: `the signature of the head signed at ${signed.at} does not verify with the archive's key`,
      },
    ];
  const { problem } = checkHead(rawLog, signed);
  return problem
    ? [
        {
          file: 'audit.log',
          detail: `against the head signed at ${signed.at} (${signed.lines} lines): ${problem.replace('audit.head says', 'the signed head says')}`,
        },
      ]
    : [];
}

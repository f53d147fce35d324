/**
 * Contacts: colleagues' public keys, kept in archive.json (`team.contacts`). A colleague hands over the
 * file `aqiqat identity export` writes (PublicKeyFileSchema): name, both public keys, and the
 * fingerprint of the signing key, which is checked here and shown to be compared by phone.
 */
import { z } from 'zod';
import { AqiqatError } from '../errors.js';
import { checkIdentityName, keyFingerprint, publicKeyOf, type Identity } from '../protection/identity.js';
import { AGE_RECIPIENT, emptyTeam, type ArchiveFile, type Contact, type Team } from '../model.js';
import type { ArchiveStore } from '../storage/store.js';

export const PUBLIC_KEY_FORMAT = 'aqiqat-public-key';

export const PublicKeyFileSchema = z
  .object({
    format: z.literal(PUBLIC_KEY_FORMAT),
    version: z.literal(1),
    name: z.string().min(1).max(200),
    /** of the signing key (shared/fingerprint.ts): what the two read to each other */
    fingerprint: z.string(),
    sign: z.object({ algorithm: z.literal('Ed25519'), publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) }).strict(),
    encrypt: z.object({ algorithm: z.literal('X25519'), recipient: z.string().regex(AGE_RECIPIENT) }).strict(),
  })
  .strict();
export type PublicKeyFile = z.infer<typeof PublicKeyFileSchema>;

export function publicKeyFileOf(id: Identity & { encrypt: NonNullable<Identity['encrypt']> }): PublicKeyFile {
  return {
    format: PUBLIC_KEY_FORMAT,
    version: 1,
    name: id.name,
    fingerprint: keyFingerprint(Buffer.from(id.sign.publicKey, 'base64')),
    sign: { algorithm: 'Ed25519', publicKey: id.sign.publicKey },
    encrypt: { algorithm: 'X25519', recipient: id.encrypt.recipient },
  };
}

/** A key file as handed over: valid JSON of the format, a real Ed25519 key, the fingerprint its own. */
export function parsePublicKeyFile(bytes: Uint8Array, file: string): PublicKeyFile {
  const bad = (reason: string) => new AqiqatError('contact.bad-key-file', { file, reason }, 'input');
  let parsed: PublicKeyFile;
  try {
    parsed = PublicKeyFileSchema.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
  } catch (e) {
    throw bad(e instanceof SyntaxError ? 'not JSON' : 'not of the expected form');
  }
  const raw = Buffer.from(parsed.sign.publicKey, 'base64');
  try {
    publicKeyOf(raw);
  } catch {
    throw bad('the signing key is not an Ed25519 key');
  }
  if (keyFingerprint(raw) !== parsed.fingerprint) throw bad('the fingerprint is not the key’s');
  return parsed;
}

export const teamOf = (meta: ArchiveFile): Team => (meta.team ??= emptyTeam());

const nameKey = (s: string) => s.normalize('NFC').trim().toLowerCase();

export function findContact(meta: ArchiveFile, name: string): Contact {
  const c = meta.team?.contacts.find((x) => nameKey(x.name) === nameKey(name));
  if (!c) throw new AqiqatError('contact.not-found', { name }, 'not-found');
  return c;
}

export async function addContact(
  store: ArchiveStore,
  own: Identity,
  rawName: string,
  key: PublicKeyFile,
  now = new Date(),
): Promise<Contact> {
  const name = checkIdentityName(rawName);
  if (key.sign.publicKey === own.sign.publicKey) throw new AqiqatError('contact.own-key', {}, 'usage');
  const team = teamOf(store.meta.data);
  const same = team.contacts.find((c) => c.signKey === key.sign.publicKey);
  if (same) throw new AqiqatError('contact.key-exists', { name: same.name, fingerprint: same.fingerprint }, 'conflict');
  if (team.contacts.some((c) => nameKey(c.name) === nameKey(name)))
    throw new AqiqatError('contact.exists', { name }, 'conflict');
  const contact: Contact = {
    name,
    signKey: key.sign.publicKey,
    recipient: key.encrypt.recipient,
    fingerprint: key.fingerprint,
    addedAt: now.toISOString(),
  };
  team.contacts.push(contact);
  await store.save(store.meta);
  await store.audit.record({ action: 'contact-added', summary: `${name} ${contact.fingerprint}` });
  return contact;
}

export async function renameContact(store: ArchiveStore, from: string, rawName: string): Promise<Contact> {
  const name = checkIdentityName(rawName);
  const contact = findContact(store.meta.data, from);
  if (contact.name === name) return contact;
  if (store.meta.data.team!.contacts.some((c) => c !== contact && nameKey(c.name) === nameKey(name)))
    throw new AqiqatError('contact.exists', { name }, 'conflict');
  const previous = contact.name;
  contact.name = name;
  await store.save(store.meta);
  await store.audit.record({ action: 'contact-renamed', summary: `${previous} → ${name} ${contact.fingerprint}` });
  return contact;
}

export async function removeContact(store: ArchiveStore, name: string): Promise<Contact> {
  const contact = findContact(store.meta.data, name);
  const team = store.meta.data.team!;
  team.contacts = team.contacts.filter((c) => c !== contact);
  await store.save(store.meta);
  await store.audit.record({ action: 'contact-removed', summary: `${contact.name} ${contact.fingerprint}` });
  return contact;
}

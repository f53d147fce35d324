/**
 * A team bundle: an age file (X25519 recipients, or one scrypt passphrase) whose plaintext is a ZIP of
 * `bundle.json` (what is handed over, and the SHA-256 of every other file), `signature.json` (the
 * sender's Ed25519 signature over bundle.json's bytes), `sources/` and `texts/` byte for byte. Pure:
 * schemas, limits and canonical hashing; no I/O.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  AGE_RECIPIENT,
  ArticleSchema,
  CaseSchema,
  EntitySchema,
  FactSchema,
  FactTypeSchema,
  SHA256,
} from '../model.js';

export const BUNDLE_FORMAT = 'aqiqat-bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_FILE = 'bundle.json';
export const SIGNATURE_FILE = 'signature.json';

/** Sizes a bundle may have: the age file itself, and its ZIP unpacked (measured while inflating). */
export const BUNDLE_LIMITS = {
  packageBytes: 1024 * 1024 * 1024,
  entryBytes: 512 * 1024 * 1024,
  totalBytes: 1024 * 1024 * 1024,
  entries: 200_000,
};

/** sources/<sha256>.<ext> and texts/<sha256>.txt: nothing else, so no name can point outside the archive. */
export const BUNDLE_ENTRY =
  /^(sources\/[0-9a-f]{64}\.[a-z0-9]{1,8}|texts\/[0-9a-f]{64}\.txt|bundle\.json|signature\.json)$/;

const b64key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

/** Only the version first: a newer bundle is named as such, not as invalid. */
export const BundleHeadSchema = z.object({ format: z.literal(BUNDLE_FORMAT), version: z.number().int() });

export const BundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    createdAt: z.string().datetime({ offset: true }),
    sender: z.object({
      name: z.string().max(200),
      fingerprint: z.string(),
      signKey: b64key,
      recipient: z.string().regex(AGE_RECIPIENT),
    }),
    /** fingerprints of the contacts it is encrypted to; empty for a passphrase */
    to: z.array(z.string()).max(1000),
    cases: z.array(CaseSchema).max(10_000),
    facts: z.array(FactSchema).max(1_000_000),
    /** shared facts the sender has deleted since they last exchanged them: id and the hash last exchanged */
    deleted: z.array(z.object({ id: z.string(), base: z.string().regex(SHA256) })).max(1_000_000),
    articles: z.array(ArticleSchema).max(1_000_000),
    entities: z.array(EntitySchema).max(1_000_000),
    tags: z.array(z.string()).max(100_000),
    factTypes: z.array(FactTypeSchema).max(10_000),
    /** the sender's hash of each thing as last exchanged (team.synced): the common version */
    bases: z.record(z.string(), z.string().regex(SHA256)),
    /** SHA-256 of every other file of the ZIP by path */
    files: z.record(z.string().regex(BUNDLE_ENTRY), z.string().regex(SHA256)),
  })
  .strict();
export type Bundle = z.infer<typeof BundleSchema>;

export const SignatureSchema = z
  .object({ algorithm: z.literal('Ed25519'), signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/) })
  .strict();

/** JSON with keys sorted: the same value, the same bytes, whatever order it was built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export const hashOf = (value: unknown): string => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** The keys of team.synced and Bundle.bases: one per thing whose versions are compared. */
export const keys = {
  fact: (id: string) => `f:${id}`,
  caseTitle: (id: string) => `c:${id}:title`,
  caseSummary: (id: string) => `c:${id}:summary`,
  caseOrder: (id: string) => `c:${id}:order`,
  article: (id: string) => `a:${id}`,
  entity: (id: string) => `e:${id}`,
};

/**
 * The evidence package's format (`.aqpkg`, a ZIP): its file names, limits, the manifest's schema and the
 * SHA256SUMS text. Pure (zod only): the writer, `verify-package` and the page inside the package
 * (verify.html) read the same definitions.
 */
// zod's mini build: verify.html bundles this schema, and the full build would add ~300 KB of locales
import * as z from 'zod/mini';

export const PACKAGE_FORMAT = 'aqiqat-evidence-package';
export const PACKAGE_VERSION = 1;

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const PUBLIC_KEY = 'public-key.pem';
export const SUMS = 'SHA256SUMS';
export const VERIFY_PAGE = 'verify.html';
export const DOSSIER_PDF = 'dossier.pdf';
/** Where an RFC 3161 timestamp over SHA-256(manifest.json) may be added later: in no list, signed by its authority. */
export const TIMESTAMPS_DIR = 'timestamps/';
export const MANIFEST_STAMP = 'timestamps/manifest.tsr';

/**
 * What a package may hold, checked from the ZIP's central directory before anything is unpacked, and
 * again while unpacking (a size the directory understates stops the inflation there): a ZIP bomb is
 * refused in milliseconds. A package carries its sources byte for byte, so the limits are generous.
 */
export const PACKAGE_LIMITS = {
  /** the .aqpkg file itself */
  packageBytes: 1024 * 1024 * 1024,
  /** any one file unpacked */
  entryBytes: 512 * 1024 * 1024,
  /** all files unpacked */
  totalBytes: 1024 * 1024 * 1024,
  entries: 20_000,
} as const;

/**
 * A path inside the package: relative, ASCII, segments of letters, digits, dot, dash and underscore,
 * none starting with a dot (so no `..`), no empty segment, no backslash.
 */
export const SAFE_PACKAGE_PATH = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,120}){0,3}$/;
export const isSafePackagePath = (p: string): boolean => SAFE_PACKAGE_PATH.test(p) && p.length <= 255;

const sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/));
const count = () => z.number().check(z.int(), z.nonnegative());
const text = z.string();
const maybe = z.nullable(z.string());

export const ManifestSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  created: text,
  /** the language of the dossier and of verify.html's words */
  lang: z.enum(['en', 'kk', 'ru']),
  case: z.nullable(z.object({ id: text, title: text, summary: text })),
  signer: z.object({ name: text, fingerprint: text, algorithm: z.literal('Ed25519') }),
  files: z.array(
    z.object({
      path: text,
      size: count(),
      sha256,
      role: z.enum(['dossier', 'source', 'text', 'verify-page', 'public-key']),
      article: z.optional(text),
    }),
  ),
  articles: z.array(
    z.object({
      id: text,
      title: text,
      url: maybe,
      publisher: maybe,
      publishedAt: maybe,
      /** SHA-256 of the original file and of the extracted text, as the archive recorded them (null: left out) */
      sourceSha256: z.nullable(sha256),
      textSha256: z.nullable(sha256),
      /** the original's file name as imported (its path in the package is ASCII-safe) */
      sourceName: maybe,
      source: maybe,
      text: maybe,
    }),
  ),
  facts: z.array(
    z.object({
      id: text,
      article: text,
      quote: text,
      /** offsets into the article's text, in UTF-16 code units (as JavaScript counts) */
      start: count(),
      end: count(),
      type: text,
      /** the quote as shown has a redacted name in it: it is not the text at its offsets */
      redacted: z.boolean(),
    }),
  ),
  redaction: z.object({
    redacted: z.boolean(),
    /** the sources' URLs, publishers, dates and hashes are left out too */
    sourcesDetailsLeftOut: z.boolean(),
    /** what was left out because it would show a redacted name */
    leftOut: z.array(z.object({ article: text, what: z.enum(['source', 'text']) })),
  }),
  /** the archive's audit log when the package was made: line count and SHA-256 of its last line */
  audit: z.object({ lines: count(), last: sha256 }),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** SHA256SUMS as `sha256sum -c` reads it: "<hex>  <path>" per file, sorted by path, LF line ends. */
export const sumsText = (files: readonly { path: string; sha256: string }[]): string =>
  [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join('');

/** The files a manifest does not list: itself, its signature, SHA256SUMS, and timestamps added later. */
export const outsideManifest = (p: string): boolean =>
  p === MANIFEST || p === SIGNATURE || p === SUMS || p.startsWith(TIMESTAMPS_DIR);
/** The files SHA256SUMS does not list: itself and timestamps added later. */
export const outsideSums = (p: string): boolean => p === SUMS || p.startsWith(TIMESTAMPS_DIR);

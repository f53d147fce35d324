/**
 * The stored file formats. Every file carries `schemaVersion`; readers validate with
 * these schemas so that a hand-edited or newer file is refused instead of half-understood.
 */
import { z } from 'zod';
import { ACQUIRED_FROM, CAPTURED_AT, FACT_STATUSES, SOURCE_TYPES } from '../shared/provenance.js';

export const SCHEMA_VERSION = 1;

/** The app's idle lock (session.ts): on by default for an encrypted archive, at most a day. */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;
export const IDLE_LOCK_MAX_MINUTES = 1440;
/** Idle minutes before the app locks an encrypted archive; null: never. The stored setting, the call and the CLI check it. */
export const IdleLockMinutesSchema = z.number().int().min(1).max(IDLE_LOCK_MAX_MINUTES).nullable();

export const ARTICLE_ID = /^[0-9a-f]{12,64}$/;
/** A fact id is its article id, a dash and a random suffix: the id alone locates the fact's shard. */
export const FACT_ID = /^[0-9a-f]{12,64}-[0-9a-z]{6}$/;
export const ENTITY_ID = /^e-[0-9a-z]{8}$/;
export const SHA256 = /^[0-9a-f]{64}$/;

export const LanguageSchema = z.enum(['kk', 'ru', 'en', 'other']);
export type Language = z.infer<typeof LanguageSchema>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoInstant = z.string().datetime({ offset: true });

export const ArticleSchema = z.object({
  id: z.string().regex(ARTICLE_ID),
  title: z.string().min(1),
  url: z.string().nullable(),
  publisher: z.string().nullable(),
  publishedAt: isoDay.nullable(),
  lang: LanguageSchema,
  /** SHA-256 of the original bytes, kept in sources/<sha256>.<ext> */
  sha256: z.string().regex(SHA256),
  sourceExt: z.string().regex(/^[a-z0-9]{1,8}(\.gz)?$/),
  sourceName: z.string().nullable(),
  /** SHA-256 of the extracted text (UTF-8), kept in texts/<textSha256>.txt */
  textSha256: z.string().regex(SHA256),
  textLength: z.number().int().nonnegative(),
  importedAt: isoInstant,
  tags: z.array(z.string()),
  note: z.string(),
  /** Optional so that older files and other constructors stay valid. */
  author: z.string().nullable().optional(),
  /** Other files with the same text (e.g. the PDF of an imported web page); absent means none. */
  otherSources: z.array(z.lazy(() => OtherSourceSchema)).optional(),
  /** SHA-256 of the text folded for comparison (letters and digits, lower case, no page markers). */
  textKey: z.string().regex(SHA256).optional(),
  /** How the text of scanned pages was read by OCR; absent for text read from the file itself. */
  ocr: z.lazy(() => OcrInfoSchema).optional(),
  /** provenance (absent: not set; older archives stay valid) */
  sourceType: z.lazy(() => SourceTypeSchema).optional(),
  capture: z.lazy(() => CaptureRecordSchema).optional(),
  /** the saved page as it looked, rendered offline (core/visual/); absent: not a page, or not rendered yet */
  visual: z.lazy(() => VisualCopySchema).optional(),
  /** why the last rendering failed (one line); cleared when one succeeds */
  visualFailed: z.object({ at: isoInstant, reason: z.string().min(1).max(500) }).optional(),
});
export type Article = z.infer<typeof ArticleSchema>;

/** What the article list shows of each article and sorts by: all the library needs before one is opened. */
export type ArticleRow = Pick<Article, 'id' | 'title' | 'publisher' | 'publishedAt' | 'lang' | 'importedAt'>;

export const articleRow = ({ id, title, publisher, publishedAt, lang, importedAt }: Article): ArticleRow => ({
  id,
  title,
  publisher,
  publishedAt,
  lang,
  importedAt,
});

/** Strings by their UTF-16 code units: no locale, so the same order everywhere. */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The list's order: by published date, then by import time, newest first (ISO dates and hex ids sort as plain strings). */
export const listOrder = (a: ArticleRow, b: ArticleRow): number =>
  compareStrings(b.publishedAt ?? '', a.publishedAt ?? '') ||
  compareStrings(b.importedAt, a.importedAt) ||
  compareStrings(a.id, b.id);

/** Sorts in place, in the list's order (localeCompare cost ~100 ms at 50k). */
export const newestFirst = <T extends ArticleRow>(articles: T[]): T[] => articles.sort(listOrder);

/** A file derived from a source (never replacing it): sources/<sha256>.<ext>. */
export const DerivedFileSchema = z.object({
  sha256: z.string().regex(SHA256),
  ext: z.enum(['png', 'pdf', 'jpg']),
  bytes: z.number().int().nonnegative(),
});
export type DerivedFile = z.infer<typeof DerivedFileSchema>;

/** A saved page's visual copy: full-page PNG, its PDF, a small JPEG of its top, and how it was made. */
export const VisualCopySchema = z.object({
  renderedAt: isoInstant,
  /** the browser that laid it out ("Chromium 150.0…") */
  engine: z.string().min(1).max(200),
  png: DerivedFileSchema.extend({ width: z.number().int().positive(), height: z.number().int().positive() }),
  pdf: DerivedFileSchema,
  thumb: DerivedFileSchema,
  /** the page's own height in CSS pixels when it was taller than the image (which is cut there) */
  fullHeight: z.number().int().positive().optional(),
  /** requests answered from the saved resources, and refused (nothing is ever fetched) */
  served: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
});
export type VisualCopy = z.infer<typeof VisualCopySchema>;

/** One page read by OCR: its confidence (0–100) and the words below the threshold, as [start, end) offsets into the article text. */
export const OcrPageSchema = z.object({
  page: z.number().int().positive(),
  confidence: z.number().min(0).max(100),
  lowConfidence: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
});
export const OcrInfoSchema = z.object({
  engine: z.string().min(1),
  version: z.string(),
  /** the trained models used (Tesseract's names: kaz, eng) */
  languages: z.array(z.string()),
  pages: z.array(OcrPageSchema),
  meanConfidence: z.number().min(0).max(100),
  /**
   * The text as the machine read it, while some page is corrected by hand (the article's `textSha256` is then
   * the corrected text, and `pages[].lowConfidence` offsets into it); absent: no page corrected.
   */
  machineTextSha256: z.string().regex(SHA256).optional(),
  corrections: z.array(z.lazy(() => PageCorrectionSchema)).optional(),
});
/** A page whose text the researcher corrected; its words are in the article's text, the machine's stay in `machineTextSha256`. */
export const PageCorrectionSchema = z.object({
  page: z.number().int().positive(),
  at: isoInstant,
  /** the fingerprint of the archive identity that corrected it (absent: no identity yet) */
  by: z.string().max(100).optional(),
  /** SHA-256 of the page's text as the machine read it and as corrected (UTF-8, without its `[page N]` line) */
  machineSha256: z.string().regex(SHA256),
  textSha256: z.string().regex(SHA256),
  /** the machine's doubtful words of the page, from the page text's first character: put back by a revert */
  machineLowConfidence: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
});
export type PageCorrection = z.infer<typeof PageCorrectionSchema>;
export type OcrInfo = z.infer<typeof OcrInfoSchema>;
export type OcrPage = z.infer<typeof OcrPageSchema>;

export const DatePrecisionSchema = z.enum(['year', 'month', 'day']);
export const EventDateSchema = z.object({
  value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  precision: DatePrecisionSchema,
  approximate: z.boolean(),
  /** a range's last year, month or day ("2009/2011", "2020-10-04/2020-10-16"); `value` is its first */
  end: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .optional(),
});
export type EventDate = z.infer<typeof EventDateSchema>;

/** W3C Web Annotation TextQuoteSelector + TextPositionSelector in one. */
export const AnchorSchema = z.object({
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Anchor = z.infer<typeof AnchorSchema>;

export const FactSchema = z.object({
  id: z.string().regex(FACT_ID),
  articleId: z.string().regex(ARTICLE_ID),
  anchor: AnchorSchema,
  type: z.string(),
  date: EventDateSchema.nullable(),
  people: z.array(z.string().regex(ENTITY_ID)),
  places: z.array(z.string().regex(ENTITY_ID)),
  organizations: z.array(z.string().regex(ENTITY_ID)),
  tags: z.array(z.string()),
  note: z.string(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  /** each linked person's part in the event (HURIDOCS ESF involvement); absent = not said */
  roles: z
    .record(
      z.string().regex(ENTITY_ID),
      z.lazy(() => FactRoleSchema),
    )
    .default({}),
  /** the quote translated into kk, ru or en by a researcher (absent: none) */
  translations: z.lazy(() => TranslationsSchema).optional(),
  /** verification (absent: unverified, no note, no corroboration) */
  status: z.lazy(() => FactStatusSchema).optional(),
  verificationNote: z.string().max(2000).optional(),
  /** facts of other articles that corroborate this one */
  corroboratedBy: z.array(z.string().regex(FACT_ID)).max(500).optional(),
  /** the fingerprint of the archive identity that created it and last changed it (absent: before identities, or none yet) */
  createdBy: z.string().max(100).optional(),
  updatedBy: z.string().max(100).optional(),
  /** its quote is no longer in the page as corrected by hand: the anchor still points into the machine's reading */
  quoteLost: z.object({ page: z.number().int().positive(), at: isoInstant }).optional(),
});
export type Fact = z.infer<typeof FactSchema>;

export const EntityKindSchema = z.enum(['person', 'organization', 'place']);
export type EntityKind = z.infer<typeof EntityKindSchema>;
export const EntitySchema = z.object({
  id: z.string().regex(ENTITY_ID),
  kind: EntityKindSchema,
  name: z.string().min(1),
  aliases: z.array(z.string()),
});
export type Entity = z.infer<typeof EntitySchema>;

export const CaseSchema = z.object({
  id: z.string(),
  title: z.string().min(1),
  summary: z.string(),
  factIds: z.array(z.string().regex(FACT_ID)),
  status: z.enum(['open', 'closed']),
  createdAt: isoInstant,
  /** what a UN communication needs beyond the facts (absent: nothing said yet) */
  communication: z.lazy(() => CommunicationSchema).optional(),
});
export type Case = z.infer<typeof CaseSchema>;

export const TagSchema = z.object({ path: z.string().min(1) });
export type Tag = z.infer<typeof TagSchema>;

const versioned = { schemaVersion: z.literal(SCHEMA_VERSION) };

/** archive.json: settings and the small global collections. */
export const ArchiveFileSchema = z.object({
  ...versioned,
  createdAt: isoInstant,
  settings: z.object({ shardCount: z.number().int().positive() }),
  entities: z.array(EntitySchema),
  cases: z.array(CaseSchema),
  tags: z.array(TagSchema),
  savedSearches: z.array(z.object({ name: z.string(), query: z.string() })),
  /** fact types the user added beyond the thesaurus (electron/shared/i18n) */
  factTypes: z.array(z.lazy(() => FactTypeSchema)).default([]),
  /** how many snapshots of archive.json backups/ keeps (snapshots.ts); absent: the default */
  backups: z.object({ keep: z.number().int().min(1).max(1000) }).optional(),
  /** the app locks an encrypted archive after this many idle minutes (null: never); absent: the default */
  security: z.object({ idleLockMinutes: IdleLockMinutesSchema }).optional(),
  /** proof of time: RFC 3161 requests waiting for an answer, and the stamps attached; absent: none yet */
  timestamps: z.lazy(() => TimestampsSchema).optional(),
  /** working as a team (core/team/): contacts, what was last exchanged, bundles received, open conflicts; absent: none yet */
  team: z.lazy(() => TeamSchema).optional(),
});
export type ArchiveFile = z.infer<typeof ArchiveFileSchema>;

/** shards/NN.articles.json: the metadata of the articles whose id falls in shard NN. */
export const ArticleShardSchema = z.object({ ...versioned, articles: z.array(ArticleSchema) });
export type ArticleShard = z.infer<typeof ArticleShardSchema>;

/** shards/NN.facts.json: the facts of those articles. */
export const FactShardSchema = z.object({ ...versioned, facts: z.array(FactSchema) });
export type FactShard = z.infer<typeof FactShardSchema>;

export function emptyArchiveFile(now: string, shardCount: number): ArchiveFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    createdAt: now,
    settings: { shardCount },
    entities: [],
    cases: [],
    tags: [],
    savedSearches: [],
    factTypes: [],
  };
}

export const FACT_ROLES = ['victim', 'perpetrator', 'witness', 'source', 'other'] as const;
export const FactRoleSchema = z.enum(FACT_ROLES);
export type FactRole = z.infer<typeof FactRoleSchema>;

export const FACT_TYPE_ID = /^[\p{L}\p{N}][\p{L}\p{N}-]{0,39}$/u;
/** A fact type: a stable id (stored on facts) and its label in each interface language. */
export const FactTypeSchema = z.object({
  id: z.string().regex(FACT_TYPE_ID),
  labels: z.object({ en: z.string().min(1), kk: z.string().min(1), ru: z.string().min(1) }),
});
export type FactType = z.infer<typeof FactTypeSchema>;

/** A further source file of an article, kept in sources/<sha256>.<ext> like the first. */
export const OtherSourceSchema = z.object({
  sha256: z.string().regex(SHA256),
  ext: z.string().regex(/^[a-z0-9]{1,8}$/),
  name: z.string().nullable(),
  importedAt: isoInstant,
});
export type OtherSource = z.infer<typeof OtherSourceSchema>;

/** A quote's translation: its text, who translated it (may be empty), when it was written. */
export const TRANSLATION_LANGS = ['kk', 'ru', 'en'] as const;
export type TranslationLang = (typeof TRANSLATION_LANGS)[number];
export const TranslationSchema = z.object({ text: z.string().min(1), by: z.string(), at: isoInstant });
export type Translation = z.infer<typeof TranslationSchema>;
export const TranslationsSchema = z
  .object({ kk: TranslationSchema.optional(), ru: TranslationSchema.optional(), en: TranslationSchema.optional() })
  .strict();
export type Translations = z.infer<typeof TranslationsSchema>;

/**
 * A case as a UN communication (OHCHR model complaint form, special procedures' submission form):
 * per person (by entity id) the victim's consent and why a perpetrator is held responsible; the
 * instrument articles concerned, from a fixed list; the State; other international procedures.
 */
export const RIGHTS = [
  'iccpr-6',
  'iccpr-7',
  'iccpr-9',
  'iccpr-10',
  'iccpr-12',
  'iccpr-14',
  'iccpr-17',
  'iccpr-18',
  'iccpr-19',
  'iccpr-21',
  'iccpr-22',
  'iccpr-25',
  'iccpr-26',
  'cat-1',
  'cat-2',
  'cat-12',
  'cat-13',
  'cat-14',
  'cat-15',
  'cat-16',
] as const;
export const RightSchema = z.enum(RIGHTS);
export type Right = z.infer<typeof RightSchema>;
export const CONSENTS = ['given', 'not-given', 'unknown'] as const;
export const ConsentSchema = z.object({
  status: z.enum(CONSENTS),
  /** who gave (or refused) it: the victim, a relative, a lawyer */
  by: z.string(),
  /** YYYY, YYYY-MM or YYYY-MM-DD, or '' */
  date: z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/),
});
export type Consent = z.infer<typeof ConsentSchema>;
export const CommunicationSchema = z
  .object({
    consent: z.record(z.string().regex(ENTITY_ID), ConsentSchema),
    responsibility: z.record(z.string().regex(ENTITY_ID), z.string()),
    rights: z.array(RightSchema),
    state: z.string(),
    otherProcedures: z.string(),
  })
  .strict();
export type Communication = z.infer<typeof CommunicationSchema>;

/** What a timestamp covers: an audit log line (by seq, hash of the line) or a package's manifest. */
const TimestampSubject = {
  sha256: z.string().regex(SHA256),
  target: z.enum(['audit', 'package']),
  /** audit: the stamped line's seq */
  seq: z.number().int().positive().optional(),
  /** package: its file name when requested */
  file: z.string().max(1000).optional(),
};
export const PendingTimestampSchema = z.object({
  ...TimestampSubject,
  /** the request's nonce (hex): only an answer carrying it is taken */
  nonce: z.string().regex(/^[0-9a-f]{2,64}$/),
  requestedAt: isoInstant,
});
export const StoredStampSchema = z.object({
  ...TimestampSubject,
  /** the TimeStampToken, DER in base64 */
  token: z.string().regex(/^[A-Za-z0-9+/]+=*$/),
  authority: z.string(),
  time: isoInstant,
  serial: z.string().regex(/^[0-9a-f]+$/),
  policy: z.string(),
  certificateFingerprint: z.string().regex(SHA256),
  /** the certificates it was checked against when attached (DER, base64); empty: not checked for trust */
  trustedCertificates: z.array(z.string().regex(/^[A-Za-z0-9+/]+=*$/)),
  attachedAt: isoInstant,
});
export const TimestampsSchema = z.object({
  pending: z.array(PendingTimestampSchema).max(1000),
  stamps: z.array(StoredStampSchema).max(100_000),
});
export type PendingTimestamp = z.infer<typeof PendingTimestampSchema>;
export type StoredStamp = z.infer<typeof StoredStampSchema>;
// ——— provenance: source types, capture records, fact status (the lists: shared/provenance.ts) ———

export const SourceTypeSchema = z.enum(SOURCE_TYPES);
export type SourceType = z.infer<typeof SourceTypeSchema>;
export const AcquiredFromSchema = z.enum(ACQUIRED_FROM);
export const FactStatusSchema = z.enum(FACT_STATUSES);
export type FactStatus = z.infer<typeof FactStatusSchema>;

/** What the researcher asserts about a capture: editable, each field absent until said. */
export const CaptureAssertedSchema = z
  .object({
    capturedBy: z.string().min(1).max(300),
    capturedAt: z.string().regex(CAPTURED_AT),
    tool: z.string().min(1).max(300),
    originalUrl: z.string().min(1).max(4000),
    acquiredFrom: AcquiredFromSchema,
    /** free text beside acquiredFrom: "Telegram, from the lawyer's assistant" */
    acquiredNote: z.string().min(1).max(1000),
    /** true: the original file; false: a copy of it */
    original: z.boolean(),
  })
  .partial()
  .strict();
export type CaptureAsserted = z.infer<typeof CaptureAssertedSchema>;

/**
 * What the machine recorded when the file came in (its file time; a web archive's own headers): kept
 * apart from what the researcher says, and never edited. The hashes and the import time are the
 * article's own `sha256`, `textSha256` and `importedAt`.
 */
export const CaptureMachineSchema = z
  .object({
    fileModifiedAt: isoInstant,
    /** WARC-Date, WARC-Target-URI and the capturing software of a WARC/WACZ capture */
    warcDate: isoInstant,
    warcTargetUri: z.string().max(4000),
    warcSoftware: z.string().max(300),
    /** the capture's page this article is (pages.jsonl's URL, or the one asked for): with `sha256`, its id */
    waczPage: z.string().max(4000),
    /** how many pages the capture lists (pages.jsonl, or a WARC's HTML responses) */
    warcPages: z.number().int().positive(),
    /** a WACZ: whether datapackage.json's SHA-256 of each file holds, and the first that does not */
    waczHashes: z.enum(['hold', 'broken', 'absent']),
    waczHashBroken: z.string().max(300),
    /** datapackage-digest.json's signer (a domain, or a public key's fingerprint), its signature checked against that key */
    waczSigner: z.string().max(300),
    waczSignature: z.enum(['valid', 'invalid']),
    waczSignedAt: isoInstant,
  })
  .partial()
  .strict();
export type CaptureMachine = z.infer<typeof CaptureMachineSchema>;

export const CaptureRecordSchema = z
  .object({ asserted: CaptureAssertedSchema.default({}), machine: CaptureMachineSchema.default({}) })
  .strict();
export type CaptureRecord = z.infer<typeof CaptureRecordSchema>;

// ——— teams (core/team/): contacts, exchange state, conflicts ———

const b64key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
export const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;
export const ContactSchema = z.object({
  name: z.string().min(1).max(200),
  /** the colleague's Ed25519 public key (raw, base64): what their bundles are signed with */
  signKey: b64key,
  /** their X25519 key as an age recipient: what bundles for them are encrypted to */
  recipient: z.string().regex(AGE_RECIPIENT),
  fingerprint: z.string(),
  addedAt: isoInstant,
});
export type Contact = z.infer<typeof ContactSchema>;

export const CONFLICT_ID = /^k-[0-9a-z]{6}$/;
const conflictBase = {
  id: z.string().regex(CONFLICT_ID),
  /** the fact, article, case or entity id it is about */
  subject: z.string(),
  /** SHA-256 of the bundle that brought it */
  bundle: z.string().regex(SHA256),
  /** the sender's fingerprint */
  from: z.string(),
  at: isoInstant,
};
export const ConflictSchema = z.discriminatedUnion('kind', [
  /** null: deleted on that side */
  z.object({ ...conflictBase, kind: z.literal('fact'), local: FactSchema.nullable(), theirs: FactSchema.nullable() }),
  z.object({ ...conflictBase, kind: z.literal('article'), local: ArticleSchema, theirs: ArticleSchema }),
  z.object({ ...conflictBase, kind: z.literal('case-title'), local: z.string(), theirs: z.string() }),
  z.object({ ...conflictBase, kind: z.literal('case-summary'), local: z.string(), theirs: z.string() }),
  z.object({ ...conflictBase, kind: z.literal('case-order'), local: z.array(z.string()), theirs: z.array(z.string()) }),
  /** an incoming entity whose name or alias matches a local one: a suggested merge */
  z.object({ ...conflictBase, kind: z.literal('entity-match'), local: EntitySchema, theirs: EntitySchema }),
]);
export type Conflict = z.infer<typeof ConflictSchema>;

export const TeamSchema = z.object({
  contacts: z.array(ContactSchema).max(1000),
  /**
   * The hash of each shared thing as last exchanged (sent or received), by key (`f:<fact id>`,
   * `c:<case id>:summary` …): the common version that tells an edit on one side from edits on both.
   */
  synced: z.record(z.string(), z.string().regex(SHA256)),
  /** bundles shared: their SHA-256 and the hashes they carried, for --since */
  sent: z.array(
    z.object({ sha256: z.string().regex(SHA256), at: isoInstant, hashes: z.record(z.string(), z.string()) }),
  ),
  /** bundles received (SHA-256): receiving one again changes nothing */
  received: z.array(z.string().regex(SHA256)),
  conflicts: z.array(ConflictSchema),
});
export type Team = z.infer<typeof TeamSchema>;

export const emptyTeam = (): Team => ({ contacts: [], synced: {}, sent: [], received: [], conflicts: [] });

/**
 * Every error a user can act on, by code, with the parameters its text needs. The code crosses IPC so the
 * interface can say it in its own language (i18n/errors.ts); a new error is one line here and its three
 * texts there. Parameters are plain values: names, numbers, lists of names. A `reason` or `detail` is what
 * the system or a parser said (untranslated: it comes from outside Aqiqat).
 */
type None = Record<string, never>;
type EntityKind = 'person' | 'place' | 'organization';

export interface ErrorParams {
  /** a thrown value that is not an AqiqatError: a bug, shown in one line */
  internal: { detail: string };
  'disk.full': None;
  'disk.full-saving': None;
  'disk.full-audit': None;

  'ipc.unknown-call': { method: string };
  'ipc.invalid-request': { method: string; field: string; issue: string };

  'session.locked': None;
  'session.not-encrypted-lock': None;
  'session.already-encrypted': None;
  'session.no-snapshot': None;
  'session.idle-too-long': { max: number };

  'file.no-such': { file: string };
  'file.unreadable': { file: string; reason: string };
  'file.cannot-write': { file: string; reason: string };
  'file.no-folder': { file: string };
  'file.exists': { file: string };

  'date.range-backwards': { input: string };
  'date.malformed': { input: string };
  'date.no-month': { input: string; month: string };
  'date.no-day': { input: string; day: string };
  'date.published-not-day': { input: string };

  'import.empty': { name: string };
  'import.binary': { name: string };
  'import.not-utf8': { name: string };
  'import.no-files': { paths: string };
  'import.stdin-too-big': { mb: number };
  'import.not-a-file': { file: string };
  'import.too-big': { name: string; size: string; limit: string };
  'import.bad-url': { url: string };
  'import.title-empty': None;
  'import.no-text': { name: string };
  'import.unsupported-format': { name: string; ext: string };
  'import.unreadable-format': { name: string; ext: string; detail: string };
  'import.text-too-long': { name: string; millions: string; limit: number };
  'import.timeout': { name: string; seconds: number };
  'import.parser-failed': { name: string; reason: string };
  'import.out-of-memory': { name: string; mb: number };
  'import.parser-stopped': { name: string };
  'import.skipped-unfinished': { name: string; file: string };
  'import.folder-unreadable': { dir: string; reason: string };
  'import.docx-no-document': { name: string };
  'import.docx-unreadable': { name: string; detail: string };
  'import.zip-too-many-files': { name: string; n: number; max: number };
  'import.zip-bomb': { name: string; mb: number };
  'import.page-not-web-archive': { name: string };
  'import.warc-not-warc': { name: string };
  'import.warc-bad-gzip': { name: string; reason: string };
  'import.warc-too-big': { name: string; mb: number };
  'import.warc-record-too-big': { name: string; uri: string; mb: number };
  'import.warc-no-page': { name: string };
  'import.warc-page-not-found': { name: string; url: string };
  'import.wacz-not-wacz': { name: string };
  'import.wacz-unsafe-path': { name: string; path: string };
  'import.wacz-damaged': { name: string; reason: string };
  'import.mhtml-no-boundary': { name: string };
  'import.mhtml-no-page': { name: string };
  'import.mhtml-bad-charset': { name: string; charset: string };
  'visual.not-a-page': { id: string; ext: string };
  'visual.failed': { id: string; reason: string };
  'visual.too-large': { id: string; mb: number; max: number };
  'import.unknown-charset': { name: string; charset: string };
  'import.bad-charset': { name: string; charset: string };
  'import.bad-charset-undeclared': { name: string; charset: string };
  'import.pdf-bomb': { name: string; mb: number };
  'import.pdf-password': { name: string };
  'import.pdf-unreadable': { name: string; detail: string };
  'import.pdf-too-many-pages': { name: string; n: number; max: number };
  'import.pdf-scanned': { name: string };
  'import.image-needs-ocr': { name: string };
  'import.image-unreadable': { name: string; detail: string };
  'import.image-too-large': { name: string; width: number; height: number; max: number };
  'import.ocr-too-many-pages': { name: string; n: number; max: number };
  'import.ocr-data-missing': { file: string };
  'import.ocr-bad-language': { lang: string; known: string };
  'import.cancelled': { name: string };
  'article.no-page': { id: string; page: number; pages: number };
  'article.page-no-image': { id: string; page: number };
  'article.page-unreadable': { id: string; name: string };

  'article.bad-id': { ref: string };
  'article.ambiguous': { ref: string; n: number };
  'article.not-found': { ref: string };
  'article.text-missing': { id: string };
  'correct.not-ocr': { id: string };
  'correct.page-not-ocr': { id: string; page: number; read: string };
  'correct.not-corrected': { id: string; page: number };
  'correct.empty': { page: number };
  'correct.too-long': { page: number; length: number; limit: number };
  'correct.page-line': { page: number };
  'correct.what': None;

  'fact.bad-id': { ref: string };
  'fact.bad-id-for-article': { id: string; articleId: string };
  'fact.not-found': { ids: string[] };
  'fact.exists': { id: string };
  'fact.bad-type': { type: string };
  'fact.quote-empty': None;
  'fact.quote-not-found': { articleId: string; closest: string };
  'fact.quote-lost': { id: string };
  'fact.bad-role': { role: string; roles: string[] };
  'fact.role-not-person': { name: string };

  'case.not-found': { ref: string };
  'case.ambiguous': { ref: string; ids: string[] };
  'case.title-empty': None;
  'case.title-too-long': None;
  'case.fact-not-in-case': { factId: string; caseId: string };
  'case.bad-order': { n: number; caseId: string };

  /** kind: the kind looked for, or null for any */
  'entity.not-found': { ref: string; kind: EntityKind | null };
  'entity.ambiguous': { ref: string; matches: string[] };
  'entity.name-empty': None;
  'entity.new-name-empty': None;
  'entity.name-taken': { name: string; id: string; other: string };
  'entity.name-taken-merge': { name: string; id: string; other: string };
  'entity.same': { a: string; b: string };
  'entity.merge-kinds': { from: EntityKind; into: EntityKind };

  'tag.empty-level': { tag: string };
  'tag.ambiguous': { ref: string; paths: string[] };
  'tag.not-found': { ref: string };
  'tag.same': { from: string; to: string };
  'tag.under-itself': { from: string; to: string };
  'tag.exists': { from: string; to: string };

  'search.query-too-long': { n: number; max: number };
  'search.too-many-words': { n: number; max: number };
  'search.prefix-too-short': { word: string; min: number };
  'search.no-such-entity': { kind: EntityKind; name: string };
  'search.no-such-case': { ref: string };
  'search.index-thread-failed': { reason: string };
  'gazetteer.invalid-json': { file: string };
  'gazetteer.malformed': { file: string; at: string; detail: string };

  'dossier.case-empty': { title: string };
  'dossier.case-empty-cli': { caseId: string };
  'dossier.no-facts': None;
  'dossier.needs-app': None;
  'dossier.locked-during-save': None;
  'dossier.cannot-save': { file: string; reason: string };
  'dossier.fonts-failed': { n: number };
  'dossier.fonts-failed-chromium': { n: number };
  'dossier.font-package-missing': None;
  'dossier.font-file-missing': { file: string };
  'dossier.chromium-path-missing': { path: string };
  'dossier.no-chromium': None;
  'dossier.no-playwright': None;
  'dossier.chromium-failed': { path: string; reason: string };
  'dossier.redaction-leak': { word: string };
  'dossier.redaction-unchecked': { reason: string };
  'dossier.print-unreadable': { reason: string };

  'archive.not-found': { root: string };
  'archive.not-found-restore-left': { root: string; left: string[] };
  'archive.no-folder': { root: string };
  'archive.exists': { root: string };
  'archive.open-elsewhere': { root: string; owner: string };
  'archive.shard-count': { n: number; expected: number };
  'archive.read-only-disk-full': None;
  'archive.save-failed': { reason: string };
  'archive.needs-passphrase': { root: string };
  /** the damage (another error), and where the last good copy is (null: there is none) */
  'archive.damaged': { detail: string; snapshot: { shown: string; file: string; takenAt: string } | null };
  'storage.file-deleted': { file: string };
  'storage.invalid-json': { file: string };
  'storage.malformed': { file: string; at: string; detail: string };
  'storage.newer-schema': { file: string; version: number; supported: number };
  'storage.symlink': { file: string };
  'storage.symlink-in-archive': { rel: string; root: string; folder: boolean };

  'crypto.not-encrypted': None;
  'crypto.encryption-unfinished': None;
  'crypto.new-passphrase-needed': { variable: string };
  'crypto.passphrase-short': None;
  'crypto.wrong-passphrase': None;
  'crypto.key-file-missing': { file: string; keyFile: string };
  'crypto.key-file-damaged': { keyFile: string };
  'crypto.key-file-foreign': { keyFile: string };
  'crypto.file-damaged': { file: string };
  'crypto.file-older': { file: string; gen: number; newest: number };
  'crypto.head-older': { head: string; file: string };
  'crypto.head-damaged': { head: string };
  'audit.write-failed': { reason: string };

  'backup.inside-archive': None;
  'backup.too-many-files': { n: number; max: number };
  'backup.changed-during': { file: string };
  'backup.not-a-backup': { file: string };
  'backup.manifest-cut': { file: string };
  'backup.manifest-invalid': { file: string };
  'backup.manifest-twice': { file: string };
  'backup.too-many-named': { file: string; n: number; max: number };
  'backup.file-too-big': { file: string; size: number; path: string; max: number };
  'backup.no-archive-json': { file: string };
  'backup.size-mismatch': { file: string; size: number; expected: number };
  'backup.hash-mismatch': { file: string; path: string };
  'backup.ends-early': None;
  'backup.encrypted-no-key': { file: string; keyFile: string };
  'backup.needs-passphrase': { file: string };
  'backup.wrong-passphrase': { name: string };
  'backup.archive-damaged': { name: string };
  'backup.changed-while-restoring': { file: string };
  'backup.snapshot-not-this-archive': { name: string };
  'restore.current-unreadable': { reason: string };
  'restore.running': { root: string; owner: string };
  'restore.swap-failed': { reason: string };
  'restore.swap-stuck': { reason: string; backReason: string; previous: string };
  'restore.interrupted-stuck': { from: string; root: string; reason: string };

  'timestamp.malformed': { detail: string };
  'timestamp.not-granted': { status: string; detail: string };
  'timestamp.other-hash': { hash: string; expected: string };
  'timestamp.wrong-nonce': None;
  'timestamp.bad-signature': { detail: string };
  'timestamp.not-a-tsa': { authority: string };
  'timestamp.not-trusted': { authority: string; detail: string };
  'timestamp.bad-certificate': { what: string; detail: string };
  'timestamp.not-a-package': { detail: string };
  'timestamp.not-requested': { hash: string };
  'timestamp.empty-log': None;
  'timestamp.target': None;

  'cli.not-positive': { name: string };
  'cli.invalid-option': { flag: string; issue: string };
  'cli.sample-missing': None;
  'cli.title-one-file': None;
  'cli.case-or-facts': None;
  'cli.facts-empty': None;
  'cli.pdf-needs-out': None;
  'cli.stdin-is-terminal': None;
  'cli.cancelled': None;
  'cli.passphrases-differ': None;
  'cli.keep-too-big': { max: number };
  'cli.role-syntax': { option: string };
  'cli.approximate-exact': None;
  'cli.case-not-found': { id: string };

  'cli.translation-syntax': { option: string };
  'cli.consent-syntax': { option: string };
  'cli.responsible-syntax': { option: string };
  'case.bad-right': { right: string; rights: readonly string[] };
  'case.not-in-role': { name: string; role: string; caseId: string };
  'case.bad-consent-date': { date: string };
  // provenance: source types, capture records, fact status
  'article.bad-source-type': { type: string; types: string[] };
  'article.bad-acquired-from': { value: string; values: string[] };
  'article.bad-captured-at': { value: string };
  'article.machine-recorded': { field: string };
  'article.nothing-to-edit': None;
  'fact.bad-status': { status: string; statuses: string[] };
  'fact.needs-support': { status: string };
  'fact.corroboration-same-article': { id: string };
  'fact.corroboration-self': None;
  'cli.original-copy': None;
  // the archive's identity and evidence packages (core/protection/identity.ts, core/package/)
  'identity.unreadable': { reason: string };
  'identity.not-sealed': None;
  'identity.damaged': { reason: string };
  'identity.bad-name': { max: number };
  'package.not-zip': { file: string };
  'package.too-big': { file: string; max: number };
  'package.zip-damaged': { file: string; reason: string };
  'package.too-many-entries': { n: number; max: number };
  'package.entry-too-big': { file: string; max: number };
  'package.unsafe-path': { file: string };
  'package.file-twice': { file: string };
  'package.file-missing': { file: string };
  'package.file-unlisted': { file: string };
  'package.file-changed': { file: string };
  'package.manifest-invalid': { file: string; reason: string };
  'package.key-invalid': { file: string };
  'package.signature-invalid': { file: string };
  'package.sums-invalid': { file: string };
  'package.quote-mismatch': { file: string; fact: string };
  'package.source-unreadable': { article: string };
  'package.stamp-invalid': { file: string; reason: string };
  // teams: contacts, bundles, receiving (core/team/)
  'contact.bad-key-file': { file: string; reason: string };
  'contact.exists': { name: string };
  'contact.key-exists': { name: string; fingerprint: string };
  'contact.not-found': { name: string };
  'contact.own-key': None;
  'team.no-recipient': None;
  'team.bundle-too-big': { file: string; max: number };
  'team.not-a-bundle': { file: string };
  'team.not-for-this-archive': { file: string };
  'team.needs-passphrase': { file: string };
  'team.wrong-passphrase': { file: string };
  'team.bundle-damaged': { file: string; reason: string };
  'team.bundle-newer': { file: string; version: number };
  'team.bundle-invalid': { file: string; reason: string };
  'team.signature-invalid': { file: string };
  'team.unknown-signer': { fingerprint: string; name: string };
  'team.since-unknown': { file: string };
  'team.id-clash': { id: string };
  'team.conflict-not-found': { id: string };
  'team.conflict-bad-choice': { id: string; choices: string };
}

export type ErrorCode = keyof ErrorParams;

/** What a failure is as data: it crosses IPC like this, and the interface words it from the code. */
export interface ErrorData<C extends ErrorCode = ErrorCode> {
  code: C;
  params: ErrorParams[C];
  /** the English line, as the CLI prints it */
  message: string;
}

/**
 * The error texts of every code (error-codes.ts) in each interface language. English is also the line the
 * CLI prints, so AqiqatError builds its message from it. A code without a text in any language fails the
 * type check. Terms follow the interface dictionary: архив/мұрағат, факт/дерек, дело/іс, кодовая фраза/
 * құпия сөз, копия/көшірме (a snapshot), резервная копия/сақтық көшірме (a backup file).
 */
import type { ErrorCode, ErrorParams } from '../error-codes.js';

export type ErrorLang = 'en' | 'kk' | 'ru';
export type ErrorTexts = { [C in ErrorCode]: (p: ErrorParams[C]) => string };

const KINDS_EN = { person: 'person', place: 'place', organization: 'organization' } as const;
const KINDS_KK = { person: 'адам', place: 'жер', organization: 'ұйым' } as const;
const KINDS_RU = { person: 'человек', place: 'место', organization: 'организация' } as const;
/** "no such person": the kinds in the genitive */
const KINDS_RU_OF = { person: 'человека', place: 'места', organization: 'организации' } as const;

const en: ErrorTexts = {
  internal: (p) => `internal error: ${p.detail}`,
  'disk.full': () => 'the disk is full: free some space, or write to another disk, and try again',
  'disk.full-saving': () =>
    'could not save the archive: the disk is full: free some space, or write to another disk, and try again',
  'disk.full-audit': () =>
    'the change was saved, but the audit log could not be written: the disk is full: free some space, or write to another disk, and try again',

  'ipc.unknown-call': (p) => `unknown call ${p.method}`,
  'ipc.invalid-request': (p) => `invalid ${p.method} request: ${p.field} ${p.issue}`.trim(),

  'session.locked': () => 'the archive is locked; enter its passphrase to open it again',
  'session.not-encrypted-lock': () => 'this archive is not encrypted, so it cannot be locked; encrypt it first',
  'session.already-encrypted': () => 'this archive is already encrypted; change its passphrase instead',
  'session.no-snapshot': () => 'there is no snapshot to put back; restore a backup file with `aqiqat restore FILE`',
  'session.idle-too-long': (p) => `minutes must be at most ${p.max} (a day), or "never"`,

  'file.no-such': (p) => `${p.file}: no such file`,
  'file.unreadable': (p) => `cannot read ${p.file}: ${p.reason}`,
  'file.cannot-write': (p) => `cannot write ${p.file}: ${p.reason}`,
  'file.no-folder': (p) => `cannot write ${p.file}: no such folder`,
  'file.exists': (p) => `${p.file} exists; choose another name or add --force`,

  'date.range-backwards': (p) => `date range "${p.input}" must end after it starts`,
  'date.malformed': (p) => `date "${p.input}" must be YYYY, YYYY-MM or YYYY-MM-DD (or a range FROM/TO)`,
  'date.no-month': (p) => `date "${p.input}" has no month ${p.month}`,
  'date.no-day': (p) => `date "${p.input}" has no day ${p.day}`,
  'date.published-not-day': (p) => `published date "${p.input}" must be YYYY-MM-DD`,

  'import.empty': (p) => `${p.name} is empty`,
  'import.binary': (p) => `${p.name} looks binary (it contains NUL bytes), not a text file`,
  'import.not-utf8': (p) => `${p.name} is not UTF-8 text; save it as UTF-8 and import it again`,
  'import.no-files': (p) => `no files to import in ${p.paths} (known types: .txt .md .html .htm .mhtml .docx .pdf)`,
  'import.stdin-too-big': (p) => `standard input is over the import limit of ${p.mb} MB`,
  'import.not-a-file': (p) => `${p.file} is not a file`,
  'import.too-big': (p) => `${p.name} is ${p.size} MB; the import limit is ${p.limit} MB`,
  'import.bad-url': (p) => `"${p.url}" is not a web address (http:// or https://)`,
  'import.title-empty': () => 'the title is empty',
  'import.no-text': (p) => `${p.name} holds no text`,
  'import.unsupported-format': (p) =>
    `${p.name}: .${p.ext} files cannot be imported; use .txt, .md, .html, .mhtml, .docx, .pdf or an image (.jpg, .png, .tif, .webp)`,
  'import.unreadable-format': (p) => `${p.name} could not be read as .${p.ext} (${p.detail})`,
  'import.text-too-long': (p) =>
    `${p.name} holds ${p.millions} million characters of text; the limit is ${p.limit} million`,
  'import.timeout': (p) =>
    `${p.name}: reading it took longer than ${p.seconds} s, so it was stopped; nothing was imported`,
  'import.parser-failed': (p) => `${p.name}: its parser failed (${p.reason}); nothing was imported`,
  'import.out-of-memory': (p) =>
    `${p.name}: reading it needed more than ${p.mb} MB of memory, so it was stopped; nothing was imported`,
  'import.parser-stopped': (p) => `${p.name}: its parser stopped; nothing was imported`,
  'import.skipped-unfinished': (p) =>
    `${p.name} is skipped: an earlier import stopped unexpectedly while reading it (to try it again, delete ${p.file} in the archive folder)`,
  'import.folder-unreadable': (p) => `cannot read the folder ${p.dir}: ${p.reason}`,
  'import.docx-no-document': (p) => `${p.name} is not a Word document (no word/document.xml)`,
  'import.docx-unreadable': (p) => `${p.name} is not a readable .docx (${p.detail})`,
  'import.zip-too-many-files': (p) =>
    `${p.name} holds ${p.n} files inside; a .docx over ${p.max} is refused as a possible zip bomb`,
  'import.zip-bomb': (p) => `${p.name} unpacks to more than ${p.mb} MB; refused as a possible zip bomb`,
  'import.page-not-web-archive': (p) =>
    `${p.name} is not a web archive: --page applies to .warc, .warc.gz and .wacz files`,
  'import.warc-not-warc': (p) => `${p.name} is not a WARC file (it does not start with a WARC/1.0 or WARC/1.1 record)`,
  'import.warc-bad-gzip': (p) => `${p.name}: its gzip data is broken (${p.reason}); nothing was imported`,
  'import.warc-too-big': (p) =>
    `${p.name} unpacks to more than ${p.mb} MB of WARC records; refused as a possible gzip bomb`,
  'import.warc-record-too-big': (p) =>
    `${p.name}: the record ${p.uri} is larger than ${p.mb} MB; refused, nothing was imported`,
  'import.warc-no-page': (p) => `${p.name} holds no captured web page (no HTML response)`,
  'import.warc-page-not-found': (p) => `${p.name} holds no capture of ${p.url}`,
  'import.wacz-not-wacz': (p) => `${p.name} is not a WACZ web archive (not a ZIP file with WARC files under archive/)`,
  'import.wacz-unsafe-path': (p) =>
    `${p.name} holds the path ${p.path}, outside the archive or not a plain name; refused`,
  'import.wacz-damaged': (p) => `${p.name}: the WACZ file is damaged (${p.reason})`,
  'import.mhtml-no-boundary': (p) => `${p.name} is not an MHTML file (no multipart boundary)`,
  'import.mhtml-no-page': (p) => `${p.name} holds no web page (no text/html part)`,
  'import.mhtml-bad-charset': (p) => `${p.name}: its web page is not valid ${p.charset} text`,
  'visual.not-a-page': (p) =>
    `article ${p.id} is not a saved web page (.${p.ext}): only HTML and MHTML pages have a visual copy`,
  'visual.failed': (p) => `the visual copy of ${p.id} could not be made: ${p.reason}; nothing was written`,
  'visual.too-large': (p) =>
    `the visual copy of ${p.id} is ${p.mb} MB, more than the reader shows (${p.max} MB); its PNG and PDF are in the archive`,
  'import.unknown-charset': (p) => `${p.name} declares the unknown character set "${p.charset}"`,
  'import.bad-charset': (p) => `${p.name} is not valid ${p.charset} text`,
  'import.bad-charset-undeclared': (p) => `${p.name} is not valid ${p.charset} text and declares no character set`,
  'import.pdf-bomb': (p) =>
    `${p.name} holds a stream that unpacks to more than ${p.mb} MB; refused as a possible PDF bomb`,
  'import.pdf-password': (p) => `${p.name} is password-protected; remove the password and import it again`,
  'import.pdf-unreadable': (p) => `${p.name} is not a readable PDF (${p.detail})`,
  'import.pdf-too-many-pages': (p) => `${p.name} has ${p.n} pages; the limit is ${p.max}`,
  'import.pdf-scanned': (p) =>
    `${p.name} is a scanned PDF with no text layer; import it with --ocr auto to read it by OCR`,
  'import.image-needs-ocr': (p) => `${p.name} is an image: its text can only be read by OCR (not with --ocr never)`,
  'import.image-unreadable': (p) => `${p.name} is not a readable image (${p.detail})`,
  'import.image-too-large': (p) =>
    `${p.name} holds an image of ${p.width} × ${p.height} pixels; the limit is ${p.max} million pixels`,
  'import.ocr-too-many-pages': (p) => `${p.name} has ${p.n} pages to read by OCR; the limit is ${p.max}`,
  'import.ocr-data-missing': (p) => `the OCR language data is missing (${p.file}): reinstall Aqiqat`,
  'import.ocr-bad-language': (p) => `"${p.lang}" is not an OCR language; use ${p.known}`,
  'import.cancelled': (p) => `${p.name}: the import was cancelled; nothing was imported from it`,
  'article.no-page': (p) => `article ${p.id} has no page ${p.page} (it has ${p.pages})`,
  'article.page-no-image': (p) =>
    `page ${p.page} of article ${p.id} holds no image to show: its text is the file's own`,
  'article.page-unreadable': (p) => `the original of article ${p.id} (${p.name}) cannot be shown: it no longer reads`,

  'article.bad-id': (p) => `"${p.ref}" is not an article id`,
  'article.ambiguous': (p) => `"${p.ref}" matches ${p.n} articles; give more digits`,
  'article.not-found': (p) => `no article ${p.ref}`,
  'article.text-missing': (p) =>
    `the text of article ${p.id} is missing from texts/; restore the archive from a backup`,
  'correct.not-ocr': (p) => `article ${p.id} was not read by OCR: its text is the file's own and cannot be corrected`,
  'correct.page-not-ocr': (p) => `page ${p.page} of article ${p.id} was not read by OCR (pages read by OCR: ${p.read})`,
  'correct.not-corrected': (p) =>
    `page ${p.page} of article ${p.id} is not corrected: it is the machine's reading already`,
  'correct.empty': (p) => `the corrected text of page ${p.page} is empty`,
  'correct.too-long': (p) =>
    `the corrected text of page ${p.page} has ${p.length} characters, more than the ${p.limit} a page may have`,
  'correct.page-line': (p) =>
    `the corrected text of page ${p.page} holds a "[page N]" line, which only marks where a page begins`,
  'correct.what': () => 'say how to correct the page: --text TEXT, --file FILE or --revert',

  'fact.bad-id': (p) => `"${p.ref}" is not a fact id`,
  'fact.bad-id-for-article': (p) => `"${p.id}" is not a fact id of article ${p.articleId}`,
  'fact.not-found': (p) => `no fact ${p.ids.join(', ')}`,
  'fact.exists': (p) => `fact ${p.id} is already in the archive`,
  'fact.bad-type': (p) => `fact type "${p.type}" must be one word like detention or parole-denied`,
  'fact.quote-empty': () => 'the quote is empty',
  'fact.quote-not-found': (p) => `the quote is not in article ${p.articleId}; the closest passage is: "${p.closest}"`,
  'fact.quote-lost': (p) => `the quote of fact ${p.id} is no longer in its article`,
  'fact.bad-role': (p) => `role "${p.role}" must be one of ${p.roles.join(', ')}`,
  'fact.role-not-person': (p) => `a role was given for "${p.name}", who is not among the fact's people`,

  'case.not-found': (p) => `no case "${p.ref}"; see \`aqiqat case list\``,
  'case.ambiguous': (p) => `${p.ids.length} cases are called "${p.ref}" (${p.ids.join(', ')}); use the id`,
  'case.title-empty': () => 'the case title is empty',
  'case.title-too-long': () => 'the case title is over 500 characters',
  'case.fact-not-in-case': (p) => `fact ${p.factId} is not in case ${p.caseId}`,
  'case.bad-order': (p) => `the new order must list each of the ${p.n} facts of case ${p.caseId} once`,

  'entity.not-found': (p) =>
    `no ${p.kind ? KINDS_EN[p.kind] : 'person, place or organization'} "${p.ref}"; see \`aqiqat entity list\``,
  'entity.ambiguous': (p) => `"${p.ref}" names ${p.matches.length} entities (${p.matches.join(', ')}); use the id`,
  'entity.name-empty': () => 'the name is empty',
  'entity.new-name-empty': () => 'the new name is empty',
  'entity.name-taken': (p) => `"${p.name}" is already ${p.id} ${p.other}; add aliases there or merge`,
  'entity.name-taken-merge': (p) => `"${p.name}" is already ${p.id} ${p.other}; merge the two instead`,
  'entity.same': (p) => `"${p.a}" and "${p.b}" are the same entity`,
  'entity.merge-kinds': (p) => `cannot merge a ${KINDS_EN[p.from]} into a ${KINDS_EN[p.into]}`,

  'tag.empty-level': (p) => `tag "${p.tag}" has an empty level; use a path like violations/arbitrary-detention`,
  'tag.ambiguous': (p) => `"${p.ref}" could be ${p.paths.join(' or ')}; give the full path`,
  'tag.not-found': (p) => `no tag "${p.ref}"; see \`aqiqat tag list\``,
  'tag.same': (p) => `"${p.from}" and "${p.to}" are the same tag`,
  'tag.under-itself': (p) => `cannot move ${p.from} under itself (${p.to})`,
  'tag.exists': (p) => `tag ${p.to} already exists; use \`aqiqat tag merge ${p.from} ${p.to}\``,

  'search.query-too-long': (p) => `the query is ${p.n} characters long; at most ${p.max} are searched`,
  'search.too-many-words': (p) => `the query has ${p.n} words; at most ${p.max} are searched`,
  'search.prefix-too-short': (p) => `"${p.word}*" is too short for a prefix search: give at least ${p.min} letters`,
  'search.no-such-entity': (p) => `no ${KINDS_EN[p.kind]} named "${p.name}" in the archive`,
  'search.no-such-case': (p) => `no case "${p.ref}" in the archive`,
  'search.index-thread-failed': (p) =>
    `the search index could not be built (${p.reason}); the archive is unchanged: search again, or run "aqiqat reindex"`,
  'gazetteer.invalid-json': (p) => `${p.file} is not valid JSON; fix it or remove it`,
  'gazetteer.malformed': (p) => `${p.file} is malformed at ${p.at || 'top level'}: ${p.detail}`,

  'dossier.case-empty': (p) => `case "${p.title}" has no facts yet; add some before making a dossier`,
  'dossier.case-empty-cli': (p) => `case ${p.caseId} has no facts yet; add some with \`aqiqat case add-fact\``,
  'dossier.no-facts': () => 'there are no facts to put in a dossier; add some with `aqiqat fact add`',
  'dossier.needs-app': () => 'saving a PDF needs the desktop app (or `aqiqat dossier` on the command line)',
  'dossier.locked-during-save': () =>
    'the app locked while the save dialog was open, so the dossier was not saved; save it again',
  'dossier.cannot-save': (p) => `cannot save the dossier as ${p.file} (${p.reason}); choose another folder`,
  'dossier.fonts-failed': (p) => `${p.n} embedded dossier font(s) failed to load`,
  'dossier.fonts-failed-chromium': (p) =>
    `${p.n} embedded dossier font(s) failed to load in Chromium; is a system font package (fonts-liberation) installed?`,
  'dossier.font-package-missing': () =>
    'the dossier font (npm package @fontsource/noto-sans) is missing: run `npm install` in the Aqiqat folder',
  'dossier.font-file-missing': (p) => `the dossier font file ${p.file} is missing: reinstall with \`npm install\``,
  'dossier.chromium-path-missing': (p) => `CHROMIUM_PATH is ${p.path}, which does not exist`,
  'dossier.no-chromium': () =>
    'printing a PDF needs Chromium: install it (Debian/Ubuntu: apt-get install chromium fonts-liberation) or set CHROMIUM_PATH; --format html works without it',
  'dossier.no-playwright': () =>
    'printing a PDF needs the npm package playwright-core: run `npm install` in the Aqiqat folder',
  'dossier.chromium-failed': (p) => `Chromium (${p.path}) did not start: ${p.reason}`,
  'dossier.redaction-leak': (p) =>
    `a redacted name is still in the dossier ("${p.word}"; check --compiled-by and --title); nothing was written`,
  'dossier.redaction-unchecked': (p) =>
    `the printed dossier could not be read back to check the redaction (${p.reason}); nothing was written`,
  'dossier.print-unreadable': (p) =>
    `the printer's PDF could not be read for page numbers and bookmarks (${p.reason}); nothing was written`,

  'archive.not-found': (p) => `no archive in ${p.root}; create one with \`aqiqat init\``,
  'archive.not-found-restore-left': (p) =>
    `no archive in ${p.root}, but a restore left ${p.left.join(', ')} beside it; move the one you want to ${p.root} (nothing was created)`,
  'archive.no-folder': (p) => `no archive folder ${p.root}`,
  'archive.exists': (p) => `${p.root} already holds an archive`,
  'archive.open-elsewhere': (p) => `the archive ${p.root} is open in another window${p.owner}; close it there first`,
  'archive.shard-count': (p) => `archive.json names ${p.n} shards; this version uses ${p.expected}`,
  'archive.read-only-disk-full': () =>
    'the disk is full, so the archive was opened only for reading: free some space and open it again to change it',
  'archive.save-failed': (p) => `could not save the archive: ${p.reason}`,
  'archive.needs-passphrase': (p) =>
    `the archive ${p.root} is encrypted: give its passphrase (AQIQAT_PASSPHRASE, or run in a terminal to be asked)`,
  'archive.damaged': (p) =>
    `${p.detail} ${
      p.snapshot === null
        ? 'No snapshot of it exists in backups/; restore a backup file with `aqiqat restore FILE`.'
        : `The latest snapshot is ${p.snapshot.shown} (${p.snapshot.takenAt}); put it back with \`aqiqat restore ${p.snapshot.file}\`.`
    }`,
  'storage.file-deleted': (p) =>
    `${p.file} is missing, though this archive wrote it: it was deleted; restore the archive from a backup`,
  'storage.invalid-json': (p) => `${p.file} is not valid JSON; it was left untouched. Restore it from a backup.`,
  'storage.malformed': (p) =>
    `${p.file} is malformed${p.at ? ` at ${p.at}` : ''}: ${p.detail}; it was left untouched. Restore it from a backup.`,
  'storage.newer-schema': (p) =>
    `${p.file} was written by a newer Aqiqat (schema ${p.version}, this version reads ${p.supported}); update Aqiqat. The file was left untouched.`,
  'storage.symlink': (p) =>
    `${p.file} is a symbolic link; Aqiqat reads no link inside the archive folder: put the real file there`,
  'storage.symlink-in-archive': (p) =>
    `${p.rel} in ${p.root} is a symbolic link; Aqiqat follows no link inside the archive folder: put the real ${p.folder ? 'folder' : 'file'} there`,

  'crypto.not-encrypted': () => 'this archive is not encrypted; encrypt it with `aqiqat encrypt`',
  'crypto.encryption-unfinished': () =>
    'the encryption of this archive was interrupted; finish it with `aqiqat encrypt` first',
  'crypto.new-passphrase-needed': (p) => `give the new passphrase in ${p.variable}, or run in a terminal to be asked`,
  'crypto.passphrase-short': () => 'the passphrase must be at least 8 characters (a few words are best)',
  'crypto.wrong-passphrase': () => 'wrong passphrase; nothing was changed',
  'crypto.key-file-missing': (p) =>
    `${p.file} is encrypted, but the archive has no ${p.keyFile}; restore it from a backup`,
  'crypto.key-file-damaged': (p) =>
    `${p.keyFile} is damaged; without it the archive cannot be opened. Restore it from a backup.`,
  'crypto.key-file-foreign': (p) => `${p.keyFile} asks for an unreasonable key derivation; it was not made by Aqiqat`,
  'crypto.file-damaged': (p) =>
    `${p.file} is damaged or was changed (its encryption does not authenticate); restore it from a backup`,
  'crypto.file-older': (p) =>
    `${p.file} is an older copy (write ${p.gen}; this archive has written ${p.newest}): it was put back from before; restore the archive from a backup`,
  'crypto.head-older': (p) =>
    `${p.head} is missing or an older copy (${p.file} is newer): it was deleted or put back from before; restore the archive from a backup`,
  'crypto.head-damaged': (p) =>
    `${p.head} is damaged or was changed (its encryption does not authenticate); restore the archive from a backup`,
  'audit.write-failed': (p) => `the change was saved, but the audit log could not be written: ${p.reason}`,

  'backup.inside-archive': () => 'write the backup outside the archive folder (another disk is best)',
  'backup.too-many-files': (p) => `the archive holds ${p.n} files, more than a backup can hold (${p.max})`,
  'backup.changed-during': (p) => `${p.file} changed while the backup was written; run it again`,
  'backup.not-a-backup': (p) => `${p.file} is not an Aqiqat backup`,
  'backup.manifest-cut': (p) => `${p.file} is damaged: its manifest is cut off`,
  'backup.manifest-invalid': (p) =>
    `${p.file} is damaged: its manifest is not valid (or names a path outside the archive)`,
  'backup.manifest-twice': (p) => `${p.file} is damaged: its manifest names a file twice`,
  'backup.too-many-named': (p) =>
    `${p.file} names ${p.n} files; a backup holds at most ${p.max}, so it was not made by Aqiqat; nothing was restored`,
  'backup.file-too-big': (p) =>
    `${p.file} names a file of ${p.size} bytes (${p.path}); a backup holds none over ${p.max}; nothing was restored`,
  'backup.no-archive-json': (p) => `${p.file} holds no archive.json`,
  'backup.size-mismatch': (p) => `${p.file} is damaged: it is ${p.size} bytes, its manifest says ${p.expected}`,
  'backup.hash-mismatch': (p) => `${p.file} is damaged: ${p.path} does not match its SHA-256; nothing was restored`,
  'backup.ends-early': () => 'the backup file ends too early',
  'backup.encrypted-no-key': (p) =>
    `${p.file} holds an encrypted archive.json but no ${p.keyFile}, so it cannot be opened; nothing was changed`,
  'backup.needs-passphrase': (p) =>
    `${p.file} is an encrypted backup: give its passphrase (the one of the day it was made) in AQIQAT_PASSPHRASE, or run in a terminal to be asked`,
  'backup.wrong-passphrase': (p) =>
    `wrong passphrase for ${p.name} (a backup keeps the passphrase of the day it was made); nothing was changed`,
  'backup.archive-damaged': (p) =>
    `archive.json is damaged or was changed in ${p.name} (its encryption does not authenticate); nothing was changed`,
  'backup.changed-while-restoring': (p) => `${p.file} changed while it was restored; nothing was replaced`,
  'backup.snapshot-not-this-archive': (p) =>
    `${p.name} is damaged or is not a copy of this archive's archive.json (its encryption does not authenticate)`,
  'restore.current-unreadable': (p) => `cannot read the current archive.json (${p.reason}); nothing was replaced`,
  'restore.running': (p) => `a restore into ${p.root} is running in another window${p.owner}; wait for it to finish`,
  'restore.swap-failed': (p) =>
    `could not put the restored archive in place (${p.reason}: a file in it may be open in another program, such as an antivirus or a file manager); nothing was changed`,
  'restore.swap-stuck': (p) =>
    `could not put the restored archive in place (${p.reason}) nor the old one back (${p.backReason}); the old archive is in ${p.previous} and goes back in place the next time the archive is opened`,
  'restore.interrupted-stuck': (p) =>
    `an interrupted restore left the archive in ${p.from} and it cannot be moved back to ${p.root} (${p.reason}: a program may hold a file in it); close it and open the archive again`,

  'timestamp.malformed': (p) => `not an RFC 3161 timestamp response or token: ${p.detail}`,
  'timestamp.not-granted': (p) =>
    `the timestamp authority refused the request (status ${p.status}${p.detail ? `: ${p.detail}` : ''})`,
  'timestamp.other-hash': (p) => `the timestamp is for another hash (${p.hash}), not ${p.expected}`,
  'timestamp.wrong-nonce': () =>
    'the timestamp does not carry the nonce of our request: it answers another request, or was replayed',
  'timestamp.bad-signature': (p) => `the timestamp's signature is not valid: ${p.detail}`,
  'timestamp.not-a-tsa': (p) => `the certificate of ${p.authority} is not marked for time stamping`,
  'timestamp.not-trusted': (p) =>
    `the timestamp authority ${p.authority} does not chain to the trusted certificate: ${p.detail}`,
  'timestamp.bad-certificate': (p) => `${p.what} is not a certificate (PEM or DER): ${p.detail}`,
  'timestamp.not-a-package': (p) => `not an evidence package: ${p.detail}`,
  'timestamp.not-requested': (p) =>
    `no timestamp request of this archive is waiting for hash ${p.hash}; write one with \`aqiqat timestamp request\``,
  'timestamp.empty-log': () => 'the audit log is empty: there is no line to stamp',
  'timestamp.target': () => 'say what to stamp: --audit or --package FILE (one of them)',

  'cli.not-positive': (p) => `${p.name} must be a positive whole number`,
  'cli.invalid-option': (p) => `${p.flag}: ${p.issue}`,
  'cli.sample-missing': () => 'the sample archive (data/sample) is missing from this installation',
  'cli.title-one-file': () => '--title names one article; import the files one by one',
  'cli.case-or-facts': () => 'give a case or --facts, not both',
  'cli.facts-empty': () => '--facts needs fact ids separated by commas',
  'cli.pdf-needs-out': () => 'a PDF needs a file: --out FILE.pdf (or --format html --out -)',
  'cli.stdin-is-terminal': () => '`import -` reads the article from standard input: pipe text into it',
  'cli.cancelled': () => 'cancelled',
  'cli.passphrases-differ': () => 'the two passphrases differ; nothing was changed',
  'cli.keep-too-big': (p) => `--keep must be at most ${p.max}`,
  'cli.role-syntax': (p) => `--role "${p.option}" must be NAME=ROLE, e.g. "Мұхтар Жәкішев=victim"`,
  'cli.approximate-exact': () => '--approximate and --exact contradict each other',
  'cli.case-not-found': (p) => `no case ${p.id}`,
  'cli.translation-syntax': (p) =>
    `--translation "${p.option}" must be LANG=TEXT with LANG kk, ru or en, e.g. ru="Суд отказал"`,
  'cli.consent-syntax': (p) => `--consent "${p.option}" must be PERSON=given, PERSON=not-given or PERSON=unknown`,
  'cli.responsible-syntax': (p) =>
    `--responsible "${p.option}" must be PERSON=WHY, e.g. "Иванов=signed the detention order"`,
  'case.bad-right': (p) => `unknown right "${p.right}"; one of: ${p.rights.join(', ')}`,
  'case.not-in-role': (p) =>
    `${p.name} is not a ${p.role} in any fact of case ${p.caseId}; give the role with fact edit --role first`,
  'case.bad-consent-date': (p) => `consent date "${p.date}" must be YYYY, YYYY-MM or YYYY-MM-DD`,

  'article.bad-source-type': (p) => `source type "${p.type}" must be one of ${p.types.join(', ')}`,
  'article.bad-acquired-from': (p) => `"acquired from" must be one of ${p.values.join(', ')}, not "${p.value}"`,
  'article.bad-captured-at': (p) =>
    `capture time "${p.value}" must be YYYY-MM-DD or YYYY-MM-DDTHH:MM (optionally with seconds and a zone, such as +05:00)`,
  'article.machine-recorded': (p) =>
    `${p.field} was recorded by the machine when the file came in and cannot be changed`,
  'article.nothing-to-edit': () =>
    'nothing to change: give --source-type, --captured-by, --captured-at, --capture-tool, --original-url, --acquired-from, --acquired-note, --original or --copy',
  'fact.bad-status': (p) => `status "${p.status}" must be one of ${p.statuses.join(', ')}`,
  'fact.needs-support': (p) =>
    `a fact marked ${p.status} needs a corroborating fact (--corroborated-by FACT-ID) or a verification note (--verification-note TEXT) saying how it was checked`,
  'fact.corroboration-same-article': (p) =>
    `fact ${p.id} is from the same article: a corroborating fact must come from another source`,
  'fact.corroboration-self': () => 'a fact cannot corroborate itself',
  'cli.original-copy': () => '--original and --copy contradict each other',

  // the archive's identity and evidence packages
  'identity.unreadable': (p) => `cannot read identity.json, the archive's signing key: ${p.reason}`,
  'identity.not-sealed': () =>
    "identity.json is not sealed with the archive's key: it was put there by someone else; restore it from a backup",
  'identity.damaged': (p) =>
    `identity.json, the archive's signing key, is damaged (${p.reason}); restore it from a backup`,
  'identity.bad-name': (p) => `the signing name must be one line of 1 to ${p.max} characters`,
  'package.not-zip': (p) => `invalid: ${p.file} is not an evidence package (not a ZIP file)`,
  'package.too-big': (p) => `invalid: ${p.file} is larger than an evidence package may be (${p.max} bytes)`,
  'package.zip-damaged': (p) => `invalid: ${p.file}: the ZIP file is damaged (${p.reason})`,
  'package.too-many-entries': (p) => `invalid: the package holds ${p.n} files, more than ${p.max}`,
  'package.entry-too-big': (p) =>
    `invalid: ${p.file} would unpack to more than ${p.max} bytes (a ZIP bomb?); it was not unpacked`,
  'package.unsafe-path': (p) => `invalid: ${p.file}: a path outside the package or not a plain relative name`,
  'package.file-twice': (p) => `invalid: ${p.file} is in the package twice`,
  'package.file-missing': (p) => `invalid: ${p.file} is listed in the manifest but missing from the package`,
  'package.file-unlisted': (p) => `invalid: ${p.file} is in the package but not in its signed manifest`,
  'package.file-changed': (p) => `invalid: ${p.file} is not the file that was signed (its SHA-256 or size differs)`,
  'package.manifest-invalid': (p) => `invalid: ${p.file} is not a valid manifest (${p.reason})`,
  'package.key-invalid': (p) => `invalid: ${p.file} is not the signer's public key the manifest names`,
  'package.signature-invalid': (p) => `invalid: ${p.file}: the signature over manifest.json does not verify`,
  'package.sums-invalid': (p) => `invalid: ${p.file} does not list the package's files and their SHA-256`,
  'package.quote-mismatch': (p) => `invalid: ${p.file}: the quote of fact ${p.fact} is not the text at its offsets`,
  'package.source-unreadable': (p) =>
    `the source of article ${p.article} cannot be read, so no package was written; run \`aqiqat verify\``,
  'package.stamp-invalid': (p) => `invalid: ${p.file}: the timestamp does not hold (${p.reason})`,
  'contact.bad-key-file': (p) =>
    `${p.file} is not an Aqiqat public key file (${p.reason}); ask for the file \`aqiqat identity export\` writes`,
  'contact.exists': (p) => `a contact named ${p.name} already exists`,
  'contact.key-exists': (p) => `this key is already the contact ${p.name} (${p.fingerprint})`,
  'contact.not-found': (p) => `no contact named ${p.name}; see \`aqiqat contact list\``,
  'contact.own-key': () => 'this is this archive’s own key, not a colleague’s',
  'team.no-recipient': () => 'say who the bundle is for: --to CONTACT (repeatable) or --passphrase',
  'team.bundle-too-big': (p) => `invalid: ${p.file} is larger than a bundle may be (${p.max} bytes)`,
  'team.not-a-bundle': (p) => `invalid: ${p.file} is not an Aqiqat bundle (not an age-encrypted file)`,
  'team.not-for-this-archive': (p) => `this bundle is not for this archive: ${p.file} was encrypted to other keys`,
  'team.needs-passphrase': (p) => `${p.file} is encrypted with a passphrase: receive it with --passphrase`,
  'team.wrong-passphrase': (p) => `wrong passphrase for ${p.file}`,
  'team.bundle-damaged': (p) => `invalid: ${p.file} is damaged or cut short (${p.reason}); nothing was received`,
  'team.bundle-newer': (p) =>
    `${p.file} was made by a newer Aqiqat (bundle version ${p.version}); update Aqiqat to receive it`,
  'team.bundle-invalid': (p) => `invalid: ${p.file}: ${p.reason}; nothing was received`,
  'team.signature-invalid': (p) =>
    `invalid: the signature of ${p.file} does not match its contents; nothing was received`,
  'team.unknown-signer': (p) =>
    `unknown signer ${p.fingerprint} (says it is ${p.name}): compare the fingerprint with them, then add them with \`aqiqat contact add\` or receive with --accept-unknown`,
  'team.since-unknown': (p) => `${p.file} is not a bundle this archive shared`,
  'team.id-clash': (p) =>
    `the bundle names ${p.id} for something other than this archive’s ${p.id}; nothing was received`,
  'team.conflict-not-found': (p) => `no open conflict ${p.id}; see \`aqiqat conflicts\``,
  'team.conflict-bad-choice': (p) => `conflict ${p.id} is resolved with --keep ${p.choices}`,
};

const kk: ErrorTexts = {
  internal: (p) => `ішкі қате: ${p.detail}`,
  'disk.full': () => 'диск толып қалды: орын босатыңыз немесе басқа дискіге жазып, қайталап көріңіз',
  'disk.full-saving': () =>
    'мұрағат сақталмады: диск толып қалды. Орын босатыңыз немесе басқа дискіге жазып, қайталап көріңіз',
  'disk.full-audit': () =>
    'өзгеріс сақталды, бірақ аудит журналына жазылмады: диск толып қалды. Орын босатып, қайталап көріңіз',

  'ipc.unknown-call': (p) => `белгісіз сұрау: ${p.method}`,
  'ipc.invalid-request': (p) => `${p.method} сұрауы дұрыс емес: ${p.field} ${p.issue}`.trim(),

  'session.locked': () => 'мұрағат құлыпталған; қайта ашу үшін құпия сөзді енгізіңіз',
  'session.not-encrypted-lock': () => 'бұл мұрағат шифрланбаған, сондықтан оны құлыптау мүмкін емес; алдымен шифрлаңыз',
  'session.already-encrypted': () => 'бұл мұрағат шифрланған; оның орнына құпия сөзді өзгертіңіз',
  'session.no-snapshot': () =>
    'қайтаратын көшірме жоқ; сақтық көшірме файлын `aqiqat restore FILE` арқылы қалпына келтіріңіз',
  'session.idle-too-long': (p) => `минут саны ең көбі ${p.max} (бір тәулік) болуы керек немесе «never»`,

  'file.no-such': (p) => `${p.file}: мұндай файл жоқ`,
  'file.unreadable': (p) => `${p.file} оқылмады: ${p.reason}`,
  'file.cannot-write': (p) => `${p.file} жазылмады: ${p.reason}`,
  'file.no-folder': (p) => `${p.file} жазылмады: мұндай қалта жоқ`,
  'file.exists': (p) => `${p.file} бар; басқа ат таңдаңыз немесе --force қосыңыз`,

  'date.range-backwards': (p) => `«${p.input}» кезеңі басталғаннан кейін аяқталуы керек`,
  'date.malformed': (p) =>
    `«${p.input}» күні ЖЖЖЖ, ЖЖЖЖ-АА немесе ЖЖЖЖ-АА-КК түрінде болуы керек (не БАСЫ/СОҢЫ кезеңі)`,
  'date.no-month': (p) => `«${p.input}» күнінде ${p.month} деген ай жоқ`,
  'date.no-day': (p) => `«${p.input}» күнінде ${p.day} деген күн жоқ`,
  'date.published-not-day': (p) => `«${p.input}» жарияланған күні ЖЖЖЖ-АА-КК түрінде болуы керек`,

  'import.empty': (p) => `${p.name} бос`,
  'import.binary': (p) => `${p.name} мәтін файлы емес, бинарлық файлға ұқсайды (ішінде NUL байттары бар)`,
  'import.not-utf8': (p) => `${p.name} UTF-8 мәтіні емес; оны UTF-8 түрінде сақтап, қайта импорттаңыз`,
  'import.no-files': (p) =>
    `${p.paths} ішінде импорттайтын файл жоқ (белгілі түрлері: .txt .md .html .htm .mhtml .docx .pdf)`,
  'import.stdin-too-big': (p) => `стандартты кіріс импорт шегінен (${p.mb} МБ) асып кетті`,
  'import.not-a-file': (p) => `${p.file} файл емес`,
  'import.too-big': (p) => `${p.name} көлемі ${p.size} МБ; импорт шегі ${p.limit} МБ`,
  'import.bad-url': (p) => `«${p.url}» веб-мекенжай емес (http:// немесе https://)`,
  'import.title-empty': () => 'тақырыбы бос',
  'import.no-text': (p) => `${p.name} ішінде мәтін жоқ`,
  'import.unsupported-format': (p) =>
    `${p.name}: .${p.ext} файлдарын импорттау мүмкін емес; .txt, .md, .html, .mhtml, .docx, .pdf немесе сурет (.jpg, .png, .tif, .webp) пайдаланыңыз`,
  'import.unreadable-format': (p) => `${p.name} .${p.ext} ретінде оқылмады (${p.detail})`,
  'import.text-too-long': (p) => `${p.name} ішінде ${p.millions} миллион таңба мәтін бар; шегі ${p.limit} миллион`,
  'import.timeout': (p) =>
    `${p.name}: оқу ${p.seconds} секундтан ұзаққа созылды, сондықтан тоқтатылды; ештеңе импортталмады`,
  'import.parser-failed': (p) => `${p.name}: талдағыш қате берді (${p.reason}); ештеңе импортталмады`,
  'import.out-of-memory': (p) =>
    `${p.name}: оқуға ${p.mb} МБ-тан көп жад қажет болды, сондықтан тоқтатылды; ештеңе импортталмады`,
  'import.parser-stopped': (p) => `${p.name}: талдағыш тоқтап қалды; ештеңе импортталмады`,
  'import.skipped-unfinished': (p) =>
    `${p.name} өткізіліп жіберілді: бұрынғы импорт оны оқып жатқанда кенет тоқтап қалған (қайталап көру үшін мұрағат қалтасындағы ${p.file} файлын өшіріңіз)`,
  'import.folder-unreadable': (p) => `${p.dir} қалтасы оқылмады: ${p.reason}`,
  'import.docx-no-document': (p) => `${p.name} Word құжаты емес (word/document.xml жоқ)`,
  'import.docx-unreadable': (p) => `${p.name} оқылатын .docx емес (${p.detail})`,
  'import.zip-too-many-files': (p) =>
    `${p.name} ішінде ${p.n} файл бар; файл саны ${p.max} шегінен асатын .docx ықтимал zip-бомба ретінде қабылданбайды`,
  'import.zip-bomb': (p) => `${p.name} ашқанда ${p.mb} МБ-тан асады; ықтимал zip-бомба ретінде қабылданбады`,
  'import.page-not-web-archive': (p) =>
    `${p.name} веб-мұрағат емес: --page тек .warc, .warc.gz және .wacz файлдарына қолданылады`,
  'import.warc-not-warc': (p) => `${p.name} WARC файлы емес (WARC/1.0 не WARC/1.1 жазбасынан басталмайды)`,
  'import.warc-bad-gzip': (p) => `${p.name}: gzip деректері бүлінген (${p.reason}); ештеңе импортталмады`,
  'import.warc-too-big': (p) =>
    `${p.name} ашқанда ${p.mb} МБ-тан көп WARC жазбасы шығады; ықтимал gzip-бомба ретінде қабылданбады`,
  'import.warc-record-too-big': (p) =>
    `${p.name}: ${p.uri} жазбасы ${p.mb} МБ-тан үлкен; қабылданбады, ештеңе импортталмады`,
  'import.warc-no-page': (p) => `${p.name} ішінде сақталған веб-бет жоқ (HTML жауабы жоқ)`,
  'import.warc-page-not-found': (p) => `${p.name} ішінде ${p.url} бетінің көшірмесі жоқ`,
  'import.wacz-not-wacz': (p) =>
    `${p.name} WACZ веб-мұрағаты емес (archive/ қалтасында WARC файлдары бар ZIP файлы емес)`,
  'import.wacz-unsafe-path': (p) =>
    `${p.name} ішінде мұрағаттан тыс немесе қарапайым емес ${p.path} жолы бар; қабылданбады`,
  'import.wacz-damaged': (p) => `${p.name}: WACZ файлы бүлінген (${p.reason})`,
  'import.mhtml-no-boundary': (p) => `${p.name} MHTML файлы емес (multipart шекарасы жоқ)`,
  'import.mhtml-no-page': (p) => `${p.name} ішінде веб-бет жоқ (text/html бөлігі жоқ)`,
  'import.mhtml-bad-charset': (p) => `${p.name}: ішіндегі веб-бет дұрыс ${p.charset} мәтіні емес`,
  'visual.not-a-page': (p) =>
    `${p.id} мақаласы сақталған веб-бет емес (.${p.ext}): көрнекі көшірме тек HTML және MHTML беттерінде болады`,
  'visual.failed': (p) => `${p.id} мақаласының көрнекі көшірмесі жасалмады: ${p.reason}; ештеңе жазылмады`,
  'visual.too-large': (p) =>
    `${p.id} мақаласының көрнекі көшірмесі ${p.mb} МБ, оқу терезесі көрсететін мөлшерден (${p.max} МБ) үлкен; оның PNG және PDF файлдары мұрағатта`,
  'import.unknown-charset': (p) => `${p.name} белгісіз «${p.charset}» таңбалар жиынын көрсетеді`,
  'import.bad-charset': (p) => `${p.name} дұрыс ${p.charset} мәтіні емес`,
  'import.bad-charset-undeclared': (p) => `${p.name} дұрыс ${p.charset} мәтіні емес және таңбалар жиынын көрсетпейді`,
  'import.pdf-bomb': (p) =>
    `${p.name} ішіндегі бір ағын ашқанда ${p.mb} МБ-тан асады; ықтимал PDF-бомба ретінде қабылданбады`,
  'import.pdf-password': (p) => `${p.name} құпия сөзбен қорғалған; құпия сөзді алып тастап, қайта импорттаңыз`,
  'import.pdf-unreadable': (p) => `${p.name} оқылатын PDF емес (${p.detail})`,
  'import.pdf-too-many-pages': (p) => `${p.name} ішінде ${p.n} бет бар; шегі ${p.max}`,
  'import.pdf-scanned': (p) =>
    `${p.name} мәтін қабаты жоқ сканерленген PDF; оны мәтінді танумен (OCR) оқу үшін --ocr auto арқылы импорттаңыз`,
  'import.image-needs-ocr': (p) =>
    `${p.name} — сурет: оның мәтінін тек мәтінді тану (OCR) оқи алады (--ocr never кезінде емес)`,
  'import.image-unreadable': (p) => `${p.name} оқылатын сурет емес (${p.detail})`,
  'import.image-too-large': (p) =>
    `${p.name} ішіндегі сурет ${p.width} × ${p.height} пиксель; шегі ${p.max} миллион пиксель`,
  'import.ocr-too-many-pages': (p) => `${p.name} ішінде мәтінді танумен (OCR) оқылатын ${p.n} бет бар; шегі ${p.max}`,
  'import.ocr-data-missing': (p) => `мәтінді тану (OCR) тілінің деректері жоқ (${p.file}): Aqiqat-ты қайта орнатыңыз`,
  'import.ocr-bad-language': (p) => `«${p.lang}» — мәтінді тану (OCR) тілі емес; ${p.known} қолданыңыз`,
  'import.cancelled': (p) => `${p.name}: импорт тоқтатылды; одан ештеңе импортталмады`,
  'article.no-page': (p) => `${p.id} мақаласында ${p.page}-бет жоқ (барлығы ${p.pages} бет)`,
  'article.page-no-image': (p) =>
    `${p.id} мақаласының ${p.page}-бетінде көрсететін сурет жоқ: оның мәтіні файлдың өзінікі`,
  'article.page-unreadable': (p) =>
    `${p.id} мақаласының түпнұсқасын (${p.name}) көрсету мүмкін емес: ол енді оқылмайды`,

  'article.bad-id': (p) => `«${p.ref}» мақала идентификаторы емес`,
  'article.ambiguous': (p) => `«${p.ref}» ${p.n} мақалаға сәйкес келеді; көбірек цифр беріңіз`,
  'article.not-found': (p) => `${p.ref} мақаласы жоқ`,
  'article.text-missing': (p) =>
    `${p.id} мақаласының мәтіні texts/ ішінде жоқ; мұрағатты сақтық көшірмеден қалпына келтіріңіз`,
  'correct.not-ocr': (p) => `${p.id} мақаласы OCR арқылы оқылмаған: оның мәтіні файлдың өзінікі, оны түзетуге болмайды`,
  'correct.page-not-ocr': (p) =>
    `${p.id} мақаласының ${p.page}-беті OCR арқылы оқылмаған (OCR оқыған беттер: ${p.read})`,
  'correct.not-corrected': (p) => `${p.id} мақаласының ${p.page}-беті түзетілмеген: ол қазірдің өзінде машинаның оқуы`,
  'correct.empty': (p) => `${p.page}-беттің түзетілген мәтіні бос`,
  'correct.too-long': (p) =>
    `${p.page}-беттің түзетілген мәтінінде ${p.length} таңба бар, бір бетке рұқсат етілген ${p.limit} таңбадан көп`,
  'correct.page-line': (p) =>
    `${p.page}-беттің түзетілген мәтінінде "[page N]" жолы бар, ол тек беттің басын белгілейді`,
  'correct.what': () => 'бетті қалай түзету керегін көрсетіңіз: --text МӘТІН, --file ФАЙЛ немесе --revert',

  'fact.bad-id': (p) => `«${p.ref}» дерек идентификаторы емес`,
  'fact.bad-id-for-article': (p) => `«${p.id}» ${p.articleId} мақаласының дерек идентификаторы емес`,
  'fact.not-found': (p) => `дерек табылмады: ${p.ids.join(', ')}`,
  'fact.exists': (p) => `${p.id} дерегі мұрағатта бар`,
  'fact.bad-type': (p) => `«${p.type}» дерек түрі detention немесе parole-denied сияқты бір сөз болуы керек`,
  'fact.quote-empty': () => 'дәйексөз бос',
  'fact.quote-not-found': (p) => `дәйексөз ${p.articleId} мақаласында жоқ; ең жақын үзінді: «${p.closest}»`,
  'fact.quote-lost': (p) => `${p.id} дерегінің дәйексөзі мақаласында енді жоқ`,
  'fact.bad-role': (p) => `«${p.role}» рөлі мыналардың бірі болуы керек: ${p.roles.join(', ')}`,
  'fact.role-not-person': (p) => `«${p.name}» үшін рөл берілді, бірақ ол осы деректегі адамдардың арасында жоқ`,

  'case.not-found': (p) => `«${p.ref}» ісі жоқ; \`aqiqat case list\` қараңыз`,
  'case.ambiguous': (p) => `«${p.ref}» деп ${p.ids.length} іс аталады (${p.ids.join(', ')}); идентификаторын беріңіз`,
  'case.title-empty': () => 'істің атауы бос',
  'case.title-too-long': () => 'істің атауы 500 таңбадан ұзын',
  'case.fact-not-in-case': (p) => `${p.factId} дерегі ${p.caseId} ісінде жоқ`,
  'case.bad-order': (p) => `жаңа ретте ${p.caseId} ісінің ${p.n} дерегінің әрқайсысы бір реттен болуы керек`,

  'entity.not-found': (p) =>
    `«${p.ref}» деген ${p.kind ? KINDS_KK[p.kind] : 'адам, жер немесе ұйым'} жоқ; \`aqiqat entity list\` қараңыз`,
  'entity.ambiguous': (p) =>
    `«${p.ref}» ${p.matches.length} нысанды атайды (${p.matches.join(', ')}); идентификаторын беріңіз`,
  'entity.name-empty': () => 'аты бос',
  'entity.new-name-empty': () => 'жаңа аты бос',
  'entity.name-taken': (p) =>
    `«${p.name}» — бұл ${p.id} ${p.other}; басқа жазылуын соған қосыңыз немесе екеуін біріктіріңіз`,
  'entity.name-taken-merge': (p) => `«${p.name}» — бұл ${p.id} ${p.other}; оның орнына екеуін біріктіріңіз`,
  'entity.same': (p) => `«${p.a}» және «${p.b}» — бір нысан`,
  'entity.merge-kinds': (p) =>
    `түрі әртүрлі нысандарды біріктіруге болмайды (${KINDS_KK[p.from]} → ${KINDS_KK[p.into]})`,

  'tag.empty-level': (p) =>
    `«${p.tag}» тегінде бос деңгей бар; violations/arbitrary-detention сияқты жолды пайдаланыңыз`,
  'tag.ambiguous': (p) => `«${p.ref}» — ${p.paths.join(' немесе ')} болуы мүмкін; толық жолын беріңіз`,
  'tag.not-found': (p) => `«${p.ref}» тегі жоқ; \`aqiqat tag list\` қараңыз`,
  'tag.same': (p) => `«${p.from}» және «${p.to}» — бір тег`,
  'tag.under-itself': (p) => `${p.from} тегін өз ішіне (${p.to}) көшіруге болмайды`,
  'tag.exists': (p) => `${p.to} тегі бар; \`aqiqat tag merge ${p.from} ${p.to}\` пайдаланыңыз`,

  'search.query-too-long': (p) => `сұрау ${p.n} таңбадан тұрады; ең көбі ${p.max} таңба ізделеді`,
  'search.too-many-words': (p) => `сұрауда ${p.n} сөз бар; ең көбі ${p.max} сөз ізделеді`,
  'search.prefix-too-short': (p) => `«${p.word}*» басы бойынша іздеу үшін тым қысқа: кемі ${p.min} әріп беріңіз`,
  'search.no-such-entity': (p) => `мұрағатта «${p.name}» деген ${KINDS_KK[p.kind]} жоқ`,
  'search.no-such-case': (p) => `мұрағатта «${p.ref}» ісі жоқ`,
  'search.index-thread-failed': (p) =>
    `іздеу индексін құру мүмкін болмады (${p.reason}); мұрағат өзгерген жоқ: қайта іздеңіз немесе «aqiqat reindex» орындаңыз`,
  'gazetteer.invalid-json': (p) => `${p.file} дұрыс JSON емес; оны түзетіңіз немесе өшіріңіз`,
  'gazetteer.malformed': (p) => `${p.file} бұзылған (${p.at || 'жоғарғы деңгей'}): ${p.detail}`,

  'dossier.case-empty': (p) => `«${p.title}» ісінде әзірге дерек жоқ; іс құжатын жасамас бұрын деректер қосыңыз`,
  'dossier.case-empty-cli': (p) =>
    `${p.caseId} ісінде әзірге дерек жоқ; \`aqiqat case add-fact\` арқылы деректер қосыңыз`,
  'dossier.no-facts': () => 'іс құжатына салатын дерек жоқ; `aqiqat fact add` арқылы деректер қосыңыз',
  'dossier.needs-app': () => 'PDF сақтау үшін жұмыс үстелі қолданбасы керек (немесе пәрмен жолында `aqiqat dossier`)',
  'dossier.locked-during-save': () =>
    'сақтау терезесі ашық тұрғанда қолданба құлыпталды, сондықтан іс құжаты сақталмады; қайта сақтаңыз',
  'dossier.cannot-save': (p) =>
    `іс құжатын ${p.file} ретінде сақтау мүмкін болмады (${p.reason}); басқа қалта таңдаңыз`,
  'dossier.fonts-failed': (p) => `іс құжатына енгізілген ${p.n} қаріп жүктелмеді`,
  'dossier.fonts-failed-chromium': (p) =>
    `іс құжатына енгізілген ${p.n} қаріп Chromium-да жүктелмеді; жүйелік қаріп пакеті (fonts-liberation) орнатылған ба?`,
  'dossier.font-package-missing': () =>
    'іс құжатының қарпі (@fontsource/noto-sans npm пакеті) жоқ: Aqiqat қалтасында `npm install` іске қосыңыз',
  'dossier.font-file-missing': (p) => `іс құжатының ${p.file} қаріп файлы жоқ: \`npm install\` арқылы қайта орнатыңыз`,
  'dossier.chromium-path-missing': (p) => `CHROMIUM_PATH мәні — ${p.path}, бірақ ол жоқ`,
  'dossier.no-chromium': () =>
    'PDF басу үшін Chromium керек: оны орнатыңыз (Debian/Ubuntu: apt-get install chromium fonts-liberation) немесе CHROMIUM_PATH көрсетіңіз; --format html онсыз да жұмыс істейді',
  'dossier.no-playwright': () =>
    'PDF басу үшін playwright-core npm пакеті керек: Aqiqat қалтасында `npm install` іске қосыңыз',
  'dossier.chromium-failed': (p) => `Chromium (${p.path}) іске қосылмады: ${p.reason}`,
  'dossier.redaction-leak': (p) =>
    `жасырылған есім іс құжатында әлі бар («${p.word}»; --compiled-by және --title мәндерін тексеріңіз); ештеңе жазылмады`,
  'dossier.redaction-unchecked': (p) =>
    `жасыруды тексеру үшін басылған іс құжатын қайта оқу мүмкін болмады (${p.reason}); ештеңе жазылмады`,
  'dossier.print-unreadable': (p) =>
    `бет нөмірлері мен бетбелгілер үшін принтер берген PDF оқылмады (${p.reason}); ештеңе жазылмады`,

  'archive.not-found': (p) => `${p.root} ішінде мұрағат жоқ; оны \`aqiqat init\` арқылы жасаңыз`,
  'archive.not-found-restore-left': (p) =>
    `${p.root} ішінде мұрағат жоқ, бірақ қалпына келтіру қасында ${p.left.join(', ')} қалдырды; керегін ${p.root} орнына жылжытыңыз (ештеңе жасалмады)`,
  'archive.no-folder': (p) => `${p.root} мұрағат қалтасы жоқ`,
  'archive.exists': (p) => `${p.root} ішінде мұрағат бар`,
  'archive.open-elsewhere': (p) => `${p.root} мұрағаты басқа терезеде ашық${p.owner}; алдымен сонда жабыңыз`,
  'archive.shard-count': (p) => `archive.json ${p.n} бөлікті атайды; бұл нұсқа ${p.expected} бөлік пайдаланады`,
  'archive.read-only-disk-full': () =>
    'диск толып қалды, сондықтан мұрағат тек оқу үшін ашылды: өзгерту үшін орын босатып, қайта ашыңыз',
  'archive.save-failed': (p) => `мұрағат сақталмады: ${p.reason}`,
  'archive.needs-passphrase': (p) =>
    `${p.root} мұрағаты шифрланған: құпия сөзін беріңіз (AQIQAT_PASSPHRASE, немесе сұрау үшін терминалда іске қосыңыз)`,
  'archive.damaged': (p) =>
    `${p.detail} ${
      p.snapshot === null
        ? 'backups/ ішінде оның көшірмесі жоқ; сақтық көшірме файлын `aqiqat restore FILE` арқылы қалпына келтіріңіз.'
        : `Соңғы көшірмесі — ${p.snapshot.shown} (${p.snapshot.takenAt}); оны \`aqiqat restore ${p.snapshot.file}\` арқылы қайтарыңыз.`
    }`,
  'storage.file-deleted': (p) =>
    `${p.file} жоқ, бірақ бұл мұрағат оны жазған: ол өшірілген; мұрағатты сақтық көшірмеден қалпына келтіріңіз`,
  'storage.invalid-json': (p) =>
    `${p.file} дұрыс JSON емес; ол өзгертілмеді. Оны сақтық көшірмеден қалпына келтіріңіз.`,
  'storage.malformed': (p) =>
    `${p.file} бұзылған${p.at ? ` (${p.at})` : ''}: ${p.detail}; ол өзгертілмеді. Оны сақтық көшірмеден қалпына келтіріңіз.`,
  'storage.newer-schema': (p) =>
    `${p.file} Aqiqat-тың жаңарақ нұсқасымен жазылған (схемасы ${p.version}, ал бұл нұсқа оқитын схема — ${p.supported}); Aqiqat-ты жаңартыңыз. Файл өзгертілмеді.`,
  'storage.symlink': (p) =>
    `${p.file} — символдық сілтеме; Aqiqat мұрағат қалтасындағы сілтемелерді оқымайды: оның орнына нақты файлды қойыңыз`,
  'storage.symlink-in-archive': (p) =>
    `${p.root} ішіндегі ${p.rel} — символдық сілтеме; Aqiqat мұрағат қалтасындағы сілтемелерге ермейді: оның орнына нақты ${p.folder ? 'қалтаны' : 'файлды'} қойыңыз`,

  'crypto.not-encrypted': () => 'бұл мұрағат шифрланбаған; оны `aqiqat encrypt` арқылы шифрлаңыз',
  'crypto.encryption-unfinished': () =>
    'бұл мұрағатты шифрлау үзіліп қалған; алдымен оны `aqiqat encrypt` арқылы аяқтаңыз',
  'crypto.new-passphrase-needed': (p) =>
    `жаңа құпия сөзді ${p.variable} арқылы беріңіз немесе сұрау үшін терминалда іске қосыңыз`,
  'crypto.passphrase-short': () => 'құпия сөз кемі 8 таңбадан тұруы керек (бірнеше сөз болғаны жақсы)',
  'crypto.wrong-passphrase': () => 'құпия сөз қате; ештеңе өзгертілмеді',
  'crypto.key-file-missing': (p) =>
    `${p.file} шифрланған, бірақ мұрағатта ${p.keyFile} жоқ; оны сақтық көшірмеден қалпына келтіріңіз`,
  'crypto.key-file-damaged': (p) =>
    `${p.keyFile} бүлінген; онсыз мұрағатты ашу мүмкін емес. Оны сақтық көшірмеден қалпына келтіріңіз.`,
  'crypto.key-file-foreign': (p) => `${p.keyFile} кілтті орынсыз жолмен шығаруды талап етеді; оны Aqiqat жасамаған`,
  'crypto.file-damaged': (p) =>
    `${p.file} бүлінген немесе өзгертілген (шифры тексеруден өтпейді); оны сақтық көшірмеден қалпына келтіріңіз`,
  'crypto.file-older': (p) =>
    `${p.file} — ескі көшірме (жазба нөмірі ${p.gen}; бұл мұрағаттың соңғы жазбасы ${p.newest}): ол бұрынғы күйінен қайтарылған; мұрағатты сақтық көшірмеден қалпына келтіріңіз`,
  'crypto.head-older': (p) =>
    `${p.head} жоқ немесе ескі көшірме (${p.file} жаңарақ): ол өшірілген немесе бұрынғы күйінен қайтарылған; мұрағатты сақтық көшірмеден қалпына келтіріңіз`,
  'crypto.head-damaged': (p) =>
    `${p.head} бүлінген немесе өзгертілген (шифры тексеруден өтпейді); мұрағатты сақтық көшірмеден қалпына келтіріңіз`,
  'audit.write-failed': (p) => `өзгеріс сақталды, бірақ аудит журналына жазылмады: ${p.reason}`,

  'backup.inside-archive': () => 'сақтық көшірмені мұрағат қалтасынан тыс жазыңыз (басқа дискіге жазғаны жақсы)',
  'backup.too-many-files': (p) => `мұрағатта ${p.n} файл бар, бұл сақтық көшірме сыйғыза алатыннан (${p.max}) көп`,
  'backup.changed-during': (p) => `сақтық көшірме жазылып жатқанда ${p.file} өзгерді; қайта іске қосыңыз`,
  'backup.not-a-backup': (p) => `${p.file} Aqiqat сақтық көшірмесі емес`,
  'backup.manifest-cut': (p) => `${p.file} бүлінген: оның манифесі үзіліп қалған`,
  'backup.manifest-invalid': (p) => `${p.file} бүлінген: оның манифесі дұрыс емес (немесе мұрағаттан тыс жолды атайды)`,
  'backup.manifest-twice': (p) => `${p.file} бүлінген: оның манифесі бір файлды екі рет атайды`,
  'backup.too-many-named': (p) =>
    `${p.file} ${p.n} файлды атайды; сақтық көшірмеде ең көбі ${p.max} файл болады, сондықтан оны Aqiqat жасамаған; ештеңе қалпына келтірілмеді`,
  'backup.file-too-big': (p) =>
    `${p.file} ${p.size} байттық файлды атайды (${p.path}); сақтық көшірмеде ${p.max} байттан үлкен файл болмайды; ештеңе қалпына келтірілмеді`,
  'backup.no-archive-json': (p) => `${p.file} ішінде archive.json жоқ`,
  'backup.size-mismatch': (p) => `${p.file} бүлінген: көлемі ${p.size} байт, ал манифесінде ${p.expected} делінген`,
  'backup.hash-mismatch': (p) =>
    `${p.file} бүлінген: ${p.path} өзінің SHA-256 хэшіне сәйкес келмейді; ештеңе қалпына келтірілмеді`,
  'backup.ends-early': () => 'сақтық көшірме файлы тым ерте аяқталады',
  'backup.encrypted-no-key': (p) =>
    `${p.file} ішінде шифрланған archive.json бар, бірақ ${p.keyFile} жоқ, сондықтан оны ашу мүмкін емес; ештеңе өзгертілмеді`,
  'backup.needs-passphrase': (p) =>
    `${p.file} — шифрланған сақтық көшірме: оның құпия сөзін (ол жасалған күнгі құпия сөзді) AQIQAT_PASSPHRASE арқылы беріңіз немесе сұрау үшін терминалда іске қосыңыз`,
  'backup.wrong-passphrase': (p) =>
    `${p.name} үшін құпия сөз қате (сақтық көшірме өзі жасалған күнгі құпия сөзді сақтайды); ештеңе өзгертілмеді`,
  'backup.archive-damaged': (p) =>
    `${p.name} ішіндегі archive.json бүлінген немесе өзгертілген (шифры тексеруден өтпейді); ештеңе өзгертілмеді`,
  'backup.changed-while-restoring': (p) => `қалпына келтіру кезінде ${p.file} өзгерді; ештеңе ауыстырылмады`,
  'backup.snapshot-not-this-archive': (p) =>
    `${p.name} бүлінген немесе бұл мұрағаттың archive.json көшірмесі емес (шифры тексеруден өтпейді)`,
  'restore.current-unreadable': (p) => `қазіргі archive.json оқылмады (${p.reason}); ештеңе ауыстырылмады`,
  'restore.running': (p) =>
    `${p.root} ішіне қалпына келтіру басқа терезеде жүріп жатыр${p.owner}; оның аяқталуын күтіңіз`,
  'restore.swap-failed': (p) =>
    `қалпына келтірілген мұрағатты орнына қою мүмкін болмады (${p.reason}: ішіндегі бір файл басқа бағдарламада, мысалы, антивируста немесе файл менеджерінде ашық болуы мүмкін); ештеңе өзгертілмеді`,
  'restore.swap-stuck': (p) =>
    `қалпына келтірілген мұрағатты орнына қою да (${p.reason}), ескісін қайтару да (${p.backReason}) мүмкін болмады; ескі мұрағат ${p.previous} ішінде, ол мұрағат келесі ашылғанда орнына қайтады`,
  'restore.interrupted-stuck': (p) =>
    `үзілген қалпына келтіру мұрағатты ${p.from} ішінде қалдырды, оны ${p.root} орнына қайтару мүмкін емес (${p.reason}: ондағы бір файлды бағдарлама ұстап тұруы мүмкін); оны жауып, мұрағатты қайта ашыңыз`,

  'timestamp.malformed': (p) => `бұл RFC 3161 уақыт белгісінің жауабы да, токені де емес: ${p.detail}`,
  'timestamp.not-granted': (p) =>
    `уақыт белгісі орталығы сұрауды қабылдамады (күйі ${p.status}${p.detail ? `: ${p.detail}` : ''})`,
  'timestamp.other-hash': (p) => `уақыт белгісі басқа хэшке (${p.hash}) берілген, ${p.expected} хэшіне емес`,
  'timestamp.wrong-nonce': () =>
    'уақыт белгісінде біздің сұраудың бір реттік саны (nonce) жоқ: ол басқа сұрауға жауап немесе қайталап жіберілген',
  'timestamp.bad-signature': (p) => `уақыт белгісінің қолтаңбасы жарамсыз: ${p.detail}`,
  'timestamp.not-a-tsa': (p) => `${p.authority} сертификаты уақыт белгісін қоюға арналмаған`,
  'timestamp.not-trusted': (p) => `${p.authority} уақыт белгісі орталығы сенімді сертификатқа жалғанбайды: ${p.detail}`,
  'timestamp.bad-certificate': (p) => `${p.what} сертификат емес (PEM немесе DER): ${p.detail}`,
  'timestamp.not-a-package': (p) => `бұл дәлелдер пакеті емес: ${p.detail}`,
  'timestamp.not-requested': (p) =>
    `бұл мұрағатта ${p.hash} хэшіне күтіп тұрған уақыт белгісі сұрауы жоқ; оны \`aqiqat timestamp request\` арқылы жазыңыз`,
  'timestamp.empty-log': () => 'аудит журналы бос: белгі қоятын жол жоқ',
  'timestamp.target': () => 'неге белгі қою керегін айтыңыз: --audit немесе --package FILE (біреуін)',

  'cli.not-positive': (p) => `${p.name} оң бүтін сан болуы керек`,
  'cli.invalid-option': (p) => `${p.flag}: ${p.issue}`,
  'cli.sample-missing': () => 'үлгі мұрағат (data/sample) бұл орнатуда жоқ',
  'cli.title-one-file': () => '--title бір мақаланы атайды; файлдарды бір-бірлеп импорттаңыз',
  'cli.case-or-facts': () => 'істі немесе --facts беріңіз, екеуін бірге емес',
  'cli.facts-empty': () => '--facts үтірмен бөлінген дерек идентификаторларын қажет етеді',
  'cli.pdf-needs-out': () => 'PDF үшін файл керек: --out FILE.pdf (немесе --format html --out -)',
  'cli.stdin-is-terminal': () => '`import -` мақаланы стандартты кірістен оқиды: оған мәтін жіберіңіз',
  'cli.cancelled': () => 'болдырылмады',
  'cli.passphrases-differ': () => 'екі құпия сөз бірдей емес; ештеңе өзгертілмеді',
  'cli.keep-too-big': (p) => `--keep ең көбі ${p.max} болуы керек`,
  'cli.role-syntax': (p) => `--role «${p.option}» АТЫ=РӨЛІ түрінде болуы керек, мысалы «Мұхтар Жәкішев=victim»`,
  'cli.approximate-exact': () => '--approximate және --exact бір-біріне қайшы',
  'cli.case-not-found': (p) => `${p.id} ісі жоқ`,
  'cli.translation-syntax': (p) =>
    `--translation «${p.option}» ТІЛ=МӘТІН түрінде болуы керек (ТІЛ: kk, ru немесе en), мысалы ru="Суд отказал"`,
  'cli.consent-syntax': (p) =>
    `--consent «${p.option}» АДАМ=given, АДАМ=not-given немесе АДАМ=unknown түрінде болуы керек`,
  'cli.responsible-syntax': (p) =>
    `--responsible «${p.option}» АДАМ=СЕБЕБІ түрінде болуы керек, мысалы «Иванов=қамау туралы бұйрыққа қол қойған»`,
  'case.bad-right': (p) => `«${p.right}» деген құқық белгісіз; мыналардың бірі: ${p.rights.join(', ')}`,
  'case.not-in-role': (p) =>
    `${p.name} ${p.caseId} ісінің ешбір фактісінде ${p.role} рөлінде емес; алдымен fact edit --role арқылы рөлін беріңіз`,
  'case.bad-consent-date': (p) => `«${p.date}» келісім күні ЖЖЖЖ, ЖЖЖЖ-АА немесе ЖЖЖЖ-АА-КК түрінде болуы керек`,

  'article.bad-source-type': (p) => `«${p.type}» дереккөз түрі мыналардың бірі болуы керек: ${p.types.join(', ')}`,
  'article.bad-acquired-from': (p) =>
    `«қайдан алынды» мыналардың бірі болуы керек: ${p.values.join(', ')}; «${p.value}» емес`,
  'article.bad-captured-at': (p) =>
    `«${p.value}» сақталған уақыты YYYY-MM-DD немесе YYYY-MM-DDTHH:MM түрінде болуы керек (секундпен және белдеумен болуы мүмкін, мысалы +05:00)`,
  'article.machine-recorded': (p) => `${p.field} мәнін файл келген кезде машина жазды, оны өзгертуге болмайды`,
  'article.nothing-to-edit': () =>
    'өзгертетін ештеңе жоқ: --source-type, --captured-by, --captured-at, --capture-tool, --original-url, --acquired-from, --acquired-note, --original немесе --copy беріңіз',
  'fact.bad-status': (p) => `«${p.status}» мәртебесі мыналардың бірі болуы керек: ${p.statuses.join(', ')}`,
  'fact.needs-support': (p) =>
    `${p.status} деп белгіленген деректе растайтын дерек (--corroborated-by ДЕРЕК-ID) немесе қалай тексерілгенін айтатын тексеру жазбасы (--verification-note МӘТІН) болуы керек`,
  'fact.corroboration-same-article': (p) =>
    `${p.id} дерегі сол мақаладан алынған: растайтын дерек басқа дереккөзден болуы керек`,
  'fact.corroboration-self': () => 'дерек өзін-өзі растай алмайды',
  'cli.original-copy': () => '--original мен --copy бір-біріне қайшы',

  // the archive's identity and evidence packages
  'identity.unreadable': (p) => `мұрағаттың қолтаңба кілті identity.json оқылмайды: ${p.reason}`,
  'identity.not-sealed': () =>
    'identity.json мұрағат кілтімен шифрланбаған: оны басқа біреу қойған; сақтық көшірмеден қалпына келтіріңіз',
  'identity.damaged': (p) =>
    `мұрағаттың қолтаңба кілті identity.json бүлінген (${p.reason}); сақтық көшірмеден қалпына келтіріңіз`,
  'identity.bad-name': (p) => `қолтаңба аты 1-ден ${p.max} таңбаға дейінгі бір жол болуы керек`,
  'package.not-zip': (p) => `жарамсыз: ${p.file} дәлелдер пакеті емес (ZIP файлы емес)`,
  'package.too-big': (p) => `жарамсыз: ${p.file} дәлелдер пакетіне рұқсат етілген көлемнен үлкен (${p.max} байт)`,
  'package.zip-damaged': (p) => `жарамсыз: ${p.file}: ZIP файлы бүлінген (${p.reason})`,
  'package.too-many-entries': (p) => `жарамсыз: пакетте ${p.n} файл бар, бұл ${p.max}-тен көп`,
  'package.entry-too-big': (p) => `жарамсыз: ${p.file} ашқанда ${p.max} байттан асады (ZIP бомбасы ма?); ол ашылмады`,
  'package.unsafe-path': (p) => `жарамсыз: ${p.file}: пакеттен тыс немесе қарапайым салыстырмалы емес жол`,
  'package.file-twice': (p) => `жарамсыз: ${p.file} пакетте екі рет бар`,
  'package.file-missing': (p) => `жарамсыз: ${p.file} манифестте аталған, бірақ пакетте жоқ`,
  'package.file-unlisted': (p) => `жарамсыз: ${p.file} пакетте бар, бірақ қол қойылған манифестте жоқ`,
  'package.file-changed': (p) => `жарамсыз: ${p.file} қол қойылған файл емес (SHA-256 хэші немесе өлшемі басқа)`,
  'package.manifest-invalid': (p) => `жарамсыз: ${p.file} жарамды манифест емес (${p.reason})`,
  'package.key-invalid': (p) => `жарамсыз: ${p.file} манифест атаған қол қоюшының ашық кілті емес`,
  'package.signature-invalid': (p) => `жарамсыз: ${p.file}: manifest.json қолтаңбасы расталмайды`,
  'package.sums-invalid': (p) => `жарамсыз: ${p.file} пакеттің файлдары мен олардың SHA-256 хэштерін дұрыс тізбейді`,
  'package.quote-mismatch': (p) => `жарамсыз: ${p.file}: ${p.fact} дерегінің дәйексөзі көрсетілген орындағы мәтін емес`,
  'package.source-unreadable': (p) =>
    `${p.article} мақаласының дереккөзі оқылмайды, сондықтан пакет жазылмады; \`aqiqat verify\` іске қосыңыз`,
  'package.stamp-invalid': (p) => `жарамсыз: ${p.file}: уақыт белгісі расталмады (${p.reason})`,
  'contact.bad-key-file': (p) =>
    `${p.file} Aqiqat ашық кілт файлы емес (${p.reason}); \`aqiqat identity export\` жазатын файлды сұраңыз`,
  'contact.exists': (p) => `${p.name} атты контакт бар`,
  'contact.key-exists': (p) => `бұл кілт — ${p.name} контактісі (${p.fingerprint})`,
  'contact.not-found': (p) => `${p.name} атты контакт жоқ; \`aqiqat contact list\` қараңыз`,
  'contact.own-key': () => 'бұл әріптестің емес, осы мұрағаттың өз кілті',
  'team.no-recipient': () => 'бума кімге арналғанын айтыңыз: --to CONTACT (қайталауға болады) немесе --passphrase',
  'team.bundle-too-big': (p) => `жарамсыз: ${p.file} бума үшін рұқсат етілген көлемнен үлкен (${p.max} байт)`,
  'team.not-a-bundle': (p) => `жарамсыз: ${p.file} Aqiqat бумасы емес (age арқылы шифрланған файл емес)`,
  'team.not-for-this-archive': (p) => `бұл бума осы мұрағатқа арналмаған: ${p.file} басқа кілттерге шифрланған`,
  'team.needs-passphrase': (p) => `${p.file} құпия сөзбен шифрланған: оны --passphrase арқылы қабылдаңыз`,
  'team.wrong-passphrase': (p) => `${p.file} үшін құпия сөз қате`,
  'team.bundle-damaged': (p) => `жарамсыз: ${p.file} бүлінген немесе қысқартылған (${p.reason}); ештеңе қабылданбады`,
  'team.bundle-newer': (p) =>
    `${p.file} Aqiqat-тың жаңа нұсқасында жасалған (бума нұсқасы ${p.version}); қабылдау үшін Aqiqat-ты жаңартыңыз`,
  'team.bundle-invalid': (p) => `жарамсыз: ${p.file}: ${p.reason}; ештеңе қабылданбады`,
  'team.signature-invalid': (p) => `жарамсыз: ${p.file} қолтаңбасы мазмұнына сәйкес емес; ештеңе қабылданбады`,
  'team.unknown-signer': (p) =>
    `белгісіз қол қоюшы ${p.fingerprint} (өзін ${p.name} дейді): саусақ ізін онымен салыстырыңыз, содан кейін оны \`aqiqat contact add\` арқылы қосыңыз немесе --accept-unknown арқылы қабылдаңыз`,
  'team.since-unknown': (p) => `${p.file} осы мұрағат жіберген бума емес`,
  'team.id-clash': (p) => `бумада ${p.id} осы мұрағаттағы ${p.id}-ден басқа нәрсені атайды; ештеңе қабылданбады`,
  'team.conflict-not-found': (p) => `${p.id} ашық қайшылығы жоқ; \`aqiqat conflicts\` қараңыз`,
  'team.conflict-bad-choice': (p) => `${p.id} қайшылығы --keep ${p.choices} арқылы шешіледі`,
};

const ru: ErrorTexts = {
  internal: (p) => `внутренняя ошибка: ${p.detail}`,
  'disk.full': () => 'диск заполнен: освободите место или запишите на другой диск и повторите',
  'disk.full-saving': () =>
    'не удалось сохранить архив: диск заполнен. Освободите место или запишите на другой диск и повторите',
  'disk.full-audit': () =>
    'изменение сохранено, но в журнал аудита записать не удалось: диск заполнен. Освободите место и повторите',

  'ipc.unknown-call': (p) => `неизвестный вызов: ${p.method}`,
  'ipc.invalid-request': (p) => `неверный запрос ${p.method}: ${p.field} ${p.issue}`.trim(),

  'session.locked': () => 'архив заблокирован; чтобы открыть его снова, введите кодовую фразу',
  'session.not-encrypted-lock': () => 'архив не зашифрован, поэтому его нельзя заблокировать; сначала зашифруйте его',
  'session.already-encrypted': () => 'архив уже зашифрован; вместо этого смените кодовую фразу',
  'session.no-snapshot': () =>
    'нет копии, которую можно вернуть; восстановите файл резервной копии командой `aqiqat restore FILE`',
  'session.idle-too-long': (p) => `минут должно быть не больше ${p.max} (сутки) или «never»`,

  'file.no-such': (p) => `${p.file}: файл не найден`,
  'file.unreadable': (p) => `не удалось прочитать ${p.file}: ${p.reason}`,
  'file.cannot-write': (p) => `не удалось записать ${p.file}: ${p.reason}`,
  'file.no-folder': (p) => `не удалось записать ${p.file}: папка не найдена`,
  'file.exists': (p) => `${p.file} уже существует; выберите другое имя или добавьте --force`,

  'date.range-backwards': (p) => `период «${p.input}» должен заканчиваться после начала`,
  'date.malformed': (p) => `дата «${p.input}» должна быть в виде ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД (или период С/ПО)`,
  'date.no-month': (p) => `в дате «${p.input}» нет месяца ${p.month}`,
  'date.no-day': (p) => `в дате «${p.input}» нет дня ${p.day}`,
  'date.published-not-day': (p) => `дата публикации «${p.input}» должна быть в виде ГГГГ-ММ-ДД`,

  'import.empty': (p) => `${p.name} пуст`,
  'import.binary': (p) => `${p.name} похож на двоичный файл (в нём есть байты NUL), а не на текст`,
  'import.not-utf8': (p) => `${p.name} — не текст в UTF-8; сохраните его в UTF-8 и импортируйте снова`,
  'import.no-files': (p) =>
    `в ${p.paths} нет файлов для импорта (известные типы: .txt .md .html .htm .mhtml .docx .pdf)`,
  'import.stdin-too-big': (p) => `стандартный ввод превышает предел импорта в ${p.mb} МБ`,
  'import.not-a-file': (p) => `${p.file} — не файл`,
  'import.too-big': (p) => `${p.name} занимает ${p.size} МБ; предел импорта — ${p.limit} МБ`,
  'import.bad-url': (p) => `«${p.url}» — не веб-адрес (http:// или https://)`,
  'import.title-empty': () => 'заголовок пуст',
  'import.no-text': (p) => `в ${p.name} нет текста`,
  'import.unsupported-format': (p) =>
    `${p.name}: файлы .${p.ext} импортировать нельзя; используйте .txt, .md, .html, .mhtml, .docx, .pdf или изображение (.jpg, .png, .tif, .webp)`,
  'import.unreadable-format': (p) => `не удалось прочитать ${p.name} как .${p.ext} (${p.detail})`,
  'import.text-too-long': (p) => `в ${p.name} ${p.millions} млн символов текста; предел — ${p.limit} млн`,
  'import.timeout': (p) => `${p.name}: чтение заняло больше ${p.seconds} с и было остановлено; ничего не импортировано`,
  'import.parser-failed': (p) => `${p.name}: ошибка разбора (${p.reason}); ничего не импортировано`,
  'import.out-of-memory': (p) =>
    `${p.name}: для чтения понадобилось больше ${p.mb} МБ памяти, и оно было остановлено; ничего не импортировано`,
  'import.parser-stopped': (p) => `${p.name}: разбор прервался; ничего не импортировано`,
  'import.skipped-unfinished': (p) =>
    `${p.name} пропущен: прошлый импорт неожиданно прервался при его чтении (чтобы попробовать снова, удалите ${p.file} в папке архива)`,
  'import.folder-unreadable': (p) => `не удалось прочитать папку ${p.dir}: ${p.reason}`,
  'import.docx-no-document': (p) => `${p.name} — не документ Word (нет word/document.xml)`,
  'import.docx-unreadable': (p) => `${p.name} — нечитаемый .docx (${p.detail})`,
  'import.zip-too-many-files': (p) =>
    `файлов внутри ${p.name}: ${p.n}; .docx, где их больше ${p.max}, отклоняется как возможная zip-бомба`,
  'import.zip-bomb': (p) => `${p.name} распаковывается больше чем в ${p.mb} МБ; отклонён как возможная zip-бомба`,
  'import.page-not-web-archive': (p) =>
    `${p.name} — не веб-архив: --page применяется только к файлам .warc, .warc.gz и .wacz`,
  'import.warc-not-warc': (p) => `${p.name} — не файл WARC (он не начинается с записи WARC/1.0 или WARC/1.1)`,
  'import.warc-bad-gzip': (p) => `${p.name}: данные gzip повреждены (${p.reason}); ничего не импортировано`,
  'import.warc-too-big': (p) =>
    `${p.name} распаковывается больше чем в ${p.mb} МБ записей WARC; отклонён как возможная gzip-бомба`,
  'import.warc-record-too-big': (p) =>
    `${p.name}: запись ${p.uri} больше ${p.mb} МБ; отклонено, ничего не импортировано`,
  'import.warc-no-page': (p) => `в ${p.name} нет сохранённой веб-страницы (нет HTML-ответа)`,
  'import.warc-page-not-found': (p) => `в ${p.name} нет копии страницы ${p.url}`,
  'import.wacz-not-wacz': (p) => `${p.name} — не веб-архив WACZ (не ZIP-файл с файлами WARC в папке archive/)`,
  'import.wacz-unsafe-path': (p) => `в ${p.name} есть путь ${p.path} за пределами архива или не простое имя; отклонено`,
  'import.wacz-damaged': (p) => `${p.name}: файл WACZ повреждён (${p.reason})`,
  'import.mhtml-no-boundary': (p) => `${p.name} — не файл MHTML (нет границы multipart)`,
  'import.mhtml-no-page': (p) => `в ${p.name} нет веб-страницы (нет части text/html)`,
  'import.mhtml-bad-charset': (p) => `${p.name}: веб-страница внутри — не корректный текст в ${p.charset}`,
  'visual.not-a-page': (p) =>
    `статья ${p.id} — не сохранённая веб-страница (.${p.ext}): визуальная копия бывает только у страниц HTML и MHTML`,
  'visual.failed': (p) => `не удалось сделать визуальную копию ${p.id}: ${p.reason}; ничего не записано`,
  'visual.too-large': (p) =>
    `визуальная копия ${p.id} занимает ${p.mb} МБ, больше, чем показывает окно чтения (${p.max} МБ); её PNG и PDF есть в архиве`,
  'import.unknown-charset': (p) => `${p.name} указывает неизвестную кодировку «${p.charset}»`,
  'import.bad-charset': (p) => `${p.name} — не корректный текст в ${p.charset}`,
  'import.bad-charset-undeclared': (p) =>
    `${p.name} — не корректный текст в ${p.charset}, и кодировка в нём не указана`,
  'import.pdf-bomb': (p) =>
    `в ${p.name} есть поток, который распаковывается больше чем в ${p.mb} МБ; отклонён как возможная PDF-бомба`,
  'import.pdf-password': (p) => `${p.name} защищён паролем; снимите пароль и импортируйте снова`,
  'import.pdf-unreadable': (p) => `${p.name} — нечитаемый PDF (${p.detail})`,
  'import.pdf-too-many-pages': (p) => `страниц в ${p.name}: ${p.n}; предел — ${p.max}`,
  'import.pdf-scanned': (p) =>
    `${p.name} — отсканированный PDF без текстового слоя; импортируйте его с --ocr auto, чтобы распознать текст (OCR)`,
  'import.image-needs-ocr': (p) =>
    `${p.name} — изображение: его текст можно прочесть только распознаванием (OCR), не с --ocr never`,
  'import.image-unreadable': (p) => `${p.name} — нечитаемое изображение (${p.detail})`,
  'import.image-too-large': (p) =>
    `в ${p.name} изображение ${p.width} × ${p.height} пикселей; предел — ${p.max} миллионов пикселей`,
  'import.ocr-too-many-pages': (p) => `в ${p.name} страниц для распознавания (OCR): ${p.n}; предел — ${p.max}`,
  'import.ocr-data-missing': (p) => `нет языковых данных распознавания (OCR) (${p.file}): переустановите Aqiqat`,
  'import.ocr-bad-language': (p) => `«${p.lang}» — не язык распознавания (OCR); используйте ${p.known}`,
  'import.cancelled': (p) => `${p.name}: импорт отменён; из этого файла ничего не импортировано`,
  'article.no-page': (p) => `в статье ${p.id} нет страницы ${p.page} (всего страниц: ${p.pages})`,
  'article.page-no-image': (p) => `на странице ${p.page} статьи ${p.id} нет изображения: её текст взят из самого файла`,
  'article.page-unreadable': (p) => `оригинал статьи ${p.id} (${p.name}) нельзя показать: он больше не читается`,

  'article.bad-id': (p) => `«${p.ref}» — не идентификатор статьи`,
  'article.ambiguous': (p) => `«${p.ref}» подходит к нескольким статьям (${p.n}); укажите больше цифр`,
  'article.not-found': (p) => `статьи ${p.ref} нет`,
  'article.text-missing': (p) => `текста статьи ${p.id} нет в texts/; восстановите архив из резервной копии`,
  'correct.not-ocr': (p) =>
    `статья ${p.id} не распознавалась (OCR): её текст взят из самого файла, его нельзя исправить`,
  'correct.page-not-ocr': (p) =>
    `страница ${p.page} статьи ${p.id} не распознавалась (OCR) (распознанные страницы: ${p.read})`,
  'correct.not-corrected': (p) => `страница ${p.page} статьи ${p.id} не исправлена: это уже машинное распознавание`,
  'correct.empty': (p) => `исправленный текст страницы ${p.page} пуст`,
  'correct.too-long': (p) =>
    `в исправленном тексте страницы ${p.page} ${p.length} символов, больше допустимых для страницы ${p.limit}`,
  'correct.page-line': (p) =>
    `исправленный текст страницы ${p.page} содержит строку «[page N]», которая только отмечает начало страницы`,
  'correct.what': () => 'укажите, как исправить страницу: --text ТЕКСТ, --file ФАЙЛ или --revert',

  'fact.bad-id': (p) => `«${p.ref}» — не идентификатор факта`,
  'fact.bad-id-for-article': (p) => `«${p.id}» — не идентификатор факта статьи ${p.articleId}`,
  'fact.not-found': (p) => `факт не найден: ${p.ids.join(', ')}`,
  'fact.exists': (p) => `факт ${p.id} уже есть в архиве`,
  'fact.bad-type': (p) => `тип факта «${p.type}» должен быть одним словом, например detention или parole-denied`,
  'fact.quote-empty': () => 'цитата пуста',
  'fact.quote-not-found': (p) => `цитаты нет в статье ${p.articleId}; ближайший фрагмент: «${p.closest}»`,
  'fact.quote-lost': (p) => `цитаты факта ${p.id} больше нет в его статье`,
  'fact.bad-role': (p) => `роль «${p.role}» должна быть одной из: ${p.roles.join(', ')}`,
  'fact.role-not-person': (p) => `роль указана для «${p.name}», но этого человека нет среди людей факта`,

  'case.not-found': (p) => `дела «${p.ref}» нет; см. \`aqiqat case list\``,
  'case.ambiguous': (p) =>
    `«${p.ref}» называются несколько дел (${p.ids.length}: ${p.ids.join(', ')}); укажите идентификатор`,
  'case.title-empty': () => 'название дела пусто',
  'case.title-too-long': () => 'название дела длиннее 500 символов',
  'case.fact-not-in-case': (p) => `факта ${p.factId} нет в деле ${p.caseId}`,
  'case.bad-order': (p) =>
    `новый порядок должен перечислять каждый факт дела ${p.caseId} (всего ${p.n}) ровно один раз`,

  'entity.not-found': (p) =>
    `нет ${p.kind ? KINDS_RU_OF[p.kind] : 'человека, места или организации'} «${p.ref}»; см. \`aqiqat entity list\``,
  'entity.ambiguous': (p) =>
    `«${p.ref}» подходит к нескольким записям (${p.matches.length}: ${p.matches.join(', ')}); укажите идентификатор`,
  'entity.name-empty': () => 'имя пусто',
  'entity.new-name-empty': () => 'новое имя пусто',
  'entity.name-taken': (p) =>
    `«${p.name}» — это уже ${p.id} ${p.other}; добавьте варианты написания туда или объедините`,
  'entity.name-taken-merge': (p) => `«${p.name}» — это уже ${p.id} ${p.other}; лучше объедините их`,
  'entity.same': (p) => `«${p.a}» и «${p.b}» — одна и та же запись`,
  'entity.merge-kinds': (p) => `нельзя объединить записи разного вида (${KINDS_RU[p.from]} → ${KINDS_RU[p.into]})`,

  'tag.empty-level': (p) => `в теге «${p.tag}» пустой уровень; используйте путь вида violations/arbitrary-detention`,
  'tag.ambiguous': (p) => `«${p.ref}» может означать ${p.paths.join(' или ')}; укажите полный путь`,
  'tag.not-found': (p) => `тега «${p.ref}» нет; см. \`aqiqat tag list\``,
  'tag.same': (p) => `«${p.from}» и «${p.to}» — один и тот же тег`,
  'tag.under-itself': (p) => `нельзя переместить ${p.from} внутрь самого себя (${p.to})`,
  'tag.exists': (p) => `тег ${p.to} уже есть; используйте \`aqiqat tag merge ${p.from} ${p.to}\``,

  'search.query-too-long': (p) => `длина запроса в символах: ${p.n}; ищутся не больше ${p.max}`,
  'search.too-many-words': (p) => `слов в запросе: ${p.n}; ищутся не больше ${p.max}`,
  'search.prefix-too-short': (p) => `«${p.word}*» слишком короток для поиска по началу слова (минимум букв: ${p.min})`,
  'search.no-such-entity': (p) => `в архиве нет ${KINDS_RU_OF[p.kind]} с именем «${p.name}»`,
  'search.no-such-case': (p) => `в архиве нет дела «${p.ref}»`,
  'search.index-thread-failed': (p) =>
    `не удалось построить поисковый индекс (${p.reason}); архив не изменён: повторите поиск или выполните «aqiqat reindex»`,
  'gazetteer.invalid-json': (p) => `${p.file} — некорректный JSON; исправьте или удалите его`,
  'gazetteer.malformed': (p) => `${p.file} повреждён (${p.at || 'верхний уровень'}): ${p.detail}`,

  'dossier.case-empty': (p) => `в деле «${p.title}» пока нет фактов; добавьте их, прежде чем собирать досье`,
  'dossier.case-empty-cli': (p) => `в деле ${p.caseId} пока нет фактов; добавьте их командой \`aqiqat case add-fact\``,
  'dossier.no-facts': () => 'нет фактов для досье; добавьте их командой `aqiqat fact add`',
  'dossier.needs-app': () =>
    'чтобы сохранить PDF, нужно настольное приложение (или `aqiqat dossier` в командной строке)',
  'dossier.locked-during-save': () =>
    'приложение заблокировалось, пока было открыто окно сохранения, поэтому досье не сохранено; сохраните его снова',
  'dossier.cannot-save': (p) => `не удалось сохранить досье как ${p.file} (${p.reason}); выберите другую папку`,
  'dossier.fonts-failed': (p) => `не загрузились встроенные шрифты досье: ${p.n}`,
  'dossier.fonts-failed-chromium': (p) =>
    `в Chromium не загрузились встроенные шрифты досье: ${p.n}; установлен ли системный пакет шрифтов (fonts-liberation)?`,
  'dossier.font-package-missing': () =>
    'нет шрифта досье (npm-пакет @fontsource/noto-sans): выполните `npm install` в папке Aqiqat',
  'dossier.font-file-missing': (p) => `нет файла шрифта досье ${p.file}: переустановите через \`npm install\``,
  'dossier.chromium-path-missing': (p) => `CHROMIUM_PATH указывает на ${p.path}, но такого файла нет`,
  'dossier.no-chromium': () =>
    'для печати PDF нужен Chromium: установите его (Debian/Ubuntu: apt-get install chromium fonts-liberation) или задайте CHROMIUM_PATH; --format html работает и без него',
  'dossier.no-playwright': () =>
    'для печати PDF нужен npm-пакет playwright-core: выполните `npm install` в папке Aqiqat',
  'dossier.chromium-failed': (p) => `Chromium (${p.path}) не запустился: ${p.reason}`,
  'dossier.redaction-leak': (p) =>
    `скрытое имя всё ещё есть в досье («${p.word}»; проверьте --compiled-by и --title); ничего не записано`,
  'dossier.redaction-unchecked': (p) =>
    `не удалось прочитать напечатанное досье, чтобы проверить скрытие (${p.reason}); ничего не записано`,
  'dossier.print-unreadable': (p) =>
    `не удалось прочитать PDF принтера для номеров страниц и закладок (${p.reason}); ничего не записано`,

  'archive.not-found': (p) => `в ${p.root} нет архива; создайте его командой \`aqiqat init\``,
  'archive.not-found-restore-left': (p) =>
    `в ${p.root} нет архива, но восстановление оставило рядом ${p.left.join(', ')}; переместите нужный в ${p.root} (ничего не создано)`,
  'archive.no-folder': (p) => `нет папки архива ${p.root}`,
  'archive.exists': (p) => `в ${p.root} уже есть архив`,
  'archive.open-elsewhere': (p) => `архив ${p.root} открыт в другом окне${p.owner}; сначала закройте его там`,
  'archive.shard-count': (p) => `число частей в archive.json — ${p.n}; эта версия использует ${p.expected}`,
  'archive.read-only-disk-full': () =>
    'диск заполнен, поэтому архив открыт только для чтения: освободите место и откройте его снова, чтобы вносить изменения',
  'archive.save-failed': (p) => `не удалось сохранить архив: ${p.reason}`,
  'archive.needs-passphrase': (p) =>
    `архив ${p.root} зашифрован: укажите его кодовую фразу (AQIQAT_PASSPHRASE или запуск в терминале, чтобы её спросили)`,
  'archive.damaged': (p) =>
    `${p.detail} ${
      p.snapshot === null
        ? 'В backups/ нет его копии; восстановите файл резервной копии командой `aqiqat restore FILE`.'
        : `Последняя копия — ${p.snapshot.shown} (${p.snapshot.takenAt}); верните её командой \`aqiqat restore ${p.snapshot.file}\`.`
    }`,
  'storage.file-deleted': (p) =>
    `${p.file} отсутствует, хотя архив его записывал: он удалён; восстановите архив из резервной копии`,
  'storage.invalid-json': (p) =>
    `${p.file} — некорректный JSON; он оставлен как есть. Восстановите его из резервной копии.`,
  'storage.malformed': (p) =>
    `${p.file} повреждён${p.at ? ` (${p.at})` : ''}: ${p.detail}; он оставлен как есть. Восстановите его из резервной копии.`,
  'storage.newer-schema': (p) =>
    `${p.file} записан более новой версией Aqiqat (схема ${p.version}, эта версия читает ${p.supported}); обновите Aqiqat. Файл оставлен как есть.`,
  'storage.symlink': (p) =>
    `${p.file} — символическая ссылка; Aqiqat не читает ссылки в папке архива: положите туда сам файл`,
  'storage.symlink-in-archive': (p) =>
    `${p.rel} в ${p.root} — символическая ссылка; Aqiqat не переходит по ссылкам в папке архива: положите туда ${p.folder ? 'саму папку' : 'сам файл'}`,

  'crypto.not-encrypted': () => 'архив не зашифрован; зашифруйте его командой `aqiqat encrypt`',
  'crypto.encryption-unfinished': () =>
    'шифрование архива было прервано; сначала завершите его командой `aqiqat encrypt`',
  'crypto.new-passphrase-needed': (p) =>
    `укажите новую кодовую фразу в ${p.variable} или запустите в терминале, чтобы её спросили`,
  'crypto.passphrase-short': () => 'кодовая фраза должна быть не короче 8 символов (лучше несколько слов)',
  'crypto.wrong-passphrase': () => 'неверная кодовая фраза; ничего не изменено',
  'crypto.key-file-missing': (p) =>
    `${p.file} зашифрован, но в архиве нет ${p.keyFile}; восстановите его из резервной копии`,
  'crypto.key-file-damaged': (p) =>
    `${p.keyFile} повреждён; без него архив не открыть. Восстановите его из резервной копии.`,
  'crypto.key-file-foreign': (p) => `${p.keyFile} требует неразумных параметров выработки ключа; его создал не Aqiqat`,
  'crypto.file-damaged': (p) =>
    `${p.file} повреждён или изменён (шифр не проходит проверку); восстановите его из резервной копии`,
  'crypto.file-older': (p) =>
    `${p.file} — старая копия (запись ${p.gen}; архив записал уже ${p.newest}): её вернули из прошлого; восстановите архив из резервной копии`,
  'crypto.head-older': (p) =>
    `${p.head} отсутствует или это старая копия (${p.file} новее): его удалили или вернули из прошлого; восстановите архив из резервной копии`,
  'crypto.head-damaged': (p) =>
    `${p.head} повреждён или изменён (шифр не проходит проверку); восстановите архив из резервной копии`,
  'audit.write-failed': (p) => `изменение сохранено, но в журнал аудита записать не удалось: ${p.reason}`,

  'backup.inside-archive': () => 'запишите резервную копию вне папки архива (лучше на другой диск)',
  'backup.too-many-files': (p) => `файлов в архиве: ${p.n} — больше, чем вмещает резервная копия (${p.max})`,
  'backup.changed-during': (p) => `${p.file} изменился во время записи резервной копии; запустите её снова`,
  'backup.not-a-backup': (p) => `${p.file} — не резервная копия Aqiqat`,
  'backup.manifest-cut': (p) => `${p.file} повреждён: его опись обрывается`,
  'backup.manifest-invalid': (p) => `${p.file} повреждён: его опись некорректна (или называет путь вне архива)`,
  'backup.manifest-twice': (p) => `${p.file} повреждён: его опись дважды называет один файл`,
  'backup.too-many-named': (p) =>
    `${p.file} называет файлов: ${p.n}; в резервной копии их не больше ${p.max}, значит, её создал не Aqiqat; ничего не восстановлено`,
  'backup.file-too-big': (p) =>
    `${p.file} называет файл в ${p.size} байт (${p.path}); в резервной копии нет файлов больше ${p.max}; ничего не восстановлено`,
  'backup.no-archive-json': (p) => `в ${p.file} нет archive.json`,
  'backup.size-mismatch': (p) => `${p.file} повреждён: его размер ${p.size} байт, а опись говорит ${p.expected}`,
  'backup.hash-mismatch': (p) =>
    `${p.file} повреждён: ${p.path} не совпадает со своим SHA-256; ничего не восстановлено`,
  'backup.ends-early': () => 'файл резервной копии обрывается раньше времени',
  'backup.encrypted-no-key': (p) =>
    `в ${p.file} зашифрованный archive.json, но нет ${p.keyFile}, поэтому его не открыть; ничего не изменено`,
  'backup.needs-passphrase': (p) =>
    `${p.file} — зашифрованная резервная копия: укажите её кодовую фразу (ту, что была в день её создания) в AQIQAT_PASSPHRASE или запустите в терминале, чтобы её спросили`,
  'backup.wrong-passphrase': (p) =>
    `неверная кодовая фраза для ${p.name} (резервная копия хранит фразу того дня, когда её сделали); ничего не изменено`,
  'backup.archive-damaged': (p) =>
    `archive.json в ${p.name} повреждён или изменён (шифр не проходит проверку); ничего не изменено`,
  'backup.changed-while-restoring': (p) => `${p.file} изменился во время восстановления; ничего не заменено`,
  'backup.snapshot-not-this-archive': (p) =>
    `${p.name} повреждён или не является копией archive.json этого архива (шифр не проходит проверку)`,
  'restore.current-unreadable': (p) => `не удалось прочитать текущий archive.json (${p.reason}); ничего не заменено`,
  'restore.running': (p) => `в другом окне идёт восстановление в ${p.root}${p.owner}; дождитесь его окончания`,
  'restore.swap-failed': (p) =>
    `не удалось поставить восстановленный архив на место (${p.reason}: файл в нём может быть открыт в другой программе, например в антивирусе или файловом менеджере); ничего не изменено`,
  'restore.swap-stuck': (p) =>
    `не удалось ни поставить восстановленный архив на место (${p.reason}), ни вернуть старый (${p.backReason}); старый архив лежит в ${p.previous} и вернётся на место при следующем открытии архива`,
  'restore.interrupted-stuck': (p) =>
    `прерванное восстановление оставило архив в ${p.from}, и его не удаётся вернуть в ${p.root} (${p.reason}: файл в нём может держать другая программа); закройте её и откройте архив снова`,

  'timestamp.malformed': (p) => `это не ответ и не токен метки времени RFC 3161: ${p.detail}`,
  'timestamp.not-granted': (p) =>
    `служба меток времени отклонила запрос (статус ${p.status}${p.detail ? `: ${p.detail}` : ''})`,
  'timestamp.other-hash': (p) => `метка времени выдана для другого хеша (${p.hash}), а не для ${p.expected}`,
  'timestamp.wrong-nonce': () =>
    'в метке времени нет одноразового числа (nonce) нашего запроса: она отвечает на другой запрос или повторно подставлена',
  'timestamp.bad-signature': (p) => `подпись метки времени недействительна: ${p.detail}`,
  'timestamp.not-a-tsa': (p) => `сертификат ${p.authority} не предназначен для меток времени`,
  'timestamp.not-trusted': (p) =>
    `служба меток времени ${p.authority} не восходит к доверенному сертификату: ${p.detail}`,
  'timestamp.bad-certificate': (p) => `${p.what} не является сертификатом (PEM или DER): ${p.detail}`,
  'timestamp.not-a-package': (p) => `это не пакет доказательств: ${p.detail}`,
  'timestamp.not-requested': (p) =>
    `в этом архиве нет ожидающего запроса метки времени для хеша ${p.hash}; создайте его командой \`aqiqat timestamp request\``,
  'timestamp.empty-log': () => 'журнал аудита пуст: ставить метку не на что',
  'timestamp.target': () => 'укажите, что заверить: --audit или --package FILE (одно из двух)',

  'cli.not-positive': (p) => `${p.name} должно быть целым положительным числом`,
  'cli.invalid-option': (p) => `${p.flag}: ${p.issue}`,
  'cli.sample-missing': () => 'в этой установке нет образца архива (data/sample)',
  'cli.title-one-file': () => '--title задаёт одну статью; импортируйте файлы по одному',
  'cli.case-or-facts': () => 'укажите дело или --facts, но не то и другое',
  'cli.facts-empty': () => '--facts ожидает идентификаторы фактов через запятую',
  'cli.pdf-needs-out': () => 'для PDF нужен файл: --out FILE.pdf (или --format html --out -)',
  'cli.stdin-is-terminal': () => '`import -` читает статью со стандартного ввода: передайте в него текст',
  'cli.cancelled': () => 'отменено',
  'cli.passphrases-differ': () => 'две кодовые фразы не совпадают; ничего не изменено',
  'cli.keep-too-big': (p) => `--keep должен быть не больше ${p.max}`,
  'cli.role-syntax': (p) => `--role «${p.option}» должен иметь вид ИМЯ=РОЛЬ, например «Мұхтар Жәкішев=victim»`,
  'cli.approximate-exact': () => '--approximate и --exact противоречат друг другу',
  'cli.case-not-found': (p) => `дела ${p.id} нет`,
  'cli.translation-syntax': (p) =>
    `--translation «${p.option}» должен иметь вид ЯЗЫК=ТЕКСТ (ЯЗЫК: kk, ru или en), например ru="Суд отказал"`,
  'cli.consent-syntax': (p) => `--consent «${p.option}» должен иметь вид ЛИЦО=given, ЛИЦО=not-given или ЛИЦО=unknown`,
  'cli.responsible-syntax': (p) =>
    `--responsible «${p.option}» должен иметь вид ЛИЦО=ПОЧЕМУ, например «Иванов=подписал постановление об аресте»`,
  'case.bad-right': (p) => `неизвестное право «${p.right}»; возможны: ${p.rights.join(', ')}`,
  'case.not-in-role': (p) =>
    `${p.name} не указан(а) в роли ${p.role} ни в одном факте дела ${p.caseId}; сначала укажите роль через fact edit --role`,
  'case.bad-consent-date': (p) => `дата согласия «${p.date}» должна иметь вид ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД`,

  'article.bad-source-type': (p) => `тип источника «${p.type}» должен быть одним из: ${p.types.join(', ')}`,
  'article.bad-acquired-from': (p) =>
    `«откуда получено» должно быть одним из: ${p.values.join(', ')}, а не «${p.value}»`,
  'article.bad-captured-at': (p) =>
    `время сохранения «${p.value}» должно иметь вид YYYY-MM-DD или YYYY-MM-DDTHH:MM (можно с секундами и часовым поясом, например +05:00)`,
  'article.machine-recorded': (p) => `${p.field} записано машиной при поступлении файла, и его нельзя изменить`,
  'article.nothing-to-edit': () =>
    'нечего менять: укажите --source-type, --captured-by, --captured-at, --capture-tool, --original-url, --acquired-from, --acquired-note, --original или --copy',
  'fact.bad-status': (p) => `статус «${p.status}» должен быть одним из: ${p.statuses.join(', ')}`,
  'fact.needs-support': (p) =>
    `факту со статусом ${p.status} нужен подтверждающий факт (--corroborated-by ID-ФАКТА) или заметка о проверке (--verification-note ТЕКСТ), где сказано, как его проверили`,
  'fact.corroboration-same-article': (p) =>
    `факт ${p.id} взят из той же статьи: подтверждающий факт должен быть из другого источника`,
  'fact.corroboration-self': () => 'факт не может подтверждать сам себя',
  'cli.original-copy': () => '--original и --copy противоречат друг другу',

  // the archive's identity and evidence packages
  'identity.unreadable': (p) => `не удаётся прочитать identity.json, ключ подписи архива: ${p.reason}`,
  'identity.not-sealed': () =>
    'identity.json не зашифрован ключом архива: его положил кто-то другой; восстановите его из резервной копии',
  'identity.damaged': (p) =>
    `identity.json, ключ подписи архива, повреждён (${p.reason}); восстановите его из резервной копии`,
  'identity.bad-name': (p) => `имя подписи должно быть одной строкой от 1 до ${p.max} символов`,
  'package.not-zip': (p) => `недействителен: ${p.file} не пакет доказательств (не ZIP-файл)`,
  'package.too-big': (p) => `недействителен: ${p.file} больше допустимого для пакета доказательств (${p.max} байт)`,
  'package.zip-damaged': (p) => `недействителен: ${p.file}: ZIP-файл повреждён (${p.reason})`,
  'package.too-many-entries': (p) => `недействителен: в пакете ${p.n} файлов, больше ${p.max}`,
  'package.entry-too-big': (p) =>
    `недействителен: ${p.file} при распаковке превысит ${p.max} байт (ZIP-бомба?); он не распакован`,
  'package.unsafe-path': (p) => `недействителен: ${p.file}: путь за пределами пакета или не простое относительное имя`,
  'package.file-twice': (p) => `недействителен: ${p.file} встречается в пакете дважды`,
  'package.file-missing': (p) => `недействителен: ${p.file} указан в манифесте, но в пакете его нет`,
  'package.file-unlisted': (p) => `недействителен: ${p.file} есть в пакете, но не в подписанном манифесте`,
  'package.file-changed': (p) => `недействителен: ${p.file} не тот файл, что был подписан (другой SHA-256 или размер)`,
  'package.manifest-invalid': (p) => `недействителен: ${p.file} не является корректным манифестом (${p.reason})`,
  'package.key-invalid': (p) => `недействителен: ${p.file} не открытый ключ подписавшего, указанный в манифесте`,
  'package.signature-invalid': (p) => `недействителен: ${p.file}: подпись manifest.json не проходит проверку`,
  'package.sums-invalid': (p) => `недействителен: ${p.file} неверно перечисляет файлы пакета и их SHA-256`,
  'package.quote-mismatch': (p) =>
    `недействителен: ${p.file}: цитата факта ${p.fact} не совпадает с текстом по её смещениям`,
  'package.source-unreadable': (p) =>
    `источник статьи ${p.article} не читается, поэтому пакет не записан; запустите \`aqiqat verify\``,
  'package.stamp-invalid': (p) => `недействителен: ${p.file}: метка времени не подтверждается (${p.reason})`,
  'contact.bad-key-file': (p) =>
    `${p.file} не файл открытого ключа Aqiqat (${p.reason}); попросите файл, который пишет \`aqiqat identity export\``,
  'contact.exists': (p) => `контакт с именем ${p.name} уже есть`,
  'contact.key-exists': (p) => `этот ключ уже принадлежит контакту ${p.name} (${p.fingerprint})`,
  'contact.not-found': (p) => `нет контакта с именем ${p.name}; см. \`aqiqat contact list\``,
  'contact.own-key': () => 'это собственный ключ этого архива, а не коллеги',
  'team.no-recipient': () => 'укажите, для кого пакет: --to CONTACT (можно повторять) или --passphrase',
  'team.bundle-too-big': (p) => `недействителен: ${p.file} больше допустимого для пакета (${p.max} байт)`,
  'team.not-a-bundle': (p) => `недействителен: ${p.file} не пакет Aqiqat (не файл, зашифрованный age)`,
  'team.not-for-this-archive': (p) => `этот пакет не для этого архива: ${p.file} зашифрован для других ключей`,
  'team.needs-passphrase': (p) => `${p.file} зашифрован кодовой фразой: примите его с --passphrase`,
  'team.wrong-passphrase': (p) => `неверная кодовая фраза для ${p.file}`,
  'team.bundle-damaged': (p) => `недействителен: ${p.file} повреждён или обрезан (${p.reason}); ничего не принято`,
  'team.bundle-newer': (p) =>
    `${p.file} создан более новой версией Aqiqat (версия пакета ${p.version}); обновите Aqiqat, чтобы принять его`,
  'team.bundle-invalid': (p) => `недействителен: ${p.file}: ${p.reason}; ничего не принято`,
  'team.signature-invalid': (p) => `недействителен: подпись ${p.file} не соответствует содержимому; ничего не принято`,
  'team.unknown-signer': (p) =>
    `неизвестный отправитель ${p.fingerprint} (называет себя ${p.name}): сверьте отпечаток с ним, затем добавьте его через \`aqiqat contact add\` или примите с --accept-unknown`,
  'team.since-unknown': (p) => `${p.file} не пакет, отправленный этим архивом`,
  'team.id-clash': (p) => `пакет называет ${p.id} нечто иное, чем ${p.id} этого архива; ничего не принято`,
  'team.conflict-not-found': (p) => `нет открытого конфликта ${p.id}; см. \`aqiqat conflicts\``,
  'team.conflict-bad-choice': (p) => `конфликт ${p.id} решается через --keep ${p.choices}`,
};

export const ERROR_TEXTS: Record<ErrorLang, ErrorTexts> = { en, kk, ru };

/** The text of a failure in `lang`; an unknown code (a newer main process, say) falls back to its English line. */
export function errorText(lang: ErrorLang, e: { code: string; params: unknown; message: string }): string {
  const text = (ERROR_TEXTS[lang] as Record<string, ((p: unknown) => string) | undefined>)[e.code];
  if (!text) return e.message;
  try {
    return text(e.params);
  } catch {
    return e.message; // params of the wrong shape: the English line still says what happened
  }
}

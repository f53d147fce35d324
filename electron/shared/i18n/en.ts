/**
 * Every word the user reads, in English: the interface, the dossier, dates, roles, fact types.
 * This file defines the shape: `kk.ts` and `ru.ts` are typed by it, so a missing or extra key fails
 * the type check (a plain typed object rather than i18next, which finds a missing key only at run time).
 * Pure (the renderer loads it too): no imports but types. Quotes are never translated.
 */
import type { FactRole, Right } from '../../core/model.js';
import type { AcquiredFrom, FactStatus, SourceType } from '../provenance.js';
import { ERROR_TEXTS, type ErrorTexts } from './errors.js';

type Twelve<T> = readonly [T, T, T, T, T, T, T, T, T, T, T, T];

/** How a language writes a calendar date; `d` may be a span of days of one month ("4–14"). */
export interface DateWords {
  /** standing alone or before a year: "October 2020", "октябрь 2020 г." */
  months: Twelve<string>;
  /** after a day number: the Russian genitive ("16 октября"); elsewhere the same names */
  monthsOfDay: Twelve<string>;
  year: (y: string) => string;
  month: (month: string, y: string) => string;
  day: (d: string, month: string, y: string) => string;
}

export interface DossierWords {
  dossier: string;
  factsDossier: string;
  generated: string;
  compiledBy: string;
  confidential: string;
  confidentialShort: string;
  caseId: string;
  period: string;
  sourceCount: (n: number) => string;
  more: (n: number) => string;
  contents: string;
  summary: string;
  noSummary: string;
  entities: string;
  people: string;
  organizations: string;
  places: string;
  name: string;
  aliases: string;
  mentionedIn: string;
  chronology: string;
  date: string;
  type: string;
  quote: string;
  source: string;
  undated: string;
  approximately: string;
  sources: string;
  title: string;
  publisher: string;
  published: string;
  url: string;
  imported: string;
  sha256Original: string;
  sha256Text: string;
  citedIn: string;
  urlWithheld: string;
  /** a publisher, date or hash left out of this copy */
  withheld: string;
  factCount: (n: number) => string;
  /** under a quote whose text was read by OCR */
  machineRead: (page: number) => string;
  machineReadCorrected: (page: number) => string;
  page: string;
  of: string;
  redactionNote: string;
  /** with the redaction note: what redaction cannot hide */
  searchableNote: string;
  integrityNote: string;
  /** the integrity note when publishers, dates and hashes are withheld */
  integrityNoteWithheld: string;
  /** beside a quote: "Translation (kk → en) by NAME"; `by` may be '' */
  translationBy: (from: string, to: string, by: string) => string;
  /** cover: quotes with no translation into the dossier's language */
  untranslated: (n: number) => string;
  /** the UN communication template */
  un: UnWords;
  // provenance: the source appendix's capture record, the cover's news-only note, a fact's status
  sourceType: string;
  sourceTypeNotSet: string;
  newsOnly: string;
  capturedBy: string;
  capturedAt: string;
  captureTool: string;
  originalUrl: string;
  acquiredFrom: string;
  originalOrCopy: string;
  original: string;
  copy: string;
  machineRecorded: string;
  fileModifiedAt: string;
  warcDate: string;
  warcTargetUri: string;
  warcSoftware: string;
  status: string;
  verificationNote: string;
  corroboratedBy: string;
  recordedBy: string;
  changedBy: string;
  notInDossier: string;
  // the saved page's visual copy in the source appendix
  asThePageLooked: string;
  sha256VisualPng: string;
  sha256VisualPdf: string;
  /** under the hashes of a visual copy whose picture a redacted dossier leaves out */
  visualLeftOut: string;
}

/** Source types, ways a file arrives, fact statuses: in the interface (`sourceType.X` …) and the dossier. */
export interface ProvenanceWords {
  sourceTypes: Readonly<Record<SourceType, string>>;
  acquiredFrom: Readonly<Record<AcquiredFrom, string>>;
  statuses: Readonly<Record<FactStatus, string>>;
}

/** The UN communication template's words (OHCHR model complaint form, special procedures' form). */
export interface UnWords {
  kicker: string;
  basedOn: string;
  missingTitle: string;
  nothingMissing: string;
  missingVictims: string;
  missingConsent: (name: string) => string;
  missingPerpetrators: string;
  missingResponsibility: (name: string) => string;
  missingState: string;
  missingRights: string;
  missingRemedies: string;
  missingTranslations: (n: number) => string;
  missingOther: string;
  victims: string;
  consent: string;
  consentStatus: Readonly<Record<'given' | 'not-given' | 'unknown', string>>;
  consentBy: string;
  consentDate: string;
  perpetrators: string;
  responsibility: string;
  stateAndPlaces: string;
  state: string;
  rights: string;
  rightNames: Readonly<Record<Right, string>>;
  remedies: string;
  remediesIntro: string;
  outcome: string;
  otherProcedures: string;
  facts: string;
  documentation: string;
  notStated: string;
}

/** The interface's strings; `{name}` placeholders are filled by the renderer's t(). */
const ui = {
  'lang.name': 'English',
  'settings.language': 'Interface language',
  'section.library': 'Library',
  'section.cases': 'Cases',
  'section.entities': 'People & places',
  'section.tags': 'Tags',
  'sidebar.offline': 'Works offline',
  'shortcuts.title': 'Keyboard',
  'shortcuts.search': 'Search',
  'shortcuts.save': 'Save fact',
  'shortcuts.next': 'Next / previous highlight',
  'fact.add': 'Add fact',
  'fact.edit': 'Edit fact',
  'fact.selectHint': 'Select a passage to add a fact',
  'fact.quote': 'Quote',
  'fact.type': 'Fact type',
  'fact.newType': 'New type…',
  'fact.newTypeName': 'New type (one word)',
  'fact.date': 'Event date',
  'fact.dateHint': 'YYYY, YYYY-MM or YYYY-MM-DD; a range: FROM/TO',
  'fact.approximate': 'Approximate',
  'fact.suggested': 'The passage says: {date}',
  'fact.useSuggestion': 'Use {date}',
  'fact.people': 'People',
  'fact.places': 'Places',
  'fact.organizations': 'Organizations',
  'fact.addPerson': 'Add a person',
  'fact.addPlace': 'Add a place',
  'fact.addOrganization': 'Add an organization',
  'fact.add.button': 'Add',
  'fact.remove': 'Remove {name}',
  'fact.roleOf': 'Role of {name}',
  'fact.tags': 'Tags',
  'fact.tagsHint': 'comma-separated, e.g. violations/arbitrary-detention',
  'fact.note': 'Note',
  'fact.save': 'Save fact',
  'fact.cancel': 'Cancel',
  'fact.delete': 'Delete fact',
  'fact.saved': 'Fact saved',
  'fact.deleted': 'Fact deleted',
  'fact.undo': 'Undo',
  'fact.restored': 'Fact restored',
  'fact.addToCase': 'Add to case',
  'fact.chooseCase': 'Choose a case…',
  'fact.inCases': 'In cases: {cases}',
  'fact.addedToCase': 'Added to “{case}”',
  'fact.noDate': 'undated',
  'role.none': 'role…',
  'kind.person': 'Person',
  'kind.organization': 'Organization',
  'kind.place': 'Place',
  'kind.persons': 'People',
  'kind.organizations': 'Organizations',
  'kind.places': 'Places',
  'cases.title': 'Cases',
  'cases.new': 'New case',
  'cases.newTitle': 'Title of the new case',
  'cases.create': 'Create',
  'cases.empty': 'No cases yet. Create one, then add facts from the reader.',
  'cases.choose': 'Choose a case, or create one',
  'cases.facts': '{n} facts',
  'case.summary': 'Summary',
  'case.saveSummary': 'Save summary',
  'case.summarySaved': 'Summary saved',
  'case.timeline': 'Timeline',
  'case.noFacts': 'No facts in this case yet. Open an article, click a highlighted fact and choose “Add to case”.',
  'case.moveUp': 'Move up: {quote}',
  'case.moveDown': 'Move down: {quote}',
  'case.removeFact': 'Remove from case: {quote}',
  'case.source': 'Source',
  'case.undated': 'Undated',
  'case.order': 'Facts of the same date keep this order.',
  'entities.empty': 'No people, places or organizations yet. Name them when you add a fact.',
  'entities.choose': 'Choose a person, place or organization',
  'entity.aliases': 'Also written',
  'entity.noAliases': 'No other spellings yet.',
  'entity.addAlias': 'Add a spelling',
  'entity.rename': 'Rename',
  'entity.newName': 'New name',
  'entity.merge': 'Merge into this one',
  'entity.mergeWhich': 'Another {kind} that is the same',
  'entity.mergeButton': 'Merge',
  'entity.merged': 'Merged: {n} facts moved',
  'entity.facts': 'Facts',
  'entity.articles': 'Articles',
  'entity.cases': 'Cases',
  'entity.none': 'None yet.',
  'tags.empty': 'No tags yet. Tag a fact when you add it.',
  'tags.choose': 'Choose a tag',
  'tag.counts': '{facts} facts · {articles} articles here, {total} with the tags below',
  'tag.rename': 'Rename to',
  'tag.merge': 'Merge into',
  'tag.renameButton': 'Rename',
  'tag.mergeButton': 'Merge',
  'tag.moved': 'Moved to {to}: {facts} facts, {articles} articles retagged',
  'error.prefix': 'Could not do that: {error}',
  'reader.opening': 'Opening the article…',
  'reader.openError': 'Could not open the article: {error}',
  'reader.undated': 'Undated',
  'reader.details': 'Article details',
  'reader.sha': 'SHA-256 of the original file: {sha}',
  'reader.facts': 'Facts',
  'reader.noFacts': 'No facts saved from this article yet. Select a passage to add one.',
  'reader.unplaced': 'Quote not found in the text',
  'reader.keys': 'j / k: next / previous fact · e: edit',
  'reader.ocrNote': 'Machine-read from a scan by OCR: {pages} pages, mean confidence {confidence} %.',
  'reader.ocrLow': 'Words it was unsure of are underlined: {n}.',
  'reader.lowConfidence': 'OCR was unsure of this word: check it against the original',
  'reader.originalToggle': 'Original page (o)',
  'reader.original': 'Original page',
  'reader.originalPage': 'Page {page}',
  'reader.originalPageOf': 'Page {page} of {pages}',
  'reader.originalPrev': 'Previous page',
  'reader.originalNext': 'Next page',
  'reader.originalClose': 'Close the original',
  'reader.originalLoading': 'Opening the page…',
  'reader.originalAlt': 'Page {page} of the original file',
  'reader.visualToggle': 'As the page looked (v)',
  'reader.visualGone': 'This article has no visual copy any more.',
  'reader.visual': 'As the page looked',
  'reader.visualClose': 'Close the visual copy',
  'reader.visualFullSize': 'Full size',
  'reader.visualLoading': 'Opening the visual copy…',
  'reader.visualAlt': 'The page as it looked, rendered offline from the saved file',
  'reader.visualHash': 'SHA-256 of the PNG',
  'reader.visualMade': 'Rendered {at} by {engine}, offline, from the saved file',
  'reader.visualCut': 'Cut at {height} of the page’s {full} pixels.',
  'reader.correctPage': 'Correct this page',
  'reader.correctText': 'Text of page {page}',
  'reader.correctHint':
    "Correct the machine's reading against the original beside it; the original file is not changed.",
  'reader.correctSave': 'Save',
  'reader.correctCancel': 'Cancel',
  'reader.correctRevert': "Put back the machine's reading",
  'reader.corrected': 'Page {page} corrected',
  'reader.reverted': "Page {page}: the machine's reading is back",
  'reader.correctLost': '{n} quoted passages are no longer in the page: those facts are flagged, not deleted',
  'reader.correctedPages': 'Corrected by hand: page {pages}',
  'reader.deleteArticle': 'Delete article…',
  'reader.deleteTitle': 'Delete this article?',
  'reader.deleteFacts': 'Its facts are deleted with it: {n}.',
  'reader.deleteNoFacts': 'It has no facts.',
  'reader.deleteCases': 'They are taken out of these cases: {cases}.',
  'reader.deleteNoCases': 'None of them is in a case.',
  'reader.deleteFiles':
    'Its text and original file leave the archive. This cannot be undone; the audit log records it.',
  'reader.deleteConfirm': 'Delete',
  'reader.deleted': 'Deleted “{title}”; facts deleted: {n}.',
  'lang.kk': 'Kazakh',
  'lang.ru': 'Russian',
  'lang.en': 'English',
  'lang.other': 'Other language',
  'app.library': 'Library',
  'app.searchResults': 'Search results',
  'app.emptyTitle': 'Your archive is empty',
  'app.emptyText':
    'Import articles (web pages, PDF, Word, text), drop files or folders on the window, or paste text to start reading and marking facts.',
  'app.chooseTitle': 'Choose an article to read',
  'app.chooseText': 'move through the list · {key} searches the archive',
  'toast.close': 'Close',
  'import.paste': 'Paste text',
  'import.files': 'Import files',
  'import.filesInput': 'Files to import',
  'import.progress': 'Import progress',
  'import.cancel': 'Cancel',
  'import.importingOf': 'Importing {n} of {total}: {name}',
  'import.importing': 'Importing…',
  'import.failedFiles': 'Files that failed',
  'import.more': '…and {n} more',
  'import.dismiss': 'Dismiss',
  'import.drop': 'Drop files or folders to import them',
  'import.imported': 'Imported “{title}”',
  'import.linked': 'Same text as “{title}”: added as another source',
  'import.duplicate': 'Already in the archive: “{title}”',
  'import.failed': 'Could not import {name}: {reason}',
  'import.countImported': '{n} imported',
  'import.countDuplicates': '{n} already in the archive',
  'import.countLinked': '{n} added as another source',
  'import.countFailed': '{n} failed',
  'import.cancelled': '{summary} — cancelled after {done} of {total} files',
  'import.cancelledOne': 'Cancelled: nothing was imported from this file',
  'import.pageProgress': 'Pages read by OCR',
  'import.readingPage': 'reading page {page} of {pages} by OCR',
  'import.ocr.title': 'Scans and photos (OCR)',
  'import.ocr.summary': 'OCR: {mode} · {langs}',
  'import.ocr.summaryNever': 'OCR: off',
  'import.ocr.mode.auto': 'Automatic',
  'import.ocr.mode.always': 'Every page',
  'import.ocr.mode.never': 'Off',
  'import.ocr.hint.auto': '— images, and PDF pages without a text layer',
  'import.ocr.hint.always': '— every PDF page read from its images, even where it has text',
  'import.ocr.hint.never': '— scans and photos are refused',
  'import.ocr.languages': 'Languages:',
  'paste.title': 'Paste an article',
  'paste.text': 'Article text',
  'paste.textPlaceholder': 'Paste the article’s text here',
  'paste.titleLabel': 'Title',
  'paste.titlePlaceholder': 'Default: the first line',
  'paste.url': 'Web address',
  'paste.published': 'Published',
  'paste.language': 'Language',
  'paste.detected': 'Detected: {lang}',
  'paste.detect': 'Detect from the text',
  'paste.langOther': 'Other',
  'paste.empty': 'Paste the article’s text first.',
  'paste.cancel': 'Cancel',
  'paste.importing': 'Importing…',
  'paste.import': 'Import',
  'library.loadError': 'Could not load the library: {error}',
  'library.loading': 'Loading the library…',
  'library.emptyTitle': 'No articles yet — import a file',
  'library.emptyText':
    'Use “Import files” or “Paste text” above, or drop files here. The original file is kept byte for byte as evidence.',
  'library.list': 'Articles',
  'library.undated': 'undated',
  'search.label': 'Search the archive',
  'search.placeholder': 'Search names, places, words…',
  'search.filters': 'Search filters',
  'search.show': 'Show',
  'search.allHits': 'All hits',
  'search.articlesOnly': 'Articles only',
  'search.factsOnly': 'Facts only',
  'search.language': 'Language',
  'search.anyLanguage': 'Any language',
  'search.fromYear': 'Published from year',
  'search.from': 'from',
  'search.toYear': 'Published to year',
  'search.to': 'to',
  'search.searching': 'Searching…',
  'search.failed': 'Search failed: {error}',
  'search.noMatches': 'No matches for “{query}”',
  'search.noMatchesHint':
    'Try fewer words or fewer filters. Any spelling works: Zhakishev finds Жәкішевтің; Жәкіш* finds every word that starts so.',
  'search.oneResult': '1 result',
  'search.results': '{n} results',
  'search.list': 'Search results',
  'search.fact': 'Fact',
  'search.article': 'Article',
  'search.tierFolded': 'other spelling',
  'search.tierAlias': 'other name',
  'search.tierFoldedHelp': 'Matched in another script or spelling (Джакишев for Жәкішев)',
  'search.tierAliasHelp':
    'Matched another name of the same place, person or organization (Усть-Каменогорск for Өскемен)',
  'addToCase.action': 'Add to case…',
  'search.publishedYears': 'Published',
  'sidebar.tagline': 'Offline archive',
  'reader.circa': 'c. {date}',
  'addToCase.hint': 'Add this fact to a case (key: c)',
  'addToCase.title': 'Add the fact to a case',
  'addToCase.case': 'Case',
  'addToCase.loading': 'Loading the cases…',
  'addToCase.new': 'New case…',
  'addToCase.holds': '{title} (already there)',
  'addToCase.chooseFirst': 'Choose a case, or “New case…” to create one.',
  'addToCase.needTitle': 'Give the new case a title.',
  'addToCase.created': 'Created “{case}” with this fact',
  'shortcuts.addToCase': 'Add the found fact to a case',
  'fact.useSelection': 'Use selected text as quote',
  'fact.selected': 'Selected in the article: “{quote}”',
  'fact.addSelection': 'Add it as a new fact',
  'fact.noSelection': 'Select the new passage in the article first.',
  'fact.requoteHint': 'To change the quote, select another passage in the article.',
  'fact.quoteChanged': 'New quote: it replaces the old one when you save.',
  'fact.keepQuote': 'Keep the old quote',
  'fact.datePlaceholder': 'YYYY-MM-DD',
  'case.noFactsSearch': 'Or search the archive and press “Add to case…” on a fact it finds.',
  'dossier.open': 'Export dossier…',
  'dossier.title': 'Export a case dossier',
  'dossier.noCases': 'No cases yet. Create one (for example with {command}) and add facts to it.',
  'dossier.case': 'Case',
  'dossier.caseOption': '{title} ({n} facts)',
  'dossier.labelsLang': 'Language of the labels',
  'dossier.paper': 'Paper',
  'dossier.compiledBy': 'Compiled by',
  'dossier.compiledByPlaceholder': 'Your name or organization',
  'dossier.redaction': 'Redaction: names become “[redacted]” in every form',
  'dossier.noPeople': 'No people in this case.',
  'dossier.hideUrls': 'Hide source details (URLs, publishers, dates, hashes)',
  'dossier.attribution': 'Say who recorded and last changed each fact (names your colleagues)',
  'dossier.searchable':
    'Quotes stay word for word: a web search for one can find the public article and the name in it, even with the source details hidden.',
  'dossier.close': 'Close',
  'dossier.preview': 'Preview',
  'dossier.save': 'Save PDF…',
  'dossier.building': 'Building the preview…',
  'dossier.previewReady': 'Preview ready: facts: {facts}, sources: {sources} (“{title}”).',
  'dossier.printing': 'Printing the dossier to PDF…',
  'dossier.saved': 'Saved {facts} facts to {path}',
  'dossier.notSaved': 'Not saved.',
  'dossier.saveError': 'Could not save the dossier: {error}',
  // the lock screen and the Security dialog
  'lock.title': 'The archive is locked',
  'lock.start': 'This archive is encrypted. Enter its passphrase to open it.',
  'lock.idle': 'Locked after {n} min without activity. Enter the passphrase to go on.',
  'lock.user': 'Locked. Enter the passphrase to go on.',
  'lock.passphrase': 'Passphrase',
  'lock.unlock': 'Unlock',
  'lock.unlocking': 'Unlocking…',
  'lock.now': 'Lock now',
  'security.open': 'Security…',
  'security.title': 'Security',
  'security.encrypted':
    'This archive is encrypted on disk. Without the passphrase nobody can read it — and if the passphrase is lost, neither can you.',
  'security.plain': 'This archive is not encrypted: anyone who has this laptop can read it.',
  'security.idle': 'Lock after inactivity',
  'security.minutes': '{n} min',
  'security.never': 'Never',
  'security.idleSaved': 'The app now locks after {n} min without activity.',
  'security.idleOff': 'The app no longer locks by itself.',
  'security.change': 'Change passphrase',
  'security.current': 'Current passphrase',
  'security.new': 'New passphrase',
  'security.again': 'New passphrase again',
  'security.hint': 'At least 8 characters; a few words are best.',
  'security.mismatch': 'The two new passphrases differ; nothing was changed.',
  'security.changed': 'Passphrase changed. Use the new one from now on.',
  'security.rekey': 'The old passphrase may be known to someone',
  'security.rekeyHint':
    'Also replaces the encryption key and re-encrypts every file, so an old copy of the key file and the old passphrase open nothing written from now on. Takes longer.',
  'security.rekeying': 'Replacing the key and re-encrypting every file…',
  'security.rekeyed': 'Passphrase and key changed; every file re-encrypted. Use the new passphrase from now on.',
  'security.encrypt': 'Encrypt archive',
  'security.encrypting': 'Encrypting…',
  'security.encryptedNow': 'The archive is encrypted. Keep the passphrase safe: it cannot be recovered.',
  'security.plainCopies':
    'Unencrypted copies that restores kept beside it remain readable: {folders}. Delete them, or run `aqiqat encrypt --remove-plain-copies`.',
  'security.encryptWarning':
    "Copies written before encryption may remain in the disk's free space. For a laptop at risk, start a new archive encrypted from the beginning (aqiqat init --encrypt).",
  'security.close': 'Close',
  'security.unfinished':
    'Encrypting this archive did not finish: some files are still unencrypted. Lock it and unlock it again to finish.',
  'stamps.title': 'Proof of time',
  'stamps.none':
    'No timestamps yet. Write a request with “aqiqat timestamp request --audit --out audit.tsq”, send it to a timestamp authority from a connected machine, then attach its answer here.',
  'stamps.audit': 'Audit log line {n}',
  'stamps.package': 'Package {file}',
  'stamps.trusted': 'checked against a trusted certificate',
  'stamps.untrusted': 'signature valid; the authority was not checked against a trusted certificate',
  'stamps.pending': 'Requests waiting for an answer: {n}',
  'stamps.attach': 'Attach a timestamp…',
  'stamps.attaching': 'Checking the timestamp…',
  'stamps.attached': 'Timestamp attached: {what} existed at {time}.',
  'stamps.already': 'This timestamp was already attached.',
  'recover.title': 'The archive cannot be opened',
  'recover.snapshot':
    'A snapshot of it from {date} can be put back. Articles and facts are kept; changes to people, places, cases and tags made since then are lost. The damaged file is kept in the backups folder.',
  'recover.restore': 'Put the snapshot back',
  'recover.restoring': 'Restoring…',
  'recover.none': 'No snapshot of it exists. Restore a backup file from the command line: aqiqat restore FILE.',
  // translations of quotes, the UN communication template
  'fact.translations': 'Translations of the quote',
  'fact.translationsHint':
    'Written or pasted by you; a dossier prints the original quote and, beside it, its translation into the dossier’s language.',
  'fact.translationInto.kk': 'Into Kazakh',
  'fact.translationInto.ru': 'Into Russian',
  'fact.translationInto.en': 'Into English',
  'fact.translator': 'Translator',
  'fact.removeTranslation': 'Remove',
  'search.viaTranslation': 'found in its translation ({lang})',
  'dossier.template': 'Template',
  'dossier.template.dossier': 'Case dossier',
  'dossier.template.un': 'UN communication (OHCHR forms)',
  'case.un.title': 'UN communication',
  'case.un.state': 'State concerned',
  'case.un.rights': 'Articles alleged to have been violated',
  'case.un.consent': 'Consent of {name}',
  'case.un.consentBy': 'Given by',
  'case.un.consentDate': 'Date (YYYY-MM-DD)',
  'case.un.responsibility': 'Why {name} is held responsible',
  'case.un.other': 'Other international procedures',
  'case.un.save': 'Save',
  'case.un.saved': 'Saved.',
  'case.un.noVictims': 'No alleged victims yet: give a person the role “victim” in a fact of this case.',

  // provenance: the reader's source panel, the fact panel's verification, search filters
  'provenance.title': 'Source and capture',
  'provenance.sourceType': 'Source type',
  'provenance.notSet': 'Not set',
  'provenance.capturedBy': 'Captured by',
  'provenance.capturedAt': 'Captured at',
  'provenance.capturedAtHint': 'YYYY-MM-DD or YYYY-MM-DDTHH:MM',
  'provenance.tool': 'Capture tool',
  'provenance.originalUrl': 'Captured from (address)',
  'provenance.acquiredFrom': 'Acquired from',
  'provenance.acquiredNote': 'How it reached you',
  'provenance.originalOrCopy': 'Original or copy',
  'provenance.original': 'Original',
  'provenance.copy': 'Copy',
  'provenance.machine': 'Recorded by the machine (cannot be edited)',
  'provenance.fileTime': 'File time',
  'provenance.imported': 'Imported',
  'provenance.warcDate': 'Capture time (WARC)',
  'provenance.warcUri': 'Captured address (WARC)',
  'provenance.warcSoftware': 'Capture software (WARC)',
  'provenance.warcPages': 'Pages in the capture',
  'provenance.waczHashes': 'Package hashes (WACZ)',
  'provenance.waczHashesHold': 'every file matches datapackage.json',
  'provenance.waczHashesBroken': 'do NOT hold: {file} differs from datapackage.json',
  'provenance.waczHashesAbsent': 'none to check',
  'provenance.waczSigner': 'Signed by (WACZ)',
  'provenance.waczSignatureValid': '{signer}; the signature holds for this key (who holds the key is not checked)',
  'provenance.waczSignatureInvalid': '{signer}; the signature does NOT hold',
  'provenance.waczSignedAt': 'Signed at (WACZ)',
  'provenance.save': 'Save source details',
  'provenance.saved': 'Source details saved',
  'fact.status': 'Status',
  'fact.verificationNote': 'How it was checked',
  'fact.corroboratedBy': 'Corroborated by (fact ids from other articles)',
  'fact.corroboratedByHint': 'separated by spaces or commas',
  'fact.needsSupport': 'A fact marked “{status}” needs a corroborating fact or a note on how it was checked.',
  'search.sourceType': 'Source type',
  'search.anySourceType': 'Any source type',
  'search.status': 'Fact status',
  'search.anyStatus': 'Any status',
  // the signing identity and evidence packages (Security…, the dossier dialog, verify.html)
  'identity.heading': 'Signing identity',
  'identity.fingerprint': 'Key fingerprint',
  'identity.name': 'Signs as',
  'identity.hint':
    'Evidence packages are signed with this archive’s key. Whoever receives one can compare this fingerprint with you by phone, group by group.',
  'identity.rename': 'Change name',
  'identity.saved': 'Packages are now signed as “{name}”.',
  'package.save': 'Export evidence package…',
  'package.building': 'Building the signed evidence package…',
  'package.saved': 'Saved the evidence package ({facts} facts) to {path}',
  'package.saveError': 'Could not save the evidence package: {error}',
  'package.check': 'Check a package…',
  'package.checking': 'Checking the package…',
  'package.valid': 'valid',
  'package.signedBy': 'Signed by “{name}” with the key of fingerprint:',
  'package.proven': 'What this proves',
  'package.provenFiles': 'The {n} files are unchanged since they were signed.',
  'package.provenSigner':
    'They were signed with the key of the fingerprint above: compare it with the signer by phone, group by group.',
  'package.provenQuotes': '{n} quotes are, character for character, their source texts at the offsets given.',
  'package.timeStamped': 'Time: the manifest existed at {time}, stamped by {authority}.',
  'package.timeNone': 'Time: not stamped. Nothing in the package proves when it was made.',
  'package.timeUnchecked':
    'Time: a timestamp is attached (timestamps/manifest.tsr); this page does not check it: run aqiqat verify-package or openssl ts -verify.',
  'package.notProven': 'What this does not prove',
  'package.notProvenTrue': 'That the content is true: the sources say what they say.',
  'package.notProvenKey': 'That the key was not stolen or used by someone else.',
  'package.redacted':
    'Redacted package: {n} originals or texts were left out because they show a redacted name; their quotes are not checked.',
  'package.pageTitle': 'Check an Aqiqat evidence package',
  'package.pageIntro':
    'Choose or drop the .aqpkg file. It is checked here, in this browser, with no network: nothing is sent anywhere.',
  'package.pick': 'Choose a package…',
  'package.drop': 'or drop it on this page',
  'package.noWebCrypto':
    'This browser cannot check Ed25519 signatures; open this page in a current Chromium, Firefox or Safari.',
  'section.team': 'Team',
  'team.contacts': 'Contacts',
  'team.noContacts': 'No contacts yet. Add a colleague from the key file they sent you.',
  'team.addContact': 'Add a contact from a key file…',
  'team.contactName': 'Name',
  'team.compareHint': 'Read this fingerprint with your colleague by phone, group by group, before you add it.',
  'team.add': 'Add',
  'team.cancel': 'Cancel',
  'team.added': '{name} added.',
  'team.rename': 'Rename',
  'team.renameLabel': 'New name for {name}',
  'team.renameSave': 'Save name',
  'team.renamed': 'Renamed to {name}.',
  'team.remove': 'Remove',
  'team.removeAsk': 'Remove {name}? Bundles signed with this key will then come from an unknown signer.',
  'team.removeYes': 'Remove {name}',
  'team.removed': '{name} removed.',
  'team.fingerprint': 'Fingerprint',
  'team.addedAt': 'added {date}',
  'team.myKey': 'Your key file',
  'team.myKeyHint': 'Send this file to a colleague so that they can add you, then read them your fingerprint by phone.',
  'team.saveMyKey': 'Save my key file…',
  'team.myKeySaved': 'Saved {path}.',
  'team.notSaved': 'Not saved.',
  'team.receive': 'Receive…',
  'team.receiveTitle': 'Receive a bundle',
  'team.receiveHint': 'Pick a bundle (.age) a colleague gave you. You see what it brings before anything changes.',
  'team.reading': 'Decrypting and checking {file}…',
  'team.passphrase': 'Passphrase',
  'team.passphraseHint': 'This bundle is locked with a passphrase: type the one your colleague told you.',
  'team.showPlan': 'Show what it brings',
  'team.signedByContact': 'Signed by your contact {contact} (who signs as “{name}”).',
  'team.signedByUnknown':
    'Signed by “{name}”, who is not one of your contacts. Read this fingerprint with them by phone before you accept it.',
  'team.acceptUnknown': 'I compared the fingerprint: accept this signer',
  'team.already': 'This bundle was received before: nothing changes.',
  'team.nothingNew': 'Nothing to change: you already have all of it.',
  'team.plan': 'What it will change ({n})',
  'team.apply': 'Apply',
  'team.applying': 'Merging…',
  'team.applied': 'Received {file}: {n} changes.',
  'team.change.add': 'New',
  'team.change.update': 'Changed',
  'team.change.delete': 'Deleted',
  'team.change.conflict': 'Conflict',
  'team.change.suggest': 'Same as?',
  'team.kind.fact': 'fact',
  'team.kind.article': 'article',
  'team.kind.case': 'case',
  'team.kind.entity': 'name',
  'team.kind.tag': 'tag',
  'team.group.articles': 'Articles ({n})',
  'team.group.facts': 'Facts ({n})',
  'team.group.entities': 'People, places, organizations ({n})',
  'team.group.cases': 'Cases ({n})',
  'team.group.tags': 'Tags ({n})',
  'team.group.conflicts': 'Conflicts to decide ({n})',
  'team.conflicts': 'Conflicts ({n})',
  'team.noConflicts': 'No conflicts: nothing is waiting for your decision.',
  'team.conflict.fact': 'A fact changed on both sides',
  'team.conflict.article': 'An article described differently',
  'team.conflict.case-title': 'A case’s title',
  'team.conflict.case-summary': 'A case’s summary',
  'team.conflict.case-order': 'A case’s order of facts',
  'team.conflict.entity-match': 'The same person, place or organization?',
  'team.local': 'Yours',
  'team.theirs': 'Theirs, from {name}',
  'team.you': 'this archive',
  'team.gone': 'Deleted on this side',
  'team.field.quote': 'Quote',
  'team.field.type': 'Type',
  'team.field.date': 'Date',
  'team.field.note': 'Note',
  'team.field.changed': 'Last changed',
  'team.field.title': 'Title',
  'team.field.aliases': 'Also known as',
  'team.keep.local': 'Keep yours',
  'team.keep.theirs': 'Take theirs',
  'team.keep.merge': 'Merge into one',
  'team.keep.separate': 'Keep apart',
  'team.resolved': 'Decided: {choice}.',
  'case.share': 'Share case…',
  'share.title': 'Share “{title}”',
  'share.to': 'Encrypt to these contacts',
  'share.noContacts': 'No contacts yet: add them under Team, or use a passphrase.',
  'share.usePassphrase': 'Use a passphrase instead (for a colleague without a key)',
  'share.passphraseHint': 'Give the passphrase another way than the file: in person or by phone.',
  'share.save': 'Save bundle…',
  'share.busy': 'Encrypting and signing…',
  'share.saved': 'Saved {path}: {facts} facts, {articles} articles, encrypted and signed.',
  'share.close': 'Close',
};

export type UiKey = keyof typeof ui;

/**
 * The fact-type thesaurus: an id is stored on facts, so never rename one; this order is the menu's.
 * Types a user adds live in the archive, labelled with their own name.
 */
const factTypes = {
  detention: 'Detention',
  arrest: 'Arrest',
  'administrative-arrest': 'Administrative arrest',
  charge: 'Charge',
  trial: 'Trial',
  sentence: 'Sentence',
  appeal: 'Appeal',
  'parole-denied': 'Parole denied',
  release: 'Release',
  protest: 'Protest',
  picket: 'Picket',
  intimidation: 'Intimidation',
  'ill-treatment': 'Ill-treatment',
  health: 'Health',
  'un-decision': 'UN decision',
  statement: 'Statement',
  warning: 'Official warning',
};

export type ThesaurusTypeId = keyof typeof factTypes;

export interface Dictionary {
  ui: Readonly<Record<UiKey, string>>;
  dossier: DossierWords;
  dates: DateWords;
  /** a person's part in an event: on screen and in the dossier */
  roles: Readonly<Record<FactRole, string>>;
  factTypes: Readonly<Record<ThesaurusTypeId, string>>;
  provenance: ProvenanceWords;
  /** the text of each error code, its parameters filled in (written in errors.ts, all three languages side by side) */
  errors: Readonly<ErrorTexts>;
}

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const en: Dictionary = {
  ui,
  dossier: {
    dossier: 'Case dossier',
    factsDossier: 'Dossier of selected facts',
    generated: 'Generated',
    compiledBy: 'Compiled by',
    confidentialShort: 'Confidential',
    caseId: 'Case',
    period: 'Period',
    sourceCount: (n) => (n === 1 ? '1 source' : `${n} sources`),
    more: (n) => `and ${n} more`,
    confidential:
      'Confidential: prepared for legal and human-rights use; do not publish without the compiler’s consent.',
    contents: 'Contents',
    summary: 'Summary',
    noSummary: 'No summary was written for this case.',
    entities: 'People, organizations and places',
    people: 'People',
    organizations: 'Organizations',
    places: 'Places',
    name: 'Name',
    aliases: 'Also written',
    mentionedIn: 'Facts',
    chronology: 'Chronology',
    date: 'Date',
    type: 'Type',
    quote: 'Quote (original language)',
    source: 'Source',
    undated: 'undated',
    approximately: 'c.',
    sources: 'Sources',
    title: 'Title',
    publisher: 'Publisher',
    published: 'Published',
    url: 'URL',
    imported: 'Imported into the archive',
    sha256Original: 'SHA-256 of the original file',
    sha256Text: 'SHA-256 of the extracted text',
    citedIn: 'Quoted in facts',
    urlWithheld: 'withheld in this copy',
    withheld: 'withheld in this copy',
    factCount: (n) => (n === 1 ? '1 fact' : `${n} facts`),
    machineRead: (page) => `machine-read from a scan, page ${page}: check against the original`,
    machineReadCorrected: (page) =>
      `machine-read from a scan, page ${page}, corrected by hand: check against the original`,
    page: 'page',
    of: 'of',
    redactionNote: 'Names of some people have been replaced by “[redacted]” in this copy.',
    searchableNote:
      'Quotes are copied word for word from their sources: a search for one can find the original article, and the names in it.',
    integrityNote:
      'Each quote is copied character for character from the archived text of its source. The hashes identify the original file and the extracted text exactly: anyone holding the files can check them with sha256sum.',
    integrityNoteWithheld:
      'Each quote is copied character for character from the archived text of its source. The sources’ URLs, publishers, dates and hashes are withheld in this copy.',
    translationBy: (from, to, by) => `Translation (${from} → ${to})${by ? ` by ${by}` : ''}`,
    untranslated: (n) =>
      n === 1 ? '1 quote has no translation into English' : `${n} quotes have no translation into English`,
    un: {
      kicker: 'Communication to the United Nations human rights mechanisms',
      basedOn:
        'Set out in the order of the OHCHR model complaint form (treaty bodies) and the special procedures’ submission form.',
      missingTitle: 'Still missing before submission',
      nothingMissing: 'Nothing that the archive can check is missing.',
      missingVictims: 'the alleged victim(s): a person with the role “victim” in a fact',
      missingConsent: (name) => `the consent or authorization of ${name}`,
      missingPerpetrators: 'the alleged perpetrator(s): a person with the role “perpetrator” in a fact',
      missingResponsibility: (name) => `why ${name} is held responsible`,
      missingState: 'the State concerned',
      missingRights: 'the articles alleged to have been violated',
      missingRemedies: 'domestic remedies (facts of trial, sentence, appeal, parole or complaint types)',
      missingTranslations: (n) => (n === 1 ? '1 quote without a translation' : `${n} quotes without a translation`),
      missingOther: 'whether the matter was submitted to another international procedure',
      victims: 'Alleged victim(s)',
      consent: 'Consent / authorization',
      consentStatus: { given: 'given', 'not-given': 'not given', unknown: 'unknown' },
      consentBy: 'given by',
      consentDate: 'date',
      perpetrators: 'Alleged perpetrator(s)',
      responsibility: 'Why held responsible',
      stateAndPlaces: 'State concerned and places',
      state: 'State concerned',
      rights: 'Articles alleged to have been violated',
      rightNames: {
        'iccpr-6': 'ICCPR art. 6 (right to life)',
        'iccpr-7': 'ICCPR art. 7 (torture, cruel, inhuman or degrading treatment)',
        'iccpr-9': 'ICCPR art. 9 (liberty and security of person)',
        'iccpr-10': 'ICCPR art. 10 (humane treatment in detention)',
        'iccpr-12': 'ICCPR art. 12 (freedom of movement)',
        'iccpr-14': 'ICCPR art. 14 (fair trial)',
        'iccpr-17': 'ICCPR art. 17 (privacy, family, home)',
        'iccpr-18': 'ICCPR art. 18 (thought, conscience and religion)',
        'iccpr-19': 'ICCPR art. 19 (opinion and expression)',
        'iccpr-21': 'ICCPR art. 21 (peaceful assembly)',
        'iccpr-22': 'ICCPR art. 22 (freedom of association)',
        'iccpr-25': 'ICCPR art. 25 (taking part in public affairs)',
        'iccpr-26': 'ICCPR art. 26 (equality before the law, non-discrimination)',
        'cat-1': 'CAT art. 1 (torture)',
        'cat-2': 'CAT art. 2 (prevention of torture)',
        'cat-12': 'CAT art. 12 (prompt and impartial investigation)',
        'cat-13': 'CAT art. 13 (right to complain)',
        'cat-14': 'CAT art. 14 (redress and compensation)',
        'cat-15': 'CAT art. 15 (statements made under torture)',
        'cat-16': 'CAT art. 16 (other cruel, inhuman or degrading treatment)',
      },
      remedies: 'Exhaustion of domestic remedies',
      remediesIntro:
        'Steps taken by or on behalf of the alleged victim(s) to obtain redress within the State concerned, in date order, with their outcomes.',
      outcome: 'Outcome',
      otherProcedures: 'Application to other international procedures',
      facts: 'Facts of the complaint, in chronological order',
      documentation: 'Supporting documentation (sources)',
      notStated: 'not stated',
    },

    // provenance
    sourceType: 'Source type',
    sourceTypeNotSet: 'Source type not set',
    newsOnly:
      'Every source of this dossier is a news report: no court document, official reply, testimony or other primary source backs its facts.',
    capturedBy: 'Captured by',
    capturedAt: 'Captured at',
    captureTool: 'Capture tool',
    originalUrl: 'Captured from',
    acquiredFrom: 'Acquired from',
    originalOrCopy: 'Original or copy',
    original: 'original',
    copy: 'copy',
    machineRecorded: 'machine-recorded',
    fileModifiedAt: 'File time',
    warcDate: 'Capture time (WARC)',
    warcTargetUri: 'Captured address (WARC)',
    warcSoftware: 'Capture software (WARC)',
    status: 'Status',
    verificationNote: 'Verification',
    corroboratedBy: 'Corroborated by facts',
    recordedBy: 'Recorded by',
    changedBy: 'Last changed by',
    notInDossier: 'not in this dossier',
    asThePageLooked: 'As the page looked',
    sha256VisualPng: 'SHA-256 of the visual copy (PNG)',
    sha256VisualPdf: 'SHA-256 of the visual copy (PDF)',
    visualLeftOut:
      'The picture of the page is left out of this redacted copy: it could show a redacted name. The hashes identify the visual copy in the archive.',
  },
  dates: {
    months,
    monthsOfDay: months,
    year: (y) => y,
    month: (m, y) => `${m} ${y}`,
    day: (d, m, y) => `${d} ${m} ${y}`,
  },
  roles: { victim: 'victim', perpetrator: 'perpetrator', witness: 'witness', source: 'source', other: 'other' },
  provenance: {
    sourceTypes: {
      news: 'News report',
      'court-document': 'Court document',
      'official-reply': 'Official reply',
      'ngo-report': 'NGO report',
      testimony: 'Testimony or interview',
      'social-media': 'Social media post',
      other: 'Other',
    },
    acquiredFrom: {
      web: 'The web',
      messenger: 'A messenger',
      'e-mail': 'E-mail',
      usb: 'A USB stick (a lawyer’s, say)',
      other: 'Other',
    },
    statuses: { unverified: 'Unverified', corroborated: 'Corroborated', verified: 'Verified', disputed: 'Disputed' },
  },
  factTypes,
  errors: ERROR_TEXTS.en,
};

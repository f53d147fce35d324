/**
 * The archive as the app, the CLI and the tests use it: one object over one folder, returning plain
 * JSON-able views. Everything the UI can do goes through here.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { changePassphrase, encryptArchive, prepareRekey, type EncryptResult } from './protection/encrypt.js';
import { entriesOfCase, type AuditEntry, type AuditInput } from './protection/audit.js';
import {
  restoreArchiveJson,
  restoreBackup,
  writeBackup,
  type BackupResult,
  type RestoreOptions,
  type RestoreResult,
} from './protection/backup.js';
import { verifyArchive, type IntegrityReport } from './protection/integrity.js';
import { signAuditHead, signingIdentity } from './protection/audit-sign.js';
import { publicKeyPem, setIdentityName, viewOf, type IdentityView } from './protection/identity.js';
import { listSnapshots, pruneSnapshots, type Snapshot } from './protection/snapshots.js';
import {
  attachTimestamp,
  listTimestamps,
  requestTimestamp,
  type AttachResult,
  type TimestampList,
  type TimestampRequestResult,
  type TimestampTarget,
} from './protection/timestamps.js';
import { AqiqatError, isDiskFull } from './errors.js';
import { ImportJobs, type ImportProgress } from './import/jobs.js';
import { articlePage, type ArticlePage } from './import/pages.js';
import { correctPage, type CorrectionResult } from './import/corrections.js';
import { importFiles, type BatchItem, type BatchOptions, type BatchSummary } from './import/batch.js';
import { makeDossier, type Dossier, type DossierAsk } from './dossier/dossier.js';
import type { FactChoice } from './dossier/data.js';
import { exportFacts, type ExportRow } from './dossier/export.js';
import type { Printer } from './dossier/pdf.js';
import { buildPackage, type BuiltPackage, type PackageAsk } from './package/write.js';
import {
  deleteArticle,
  findArticle,
  importArticle,
  readArticleText,
  setArticleLanguage,
  type ImportInput,
  type ImportResult,
} from './import/articles.js';
import {
  addFactsToCase,
  createCase,
  deleteCase,
  loadFacts,
  removeFactFromCase,
  reorderCase,
  resolveCase,
  updateCase,
} from './annotation/cases.js';
import {
  addAliases,
  addEntity,
  entityNames,
  factsOfEntity,
  mergeEntities,
  renameEntity,
  resolveEntity,
} from './annotation/entities.js';
import { allFactTypes } from './annotation/fact-types.js';
import { editArticle, type ArticlePatch } from './import/provenance.js';
import type { PageRenderer } from './visual/page.js';
import { renderArticle, visualImage, type RenderResult } from './visual/visual.js';
import {
  addFact,
  deleteFact,
  editFact,
  listFacts,
  restoreFact,
  type FactInput,
  type FactPatch,
  type RestoreInput,
} from './annotation/facts.js';
import {
  DEFAULT_IDLE_LOCK_MINUTES,
  type Anchor,
  type Article,
  type ArticleRow,
  type Case,
  type Entity,
  type EntityKind,
  type EventDate,
  type Fact,
  type FactRole,
  type FactStatus,
  type FactType,
  type Language,
  type Translations,
  type ArchiveFile,
  type Communication,
  compareStrings,
  newestFirst,
} from './model.js';
import { editCommunication, type CommunicationPatch } from './annotation/communication.js';
import type { CommunicationData } from './dossier/types.js';
import { moveTag, tagTree, type TagNode } from './annotation/tags.js';
import { timelineOrder } from '../shared/timeline.js';
import type { SearchHit } from './search/engine.js';
import type { SearchFilters } from './search/filters.js';
import { IndexedSearch, type IndexStatus, type Progress } from './search/indexed.js';
import { ArchiveStore, type OpenOptions } from './storage/store.js';
import { shardOf } from './storage/layout.js';
import { installStoreDoor } from './storage/test-door.js';
import { withDeferredContent } from './storage/content-writes.js';
import { ensureEncryptionKey } from './protection/identity.js';
import {
  addContact,
  parsePublicKeyFile,
  publicKeyFileOf,
  removeContact,
  renameContact,
  type PublicKeyFile,
} from './team/contacts.js';
import { recordShared, shareCases, type Shared, type ShareAsk } from './team/share.js';
import { finishReceive, receiveBundle, type ReceiveAsk, type ReceiveResult } from './team/receive.js';
import { listConflicts, resolveConflict, type Keep } from './team/conflicts.js';
import type { Conflict, Contact } from './model.js';

export type { OpenOptions } from './storage/store.js';
export { noArchiveError } from './storage/store.js';

export interface FactView {
  id: string;
  articleId: string;
  /** the exact quoted text */
  quote: string;
  type: string;
  date: EventDate | null;
  /** entity names, in the order they were linked */
  people: string[];
  places: string[];
  organizations: string[];
  tags: string[];
  note: string;
  anchor: Anchor;
  createdAt: string;
  updatedAt: string;
  /** each person's role in the event, by name (people without a role are absent) */
  roles: Record<string, FactRole>;
  /** ids of the cases that hold this fact */
  cases: string[];
  /** the quote translated into kk, ru or en (absent: none) */
  translations?: Translations;
  // verification: absent on the stored fact means unverified, no note, no corroborating facts
  status: FactStatus;
  verificationNote: string;
  corroboratedBy: string[];
  /** fingerprints of the archive identities that created it and last changed it (absent: not known) */
  createdBy?: string;
  updatedBy?: string;
  /** its quote is no longer in this page, corrected by hand (absent: it is in the text) */
  quoteLost?: { page: number; at: string };
}

export interface ArticleDetail {
  article: Article;
  text: string;
  facts: FactView[];
}

/** The source of a fact, as a timeline or dossier cites it. */
export interface SourceRef {
  id: string;
  title: string;
  publishedAt: string | null;
  url: string | null;
  publisher: string | null;
}

export type TimelineEntry = FactView & { article: SourceRef };

/** A case in a list: `facts` are its fact ids in the user's order. */
export interface CaseSummary {
  id: string;
  title: string;
  summary: string;
  status: 'open' | 'closed';
  createdAt: string;
  facts: string[];
}

/** A case opened: `facts` in timeline order with their sources; `missing` counts ids of deleted facts. */
export interface CaseView extends Omit<CaseSummary, 'facts'> {
  factIds: string[];
  facts: TimelineEntry[];
  missing: number;
  /** the case's UN communication fields, people by name (absent: none yet) */
  communication?: CommunicationData;
}

export interface EntityPage {
  entity: Entity;
  facts: TimelineEntry[];
  articles: SourceRef[];
  cases: CaseSummary[];
}

/** An article with what deleting it takes along: its facts, and the cases they are removed from. */
export interface ArticleDeletion {
  article: Article;
  factIds: string[];
  cases: CaseSummary[];
}

function caseSummary(c: Case): CaseSummary {
  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    status: c.status,
    createdAt: c.createdAt,
    facts: [...c.factIds],
  };
}

/** Consent and responsibility by person name, as the UI and the CLI show them. */
function communicationView(meta: ArchiveFile, c: Communication): CommunicationData {
  const name = (id: string) => entityNames(meta, [id])[0]!;
  return {
    ...c,
    consent: Object.fromEntries(Object.entries(c.consent).map(([id, v]) => [name(id), v])),
    responsibility: Object.fromEntries(Object.entries(c.responsibility).map(([id, v]) => [name(id), v])),
  };
}

const fileSha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

export class Archive {
  // private: the CLI and the shell reach the archive only through these methods; the core's own
  // modules are handed the store
  readonly #store: ArchiveStore;
  readonly #search: IndexedSearch;
  readonly #jobs = new ImportJobs();

  static {
    installStoreDoor((archive) => archive.#store);
  }

  private constructor(store: ArchiveStore) {
    this.#store = store;
    this.#search = new IndexedSearch(store);
  }

  get root(): string {
    return this.#store.layout.root;
  }

  get encrypted(): boolean {
    return this.#store.codec.encrypted;
  }

  /** an encryption was interrupted: some files are still plain until `encrypt` runs again */
  get unfinishedEncryption(): boolean {
    return this.#store.unfinishedEncryption;
  }

  /** what the user should know about how the archive opened (no snapshot taken, read-only on a full disk) */
  get openWarning(): string | null {
    return this.#store.openWarning;
  }

  static async create(dir: string, options?: OpenOptions): Promise<Archive> {
    return new Archive(await ArchiveStore.init(dir, undefined, options));
  }

  static async open(dir: string, options?: OpenOptions): Promise<Archive> {
    const store = await ArchiveStore.open(dir, options);
    // a receive killed midway is finished before anything reads the archive (team/receive.ts)
    try {
      await finishReceive(store);
    } catch (e) {
      await store.close();
      throw e;
    }
    return new Archive(store);
  }

  static exists(dir: string): Promise<boolean> {
    return ArchiveStore.exists(dir);
  }

  static isEncrypted(dir: string): Promise<boolean> {
    return ArchiveStore.isEncrypted(dir);
  }

  /** `job`: an id the caller made up, to ask `importProgress` and `cancelImport` about this import while it runs. */
  async importArticle(input: ImportInput, job?: string): Promise<ImportResult> {
    if (job === undefined) return importArticle(this.#store, input);
    const run = this.#jobs.start(job, input);
    try {
      return await importArticle(this.#store, run.input);
    } finally {
      run.end();
    }
  }

  importProgress(job: string): ImportProgress {
    return this.#jobs.progress(job);
  }

  /** Stops job `job`'s file (nothing of it is written); files imported before it stay. */
  cancelImport(job: string): { cancelled: boolean } {
    return { cancelled: this.#jobs.cancel(job) };
  }

  /** Import files (paths, or "-" read by `stdin`) in chunks, one write per changed file per chunk. */
  importFiles(
    files: readonly string[],
    options?: BatchOptions & { stdin?: () => Promise<Uint8Array> },
  ): Promise<{ items: BatchItem[]; summary: BatchSummary }> {
    return importFiles(this.#store, files, options);
  }

  /** Every article's whole record, newest first (the order of listArticleRows). */
  async listArticles(): Promise<Article[]> {
    return newestFirst(await this.#store.allArticles());
  }

  /** What the library shows of every article, newest first: read at start from one summary file. */
  async listArticleRows(): Promise<ArticleRow[]> {
    return this.#store.articleRows();
  }

  async getArticle(id: string): Promise<ArticleDetail> {
    const article = await findArticle(this.#store, id);
    const [text, facts] = await Promise.all([
      readArticleText(this.#store, article),
      listFacts(this.#store, article.id),
    ]);
    return { article, text, facts: this.viewFacts(facts).sort((a, b) => a.anchor.start - b.anchor.start) };
  }

  /** Page `page` of the article's original file as an image, to check its text against. */
  articlePage(id: string, page: number): Promise<ArticlePage> {
    return articlePage(this.#store, id, page);
  }

  /** Delete an article, its facts (out of their cases too) and the files no other article names. */
  async deleteArticle(id: string): Promise<ArticleDeletion> {
    const { article, facts, cases } = await deleteArticle(this.#store, id);
    return { article, factIds: facts.map((f) => f.id), cases: cases.map(caseSummary) };
  }

  /** `existing`: an identical fact was already there, and is what is returned. */
  async addFact(input: FactInput): Promise<FactView & { existing?: true }> {
    const { fact, existing } = await addFact(this.#store, input);
    return existing ? { ...this.viewFact(fact), existing } : this.viewFact(fact);
  }

  async listFacts(articleId?: string): Promise<FactView[]> {
    return this.viewFacts(await listFacts(this.#store, articleId));
  }

  async deleteFact(id: string): Promise<FactView> {
    // the cases it was in, for undo (restoreFact puts it back there)
    const cases = this.#store.meta.data.cases.filter((c) => c.factIds.includes(id.trim())).map((c) => c.id);
    return { ...this.viewFact(await deleteFact(this.#store, id)), cases };
  }

  search(text: string, limit?: number): Promise<SearchHit[]> {
    return this.#search.search({ text, limit });
  }

  /** Run many changes with one write per changed file at the end (bulk import). */
  batch<T>(fn: () => Promise<T>): Promise<T> {
    return this.#store.batch(() => withDeferredContent(this.#store, fn));
  }

  /** Between calls, none running: let go of the shards used least recently (store.ts trimCache). */
  trimCache(): void {
    this.#store.trimCache();
  }

  /** Release the archive (its single-writer lock); the object must not be used afterwards. */
  close(): Promise<void> {
    return this.#store.close();
  }

  /**
   * Encrypt this archive in place (or finish an interrupted run): this object is closed, the one
   * returned is open with the new key. `passphrase` may be absent only when finishing.
   */
  async encrypt(passphrase: string | undefined): Promise<{ archive: Archive; result: EncryptResult }> {
    let result: EncryptResult;
    try {
      result = await encryptArchive(this.#store, passphrase);
    } finally {
      await this.close();
    }
    const sealed = await Archive.open(this.root, { passphrase });
    try {
      await sealed.#store.audit.record({ action: 'archive-encrypted', summary: `${result.sealed} files sealed` });
    } catch (e) {
      await sealed.close();
      throw e;
    }
    return { archive: sealed, result };
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    await changePassphrase(this.#store, current, next);
    await this.#store.audit.record({ action: 'passphrase-changed' });
  }

  /**
   * A new passphrase and a new data key, every file re-sealed (the old key file and passphrase open
   * nothing written from now on): this object is closed, the one returned is open with the new key.
   * If the checks fail, nothing changed and this object stays open; `started` is called once it did not.
   */
  async rekey(current: string, next: string, started: () => void = () => undefined): Promise<Archive> {
    const rekey = await prepareRekey(this.#store, current, next); // a wrong passphrase: still open, nothing changed
    started();
    try {
      await rekey();
    } finally {
      await this.close();
    }
    const rekeyed = await Archive.open(this.root, { passphrase: next });
    try {
      await rekeyed.#store.audit.record({ action: 'passphrase-changed', summary: 'new data key' });
    } catch (e) {
      await rekeyed.close();
      throw e;
    }
    return rekeyed;
  }

  // ——— protection: the audit log, backups, verify, snapshots ———

  /** Add a line to the audit log (something that is not an archive change: an export, a restore). */
  async recordAudit(entry: AuditInput, at?: Date): Promise<void> {
    await this.#keyBeforeExport(entry);
    await this.#store.audit.record(entry, at);
    await this.#signAfterExport(entry);
  }

  /**
   * The audit line of something that has left the archive (a backup, a dossier, an export). False: the
   * disk was full, so the line is missing — the export itself stands, and the caller says so.
   */
  async recordExport(entry: AuditInput): Promise<boolean> {
    await this.#keyBeforeExport(entry);
    return this.#store.audit.record(entry).then(
      async () => {
        await this.#signAfterExport(entry);
        return true;
      },
      (e: unknown) => {
        if (!isDiskFull(e)) throw e;
        return false;
      },
    );
  }

  /**
   * The signing key made (and its line written) before the line of what leaves the archive, so that
   * line stays the log's last and is the one the signed head names.
   */
  async #keyBeforeExport(entry: AuditInput): Promise<void> {
    if (entry.action !== 'export-made' && entry.action !== 'backup-made') return;
    await signingIdentity(this.#store).catch((e: unknown) => {
      // a full disk: the export stands; the head is signed at the next one
      if (!isDiskFull(e)) throw e;
    });
  }

  /** After the line of a package, backup, dossier or export: the log's head signed (audit-sign.ts). */
  async #signAfterExport(entry: AuditInput): Promise<void> {
    if (entry.action !== 'export-made' && entry.action !== 'backup-made') return;
    await signAuditHead(this.#store).catch((e: unknown) => {
      // a full disk keeps the previous signed head, which the longer log still satisfies
      if (!isDiskFull(e)) throw e;
    });
  }

  /** The whole archive in one file, then its audit line (`audited`: see recordExport). */
  async backup(out: string): Promise<BackupResult & { audited: boolean }> {
    const r = await writeBackup(this.#store.layout, out);
    const audited = await this.recordExport({
      action: 'backup-made',
      sha256: r.sha256,
      summary: path.basename(r.file),
    });
    return { ...r, audited };
  }

  /** Restore a backup file into the folder `dir` (open nowhere), then log it in the restored archive. */
  static async restoreBackup(file: string, dir: string, options: RestoreOptions = {}): Promise<RestoreResult> {
    const sha256 = await fileSha256(file).catch(() => undefined);
    const ask = options.passphrase;
    let passphrase: string | undefined;
    const r = await restoreBackup(file, dir, {
      ...options,
      passphrase: ask && (async () => (passphrase = await ask())),
    });
    await Archive.#recordIn(r.archive, passphrase, {
      action: 'archive-restored',
      sha256,
      summary: path.basename(file),
    });
    return r;
  }

  /** Put a snapshot of archive.json (or any archive.json) back into `dir`, then log it there. */
  static async restoreArchiveJson(
    file: string,
    dir: string,
    passphrase?: string,
  ): Promise<{ archive: string; previous: string | null }> {
    const sha256 = await fileSha256(file).catch(() => undefined);
    const r = await restoreArchiveJson(file, dir, undefined, passphrase);
    await Archive.#recordIn(r.archive, passphrase, {
      action: 'archive-json-restored',
      sha256,
      summary: path.basename(file),
    });
    return r;
  }

  static async #recordIn(dir: string, passphrase: string | undefined, entry: AuditInput): Promise<void> {
    const archive = await Archive.open(dir, { passphrase });
    try {
      await archive.recordAudit(entry);
    } finally {
      await archive.close();
    }
  }

  /** Re-hash every text and source, check every quote and the audit log's chain and end. */
  verify(): Promise<IntegrityReport> {
    return verifyArchive(this.#store);
  }

  /** The audit log, oldest first; with a case: what concerns it and its facts (also once deleted). */
  async auditLog(caseId?: string): Promise<AuditEntry[]> {
    const { entries } = await this.#store.audit.readAll();
    if (caseId === undefined) return entries;
    const c = this.#store.meta.data.cases.find((x) => x.id === caseId);
    if (!c && !entries.some((e) => e.caseId === caseId))
      throw new AqiqatError('cli.case-not-found', { id: caseId }, 'not-found');
    return entriesOfCase(entries, caseId, c?.factIds ?? []);
  }

  // ——— proof of time (RFC 3161) ———

  /** Write a TimeStampReq for the audit log's latest line or a package's manifest (`out`: a new file). */
  requestTimestamp(target: TimestampTarget, out: string): Promise<TimestampRequestResult> {
    return requestTimestamp(this.#store, target, out);
  }

  /** Check a timestamp response against the request it answers (and `ca`), store it, audit it; with `package`, add it there. */
  attachTimestamp(
    response: string | Uint8Array,
    opts: { package?: string | undefined; ca?: string | undefined } = {},
  ): Promise<AttachResult> {
    return attachTimestamp(this.#store, response, opts);
  }

  /** The stamps attached and the requests still waiting for an answer. */
  listTimestamps(): TimestampList {
    return listTimestamps(this.#store);
  }

  /** The snapshots of archive.json in backups/, newest first. */
  snapshots(): Promise<Snapshot[]> {
    return listSnapshots(this.#store.layout);
  }

  /** Keep this many snapshots from now on (the older ones go now). */
  async keepSnapshots(keep: number): Promise<void> {
    this.#store.meta.data.backups = { keep };
    await this.#store.save(this.#store.meta);
    await pruneSnapshots(this.#store.layout, keep);
  }

  /** Idle minutes after which the app locks this archive; null: never, or not encrypted (nothing to lock). */
  get idleLockMinutes(): number | null {
    if (!this.#store.codec.encrypted) return null;
    const security = this.#store.meta.data.security;
    return security ? security.idleLockMinutes : DEFAULT_IDLE_LOCK_MINUTES;
  }

  async setIdleLock(minutes: number | null): Promise<void> {
    if (!this.#store.codec.encrypted) throw new AqiqatError('session.not-encrypted-lock', {}, 'usage');
    this.#store.meta.data.security = { idleLockMinutes: minutes };
    await this.#store.save(this.#store.meta);
  }

  /** Set an article's source type and what the researcher asserts of its capture; machine-recorded fields are refused. */
  /** A visual copy of a saved page imported before (or again, `again`); audited when made. */
  async renderArticle(id: string, renderer: PageRenderer, again = false): Promise<RenderResult> {
    return renderArticle(this.#store, await findArticle(this.#store, id), renderer, again);
  }

  /** The PNG of an article's visual copy as a data URL (the reader has no files); null: it has none. */
  async visualCopy(id: string) {
    return visualImage(this.#store, await findArticle(this.#store, id));
  }

  editArticle(id: string, patch: ArticlePatch): Promise<Article> {
    return editArticle(this.#store, id, patch);
  }

  /**
   * Correct page `page` of an OCR article by hand (`text`), or put back the machine's reading (`text` null).
   * The machine's text is kept; facts quoting the page are found again, or flagged when their quote is gone.
   */
  correctPage(id: string, page: number, text: string | null): Promise<CorrectionResult> {
    return correctPage(this.#store, id, page, text);
  }

  /** Override the detected language of an article. */
  setArticleLanguage(id: string, lang: Language): Promise<Article> {
    return setArticleLanguage(this.#store, id, lang);
  }

  private viewFacts(facts: Fact[]): FactView[] {
    return facts.map((f) => this.viewFact(f));
  }

  private viewFact(f: Fact): FactView {
    const meta = this.#store.meta.data;
    return {
      id: f.id,
      articleId: f.articleId,
      quote: f.anchor.exact,
      type: f.type,
      date: f.date,
      people: entityNames(meta, f.people),
      places: entityNames(meta, f.places),
      organizations: entityNames(meta, f.organizations),
      tags: f.tags,
      note: f.note,
      anchor: f.anchor,
      createdAt: f.createdAt,
      updatedAt: f.updatedAt,
      roles: Object.fromEntries(Object.entries(f.roles).map(([id, role]) => [entityNames(meta, [id])[0]!, role])),
      cases: meta.cases.filter((c) => c.factIds.includes(f.id)).map((c) => c.id),
      ...(f.translations ? { translations: f.translations } : {}),
      status: f.status ?? 'unverified',
      verificationNote: f.verificationNote ?? '',
      corroboratedBy: [...(f.corroboratedBy ?? [])],
      ...(f.createdBy ? { createdBy: f.createdBy } : {}),
      ...(f.updatedBy ? { updatedBy: f.updatedBy } : {}),
      ...(f.quoteLost ? { quoteLost: { ...f.quoteLost } } : {}),
    };
  }

  // ——— entities, tags, cases, fact edit ———

  async editFact(id: string, patch: FactPatch): Promise<FactView> {
    return this.viewFact((await editFact(this.#store, id, patch)).fact);
  }

  async restoreFact(input: RestoreInput): Promise<FactView> {
    return this.viewFact(await restoreFact(this.#store, input));
  }

  listFactTypes(): FactType[] {
    return allFactTypes(this.#store.meta.data);
  }

  /** People, organizations and places, by kind then name. */
  listEntities(): Entity[] {
    return [...this.#store.meta.data.entities].sort(
      (a, b) => compareStrings(a.kind, b.kind) || a.name.localeCompare(b.name),
    );
  }

  async addEntity(name: string, kind: EntityKind, aliases: readonly string[] = []): Promise<Entity> {
    const entity = addEntity(this.#store.meta.data, name, kind, aliases);
    await this.#store.save(this.#store.meta);
    await this.#store.emit({ type: 'entity-added', entity });
    return entity;
  }

  async renameEntity(ref: string, name: string): Promise<Entity> {
    const previousName = resolveEntity(this.#store.meta.data, ref).name;
    const entity = renameEntity(this.#store.meta.data, ref, name);
    await this.#store.save(this.#store.meta);
    if (entity.name !== previousName) await this.#store.emit({ type: 'entity-renamed', entity, previousName });
    return entity;
  }

  async addAliases(ref: string, aliases: readonly string[]): Promise<Entity> {
    const before = new Set(resolveEntity(this.#store.meta.data, ref).aliases);
    const entity = addAliases(this.#store.meta.data, ref, aliases);
    const added = entity.aliases.filter((a) => !before.has(a));
    if (added.length === 0) return entity;
    await this.#store.save(this.#store.meta);
    await this.#store.emit({ type: 'entity-aliases-added', entity, aliases: added });
    return entity;
  }

  mergeEntities(keep: string, other: string): Promise<{ entity: Entity; factsMoved: number }> {
    return mergeEntities(this.#store, keep, other);
  }

  /** An entity's page: its facts (timeline order), the articles they quote, the cases they are in. */
  async getEntity(ref: string): Promise<EntityPage> {
    const entity = resolveEntity(this.#store.meta.data, ref);
    const facts = await this.timelineEntries(await factsOfEntity(this.#store, entity.id));
    const articles = new Map(facts.map((f) => [f.article.id, f.article]));
    const caseIds = new Set(facts.flatMap((f) => f.cases));
    const cases = this.#store.meta.data.cases.filter((c) => caseIds.has(c.id)).map(caseSummary);
    return { entity, facts, articles: [...articles.values()], cases };
  }

  async listTags(): Promise<TagNode[]> {
    const [facts, articles] = await Promise.all([this.#store.allFacts(), this.#store.allArticles()]);
    return tagTree(
      this.#store.meta.data.tags.map((t) => t.path),
      facts.map((f) => f.tags),
      articles.map((a) => a.tags),
    );
  }

  renameTag(from: string, to: string): Promise<{ from: string; to: string; facts: number; articles: number }> {
    return moveTag(this.#store, from, to, 'rename');
  }

  mergeTag(from: string, into: string): Promise<{ from: string; to: string; facts: number; articles: number }> {
    return moveTag(this.#store, from, into, 'merge');
  }

  async createCase(title: string, summary?: string): Promise<CaseView> {
    return this.viewCase(await createCase(this.#store, title, summary));
  }

  listCases(): CaseSummary[] {
    return this.#store.meta.data.cases.map(caseSummary);
  }

  async getCase(ref: string): Promise<CaseView> {
    return this.viewCase(resolveCase(this.#store.meta.data, ref));
  }

  async updateCase(
    ref: string,
    patch: { title?: string | undefined; summary?: string | undefined; status?: 'open' | 'closed' | undefined },
  ): Promise<CaseView> {
    return this.viewCase(await updateCase(this.#store, ref, patch));
  }

  /** The UN communication fields of a case (consent, responsibility, rights, State, other procedures). */
  async editCommunication(ref: string, patch: CommunicationPatch): Promise<CaseView> {
    return this.viewCase(await editCommunication(this.#store, ref, patch));
  }

  async deleteCase(ref: string): Promise<CaseSummary> {
    return caseSummary(await deleteCase(this.#store, ref));
  }

  async addFactsToCase(ref: string, factIds: readonly string[]): Promise<CaseView> {
    return this.viewCase((await addFactsToCase(this.#store, ref, factIds)).case);
  }

  async removeFactFromCase(ref: string, factId: string): Promise<CaseView> {
    return this.viewCase(await removeFactFromCase(this.#store, ref, factId));
  }

  async reorderCase(ref: string, factIds: readonly string[]): Promise<CaseView> {
    return this.viewCase(await reorderCase(this.#store, ref, factIds));
  }

  private async viewCase(c: Case): Promise<CaseView> {
    const found = await loadFacts(this.#store, c.factIds);
    const facts = c.factIds.map((id) => found.get(id)).filter((f): f is Fact => f !== undefined);
    return {
      ...caseSummary(c),
      ...(c.communication ? { communication: communicationView(this.#store.meta.data, c.communication) } : {}),
      factIds: [...c.factIds],
      facts: await this.timelineEntries(facts),
      missing: c.factIds.length - facts.length,
    };
  }

  /** Facts with their source article, in timeline order (ties keep the given order). */
  private async timelineEntries(facts: readonly Fact[]): Promise<TimelineEntry[]> {
    const articles = new Map<string, SourceRef>();
    await Promise.all(
      [...new Set(facts.map((f) => f.articleId))].map(async (id) => {
        const a = await findArticle(this.#store, id).catch(() => null);
        articles.set(
          id,
          a
            ? { id: a.id, title: a.title, publishedAt: a.publishedAt, url: a.url, publisher: a.publisher }
            : { id, title: id, publishedAt: null, url: null, publisher: null },
        );
      }),
    );
    return timelineOrder(this.viewFacts([...facts]), (f) => f.date).map((f) => ({
      ...f,
      article: articles.get(f.articleId)!,
    }));
  }

  /** Search with filters (kind, tags, case, fact type, people, places, dates, languages). */
  searchFiltered(query: {
    text: string;
    limit?: number | undefined;
    filters?: SearchFilters | undefined;
  }): Promise<SearchHit[]> {
    return this.#search.search(query);
  }

  /** Build the search index again from the archive; progress as (articles done, total). */
  reindex(onProgress?: Progress): Promise<IndexStatus> {
    return this.#search.reindex(onProgress);
  }

  // ——— the archive's identity: its signing key and name ———

  /** The signing key's fingerprint and the name it signs with (the key is made on first need). */
  async identity(): Promise<IdentityView> {
    return viewOf(await signingIdentity(this.#store));
  }

  async setIdentityName(name: string): Promise<IdentityView> {
    await signingIdentity(this.#store);
    return viewOf(await setIdentityName(this.#store, name));
  }

  /** The public-key file a colleague adds as a contact: name, both public keys, the fingerprint. */
  async identityKeyFile(): Promise<PublicKeyFile> {
    await signingIdentity(this.#store);
    return publicKeyFileOf(await ensureEncryptionKey(this.#store));
  }

  // ——— teams: contacts, sharing, receiving, conflicts (core/team/) ———

  listContacts(): Contact[] {
    return this.#store.meta.data.team?.contacts ?? [];
  }

  async addContact(name: string, keyFile: Uint8Array, file: string): Promise<Contact> {
    const key = parsePublicKeyFile(keyFile, file);
    return addContact(this.#store, await signingIdentity(this.#store), name, key);
  }

  renameContact(from: string, to: string): Promise<Contact> {
    return renameContact(this.#store, from, to);
  }

  removeContact(name: string): Promise<Contact> {
    return removeContact(this.#store, name);
  }

  /** The bundle's bytes, not yet written; the caller writes them, then `recordShared`. */
  async share(ask: ShareAsk): Promise<Shared> {
    await signingIdentity(this.#store);
    return shareCases(this.#store, ask);
  }

  recordShared(shared: Shared, file: string): Promise<void> {
    return recordShared(this.#store, shared, file);
  }

  async receive(ask: ReceiveAsk): Promise<ReceiveResult> {
    const result = await receiveBundle(this.#store, ask);
    // the receive writes its shards from one journal, with no events: the index catches up here
    if (!result.plan && !result.already)
      await this.#search.refreshShards(
        result.changes.filter((c) => c.kind === 'fact' || c.kind === 'article').map((c) => shardOf(c.id)),
      );
    return result;
  }

  listConflicts(): Conflict[] {
    return listConflicts(this.#store);
  }

  resolveConflict(id: string, keep: Keep): Promise<Conflict> {
    return resolveConflict(this.#store, id, keep);
  }

  /** The public key in PEM, for `aqiqat identity export`. */
  async identityPublicKey(): Promise<string> {
    return publicKeyPem(await signingIdentity(this.#store));
  }

  // ——— what leaves the archive: dossiers and exports ———

  /** A dossier built (HTML, and what printing it needs); the one builder of the app and the CLI. */
  dossier(ask: DossierAsk): Promise<Dossier> {
    return makeDossier(this.#store, ask);
  }

  /**
   * An evidence package of a case (or chosen facts): the signed ZIP, built but not yet written; the
   * caller writes it, then records it with `recordExport` (which signs the audit log's head).
   */
  package(ask: PackageAsk, printer: Printer): Promise<BuiltPackage> {
    return buildPackage(this.#store, ask, printer);
  }

  /** Facts with their article metadata, as rows for JSON or CSV (a case's in its timeline order). */
  exportFacts(choice: FactChoice): Promise<{ rows: ExportRow[]; caseId: string | null }> {
    return exportFacts(this.#store, choice);
  }
}

/**
 * THE contract between the renderer and the core: every call's input schema (zod, checked
 * in main before anything runs) and its result type. Shared by main, preload, renderer and tests.
 */
import { z } from 'zod';
import type { ArticleDetail, FactView } from './core/archive.js';
import type { ImportResult } from './core/import/articles.js';
import type { Article } from './core/model.js';
import { AnchorSchema, EntityKindSchema, EventDateSchema, FactRoleSchema, LanguageSchema } from './core/model.js';
import type { ArticleDeletion, CaseSummary, CaseView, EntityPage, TimelineEntry } from './core/archive.js';
import type { Entity, EventDate, FactRole, FactType } from './core/model.js';
import type { TagNode } from './core/annotation/tags.js';
import type { SearchHit } from './core/search/engine.js';
import type { DossierPreview, SavedDossier } from './core/dossier/host.js';
import { DOSSIER_LANGS, PAPERS } from './core/dossier/types.js';
import { SearchFiltersSchema } from './core/search/filters.js';
import { IDLE_LOCK_MAX_MINUTES } from './core/model.js';
import type { EncryptedStatus, SessionStatus } from './session-status.js';
import { CallError } from './shared/call-error.js';
import type { ErrorData } from './shared/error-codes.js';

export type { Article, ArticleDeletion, ArticleDetail, EventDate, FactRole, FactView, ImportResult, SearchHit };
export type { CaseSummary, CaseView, Entity, EntityPage, FactType, TagNode, TimelineEntry };
export type { DossierPreview, EncryptedStatus, SavedDossier, SessionStatus };

export interface TagMove {
  from: string;
  to: string;
  facts: number;
  articles: number;
}

const id = z.string().min(1).max(200);
const optionalText = (max: number) => z.string().max(max).optional();
const names = z.array(z.string().min(1).max(300)).max(100).optional();
/** long enough for a sentence of words; the core asks for at least 8 characters of a new one */
const passphrase = z.string().min(1).max(1024);
const roles = z.record(z.string().min(1).max(300), FactRoleSchema);
/** The fields of a fact as addFact takes them; editFact takes the same, each optional. */
const factFields = z.object({
  quote: z.string().min(1).max(20000),
  type: optionalText(40),
  date: optionalText(21), // YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD
  approximate: z.boolean().optional(),
  people: names,
  places: names,
  organizations: names,
  tags: names,
  note: optionalText(20000),
  near: z.number().int().nonnegative().optional(),
  roles: roles.optional(),
});

export const inputs = {
  listArticles: z.object({}).strict(),
  getArticle: z.object({ id }).strict(),
  importFile: z
    .object({
      name: z.string().min(1).max(500),
      bytes: z.instanceof(Uint8Array),
      title: optionalText(1000),
      url: optionalText(4000),
      publishedAt: optionalText(10),
      publisher: optionalText(500),
      lang: LanguageSchema.optional(),
    })
    .strict(),
  addFact: z.object({ articleId: id, ...factFields.shape }).strict(),
  listFacts: z.object({ articleId: id.optional() }).strict(),
  deleteFact: z.object({ id }).strict(),
  deleteArticle: z.object({ id }).strict(),
  search: z
    .object({
      text: z.string().max(1000),
      limit: z.number().int().positive().max(1000).optional(),
      filters: SearchFiltersSchema.optional(),
    })
    .strict(),
  archiveInfo: z.object({}).strict(),
  // annotation: entities, tags, cases
  // every field of addFact may be left out (unchanged); a null date clears it
  editFact: z.object({ id, ...factFields.partial().shape, date: z.string().max(21).nullable().optional() }).strict(),
  restoreFact: z
    .object({
      id,
      articleId: id,
      anchor: AnchorSchema,
      type: z.string().max(40),
      date: EventDateSchema.nullable(),
      people: names.unwrap(),
      places: names.unwrap(),
      organizations: names.unwrap(),
      tags: names.unwrap(),
      note: z.string().max(20000),
      roles,
      createdAt: z.string().datetime({ offset: true }),
      cases: z.array(id).max(1000),
    })
    .strip(),
  listFactTypes: z.object({}).strict(),
  listEntities: z.object({}).strict(),
  addEntity: z.object({ name: z.string().min(1).max(300), kind: EntityKindSchema, aliases: names }).strict(),
  renameEntity: z.object({ id, name: z.string().min(1).max(300) }).strict(),
  addAliases: z.object({ id, aliases: names.unwrap() }).strict(),
  mergeEntities: z.object({ keep: id, other: id }).strict(),
  getEntity: z.object({ id }).strict(),
  listTags: z.object({}).strict(),
  renameTag: z.object({ from: id, to: id }).strict(),
  mergeTag: z.object({ from: id, into: id }).strict(),
  createCase: z.object({ title: z.string().min(1).max(500), summary: optionalText(20000) }).strict(),
  listCases: z.object({}).strict(),
  getCase: z.object({ id }).strict(),
  updateCase: z
    .object({
      id,
      title: optionalText(500),
      summary: optionalText(20000),
      status: z.enum(['open', 'closed']).optional(),
    })
    .strict(),
  deleteCase: z.object({ id }).strict(),
  addFactsToCase: z.object({ id, factIds: z.array(id).min(1).max(1000) }).strict(),
  removeFactFromCase: z.object({ id, factId: id }).strict(),
  reorderCase: z.object({ id, factIds: z.array(id).max(10000) }).strict(),
  setArticleLanguage: z.object({ id, lang: LanguageSchema }).strict(),
  // dossier (the preview HTML; a PDF saved where the user chooses)
  dossierPreview: dossierRequest(),
  saveDossierPdf: dossierRequest(),
  // the lock screen and the Security dialog (session.ts)
  sessionStatus: z.object({}).strict(),
  unlock: z.object({ passphrase }).strict(),
  lock: z.object({}).strict(),
  touch: z.object({}).strict(),
  setIdleLock: z.object({ minutes: z.number().int().min(1).max(IDLE_LOCK_MAX_MINUTES).nullable() }).strict(),
  encryptArchive: z.object({ passphrase }).strict(),
  /** rekey: the old passphrase may be known to someone, so the data key is replaced too and every file re-sealed */
  changePassphrase: z.object({ current: passphrase, next: passphrase, rekey: z.boolean().optional() }).strict(),
  restoreSnapshot: z.object({}).strict(),
} as const;

export type Method = keyof typeof inputs;
export type Input<M extends Method> = z.input<(typeof inputs)[M]>;

export interface ArchiveInfo {
  root: string;
  version: string;
}

export interface Outputs {
  listArticles: Article[];
  getArticle: ArticleDetail;
  importFile: ImportResult;
  addFact: FactView;
  listFacts: FactView[];
  deleteFact: FactView;
  deleteArticle: ArticleDeletion;
  search: SearchHit[];
  archiveInfo: ArchiveInfo;
  editFact: FactView;
  restoreFact: FactView;
  listFactTypes: FactType[];
  listEntities: Entity[];
  addEntity: Entity;
  renameEntity: Entity;
  addAliases: Entity;
  mergeEntities: { entity: Entity; factsMoved: number };
  getEntity: EntityPage;
  listTags: TagNode[];
  renameTag: TagMove;
  mergeTag: TagMove;
  createCase: CaseView;
  listCases: CaseSummary[];
  getCase: CaseView;
  updateCase: CaseView;
  deleteCase: CaseSummary;
  addFactsToCase: CaseView;
  removeFactFromCase: CaseView;
  reorderCase: CaseView;
  setArticleLanguage: Article;
  dossierPreview: DossierPreview;
  saveDossierPdf: SavedDossier;
  sessionStatus: SessionStatus;
  unlock: SessionStatus;
  lock: SessionStatus;
  touch: null;
  setIdleLock: SessionStatus;
  encryptArchive: EncryptedStatus;
  changePassphrase: SessionStatus;
  restoreSnapshot: SessionStatus;
}

/** What `window.aqiqat` is in the renderer. */
export type AqiqatApi = { [M in Method]: (input: Input<M>) => Promise<Outputs[M]> };

/** What crosses the IPC boundary: an error travels as its code, parameters and one-line message, never a stack. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

export const METHODS = Object.keys(inputs) as Method[];
export const IPC_CHANNEL = 'aqiqat:call';

/**
 * The renderer-side API over any transport (Electron IPC in the preload, a Playwright binding in tests).
 * A failure rejects with a CallError, or with `reject`'s value: the contextBridge keeps only an Error's
 * message, so the preload rejects with the plain data and the renderer makes it a CallError again.
 */
export function makeClient(
  invoke: (method: Method, input: unknown) => Promise<IpcResult<unknown>>,
  reject: (error: ErrorData) => unknown = (error) => new CallError(error),
): AqiqatApi {
  const client = {} as Record<Method, (input: unknown) => Promise<unknown>>;
  for (const method of METHODS) {
    client[method] = async (input: unknown) => {
      const result = await invoke(method, input ?? {});
      if (!result.ok) throw reject(result.error);
      return result.value;
    };
  }
  return client as unknown as AqiqatApi;
}

/** A case dossier as the app asks for it (a function: hoisted, so `inputs` above can use it). */
function dossierRequest() {
  return z
    .object({
      caseId: id,
      lang: z.enum(DOSSIER_LANGS).optional(),
      paper: z.enum(PAPERS).optional(),
      redact: names,
      redactSources: z.boolean().optional(),
      compiledBy: optionalText(300),
    })
    .strict();
}

/**
 * THE contract between the renderer and the core. Each call is declared once, in its domain's `calls.ts`
 * (its zod input and its handler); every type here is derived from those. At run time this file holds
 * only the method names, the IPC channel and the client, and imports nothing: the preload bundles it, and
 * it must not carry zod.
 */
import type { z } from 'zod';
import type { calls } from './calls.js';
import type { ArticleDetail, FactView } from './core/archive.js';
import type { ImportResult } from './core/import/articles.js';
import type { Article, ArticleRow } from './core/model.js';
import type { ArticleDeletion, CaseSummary, CaseView, EntityPage, TimelineEntry } from './core/archive.js';
import type { Entity, EventDate, FactRole, FactType } from './core/model.js';
import type { TagNode } from './core/annotation/tags.js';
import type { SearchHit } from './core/search/engine.js';
import type { DossierPreview, SavedDossier } from './core/dossier/host.js';
import type { EncryptedStatus, SessionStatus } from './session-status.js';
import type { ErrorCode, ErrorData } from './shared/error-codes.js';
import type { Conflict, Contact } from './core/model.js';
import type { Change } from './core/team/merge.js';

export type {
  Article,
  ArticleRow,
  ArticleDeletion,
  ArticleDetail,
  EventDate,
  FactRole,
  FactView,
  ImportResult,
  SearchHit,
};
export type { CaseSummary, CaseView, Entity, EntityPage, FactType, TagNode, TimelineEntry };
export type { DossierPreview, EncryptedStatus, SavedDossier, SessionStatus };
export type { Change, Conflict, Contact };

type Calls = typeof calls;
export type Method = keyof Calls;
export type Input<M extends Method> = z.input<Calls[M]['input']>;
export type Output<M extends Method> = Awaited<ReturnType<Calls[M]['run']>>;

/** What `window.aqiqat` is in the renderer. */
export type AqiqatApi = { [M in Method]: (input: Input<M>) => Promise<Output<M>> };

/** What crosses the IPC boundary: an error travels as its code, parameters and one-line message, never a stack. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** The method names at run time (the preload's list); `tsc` fails if one is missing or extra. */
export const METHODS = [
  'listArticles',
  'listArticleRows',
  'getArticle',
  'visualCopy',
  'importFile',
  'importProgress',
  'cancelImport',
  'articlePage',
  'correctPage',
  'deleteArticle',
  'setArticleLanguage',
  'editArticle',
  'addFact',
  'listFacts',
  'deleteFact',
  'editFact',
  'restoreFact',
  'listFactTypes',
  'listEntities',
  'addEntity',
  'renameEntity',
  'addAliases',
  'mergeEntities',
  'getEntity',
  'listTags',
  'renameTag',
  'mergeTag',
  'createCase',
  'listCases',
  'getCase',
  'updateCase',
  'deleteCase',
  'addFactsToCase',
  'removeFactFromCase',
  'reorderCase',
  'editCommunication',
  'search',
  'dossierPreview',
  'saveDossierPdf',
  'saveEvidencePackage',
  'archiveInfo',
  'sessionStatus',
  'unlock',
  'lock',
  'touch',
  'setIdleLock',
  'encryptArchive',
  'changePassphrase',
  'restoreSnapshot',
  'listTimestamps',
  'attachTimestamp',
  'identity',
  'setIdentityName',
  'verifyPackage',
  'listContacts',
  'addContact',
  'renameContact',
  'removeContact',
  'saveContactKey',
  'shareCases',
  'receivePlan',
  'receiveApply',
  'listConflicts',
  'resolveConflict',
] as const satisfies readonly Method[];
type Listed = (typeof METHODS)[number];
// a call the list leaves out would be missing from window.aqiqat in the app
const listsEveryMethod: Exclude<Method, Listed> extends never ? true : { missing: Exclude<Method, Listed> } = true;
void listsEveryMethod;

export const IPC_CHANNEL = 'aqiqat:call';

/** A failed call as the renderer sees it: the code and parameters the interface words it by, and the English line. */
export class CallError extends Error implements ErrorData {
  readonly code: ErrorCode;
  readonly params: ErrorData['params'];

  constructor(data: ErrorData) {
    super(data.message);
    this.name = 'CallError';
    this.code = data.code;
    this.params = data.params;
  }
}

/** The error of a failed call, as the client throws it. */
export function fromWireError(error: ErrorData): CallError {
  return new CallError(error);
}

/**
 * The renderer-side API over any transport (Electron IPC in the preload, a Playwright binding in tests).
 * A failure rejects with a CallError, or with `reject`'s value: the contextBridge keeps only an Error's
 * message, so the preload rejects with the plain data and the renderer makes it a CallError again.
 */
export function makeClient(
  invoke: (method: Method, input: unknown) => Promise<IpcResult<unknown>>,
  reject: (error: ErrorData) => unknown = fromWireError,
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

/**
 * THE contract between the renderer and the core (DESIGN §1): every call's input schema (zod, checked
 * in main before anything runs) and its result type. Shared by main, preload, renderer and tests.
 */
import { z } from 'zod';
import type { ArticleDetail, FactView } from './archive/archive.js';
import type { ImportResult } from './archive/articles.js';
import type { Article } from './archive/model.js';
import { LanguageSchema } from './archive/model.js';
import type { SearchHit } from './archive/search/engine.js';
import { SearchFiltersSchema } from './archive/search/filters.js';

export type { Article, ArticleDetail, FactView, ImportResult, SearchHit };

const id = z.string().min(1).max(200);
const optionalText = (max: number) => z.string().max(max).optional();
const names = z.array(z.string().min(1).max(300)).max(100).optional();

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
  addFact: z
    .object({
      articleId: id,
      quote: z.string().min(1).max(20000),
      type: optionalText(40),
      date: optionalText(10),
      approximate: z.boolean().optional(),
      people: names,
      places: names,
      organizations: names,
      tags: names,
      note: optionalText(20000),
      near: z.number().int().nonnegative().optional(),
    })
    .strict(),
  listFacts: z.object({ articleId: id.optional() }).strict(),
  deleteFact: z.object({ id }).strict(),
  search: z.object({ text: z.string().max(1000), limit: z.number().int().positive().max(1000).optional(), filters: SearchFiltersSchema.optional() }).strict(),
  archiveInfo: z.object({}).strict(),
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
  search: SearchHit[];
  archiveInfo: ArchiveInfo;
}

/** What `window.aqiqat` is in the renderer. */
export type AqiqatApi = { [M in Method]: (input: Input<M>) => Promise<Outputs[M]> };

/** What crosses the IPC boundary: errors travel as one-line messages, never as stacks. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false, error: string };

export const METHODS = Object.keys(inputs) as Method[];
export const IPC_CHANNEL = 'aqiqat:call';

/** The renderer-side API over any transport (Electron IPC in the preload, a Playwright binding in tests). */
export function makeClient(invoke: (method: Method, input: unknown) => Promise<IpcResult<unknown>>): AqiqatApi {
  const client = {} as Record<Method, (input: unknown) => Promise<unknown>>;
  for (const method of METHODS) {
    client[method] = async (input: unknown) => {
      const result = await invoke(method, input ?? {});
      if (!result.ok) throw new Error(result.error);
      return result.value;
    };
  }
  return client as unknown as AqiqatApi;
}

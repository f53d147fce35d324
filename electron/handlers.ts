/**
 * The main-process side of the API: validate, call the core, turn any failure into a one-line
 * message. main.ts registers it on IPC; the e2e tests bind the very same function into Chromium.
 */
import { Archive } from './archive/archive.js';
import { userMessage } from './archive/errors.js';
import { inputs, type ArchiveInfo, type IpcResult, type Method, type Outputs } from './api.js';

type Handlers = { [M in Method]: (input: import('zod').infer<(typeof inputs)[M]>) => Promise<Outputs[M]> };

export function createHandlers(archive: Archive, version: string): Handlers {
  return {
    listArticles: () => archive.listArticles(),
    getArticle: ({ id }) => archive.getArticle(id),
    importFile: (input) => archive.importArticle(input),
    addFact: (input) => archive.addFact(input),
    listFacts: ({ articleId }) => archive.listFacts(articleId),
    deleteFact: ({ id }) => archive.deleteFact(id),
    search: ({ text, limit, filters }) => archive.searchFiltered({ text, limit, filters }),
    archiveInfo: async (): Promise<ArchiveInfo> => ({ root: archive.root, version }),
  };
}

export function createDispatcher(archive: Archive, version: string) {
  const handlers = createHandlers(archive, version);
  return async (method: unknown, input: unknown): Promise<IpcResult<unknown>> => {
    if (typeof method !== 'string' || !Object.hasOwn(inputs, method)) {
      return { ok: false, error: `unknown call ${String(method).slice(0, 40)}` };
    }
    const m = method as Method;
    const parsed = inputs[m].safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: `invalid ${m} request: ${issue?.path.join('.') || 'input'} ${issue?.message ?? ''}`.trim() };
    }
    try {
      const handler = handlers[m] as (i: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (e) {
      return { ok: false, error: userMessage(e) };
    }
  };
}

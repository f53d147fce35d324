/**
 * The main-process side of the API: validate, call the core, turn any failure into a one-line
 * message. main.ts registers it on IPC; the e2e tests bind the very same function into Chromium.
 */
import { Archive } from './archive/archive.js';
import { userMessage } from './archive/errors.js';
import { previewDossier, saveDossierPdf, type DossierHost } from './archive/dossier/host.js';
import { inputs, type ArchiveInfo, type IpcResult, type Method, type Outputs } from './api.js';

type Handlers = { [M in Method]: (input: import('zod').infer<(typeof inputs)[M]>) => Promise<Outputs[M]> };

/** `dossier`: the app's printer, save dialog and preview window (absent in tests that do not print). */
export function createHandlers(archive: Archive, version: string, dossier?: DossierHost): Handlers {
  return {
    listArticles: () => archive.listArticles(),
    getArticle: ({ id }) => archive.getArticle(id),
    importFile: (input) => archive.importArticle(input),
    addFact: (input) => archive.addFact(input),
    listFacts: ({ articleId }) => archive.listFacts(articleId),
    deleteFact: ({ id }) => archive.deleteFact(id),
    search: ({ text, limit }) => archive.search(text, limit),
    archiveInfo: async (): Promise<ArchiveInfo> => ({ root: archive.root, version }),
    editFact: ({ id, ...patch }) => archive.editFact(id, patch),
    restoreFact: (input) => archive.restoreFact(input),
    listFactTypes: async () => archive.listFactTypes(),
    listEntities: async () => archive.listEntities(),
    addEntity: ({ name, kind, aliases }) => archive.addEntity(name, kind, aliases),
    renameEntity: ({ id, name }) => archive.renameEntity(id, name),
    addAliases: ({ id, aliases }) => archive.addAliases(id, aliases),
    mergeEntities: ({ keep, other }) => archive.mergeEntities(keep, other),
    getEntity: ({ id }) => archive.getEntity(id),
    listTags: () => archive.listTags(),
    renameTag: ({ from, to }) => archive.renameTag(from, to),
    mergeTag: ({ from, into }) => archive.mergeTag(from, into),
    createCase: ({ title, summary }) => archive.createCase(title, summary),
    listCases: async () => archive.listCases(),
    getCase: ({ id }) => archive.getCase(id),
    updateCase: ({ id, ...patch }) => archive.updateCase(id, patch),
    deleteCase: ({ id }) => archive.deleteCase(id),
    addFactsToCase: ({ id, factIds }) => archive.addFactsToCase(id, factIds),
    removeFactFromCase: ({ id, factId }) => archive.removeFactFromCase(id, factId),
    reorderCase: ({ id, factIds }) => archive.reorderCase(id, factIds),
    setArticleLanguage: ({ id, lang }) => archive.setArticleLanguage(id, lang),
    dossierPreview: (input) => previewDossier(archive, input, dossier),
    saveDossierPdf: (input) => saveDossierPdf(archive, input, dossier),
  };
}

export function createDispatcher(archive: Archive, version: string, dossier?: DossierHost) {
  const handlers = createHandlers(archive, version, dossier);
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

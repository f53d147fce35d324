/**
 * The main-process side of the API: validate, call the core, turn any failure into a one-line
 * message. main.ts registers it on IPC; the e2e tests bind the very same function into Chromium.
 */
import type { Archive } from './core/archive.js';
import { writeFileAtomic } from './core/storage/atomic.js';
import { AqiqatError, errorData } from './core/errors.js';
import { previewDossier, printDossierPdf, savedDossierEntry, type DossierHost } from './core/dossier/host.js';
import { inputs, type ArchiveInfo, type IpcResult, type Method, type Outputs } from './api.js';
import type { ArchiveSession } from './session.js';

type Handlers = { [M in Method]: (input: import('zod').infer<(typeof inputs)[M]>) => Promise<Outputs[M]> };

/** `dossier`: the app's printer, save dialog and preview window (absent in tests that do not print). */
export function createHandlers(session: ArchiveSession, version: string, dossier?: DossierHost): Handlers {
  // every archive call goes through the session: refused while locked, counted as activity
  const use = <T>(fn: (archive: Archive) => T | Promise<T>) => session.use(fn);
  let locks = 0;
  session.onLock(() => locks++);
  return {
    listArticles: () => use((a) => a.listArticles()),
    getArticle: ({ id }) => use((a) => a.getArticle(id)),
    importFile: (input) => use((a) => a.importArticle(input)),
    addFact: (input) => use((a) => a.addFact(input)),
    listFacts: ({ articleId }) => use((a) => a.listFacts(articleId)),
    deleteFact: ({ id }) => use((a) => a.deleteFact(id)),
    deleteArticle: ({ id }) => use((a) => a.deleteArticle(id)),
    search: ({ text, limit, filters }) => use((a) => a.searchFiltered({ text, limit, filters })),
    archiveInfo: async (): Promise<ArchiveInfo> => ({ root: session.root, version }),
    editFact: ({ id, ...patch }) => use((a) => a.editFact(id, patch)),
    restoreFact: (input) => use((a) => a.restoreFact(input)),
    listFactTypes: () => use((a) => a.listFactTypes()),
    listEntities: () => use((a) => a.listEntities()),
    addEntity: ({ name, kind, aliases }) => use((a) => a.addEntity(name, kind, aliases)),
    renameEntity: ({ id, name }) => use((a) => a.renameEntity(id, name)),
    addAliases: ({ id, aliases }) => use((a) => a.addAliases(id, aliases)),
    mergeEntities: ({ keep, other }) => use((a) => a.mergeEntities(keep, other)),
    getEntity: ({ id }) => use((a) => a.getEntity(id)),
    listTags: () => use((a) => a.listTags()),
    renameTag: ({ from, to }) => use((a) => a.renameTag(from, to)),
    mergeTag: ({ from, into }) => use((a) => a.mergeTag(from, into)),
    createCase: ({ title, summary }) => use((a) => a.createCase(title, summary)),
    listCases: () => use((a) => a.listCases()),
    getCase: ({ id }) => use((a) => a.getCase(id)),
    updateCase: ({ id, ...patch }) => use((a) => a.updateCase(id, patch)),
    deleteCase: ({ id }) => use((a) => a.deleteCase(id)),
    addFactsToCase: ({ id, factIds }) => use((a) => a.addFactsToCase(id, factIds)),
    removeFactFromCase: ({ id, factId }) => use((a) => a.removeFactFromCase(id, factId)),
    reorderCase: ({ id, factIds }) => use((a) => a.reorderCase(id, factIds)),
    setArticleLanguage: ({ id, lang }) => use((a) => a.setArticleLanguage(id, lang)),
    dossierPreview: (input) => use((a) => previewDossier(a, input, dossier)),
    saveDossierPdf: async (input) => {
      // counted inside use(): no lock can complete while the print is in flight
      const { printed, locksAtPrint } = await use(async (a) => ({
        printed: await printDossierPdf(a, input, dossier),
        locksAtPrint: locks,
      }));
      // the save dialog outside use(): left open, it must not hold off the idle lock (which closes it)
      const path = await dossier!.chooseSavePath(printed.fileName);
      // the write inside use(): refused while locked, and no lock can come between the check and the file
      const saved = await use(async () => {
        // whoever answered a save dialog that stayed open through a lock need not be who printed
        if (locks !== locksAtPrint) throw new AqiqatError('dossier.locked-during-save', {});
        if (path) await writeChosenFile(path, printed.pdf);
        return path;
      });
      // a lock right after the write: the line waits for the unlock rather than being lost
      if (saved) await session.audit(savedDossierEntry(printed, saved));
      return { path: saved, bytes: printed.pdf.length, facts: printed.facts };
    },
    // the session itself: these work while locked (status polling does not count as activity)
    sessionStatus: () => session.status(),
    unlock: ({ passphrase }) => session.unlock(passphrase),
    lock: () => session.lock('user'),
    touch: async () => {
      await session.touch();
      return null;
    },
    setIdleLock: ({ minutes }) => session.setIdleLock(minutes),
    encryptArchive: ({ passphrase }) => session.encrypt(passphrase),
    changePassphrase: ({ current, next, rekey }) => session.changePassphrase(current, next, rekey === true),
    restoreSnapshot: () => session.restoreSnapshot(),
  };
}

/** A folder the user picked may refuse the file (read-only, full, gone): one line, not "internal error". */
async function writeChosenFile(file: string, data: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(file, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw e;
    throw new AqiqatError('dossier.cannot-save', { file, reason: code });
  }
}

export function createDispatcher(session: ArchiveSession, version: string, dossier?: DossierHost) {
  const handlers = createHandlers(session, version, dossier);
  return async (method: unknown, input: unknown): Promise<IpcResult<unknown>> => {
    if (typeof method !== 'string' || !Object.hasOwn(inputs, method)) {
      return {
        ok: false,
        error: errorData(new AqiqatError('ipc.unknown-call', { method: String(method).slice(0, 40) })),
      };
    }
    const m = method as Method;
    const parsed = inputs[m].safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const params = { method: m, field: issue?.path.join('.') || 'input', issue: issue?.message ?? '' };
      return { ok: false, error: errorData(new AqiqatError('ipc.invalid-request', params)) };
    }
    try {
      const handler = handlers[m] as (i: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (e) {
      return { ok: false, error: errorData(e) };
    }
  };
}

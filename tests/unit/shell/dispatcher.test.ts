import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { makeClient, METHODS } from '../../../electron/api.js';
import { Archive } from '../../../electron/core/archive.js';
import { createDispatcher } from '../../../electron/handlers.js';
import { ArchiveSession } from '../../../electron/session.js';
import { SEED_ARTICLE, tempDir } from '../helpers.js';

async function setup() {
  const archive = await Archive.create(await tempDir());
  const dispatch = createDispatcher(ArchiveSession.of(archive), '1.2.3');
  return { archive, dispatch, api: makeClient((m, i) => dispatch(m, i)) };
}

describe('IPC dispatcher', () => {
  it('runs a validated call against the real core', async () => {
    const { api } = await setup();
    const { status, article } = await api.importFile({
      name: 'a.txt',
      bytes: new Uint8Array(await readFile(SEED_ARTICLE)),
    });
    expect(status).toBe('imported');
    expect((await api.listArticles({})).map((a) => a.id)).toEqual([article.id]);
    expect((await api.search({ text: 'Жексебаев' }))[0]?.id).toBe(article.id);
    expect(await api.archiveInfo({})).toMatchObject({ version: '1.2.3' });
  });

  it('refuses unknown calls and invalid arguments before touching the archive', async () => {
    const { dispatch } = await setup();
    expect(await dispatch('constructor', {})).toEqual({
      ok: false,
      error: { code: 'ipc.unknown-call', params: { method: 'constructor' }, message: 'unknown call constructor' },
    });
    expect(await dispatch(42, {})).toMatchObject({ ok: false });
    expect(await dispatch('importFile', { name: 'a.txt', bytes: 'not bytes' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^invalid importFile request: bytes/) },
    });
    expect(await dispatch('getArticle', { id: 'x', extra: true })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^invalid getArticle request/) },
    });
    expect(await dispatch('search', { text: 'x'.repeat(5000) })).toMatchObject({ ok: false });
  });

  it('turns core errors into one-line messages the client throws', async () => {
    const { api } = await setup();
    await expect(api.getArticle({ id: 'abcdef' })).rejects.toThrow(/^no article abcdef$/);
    await expect(api.deleteArticle({ id: 'abcdef' })).rejects.toThrow(/^no article abcdef$/);
  });

  it('deletes an article with its facts, naming what went', async () => {
    const { api, dispatch } = await setup();
    const { article } = await api.importFile({ name: 'a.txt', bytes: new Uint8Array(await readFile(SEED_ARTICLE)) });
    const fact = await api.addFact({ articleId: article.id, quote: '2009 жылы 14 жылға сотталған' });
    const c = await api.createCase({ title: 'Іс' });
    await api.addFactsToCase({ id: c.id, factIds: [fact.id] });
    expect(await dispatch('deleteArticle', { id: article.id, force: true })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^invalid deleteArticle request/) },
    });
    expect(await api.deleteArticle({ id: article.id })).toMatchObject({
      article: { id: article.id },
      factIds: [fact.id],
      cases: [{ id: c.id, facts: [] }],
    });
    expect(await api.listArticles({})).toEqual([]);
    expect(await api.search({ text: 'Жексебаев' })).toEqual([]);
  });

  it('covers every method of the contract', () => {
    const session = [
      'sessionStatus',
      'unlock',
      'lock',
      'touch',
      'setIdleLock',
      'encryptArchive',
      'changePassphrase',
      'restoreSnapshot',
    ];
    const annotation = [
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
    ];
    expect(METHODS.sort()).toEqual(
      [
        'addFact',
        'archiveInfo',
        'deleteArticle',
        'deleteFact',
        'getArticle',
        'importFile',
        'listArticles',
        'listFacts',
        'search',
        'setArticleLanguage',
        ...annotation,
        'dossierPreview',
        'saveDossierPdf',
        ...session,
      ].sort(),
    );
  });
});

describe('IPC dispatcher: annotation calls', () => {
  it('validates before the core runs and answers with one-line errors', async () => {
    const { dispatch, api } = await setup();
    expect(await dispatch('addFactsToCase', { id: 'c-aaaaa', factIds: [] })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^invalid addFactsToCase request: factIds/) },
    });
    expect(await dispatch('addEntity', { name: 'X', kind: 'planet' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^invalid addEntity request: kind/) },
    });
    expect(await dispatch('editFact', { id: 'x', roles: { A: 'hero' } })).toMatchObject({ ok: false });
    expect(await dispatch('restoreFact', { id: 'x' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^invalid restoreFact request/) },
    });
    await expect(api.getCase({ id: 'nothing' })).rejects.toThrow(/^no case "nothing"; see `aqiqat case list`$/);
    await expect(api.mergeEntities({ keep: 'a', other: 'b' })).rejects.toThrow(/^no person, place or organization "a"/);
    const c = await api.createCase({ title: 'Іс' });
    expect(await api.listCases({})).toEqual([expect.objectContaining({ id: c.id, title: 'Іс', facts: [] })]);
  });
});

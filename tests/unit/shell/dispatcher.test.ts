import { readFile } from 'node:fs/promises';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { makeClient, METHODS, type Input, type Output } from '../../../electron/api.js';
import type { ArticleDetail, CaseSummary, SavedDossier } from '../../../electron/api.js';
import { calls } from '../../../electron/calls.js';
import { annotationCalls } from '../../../electron/core/annotation/calls.js';
import { dossierCalls } from '../../../electron/core/dossier/calls.js';
import { packageCalls } from '../../../electron/core/package/calls.js';
import { protectionCalls } from '../../../electron/core/protection/calls.js';
import { importCalls } from '../../../electron/core/import/calls.js';
import { searchCalls } from '../../../electron/core/search/calls.js';
import { dossierShellCalls } from '../../../electron/dossier-calls.js';
import { teamShellCalls } from '../../../electron/team-calls.js';
import { teamCalls } from '../../../electron/core/team/calls.js';
import { sessionCalls } from '../../../electron/session-calls.js';
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
    expect(await dispatch('attachTimestamp', { response: 'not base64!' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^invalid attachTimestamp request: response/) },
    });
    // bytes that are not a response: one line from the core, nothing stored
    expect(await dispatch('attachTimestamp', { response: Buffer.from('<html>').toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'timestamp.malformed' },
    });
    expect(await dispatch('listTimestamps', {})).toEqual({ ok: true, value: { stamps: [], pending: [] } });
  });

  it('names a refused call on one line, control characters escaped', async () => {
    const { dispatch } = await setup();
    expect(await dispatch('x\n\u001b[2Jy', {})).toEqual({
      ok: false,
      error: {
        code: 'ipc.unknown-call',
        params: { method: 'x\\u000a\\u001b[2Jy' },
        message: 'unknown call x\\u000a\\u001b[2Jy',
      },
    });
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

  it('serves every method the preload lists, and lists every call the domains declare', async () => {
    const { dispatch } = await setup();
    const declared = [
      importCalls,
      annotationCalls,
      searchCalls,
      dossierCalls,
      protectionCalls,
      packageCalls,
      teamCalls,
      sessionCalls,
      dossierShellCalls,
      teamShellCalls,
    ];
    const names = declared.flatMap((domain) => Object.keys(domain));
    // no call declared twice (a later spread would silently replace the first)
    expect(new Set(names).size).toBe(names.length);
    expect([...METHODS].sort()).toEqual(Object.keys(calls).sort());
    expect(names.sort()).toEqual(Object.keys(calls).sort());
    for (const method of METHODS) {
      // a method the dispatcher knows is checked against its schema, never refused as unknown
      expect(await dispatch(method, { notAnInput: true })).toEqual({
        ok: false,
        error: {
          code: 'ipc.invalid-request',
          params: expect.objectContaining({ method }),
          message: expect.stringMatching(new RegExp(`^invalid ${method} request`)),
        },
      });
    }
  });

  it('infers each result type from its handler', () => {
    expectTypeOf<Output<'getArticle'>>().toEqualTypeOf<ArticleDetail>();
    expectTypeOf<Output<'listCases'>>().toEqualTypeOf<CaseSummary[]>();
    expectTypeOf<Output<'saveDossierPdf'>>().toEqualTypeOf<SavedDossier>();
    expectTypeOf<Output<'touch'>>().toEqualTypeOf<null>();
    expectTypeOf<Input<'setIdleLock'>>().toEqualTypeOf<{ minutes: number | null }>();
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

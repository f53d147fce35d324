/** Rebuilds in the index thread: the same index as inline, and a thread that dies leaves the index files as they were. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { AqiqatError } from '../../../../electron/shared/errors.js';
import { IndexedSearch } from '../../../../electron/core/search/indexed.js';
import { ArchiveStore } from '../../../../electron/core/storage/store.js';
import { tempDir } from '../../helpers.js';

// built by `node build/build-node.mjs`, like the CLI the other tests run
const BUILT_WORKER = path.resolve('dist/cli/index-worker.js');
const enc = (s: string) => new TextEncoder().encode(s);

async function archiveWith(...texts: string[]): Promise<string> {
  const dir = await tempDir();
  const archive = await Archive.create(dir);
  for (const [i, t] of texts.entries()) await archive.importArticle({ bytes: enc(t), name: `${i}.txt` });
  await archive.close();
  return dir;
}

const hits = async (engine: IndexedSearch, text: string) => (await engine.search({ text })).map((h) => h.title).sort();

describe('index thread', () => {
  it('builds in the thread the same index as inline, with progress', async () => {
    const dir = await archiveWith('Жәкішевтің шағымы қаралды', 'Суд отказал Джакишеву', 'Алматыда пикет өтті');
    const store = await ArchiveStore.open(dir);
    const progress: Array<[number, number]> = [];
    const threaded = new IndexedSearch(store, { indexWorker: BUILT_WORKER });
    const status = await threaded.reindex((done, total) => progress.push([done, total]));
    expect(status).toMatchObject({ documents: 3, rebuilt: 'reindex' });
    expect(progress.at(-1)).toEqual([3, 3]);
    const inThread = await hits(threaded, 'Zhakishev');
    expect(inThread).toHaveLength(2);
    const inline = new IndexedSearch(store, { indexWorker: null });
    await inline.reindex();
    expect(await hits(inline, 'Zhakishev')).toEqual(inThread);
    await store.close();
  });

  it('a thread that dies midway: a one-line error, the index files untouched, the old index still loads', async () => {
    const dir = await archiveWith('Жәкішевтің шағымы қаралды', 'Алматыда пикет өтті');
    const store = await ArchiveStore.open(dir);
    await new IndexedSearch(store, { indexWorker: null }).reindex();
    const idx = path.join(dir, 'index', 'search.idx');
    const journal = path.join(dir, 'index', 'search.journal');
    const [before, journalBefore] = await Promise.all([readFile(idx), readFile(journal)]);
    const dying = path.join(await tempDir(), 'dying-worker.mjs');
    await writeFile(
      dying,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (m) => { if (m.type === 'items') process.exit(7); });\n",
    );
    const error = await new IndexedSearch(store, { indexWorker: dying }).reindex().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AqiqatError);
    expect((error as AqiqatError).code).toBe('search.index-thread-failed');
    expect((error as AqiqatError).message).not.toContain('\n');
    expect((error as AqiqatError).message).toContain('exit code 7');
    expect(await readFile(idx)).toEqual(before);
    expect(await readFile(journal)).toEqual(journalBefore);
    const again = new IndexedSearch(store, { indexWorker: null });
    expect(await hits(again, 'пикет')).toHaveLength(1);
    expect(again.status.rebuilt).toBe('no');
    await store.close();
  });
});

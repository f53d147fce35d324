/** Rebuilds in the index thread: the same index as inline, and a thread that dies leaves the index files as they were. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { importArticle } from '../../../../electron/core/import/articles.js';
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

/** An archive of these texts whose index is built (inline), closed. */
async function indexedArchive(...texts: string[]): Promise<string> {
  const dir = await archiveWith(...texts);
  const store = await ArchiveStore.open(dir);
  await new IndexedSearch(store, { indexWorker: null }).reindex();
  await store.close();
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

  /** A thread that does what `body` says (the real worker by default) and notes each message's type in `marks`. */
  async function spyWorker(body = `await import(${JSON.stringify(pathToFileURL(BUILT_WORKER).href)});`) {
    const dir = await tempDir();
    const marks = path.join(dir, 'marks');
    const file = path.join(dir, 'spy-worker.mjs');
    await writeFile(
      file,
      `import { appendFileSync } from 'node:fs';\nimport { parentPort } from 'node:worker_threads';\n${body}\n` +
        `parentPort.on('message', (m) => appendFileSync(${JSON.stringify(marks)}, m.type + '\\n'));\n`,
    );
    return { file, marks: async () => (await readFile(marks, 'utf8').catch(() => '')).split('\n').filter(Boolean) };
  }

  const journalLines = async (dir: string) =>
    (await readFile(path.join(dir, 'index', 'search.journal'), 'utf8')).split('\n').filter(Boolean).length;

  const add = (store: ArchiveStore, text: string, name: string) =>
    importArticle(store, { bytes: enc(text), name, title: text.split(' ')[0]! });

  it('compacts in the thread: the journal starts again, and the merged base answers as before and after a restart', async () => {
    const dir = await indexedArchive('Жәкішевтің шағымы қаралды', 'Алматыда пикет өтті');
    const store = await ArchiveStore.open(dir);
    const spy = await spyWorker();
    const engine = new IndexedSearch(store, { indexWorker: spy.file, compactAfter: 2 });
    await engine.search({ text: 'пикет' });
    await add(store, 'Джакишев освобождён', 'a.txt');
    await add(store, 'Пикет в Алматы', 'b.txt');
    expect(await journalLines(dir)).toBe(3);
    await add(store, 'Zhakishev appeal', 'c.txt');
    expect(await hits(engine, 'Zhakishev')).toEqual(['Zhakishev', 'Джакишев', 'Жәкішевтің шағымы қаралды']);
    expect(await hits(engine, 'пикет')).toEqual(['Алматыда пикет өтті', 'Пикет']);
    expect(await spy.marks()).toContain('compact');
    expect(await journalLines(dir)).toBe(1);
    const again = new IndexedSearch(store, { indexWorker: null });
    expect(await hits(again, 'Zhakishev')).toEqual(['Zhakishev', 'Джакишев', 'Жәкішевтің шағымы қаралды']);
    expect(again.status).toMatchObject({ rebuilt: 'no', documents: 5, journal: 0 });
    await store.close();
  });

  it('merges a repair of shards changed behind its back in the thread', async () => {
    const dir = await indexedArchive('Жәкішевтің шағымы қаралды', 'Алматыда пикет өтті');
    // imported with no engine listening, as if the process died before the journal line
    const bare = await ArchiveStore.open(dir);
    await add(bare, 'Ақтөбеде ереуіл басталды', 'e.txt');
    await bare.close();
    const store = await ArchiveStore.open(dir);
    const spy = await spyWorker();
    const engine = new IndexedSearch(store, { indexWorker: spy.file });
    expect(await hits(engine, 'Aktobe')).toEqual(['Ақтөбеде']);
    expect(engine.status.repairedShards).toBe(1);
    expect(await spy.marks()).toEqual(['compact']);
    const again = new IndexedSearch(store, { indexWorker: null });
    expect(await hits(again, 'Aktobe')).toEqual(['Ақтөбеде']);
    expect(await hits(again, 'пикет')).toEqual(['Алматыда пикет өтті']);
    expect(again.status).toMatchObject({ rebuilt: 'no', repairedShards: 0, documents: 3 });
    await store.close();
  });

  it('a compaction thread that dies: the index is loaded again and compacted here, nothing lost', async () => {
    const dir = await indexedArchive('Жәкішевтің шағымы қаралды', 'Алматыда пикет өтті');
    const store = await ArchiveStore.open(dir);
    const spy = await spyWorker(
      "parentPort.on('message', (m) => { if (m.type === 'compact') setImmediate(() => process.exit(9)); });",
    );
    const engine = new IndexedSearch(store, { indexWorker: spy.file, compactAfter: 2 });
    await engine.search({ text: 'пикет' });
    for (const [i, t] of ['Джакишев освобождён', 'Пикет в Алматы', 'Zhakishev appeal'].entries())
      await add(store, t, `${i}.txt`);
    expect(await hits(engine, 'Zhakishev')).toEqual(['Zhakishev', 'Джакишев', 'Жәкішевтің шағымы қаралды']);
    expect(await spy.marks()).toEqual(['compact']);
    expect(await journalLines(dir)).toBe(1);
    const again = new IndexedSearch(store, { indexWorker: null });
    expect(await hits(again, 'пикет')).toEqual(['Алматыда пикет өтті', 'Пикет']);
    expect(again.status).toMatchObject({ rebuilt: 'no', documents: 5 });
    await store.close();
  });
});

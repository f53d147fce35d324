/** The persisted index: incremental, loaded without re-indexing, rebuilt when missing/corrupt, repaired when stale. */
import { appendFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { importArticle } from '../../../../electron/core/import/articles.js';
import { createSampleArchive } from '../../../../electron/core/import/sample.js';
import { ArchiveStore } from '../../../../electron/core/storage/store.js';
import { SAMPLE_DIR, tempDir } from '../../helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);
const idx = (dir: string) => path.join(dir, 'index', 'search.idx');
const journal = (dir: string) => path.join(dir, 'index', 'search.journal');
const mtime = async (f: string) => (await stat(f)).mtimeMs;

async function archiveWith(...texts: string[]): Promise<{ dir: string; archive: Archive; ids: string[] }> {
  const dir = await tempDir();
  const archive = await Archive.create(dir);
  const ids: string[] = [];
  for (const [i, t] of texts.entries())
    ids.push((await archive.importArticle({ bytes: enc(t), name: `${i}.txt` })).article.id);
  return { dir, archive, ids };
}

const articleIds = async (a: Archive, q: string) => (await a.search(q, 100)).map((h) => h.articleId);

describe('search index on disk', () => {
  it('is built at the first search and then loaded, not rebuilt, by a new process', async () => {
    const { dir, archive, ids } = await archiveWith('Жәкішевтің шағымы қаралды', 'Суд отказал Джакишеву');
    expect((await articleIds(archive, 'Zhakishev')).sort()).toEqual([...ids].sort());
    const built = await mtime(idx(dir));
    const again = await Archive.open(dir);
    expect((await articleIds(again, 'Zhakishev')).sort()).toEqual([...ids].sort());
    expect(await mtime(idx(dir))).toBe(built);
  });

  it('adds an import and a fact incrementally (journal, no rebuild), and forgets a deleted fact', async () => {
    const { dir, archive } = await archiveWith('Алматыда пикет өтті');
    await archive.search('пикет');
    const built = await mtime(idx(dir));
    const { article } = await archive.importArticle({
      bytes: enc('Өскеменде сот Жәкішевтің өтінішін қанағаттандырмады.'),
      name: 'b.txt',
    });
    expect(await articleIds(archive, 'Oskemen')).toEqual([article.id]);
    const fact = await archive.addFact({ articleId: article.id, quote: 'сот Жәкішевтің өтінішін' });
    expect((await archive.search('Dzhakishev')).map((h) => h.id)).toContain(fact.id);
    expect(await mtime(idx(dir))).toBe(built);
    expect((await readFile(journal(dir), 'utf8')).split('\n').filter(Boolean)).toHaveLength(3);

    // a new process replays the journal
    const reopened = await Archive.open(dir);
    expect((await reopened.search('Dzhakishev')).map((h) => h.id)).toContain(fact.id);
    await reopened.deleteFact(fact.id);
    expect((await reopened.search('Dzhakishev')).map((h) => h.id)).not.toContain(fact.id);
    expect((await (await Archive.open(dir)).search('Dzhakishev')).map((h) => h.id)).toEqual([article.id]);
  });

  it('hears of changes made by another process while it was not loaded (the CLI)', async () => {
    const { dir, archive } = await archiveWith('Бірінші мақала');
    await archive.search('мақала');
    const cli = await Archive.open(dir); // never searches: appends to the journal only
    const { article } = await cli.importArticle({ bytes: enc('Шымкентте сот отырысы'), name: 'c.txt' });
    expect(await articleIds(await Archive.open(dir), 'Shymkent')).toEqual([article.id]);
  });

  it('a loaded index picks up what another process added meanwhile (the app open while the CLI imports)', async () => {
    const { dir, archive } = await archiveWith('Бірінші мақала');
    await archive.search('мақала');
    const cli = await Archive.open(dir);
    const { article } = await cli.importArticle({ bytes: enc('Талдықорғанда жиын өтті'), name: 'f.txt' });
    expect(await articleIds(archive, 'Taldykorgan')).toEqual([article.id]);
    // and after the other process rebuilt the index
    await cli.reindex();
    const second = (await cli.importArticle({ bytes: enc('Талдықорғандағы сот'), name: 'g.txt' })).article;
    expect((await articleIds(archive, 'Taldykorgan')).sort()).toEqual([article.id, second.id].sort());
  });

  it('rebuilds a missing, garbage, truncated or hand-edited index file', async () => {
    const { dir, archive, ids } = await archiveWith('Жәкішевтің шағымы қаралды');
    await archive.search('x');
    const good = await readFile(idx(dir));
    const damage: Array<[string, () => Promise<void>]> = [
      ['missing', () => rm(idx(dir))],
      ['garbage', () => writeFile(idx(dir), 'not an index at all')],
      ['truncated', () => writeFile(idx(dir), good.subarray(0, Math.floor(good.length * 0.6)))],
      ['postings cut', () => writeFile(idx(dir), good.subarray(0, good.length - 2))],
      [
        'edited header',
        async () => {
          // same length, so the rest of the file stays in place: a column now claims the wrong type
          const text = good.toString('latin1');
          expect(text).toContain('"kind":"u32"');
          await writeFile(
            idx(dir),
            Buffer.from(text.replace('"kind":"u32"', '"kind":"u16"').replace('"name":"ids"', '"name":"idz"'), 'latin1'),
          );
        },
      ],
      ['empty', () => writeFile(idx(dir), '')],
      [
        'header says more documents',
        async () => {
          const text = good.toString('latin1');
          await writeFile(
            idx(dir),
            Buffer.from(
              text.replace(/"docs":(\d)/, (_m, n: string) => `"docs":${(Number(n) + 1) % 10}`),
              'latin1',
            ),
          );
        },
      ],
    ];
    for (const [what, harm] of damage) {
      await harm();
      expect(await articleIds(await Archive.open(dir), 'Zhakishev'), what).toEqual(ids);
      expect((await readFile(idx(dir))).subarray(0, 8).toString(), what).toBe('AQIQATIX');
    }
  });

  it('survives a corrupt journal: bad lines are skipped and the stale shard is indexed again', async () => {
    const { dir, archive } = await archiveWith('Бірінші мақала');
    await archive.search('мақала');
    const { article } = await archive.importArticle({ bytes: enc('Семейде акция өтті'), name: 'd.txt' });
    await appendFile(journal(dir), '{"add": {"kind": "article"}, "fp": {}}\n{not json\n');
    // the journal line of the import is lost too: the shard's fingerprint tells
    const lines = (await readFile(journal(dir), 'utf8')).split('\n');
    await writeFile(journal(dir), [lines[0], ...lines.slice(2)].join('\n'));
    expect(await articleIds(await Archive.open(dir), 'Semey')).toEqual([article.id]);
  });

  it('re-indexes a shard changed behind its back (a crash between a save and the journal)', async () => {
    const { dir, archive } = await archiveWith('Бірінші мақала');
    await archive.search('мақала');
    // the store alone: no search engine listens, as if the process died before the journal line
    const store = await ArchiveStore.open(dir);
    const { article } = await importArticle(store, { bytes: enc('Ақтөбеде ереуіл басталды'), name: 'e.txt' });
    expect(await articleIds(await Archive.open(dir), 'Aktobe')).toEqual([article.id]);
  });

  it('aqiqat reindex builds it again from the archive with progress', async () => {
    const archive = await createSampleArchive(await tempDir(), SAMPLE_DIR);
    const progress: Array<[number, number]> = [];
    const status = await archive.reindex((done, total) => progress.push([done, total]));
    // one document per article and one per fact
    const documents = (await archive.listArticles()).length + (await archive.listFacts()).length;
    expect(documents).toBeGreaterThan(1);
    expect(status).toMatchObject({ documents, rebuilt: 'reindex' });
    expect(progress.at(-1)).toEqual([1, 1]);
    const [hit] = await archive.search('Zhakishev');
    expect(hit!.highlights.map(([s, e]) => hit!.snippet.slice(s, e))).toContain('Жәкішевті');
  });

  it('refuses a malformed gazetteer.json of the archive with one line', async () => {
    const { dir } = await archiveWith('мақала');
    await writeFile(
      path.join(dir, 'gazetteer.json'),
      '{"schemaVersion": 1, "groups": [{"kind": "city", "names": []}]}',
    );
    await expect((await Archive.open(dir)).search('мақала')).rejects.toThrow(
      /^.*gazetteer\.json is malformed at groups\.0\.kind/,
    );
  });

  it('uses an archive’s own gazetteer.json', async () => {
    const { dir, ids } = await archiveWith('Жители Лисаковска вышли на митинг');
    await writeFile(
      path.join(dir, 'gazetteer.json'),
      JSON.stringify({ schemaVersion: 1, groups: [{ kind: 'place', names: ['Лисаковск', 'Lisakovsk', 'Лисаковка'] }] }),
    );
    expect(await articleIds(await Archive.open(dir), 'Лисаковка')).toEqual(ids);
  });
});

describe('search index at scale', () => {
  it('saves and loads a vocabulary of 150k words (no argument-spread limits)', async () => {
    const { Analyzer } = await import('../../../../electron/core/search/analyze.js');
    const { SearchIndex } = await import('../../../../electron/core/search/index.js');
    const { encodeBase, loadBase } = await import('../../../../electron/core/search/persist.js');
    const index = new SearchIndex(new Analyzer());
    const weights = new Map<string, number>();
    for (let i = 0; i < 150_000; i++) weights.set(`w${i.toString(36)}`, 1);
    const meta = {
      kind: 'article' as const,
      id: 'aaaaaaaaaaaa',
      articleId: 'aaaaaaaaaaaa',
      published: 20200101,
      lang: 'kk',
      title: 't',
      textSha256: '',
      type: '',
      date: '',
      start: 0,
      end: 0,
      tags: [],
      entities: [],
    };
    index.addDoc(meta, weights);
    const file = path.join(await tempDir(), 'big.idx');
    await writeFile(file, encodeBase(index, 'a', 'e', {}));
    const loaded = new SearchIndex(new Analyzer());
    expect(await loadBase(file, loaded, 'a')).toMatchObject({ epoch: 'e' });
    expect(loaded.vocabSize).toBe(150_000);
    expect(loaded.byLower.get('w2bi')).toEqual([loaded.knownVocabId('w2bi')]);
  }, 90_000);
});

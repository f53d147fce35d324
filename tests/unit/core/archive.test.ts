import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../electron/core/archive.js';
import { sha256Hex } from '../../../electron/core/import/articles.js';
import { createSampleArchive } from '../../../electron/core/import/sample.js';
import { SAMPLE_DIR, SEED_ARTICLE, snapshot, tempDir } from '../helpers.js';
import { storeForTests } from '../../../electron/core/storage/test-door.js';

const enc = (s: string) => new TextEncoder().encode(s);

async function withSeed() {
  const dir = await tempDir();
  const archive = await Archive.create(dir);
  const bytes = await readFile(SEED_ARTICLE);
  const { article } = await archive.importArticle({
    bytes,
    name: 'seed-article-kk.txt',
    url: 'https://example.org/a',
    publishedAt: '2020-10-20',
  });
  return { dir, archive, article, bytes };
}

describe('import', () => {
  it('keeps the original bytes and the text, content-addressed, with provenance', async () => {
    const { dir, article, bytes } = await withSeed();
    expect(article.sha256).toBe(sha256Hex(bytes));
    expect(article.lang).toBe('kk');
    expect(article.title.startsWith('16 қазанда Алматыда')).toBe(true);
    expect(article.url).toBe('https://example.org/a');
    expect(article.publishedAt).toBe('2020-10-20');
    expect(await readFile(path.join(dir, 'sources', `${article.sha256}.txt`))).toEqual(bytes);
    const text = await readFile(path.join(dir, 'texts', `${article.textSha256}.txt`), 'utf8');
    expect(sha256Hex(text)).toBe(article.textSha256);
    expect(text).toContain('Мұхтар Жәкішев');
  });

  it('adds nothing for the same bytes and says which article they are', async () => {
    const { dir, archive, article, bytes } = await withSeed();
    const before = await snapshot(dir);
    const again = await archive.importArticle({ bytes, name: 'copy.txt' });
    expect(again).toEqual({ status: 'duplicate', article });
    expect(await snapshot(dir)).toEqual(before);
  });

  it.each([
    ['empty', new Uint8Array(), 'x.txt', /x\.txt is empty/],
    ['white space only', enc(' \n\t\n'), 'x.txt', /x\.txt holds no text/],
    ['binary', new Uint8Array([1, 2, 0, 3]), 'x.txt', /looks binary/],
    ['Windows-1251', new Uint8Array([0xcf, 0xf0, 0xe8]), 'x.txt', /not UTF-8/],
    ['an .exe', enc('MZ'), 'x.exe', /\.exe files cannot be imported; use \.txt/],
    ['a broken .pdf', enc('%PDF-1.7'), 'x.pdf', /x\.pdf is not a readable PDF/],
  ])('refuses %s input and writes nothing', async (_name, bytes, name, message) => {
    const dir = await tempDir();
    const archive = await Archive.create(dir);
    const before = await snapshot(dir);
    await expect(archive.importArticle({ bytes, name })).rejects.toThrow(message);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses a bad URL or date before writing anything', async () => {
    const dir = await tempDir();
    const archive = await Archive.create(dir);
    const before = await snapshot(dir);
    await expect(
      archive.importArticle({ bytes: enc('Мәтін'), name: 'a.txt', url: 'javascript:alert(1)' }),
    ).rejects.toThrow(/not a web address/);
    await expect(
      archive.importArticle({ bytes: enc('Мәтін'), name: 'a.txt', publishedAt: '20.10.2020' }),
    ).rejects.toThrow(/YYYY-MM-DD/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('honours --title and --lang', async () => {
    const archive = await Archive.create(await tempDir());
    const { article } = await archive.importArticle({
      bytes: enc('first line\nbody'),
      name: 'a.txt',
      title: '  Own title ',
      lang: 'ru',
    });
    expect(article.title).toBe('Own title');
    expect(article.lang).toBe('ru');
  });

  it('lists newest first and finds an article by an id prefix', async () => {
    const archive = await Archive.create(await tempDir());
    const old = (await archive.importArticle({ bytes: enc('Ескі'), name: 'a.txt', publishedAt: '2019-01-01' })).article;
    const recent = (await archive.importArticle({ bytes: enc('Жаңа'), name: 'b.txt', publishedAt: '2021-01-01' }))
      .article;
    expect((await archive.listArticles()).map((a) => a.id)).toEqual([recent.id, old.id]);
    expect((await archive.getArticle(old.id.slice(0, 6))).article.id).toBe(old.id);
    await expect(archive.getArticle('zz')).rejects.toThrow(/not an article id/);
    await expect(archive.getArticle('0000000000ff')).rejects.toThrow(/no article 0000000000ff/);
  });
});

describe('facts', () => {
  it('adds a fact by quote with type, dated precision, entities and tags; persists it', async () => {
    const { dir, archive, article } = await withSeed();
    const fact = await archive.addFact({
      articleId: article.id,
      quote: '2009 жылы 14 жылға сотталған',
      type: 'Sentence',
      date: '2009',
      people: ['Мұхтар Жәкішев', 'мұхтар  жәкішев'],
      places: ['Өскемен'],
      tags: ['Violations/Unfair trial'],
      note: 'Verdict of the Astana court',
    });
    expect(fact).toMatchObject({
      articleId: article.id,
      quote: '2009 жылы 14 жылға сотталған',
      type: 'sentence',
      date: { value: '2009', precision: 'year', approximate: false },
      people: ['Мұхтар Жәкішев'],
      places: ['Өскемен'],
      tags: ['violations/unfair-trial'],
    });
    const text = (await archive.getArticle(article.id)).text;
    expect(text.slice(fact.anchor.start, fact.anchor.end)).toBe(fact.quote);
    const reopened = await Archive.open(dir);
    expect(await reopened.listFacts()).toEqual([fact]);
    expect(await reopened.listFacts(article.id)).toEqual([fact]);
    const meta = JSON.parse(await readFile(path.join(dir, 'archive.json'), 'utf8'));
    expect(meta.tags.map((t: { path: string }) => t.path)).toEqual(['violations', 'violations/unfair-trial']);
  });

  it('reuses an entity found by name or alias instead of making a twin', async () => {
    const { archive, article } = await withSeed();
    const a = await archive.addFact({
      articleId: article.id,
      quote: 'Оның наразылық шарасы',
      people: ['Асхат Жексебаев'],
    });
    const b = await archive.addFact({
      articleId: article.id,
      quote: '4 қазанда басталған',
      people: ['АСХАТ ЖЕКСЕБАЕВ'],
    });
    expect(b.people).toEqual(a.people);
    expect(storeForTests(archive).meta.data.entities).toHaveLength(1);
  });

  it('refuses a quote that is not in the article, showing the closest passage, and writes nothing', async () => {
    const { dir, archive, article } = await withSeed();
    const before = await snapshot(dir);
    await expect(
      archive.addFact({ articleId: article.id, quote: '2010 жылы 15 жылға сотталған', people: ['Жаңа Адам'] }),
    ).rejects.toThrow(/quote is not in article .*closest passage is: "2009 жылы 14 жылға сотталған"/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses a bad type or date without writing', async () => {
    const { dir, archive, article } = await withSeed();
    const before = await snapshot(dir);
    await expect(archive.addFact({ articleId: article.id, quote: 'пикет', type: 'two words' })).rejects.toThrow(
      /fact type/,
    );
    await expect(archive.addFact({ articleId: article.id, quote: 'пикет', date: '2020-02-30' })).rejects.toThrow(
      /no day 30/,
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('deletes a fact and only that fact', async () => {
    const { archive, article } = await withSeed();
    const keep = await archive.addFact({ articleId: article.id, quote: 'Оның наразылық шарасы' });
    const gone = await archive.addFact({ articleId: article.id, quote: '4 қазанда басталған' });
    expect((await archive.deleteFact(gone.id)).id).toBe(gone.id);
    expect((await archive.listFacts()).map((f) => f.id)).toEqual([keep.id]);
    await expect(archive.deleteFact(gone.id)).rejects.toThrow(/no fact/);
    await expect(archive.deleteFact('nonsense')).rejects.toThrow(/not a fact id/);
  });
});

describe('search through the Archive', () => {
  it('finds words case-insensitively in texts with a highlighted snippet', async () => {
    const { archive, article } = await withSeed();
    const [hit] = await archive.search('жексебаев');
    expect(hit).toMatchObject({ kind: 'article', id: article.id, articleId: article.id });
    const [s, e] = hit!.highlights[0]!;
    expect(hit!.snippet.slice(s, e)).toBe('Жексебаев');
  });

  it('matches inflected Kazakh forms by word prefix, whole words first', async () => {
    const archive = await Archive.create(await tempDir());
    const inflected = (await archive.importArticle({ bytes: enc('Жәкішевтің шағымы қаралды'), name: 'a.txt' })).article;
    const exact = (await archive.importArticle({ bytes: enc('Мұхтар Жәкішев сотталды'), name: 'b.txt' })).article;
    expect((await archive.search('Жәкішев')).map((h) => h.id)).toEqual([exact.id, inflected.id]);
  });

  it('requires every word and finds fact quotes as their own hits', async () => {
    const { archive, article } = await withSeed();
    const fact = await archive.addFact({ articleId: article.id, quote: '2009 жылы 14 жылға сотталған' });
    const hits = await archive.search('14 жылға');
    expect(hits.map((h) => h.kind).sort()).toEqual(['article', 'fact']);
    expect(hits.find((h) => h.kind === 'fact')?.id).toBe(fact.id);
    expect(await archive.search('жылға марсқа')).toEqual([]);
    expect(await archive.search('  ')).toEqual([]);
  });
});

describe('sample archive', () => {
  it('holds the sample article with its facts, each quote found in the text', async () => {
    const archive = await createSampleArchive(await tempDir(), SAMPLE_DIR);
    const [article] = await archive.listArticles();
    const detail = await archive.getArticle(article!.id);
    const sample = JSON.parse(await readFile(path.join(SAMPLE_DIR, 'sample.json'), 'utf8'));
    expect(detail.facts).toHaveLength(sample.articles[0].facts.length);
    for (const f of detail.facts) expect(detail.text.slice(f.anchor.start, f.anchor.end)).toBe(f.quote);
    expect(detail.facts.map((f) => f.date?.value)).toContain('2020-09');
    // the sample case shows a real chronology: at least 8 typed, dated facts
    const [c] = archive.listCases();
    const shown = await archive.getCase(c!.id);
    expect(shown.facts.filter((f) => f.date && f.type !== 'statement').length).toBeGreaterThanOrEqual(8);
    expect(shown.facts.map((f) => f.type)).toEqual(
      expect.arrayContaining([
        'picket',
        'protest',
        'administrative-arrest',
        'sentence',
        'un-decision',
        'parole-denied',
      ]),
    );
    expect(archive.listEntities().find((e) => e.name === 'Мұхтар Жәкішев')!.aliases).toContain('Mukhtar Dzhakishev');
  });
});

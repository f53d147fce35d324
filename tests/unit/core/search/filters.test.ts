import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { createSampleArchive } from '../../../../electron/core/import/sample.js';
import { dayRange } from '../../../../electron/core/search/filters.js';
import { SAMPLE_DIR, tempDir } from '../../helpers.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';

const enc = (s: string) => new TextEncoder().encode(s);

async function fixture() {
  const archive = await createSampleArchive(await tempDir(), SAMPLE_DIR);
  const [kk] = await archive.listArticles();
  const ru = (
    await archive.importArticle({
      bytes: enc('Суд в Усть-Каменогорске отказал Джакишеву в УДО. Пикет Жексебаева прошёл в Алматы.'),
      name: 'ru.txt',
      publishedAt: '2021-03-01',
      lang: 'ru',
    })
  ).article;
  // the place entity gets its other names as aliases
  const place = storeForTests(archive).meta.data.entities.find((e) => e.name === 'Өскемен')!;
  place.aliases.push('Усть-Каменогорск', 'Oskemen');
  await storeForTests(archive).save(storeForTests(archive).meta);
  const ruFact = await archive.addFact({
    articleId: ru.id,
    quote: 'отказал Джакишеву в УДО',
    type: 'parole-denied',
    date: '2021-02',
    people: ['Мұхтар Жәкішев'],
    places: ['Усть-Каменогорск'],
    tags: ['violations/arbitrary-detention'],
  });
  return { archive, kk: kk!, ru, ruFact };
}

const kinds = (hits: Array<{ kind: string; id: string }>) => hits.map((h) => `${h.kind}:${h.id}`);

describe('search filters', () => {
  it('kind: only articles or only facts', async () => {
    const { archive } = await fixture();
    const all = await archive.searchFiltered({ text: 'Жәкішев' });
    expect(new Set(all.map((h) => h.kind))).toEqual(new Set(['article', 'fact']));
    expect(
      (await archive.searchFiltered({ text: 'Жәкішев', filters: { kind: 'fact' } })).every((h) => h.kind === 'fact'),
    ).toBe(true);
    expect(
      (await archive.searchFiltered({ text: 'Жәкішев', filters: { kind: 'article' } })).every(
        (h) => h.kind === 'article',
      ),
    ).toBe(true);
  });

  it('fact type, event date and tags (a tag includes its sub-tags)', async () => {
    const { archive, ru, ruFact } = await fixture();
    const parole = await archive.searchFiltered({ text: 'Джакишев', filters: { types: ['parole-denied'] } });
    expect(parole.filter((h) => h.kind === 'fact').length).toBe(2);
    expect(parole.filter((h) => h.kind === 'article').map((h) => h.id)).toContain(ru.id);
    const in2021 = await archive.searchFiltered({ text: 'Джакишев', filters: { kind: 'fact', eventFrom: '2021' } });
    expect(kinds(in2021)).toEqual([`fact:${ruFact.id}`]);
    const upTo2015 = await archive.searchFiltered({ text: 'Жәкішев', filters: { kind: 'fact', eventTo: '2015-06' } });
    expect(upTo2015.length).toBeGreaterThan(0);
    expect(upTo2015.map((h) => h.id)).not.toContain(ruFact.id);
    const tagged = await archive.searchFiltered({ text: 'Жәкішев', filters: { kind: 'fact', tags: ['violations'] } });
    // exactly the unfiltered fact hits tagged violations or below it
    const byId = new Map((await archive.listFacts()).map((f) => [f.id, f]));
    const all = await archive.searchFiltered({ text: 'Жәкішев', filters: { kind: 'fact' } });
    const underViolations = all.filter((h) =>
      byId.get(h.id)!.tags.some((t) => t === 'violations' || t.startsWith('violations/')),
    );
    expect(underViolations.length).toBeGreaterThan(1);
    expect(underViolations.length).toBeLessThan(all.length);
    expect(tagged.map((h) => h.id).sort()).toEqual(underViolations.map((h) => h.id).sort());
    expect(await archive.searchFiltered({ text: 'Жәкішев', filters: { tags: ['violations/torture'] } })).toEqual([]);
  });

  it('person and place by name or alias, language and published date', async () => {
    const { archive, kk, ru } = await fixture();
    const byPlace = await archive.searchFiltered({ text: 'Жәкішев', filters: { places: ['Oskemen'] } });
    expect(byPlace.some((h) => h.articleId === ru.id)).toBe(true);
    expect(byPlace.some((h) => h.articleId === kk.id)).toBe(true);
    const byPerson = await archive.searchFiltered({ text: 'пикет', filters: { people: ['Асхат Жексебаев'] } });
    expect(byPerson.map((h) => h.articleId)).toEqual(expect.arrayContaining([kk.id]));
    expect(byPerson.map((h) => h.articleId)).not.toContain(ru.id);
    expect(
      (await archive.searchFiltered({ text: 'Жәкішев', filters: { langs: ['ru'] } })).every(
        (h) => h.articleId === ru.id,
      ),
    ).toBe(true);
    expect(
      (await archive.searchFiltered({ text: 'Жәкішев', filters: { publishedTo: '2020' } })).every(
        (h) => h.articleId === kk.id,
      ),
    ).toBe(true);
    await expect(archive.searchFiltered({ text: 'x', filters: { people: ['Nobody'] } })).rejects.toThrow(
      'no person named "Nobody" in the archive',
    );
    await expect(archive.searchFiltered({ text: 'x', filters: { case: 'nope' } })).rejects.toThrow('no case "nope"');
  });

  it('case: the facts of a case and their articles', async () => {
    const { archive, ru, ruFact } = await fixture();
    storeForTests(archive).meta.data.cases.push({
      id: 'c-1',
      title: 'Жәкішев ісі',
      summary: '',
      factIds: [ruFact.id],
      status: 'open',
      createdAt: new Date().toISOString(),
    });
    const hits = await archive.searchFiltered({ text: 'Джакишев', filters: { case: 'жәкішев ісі' } });
    expect(kinds(hits).sort()).toEqual([`article:${ru.id}`, `fact:${ruFact.id}`].sort());
  });

  it('a query naming an entity alias finds the texts that use its other names', async () => {
    const { archive, kk } = await fixture();
    const entity = storeForTests(archive).meta.data.entities.find((e) => e.name === 'Асхат Жексебаев')!;
    entity.aliases.push('Көкжал');
    const hits = await archive.search('Көкжал');
    expect(hits.map((h) => h.articleId)).toContain(kk.id);
    expect(hits[0]!.tier).toBe('alias');
  });

  it('partial dates cover their whole period', () => {
    expect(dayRange('2009')).toEqual([20090101, 20091231]);
    expect(dayRange('2009-10')).toEqual([20091001, 20091031]);
    expect(dayRange('2009-10-16')).toEqual([20091016, 20091016]);
  });
});

describe('phrases and prefixes', () => {
  it('a quoted phrase needs its words side by side', async () => {
    const archive = await Archive.create(await tempDir());
    const near = (await archive.importArticle({ bytes: enc('Мұхтар Жәкішевті қолдап пикет'), name: 'a.txt' })).article;
    const apart = (await archive.importArticle({ bytes: enc('Мұхтар келді. Жәкішев сотталды.'), name: 'b.txt' }))
      .article;
    expect((await archive.search('Мұхтар Жәкішев')).map((h) => h.id).sort()).toEqual([near.id, apart.id].sort());
    expect((await archive.search('"Мұхтар Жәкішев"')).map((h) => h.id)).toEqual([near.id]);
    expect((await archive.search('"Mukhtar Zhakishev"')).map((h) => h.id)).toEqual([near.id]);
  });

  it('a prefix finds every word that starts with it, in any script', async () => {
    const archive = await Archive.create(await tempDir());
    const kk = (await archive.importArticle({ bytes: enc('Жәкішевтің шағымы'), name: 'a.txt' })).article;
    const ru = (await archive.importArticle({ bytes: enc('Джакишеву отказали'), name: 'b.txt' })).article;
    const other = (await archive.importArticle({ bytes: enc('Жақиянов сотталды'), name: 'c.txt' })).article;
    const hits = (await archive.search('Жәкіш*')).map((h) => h.id);
    expect(hits.sort()).toEqual([kk.id, ru.id].sort());
    expect(hits).not.toContain(other.id);
  });
});

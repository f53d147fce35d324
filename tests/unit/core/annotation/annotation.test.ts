import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { THESAURUS } from '../../../../electron/core/annotation/fact-types.js';
import type { EventDate } from '../../../../electron/core/model.js';
import { compareEventDates, dateSpan, formatEventDate, timelineOrder } from '../../../../electron/shared/timeline.js';
import { SEED_ARTICLE, snapshot, tempDir } from '../../helpers.js';

async function seeded() {
  const dir = await tempDir();
  const archive = await Archive.create(dir);
  const { article } = await archive.importArticle({
    bytes: await readFile(SEED_ARTICLE),
    name: 'seed.txt',
    publishedAt: '2020-10-20',
  });
  return { dir, archive, article };
}

const d = (value: string, approximate = false): EventDate => ({
  value,
  precision: value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day',
  approximate,
});

describe('timeline order', () => {
  it('puts a year before the months and days of that year, a month before its days, undated last', () => {
    const items = [d('2009-10-16'), null, d('2009'), d('2008-12-31'), d('2009-10'), d('2010'), d('2009-01-01')];
    const sorted = timelineOrder(items, (x) => x).map((x) => x?.value ?? 'none');
    expect(sorted).toEqual(['2008-12-31', '2009', '2009-01-01', '2009-10', '2009-10-16', '2010', 'none']);
  });

  it('keeps the given order between facts of the same date (the case order breaks ties)', () => {
    const items = [
      { n: 'b', date: d('2020') },
      { n: 'a', date: d('2020') },
      { n: 'c', date: null },
      { n: 'z', date: null },
    ];
    expect(timelineOrder(items, (x) => x.date).map((x) => x.n)).toEqual(['b', 'a', 'c', 'z']);
    expect(compareEventDates(d('2020', true), d('2020'))).toBeGreaterThan(0);
  });

  it('shows a date only as precisely as it is known', () => {
    expect(formatEventDate(d('2009'))).toBe('2009');
    expect(formatEventDate(d('2020-09'))).toBe('September 2020');
    expect(formatEventDate(d('2020-10-04', true))).toBe('~4 October 2020');
    expect(formatEventDate(null)).toBe('—');
    expect(dateSpan(d('2020-02'))).toEqual({ from: '2020-02-01', to: '2020-02-29' });
    expect(dateSpan(d('2009'))).toEqual({ from: '2009-01-01', to: '2009-12-31' });
  });
});

describe('fact types', () => {
  it('has the fact types of the thesaurus with labels in the three languages', () => {
    const ids = THESAURUS.map((t) => t.id);
    for (const id of [
      'detention',
      'arrest',
      'sentence',
      'trial',
      'parole-denied',
      'protest',
      'picket',
      'intimidation',
      'health',
      'un-decision',
      'statement',
    ])
      expect(ids).toContain(id);
    for (const t of THESAURUS)
      expect(new Set([t.labels.en.length > 0, t.labels.kk.length > 0, t.labels.ru.length > 0])).toEqual(
        new Set([true]),
      );
  });

  it('remembers a type the user made up', async () => {
    const { archive, article } = await seeded();
    await archive.addFact({
      articleId: article.id,
      quote: 'Ал полицейлер пикетті сырттай бақылап тұрады.',
      type: 'surveillance',
    });
    const reopened = await Archive.open(archive.root);
    expect(reopened.listFactTypes().map((t) => t.id)).toContain('surveillance');
    expect(reopened.listFactTypes().slice(0, THESAURUS.length)).toEqual(THESAURUS);
  });
});

describe('entities', () => {
  it('merge: every fact follows, roles too, aliases are united, the other is gone', async () => {
    const { archive, article } = await seeded();
    const kk = await archive.addEntity('Мұхтар Жәкішев', 'person', ['Mukhtar Dzhakishev']);
    const ru = await archive.addEntity('Мухтар Джакишев', 'person', ['Zhakishev']);
    const f1 = await archive.addFact({
      articleId: article.id,
      quote: '2009 жылы 14 жылға сотталған',
      type: 'sentence',
      date: '2009',
      people: ['Мухтар Джакишев'],
      roles: { 'Мухтар Джакишев': 'victim' },
    });
    const f2 = await archive.addFact({
      articleId: article.id,
      quote: 'Оның наразылық шарасы 4 қазанда басталған.',
      people: ['Zhakishev', 'Mukhtar Dzhakishev'],
    });
    const r = await archive.mergeEntities('Мұхтар Жәкішев', ru.id);
    expect(r.factsMoved).toBe(2);
    expect(r.entity.aliases.sort()).toEqual(['Mukhtar Dzhakishev', 'Zhakishev', 'Мухтар Джакишев'].sort());
    const reopened = await Archive.open(archive.root);
    expect(reopened.listEntities().map((e) => e.id)).toEqual([kk.id]);
    const facts = await reopened.listFacts(article.id);
    expect(facts.find((f) => f.id === f1.id)).toMatchObject({
      people: ['Мұхтар Жәкішев'],
      roles: { 'Мұхтар Жәкішев': 'victim' },
    });
    // both names were the same person once merged: listed once
    expect(facts.find((f) => f.id === f2.id)!.people).toEqual(['Мұхтар Жәкішев']);
    const page = await reopened.getEntity('Zhakishev');
    expect(page.facts.map((f) => f.id)).toEqual([f1.id, f2.id]);
    expect(page.articles.map((a) => a.id)).toEqual([article.id]);
  });

  it('refuses to merge different kinds or an entity into itself, and writes nothing', async () => {
    const { dir, archive } = await seeded();
    await archive.addEntity('Алматы', 'place');
    await archive.addEntity('Қазатомпром', 'organization');
    const before = await snapshot(dir);
    await expect(archive.mergeEntities('Алматы', 'Қазатомпром')).rejects.toThrow(
      /cannot merge an? organization into a place/,
    );
    await expect(archive.mergeEntities('Алматы', 'алматы')).rejects.toThrow(/same entity/);
    await expect(archive.mergeEntities('Алматы', 'Астана')).rejects.toThrow(/no .*"Астана"/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('add refuses a name another entity of that kind has; rename moves the name out of the aliases', async () => {
    const { archive } = await seeded();
    const e = await archive.addEntity('Асхат Жексебаев', 'person', ['Askhat Zheksebaev', 'Асхат Жексебаев']);
    expect(e.aliases).toEqual(['Askhat Zheksebaev']);
    await expect(archive.addEntity('askhat  zheksebaev', 'person')).rejects.toThrow(/already/);
    await archive.addEntity('Askhat Zheksebaev', 'organization'); // another kind may share a name
    const renamed = await archive.renameEntity(e.id, 'Askhat Zheksebaev');
    expect(renamed).toMatchObject({ name: 'Askhat Zheksebaev', aliases: [] });
    await expect(archive.renameEntity('Askhat Zheksebaev', 'x')).rejects.toThrow(/names 2 entities/);
  });

  it('a fact links to an entity by the name or alias it has now, after renames, new aliases and merges', async () => {
    const { archive, article } = await seeded();
    const quote = 'Оның наразылық шарасы 4 қазанда басталған.';
    const peopleOf = async (names: string[]) =>
      (await archive.addFact({ articleId: article.id, quote, people: names })).people;
    const e = await archive.addEntity('Мұхтар Жәкішев', 'person');
    await archive.addEntity('Мұхтар Жәкішев', 'place'); // the same name, another kind: never linked as a person
    expect(await peopleOf(['мұхтар  жәкішев'])).toEqual(['Мұхтар Жәкішев']);
    await archive.renameEntity(e.id, 'Mukhtar Dzhakishev');
    await archive.addAliases(e.id, ['Джакишев']);
    expect(await peopleOf(['Джакишев'])).toEqual(['Mukhtar Dzhakishev']);
    // the old name is free again: a new person, not the renamed one
    expect(await peopleOf(['Мұхтар Жәкішев'])).toEqual(['Мұхтар Жәкішев']);
    const other = archive.listEntities().find((x) => x.kind === 'person' && x.id !== e.id)!;
    await archive.mergeEntities(e.id, other.id);
    expect(await peopleOf(['Мұхтар Жәкішев'])).toEqual(['Mukhtar Dzhakishev']);
    expect(archive.listEntities().filter((x) => x.kind === 'person')).toHaveLength(1);
  });
});

describe('tags', () => {
  it('rename moves the children, retags facts and articles, and counts stay right', async () => {
    const { archive, article } = await seeded();
    const f = await archive.addFact({
      articleId: article.id,
      quote: '2009 жылы 14 жылға сотталған',
      tags: ['violations/unfair-trial', 'violations'],
    });
    await archive.addFact({
      articleId: article.id,
      quote: 'Оның наразылық шарасы 4 қазанда басталған.',
      tags: ['violations/arbitrary-detention/prolonged'],
    });
    const r = await archive.renameTag('violations', 'abuses');
    expect(r).toMatchObject({ from: 'violations', to: 'abuses', facts: 2 });
    const reopened = await Archive.open(archive.root);
    expect((await reopened.listFacts()).find((x) => x.id === f.id)!.tags).toEqual(['abuses/unfair-trial', 'abuses']);
    const tree = await reopened.listTags();
    expect(tree.map((n) => n.path)).toEqual(['abuses']);
    expect(tree[0]).toMatchObject({ facts: 1, total: 2 });
    expect(tree[0]!.children.map((c) => [c.path, c.total])).toEqual([
      ['abuses/arbitrary-detention', 1],
      ['abuses/unfair-trial', 1],
    ]);
    expect(tree[0]!.children[0]!.children[0]).toMatchObject({ path: 'abuses/arbitrary-detention/prolonged', facts: 1 });
  });

  it('merge unites two tags without duplicates; rename onto an existing tag and moves under itself are refused', async () => {
    const { archive, article } = await seeded();
    const f = await archive.addFact({
      articleId: article.id,
      quote: '2009 жылы 14 жылға сотталған',
      tags: ['detention/arbitrary', 'violations/arbitrary-detention'],
    });
    await expect(archive.renameTag('detention/arbitrary', 'violations/arbitrary-detention')).rejects.toThrow(
      /already exists; use `aqiqat tag merge/,
    );
    await expect(archive.renameTag('violations', 'violations/x')).rejects.toThrow(/under itself/);
    await expect(archive.mergeTag('detention/arbitrary', 'nowhere')).rejects.toThrow(/no tag "nowhere"/);
    await archive.mergeTag('arbitrary', 'violations/arbitrary-detention'); // a unique last level names a tag
    expect((await archive.listFacts()).find((x) => x.id === f.id)!.tags).toEqual(['violations/arbitrary-detention']);
    const paths = (await archive.listTags()).flatMap(function walk(n): string[] {
      return [n.path, ...n.children.flatMap(walk)];
    });
    expect(paths).toEqual(['detention', 'violations', 'violations/arbitrary-detention']);
  });
});

describe('fact edit', () => {
  it('changes only what is given, re-anchors a changed quote, keeps roles of people who stay', async () => {
    const { archive, article } = await seeded();
    const f = await archive.addFact({
      articleId: article.id,
      quote: '2009 жылы 14 жылға сотталған',
      type: 'sentence',
      date: '2009',
      people: ['Мұхтар Жәкішев', 'Асхат Жексебаев'],
      roles: { 'Мұхтар Жәкішев': 'victim' },
      note: 'n',
    });
    const e = await archive.editFact(f.id, {
      quote: 'деген айыппен 2009 жылы 14 жылға сотталған',
      approximate: true,
      people: ['Мұхтар Жәкішев'],
    });
    expect(e).toMatchObject({
      type: 'sentence',
      note: 'n',
      date: { value: '2009', approximate: true },
      people: ['Мұхтар Жәкішев'],
      roles: { 'Мұхтар Жәкішев': 'victim' },
    });
    const text = (await archive.getArticle(article.id)).text;
    expect(text.slice(e.anchor.start, e.anchor.end)).toBe('деген айыппен 2009 жылы 14 жылға сотталған');
    expect(e.anchor.start).toBeLessThan(f.anchor.start);
    const cleared = await archive.editFact(f.id, { date: null, roles: { 'Мұхтар Жәкішев': 'witness' } });
    expect(cleared.date).toBeNull();
    expect(cleared.roles).toEqual({ 'Мұхтар Жәкішев': 'witness' });
    await expect(archive.editFact(f.id, { quote: 'not in the text at all' })).rejects.toThrow(/closest passage/);
    await expect(archive.editFact(f.id, { people: ['A'], roles: { B: 'victim' } })).rejects.toThrow(
      /not among the fact's people/,
    );
    await expect(archive.editFact(f.id, { roles: { 'Мұхтар Жәкішев': 'hero' as 'victim' } })).rejects.toThrow(
      /must be one of victim/,
    );
  });

  it('delete then restore gives back the same fact, in its cases', async () => {
    const { archive, article } = await seeded();
    const f = await archive.addFact({
      articleId: article.id,
      quote: 'Оның наразылық шарасы 4 қазанда басталған.',
      type: 'protest',
      people: ['Асхат Жексебаев'],
      roles: { 'Асхат Жексебаев': 'victim' },
    });
    const c = await archive.createCase('Жексебаев');
    await archive.addFactsToCase(c.id, [f.id]);
    const deleted = await archive.deleteFact(f.id);
    expect(deleted.cases).toEqual([c.id]);
    expect((await archive.getCase(c.id)).facts).toEqual([]);
    const back = await archive.restoreFact(deleted);
    expect(back).toMatchObject({ id: f.id, quote: f.quote, roles: f.roles, cases: [c.id] });
    expect((await archive.getCase(c.id)).facts.map((x) => x.id)).toEqual([f.id]);
    await expect(archive.restoreFact(deleted)).rejects.toThrow(/already in the archive/);
  });
});

describe('cases', () => {
  it('shows facts in timeline order with their source; reorder breaks ties; ids and titles both name a case', async () => {
    const { archive, article } = await seeded();
    const add = (quote: string, date?: string) => archive.addFact({ articleId: article.id, quote, date });
    const oct16 = await add('бір адамдық пикет өткізді', '2020-10-16');
    const y2009 = await add('2009 жылы 14 жылға сотталған', '2009');
    const sep = await add('Биыл қыркүйекте Өскемендегі сот', '2020-09');
    const undated = await add('Ал полицейлер пикетті сырттай бақылап тұрады.');
    const y2020 = await add('Биыл тамызда қазақстандық құқық қорғаушылар', '2020');
    const c = await archive.createCase('Мұхтар Жәкішев ісі', 'Sentenced in 2009.');
    expect(c.id).toMatch(/^c-[0-9a-z]{5}$/);
    await archive.addFactsToCase('мұхтар жәкішев ісі', [undated.id, oct16.id, y2009.id, sep.id, y2020.id, oct16.id]);
    const shown = await (await Archive.open(archive.root)).getCase(c.id);
    expect(shown.facts.map((f) => f.id)).toEqual([y2009.id, y2020.id, sep.id, oct16.id, undated.id]);
    expect(shown.facts[0]!.article).toMatchObject({ id: article.id, publishedAt: '2020-10-20' });
    expect(shown).toMatchObject({ title: 'Мұхтар Жәкішев ісі', summary: 'Sentenced in 2009.', missing: 0 });

    const same = await add('Оның наразылық шарасы 4 қазанда басталған.', '2009');
    await archive.addFactsToCase(c.id, [same.id]);
    expect((await archive.getCase(c.id)).facts.slice(0, 2).map((f) => f.id)).toEqual([y2009.id, same.id]);
    const order = [same.id, undated.id, oct16.id, y2009.id, sep.id, y2020.id];
    expect((await archive.reorderCase(c.id, order)).facts.slice(0, 2).map((f) => f.id)).toEqual([same.id, y2009.id]);
    await expect(archive.reorderCase(c.id, order.slice(1))).rejects.toThrow(/each of the 6 facts/);

    await archive.removeFactFromCase(c.id, undated.id);
    await expect(archive.removeFactFromCase(c.id, undated.id)).rejects.toThrow(/not in case/);
    await expect(archive.addFactsToCase(c.id, [`${article.id}-zzzzzz`])).rejects.toThrow(/no fact/);
    await expect(archive.getCase('nothing')).rejects.toThrow(/no case "nothing"/);
    expect(archive.listCases()).toEqual([
      expect.objectContaining({ id: c.id, facts: [same.id, oct16.id, y2009.id, sep.id, y2020.id] }),
    ]);
  });

  it('a hand-edited archive.json with a bad case is refused with a clear message', async () => {
    const { dir } = await seeded();
    const file = path.join(dir, 'archive.json');
    const json = JSON.parse(await readFile(file, 'utf8'));
    json.cases = [
      { id: 'c-aaaaa', title: '', summary: '', factIds: [], status: 'open', createdAt: new Date().toISOString() },
    ];
    await (await import('node:fs/promises')).writeFile(file, JSON.stringify(json));
    await expect(Archive.open(dir)).rejects.toThrow(/archive\.json/);
  });
});

describe('date ranges', () => {
  it('parses FROM/TO, draws and sorts by the start, shows both ends, refuses a backwards range', async () => {
    const { parseEventDate } = await import('../../../../electron/shared/dates.js');
    const r = parseEventDate('2020-10-04/2020-10-16');
    expect(r).toEqual({ value: '2020-10-04', precision: 'day', approximate: false, end: '2020-10-16' });
    expect(formatEventDate(parseEventDate('2009/2011', true))).toBe('~2009 – 2011');
    expect(dateSpan(parseEventDate('2020-09/2020-10'))).toEqual({ from: '2020-09-01', to: '2020-10-31' });
    expect(formatEventDate(parseEventDate('2020-09-28/2020-10-02'))).toBe('28 September 2020 – 2 October 2020');
    const sorted = timelineOrder(
      [parseEventDate('2020-10-04/2020-10-16'), d('2020-10-04'), d('2020-10')],
      (x) => x,
    ).map((x) => formatEventDate(x));
    expect(sorted).toEqual(['October 2020', '4 October 2020', '4–16 October 2020']);
    expect(() => parseEventDate('2011/2009')).toThrow(/must end after it starts/);
    expect(() => parseEventDate('2020-10/2020-10-15')).toThrow(/must end after it starts/);
    expect(() => parseEventDate('2020/')).toThrow(/must be YYYY/);
  });

  it('is stored on a fact and shown by the CLI form', async () => {
    const { archive, article } = await seeded();
    const f = await archive.addFact({
      articleId: article.id,
      quote: 'бір адамдық пикет өткізіп жүр',
      date: '2020-10-04/2020-10-16',
    });
    await expect((await Archive.open(archive.root)).listFacts()).resolves.toEqual([
      expect.objectContaining({
        id: f.id,
        date: { value: '2020-10-04', precision: 'day', approximate: false, end: '2020-10-16' },
      }),
    ]);
  });
});

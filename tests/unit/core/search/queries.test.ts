/**
 * Query → expected-hit cases across the three scripts, inflected forms, places and organizations,
 * over articles written for this test, and must-not-match cases (false merges the scheme avoids).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';

const enc = (s: string) => new TextEncoder().encode(s);

const ARTICLES = {
  kkPicket: {
    title: 'Алматыда белсенді Мұхтар Жәкішевті қолдап пикет өткізді',
    text: 'Алматыда белсенді Асхат Жексебаев Мұхтар Жәкішевті қолдап бір адамдық пикет өткізді. Жәкішевтің шағымы Өскемендегі сотта қаралды. Өскеменде наразылық акциясы болды. «Қазатомпром» компаниясының бұрынғы басшысы пикеттерге шықпады.',
    publishedAt: '2020-10-20',
  },
  ruParole: {
    title: 'Суд отказал Джакишеву в условно-досрочном освобождении',
    text: 'Суд в Усть-Каменогорске отказал Джакишеву в УДО. Адвокат Джакишева заявил, что сторонники продолжат пикеты. Бывший глава «Казатомпрома» остаётся в колонии.',
    publishedAt: '2020-09-15',
  },
  enParole: {
    title: 'Kazakh court denies parole to Mukhtar Dzhakishev',
    text: "The former head of Kazatomprom, Mukhtar Dzhakishev, has been held in a prison near Ust-Kamenogorsk. Kazakhstan's authorities ignored the UN Human Rights Committee. Activists in Almaty held pickets.",
    publishedAt: '2020-09-20',
  },
  kkLatin: {
    title: 'Jäkışevtıñ ısı boiynşa Öskemen soty şeşım şyğardy',
    text: 'Öskemen soty Jäkışevtıñ ötınışın qanağattandyrmady. Qazaqstan bilıgı BUU şeşımın oryndamady.',
    publishedAt: '2021-02-01',
  },
  ruAlmaAta: {
    title: 'Митинг в Алма-Ате',
    text: 'В Алма-Ате прошёл митинг. Жители Алма-Аты вышли на площадь Республики в декабре 1986 года.',
    publishedAt: '2016-12-16',
  },
  kkAstana: {
    title: 'Астанада журналистер ұсталды',
    text: 'Астанада екі журналист ұсталды. Нұр-Сұлтан қаласының полициясы ақпарат бермеді. Ақмола облысында да пикет болды.',
    publishedAt: '2019-06-10',
  },
  ruTselinograd: {
    title: 'Воспоминания о Целинограде',
    text: 'В Целинограде в 1979 году студенты вышли на улицы против автономии. Позже город стал Акмолой.',
    publishedAt: '2018-12-01',
  },
  ruSemey: {
    title: 'Семипалатинский полигон',
    text: 'Жители Семипалатинска до сих пор помнят испытания. В Семипалатинске прошла акция памяти.',
    publishedAt: '2019-08-29',
  },
  kkShymkent: {
    title: 'Шымкентте сот отырысы өтті',
    text: 'Шымкентте діни бірлестік мүшелері сотталды. Сот отырысы жабық өтті.',
    publishedAt: '2017-03-03',
  },
  ruChimkent: {
    title: 'В Чимкенте задержаны активисты',
    text: 'В Чимкенте полиция задержала троих активистов у здания акимата.',
    publishedAt: '2015-05-05',
  },
  ruZhanaozen: {
    title: 'Жанаозен: десять лет спустя',
    text: 'В декабре 2011 года нефтяники Жанаозена бастовали. В Жанаозене погибли люди. Власти Мангистау молчат.',
    publishedAt: '2021-12-16',
  },
  ruKaraganda: {
    title: 'Задержание в Караганде',
    text: 'Ерлан Касымов задержан в Караганде. Его супругу Айгуль Касымову допросили.',
    publishedAt: '2022-01-07',
  },
  kkAktobe: {
    title: 'Ақтөбеде ереуіл',
    text: 'Ақтөбеде жұмысшылар ереуілге шықты. Ақтөбе облысының әкімдігі келіссөз жүргізді.',
    publishedAt: '2022-01-05',
  },
  enNazarbayev: {
    title: "Nazarbayev's successor",
    text: "Nursultan Nazarbayev's successor Kassym-Jomart Tokayev took office in Nur-Sultan. Tokayev promised reforms.",
    publishedAt: '2019-03-20',
  },
  ruOral: {
    title: 'Уральск: суд над блогером',
    text: 'В Уральске суд приговорил блогера к ограничению свободы. В Атырау прошёл пикет.',
    publishedAt: '2020-02-02',
  },
  kkAlmatyLoc: {
    title: 'Алматыдағы жиын',
    text: 'Алматыдағы бейбіт жиынға жүзге жуық адам келді. Жиын Алматының орталығында өтті.',
    publishedAt: '2022-01-04',
  },
} as const;
type Label = keyof typeof ARTICLES;

let archive: Archive;
const ids = new Map<Label, string>();
const labelOf = new Map<string, Label>();

let dir: string;
// one archive for the whole file (helpers.tempDir removes its folders after each test)
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'aqiqat-search-'));
  archive = await Archive.create(dir);
  for (const [label, a] of Object.entries(ARTICLES) as Array<[Label, (typeof ARTICLES)[Label]]>) {
    const { article } = await archive.importArticle({
      bytes: enc(a.text),
      name: `${label}.txt`,
      title: a.title,
      publishedAt: a.publishedAt,
    });
    ids.set(label, article.id);
    labelOf.set(article.id, label);
  }
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const found = async (q: string) => new Set((await archive.search(q, 100)).map((h) => labelOf.get(h.articleId)!));

// query → articles it must find (at least these)
const MUST: Array<[string, Label[]]> = [
  // a person in every script and form
  ['Жәкішев', ['kkPicket', 'ruParole', 'enParole', 'kkLatin']],
  ['Жәкішевті', ['kkPicket', 'ruParole', 'enParole']],
  ['Жәкішевтің', ['kkPicket', 'ruParole', 'enParole', 'kkLatin']],
  ['Жәкішевке', ['kkPicket', 'ruParole']],
  ['Джакишев', ['kkPicket', 'ruParole', 'enParole', 'kkLatin']],
  ['Джакишеву', ['kkPicket', 'ruParole', 'enParole']],
  ['Джакишева', ['ruParole', 'kkPicket']],
  ['Жакишев', ['kkPicket', 'ruParole', 'enParole']],
  ['Zhakishev', ['kkPicket', 'ruParole', 'enParole', 'kkLatin']],
  ['Dzhakishev', ['kkPicket', 'ruParole', 'enParole', 'kkLatin']],
  ['Jakishev', ['kkPicket', 'ruParole', 'enParole']],
  ['Jäkışev', ['kkPicket', 'ruParole', 'enParole', 'kkLatin']],
  ['JÄKIŞEV', ['kkPicket', 'enParole']],
  ['жәкішев', ['kkPicket']],
  ['ЖӘКІШЕВ', ['kkPicket']],
  ['Жәкіш*', ['kkPicket', 'kkLatin']],
  ['Dzhak*', ['enParole']],
  ['Мұхтар Жәкішев', ['kkPicket', 'enParole']],
  ['Mukhtar Zhakishev', ['kkPicket', 'enParole']],
  ['Жексебаев', ['kkPicket']],
  ['Zheksebayev', ['kkPicket']],
  // places in every script, inflected, and by former names
  ['Өскемен', ['kkPicket', 'kkLatin', 'ruParole', 'enParole']],
  ['Оскемен', ['kkPicket', 'kkLatin']],
  ['Oskemen', ['kkPicket', 'kkLatin']],
  ['Öskemen', ['kkPicket', 'kkLatin']],
  ['Өскеменде', ['kkPicket']],
  ['Усть-Каменогорск', ['ruParole', 'enParole', 'kkPicket']],
  ['Ust-Kamenogorsk', ['ruParole', 'enParole', 'kkPicket']],
  ['Усть-Каменогорске', ['ruParole']],
  ['Алматы', ['kkPicket', 'enParole', 'ruAlmaAta', 'kkAlmatyLoc']],
  ['Almaty', ['kkPicket', 'enParole', 'ruAlmaAta', 'kkAlmatyLoc']],
  ['Алматыда', ['kkPicket', 'kkAlmatyLoc']],
  ['Алма-Ата', ['ruAlmaAta', 'kkPicket']],
  ['Alma-Ata', ['ruAlmaAta']],
  ['Астана', ['kkAstana', 'ruTselinograd', 'enNazarbayev']],
  ['Astana', ['kkAstana']],
  ['Нур-Султан', ['kkAstana', 'enNazarbayev']],
  ['Целиноград', ['ruTselinograd', 'kkAstana']],
  ['Акмола', ['kkAstana', 'ruTselinograd']],
  ['Семей', ['ruSemey']],
  ['Semey', ['ruSemey']],
  ['Семипалатинск', ['ruSemey']],
  ['Шымкент', ['kkShymkent', 'ruChimkent']],
  ['Shymkent', ['kkShymkent', 'ruChimkent']],
  ['Чимкент', ['ruChimkent', 'kkShymkent']],
  ['Жаңаөзен', ['ruZhanaozen']],
  ['Zhanaozen', ['ruZhanaozen']],
  ['Жанаозене', ['ruZhanaozen']],
  ['Қарағанды', ['ruKaraganda']],
  ['Karaganda', ['ruKaraganda']],
  ['Ақтөбе', ['kkAktobe']],
  ['Aktobe', ['kkAktobe']],
  ['Актюбинск', ['kkAktobe']],
  ['Орал', ['ruOral']],
  ['Уральск', ['ruOral']],
  ['Атырау', ['ruOral']],
  ['Гурьев', ['ruOral']],
  ['Қазақстан', ['enParole', 'kkLatin']],
  ['Kazakhstan', ['enParole', 'kkLatin']],
  // organizations
  ['Қазатомпром', ['kkPicket', 'ruParole', 'enParole']],
  ['Kazatomprom', ['kkPicket', 'ruParole', 'enParole']],
  ['Казатомпрома', ['ruParole', 'kkPicket']],
  ['БҰҰ', ['enParole', 'kkLatin']],
  // people across spellings
  ['Назарбаев', ['enNazarbayev']],
  ['Токаев', ['enNazarbayev']],
  ['Токаеву', ['enNazarbayev']],
  ['Касымов', ['ruKaraganda']],
  ['Касымова', ['ruKaraganda']],
  // common words, inflected
  ['пикет', ['kkPicket', 'kkAstana', 'ruOral', 'ruParole']],
  ['пикеты', ['ruParole', 'ruOral']],
  ['pickets', ['enParole']],
  ['ереуіл', ['kkAktobe']],
  ['журналист', ['kkAstana']],
  ['активистов', ['ruChimkent']],
  ['жиын', ['kkAlmatyLoc']],
  // phrases
  ['"Мұхтар Жәкішевті"', ['kkPicket']],
  ['"отказал Джакишеву"', ['ruParole']],
  ['Жәкішев Өскемен', ['kkPicket', 'kkLatin', 'ruParole', 'enParole']],
];

// query → articles it must not find
const MUST_NOT: Array<[string, Label[]]> = [
  ['Назарбаев', ['kkPicket', 'kkLatin', 'ruParole']],
  ['Алматы', ['kkAstana', 'ruTselinograd', 'ruSemey']],
  ['Астана', ['ruAlmaAta', 'kkAlmatyLoc']],
  ['Касым', ['ruKaraganda']],
  ['Алмат', ['ruAlmaAta', 'kkAlmatyLoc', 'kkPicket']],
  ['Өскемен', ['kkShymkent', 'ruChimkent']],
  ['Шымкент', ['kkPicket', 'ruZhanaozen']],
  ['Жәкішев', ['ruKaraganda', 'enNazarbayev', 'ruAlmaAta']],
  ['Zhakishev', ['ruAlmaAta', 'kkAstana']],
  ['Жәкіш*', ['ruKaraganda']],
  ['Урал', ['ruOral']],
  ['Ақтау', ['kkAktobe']],
  ['Семей', ['kkPicket', 'ruParole']],
  ['Жанаозен', ['kkAktobe', 'ruKaraganda']],
  ['"Жәкішев Өскемен"', ['kkPicket', 'ruParole']],
  ['Жексебаев', ['ruParole', 'enParole']],
  ['пикет', ['ruSemey', 'kkShymkent']],
  ['Токаев', ['kkPicket']],
];

describe('search across scripts', () => {
  it(`has at least 60 must-find and 15 must-not-find cases`, () => {
    expect(MUST.length).toBeGreaterThanOrEqual(60);
    expect(MUST_NOT.length).toBeGreaterThanOrEqual(15);
  });

  it.each(MUST)('%s finds %j', async (query, labels) => {
    const got = await found(query);
    for (const l of labels) expect([...got], `${query} → ${l}`).toContain(l);
  });

  it.each(MUST_NOT)('%s does not find %j', async (query, labels) => {
    const got = await found(query);
    for (const l of labels) expect([...got], `${query} ↛ ${l}`).not.toContain(l);
  });
});

describe('ranking and snippets', () => {
  it('puts the exact word first, then the same stem in the same script, then folded spellings', async () => {
    const hits = (await archive.search('Джакишеву', 100)).filter((h) => h.kind === 'article');
    expect(labelOf.get(hits[0]!.articleId)).toBe('ruParole');
    expect(hits[0]!.tier).toBe('exact');
    const tiers = hits.map((h) => h.tier);
    expect(tiers).toContain('folded');
    const zh = await archive.search('Жәкішев', 100);
    expect(labelOf.get(zh[0]!.articleId)).toBe('kkPicket');
    expect(zh.find((h) => labelOf.get(h.articleId) === 'ruParole')?.tier).toBe('folded');
  });

  it('ranks other names of a place below its spellings', async () => {
    const hits = await archive.search('Өскемен', 100);
    const tierOf = (l: Label) => hits.find((h) => h.articleId === ids.get(l))?.tier;
    expect(tierOf('kkPicket')).toBe('stem');
    expect(tierOf('ruParole')).toBe('alias');
    const pos = (l: Label) => hits.findIndex((h) => h.articleId === ids.get(l));
    expect(pos('kkLatin')).toBeLessThan(pos('ruParole'));
  });

  it('highlights the matched words in the original text', async () => {
    const hit = (await archive.search('Zhakishev', 100)).find((h) => h.articleId === ids.get('kkPicket'));
    const marked = hit!.highlights.map(([s, e]) => hit!.snippet.slice(s, e));
    expect(marked).toContain('Жәкішевті');
    const ru = (await archive.search('Өскемен', 100)).find((h) => h.articleId === ids.get('ruParole'))!;
    expect(ru.highlights.map(([s, e]) => ru.snippet.slice(s, e))).toContain('Усть-Каменогорске');
  });

  it('puts the more recent article first when scores tie', async () => {
    const hits = await archive.search('Жәкіш*', 100);
    const kk = hits.filter((h) => ['kkPicket', 'kkLatin'].includes(labelOf.get(h.articleId)!) && h.kind === 'article');
    expect(kk.length).toBe(2);
  });

  it('refuses a huge query with one line, and survives odd input', async () => {
    await expect(archive.search('слово '.repeat(300))).rejects.toThrow(/^the query is \d+ characters long/);
    await expect(archive.search('a '.repeat(40))).rejects.toThrow(/at most 32/);
    await expect(archive.search('ж*')).rejects.toThrow(/too short for a prefix/);
    expect(await archive.search('😀 \u0000 \uffff')).toEqual([]);
    expect(await archive.search('"')).toEqual([]);
    expect(await archive.search('"Жәкішевтің')).not.toEqual([]);
    expect(await archive.search('*')).toEqual([]);
  });
});

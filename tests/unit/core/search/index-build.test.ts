/** The whole-archive builder gives the same index, byte for byte, as adding each document one by one. */
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../../../electron/core/search/analyze.js';
import { IndexBuilder, type BuildItem } from '../../../../electron/core/search/build.js';
import { articleDoc, factDoc, indexedPart } from '../../../../electron/core/search/documents.js';
import { tokenize } from '../../../../electron/core/search/analyze.js';
import { KeyTable, SearchIndex } from '../../../../electron/core/search/index.js';
import { encodeBase } from '../../../../electron/core/search/persist.js';
import type { Article, Fact } from '../../../../electron/core/model.js';

const SHA = (n: number) => n.toString(16).padStart(64, '0');

function article(n: number, title: string, text: string): Article {
  return {
    id: SHA(n).slice(-12),
    title,
    url: null,
    publisher: null,
    publishedAt: n % 3 === 0 ? null : `2020-0${(n % 9) + 1}-1${n % 10}`,
    lang: n % 2 ? 'kk' : 'ru',
    sha256: SHA(n),
    sourceExt: 'txt',
    sourceName: null,
    textSha256: SHA(n + 1000),
    textLength: text.length,
    importedAt: `2020-01-01T00:00:0${n % 10}.000Z`,
    tags: n % 2 ? ['violations/unfair-trial'] : [],
    note: '',
  };
}

function fact(a: Article, text: string, quote: string, k: number, translation?: string): Fact {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`no "${quote}" in the text`);
  return {
    id: `${a.id}-f${k}`,
    articleId: a.id,
    anchor: { exact: quote, prefix: '', suffix: '', start, end: start + quote.length },
    type: 'sentence',
    date: k % 2 ? { value: '2009', precision: 'year', approximate: false } : null,
    people: k % 2 ? ['p-12345678'] : [],
    places: [],
    organizations: [],
    tags: [],
    note: '',
    createdAt: '2020-01-01T00:00:00.000Z',
    updatedAt: '2020-01-01T00:00:00.000Z',
    ...(translation ? { translations: { en: { text: translation, by: 'me', at: '2020-01-01T00:00:00.000Z' } } } : {}),
  } as unknown as Fact;
}

const TEXTS: Array<[string, string, string[], string?]> = [
  [
    'Суд отказал Жәкішеву',
    'Мұхтар Жәкішев 2009 жылы 14 жылға сотталған. Суд отказал Жакишеву в УДО. Суд, суд и СУД.',
    ['14 жылға сотталған', 'Суд отказал Жакишеву'],
    'The court refused Zhakishev parole',
  ],
  [
    'Бас бостандығынан айыру',
    'Бостандығынан айыру туралы үкім. Наразылығы. Қол және көл, құл мен күл. e-mail және Алматы-Астана жолы.',
    ['Наразылығы', 'Алматы-Астана'],
  ],
  [
    'Pikets in Almaty',
    `Activists held pickets in Almaty's centre; the police's answer came. ${'x'.repeat(200)} long run, then Toregozhina.`,
    ['Toregozhina', 'pickets in Almaty'],
    'Алматыда пикеттер',
  ],
  ['Заключённых', 'Заключенный и заключённых в колонии. Правда и право. Тараз, таразы.', ['колонии']],
];

function items(): BuildItem[] {
  return TEXTS.map(([title, text, quotes, translation], n) => {
    const a = article(n + 1, title, text);
    return { article: a, text, facts: quotes.map((q, k) => fact(a, text, q, k, k === 0 ? translation : undefined)) };
  });
}

/** The index as the incremental path builds it: each article's and fact's document added in turn. */
function oneByOne(list: BuildItem[]): SearchIndex {
  const index = new SearchIndex(new Analyzer(new Set(['almaty'])));
  for (const item of list) {
    const tokens = tokenize(indexedPart(item.text));
    const a = articleDoc(item.article, tokens);
    index.addDoc(a.meta, a.weights);
    for (const f of item.facts) {
      const d = factDoc(f, item.article, tokens);
      index.addDoc(d.meta, d.weights);
    }
  }
  return index;
}

describe('IndexBuilder', () => {
  it('writes the same base file as the documents added one by one', () => {
    const list = items();
    const builder = new IndexBuilder(new Set(['almaty']));
    for (const item of list) builder.add(item);
    const seal = { analyzerId: 'a', epoch: 'e', fingerprint: {} };
    const expected = encodeBase(oneByOne(list), 'a', 'e', {});
    const built = builder.encode(seal);
    expect(builder.index.liveDocs).toBe(4 + 7);
    expect(builder.index.vocabSize).toBeGreaterThan(40);
    expect(built.equals(expected)).toBe(true);
  });

  it('counts a quote by the tokens inside it, and a translation at body weight', () => {
    const [first] = items();
    const builder = new IndexBuilder(new Set());
    builder.add(first!);
    const index = builder.index;
    const weightIn = (word: string, doc: number) => {
      let found = 0;
      index.postings(index.knownVocabId(word)!, (d, w) => d === doc && (found = w));
      return found;
    };
    // the article (doc 0): the title's "Суд" ×3, then "Суд" twice and "СУД" in the text; "суд" once
    expect(weightIn('^суд', 0)).toBe(3 + 3);
    expect(weightIn('суд', 0)).toBe(1);
    // its first fact (doc 1): the quote's words ×3, the translation's ×1; nothing of the text outside it
    expect(weightIn('сотталған', 1)).toBe(3);
    expect(weightIn('parole', 1)).toBe(1);
    expect(weightIn('отказал', 1)).toBe(0);
    expect(weightIn('отказал', 2)).toBe(3);
  });

  it('a very long run of letters is no word', () => {
    const builder = new IndexBuilder(new Set());
    const text = `short ${'я'.repeat(129)} words`;
    builder.add({ article: article(1, 'T', text), text, facts: [] });
    expect(builder.index.knownVocabId('я'.repeat(129))).toBeUndefined();
    expect(builder.index.knownVocabId('words')).toBeDefined();
  });
});

describe('KeyTable.build', () => {
  it('sorts keys as strings compare and keeps every id of a key in order, duplicates and out-of-order input too', () => {
    const pairs: Array<[string, number]> = [
      ['б', 3],
      ['a', 5],
      ['б', 1],
      ['Z', 2],
      ['a', 5],
      ['ә', 0],
      ['a', 4],
    ];
    const t = KeyTable.build(pairs);
    expect(t.keys).toEqual(['Z', 'a', 'б', 'ә']);
    expect([...t.offsets]).toEqual([0, 1, 4, 6, 7]);
    expect([...t.ids]).toEqual([2, 4, 5, 5, 1, 3, 0]);
    expect(t.get('a')).toEqual([4, 5, 5]);
    expect(t.get('x')).toBeUndefined();
  });
});

/** A small dossier, fed straight to the HTML builder. */
import type { DossierData } from '../../../../electron/core/dossier/types.js';

export const HASH_A = 'a'.repeat(64);
export const HASH_B = 'b'.repeat(64);

export function sampleData(): DossierData {
  return {
    caseId: 'case-1',
    title: 'Мұхтар Жәкішев ісі',
    summary: 'First paragraph.\n\nSecond paragraph.',
    facts: [
      {
        id: 'f1',
        quote: '2009 жылы 14 жылға сотталған',
        lang: 'kk',
        type: 'sentence',
        date: { value: '2009', precision: 'year', approximate: false },
        people: ['Мұхтар Жәкішев'],
        places: [],
        organizations: [],
        sourceId: 's2',
      },
      {
        id: 'f2',
        quote: 'Биыл қыркүйекте Өскемендегі сот Жәкішевтің өтінішін қанағаттандырмай',
        lang: 'kk',
        type: 'parole-denied',
        date: { value: '2020-09', precision: 'month', approximate: true },
        people: ['Мұхтар Жәкішев'],
        places: ['Өскемен'],
        organizations: [],
        roles: { 'Мұхтар Жәкішев': 'victim' },
        sourceId: 's1',
      },
      {
        id: 'f3',
        quote: 'Undated <statement>',
        lang: 'en',
        type: 'custom-type',
        date: null,
        people: [],
        places: [],
        organizations: [],
        sourceId: 's1',
      },
    ],
    entities: [
      { kind: 'person', name: 'Мұхтар Жәкішев', aliases: ['Мухтар Джакишев', 'Mukhtar Dzhakishev'] },
      { kind: 'place', name: 'Өскемен', aliases: ['Усть-Каменогорск'] },
    ],
    typeLabels: { 'parole-denied': { en: 'Parole denied', kk: 'Шартты босатудан бас тарту', ru: 'Отказ в УДО' } },
    sources: [
      {
        id: 's1',
        title: 'First source',
        publisher: 'Azattyq',
        publishedAt: '2020-10-20',
        url: 'https://example.org/kk/zhakishev-picket',
        importedAt: '2026-11-26T06:00:00.000Z',
        sha256: HASH_A,
        textSha256: HASH_B,
        lang: 'kk',
      },
      {
        id: 's2',
        title: 'Second source',
        publisher: null,
        publishedAt: null,
        url: null,
        importedAt: '2026-11-26T06:00:00.000Z',
        sha256: HASH_B,
        textSha256: HASH_A,
        lang: 'ru',
      },
    ],
  };
}

/** n synthetic facts over 20 sources: for size and timing tests. */
export function manyFacts(n: number): DossierData {
  const base = sampleData();
  const sources = Array.from({ length: 20 }, (_, i) => ({
    ...base.sources[0]!,
    id: `s${i}`,
    title: `Дереккөз ${i}: Жәкішевтің ісі туралы`,
    sha256: i.toString(16).padStart(64, '0'),
  }));
  const facts = Array.from({ length: n }, (_, i) => ({
    ...base.facts[1]!,
    id: `f${i}`,
    quote: `${i}: Өскемендегі сот Жәкішевтің шартты түрде босату туралы өтінішін қанағаттандырмай қамауда қалдырған. ә ғ қ ң ө ұ ү һ і`,
    date: {
      value: `${2000 + (i % 25)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      precision: 'day' as const,
      approximate: false,
    },
    sourceId: `s${i % 20}`,
  }));
  return { ...base, facts, sources };
}

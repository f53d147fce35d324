/**
 * The search evaluation set (tests/search-eval: generated from hunspell-kk, OpenCorpora via az,
 * petrovich, lvovich, romanization tools and GeoNames) as a ratchet: recall per category may not fall
 * below its floor, false merges may not rise above their ceiling, on the dev part and the held-out part.
 * The floors are measured figures rounded down: raise them when the analyzer improves.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PARTS,
  rate,
  readArticles,
  readPairs,
  reportTable,
  scoreArticles,
  scorePairs,
  type ArticleScore,
  type Part,
  type Score,
} from '../../../search-eval/evaluate.js';

/** percent: [dev, held-out]; a positive category's recall floor, a "not-" category's false-merge ceiling */
const LIMITS: Record<string, [number, number]> = {
  'kk-case': [96, 97],
  'kk-plural': [99, 99],
  'kk-possessive': [19, 21],
  'kk-possessive-case': [71, 73],
  'latin-bgn': [87, 88],
  'latin-common': [82, 83],
  'latin-gost': [68, 69],
  'latin-iso9': [76, 78],
  'latin-kk2017': [69, 72],
  'latin-kk2021': [100, 100],
  'name-given': [78, 82],
  'name-kh': [0, 0],
  'name-kk-case': [98, 99],
  'name-surname': [97, 93],
  'place-geonames': [76, 73],
  'place-ru-case': [63, 72],
  'ru-capital': [59, 64],
  'ru-noun': [93, 94],
  'ru-yo': [1, 2],
  'not-kk-derived': [20, 26],
  'not-kk-lookalike': [93, 94],
  'not-name-prefix': [10, 0],
  'not-place-noun': [50, 100],
  'not-ru-distinct': [1.1, 2],
};
/** all positive pairs: recall floor; all must-not pairs: false-merge ceiling; articles: found floor, false hits ceiling */
const TOTALS = {
  recall: [77, 78],
  falseMerges: [49, 46],
  articleHits: [78, 77],
  articleFalseHits: [109, 103],
} satisfies Record<string, [number, number]>;

const pairs = {} as Record<Part, Map<string, Score>>;
const articles = {} as Record<Part, ArticleScore>;

beforeAll(async () => {
  for (const part of PARTS) {
    pairs[part] = scorePairs(readPairs(part));
    articles[part] = await scoreArticles(readArticles(part));
  }
  console.log(`search evaluation\n${reportTable(pairs, articles)}`);
  // two parts: some 40,000 queries and two archives of a few hundred articles
}, 180_000);

const pct = (s: Score | undefined) => 100 * rate(s);
const total = (part: Part, neg: boolean): Score => {
  const out = { n: 0, found: 0 };
  for (const [c, s] of pairs[part]) {
    if (c.startsWith('not-') !== neg) continue;
    out.n += s.n;
    out.found += s.found;
  }
  return out;
};

describe.each(PARTS.map((part, i) => ({ part, i })))('search evaluation, $part part', ({ part, i }) => {
  it('has every category, with enough pairs to mean something', () => {
    expect([...pairs[part].keys()].sort()).toEqual(Object.keys(LIMITS).sort());
    expect(total(part, false).n).toBeGreaterThan(5_000);
    expect(total(part, true).n).toBeGreaterThan(500);
  });

  it.each(Object.entries(LIMITS))('%s holds its limit', (category, limits) => {
    const value = pct(pairs[part].get(category));
    if (category.startsWith('not-')) expect(value, `${category} false merges %`).toBeLessThanOrEqual(limits[i]!);
    else expect(value, `${category} recall %`).toBeGreaterThanOrEqual(limits[i]!);
  });

  it('holds the totals over all pairs and over articles', () => {
    expect(pct(total(part, false))).toBeGreaterThanOrEqual(TOTALS.recall[i]!);
    expect(pct(total(part, true))).toBeLessThanOrEqual(TOTALS.falseMerges[i]!);
    const a = articles[part];
    expect((100 * a.found) / a.expected).toBeGreaterThanOrEqual(TOTALS.articleHits[i]!);
    expect(a.falseHits).toBeLessThanOrEqual(TOTALS.articleFalseHits[i]!);
  });
});

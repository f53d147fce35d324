/**
 * Search-eval part: the accuracy of cross-script search on the generated evaluation set
 * (tests/search-eval): recall and false merges per category, dev and held-out, and article-level
 * hits. Sizes and seed do not apply (the set is fixed). Targets: recall ≥ 95 %, false merges ≤ 3 %,
 * articles ≥ 97 % of the expected hits and no false hit.
 */
import {
  PARTS,
  readArticles,
  readPairs,
  reportTable,
  scoreArticles,
  scorePairs,
  type ArticleScore,
  type Part,
  type Score,
} from '../search-eval/evaluate.js';
import { met, partReport, type BenchPart } from './harness.js';

const TARGET_RECALL = 0.95;
const TARGET_FALSE_MERGES = 0.03;
const TARGET_ARTICLE_HITS = 0.97;

export const searchEvalPart: BenchPart = {
  name: 'search-eval',
  description: 'search accuracy on the generated evaluation set (tests/search-eval): recall, false merges, articles',
  async run(ctx) {
    const pairs = {} as Record<Part, Map<string, Score>>;
    const articles = {} as Record<Part, ArticleScore>;
    const ms: Record<string, number> = {};
    for (const part of PARTS) {
      ctx.log(`search-eval: ${part} word pairs…`);
      let t = performance.now();
      pairs[part] = scorePairs(readPairs(part));
      ms[`${part} pairs`] = performance.now() - t;
      ctx.log(`search-eval: ${part} articles…`);
      t = performance.now();
      articles[part] = await scoreArticles(readArticles(part));
      ms[`${part} articles`] = performance.now() - t;
    }
    const verdicts = PARTS.map((part) => {
      let pos = { n: 0, f: 0 };
      let neg = { n: 0, f: 0 };
      for (const [c, s] of pairs[part]) {
        if (c.startsWith('not-')) neg = { n: neg.n + s.n, f: neg.f + s.found };
        else pos = { n: pos.n + s.n, f: pos.f + s.found };
      }
      const a = articles[part];
      const recall = pos.f / pos.n;
      const merges = neg.f / neg.n;
      const hits = a.found / a.expected;
      return (
        `- **${part}**: recall ${(100 * recall).toFixed(1)} % (≥ 95 %: **${met(recall >= TARGET_RECALL)}**), ` +
        `false merges ${(100 * merges).toFixed(1)} % (≤ 3 %: **${met(merges <= TARGET_FALSE_MERGES)}**), ` +
        `articles ${(100 * hits).toFixed(1)} % found (≥ 97 %: **${met(hits >= TARGET_ARTICLE_HITS)}**), ` +
        `${a.falseHits} false hits (none: **${met(a.falseHits === 0)}**)`
      );
    });
    const timing = Object.entries(ms)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
      .join(', ');
    return {
      report: partReport(
        '### Search accuracy (evaluation set)',
        reportTable(pairs, articles),
        verdicts.join('\n'),
        `How measured: tests/search-eval/README.md. Every form is one document of an in-memory index; each query goes through the query pipeline (all tiers, aliases included). Articles are imported into a temp archive and searched. Took: ${timing}.`,
      ),
      data: {
        pairs: Object.fromEntries(PARTS.map((p) => [p, Object.fromEntries(pairs[p])])),
        articles: Object.fromEntries(PARTS.map((p) => [p, { ...articles[p], missed: undefined, wrong: undefined }])),
      },
    };
  },
};

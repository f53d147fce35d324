/**
 * The search evaluation (see README.md beside this file): word pairs through the query pipeline over
 * one in-memory index of every word form, and articles through a real archive. Shared by the vitest
 * ratchet (tests/unit/core/search/evaluation.test.ts) and `npm run bench -- search-eval`.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive.js';
import { Analyzer, tokenize } from '../../electron/core/search/analyze.js';
import { AliasTable, protectedKeys, SHIPPED_GAZETTEERS } from '../../electron/core/search/gazetteer.js';
import { SearchIndex, vocabWord, type DocMeta } from '../../electron/core/search/index.js';
import { evaluate, parseQuery } from '../../electron/core/search/query.js';

export type Part = 'dev' | 'heldout';
export const PARTS: Part[] = ['dev', 'heldout'];

export interface Pair {
  /** category; "not-…" ones are must-not pairs */
  c: string;
  q: string;
  f: string;
  src: string;
}

export interface ArticleSet {
  articles: Array<{ id: string; title: string; text: string }>;
  cases: Array<{ q: string; c: string; hits: string[]; notHit: string[] }>;
}

/** Where the fixture files are: beside this file in the tree, or from the repository root (the bench bundle). */
function fixture(name: string, dir?: string): string {
  return path.join(dir ?? path.join(process.cwd(), 'tests/search-eval'), name);
}

/** generate.mjs's pairs and generate-more.mjs's, of one part; a pair both give counts once. */
export function readPairs(part: Part, dir?: string): Pair[] {
  const seen = new Set<string>();
  return [`pairs.${part}.jsonl`, `more-pairs.${part}.jsonl`]
    .flatMap((file) =>
      readFileSync(fixture(file, dir), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Pair),
    )
    .filter((p) => {
      const id = `${p.c}\t${p.q}\t${p.f}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
}

export function readArticles(part: Part, dir?: string): ArticleSet {
  return JSON.parse(readFileSync(fixture(`articles.${part}.json`, dir), 'utf8')) as ArticleSet;
}

export interface Score {
  /** pairs in the category */
  n: number;
  /** pairs where the query found the form (for a must-not category: the false merges) */
  found: number;
}

const blankMeta = (id: string): DocMeta => ({
  kind: 'article',
  id,
  articleId: id,
  published: 0,
  lang: 'other',
  title: '',
  textSha256: '',
  type: '',
  date: '',
  start: 0,
  end: 0,
  tags: [],
  entities: [],
});

/**
 * Every distinct form is one document of one in-memory index, analysed as the archive's index does
 * (shipped gazetteers, their protected names and aliases); each distinct query runs once. `failures`
 * collects the pairs that failed (misses and false merges), for reading the dev part's.
 */
export function scorePairs(pairs: readonly Pair[], failures?: Pair[]): Map<string, Score> {
  const analyzer = new Analyzer(protectedKeys(SHIPPED_GAZETTEERS));
  const aliases = AliasTable.of(analyzer, SHIPPED_GAZETTEERS, []);
  const index = new SearchIndex(analyzer);
  const docOf = new Map<string, number>();
  for (const p of pairs) {
    if (docOf.has(p.f)) continue;
    const weights = new Map<string, number>();
    for (const t of tokenize(p.f)) weights.set(vocabWord(t.surface), 1);
    docOf.set(p.f, index.addDoc(blankMeta(`d${docOf.size}`), weights));
  }
  const hitsOf = new Map<string, Set<number>>();
  const out = new Map<string, Score>();
  for (const p of pairs) {
    let hits = hitsOf.get(p.q);
    if (!hits) {
      hits = new Set(evaluate(index, parseQuery(p.q, analyzer, aliases), () => true).docs);
      hitsOf.set(p.q, hits);
    }
    const s = out.get(p.c) ?? { n: 0, found: 0 };
    s.n++;
    const found = hits.has(docOf.get(p.f)!);
    if (found) s.found++;
    // a miss of a positive pair, a hit of a must-not one
    if (failures && found === p.c.startsWith('not-')) failures.push(p);
    out.set(p.c, s);
  }
  return out;
}

export interface ArticleScore {
  /** expected (query, article) hits, and how many were found */
  expected: number;
  found: number;
  /** (query, article) pairs that must not hit, and how many did */
  mustNot: number;
  falseHits: number;
  missed: string[];
  wrong: string[];
}

/** The articles through a real archive in a temp folder: import, then search each case. */
export async function scoreArticles(set: ArticleSet): Promise<ArticleScore> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'aqiqat-search-eval-'));
  try {
    const archive = await Archive.create(path.join(dir, 'archive'));
    // one batch import (metadata written once), not an fsync per article
    await mkdir(path.join(dir, 'in'));
    const files = set.articles.map((a) => path.join(dir, 'in', `${a.id}.txt`));
    await Promise.all(set.articles.map((a, i) => writeFile(files[i]!, `${a.title}\n${a.text}\n`)));
    const { items } = await archive.importFiles(files);
    const idOf = new Map<string, string>();
    for (const item of items) {
      if (!item.article) throw new Error(`${item.file} was not imported: ${item.error ?? item.status}`);
      idOf.set(item.article.id, path.basename(item.file, '.txt'));
    }
    const score: ArticleScore = { expected: 0, found: 0, mustNot: 0, falseHits: 0, missed: [], wrong: [] };
    for (const c of set.cases) {
      const got = new Set(
        (await archive.search(c.q, 1000)).filter((h) => h.kind === 'article').map((h) => idOf.get(h.articleId)),
      );
      for (const id of c.hits) {
        score.expected++;
        if (got.has(id)) score.found++;
        else score.missed.push(`${c.q} → ${id}`);
      }
      for (const id of c.notHit) {
        score.mustNot++;
        if (got.has(id)) {
          score.falseHits++;
          score.wrong.push(`${c.q} → ${id}`);
        }
      }
    }
    await archive.close();
    return score;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);

/** Markdown: recall per positive category, false merges per must-not category, both parts side by side. */
export function reportTable(
  pairs: Record<Part, Map<string, Score>>,
  articles: Partial<Record<Part, ArticleScore>> = {},
): string {
  const cats = [...new Set(PARTS.flatMap((p) => [...pairs[p].keys()]))].sort(
    (a, b) => Number(a.startsWith('not-')) - Number(b.startsWith('not-')) || (a < b ? -1 : 1),
  );
  const rows = ['| category | measure | dev | held-out | pairs (dev / held-out) |', '| --- | --- | --- | --- | --- |'];
  const total = (p: Part, neg: boolean) => {
    let n = 0;
    let f = 0;
    for (const [c, s] of pairs[p]) {
      if (c.startsWith('not-') !== neg) continue;
      n += s.n;
      f += s.found;
    }
    return { n, found: f };
  };
  for (const c of cats) {
    const [d, h] = PARTS.map((p) => pairs[p].get(c) ?? { n: 0, found: 0 });
    const measure = c.startsWith('not-') ? 'false merges' : 'recall';
    rows.push(`| ${c} | ${measure} | ${pct(d!.found, d!.n)} | ${pct(h!.found, h!.n)} | ${d!.n} / ${h!.n} |`);
  }
  for (const neg of [false, true]) {
    const [d, h] = PARTS.map((p) => total(p, neg));
    rows.push(
      `| **all ${neg ? 'must-not' : 'positive'}** | ${neg ? 'false merges' : 'recall'} | ${pct(d!.found, d!.n)} | ${pct(h!.found, h!.n)} | ${d!.n} / ${h!.n} |`,
    );
  }
  const [ad, ah] = PARTS.map((p) => articles[p]);
  if (ad || ah) {
    const hit = (a?: ArticleScore) => (a ? pct(a.found, a.expected) : '–');
    const no = (a?: ArticleScore) => (a ? `${a.falseHits} of ${a.mustNot}` : '–');
    rows.push(
      `| **articles** | expected hits found | ${hit(ad)} | ${hit(ah)} | ${ad?.expected ?? 0} / ${ah?.expected ?? 0} |`,
    );
    rows.push(`| **articles** | false hits | ${no(ad)} | ${no(ah)} | ${ad?.mustNot ?? 0} / ${ah?.mustNot ?? 0} |`);
  }
  return rows.join('\n');
}

export const rate = (s: Score | undefined): number => (s && s.n > 0 ? s.found / s.n : 0);

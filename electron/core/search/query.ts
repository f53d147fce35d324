/**
 * Queries: parsing (words, "phrases", prefixes*) and scoring over a SearchIndex, without I/O.
 *
 * Every query word must match (AND). A word matches a document word at the best of four tiers:
 *   exact   the same word, case aside                                    (Жәкішев ~ Жәкішев)
 *   stem    the same stem in the same script                             (Жәкішев ~ Жәкішевтің)
 *   folded  the same folded key or folded stem, any script or spelling   (Жәкішев ~ Джакишеву, Zhakishev);
 *           not between two words written with Kazakh letters (қол ≁ көл)
 *   alias   another name of the same gazetteer group or entity           (Өскемен ~ Усть-Каменогорск)
 * A form of a word that is the query in other Kazakh letters meets it at no tier (аққайын ≁ аққайыңда).
 * A tier outweighs any count of occurrences; within a tier, more (and title/quote) occurrences rank
 * higher; equal scores put the more recently published first.
 */
import { AqiqatError } from '../errors.js';
import type { Analyzer, WordAnalysis } from './analyze.js';
import { fold, hasKazakhLetter } from './fold.js';
import { nameTokens, type AliasTable } from './gazetteer.js';
import type { SearchIndex } from './index.js';

export const MAX_QUERY_CHARS = 1000;
export const MAX_QUERY_WORDS = 32;
/** A prefix expands to at most this many words (Жәкіш* → Жәкішев, Жәкішевтің, …). */
export const MAX_PREFIX_WORDS = 300;
/** A prefix needs this many letters: `а*` would mean the whole archive. */
export const MIN_PREFIX_CHARS = 2;

export const enum Tier {
  Alias = 1,
  Folded = 2,
  Stem = 3,
  Exact = 4,
}
const TIER_SCORE = [0, 5, 10, 20, 30];

export interface QueryWord {
  analysis: WordAnalysis;
  prefix: boolean;
}

/** One condition every hit meets: any of its alternatives (each a sequence of words, all required). */
export interface Clause {
  alternatives: Array<{ words: QueryWord[]; alias: boolean }>;
  /** words of one quoted phrase share a phrase number and must stand next to each other */
  phrase: number | null;
}

export interface ParsedQuery {
  clauses: Clause[];
  /** the phrases, as their clauses' indexes in order */
  phrases: number[][];
}

interface RawPart {
  text: string;
  phrase: number | null;
  prefix: boolean;
}

/** Split the query into words and quoted phrases; a trailing * marks a prefix. */
export function parseQuery(text: string, analyzer: Analyzer, aliases: AliasTable | null): ParsedQuery {
  if (text.length > MAX_QUERY_CHARS) {
    throw new AqiqatError('search.query-too-long', { n: text.length, max: MAX_QUERY_CHARS }, 'usage');
  }
  const parts: RawPart[] = [];
  let phrases = 0;
  // a lone quote opens a phrase to the end of the query
  const re = /"([^"]*)"?|[^\s"]+/gu;
  for (const m of text.normalize('NFC').matchAll(re)) {
    if (m[1] !== undefined) {
      const words = nameTokens(m[1]);
      if (words.length === 0) continue;
      const phrase = words.length > 1 ? phrases++ : null;
      for (const w of words) parts.push({ text: w.surface, phrase, prefix: false });
    } else {
      const raw = m[0];
      const words = nameTokens(raw);
      words.forEach((w, i) =>
        parts.push({ text: w.surface, phrase: null, prefix: i === words.length - 1 && /\*$/.test(raw) }),
      );
    }
  }
  if (parts.length > MAX_QUERY_WORDS) {
    throw new AqiqatError('search.too-many-words', { n: parts.length, max: MAX_QUERY_WORDS }, 'usage');
  }
  for (const p of parts) {
    if (p.prefix && [...p.text].length < MIN_PREFIX_CHARS) {
      throw new AqiqatError('search.prefix-too-short', { word: p.text, min: MIN_PREFIX_CHARS }, 'usage');
    }
  }
  const words: QueryWord[] = parts.map((p) => ({ analysis: analyzer.analyze(p.text), prefix: p.prefix }));
  const clauses: Clause[] = [];
  const phraseClauses: number[][] = Array.from({ length: phrases }, () => []);
  for (let i = 0; i < parts.length;) {
    const part = parts[i]!;
    if (part.phrase === null && !part.prefix && aliases) {
      // a name of one or more plain words: its other names are alternatives
      const run = [];
      for (let j = i; j < parts.length && parts[j]!.phrase === null && !parts[j]!.prefix; j++)
        run.push(words[j]!.analysis);
      const m = aliases.match(run, 0);
      if (m) {
        const own = words.slice(i, i + m.length);
        clauses.push({
          alternatives: [
            { words: own, alias: false },
            ...m.alternatives.map((ws) => ({
              words: ws.map((analysis) => ({ analysis, prefix: false })),
              alias: true,
            })),
          ],
          phrase: null,
        });
        i += m.length;
        continue;
      }
    }
    if (part.phrase !== null) phraseClauses[part.phrase]!.push(clauses.length);
    clauses.push({ alternatives: [{ words: [words[i]!], alias: false }], phrase: part.phrase });
    i++;
  }
  return { clauses, phrases: phraseClauses };
}

/** Vocabulary words a query word matches, each at its best tier. */
export function expandWord(index: SearchIndex, word: QueryWord, alias: boolean): Map<number, Tier> {
  const out = new Map<number, Tier>();
  const add = (ids: readonly number[] | undefined, tier: Tier) => {
    if (!ids) return;
    for (const v of ids) if ((out.get(v) ?? 0) < tier) out.set(v, tier);
  };
  const a = word.analysis;
  if (alias) {
    // another name: its spellings and inflections, never above the alias tier
    for (const k of [a.key, ...a.keyStems]) add(index.byKey.get(k), Tier.Alias);
    return out;
  }
  if (word.prefix) {
    for (const lower of index.lowersWithPrefix(a.lower, MAX_PREFIX_WORDS)) add(index.byLower.get(lower), Tier.Stem);
    for (const key of index.keysWithPrefix(a.key, MAX_PREFIX_WORDS)) add(index.byKey.get(key), Tier.Folded);
    add(index.byLower.get(a.lower), Tier.Exact);
    return out;
  }
  const folded = inKazakhScript(a) ? kazakhScript(index, a) : (ids: readonly number[] | undefined) => ids;
  add(folded(index.byKey.get(a.key)), Tier.Folded);
  for (const k of a.keyStems) add(folded(index.byKey.get(k)), Tier.Folded);
  add(index.byStem.get(a.lower), Tier.Stem);
  for (const s of a.stems) add(index.byStem.get(s), Tier.Stem);
  add(index.byLower.get(a.lower), Tier.Exact);
  if (inKazakhScript(a)) dropLookalikeForms(index, a, out);
  return out;
}

/**
 * A word in Kazakh letters whose stem is another spelling of the query's whole word, written with
 * other Kazakh letters, is a form of that lookalike word (аққайыңда is аққайың's, not аққайын's),
 * even where both also lose an ending to one shared stem (аққай).
 */
function dropLookalikeForms(index: SearchIndex, q: WordAnalysis, out: Map<number, Tier>): void {
  const own = q.lower.replace(/-/g, '');
  // letter for letter, before norm, which also joins doubled letters (міндетт ~ міндет)
  const ownKey = fold(own).key;
  for (const v of out.keys()) {
    const w = index.analysis(v);
    if (w.lower === q.lower) continue;
    const lookalike = [w.lower, ...w.stems].some((s) => {
      const plain = s.replace(/-/g, '');
      return plain !== own && hasKazakhLetter(plain) && fold(plain).key === ownKey;
    });
    if (lookalike) out.delete(v);
  }
}

/**
 * Both words written with Kazakh letters: their letters are what they are (қол is not көл, құл not
 * күл), so folding may not join them; only the same surface stems may (hyphens aside). Folding still
 * joins a Kazakh word with a Russian or Latin spelling that lost the distinction (Жакишев, Zhakishev).
 */
function kazakhScript(index: SearchIndex, q: WordAnalysis): (ids: readonly number[] | undefined) => number[] {
  const dehyphen = (w: string) => w.replace(/-/g, '');
  const own = new Set([q.lower, ...q.stems].map(dehyphen));
  return (ids) =>
    (ids ?? []).filter((v) => {
      const w = index.analysis(v);
      return !inKazakhScript(w) || [w.lower, ...w.stems].some((s) => own.has(dehyphen(s)));
    });
}

/** Kazakh letters in the word and in each of its stems (Жакишевтің is a Russian spelling + an ending). */
const inKazakhScript = (a: WordAnalysis): boolean => hasKazakhLetter(a.lower) && a.stems.every(hasKazakhLetter);

/** Per-document best score of one clause, over a dense array (fast for common words). */
class ClauseScores {
  readonly scores: Float32Array;
  readonly tiers: Uint8Array;
  docs: number[] = [];
  constructor(readonly size: number) {
    this.scores = new Float32Array(size);
    this.tiers = new Uint8Array(size);
  }
  offer(doc: number, score: number, tier: number): void {
    const old = this.scores[doc]!;
    if (old === 0) this.docs.push(doc);
    if (score > old) {
      this.scores[doc] = score;
      this.tiers[doc] = tier;
    }
  }
  /** Zero what was touched, so that the arrays serve the next query (no allocation, less GC). */
  clear(): void {
    for (const d of this.docs) {
      this.scores[d] = 0;
      this.tiers[d] = 0;
    }
    this.docs = [];
  }
}

/** Score arrays kept between queries of one engine (queries run one at a time). */
export class Scratch {
  #free: ClauseScores[] = [];
  #size = -1;
  total = new Float32Array(0);
  worst = new Uint8Array(0);
  #touched: number[] = [];

  begin(size: number): void {
    if (size !== this.#size) {
      this.#size = size;
      this.#free = [];
      this.total = new Float32Array(size);
      this.worst = new Uint8Array(size).fill(255);
    } else {
      for (const d of this.#touched) {
        this.total[d] = 0;
        this.worst[d] = 255;
      }
    }
    this.#touched = [];
  }

  touch(docs: readonly number[]): void {
    for (const d of docs) this.#touched.push(d);
  }

  take(): ClauseScores {
    return this.#free.pop() ?? new ClauseScores(this.#size);
  }

  give(c: ClauseScores): void {
    c.clear();
    if (c.size === this.#size) this.#free.push(c);
  }
}

const tfScore = (weight: number) => (6 * weight) / (weight + 3);

export interface Matches {
  /** matching documents, unordered, with their scores and worst clause tier */
  docs: number[];
  scores: Float32Array;
  tiers: Uint8Array;
  /** vocabulary ids that matched, per clause (for highlights and phrase checks) */
  matchedWords: Array<Set<number>>;
}

/** Every document that meets all clauses and `accept`, with its score. */
export function evaluate(
  index: SearchIndex,
  query: ParsedQuery,
  accept: (doc: number) => boolean,
  scratch = new Scratch(),
): Matches {
  scratch.begin(index.docCount);
  const total = scratch.total;
  const worst = scratch.worst;
  let candidates: number[] | null = null;
  const matchedWords: Array<Set<number>> = [];
  for (const clause of query.clauses) {
    const clauseScores = scratch.take();
    const matched = new Set<number>();
    for (const alt of clause.alternatives) {
      const single = alt.words.length === 1;
      const altScores = single ? clauseScores : scratch.take();
      let altDocs: number[] | null = null;
      for (const word of alt.words) {
        const tiers = expandWord(index, word, alt.alias);
        const ws = single ? altScores : scratch.take();
        for (const [v, tier] of tiers) {
          matched.add(v);
          // the same folded word (Dzhakishev for Zhakishev) before a folded inflection (Jäkışevtıñ)
          const sameKey = tier === Tier.Folded && index.analysis(v).key === word.analysis.key ? 4 : 0;
          const base = TIER_SCORE[tier]! + sameKey;
          index.postings(v, (doc, weight) => ws.offer(doc, base + tfScore(weight), tier));
        }
        if (!single) {
          // all words of a multi-word name: keep documents having each, summing their scores
          const docs: number[] = altDocs === null ? [...ws.docs] : altDocs.filter((d) => ws.scores[d]! > 0);
          for (const d of docs) {
            if (altDocs === null) altScores.offer(d, ws.scores[d]!, ws.tiers[d]!);
            else {
              altScores.scores[d] = altScores.scores[d]! + ws.scores[d]!;
              altScores.tiers[d] = Math.min(altScores.tiers[d]!, ws.tiers[d]!);
            }
          }
          altDocs = docs;
          scratch.give(ws);
        }
      }
      if (!single) {
        for (const d of altDocs ?? [])
          clauseScores.offer(d, altScores.scores[d]! / alt.words.length, altScores.tiers[d]!);
        scratch.give(altScores);
      }
    }
    matchedWords.push(matched);
    const docs: number[] =
      candidates === null ? [...clauseScores.docs] : candidates.filter((d) => clauseScores.scores[d]! > 0);
    if (candidates === null) scratch.touch(docs);
    for (const d of docs) {
      total[d] = total[d]! + clauseScores.scores[d]!;
      worst[d] = Math.min(worst[d]!, clauseScores.tiers[d]!);
    }
    scratch.give(clauseScores);
    candidates = docs;
    if (candidates.length === 0) break;
  }
  const docs = (candidates ?? []).filter(accept);
  return { docs, scores: total, tiers: worst, matchedWords };
}

/** Best first: score, then newest published, then id (stable across runs). The first `limit` only. */
export function rank(index: SearchIndex, m: Matches, limit: number): number[] {
  const better = (a: number, b: number): boolean => {
    if (m.scores[a]! !== m.scores[b]!) return m.scores[a]! > m.scores[b]!;
    const pa = index.published(a);
    const pb = index.published(b);
    return pa !== pb ? pa > pb : index.idBefore(a, b);
  };
  if (limit * 4 >= m.docs.length)
    return m.docs.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).slice(0, limit);
  // keep a sorted top list; with unordered input, most documents fail the first comparison
  const top: number[] = [];
  for (const d of m.docs) {
    if (top.length >= limit && !better(d, top[top.length - 1]!)) continue;
    let at = top.length;
    while (at > 0 && better(d, top[at - 1]!)) at--;
    top.splice(at, 0, d);
    if (top.length > limit) top.pop();
  }
  return top;
}

/**
 * The inverted index in memory: documents (articles and facts), the vocabulary of distinct surface
 * words with their analyses, and per word its postings. Postings are kept per surface word only;
 * stems and folded keys map to surface words (vocabulary-sized maps), so the same postings serve
 * all three tiers and the index stays about as large as a plain word index.
 *
 * A loaded index is a read-only base (views into the file's bytes) plus an in-memory delta of
 * documents added since; deleted documents are tombstones until the next compaction rewrites it all.
 */
import type { Analyzer, WordAnalysis } from './analyze.js';
import { decodePostings, PostingWriter } from './postings.js';

export interface DocMeta {
  kind: 'article' | 'fact';
  /** article id or fact id */
  id: string;
  articleId: string;
  /** YYYYMMDD of the article's publication, 0 if unknown */
  published: number;
  lang: string;
  /** articles: title and text hash; facts: '' */
  title: string;
  textSha256: string;
  /** facts: type, event date (YYYY[-MM[-DD]] or ''), quote offsets in the article text */
  type: string;
  date: string;
  start: number;
  end: number;
  tags: string[];
  /** entity ids linked by a fact */
  entities: string[];
}

/** One vocabulary entry: the analyzer's word (lower-cased, `^` in front when capitalised). */
export interface VocabEntry {
  word: string;
  analysis: WordAnalysis;
}

export const CAPITAL_MARK = '^';

/** The vocabulary entry name of a surface word (capitalisation matters to the Russian rules). */
export function vocabWord(surface: string): string {
  const lower = surface.toLowerCase();
  return surface === lower || surface[0] === lower[0] ? lower : CAPITAL_MARK + lower;
}

export class SearchIndex {
  readonly docs: DocMeta[] = [];
  readonly deleted = new Set<number>();
  readonly #docById = new Map<string, number>();
  readonly vocab: VocabEntry[] = [];
  readonly #vocabId = new Map<string, number>();
  /** per vocab id: base postings (from the file) and postings added since */
  readonly #base: Array<Uint8Array | undefined> = [];
  readonly #delta: Array<PostingWriter | undefined> = [];
  /** lower-cased surface → vocab ids (tier exact) */
  readonly byLower = new Map<string, number[]>();
  /** same-script stem (or lower) → vocab ids (tier stem) */
  readonly byStem = new Map<string, number[]>();
  /** folded key or folded stem → vocab ids (tier folded) */
  readonly byKey = new Map<string, number[]>();
  #sortedKeys: string[] | null = null;
  #sortedLowers: string[] | null = null;

  constructor(readonly analyzer: Analyzer) {}

  get liveDocs(): number {
    return this.docs.length - this.deleted.size;
  }

  docNo(id: string): number | undefined {
    return this.#docById.get(id);
  }

  /** Add a document with its per-word weights (vocabulary words as keys). Replaces a doc of the same id. */
  addDoc(meta: DocMeta, weights: ReadonlyMap<string, number>): number {
    this.removeDoc(meta.id);
    const no = this.docs.length;
    this.docs.push(meta);
    this.#docById.set(meta.id, no);
    for (const [word, weight] of weights) {
      const v = this.vocabIdOf(word);
      let w = this.#delta[v];
      if (!w) this.#delta[v] = w = new PostingWriter();
      w.add(no, weight);
    }
    return no;
  }

  removeDoc(id: string): boolean {
    const no = this.#docById.get(id);
    if (no === undefined) return false;
    this.#docById.delete(id);
    this.deleted.add(no);
    return true;
  }

  /** Load-time: a document whose postings are in the base. */
  pushBaseDoc(meta: DocMeta): void {
    this.#docById.set(meta.id, this.docs.length);
    this.docs.push(meta);
  }

  /** Load-time: a vocabulary entry with its analysis (persisted, or recomputed) and base postings. */
  pushBaseWord(word: string, analysis: WordAnalysis, postings: Uint8Array): void {
    const v = this.#addVocab(word, analysis);
    this.#base[v] = postings;
  }

  /** The vocabulary id of a word the index holds, without adding it. */
  knownVocabId(word: string): number | undefined {
    return this.#vocabId.get(word);
  }

  vocabIdOf(word: string): number {
    const known = this.#vocabId.get(word);
    if (known !== undefined) return known;
    const surface = word.startsWith(CAPITAL_MARK) ? capitalise(word.slice(1)) : word;
    return this.#addVocab(word, this.analyzer.analyze(surface));
  }

  #addVocab(word: string, a: WordAnalysis): number {
    const v = this.vocab.length;
    this.vocab.push({ word, analysis: a });
    this.#vocabId.set(word, v);
    push(this.byLower, a.lower, v);
    push(this.byStem, a.lower, v);
    for (const s of a.stems) push(this.byStem, s, v);
    push(this.byKey, a.key, v);
    for (const k of a.keyStems) push(this.byKey, k, v);
    this.#sortedKeys = null;
    this.#sortedLowers = null;
    return v;
  }

  /** Visit the live postings of a vocabulary word. */
  postings(v: number, visit: (doc: number, weight: number) => void): void {
    const deleted = this.deleted;
    const live = deleted.size === 0 ? visit : (doc: number, w: number) => deleted.has(doc) || visit(doc, w);
    const base = this.#base[v];
    if (base) decodePostings(base, live);
    const delta = this.#delta[v];
    if (delta) decodePostings(delta.view(), live);
  }

  /** How many documents hold the word (deleted ones included: an estimate for ordering work). */
  documentFrequency(v: number): number {
    let n = 0;
    const base = this.#base[v];
    if (base) decodePostings(base, () => n++);
    return n + (this.#delta[v]?.count ?? 0);
  }

  /** Folded keys starting with `prefix` (prefix search), at most `max`. */
  keysWithPrefix(prefix: string, max: number): string[] {
    this.#sortedKeys ??= [...this.byKey.keys()].sort();
    return rangeWithPrefix(this.#sortedKeys, prefix, max);
  }

  lowersWithPrefix(prefix: string, max: number): string[] {
    this.#sortedLowers ??= [...this.byLower.keys()].sort();
    return rangeWithPrefix(this.#sortedLowers, prefix, max);
  }

  /** Every live document's postings merged: for compaction (doc numbers renumbered densely). */
  compacted(): { docs: DocMeta[]; words: Array<{ word: string; analysis: WordAnalysis; postings: Uint8Array }> } {
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const docs: DocMeta[] = [];
    this.docs.forEach((d, i) => {
      if (!this.deleted.has(i)) {
        renumber[i] = docs.length;
        docs.push(d);
      }
    });
    const words: Array<{ word: string; analysis: WordAnalysis; postings: Uint8Array }> = [];
    for (let v = 0; v < this.vocab.length; v++) {
      const w = new PostingWriter();
      this.postings(v, (doc, weight) => w.add(renumber[doc]!, weight));
      if (w.count > 0) words.push({ word: this.vocab[v]!.word, analysis: this.vocab[v]!.analysis, postings: w.view() });
    }
    return { docs, words };
  }
}

function push(map: Map<string, number[]>, key: string, v: number): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function rangeWithPrefix(sorted: readonly string[], prefix: string, max: number): string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < sorted.length && out.length < max && sorted[i]!.startsWith(prefix); i++) out.push(sorted[i]!);
  return out;
}

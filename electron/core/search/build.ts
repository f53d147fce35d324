/**
 * Building a whole index from the archive's records, with no I/O: the part of a rebuild that costs
 * CPU (tokenizing, analysing, postings, the base file's bytes). It runs in the index thread
 * (`build-worker.ts`, through `build-thread.ts`) so that the app answers while it runs, or inline when
 * there is no bundled thread beside the code (the TypeScript sources under vitest).
 */
import type { Article, Fact } from '../model.js';
import { Analyzer, tokenize, type Token } from './analyze.js';
import {
  articleMeta,
  factMeta,
  factTranslations,
  firstTokenAt,
  indexedPart,
  MAX_WORD,
  TITLE_WEIGHT,
} from './documents.js';
import { SearchIndex, vocabWord, type DocMeta } from './index.js';
import { encodeBase, type Fingerprint } from './persist.js';

/** One article as the builder takes it: its record, its facts and its text. */
export interface BuildItem {
  article: Article;
  facts: Fact[];
  text: string;
}

/** What the finished base is written with. */
export interface BuildSeal {
  analyzerId: string;
  epoch: string;
  fingerprint: Fingerprint;
}

/**
 * Builds the same index as adding each article's and fact's document (documents.ts) one by one, with
 * less work per token: a surface word is looked up once for the whole build (most tokens repeat), a
 * document's words are counted by vocabulary id in a reused array instead of a map of strings, and a
 * fact counts the ids its article's text already resolved.
 */
export class IndexBuilder {
  readonly index: SearchIndex;
  /** surface word → vocabulary id, or -1 for a run too long to be a word */
  readonly #idOf = new Map<string, number>();
  /** a document's weight per vocabulary id, and the ids it has, zeroed again after each document */
  #weights = new Int32Array(1 << 14);
  readonly #touched: number[] = [];

  constructor(protectedKeys: ReadonlySet<string>) {
    this.index = new SearchIndex(new Analyzer(protectedKeys));
  }

  /** Items must come oldest first: document numbers follow the archive's history. */
  add(item: BuildItem): void {
    const tokens = tokenize(indexedPart(item.text));
    // the title's words first, then the text's: vocabulary ids are given in the order addDoc would give them
    this.#count(this.#ids(tokenize(item.article.title)), 0, Infinity, TITLE_WEIGHT);
    const ids = this.#ids(tokens);
    this.#count(ids, 0, ids.length, 1);
    this.#addDoc(articleMeta(item.article));
    for (const f of item.facts) {
      const { start, end } = f.anchor;
      let to = firstTokenAt(tokens, start);
      const from = to;
      while (to < tokens.length && tokens[to]!.start < end) to++;
      // inside the quote: the tokens that end by its end (tokensIn)
      for (let i = from; i < to; i++) if (tokens[i]!.end <= end) this.#countOne(ids[i]!, TITLE_WEIGHT);
      for (const t of factTranslations(f)) this.#count(this.#ids(tokenize(t)), 0, Infinity, 1);
      this.#addDoc(factMeta(f, item.article));
    }
  }

  #ids(tokens: readonly Token[]): Int32Array {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const surface = tokens[i]!.surface;
      let v = this.#idOf.get(surface);
      if (v === undefined) {
        v = surface.length > MAX_WORD ? -1 : this.index.vocabIdOf(vocabWord(surface));
        this.#idOf.set(surface, v);
      }
      out[i] = v;
    }
    return out;
  }

  #count(ids: Int32Array, from: number, to: number, weight: number): void {
    for (let i = from, n = Math.min(to, ids.length); i < n; i++) this.#countOne(ids[i]!, weight);
  }

  #countOne(v: number, weight: number): void {
    if (v < 0) return;
    if (v >= this.#weights.length) {
      const grown = new Int32Array(Math.max(this.#weights.length * 2, v + 1));
      grown.set(this.#weights);
      this.#weights = grown;
    }
    if (this.#weights[v] === 0) this.#touched.push(v);
    this.#weights[v]! += weight;
  }

  #addDoc(meta: DocMeta): void {
    this.index.addDocByIds(meta, this.#touched, this.#weights);
    for (const v of this.#touched) this.#weights[v] = 0;
    this.#touched.length = 0;
  }

  encode(seal: BuildSeal): Buffer {
    return encodeBase(this.index, seal.analyzerId, seal.epoch, seal.fingerprint);
  }
}

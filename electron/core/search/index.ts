/**
 * The inverted index in memory: documents (articles and facts), the vocabulary of distinct surface
 * words with their analyses, and per word its postings. Postings are kept per surface word only;
 * stems and folded keys map to surface words (vocabulary-sized tables), so the same postings serve
 * all tiers and the index stays about as large as a plain word index.
 *
 * A loaded index is a read-only base (columns and views into the file's bytes, turned into objects
 * only when touched, so that loading costs little more than reading the file) plus what was added
 * since; deleted documents are tombstones until the next compaction rewrites it all.
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

export const CAPITAL_MARK = '^';

/** The vocabulary entry name of a surface word (capitalisation matters to the Russian rules). */
export function vocabWord(surface: string): string {
  const lower = surface.toLowerCase();
  return surface === lower || surface[0] === lower[0] ? lower : CAPITAL_MARK + lower;
}

/** Sorted keys → vocabulary ids, as loaded (CSR arrays), plus keys added since. */
export class KeyTable {
  readonly #extra = new Map<string, number[]>();
  #extraSorted: string[] | null = null;

  constructor(
    readonly keys: readonly string[] = [],
    readonly offsets: Uint32Array = new Uint32Array(1),
    readonly ids: Uint32Array = new Uint32Array(0),
  ) {}

  #find(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get(key: string): number[] | undefined {
    const i = this.#find(key);
    const base =
      i < this.keys.length && this.keys[i] === key
        ? Array.from(this.ids.subarray(this.offsets[i]!, this.offsets[i + 1]!))
        : undefined;
    const extra = this.#extra.get(key);
    if (!extra) return base;
    return base ? [...base, ...extra] : extra;
  }

  add(key: string, v: number): void {
    const list = this.#extra.get(key);
    if (list) list.push(v);
    else {
      this.#extra.set(key, [v]);
      this.#extraSorted = null;
    }
  }

  withPrefix(prefix: string, max: number): string[] {
    const out = new Set<string>();
    for (let i = this.#find(prefix); i < this.keys.length && out.size < max && this.keys[i]!.startsWith(prefix); i++)
      out.add(this.keys[i]!);
    this.#extraSorted ??= [...this.#extra.keys()].sort();
    for (const k of this.#extraSorted) if (out.size < max && k.startsWith(prefix)) out.add(k);
    return [...out];
  }

  /** Build from (key, id) pairs: sorted keys and CSR arrays. */
  static build(pairs: ReadonlyArray<readonly [string, number]>): KeyTable {
    const sorted = [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    const keys: string[] = [];
    const offsets: number[] = [];
    const ids = new Uint32Array(sorted.length);
    sorted.forEach(([k, v], i) => {
      if (keys[keys.length - 1] !== k) {
        keys.push(k);
        offsets.push(i);
      }
      ids[i] = v;
    });
    offsets.push(sorted.length);
    return new KeyTable(keys, Uint32Array.from(offsets), ids);
  }
}

/** The columns a base file holds (persist.ts), kept as loaded. */
export interface BaseColumns {
  kinds: Uint8Array;
  ids: string[];
  published: Uint32Array;
  langs: string[];
  langOf: Uint8Array;
  titles: string[];
  textShas: string[];
  types: string[];
  typeOf: Uint16Array;
  dates: string[];
  starts: Uint32Array;
  ends: Uint32Array;
  tags: string[];
  entities: string[];
  words: string[];
  lowers: string[];
  keys: string[];
  stems: string[];
  keyStems: string[];
  postingOffsets: Uint32Array;
  postings: Uint8Array;
  byLower: KeyTable;
  byStem: KeyTable;
  byKey: KeyTable;
}

const split = (s: string | undefined): string[] => (s ? s.split(' ') : []);

export class SearchIndex {
  readonly deleted = new Set<number>();
  /** base documents turned into objects so far (dense, sized at load) */
  #baseDocs: Array<DocMeta | undefined> = [];
  #baseCount = 0;
  /** documents added since the base, numbered from #baseCount */
  readonly #added: DocMeta[] = [];
  #docCount = 0;
  #docById: Map<string, number> | null = null;
  readonly #words: string[] = [];
  readonly #analyses: Array<WordAnalysis | undefined> = [];
  #vocabId: Map<string, number> | null = null;
  readonly #delta: Array<PostingWriter | undefined> = [];
  #base: BaseColumns | null = null;
  byLower = new KeyTable();
  byStem = new KeyTable();
  byKey = new KeyTable();

  constructor(readonly analyzer: Analyzer) {}

  /** Load-time: take a base file's columns as they are. */
  setBase(base: BaseColumns): void {
    this.#base = base;
    this.#docCount = base.ids.length;
    this.#baseCount = base.ids.length;
    this.#baseDocs = new Array<DocMeta | undefined>(base.ids.length).fill(undefined);
    // not push(...words): a spread of 100k+ arguments overflows the stack
    for (const w of base.words) this.#words.push(w);
    this.byLower = base.byLower;
    this.byStem = base.byStem;
    this.byKey = base.byKey;
  }

  get docCount(): number {
    return this.#docCount;
  }

  get liveDocs(): number {
    return this.#docCount - this.deleted.size;
  }

  get vocabSize(): number {
    return this.#words.length;
  }

  word(v: number): string {
    return this.#words[v]!;
  }

  /** Hot fields, without building the document object. */
  published(n: number): number {
    return n < this.#baseCount ? this.#base!.published[n]! : this.#added[n - this.#baseCount]!.published;
  }

  docId(n: number): string {
    return n < this.#baseCount ? this.#base!.ids[n]! : this.#added[n - this.#baseCount]!.id;
  }

  doc(n: number): DocMeta {
    if (n >= this.#baseCount) return this.#added[n - this.#baseCount]!;
    let d = this.#baseDocs[n];
    if (d) return d;
    const b = this.#base!;
    const id = b.ids[n]!;
    const kind = b.kinds[n] === 1 ? 'fact' : 'article';
    d = {
      kind,
      id,
      articleId: kind === 'article' ? id : id.slice(0, id.indexOf('-')),
      published: b.published[n]!,
      lang: b.langs[b.langOf[n]!] ?? 'other',
      title: b.titles[n] ?? '',
      textSha256: b.textShas[n] ?? '',
      type: b.types[b.typeOf[n]!] ?? '',
      date: b.dates[n] ?? '',
      start: b.starts[n]!,
      end: b.ends[n]!,
      tags: split(b.tags[n]),
      entities: split(b.entities[n]),
    };
    this.#baseDocs[n] = d;
    return d;
  }

  analysis(v: number): WordAnalysis {
    let a = this.#analyses[v];
    if (a) return a;
    const b = this.#base!;
    const word = b.words[v]!;
    a = {
      lower: b.lowers[v] || (word.startsWith(CAPITAL_MARK) ? word.slice(1) : word),
      stems: split(b.stems[v]),
      key: b.keys[v]!,
      keyStems: split(b.keyStems[v]),
    };
    this.#analyses[v] = a;
    return a;
  }

  #ids(): Map<string, number> {
    if (!this.#docById) {
      this.#docById = new Map();
      for (let n = 0; n < this.#docCount; n++) if (!this.deleted.has(n)) this.#docById.set(this.docId(n), n);
    }
    return this.#docById;
  }

  docNo(id: string): number | undefined {
    return this.#ids().get(id);
  }

  /** Add a document with its per-word weights (vocabulary words as keys). Replaces a doc of the same id. */
  addDoc(meta: DocMeta, weights: ReadonlyMap<string, number>): number {
    this.removeDoc(meta.id);
    const no = this.#docCount++;
    this.#added.push(meta);
    this.#ids().set(meta.id, no);
    for (const [word, weight] of weights) {
      const v = this.vocabIdOf(word);
      let w = this.#delta[v];
      if (!w) this.#delta[v] = w = new PostingWriter();
      w.add(no, weight);
    }
    return no;
  }

  /** addDoc for a builder that counted by vocabulary id (build.ts): `weights[v]` for each `v` of `vocab`. */
  addDocByIds(meta: DocMeta, vocab: readonly number[], weights: Int32Array): number {
    this.removeDoc(meta.id);
    const no = this.#docCount++;
    this.#added.push(meta);
    this.#ids().set(meta.id, no);
    for (const v of vocab) {
      let w = this.#delta[v];
      if (!w) this.#delta[v] = w = new PostingWriter();
      w.add(no, weights[v]!);
    }
    return no;
  }

  removeDoc(id: string): boolean {
    const ids = this.#ids();
    const no = ids.get(id);
    if (no === undefined) return false;
    ids.delete(id);
    this.deleted.add(no);
    return true;
  }

  /** The vocabulary id of a word the index holds, without adding it. */
  knownVocabId(word: string): number | undefined {
    return this.#vocab().get(word);
  }

  #vocab(): Map<string, number> {
    if (!this.#vocabId) {
      this.#vocabId = new Map();
      this.#words.forEach((w, v) => this.#vocabId!.set(w, v));
    }
    return this.#vocabId;
  }

  vocabIdOf(word: string): number {
    const known = this.#vocab().get(word);
    if (known !== undefined) return known;
    const surface = word.startsWith(CAPITAL_MARK) ? capitalise(word.slice(1)) : word;
    const a = this.analyzer.analyze(surface);
    const v = this.#words.length;
    this.#words.push(word);
    this.#analyses[v] = a;
    this.#vocabId!.set(word, v);
    this.byLower.add(a.lower, v);
    this.byStem.add(a.lower, v);
    for (const s of a.stems) this.byStem.add(s, v);
    this.byKey.add(a.key, v);
    for (const k of a.keyStems) this.byKey.add(k, v);
    return v;
  }

  /** Visit the live postings of a vocabulary word. */
  postings(v: number, visit: (doc: number, weight: number) => void): void {
    const deleted = this.deleted;
    const live = deleted.size === 0 ? visit : (doc: number, w: number) => deleted.has(doc) || visit(doc, w);
    const b = this.#base;
    if (b && v < b.words.length) {
      const from = b.postingOffsets[v]!;
      const to = b.postingOffsets[v + 1]!;
      if (to < from || to > b.postings.length) throw new RangeError('bad postings offsets');
      decodePostings(b.postings.subarray(from, to), live);
    }
    const delta = this.#delta[v];
    if (delta) decodePostings(delta.view(), live);
  }

  keysWithPrefix(prefix: string, max: number): string[] {
    return this.byKey.withPrefix(prefix, max);
  }

  lowersWithPrefix(prefix: string, max: number): string[] {
    return this.byLower.withPrefix(prefix, max);
  }

  /** Every live document and word, doc numbers renumbered densely: for compaction. */
  compacted(): { docs: DocMeta[]; words: Array<{ word: string; analysis: WordAnalysis; postings: Uint8Array }> } {
    // a fresh build: nothing deleted, nothing loaded, so every word's postings are already as they will be written
    if (!this.#base && this.deleted.size === 0) {
      const words: Array<{ word: string; analysis: WordAnalysis; postings: Uint8Array }> = [];
      for (let v = 0; v < this.#words.length; v++) {
        const w = this.#delta[v];
        if (w && w.count > 0) words.push({ word: this.#words[v]!, analysis: this.analysis(v), postings: w.view() });
      }
      return { docs: [...this.#added], words };
    }
    const renumber = new Int32Array(this.#docCount).fill(-1);
    const docs: DocMeta[] = [];
    for (let n = 0; n < this.#docCount; n++) {
      if (!this.deleted.has(n)) {
        renumber[n] = docs.length;
        docs.push(this.doc(n));
      }
    }
    const words: Array<{ word: string; analysis: WordAnalysis; postings: Uint8Array }> = [];
    for (let v = 0; v < this.#words.length; v++) {
      const w = new PostingWriter();
      this.postings(v, (doc, weight) => w.add(renumber[doc]!, weight));
      if (w.count > 0) words.push({ word: this.#words[v]!, analysis: this.analysis(v), postings: w.view() });
    }
    return { docs, words };
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

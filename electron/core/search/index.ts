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

/** A list of strings read by position: an array, or a column of a loaded base (Strings). */
export interface StringList {
  readonly length: number;
  at(i: number): string | undefined;
}

/**
 * A column of strings as the base file holds it: UTF-8 bytes and each string's end offset. A string
 * is decoded only when read, so loading a 200k-article index makes no strings at all (splitting them
 * into millions of JS strings was most of the load time, much of it spent collecting garbage).
 */
export class Strings implements StringList {
  readonly #bytes: Buffer;

  constructor(
    bytes: Uint8Array,
    readonly ends: Uint32Array,
  ) {
    this.#bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.ends.length;
  }

  at(i: number): string | undefined {
    if (!(i >= 0 && i < this.ends.length)) return undefined;
    return this.#bytes.toString('utf8', i === 0 ? 0 : this.ends[i - 1]!, this.ends[i]!);
  }

  /** Whether the offsets are in order and end at the bytes' end (`nonEmpty`: no string is ''). */
  wellFormed(nonEmpty = false): boolean {
    let last = 0;
    for (let i = 0; i < this.ends.length; i++) {
      const end = this.ends[i]!;
      if (end < last || (nonEmpty && end === last)) return false;
      last = end;
    }
    return last === this.#bytes.length;
  }

  static encode(items: readonly string[]): { bytes: Uint8Array; ends: Uint32Array } {
    let room = 0;
    for (const s of items) room += s.length * 3;
    const bytes = Buffer.allocUnsafe(room);
    const ends = new Uint32Array(items.length);
    let at = 0;
    items.forEach((s, i) => {
      at += bytes.write(s, at, 'utf8');
      ends[i] = at;
    });
    return { bytes: bytes.subarray(0, at), ends };
  }

  static of(items: readonly string[]): Strings {
    const { bytes, ends } = Strings.encode(items);
    return new Strings(bytes, ends);
  }
}

/** The first position in `order` (indexes into `list`, sorted by their strings) whose string is not below `key`. */
function lowerBound(list: StringList, order: Uint32Array | null, key: string): number {
  let lo = 0;
  let hi = order ? order.length : list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list.at(order ? order[mid]! : mid)! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorted keys → vocabulary ids, as loaded (CSR arrays), plus keys added since. */
export class KeyTable {
  readonly #extra = new Map<string, number[]>();
  #extraSorted: string[] | null = null;

  constructor(
    readonly keys: StringList = [],
    readonly offsets: Uint32Array = new Uint32Array(1),
    readonly ids: Uint32Array = new Uint32Array(0),
  ) {}

  get(key: string): number[] | undefined {
    const i = lowerBound(this.keys, null, key);
    const base =
      i < this.keys.length && this.keys.at(i) === key
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
    for (let i = lowerBound(this.keys, null, prefix); i < this.keys.length && out.size < max; i++) {
      const key = this.keys.at(i)!;
      if (!key.startsWith(prefix)) break;
      out.add(key);
    }
    this.#extraSorted ??= [...this.#extra.keys()].sort();
    for (const k of this.#extraSorted) if (out.size < max && k.startsWith(prefix)) out.add(k);
    return [...out];
  }

  /** Build from (key, id) pairs: sorted keys and CSR arrays. */
  static build(pairs: ReadonlyArray<readonly [string, number]>): KeyTable {
    const { keys, offsets, ids } = KeyTable.columns(pairs);
    return new KeyTable(keys, offsets, ids);
  }

  static columns(pairs: ReadonlyArray<readonly [string, number]>): {
    keys: string[];
    offsets: Uint32Array;
    ids: Uint32Array;
  } {
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
    return { keys, offsets: Uint32Array.from(offsets), ids };
  }
}

/** The columns a base file holds (persist.ts), kept as loaded. */
export interface BaseColumns {
  kinds: Uint8Array;
  ids: StringList;
  /** document numbers in the order of their ids */
  idOrder: Uint32Array;
  published: Uint32Array;
  langs: string[];
  langOf: Uint8Array;
  titles: StringList;
  textShas: StringList;
  types: string[];
  typeOf: Uint16Array;
  dates: StringList;
  starts: Uint32Array;
  ends: Uint32Array;
  tags: StringList;
  entities: StringList;
  words: StringList;
  /** vocabulary ids in the order of their words */
  wordOrder: Uint32Array;
  lowers: StringList;
  keys: StringList;
  stems: StringList;
  keyStems: StringList;
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
  /** live added documents by id; base documents are found by binary search in the base's idOrder */
  readonly #addedIds = new Map<string, number>();
  #docCount = 0;
  /** a base document's position in id order, for ranking ties without decoding ids */
  #idRank: Uint32Array | null = null;
  #baseWords = 0;
  /** words added since the base, numbered from #baseWords */
  readonly #addedWords: string[] = [];
  readonly #addedVocab = new Map<string, number>();
  readonly #analyses: Array<WordAnalysis | undefined> = [];
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
    this.#baseDocs = new Array<DocMeta | undefined>(base.ids.length);
    this.#baseWords = base.words.length;
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
    return this.#baseWords + this.#addedWords.length;
  }

  word(v: number): string {
    return v < this.#baseWords ? this.#base!.words.at(v)! : this.#addedWords[v - this.#baseWords]!;
  }

  /** Hot fields, without building the document object. */
  published(n: number): number {
    return n < this.#baseCount ? this.#base!.published[n]! : this.#added[n - this.#baseCount]!.published;
  }

  docId(n: number): string {
    return n < this.#baseCount ? this.#base!.ids.at(n)! : this.#added[n - this.#baseCount]!.id;
  }

  articleIdOf(n: number): string {
    if (n >= this.#baseCount) return this.#added[n - this.#baseCount]!.articleId;
    const id = this.#base!.ids.at(n)!;
    return this.#base!.kinds[n] === 1 ? id.slice(0, id.indexOf('-')) : id;
  }

  /** Whether document a's id sorts before b's. */
  idBefore(a: number, b: number): boolean {
    if (a < this.#baseCount && b < this.#baseCount) {
      if (!this.#idRank) {
        const order = this.#base!.idOrder;
        this.#idRank = new Uint32Array(order.length);
        for (let i = 0; i < order.length; i++) this.#idRank[order[i]!] = i;
      }
      return this.#idRank[a]! < this.#idRank[b]!;
    }
    return this.docId(a) < this.docId(b);
  }

  doc(n: number): DocMeta {
    if (n >= this.#baseCount) return this.#added[n - this.#baseCount]!;
    let d = this.#baseDocs[n];
    if (d) return d;
    const b = this.#base!;
    const id = b.ids.at(n)!;
    const kind = b.kinds[n] === 1 ? 'fact' : 'article';
    d = {
      kind,
      id,
      articleId: kind === 'article' ? id : id.slice(0, id.indexOf('-')),
      published: b.published[n]!,
      lang: b.langs[b.langOf[n]!] ?? 'other',
      title: b.titles.at(n) ?? '',
      textSha256: b.textShas.at(n) ?? '',
      type: b.types[b.typeOf[n]!] ?? '',
      date: b.dates.at(n) ?? '',
      start: b.starts[n]!,
      end: b.ends[n]!,
      tags: split(b.tags.at(n)),
      entities: split(b.entities.at(n)),
    };
    this.#baseDocs[n] = d;
    return d;
  }

  analysis(v: number): WordAnalysis {
    let a = this.#analyses[v];
    if (a) return a;
    const b = this.#base!;
    const word = b.words.at(v)!;
    a = {
      lower: b.lowers.at(v) || (word.startsWith(CAPITAL_MARK) ? word.slice(1) : word),
      stems: split(b.stems.at(v)),
      key: b.keys.at(v)!,
      keyStems: split(b.keyStems.at(v)),
    };
    this.#analyses[v] = a;
    return a;
  }

  /** The live base document of this id, if any. */
  #baseDocNo(id: string): number | undefined {
    const b = this.#base;
    if (!b) return undefined;
    const i = lowerBound(b.ids, b.idOrder, id);
    const n = b.idOrder[i];
    return n !== undefined && b.ids.at(n) === id && !this.deleted.has(n) ? n : undefined;
  }

  docNo(id: string): number | undefined {
    return this.#addedIds.get(id) ?? this.#baseDocNo(id);
  }

  /** The live documents of an article: the article and its facts (whose ids are `articleId-…`). */
  docsOfArticle(articleId: string): number[] {
    const out: number[] = [];
    const b = this.#base;
    if (b) {
      const self = this.#baseDocNo(articleId);
      if (self !== undefined) out.push(self);
      const prefix = `${articleId}-`;
      for (let i = lowerBound(b.ids, b.idOrder, prefix); i < b.idOrder.length; i++) {
        const n = b.idOrder[i]!;
        if (!b.ids.at(n)!.startsWith(prefix)) break;
        if (b.kinds[n] === 1 && !this.deleted.has(n)) out.push(n);
      }
    }
    for (const n of this.#addedIds.values()) if (this.#added[n - this.#baseCount]!.articleId === articleId) out.push(n);
    return out;
  }

  /** Add a document with its per-word weights (vocabulary words as keys). Replaces a doc of the same id. */
  addDoc(meta: DocMeta, weights: ReadonlyMap<string, number>): number {
    const no = this.#push(meta);
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
    const no = this.#push(meta);
    for (const v of vocab) {
      let w = this.#delta[v];
      if (!w) this.#delta[v] = w = new PostingWriter();
      w.add(no, weights[v]!);
    }
    return no;
  }

  #push(meta: DocMeta): number {
    this.removeDoc(meta.id);
    const no = this.#docCount++;
    this.#added.push(meta);
    this.#addedIds.set(meta.id, no);
    return no;
  }

  removeDoc(id: string): boolean {
    const no = this.docNo(id);
    if (no === undefined) return false;
    this.#addedIds.delete(id);
    this.deleted.add(no);
    return true;
  }

  /** The vocabulary id of a word the index holds, without adding it. */
  knownVocabId(word: string): number | undefined {
    const added = this.#addedVocab.get(word);
    if (added !== undefined) return added;
    const b = this.#base;
    if (!b) return undefined;
    const v = b.wordOrder[lowerBound(b.words, b.wordOrder, word)];
    return v !== undefined && b.words.at(v) === word ? v : undefined;
  }

  vocabIdOf(word: string): number {
    const known = this.knownVocabId(word);
    if (known !== undefined) return known;
    const surface = word.startsWith(CAPITAL_MARK) ? capitalise(word.slice(1)) : word;
    const a = this.analyzer.analyze(surface);
    const v = this.vocabSize;
    this.#addedWords.push(word);
    this.#addedVocab.set(word, v);
    this.#analyses[v] = a;
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
    if (b && v < this.#baseWords) {
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
      for (let v = 0; v < this.vocabSize; v++) {
        const w = this.#delta[v];
        if (w && w.count > 0) words.push({ word: this.word(v), analysis: this.analysis(v), postings: w.view() });
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
    for (let v = 0; v < this.vocabSize; v++) {
      const w = new PostingWriter();
      this.postings(v, (doc, weight) => w.add(renumber[doc]!, weight));
      if (w.count > 0) words.push({ word: this.word(v), analysis: this.analysis(v), postings: w.view() });
    }
    return { docs, words };
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

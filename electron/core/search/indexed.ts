/**
 * The indexed search engine: a persisted inverted index under index/, kept up to date by
 * the archive's events, loaded at start without re-indexing, rebuilt when missing, corrupt or of
 * another format, and repaired shard by shard when stale.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { readArticleText } from '../import/articles.js';
import { writeFileAtomic } from '../storage/atomic.js';
import { AqiqatError } from '../errors.js';
import type { ArchiveEvent } from '../storage/events.js';
import { shardOf, textFile } from '../storage/layout.js';
import type { Article, Entity, Fact, TranslationLang } from '../model.js';
import type { ArchiveStore } from '../storage/store.js';
import { Analyzer, firstMatches, tokenize, type Token } from './analyze.js';
import { IndexBuilder, type BuildItem, type BuildSeal } from './build.js';
import { buildInThread, bundledIndexWorker, compactInThread } from './build-thread.js';
import { articleDoc, factDoc, indexedPart, type IndexDoc } from './documents.js';
import type { SearchEngine, SearchHit, SearchQuery } from './engine.js';
import { compileFilters, type ProvenanceLookup } from './filters.js';
import {
  AliasTable,
  GAZETTEER_FILE,
  protectedKeys,
  readGazetteer,
  SHIPPED_GAZETTEERS,
  type Gazetteer,
} from './gazetteer.js';
import { SearchIndex, vocabWord, type DocMeta } from './index.js';
import {
  appendJournal,
  applyOp,
  CorruptIndex,
  encodeBase,
  indexFile,
  journalExists,
  journalFile,
  loadBase,
  loadBaseBytes,
  newEpoch,
  readJournal,
  readJournalTail,
  shardFingerprint,
  startJournal,
  type Fingerprint,
  type JournalOp,
} from './persist.js';
import { evaluate, expandWord, parseQuery, rank, Scratch, type ParsedQuery, type QueryWord } from './query.js';
import { makeSnippet } from './snippet.js';

/** Bump when tokenizing, stemming or folding changes: older indexes are then re-analysed. */
export const ANALYZER_VERSION = 5;
/** Journal ops after which the journal is merged into a new base. */
const COMPACT_AFTER = 5_000;
/** Articles per chunk handed to the builder, texts read ahead, and how often a rebuild reports progress. */
const BUILD_CHUNK = 250;
const READ_AHEAD = 16;
const PROGRESS_EVERY = 500;
const DEFAULT_LIMIT = 50;

export type Progress = (done: number, total: number) => void;

export interface IndexStatus {
  documents: number;
  words: number;
  journal: number;
  rebuilt: 'no' | 'missing' | 'corrupt' | 'reindex';
  repairedShards: number;
}

export class IndexedSearch implements SearchEngine {
  #index: SearchIndex | null = null;
  /** the plain base file #index views (null while a compaction has it) */
  #baseBytes: Buffer | null = null;
  #ready: Promise<void> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #epoch = '';
  #fingerprint: Fingerprint = {};
  #analyzerId = '';
  #gazetteers: readonly Gazetteer[] = SHIPPED_GAZETTEERS;
  #analyzer = new Analyzer();
  #journalOps = 0;
  /** bytes of the journal this process has applied: more means another process (the CLI) added some */
  #journalEnd = 0;
  #aliases: { signature: string; table: AliasTable } | null = null;
  readonly #texts = new Map<string, string>();
  readonly #scratch = new Scratch();
  status: IndexStatus = { documents: 0, words: 0, journal: 0, rebuilt: 'no', repairedShards: 0 };
  /** How long the last change took to reach the index (the bench's "incremental add"). */
  lastUpdateMs = 0;

  constructor(
    private readonly store: ArchiveStore,
    private readonly options: {
      onProgress?: Progress;
      /** the index thread's file; null builds in this thread; by default the bundled one, if any */
      indexWorker?: string | null;
      /** journal ops after which the index is compacted */
      compactAfter?: number;
    } = {},
  ) {
    store.events.on((event) =>
      this.#enqueue(async () => {
        const t = performance.now();
        await this.#onEvent(event);
        this.lastUpdateMs = performance.now() - t;
      }),
    );
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    await this.ready();
    return this.#enqueue(() => this.#search(query));
  }

  /** Load the index (or build it); searches wait for this. */
  ready(): Promise<void> {
    this.#ready ??= this.#enqueue(() => this.#load()).catch((e: unknown) => {
      this.#ready = null;
      throw e;
    });
    return this.#ready;
  }

  /** Build the index again from the archive (`aqiqat reindex`). */
  async reindex(onProgress?: Progress): Promise<IndexStatus> {
    await this.#enqueue(async () => {
      await this.#setupAnalyzer();
      await this.#rebuild('reindex', onProgress);
    });
    this.#ready = Promise.resolve();
    return this.status;
  }

  #enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(fn);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  get #layout() {
    return this.store.layout;
  }

  /** The index thread's file, or null to index in this thread. */
  get #worker(): string | null {
    return this.options.indexWorker === undefined ? bundledIndexWorker() : this.options.indexWorker;
  }

  get #compactAfter(): number {
    return this.options.compactAfter ?? COMPACT_AFTER;
  }

  async #setupAnalyzer(): Promise<void> {
    const own = await readGazetteer(path.join(this.#layout.root, GAZETTEER_FILE), this.store.codec);
    this.#gazetteers = own ? [...SHIPPED_GAZETTEERS, own] : SHIPPED_GAZETTEERS;
    const keys = protectedKeys(this.#gazetteers);
    this.#analyzerId = createHash('sha256')
      .update(`${ANALYZER_VERSION}\n${[...keys].sort().join(' ')}`)
      .digest('hex')
      .slice(0, 16);
    this.#analyzer = new Analyzer(keys);
    this.#aliases = null;
  }

  /** `compact`: false when loading again after a compaction's thread failed, which compacts here instead. */
  async #load(compact = true): Promise<void> {
    await this.#setupAnalyzer();
    const index = new SearchIndex(this.#analyzer);
    let base;
    try {
      base = await loadBase(indexFile(this.#layout), index, this.#analyzerId, this.store.codec);
    } catch (e) {
      if (!(e instanceof CorruptIndex)) throw e;
      await this.#rebuild('corrupt', this.options.onProgress);
      return;
    }
    if (!base) {
      await this.#rebuild('missing', this.options.onProgress);
      return;
    }
    this.#index = index;
    this.#baseBytes = base.bytes;
    this.#epoch = base.epoch;
    this.#fingerprint = base.fingerprint;
    const journal = await readJournal(journalFile(this.#layout), base.epoch, this.store.codec);
    for (const op of journal?.ops ?? []) this.#replay(op);
    this.#journalOps = journal?.ops.length ?? 0;
    this.#journalEnd = journal?.bytes ?? 0;
    if (!journal) this.#journalEnd = await startJournal(journalFile(this.#layout), this.#epoch);
    const repair = await this.#repairStale();
    this.status = { ...this.#counts(), rebuilt: 'no', repairedShards: repair.shards };
    if (repair.shards > 0 || this.#journalOps > this.#compactAfter)
      await (compact ? this.#compact(repair.ops) : this.#writeBase());
  }

  #counts() {
    return { documents: this.#index?.liveDocs ?? 0, words: this.#index?.vocabSize ?? 0, journal: this.#journalOps };
  }

  #replay(op: JournalOp): void {
    applyOp(this.#index!, op, this.#fingerprint);
  }

  /**
   * Shards rewritten without events (a received bundle's journal): indexed again now, if the index is
   * loaded in this process; otherwise its next load finds them by their fingerprints.
   */
  async refreshShards(shards: Iterable<number>): Promise<void> {
    if (!this.#ready) return;
    await this.#ready;
    const given = [...shards];
    await this.#enqueue(async () => {
      await this.#catchUp();
      const repair = await this.#repairStale(given);
      if (repair.shards > 0) await this.#compact(repair.ops);
    });
  }

  /**
   * Shards whose files changed behind the index's back (and those named) are indexed again, by ops
   * applied like the journal's, so that a compaction can hand them to the index thread too.
   */
  async #repairStale(named: readonly number[] = []): Promise<{ shards: number; ops: JournalOp[] }> {
    const now = await shardFingerprint(this.#layout);
    const stale = new Set<number>(named);
    const names = new Set([...Object.keys(now), ...Object.keys(this.#fingerprint)]);
    for (const name of names) {
      const a = now[name];
      const b = this.#fingerprint[name];
      if (!a || !b || a[0] !== b[0] || a[1] !== b[1]) stale.add(parseInt(name.slice(0, 2), 16));
    }
    if (stale.size === 0) return { shards: 0, ops: [] };
    const index = this.#index!;
    const ops: JournalOp[] = [];
    for (let n = 0; n < index.docCount; n++)
      if (!index.deleted.has(n) && stale.has(shardOf(index.articleIdOf(n)))) ops.push({ del: index.docId(n), fp: {} });
    for (const n of stale) {
      const articles = (await this.store.articleShard(n)).data.articles;
      const facts = (await this.store.factShard(n)).data.facts;
      for (const a of articles)
        for (const d of await this.#docsOf(
          a,
          facts.filter((f) => f.articleId === a.id),
        ))
          ops.push({ add: d.meta, w: [...d.weights], fp: {} });
    }
    for (const op of ops) this.#replay(op);
    this.#fingerprint = now;
    return { shards: stale.size, ops };
  }

  /**
   * Index the whole archive again. The records and texts are read here; the indexing runs in the
   * index thread when there is one, so this event loop stays free. Nothing is written until the
   * new base is complete: a build that fails or whose thread dies leaves the index files as they were.
   */
  async #rebuild(reason: IndexStatus['rebuilt'], onProgress?: Progress): Promise<void> {
    const fingerprint = await shardFingerprint(this.#layout);
    const articles = await this.store.allArticles();
    const factsByArticle = new Map<string, Fact[]>();
    for (const f of await this.store.allFacts()) {
      const list = factsByArticle.get(f.articleId);
      if (list) list.push(f);
      else factsByArticle.set(f.articleId, [f]);
    }
    // oldest first, so that document numbers follow the archive's history
    articles.sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0));
    const total = articles.length;
    const seal: BuildSeal = { analyzerId: this.#analyzerId, epoch: newEpoch(), fingerprint };
    const chunks = this.#buildChunks(articles, factsByArticle);
    let reported = 0;
    const progress = (done: number) => {
      if (done === total || done - reported >= PROGRESS_EVERY) {
        reported = done;
        onProgress?.(done, total);
      }
    };
    const worker = this.#worker;
    let bytes: Buffer;
    if (worker) {
      bytes = (await buildInThread(worker, this.#analyzer.protectedKeys, chunks, () => seal, progress)).bytes;
    } else {
      const builder = new IndexBuilder(this.#analyzer.protectedKeys);
      let done = 0;
      for await (const items of chunks) {
        for (const item of items) builder.add(item);
        progress((done += items.length));
      }
      bytes = builder.encode(seal);
    }
    if (total === 0) onProgress?.(0, 0);
    this.#fingerprint = fingerprint;
    await this.#installBase(bytes, seal.epoch);
    this.status = { ...this.#counts(), rebuilt: reason, repairedShards: 0 };
  }

  /**
   * The build's input in chunks of articles, oldest first. Texts are read a few at a time ahead of
   * the one being handed over, so that waiting on the disk overlaps the indexing.
   */
  async *#buildChunks(articles: readonly Article[], facts: ReadonlyMap<string, Fact[]>): AsyncGenerator<BuildItem[]> {
    const reads: Array<Promise<string>> = [];
    let next = 0;
    const fill = () => {
      while (next < articles.length && reads.length < READ_AHEAD)
        reads.push(readArticleText(this.store, articles[next++]!));
    };
    let chunk: BuildItem[] = [];
    for (const article of articles) {
      fill();
      const text = await reads.shift()!;
      chunk.push({ article, facts: facts.get(article.id) ?? [], text });
      if (chunk.length >= BUILD_CHUNK) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  async #docsOf(article: Article, facts: readonly Fact[]): Promise<IndexDoc[]> {
    const tokens = tokenize(indexedPart(await readArticleText(this.store, article)));
    return [articleDoc(article, tokens), ...facts.map((f) => factDoc(f, article, tokens))];
  }

  /** Merge everything into a new base and start an empty journal, in this thread. */
  async #writeBase(): Promise<void> {
    const epoch = newEpoch();
    await this.#installBase(encodeBase(this.#index!, this.#analyzerId, epoch, this.#fingerprint), epoch);
  }

  /**
   * Compaction: the base, the journal's ops and `repairs` (what the index in memory holds) merged
   * into a new base in the index thread, so that this event loop stays free; calls wait in the
   * queue meanwhile. The base's bytes move to the thread, so the index is loaded again if the thread
   * fails, and compacted here instead. The journal is read again rather than its ops kept: up to
   * COMPACT_AFTER documents' word counts would stay in memory for one read every COMPACT_AFTER changes.
   * A repair larger than that is merged here, where its documents already are.
   */
  async #compact(repairs: readonly JournalOp[] = []): Promise<void> {
    const worker = this.#worker;
    const base = this.#baseBytes;
    const journal =
      worker && base && repairs.length <= this.#compactAfter
        ? await readJournal(journalFile(this.#layout), this.#epoch, this.store.codec)
        : null;
    // ops the journal has that this process has not applied would be merged without it seeing them
    if (!worker || !base || !journal || journal.bytes !== this.#journalEnd) return this.#writeBase();
    const seal: BuildSeal = { analyzerId: this.#analyzerId, epoch: newEpoch(), fingerprint: { ...this.#fingerprint } };
    this.#index = null;
    this.#baseBytes = null;
    let bytes: Buffer;
    try {
      const ops = [...journal.ops, ...repairs];
      bytes = (await compactInThread(worker, this.#analyzer.protectedKeys, base, ops, seal)).bytes;
    } catch {
      await this.#load(false);
      // the load finds shards changed on disk again, not named ones whose files look the same
      if (repairs.length > 0) {
        for (const op of repairs) this.#replay(op);
        await this.#writeBase();
      }
      return;
    }
    await this.#installBase(bytes, seal.epoch);
  }

  /** Write a base file, start its empty journal, and make it the index in memory. */
  async #installBase(bytes: Buffer, epoch: string): Promise<void> {
    this.#epoch = epoch;
    await writeIndexFile(
      indexFile(this.#layout),
      this.store.codec.encrypted ? this.store.codec.seal(bytes, indexFile(this.#layout)) : bytes,
    );
    this.#journalEnd = await startJournal(journalFile(this.#layout), this.#epoch);
    this.#journalOps = 0;
    // the base is the index now: load it, so that memory holds its compact columns and no tombstones
    const fresh = new SearchIndex(this.#analyzer);
    this.#baseBytes = loadBaseBytes(bytes, fresh, this.#analyzerId).bytes;
    this.#index = fresh;
  }

  async #onEvent(event: ArchiveEvent): Promise<void> {
    const e = event as { type: string; article?: Article; fact?: Fact };
    const ops: JournalOp[] = [];
    const articleId = e.article?.id ?? e.fact?.articleId;
    if (!articleId) return;
    // no index yet in this archive: the first search builds it from the archive
    const journalOnly = !this.#index;
    if (journalOnly && !(await journalExists(journalFile(this.#layout)))) return;
    const n = shardOf(articleId).toString(16).padStart(2, '0');
    const fp = await shardFingerprint(this.#layout, [`${n}.articles.json`, `${n}.facts.json`]);
    if (e.type.endsWith('deleted')) {
      if (e.fact) ops.push({ del: e.fact.id, fp });
      else if (e.article) {
        const index = this.#index;
        for (const n of index?.docsOfArticle(e.article.id) ?? []) ops.push({ del: index!.docId(n), fp });
        ops.push({ del: e.article.id, fp });
      }
    } else if (e.fact) {
      const article = (await this.store.articleShard(shardOf(articleId))).data.articles.find((a) => a.id === articleId);
      if (!article) return;
      const text = await readArticleText(this.store, article);
      const d = factDoc(e.fact, article, tokenize(indexedPart(text)));
      ops.push({ add: d.meta, w: [...d.weights], fp });
    } else if (e.article) {
      const facts =
        e.type === 'article-added'
          ? []
          : (await this.store.factShard(shardOf(articleId))).data.facts.filter((f) => f.articleId === articleId);
      for (const d of await this.#docsOf(e.article, facts)) ops.push({ add: d.meta, w: [...d.weights], fp });
    }
    if (this.#index) {
      for (const op of ops) this.#replay(op);
      await this.#catchUp();
      this.#journalEnd += await appendJournal(journalFile(this.#layout), ops, this.store.codec);
      this.#journalOps += ops.length;
      if (this.#journalOps > this.#compactAfter) await this.#compact();
    } else if (journalOnly) {
      // not loaded in this process (a CLI import): the journal carries the change to the next load
      await appendJournal(journalFile(this.#layout), ops, this.store.codec);
    }
  }

  #aliasTable(entities: readonly Entity[]): AliasTable {
    const signature = `${this.#analyzerId}:${entities.length}:${entities.reduce((n, e) => n + e.name.length + e.aliases.join('\u0001').length + e.aliases.length, 0)}`;
    if (this.#aliases?.signature !== signature)
      this.#aliases = { signature, table: AliasTable.of(this.#analyzer, this.#gazetteers, entities) };
    return this.#aliases.table;
  }

  /** Apply what other processes appended to the journal since (the CLI importing while the app runs). */
  async #catchUp(): Promise<void> {
    const tail = await readJournalTail(journalFile(this.#layout), this.#epoch, this.#journalEnd, this.store.codec);
    if (!tail) {
      // another process compacted the index: load its base
      this.#index = null;
      await this.#load();
      return;
    }
    for (const op of tail.ops) this.#replay(op);
    this.#journalOps += tail.ops.length;
    this.#journalEnd = tail.end;
  }

  /** Source types and statuses are read from the archive (loaded shards), not kept in the index. */
  async #provenance(): Promise<ProvenanceLookup> {
    const [articles, facts] = await Promise.all([this.store.allArticles(), this.store.allFacts()]);
    const types = new Map(articles.map((a) => [a.id, a.sourceType]));
    const statuses = new Map(facts.map((f) => [f.id, f.status ?? 'unverified']));
    return { sourceTypeOf: (id) => types.get(id), statusOf: (id) => statuses.get(id) ?? 'unverified' };
  }

  async #search(query: SearchQuery): Promise<SearchHit[]> {
    await this.#catchUp();
    const index = this.#index!;
    const meta = this.store.meta.data;
    const parsed = parseQuery(query.text, this.#analyzer, this.#aliasTable(meta.entities));
    if (parsed.clauses.length === 0) return [];
    const filters = query.filters ?? {};
    const provenance = filters.sourceTypes || filters.statuses ? await this.#provenance() : undefined;
    const accept = compileFilters(index, filters, meta, provenance);
    let matches;
    try {
      matches = evaluate(index, parsed, accept, this.#scratch);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      // corrupt postings: the index is rebuilt from the archive, and the query runs again
      await this.#rebuild('corrupt', this.options.onProgress);
      return this.#search(query);
    }
    const limit = query.limit ?? DEFAULT_LIMIT;
    const hasPhrase = parsed.phrases.some((p) => p.length > 1);
    const matchedWords = new Set<string>();
    for (const set of matches.matchedWords) for (const v of set) matchedWords.add(index.word(v));
    const hits: SearchHit[] = [];
    // with phrases, candidates are checked in rank order until the page is full
    const ranked = rank(index, matches, hasPhrase ? matches.docs.length : limit);
    const phrase = hasPhrase ? phraseRegexes(index, parsed) : null;
    for (const no of ranked) {
      if (hits.length >= limit) break;
      const hit = await this.#hit(index, no, matches.scores[no]!, matches.tiers[no]!, matchedWords, phrase);
      if (hit) hits.push(hit);
    }
    return hits;
  }

  async #hit(
    index: SearchIndex,
    no: number,
    score: number,
    tier: number,
    matched: Set<string>,
    phrase: RegExp[] | null,
  ): Promise<SearchHit | null> {
    const doc = index.doc(no);
    const articleNo = doc.kind === 'article' ? no : index.docNo(doc.articleId);
    const article = articleNo === undefined ? undefined : index.doc(articleNo);
    if (!article) return null;
    const text = this.#text(article);
    const isMatch = (t: Token) => matched.has(vocabWord(t.surface));
    let region = doc.kind === 'fact' ? text.slice(doc.start, doc.end) : text;
    if (phrase) {
      const regions = doc.kind === 'fact' ? [region] : [region, article.title];
      if (!regions.some((r) => phrase.every((re) => re.test(r)))) return null;
    }
    let spans = firstMatches(region, isMatch);
    if (doc.kind === 'article' && spans.length === 0) {
      region = article.title;
      spans = firstMatches(region, isMatch);
    }
    let translation: TranslationLang | undefined;
    if (doc.kind === 'fact' && spans.length === 0) {
      // not in the quote: the fact matched through a translation, and the snippet shows that one
      for (const [lang, t] of Object.entries((await this.#fact(doc))?.translations ?? {})) {
        const found = t ? firstMatches(t.text, isMatch) : [];
        if (!t || found.length === 0) continue;
        [region, spans, translation] = [t.text, found, lang as TranslationLang];
        break;
      }
    }
    spans = withoutOverlaps(spans);
    const snip = makeSnippet(region, spans, 120, 40);
    return {
      kind: doc.kind,
      id: doc.id,
      articleId: doc.articleId,
      title: article.title,
      score: Math.round(score * 100) / 100,
      ...snip,
      tier: TIERS[tier] ?? 'folded',
      ...(translation ? { translation } : {}),
    };
  }

  async #fact(doc: DocMeta): Promise<Fact | undefined> {
    return (await this.store.factShard(shardOf(doc.articleId))).data.facts.find((f) => f.id === doc.id);
  }

  /** Synchronous on purpose: a 3 KB read is ~0.05 ms, readFile's four async hops cost more than the read. */
  #text(article: DocMeta): string {
    const cached = this.#texts.get(article.textSha256);
    if (cached !== undefined) return cached;
    let text: string;
    try {
      // through the store's codec, as store.readContent does: keyed name and sealed bytes when encrypted
      const file = textFile(this.#layout, article.textSha256);
      const { codec } = this.store;
      // under whichever name it has: keyed, from an older archive or re-key, or plain (an interrupted `aqiqat encrypt`)
      const name = codec.candidates(file).find((f) => existsSync(f)) ?? file;
      text = indexedPart(codec.open(readFileSync(name), file).toString('utf8'));
    } catch {
      throw new AqiqatError('article.text-missing', { id: article.id }, 'archive');
    }
    if (this.#texts.size >= 256) this.#texts.delete(this.#texts.keys().next().value!);
    this.#texts.set(article.textSha256, text);
    return text;
  }
}

const TIERS = ['folded', 'alias', 'folded', 'stem', 'exact'] as const;

/** Per clause, the vocabulary words (as written in the index) it matches: for phrase checks. */
function phraseSets(index: SearchIndex, q: ParsedQuery): Array<Set<string>> {
  return q.clauses.map(
    (c) => new Set(c.alternatives.flatMap((a) => a.words.flatMap((w) => [...vocabWordsOf(index, w)]))),
  );
}

/** Vocabulary words (as written in the index) that a query word matches. */
function vocabWordsOf(index: SearchIndex, w: QueryWord): Set<string> {
  const out = new Set<string>();
  for (const v of expandWord(index, w, false).keys()) out.add(index.word(v));
  return out;
}

/**
 * One regex per phrase: its words' matched forms side by side, with only non-letters between them
 * (as token adjacency: punctuation does not break a phrase). Scanning a text with it is far cheaper
 * than tokenizing it.
 */
function phraseRegexes(index: SearchIndex, q: ParsedQuery): RegExp[] {
  const sets = phraseSets(index, q);
  const escape = (w: string) => w.replace(/^\^/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return q.phrases
    .filter((clauses) => clauses.length > 1)
    .map((clauses) => {
      const alternatives = clauses.map((c) => {
        const words = [...sets[c]!].map(escape).sort((a, b) => b.length - a.length);
        return words.length ? `(?:${words.join('|')})` : '(?!)';
      });
      return new RegExp(
        `(?<![\\p{L}\\p{M}\\p{N}])${alternatives.join('[^\\p{L}\\p{M}\\p{N}]+')}(?![\\p{L}\\p{M}\\p{N}])`,
        'iu',
      );
    });
}

/** A compound and its parts may all match: keep the widest span. */
function withoutOverlaps(spans: Token[]): Token[] {
  const out: Token[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end - s.start > last.end - last.start) out[out.length - 1] = s;
      continue;
    }
    out.push(s);
  }
  return out;
}

async function writeIndexFile(file: string, bytes: Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, bytes);
}

/**
 * The archive as the app, the CLI and the tests use it: one object over one folder, returning plain
 * JSON-able views. Everything the UI can do goes through here (DESIGN §1).
 */
import { findArticle, importArticle, readArticleText, type ImportInput, type ImportResult } from './articles.js';
import { entityNames } from './entities.js';
import { addFact, deleteFact, listFacts, type FactInput } from './facts.js';
import type { Anchor, Article, EventDate, Fact } from './model.js';
import type { SearchEngine, SearchHit } from './search/engine.js';
import type { SearchFilters } from './search/filters.js';
import { IndexedSearch, type IndexStatus, type Progress } from './search/indexed.js';
import { ArchiveStore } from './store.js';

export interface FactView {
  id: string;
  articleId: string;
  /** the exact quoted text */
  quote: string;
  type: string;
  date: EventDate | null;
  /** entity names, in the order they were linked */
  people: string[];
  places: string[];
  organizations: string[];
  tags: string[];
  note: string;
  anchor: Anchor;
  createdAt: string;
  updatedAt: string;
}

export interface ArticleDetail {
  article: Article;
  text: string;
  facts: FactView[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class Archive {
  readonly #search: IndexedSearch;

  private constructor(readonly store: ArchiveStore) {
    this.#search = new IndexedSearch(store);
  }

  get root(): string {
    return this.store.layout.root;
  }

  static async create(dir: string): Promise<Archive> {
    return new Archive(await ArchiveStore.init(dir));
  }

  static async open(dir: string): Promise<Archive> {
    return new Archive(await ArchiveStore.open(dir));
  }

  static exists(dir: string): Promise<boolean> {
    return ArchiveStore.exists(dir);
  }

  importArticle(input: ImportInput): Promise<ImportResult> {
    return importArticle(this.store, input);
  }

  /** Newest first: by published date, then by import time. */
  async listArticles(): Promise<Article[]> {
    const articles = await this.store.allArticles();
    // ISO dates and hex ids sort as plain strings; localeCompare cost ~100 ms at 50k articles
    return articles.sort((a, b) => cmp(b.publishedAt ?? '', a.publishedAt ?? '') || cmp(b.importedAt, a.importedAt) || cmp(a.id, b.id));
  }

  async getArticle(id: string): Promise<ArticleDetail> {
    const article = await findArticle(this.store, id);
    const [text, facts] = await Promise.all([readArticleText(this.store, article), listFacts(this.store, article.id)]);
    return { article, text, facts: this.viewFacts(facts).sort((a, b) => a.anchor.start - b.anchor.start) };
  }

  async addFact(input: FactInput): Promise<FactView> {
    return this.viewFact(await addFact(this.store, input));
  }

  async listFacts(articleId?: string): Promise<FactView[]> {
    return this.viewFacts(await listFacts(this.store, articleId));
  }

  async deleteFact(id: string): Promise<FactView> {
    return this.viewFact(await deleteFact(this.store, id));
  }

  search(text: string, limit?: number): Promise<SearchHit[]> {
    return this.#search.search({ text, limit });
  }

  /** Run many changes with one write per changed file at the end (bulk import). */
  batch<T>(fn: () => Promise<T>): Promise<T> {
    return this.store.batch(fn);
  }

  private viewFacts(facts: Fact[]): FactView[] {
    return facts.map((f) => this.viewFact(f));
  }

  private viewFact(f: Fact): FactView {
    const meta = this.store.meta.data;
    return {
      id: f.id,
      articleId: f.articleId,
      quote: f.anchor.exact,
      type: f.type,
      date: f.date,
      people: entityNames(meta, f.people),
      places: entityNames(meta, f.places),
      organizations: entityNames(meta, f.organizations),
      tags: f.tags,
      note: f.note,
      anchor: f.anchor,
      createdAt: f.createdAt,
      updatedAt: f.updatedAt,
    };
  }

  /** Search with filters (kind, tags, case, fact type, people, places, dates, languages). */
  searchFiltered(query: { text: string; limit?: number | undefined; filters?: SearchFilters | undefined }): Promise<SearchHit[]> {
    return this.#search.search(query);
  }

  /** Build the search index again from the archive; progress as (articles done, total). */
  reindex(onProgress?: Progress): Promise<IndexStatus> {
    return this.#search.reindex(onProgress);
  }

  /** Load (or build) the search index now rather than at the first search. */
  searchReady(): Promise<void> {
    return this.#search.ready();
  }
}

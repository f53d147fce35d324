/**
 * The search contract: the indexed cross-script engine (indexed.ts) implements it, and so does the
 * linear scan (scan.ts) that the bench measures it against.
 */
import type { SearchFilters } from './filters.js';

export interface SearchQuery {
  text: string;
  limit?: number | undefined;
  filters?: SearchFilters | undefined;
}

export interface SearchHit {
  kind: 'article' | 'fact';
  id: string;
  articleId: string;
  title: string;
  score: number;
  snippet: string;
  /** [start, end) ranges of matched words inside `snippet` */
  highlights: Array<[number, number]>;
  /** how the weakest query word matched: exact word, same stem, folded spelling, or another name */
  tier?: 'exact' | 'stem' | 'folded' | 'alias';
  /** a fact found through a translation of its quote (not the quote itself): that translation's language; the snippet is from it */
  translation?: 'kk' | 'ru' | 'en';
}

export interface SearchEngine {
  search(query: SearchQuery): Promise<SearchHit[]>;
}

/**
 * The search contract. The first engine (scan.ts) read every text on each query; the indexed
 * cross-script engine of DESIGN §3 (indexed.ts) replaced it behind this same interface.
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
}

export interface SearchEngine {
  search(query: SearchQuery): Promise<SearchHit[]>;
}

/**
 * The search contract. The first engine (scan.ts) reads every text on each query; the cross-script
 * indexed engine of DESIGN §3 replaces it behind this same interface.
 */
export interface SearchQuery {
  text: string;
  limit?: number | undefined;
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
}

export interface SearchEngine {
  search(query: SearchQuery): Promise<SearchHit[]>;
}

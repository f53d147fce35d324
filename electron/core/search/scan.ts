/**
 * The baseline the bench measures the index against: a case-insensitive word scan over titles, texts
 * and fact quotes.
 * A word matches a query term when it equals it or starts with it (Kazakh adds endings:
 * Жексебаев finds Жексебаевтың), whole words ranking above prefixes and titles above text.
 * It reads every text per query, which is why the product searches the index (indexed.ts) instead.
 */
import { readArticleText } from '../import/articles.js';
import type { Article, Fact } from '../model.js';
import type { ArchiveStore } from '../storage/store.js';
import type { SearchEngine, SearchHit, SearchQuery } from './engine.js';
import { makeSnippet } from './snippet.js';
import { queryTerms, words, type Word } from './words.js';

const TITLE_WEIGHT = 3;
const EXACT = 2;
const PREFIX = 1;

interface FieldMatch {
  score: number;
  matched: Set<string>;
  spans: Word[];
}

export function matchField(fieldWords: readonly Word[], terms: readonly string[]): FieldMatch {
  const result: FieldMatch = { score: 0, matched: new Set(), spans: [] };
  for (const w of fieldWords) {
    for (const t of terms) {
      const s = w.key === t ? EXACT : w.key.startsWith(t) ? PREFIX : 0;
      if (s === 0) continue;
      result.score += s;
      result.matched.add(t);
      result.spans.push(w);
      break;
    }
  }
  return result;
}

export class ScanSearch implements SearchEngine {
  constructor(private readonly store: ArchiveStore) {}

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const terms = queryTerms(query.text);
    if (terms.length === 0) return [];
    const articles = await this.store.allArticles();
    const byId = new Map(articles.map((a) => [a.id, a]));
    const hits: Array<SearchHit & { published: string }> = [];
    for (const article of articles) {
      const hit = await this.matchArticle(article, terms);
      if (hit) hits.push(hit);
    }
    for (const fact of await this.store.allFacts()) {
      const article = byId.get(fact.articleId);
      const hit = article && matchFact(fact, article, terms);
      if (hit) hits.push(hit);
    }
    hits.sort((a, b) => b.score - a.score || b.published.localeCompare(a.published) || a.id.localeCompare(b.id));
    return hits.slice(0, query.limit ?? 50).map(({ published: _, ...hit }) => hit);
  }

  private async matchArticle(article: Article, terms: string[]): Promise<(SearchHit & { published: string }) | null> {
    const title = matchField(words(article.title), terms);
    const text = await readArticleText(this.store, article);
    const body = matchField(words(text), terms);
    const all = new Set([...title.matched, ...body.matched]);
    if (all.size < terms.length) return null;
    const snip = body.spans.length > 0 ? makeSnippet(text, body.spans) : makeSnippet(article.title, title.spans);
    return {
      kind: 'article',
      id: article.id,
      articleId: article.id,
      title: article.title,
      score: title.score * TITLE_WEIGHT + body.score,
      ...snip,
      published: article.publishedAt ?? '',
    };
  }
}

function matchFact(fact: Fact, article: Article, terms: string[]): (SearchHit & { published: string }) | null {
  const quote = matchField(words(fact.anchor.exact), terms);
  if (quote.matched.size < terms.length) return null;
  return {
    kind: 'fact',
    id: fact.id,
    articleId: fact.articleId,
    title: article.title,
    // a quote is a statement the researcher chose: it weighs like a title
    score: quote.score * TITLE_WEIGHT,
    ...makeSnippet(fact.anchor.exact, quote.spans),
    published: article.publishedAt ?? '',
  };
}

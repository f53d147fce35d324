/**
 * What the index holds of an article and its facts: one document per article (title + text) and one
 * per fact (its quote, a passage of the article text). Weights: a title or quote occurrence counts
 * TITLE_WEIGHT times a body occurrence, so titles and quotes rank above body text. A fact's
 * translations (its quote in kk, ru, en) are part of its document at body weight: a word of the
 * original quote ranks above the same word found only in a translation.
 */
import { MAX_TEXT_CHARS } from '../import/limits.js';
import type { Article, Fact } from '../model.js';
import { tokenize, type Token } from './analyze.js';
import { vocabWord, type DocMeta } from './index.js';

export const TITLE_WEIGHT = 3;

/**
 * What of a text is indexed and searched: all of it, up to the import's limit. A longer text (in an
 * older archive, or put in by hand) would take the index down with it (one document past V8's array
 * sizes): only its start is findable.
 */
export const indexedPart = (text: string): string =>
  text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;

export interface IndexDoc {
  meta: DocMeta;
  weights: Map<string, number>;
}

const day = (iso: string | null): number => (iso ? Number(iso.replace(/-/g, '')) : 0);

/**
 * Longer runs of letters are not words anyone searches for (a hostile file's one 20-million-letter
 * "word" would cost seconds and gigabytes to stem): not indexed.
 */
export const MAX_WORD = 128;

function count(tokens: readonly Token[], weight: number, into: Map<string, number>): void {
  for (const t of tokens) {
    if (t.surface.length > MAX_WORD) continue;
    const w = vocabWord(t.surface);
    into.set(w, (into.get(w) ?? 0) + weight);
  }
}

export function articleDoc(article: Article, tokens: readonly Token[]): IndexDoc {
  const weights = new Map<string, number>();
  count(tokenize(article.title), TITLE_WEIGHT, weights);
  count(tokens, 1, weights);
  return { meta: articleMeta(article), weights };
}

export function articleMeta(article: Article): DocMeta {
  return {
    kind: 'article',
    id: article.id,
    articleId: article.id,
    published: day(article.publishedAt),
    lang: article.lang,
    title: article.title,
    textSha256: article.textSha256,
    type: '',
    date: '',
    start: 0,
    end: 0,
    tags: article.tags,
    entities: [],
  };
}

/** A fact's document: the article's tokens inside the quote (the text is tokenized once per article). */
export function factDoc(fact: Fact, article: Article, textTokens: readonly Token[]): IndexDoc {
  const { start, end } = fact.anchor;
  const weights = new Map<string, number>();
  count(tokensIn(textTokens, start, end), TITLE_WEIGHT, weights);
  for (const t of factTranslations(fact)) count(tokenize(t), 1, weights);
  return { meta: factMeta(fact, article), weights };
}

/** The texts of a fact's translations, in the order its document counts them. */
export const factTranslations = (fact: Fact): string[] =>
  Object.values(fact.translations ?? {}).flatMap((t) => (t ? [t.text] : []));

export function factMeta(fact: Fact, article: Article): DocMeta {
  const { start, end } = fact.anchor;
  return {
    kind: 'fact',
    id: fact.id,
    articleId: fact.articleId,
    published: day(article.publishedAt),
    lang: article.lang,
    title: '',
    textSha256: '',
    type: fact.type,
    date: fact.date?.value ?? '',
    start,
    end,
    tags: fact.tags,
    entities: [...fact.people, ...fact.places, ...fact.organizations],
  };
}

/** Tokens lying inside [start, end) of a token list sorted by start. */
export function tokensIn(tokens: readonly Token[], start: number, end: number): Token[] {
  const out: Token[] = [];
  for (let i = firstTokenAt(tokens, start); i < tokens.length && tokens[i]!.start < end; i++)
    if (tokens[i]!.end <= end) out.push(tokens[i]!);
  return out;
}

/** The index of the first token starting at or after `start`, in a token list sorted by start. */
export function firstTokenAt(tokens: readonly Token[], start: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

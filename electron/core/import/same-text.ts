/**
 * "The same text from another file" (the HTML and the PDF of one article): texts are compared by a
 * key that ignores case, spacing, punctuation and PDF page markers. The key → article map is built once
 * per open archive from the metadata (one pass over the shards) and kept current by each import.
 */
import { createHash } from 'node:crypto';
import { shardOf } from '../storage/layout.js';
import type { Article } from '../model.js';
import type { ArchiveStore } from '../storage/store.js';

const maps = new WeakMap<ArchiveStore, Promise<Map<string, string>>>();

export function textKey(text: string): string {
  const folded = text
    .replace(/^\[page \d+\]$/gm, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return createHash('sha256').update(folded).digest('hex');
}

function mapOf(store: ArchiveStore): Promise<Map<string, string>> {
  let map = maps.get(store);
  if (!map) {
    map = store
      .allArticles()
      .then((articles) => new Map(articles.filter((a) => a.textKey).map((a) => [a.textKey!, a.id])));
    maps.set(store, map);
  }
  return map;
}

/** The article with this text key, if it is (still) in the archive. */
export async function findSameText(store: ArchiveStore, key: string): Promise<Article | null> {
  const id = (await mapOf(store)).get(key);
  if (!id) return null;
  // a failed batch may have dropped it since: the shard is the truth
  return (await store.articleShard(shardOf(id))).data.articles.find((a) => a.id === id) ?? null;
}

export async function rememberText(store: ArchiveStore, key: string, articleId: string): Promise<void> {
  (await mapOf(store)).set(key, articleId);
}

/**
 * Changes that touch every fact or article (an entity merge, a tag rename): visit each shard that
 * exists, let the caller edit its records in place, and save only the shards that changed.
 */
import { readdir } from 'node:fs/promises';
import type { Article, Fact } from '../model.js';
import type { ArchiveStore } from './store.js';

async function shardNumbers(store: ArchiveStore, kind: 'articles' | 'facts'): Promise<number[]> {
  const names = await readdir(store.layout.shardsDir).catch(() => [] as string[]);
  const re = new RegExp(`^([0-9a-f]{2})\\.${kind}\\.json$`);
  return names
    .map((name) => re.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => parseInt(m[1]!, 16))
    .sort((a, b) => a - b);
}

/** `edit` returns the new record, or null to leave it; returns the changed pairs. */
export async function rewriteFacts(
  store: ArchiveStore,
  edit: (f: Fact) => Fact | null,
): Promise<Array<{ fact: Fact; previous: Fact }>> {
  const changed: Array<{ fact: Fact; previous: Fact }> = [];
  for (const n of await shardNumbers(store, 'facts')) {
    const shard = await store.factShard(n);
    let dirty = false;
    shard.data.facts = shard.data.facts.map((f) => {
      const next = edit(f);
      if (!next) return f;
      dirty = true;
      changed.push({ fact: next, previous: f });
      return next;
    });
    if (dirty) await store.save(shard);
  }
  return changed;
}

export async function rewriteArticles(
  store: ArchiveStore,
  edit: (a: Article) => Article | null,
): Promise<Array<{ article: Article; previous: Article }>> {
  const changed: Array<{ article: Article; previous: Article }> = [];
  for (const n of await shardNumbers(store, 'articles')) {
    const shard = await store.articleShard(n);
    let dirty = false;
    shard.data.articles = shard.data.articles.map((a) => {
      const next = edit(a);
      if (!next) return a;
      dirty = true;
      changed.push({ article: next, previous: a });
      return next;
    });
    if (dirty) await store.save(shard);
  }
  return changed;
}

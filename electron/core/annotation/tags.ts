/** Hierarchical tags: `violations/arbitrary-detention`. One spelling per path, kept in archive.json. */
import { AqiqatError } from '../errors.js';
import type { ArchiveFile } from '../model.js';
import { rewriteArticles, rewriteFacts } from '../storage/shard-walk.js';
import type { ArchiveStore } from '../storage/store.js';

/** Trim each level, collapse white space, lower-case; refuse empty levels. */
export function normalizeTag(input: string): string {
  const parts = input
    .normalize('NFC')
    .split('/')
    .map((p) => p.trim().replace(/\s+/g, '-').toLowerCase());
  if (parts.some((p) => p === '')) throw new AqiqatError('tag.empty-level', { tag: input }, 'usage');
  return parts.join('/');
}

/** Register tags (and their parents, so the tree has every level). Mutates `meta`; returns how many were new. */
export function ensureTags(meta: ArchiveFile, paths: readonly string[]): number {
  const known = new Set(meta.tags.map((t) => t.path));
  const before = meta.tags.length;
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const p = parts.slice(0, i).join('/');
      if (!known.has(p)) {
        known.add(p);
        meta.tags.push({ path: p });
      }
    }
  }
  return meta.tags.length - before;
}

/** One level of the tag tree: counts of facts and articles tagged exactly here, and with descendants. */
export interface TagNode {
  path: string;
  /** the last level of the path */
  name: string;
  facts: number;
  articles: number;
  /** facts + articles tagged here or anywhere below */
  total: number;
  children: TagNode[];
}

/** The tree of every known tag, children sorted by name. */
export function tagTree(
  known: readonly string[],
  factTags: readonly string[][],
  articleTags: readonly string[][],
): TagNode[] {
  const nodes = new Map<string, TagNode>();
  const node = (path: string): TagNode => {
    let n = nodes.get(path);
    if (!n) {
      n = { path, name: path.slice(path.lastIndexOf('/') + 1), facts: 0, articles: 0, total: 0, children: [] };
      nodes.set(path, n);
      const cut = path.lastIndexOf('/');
      if (cut > 0) node(path.slice(0, cut)).children.push(n);
    }
    return n;
  };
  for (const p of known) node(p);
  const count = (lists: readonly string[][], field: 'facts' | 'articles') => {
    for (const tags of lists) {
      for (const t of new Set(tags)) node(t)[field]++;
      // each item counts once per ancestor, even if tagged at two levels of one branch
      const ancestors = new Set<string>();
      for (const t of tags) for (let i = t.length; i > 0; i = t.lastIndexOf('/', i - 1)) ancestors.add(t.slice(0, i));
      for (const a of ancestors) node(a).total++;
    }
  };
  count(factTags, 'facts');
  count(articleTags, 'articles');
  const byName = (a: TagNode, b: TagNode) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const n of nodes.values()) n.children.sort(byName);
  return [...nodes.values()].filter((n) => !n.path.includes('/')).sort(byName);
}

/** The known tag a user named: its path, or a last level that only one tag has. */
export function resolveTag(meta: ArchiveFile, ref: string): string {
  const path = normalizeTag(ref);
  if (meta.tags.some((t) => t.path === path)) return path;
  const leaves = meta.tags.filter((t) => t.path.endsWith(`/${path}`));
  if (leaves.length === 1) return leaves[0]!.path;
  if (leaves.length > 1) throw new AqiqatError('tag.ambiguous', { ref, paths: leaves.map((t) => t.path) }, 'conflict');
  throw new AqiqatError('tag.not-found', { ref }, 'not-found');
}

/** `from` and everything below it, moved to `to`: `a/b/c` with from `a/b`, to `x` is `x/c`. */
export function movedPath(path: string, from: string, to: string): string {
  if (path === from) return to;
  if (path.startsWith(`${from}/`)) return to + path.slice(from.length);
  return path;
}

/**
 * Rename (`to` must be new) or merge (`to` must exist) a tag: it and its children move, and every
 * fact and article carrying them is retagged. Shards first, archive.json last: a crash midway leaves
 * the old tag known, and running the command again finishes the move.
 */
export async function moveTag(
  store: ArchiveStore,
  fromRef: string,
  toRef: string,
  mode: 'rename' | 'merge',
): Promise<{ from: string; to: string; facts: number; articles: number }> {
  const meta = store.meta.data;
  const from = resolveTag(meta, fromRef);
  const to = mode === 'merge' ? resolveTag(meta, toRef) : normalizeTag(toRef);
  if (to === from) throw new AqiqatError('tag.same', { from: fromRef, to: toRef }, 'usage');
  if (to.startsWith(`${from}/`)) throw new AqiqatError('tag.under-itself', { from, to }, 'usage');
  if (mode === 'rename' && meta.tags.some((t) => t.path === to))
    throw new AqiqatError('tag.exists', { from, to }, 'conflict');
  const retag = (tags: string[]): string[] | null => {
    if (!tags.some((t) => t === from || t.startsWith(`${from}/`))) return null;
    return [...new Set(tags.map((t) => movedPath(t, from, to)))];
  };
  const facts = await rewriteFacts(store, (f) => {
    const tags = retag(f.tags);
    return tags ? { ...f, tags } : null;
  });
  const articles = await rewriteArticles(store, (a) => {
    const tags = retag(a.tags);
    return tags ? { ...a, tags } : null;
  });
  const paths = [...new Set(meta.tags.map((t) => movedPath(t.path, from, to)))];
  meta.tags = paths.map((path) => ({ path }));
  ensureTags(meta, [to]);
  await store.save(store.meta);
  await store.emit({
    type: mode === 'rename' ? 'tag-renamed' : 'tag-merged',
    from,
    to,
    facts: facts.length,
    articles: articles.length,
  });
  for (const c of facts) await store.emit({ type: 'fact-updated', ...c });
  for (const c of articles) await store.emit({ type: 'article-updated', ...c });
  return { from, to, facts: facts.length, articles: articles.length };
}

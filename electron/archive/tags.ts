/** Hierarchical tags: `violations/arbitrary-detention`. One spelling per path, kept in archive.json. */
import { AqiqatError } from './errors.js';
import type { ArchiveFile } from './model.js';

/** Trim each level, collapse white space, lower-case; refuse empty levels. */
export function normalizeTag(input: string): string {
  const parts = input
    .normalize('NFC')
    .split('/')
    .map((p) => p.trim().replace(/\s+/g, '-').toLowerCase());
  if (parts.some((p) => p === '')) throw new AqiqatError(`tag "${input}" has an empty level; use a path like violations/arbitrary-detention`, 'usage');
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

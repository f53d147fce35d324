/**
 * An article's provenance: its source type and its capture record. What the researcher asserts (who
 * captured it, when, with what, from where, original or copy) can be edited; what the machine recorded
 * (the file's time, a web archive's headers, the hashes, the import time) is kept apart and cannot.
 */
import { AqiqatError } from '../errors.js';
import type { Article, CaptureAsserted } from '../model.js';
import { parseAcquiredFrom, parseCapturedAt, parseSourceType } from '../../shared/provenance.js';
import { shardOf } from '../storage/layout.js';
import type { ArchiveStore } from '../storage/store.js';
import { findArticle } from './articles.js';

/** Every asserted field; null (or an empty text) clears it. */
export interface ArticlePatch {
  sourceType?: string | null | undefined;
  capturedBy?: string | null | undefined;
  /** YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][zone] */
  capturedAt?: string | null | undefined;
  tool?: string | null | undefined;
  originalUrl?: string | null | undefined;
  /** web, messenger, e-mail, usb or other */
  acquiredFrom?: string | null | undefined;
  acquiredNote?: string | null | undefined;
  /** true: the original file; false: a copy */
  original?: boolean | null | undefined;
}

/** Names a caller may try to edit that only the machine writes: refused by name, not ignored. */
export const MACHINE_FIELDS = [
  'fileModifiedAt',
  'warcDate',
  'warcTargetUri',
  'warcSoftware',
  'warcPages',
  'waczHashes',
  'waczHashBroken',
  'waczSigner',
  'waczSignature',
  'waczSignedAt',
  'sha256',
  'textSha256',
  'importedAt',
] as const;

const ASSERTED_TEXT = ['capturedBy', 'tool', 'originalUrl', 'acquiredNote'] as const;

/** Change the asserted provenance of an article; the audit log gets an `article-updated` line naming what changed. */
export async function editArticle(store: ArchiveStore, idOrPrefix: string, input: ArticlePatch): Promise<Article> {
  const patch = input as ArticlePatch & Record<string, unknown>;
  const machine = MACHINE_FIELDS.find((f) => f in patch && patch[f] !== undefined);
  if (machine) throw new AqiqatError('article.machine-recorded', { field: machine }, 'usage');
  const given = Object.entries(patch).filter(([, v]) => v !== undefined);
  if (given.length === 0) throw new AqiqatError('article.nothing-to-edit', {}, 'usage');
  // every value checked before anything changes
  const asserted: CaptureAsserted = {};
  const cleared = new Set<string>();
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : null);
  for (const key of ASSERTED_TEXT) {
    if (patch[key] === undefined) continue;
    const v = text(patch[key]);
    if (v) asserted[key] = v;
    else cleared.add(key);
  }
  if (patch.capturedAt !== undefined) {
    const v = text(patch.capturedAt);
    if (v) asserted.capturedAt = parseCapturedAt(v);
    else cleared.add('capturedAt');
  }
  if (patch.acquiredFrom !== undefined) {
    const v = text(patch.acquiredFrom);
    if (v) asserted.acquiredFrom = parseAcquiredFrom(v);
    else cleared.add('acquiredFrom');
  }
  if (patch.original === null) cleared.add('original');
  else if (patch.original !== undefined) asserted.original = patch.original;
  const sourceType =
    patch.sourceType === undefined ? undefined : text(patch.sourceType) ? parseSourceType(patch.sourceType!) : null;

  const found = await findArticle(store, idOrPrefix);
  const shard = await store.articleShard(shardOf(found.id));
  const article = shard.data.articles.find((a) => a.id === found.id) ?? found;
  const previous = structuredClone(article);
  if (sourceType === null) delete article.sourceType;
  else if (sourceType !== undefined) article.sourceType = sourceType;
  if (Object.keys(asserted).length > 0 || cleared.size > 0) {
    const capture = article.capture ?? { asserted: {}, machine: {} };
    const next: Record<string, unknown> = { ...capture.asserted, ...asserted };
    for (const key of cleared) delete next[key];
    article.capture = { ...capture, asserted: next as CaptureAsserted };
  }
  if (JSON.stringify(previous) === JSON.stringify(article)) return article;
  await store.save(shard);
  await store.emit({ type: 'article-updated', article, previous });
  return article;
}

/**
 * The article list at start-up from one summary file (index/articles.list) instead of every metadata
 * shard parsed and validated: at 50k articles the shards are 256 files and 32 MB whose validation
 * costs seconds, while one file checked by its hash costs a JSON.parse. It holds each article's list
 * row (model.ts ArticleRow), not the whole record: at 200k articles whole records made a 140 MB file.
 *
 * The shards stay the truth. The summary records each shard file's size, mtime, ctime and inode as it
 * read them; a shard that differs (a save since, a hand edit, a restore) is read again, alone, and a
 * summary that is missing, of another format or whose hash does not match its body is ignored. Each
 * list call that had to read a shard writes the summary again, after it answered (close waits for the
 * write). Encrypted archives do without it: the summary would be a second copy of every title to seal.
 */
import { createHash } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isTempFile, readFileNoFollow, writeFileAtomic } from './atomic.js';
import { SCHEMA_VERSION, type ArticleRow } from '../model.js';
import type { Layout } from './layout.js';

const FORMAT = 3;
const SHARD_NAME = /^([0-9a-f]{2})\.articles\.json$/;

export const articleListFile = (l: Layout) => path.join(l.indexDir, 'articles.list');

/** A shard file's identity on disk: [size, mtimeMs, ctimeMs, inode]. */
export type FileId = [number, number, number, number];
export const fileIdOf = (info: Stats): FileId => [info.size, info.mtimeMs, info.ctimeMs, info.ino];
export type ShardIds = Map<number, FileId>;

const HeaderSchema = z.object({
  format: z.literal(FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  // each shard's file identity and how many rows of it the body holds
  shards: z.record(
    z.string().regex(/^\d{1,3}$/),
    z.tuple([z.number(), z.number(), z.number(), z.number(), z.number().int().nonnegative()]),
  ),
});

/**
 * The body: every row newest first, as [shard, id, title, publisher, publishedAt, lang, importedAt]. Kept
 * in list order because sorting 200k rows at start cost ~0.5 s and an ordered array sorts in one pass;
 * as tuples because field names were a quarter of the bytes to decode and parse.
 */
type Tuple = [number, string, string, string | null, string | null, string, string];

export interface ArticleSummary {
  ids: ShardIds;
  /** every row of the shards as they were when `ids` was taken, newest first */
  rows: ArticleRow[];
  /** the shard each row of `rows` is in, index for index */
  shardOfRow: number[];
}

/** The article shard files there are now, by shard number, with their identities. */
export async function shardIds(layout: Layout): Promise<ShardIds> {
  const names = await readdir(layout.shardsDir).catch(() => [] as string[]);
  const out: ShardIds = new Map();
  await Promise.all(
    names.map(async (name) => {
      const m = SHARD_NAME.exec(name);
      if (!m) return;
      const info = await stat(path.join(layout.shardsDir, name)).catch(() => null);
      if (info) out.set(parseInt(m[1]!, 16), fileIdOf(info));
    }),
  );
  return out;
}

export const sameFile = (a: FileId | undefined, b: FileId | undefined): boolean =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

const nullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** The summary on disk, or null when there is none usable (missing, damaged, another format). */
export async function readSummary(layout: Layout): Promise<ArticleSummary | null> {
  const bytes = await readFileNoFollow(articleListFile(layout)).catch(() => null);
  if (!bytes) return null;
  const cut = bytes.indexOf(0x0a);
  if (cut < 0) return null;
  try {
    const header = HeaderSchema.safeParse(JSON.parse(bytes.subarray(0, cut).toString('utf8')));
    if (!header.success) return null;
    const body = bytes.subarray(cut + 1);
    if (createHash('sha256').update(body).digest('hex') !== header.data.sha256) return null;
    const tuples: unknown = JSON.parse(body.toString('utf8'));
    if (!Array.isArray(tuples)) return null;
    const ids: ShardIds = new Map();
    const left = new Map<number, number>();
    for (const [n, [size, mtime, ctime, ino, count]] of Object.entries(header.data.shards)) {
      ids.set(Number(n), [size, mtime, ctime, ino]);
      left.set(Number(n), count);
    }
    // its body is what this module wrote from validated shards, as the hash shows: only its shape is checked
    const rows: ArticleRow[] = new Array(tuples.length);
    const shardOfRow: number[] = new Array(tuples.length);
    for (let i = 0; i < tuples.length; i++) {
      const t = tuples[i] as Tuple;
      const count = Array.isArray(t) && t.length === 7 ? left.get(t[0]) : undefined;
      if (!count || typeof t[1] !== 'string' || typeof t[2] !== 'string' || !nullableString(t[3])) return null;
      if (!nullableString(t[4]) || typeof t[5] !== 'string' || typeof t[6] !== 'string') return null;
      left.set(t[0], count - 1);
      shardOfRow[i] = t[0];
      rows[i] = {
        id: t[1],
        title: t[2],
        publisher: t[3],
        publishedAt: t[4],
        lang: t[5],
        importedAt: t[6],
      } as ArticleRow;
    }
    for (const count of left.values()) if (count !== 0) return null;
    return { ids, rows, shardOfRow };
  } catch {
    return null;
  }
}

export async function writeSummary(layout: Layout, summary: ArticleSummary): Promise<void> {
  const counts = new Map<number, number>();
  const tuples: Tuple[] = summary.rows.map((r, i) => {
    const n = summary.shardOfRow[i]!;
    counts.set(n, (counts.get(n) ?? 0) + 1);
    return [n, r.id, r.title, r.publisher, r.publishedAt, r.lang, r.importedAt];
  });
  const shards: Record<string, [...FileId, number]> = {};
  for (const [n, id] of summary.ids) shards[n] = [...id, counts.get(n) ?? 0];
  // a write cut short (`aqiqat articles | head` exits midway) left its temp file, as large as the summary
  for (const name of await readdir(layout.indexDir).catch(() => [] as string[]))
    if (name.startsWith('.articles.list.') && isTempFile(name))
      await rm(path.join(layout.indexDir, name), { force: true });
  const body = Buffer.from(JSON.stringify(tuples), 'utf8');
  const header = {
    format: FORMAT,
    schemaVersion: SCHEMA_VERSION,
    sha256: createHash('sha256').update(body).digest('hex'),
    shards,
  };
  await writeFileAtomic(articleListFile(layout), Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]));
}

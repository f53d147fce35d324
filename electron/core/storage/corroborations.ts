/**
 * Which fact shards name which facts as corroborating (index/corroborations.json), so that a delete
 * finds the facts it must unlink without reading every fact shard: with a million facts that was a
 * gigabyte read on each session's first delete. Kept by shard file identity, as the article list's
 * summary is (article-list.ts): a shard that differs is read again, and a file that is missing,
 * damaged or of another format is ignored. Plain archives only, like that summary.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { readFileNoFollow, writeFileAtomic } from './atomic.js';
import type { FileId } from './article-list.js';
import type { Layout } from './layout.js';

const FORMAT = 1;

export const corroborationsFile = (l: Layout) => path.join(l.indexDir, 'corroborations.json');

/** Per fact shard: its file's identity when it was read, and the ids it names as corroborating. */
export type Corroborations = Map<number, { file: FileId; ids: string[] }>;

const FileSchema = z.object({
  format: z.literal(FORMAT),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  shards: z.record(
    z.string().regex(/^\d{1,3}$/),
    z.tuple([z.number(), z.number(), z.number(), z.number(), z.array(z.string())]),
  ),
});

const digest = (shards: unknown) => createHash('sha256').update(JSON.stringify(shards)).digest('hex');

export async function readCorroborations(layout: Layout): Promise<Corroborations> {
  const out: Corroborations = new Map();
  const bytes = await readFileNoFollow(corroborationsFile(layout)).catch(() => null);
  if (!bytes) return out;
  try {
    const parsed = FileSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    if (!parsed.success || digest(parsed.data.shards) !== parsed.data.sha256) return out;
    for (const [n, [size, mtime, ctime, ino, ids]] of Object.entries(parsed.data.shards))
      out.set(Number(n), { file: [size, mtime, ctime, ino], ids });
  } catch {
    // not JSON: as if there were none
  }
  return out;
}

export async function writeCorroborations(layout: Layout, known: Corroborations): Promise<void> {
  const shards: Record<string, [...FileId, string[]]> = {};
  for (const [n, { file, ids }] of known) shards[n] = [...file, ids];
  await writeFileAtomic(
    corroborationsFile(layout),
    Buffer.from(JSON.stringify({ format: FORMAT, sha256: digest(shards), shards })),
  );
}

/**
 * Rotating snapshots of archive.json in backups/: taken when an archive is opened and its
 * archive.json differs from the newest snapshot, and before risky operations (restore, encryption,
 * migrations). archive.json is the one file whose loss loses people, places, cases and tags; the
 * shards and content files are covered by `aqiqat backup`.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../storage/atomic.js';
import type { Layout } from '../storage/layout.js';

export const DEFAULT_KEEP_SNAPSHOTS = 20;
const SNAPSHOT = /^archive-(\d{8}T\d{9}Z)-([a-z0-9-]{1,40})\.json$/;

export interface Snapshot {
  name: string;
  file: string;
  takenAt: string;
  reason: string;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:.]/g, '');

function fromName(dir: string, name: string): Snapshot | null {
  const m = SNAPSHOT.exec(name);
  if (!m) return null;
  const s = m[1]!;
  const takenAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
  return { name, file: path.join(dir, name), takenAt, reason: m[2]! };
}

/** Snapshots, newest first. */
export async function listSnapshots(layout: Layout): Promise<Snapshot[]> {
  const names = await readdir(layout.backupsDir).catch(() => [] as string[]);
  return names
    .map((n) => fromName(layout.backupsDir, n))
    .filter((s): s is Snapshot => s !== null)
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

export async function latestSnapshot(layout: Layout): Promise<Snapshot | null> {
  return (await listSnapshots(layout))[0] ?? null;
}

/**
 * Snapshots that could stand in for a damaged archive.json, newest first: those not byte-identical to
 * it, so a snapshot that was put back and proved bad itself is passed over for an older one.
 */
export async function replacementSnapshots(layout: Layout): Promise<Snapshot[]> {
  const current = await readFile(layout.archiveFile).catch(() => null);
  const out: Snapshot[] = [];
  for (const s of await listSnapshots(layout)) {
    const bytes = await readFile(s.file).catch(() => null);
    if (bytes && !(current && bytes.equals(current))) out.push(s);
  }
  return out;
}

/**
 * Copy `bytes` (archive.json as it is on disk) into backups/, unless the newest snapshot already
 * holds exactly these bytes; then keep only the newest `keep`. Returns the snapshot written, if any.
 */
export async function takeSnapshot(
  layout: Layout,
  bytes: Uint8Array,
  reason: string,
  keep = DEFAULT_KEEP_SNAPSHOTS,
  now = new Date(),
): Promise<Snapshot | null> {
  const latest = await latestSnapshot(layout);
  if (latest && reason === 'open') {
    const previous = await readFile(latest.file).catch(() => null);
    if (previous && Buffer.compare(previous, bytes) === 0) return null;
  }
  let name = `archive-${stamp(now)}-${reason}.json`;
  // two snapshots in one millisecond (tests, a restore right after an open): keep both, ordered
  if (latest && name <= latest.name) name = `archive-${stamp(new Date(Date.parse(latest.takenAt) + 1))}-${reason}.json`;
  const file = path.join(layout.backupsDir, name);
  await writeFileAtomic(file, bytes);
  await pruneSnapshots(layout, keep);
  return fromName(layout.backupsDir, name);
}

export async function pruneSnapshots(layout: Layout, keep: number): Promise<void> {
  const all = await listSnapshots(layout);
  for (const s of all.slice(Math.max(1, keep))) await rm(s.file, { force: true });
}

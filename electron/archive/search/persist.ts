/**
 * The index on disk, under index/ (never the only copy of anything: it is rebuilt from the archive
 * when missing, corrupt, of another format, or stale):
 *
 *   search.idx      the base: "AQIQATIX", u32 header length, header JSON (format, analyzer
 *                   fingerprint, epoch, shard-file fingerprint, documents in columns, vocabulary with
 *                   analyses), u32 word count, u32 byte offsets (count + 1), then the postings bytes,
 *                   used in place (no decoding at load).
 *   search.journal  JSON lines appended after each change since the base was written (first line: the
 *                   base's epoch). Replayed at load; merged into a new base by compaction.
 *
 * Staleness: the index records the size and mtime of every shards/ file it has seen; at load, a shard
 * whose files differ (a crash between a save and the journal line, another program's edit) is indexed
 * again, alone.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../atomic.js';
import type { Layout } from '../layout.js';
import type { WordAnalysis } from './analyze.js';
import type { DocMeta, SearchIndex } from './index.js';

export const FORMAT_VERSION = 1;
const MAGIC = Buffer.from('AQIQATIX', 'latin1');

/** shards/ file name → [size, mtimeMs] */
export type Fingerprint = Record<string, [number, number]>;

export const indexFile = (l: Layout) => path.join(l.indexDir, 'search.idx');
export const journalFile = (l: Layout) => path.join(l.indexDir, 'search.journal');

export class CorruptIndex extends Error {}

interface DocColumns {
  kind: string;
  id: string[];
  published: number[];
  lang: string[];
  title: string[];
  textSha256: string[];
  type: string[];
  date: string[];
  start: number[];
  end: number[];
  tags: string[][];
  entities: string[][];
}

interface Header {
  format: number;
  analyzer: string;
  epoch: string;
  fingerprint: Fingerprint;
  docs: DocColumns;
  vocab: { word: string[]; lower: string[]; key: string[]; stems: string[]; keyStems: string[] };
}

export async function shardFingerprint(layout: Layout, only?: readonly string[]): Promise<Fingerprint> {
  const names = only ?? (await readdir(layout.shardsDir).catch(() => [] as string[])).filter((n) => /^[0-9a-f]{2}\.\w+\.json$/.test(n));
  const out: Fingerprint = {};
  await Promise.all(
    names.map(async (name) => {
      const info = await stat(path.join(layout.shardsDir, name)).catch(() => null);
      if (info) out[name] = [info.size, Math.round(info.mtimeMs)];
    }),
  );
  return out;
}

export const newEpoch = () => randomBytes(8).toString('hex');

/** Serialise the live documents and words of `index` as a base file. */
export function encodeBase(index: SearchIndex, analyzer: string, epoch: string, fingerprint: Fingerprint): Buffer {
  const { docs, words } = index.compacted();
  const cols: DocColumns = { kind: '', id: [], published: [], lang: [], title: [], textSha256: [], type: [], date: [], start: [], end: [], tags: [], entities: [] };
  const kinds: string[] = [];
  for (const d of docs) {
    kinds.push(d.kind === 'article' ? 'a' : 'f');
    cols.id.push(d.id);
    cols.published.push(d.published);
    cols.lang.push(d.lang);
    cols.title.push(d.title);
    cols.textSha256.push(d.textSha256);
    cols.type.push(d.type);
    cols.date.push(d.date);
    cols.start.push(d.start);
    cols.end.push(d.end);
    cols.tags.push(d.tags);
    cols.entities.push(d.entities);
  }
  cols.kind = kinds.join('');
  const vocab: Header['vocab'] = { word: [], lower: [], key: [], stems: [], keyStems: [] };
  for (const w of words) {
    vocab.word.push(w.word);
    vocab.lower.push(w.analysis.lower === w.word ? '' : w.analysis.lower);
    vocab.key.push(w.analysis.key);
    vocab.stems.push(w.analysis.stems.join(' '));
    vocab.keyStems.push(w.analysis.keyStems.join(' '));
  }
  const header: Header = { format: FORMAT_VERSION, analyzer, epoch, fingerprint, docs: cols, vocab };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const offsets = new Uint32Array(words.length + 1);
  let total = 0;
  words.forEach((w, i) => {
    offsets[i] = total;
    total += w.postings.length;
  });
  offsets[words.length] = total;
  const out = Buffer.allocUnsafe(MAGIC.length + 4 + headerBytes.length + 4 + offsets.byteLength + total);
  let at = MAGIC.copy(out, 0);
  at = out.writeUInt32LE(headerBytes.length, at);
  at += headerBytes.copy(out, at);
  at = out.writeUInt32LE(words.length, at);
  at += Buffer.from(offsets.buffer, offsets.byteOffset, offsets.byteLength).copy(out, at);
  for (const w of words) {
    out.set(w.postings, at);
    at += w.postings.length;
  }
  return out;
}

export interface LoadedBase {
  epoch: string;
  analyzer: string;
  fingerprint: Fingerprint;
}

/**
 * Fill an empty `index` from a base file. Returns null if there is none; throws CorruptIndex if it
 * cannot be read as one. `reanalyze` recomputes word analyses (the analyzer changed since).
 */
export async function loadBase(file: string, index: SearchIndex, analyzer: string): Promise<LoadedBase | null> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CorruptIndex(`cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    if (buf.length < MAGIC.length + 8 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new CorruptIndex('not an Aqiqat index');
    let at = MAGIC.length;
    const headerLength = buf.readUInt32LE(at);
    at += 4;
    if (at + headerLength + 4 > buf.length) throw new CorruptIndex('truncated header');
    const header = JSON.parse(buf.toString('utf8', at, at + headerLength)) as Header;
    at += headerLength;
    if (header.format !== FORMAT_VERSION) throw new CorruptIndex(`index format ${header.format}, expected ${FORMAT_VERSION}`);
    const count = buf.readUInt32LE(at);
    at += 4;
    const offsetsEnd = at + (count + 1) * 4;
    if (offsetsEnd > buf.length) throw new CorruptIndex('truncated offsets');
    // copy: the offsets must be 4-byte aligned for a Uint32Array view
    const offsets = new Uint32Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + offsetsEnd));
    const blob = buf.subarray(offsetsEnd);
    checkHeader(header, count);
    if (offsets[count] !== blob.length) throw new CorruptIndex('postings length mismatch');
    const d = header.docs;
    for (let i = 0; i < d.id.length; i++) {
      const id = d.id[i]!;
      const kind = d.kind[i] === 'a' ? 'article' : 'fact';
      const meta: DocMeta = {
        kind,
        id,
        articleId: kind === 'article' ? id : id.slice(0, id.indexOf('-')),
        published: d.published[i]!,
        lang: d.lang[i]!,
        title: d.title[i]!,
        textSha256: d.textSha256[i]!,
        type: d.type[i]!,
        date: d.date[i]!,
        start: d.start[i]!,
        end: d.end[i]!,
        tags: d.tags[i]!,
        entities: d.entities[i]!,
      };
      index.pushBaseDoc(meta);
    }
    const v = header.vocab;
    const sameAnalyzer = header.analyzer === analyzer;
    for (let i = 0; i < count; i++) {
      const from = offsets[i]!;
      const to = offsets[i + 1]!;
      if (to < from || to > blob.length) throw new CorruptIndex('bad postings offsets');
      const word = v.word[i]!;
      const analysis: WordAnalysis = sameAnalyzer
        ? { lower: v.lower[i] || word, stems: split(v.stems[i]!), key: v.key[i]!, keyStems: split(v.keyStems[i]!) }
        : index.analyzer.analyze(word.startsWith('^') ? word.slice(1).charAt(0).toUpperCase() + word.slice(2) : word);
      index.pushBaseWord(word, analysis, blob.subarray(from, to));
    }
    return { epoch: header.epoch, analyzer: header.analyzer, fingerprint: header.fingerprint };
  } catch (e) {
    if (e instanceof CorruptIndex) throw e;
    throw new CorruptIndex(`unreadable index: ${(e as Error).message}`);
  }
}

const split = (s: string) => (s === '' ? [] : s.split(' '));

function checkHeader(h: Header, count: number): void {
  const ok =
    typeof h.epoch === 'string' &&
    typeof h.analyzer === 'string' &&
    h.fingerprint !== null &&
    typeof h.fingerprint === 'object' &&
    h.docs !== null &&
    typeof h.docs.kind === 'string' &&
    Array.isArray(h.vocab?.word) &&
    [h.vocab.word, h.vocab.lower, h.vocab.key, h.vocab.stems, h.vocab.keyStems].every((a) => Array.isArray(a) && a.length === count);
  if (!ok) throw new CorruptIndex('malformed header');
  const n = h.docs.kind.length;
  const cols = [h.docs.id, h.docs.published, h.docs.lang, h.docs.title, h.docs.textSha256, h.docs.type, h.docs.date, h.docs.start, h.docs.end, h.docs.tags, h.docs.entities];
  if (!cols.every((c) => Array.isArray(c) && c.length === n)) throw new CorruptIndex('malformed document table');
  if (!h.docs.id.every((id) => typeof id === 'string' && id !== '')) throw new CorruptIndex('malformed document ids');
}

// ---- journal -------------------------------------------------------------------------------

export type JournalOp =
  | { add: DocMeta; w: Array<[string, number]>; fp: Fingerprint }
  | { del: string; fp: Fingerprint }
  | { fp: Fingerprint };

export async function startJournal(file: string, epoch: string): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify({ epoch })}\n`);
}

export async function appendJournal(file: string, ops: readonly JournalOp[]): Promise<void> {
  if (ops.length === 0) return;
  await appendFile(file, ops.map((op) => `${JSON.stringify(op)}\n`).join(''));
}

/** The journal's ops if it belongs to base `epoch`; unreadable lines are skipped (staleness repair covers them). */
export async function readJournal(file: string, epoch: string): Promise<{ ops: JournalOp[]; bytes: number } | null> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const lines = raw.split('\n');
  let first: unknown;
  try {
    first = JSON.parse(lines[0] ?? '');
  } catch {
    return null;
  }
  if ((first as { epoch?: unknown } | null)?.epoch !== epoch) return null;
  const ops: JournalOp[] = [];
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    try {
      const op = JSON.parse(line) as JournalOp;
      if (op && typeof op === 'object' && typeof op.fp === 'object') ops.push(op);
    } catch {
      // a torn last line after a crash
    }
  }
  return { ops, bytes: Buffer.byteLength(raw) };
}

export async function journalExists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

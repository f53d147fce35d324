/**
 * The index on disk, under index/ (never the only copy of anything: it is rebuilt from the archive
 * when missing, corrupt, of another format, or stale):
 *
 *   search.idx      the base: "AQIQATIX", u32 header length, header JSON (format, analyzer
 *                   fingerprint, epoch, shard-file fingerprint, counts, where each section lies), then
 *                   the sections (documents and vocabulary in columns, key tables, postings), all
 *                   used in place (no decoding at load).
 *   search.journal  JSON lines appended after each change since the base was written (first line: the
 *                   base's epoch). Replayed at load; merged into a new base by compaction.
 *
 * Staleness: the index records the size and mtime of every shards/ file it has seen; at load, a shard
 * whose files differ (a crash between a save and the journal line, another program's edit) is indexed
 * again, alone.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { openNoFollow, readFileNoFollow, writeFileAtomic } from '../storage/atomic.js';
import { plainCodec, type Codec } from '../protection/crypto.js';
import type { Layout } from '../storage/layout.js';
import { KeyTable, Strings, type BaseColumns, type DocMeta, type SearchIndex } from './index.js';

export const FORMAT_VERSION = 3;
const MAGIC = Buffer.from('AQIQATIX', 'latin1');

/** shards/ file name → [size, mtimeMs] */
export type Fingerprint = Record<string, [number, number]>;

export const indexFile = (l: Layout) => path.join(l.indexDir, 'search.idx');
export const journalFile = (l: Layout) => path.join(l.indexDir, 'search.journal');

export class CorruptIndex extends Error {}

export async function shardFingerprint(layout: Layout, only?: readonly string[]): Promise<Fingerprint> {
  const names =
    only ??
    (await readdir(layout.shardsDir).catch(() => [] as string[])).filter((n) => /^[0-9a-f]{2}\.\w+\.json$/.test(n));
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

/**
 * Sections after the header: string columns as UTF-8 bytes plus a u32 end offset per string (read in
 * place, decoded one string at a time), numbers as little-endian typed arrays, and the postings bytes.
 */
type SectionKind = 'str' | 'u8' | 'u16' | 'u32';
interface SectionRef {
  name: string;
  kind: SectionKind;
  offset: number;
  length: number;
}

interface Header {
  format: number;
  analyzer: string;
  epoch: string;
  fingerprint: Fingerprint;
  docs: number;
  words: number;
  sections: SectionRef[];
}

class SectionWriter {
  readonly refs: SectionRef[] = [];
  readonly chunks: Uint8Array[] = [];
  #offset = 0;

  str(name: string, items: readonly string[]): void {
    const { bytes, ends } = Strings.encode(items);
    this.#push(name, 'str', bytes);
    this.num(`${name}.ends`, 'u32', ends);
  }

  num(name: string, kind: 'u8' | 'u16' | 'u32', values: ArrayLike<number>): void {
    const arr =
      kind === 'u8'
        ? Uint8Array.from(values)
        : kind === 'u16'
          ? Uint16Array.from(values)
          : values instanceof Uint32Array
            ? values
            : Uint32Array.from(values);
    this.#push(name, kind, new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength));
  }

  bytes(name: string, data: Uint8Array): void {
    this.#push(name, 'u8', data);
  }

  #push(name: string, kind: SectionKind, data: Uint8Array): void {
    // 4-byte alignment, so that typed arrays can view the loaded file without copying
    const pad = (4 - (this.#offset % 4)) % 4;
    if (pad) {
      this.chunks.push(new Uint8Array(pad));
      this.#offset += pad;
    }
    this.refs.push({ name, kind, offset: this.#offset, length: data.byteLength });
    this.chunks.push(data);
    this.#offset += data.byteLength;
  }
}

/** Serialise the live documents and words of `index` as a base file. */
export function encodeBase(index: SearchIndex, analyzer: string, epoch: string, fingerprint: Fingerprint): Buffer {
  const { docs, words } = index.compacted();
  const langs: string[] = [];
  const types: string[] = [];
  const code = (table: string[], value: string) => {
    let i = table.indexOf(value);
    if (i < 0) i = table.push(value) - 1;
    return i;
  };
  const w = new SectionWriter();
  // one column per section: a document's fields, then a word's
  type Word = (typeof words)[number];
  const docStr = (name: string, field: (d: DocMeta) => string) => w.str(name, docs.map(field));
  const docNum = (name: string, kind: 'u8' | 'u16' | 'u32', field: (d: DocMeta) => number) =>
    w.num(name, kind, docs.map(field));
  const wordStr = (name: string, field: (x: Word) => string) => w.str(name, words.map(field));
  docNum('kinds', 'u8', (d) => (d.kind === 'fact' ? 1 : 0));
  const ids = docs.map((d) => d.id);
  w.str('ids', ids);
  w.num('idOrder', 'u32', sortedOrder(ids));
  docNum('published', 'u32', (d) => d.published);
  docNum('langOf', 'u8', (d) => code(langs, d.lang));
  w.str('langs', langs);
  docNum('typeOf', 'u16', (d) => code(types, d.type));
  w.str('types', types);
  docStr('titles', (d) => d.title.replace(/\u0000/g, ' '));
  docStr('textShas', (d) => d.textSha256);
  docStr('dates', (d) => d.date);
  docNum('starts', 'u32', (d) => d.start);
  docNum('ends', 'u32', (d) => d.end);
  docStr('tags', (d) => d.tags.join(' '));
  docStr('entities', (d) => d.entities.join(' '));
  const surfaces = words.map((x) => x.word);
  w.str('words', surfaces);
  w.num('wordOrder', 'u32', sortedOrder(surfaces));
  wordStr('lowers', (x) => (x.analysis.lower === x.word ? '' : x.analysis.lower));
  wordStr('keys', (x) => x.analysis.key);
  wordStr('stems', (x) => x.analysis.stems.join(' '));
  wordStr('keyStems', (x) => x.analysis.keyStems.join(' '));
  const offsets = new Uint32Array(words.length + 1);
  let total = 0;
  words.forEach((x, i) => {
    offsets[i] = total;
    total += x.postings.length;
  });
  offsets[words.length] = total;
  w.num('postingOffsets', 'u32', offsets);
  const blob = new Uint8Array(total);
  let at = 0;
  for (const x of words) {
    blob.set(x.postings, at);
    at += x.postings.length;
  }
  w.bytes('postings', blob);
  const tables = {
    byLower: [] as Array<[string, number]>,
    byStem: [] as Array<[string, number]>,
    byKey: [] as Array<[string, number]>,
  };
  words.forEach((x, v) => {
    const a = x.analysis;
    tables.byLower.push([a.lower, v]);
    tables.byStem.push([a.lower, v]);
    for (const s of a.stems) tables.byStem.push([s, v]);
    tables.byKey.push([a.key, v]);
    for (const k of a.keyStems) tables.byKey.push([k, v]);
  });
  for (const [name, pairs] of Object.entries(tables)) {
    const t = KeyTable.columns(pairs);
    w.str(`${name}.keys`, t.keys);
    w.num(`${name}.offsets`, 'u32', t.offsets);
    w.num(`${name}.ids`, 'u32', t.ids);
  }
  const header: Header = {
    format: FORMAT_VERSION,
    analyzer,
    epoch,
    fingerprint,
    docs: docs.length,
    words: words.length,
    sections: w.refs,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(MAGIC.length + 4);
  MAGIC.copy(prefix, 0);
  // the header is padded so that sections start 4-byte aligned in the file
  const padded = Buffer.concat([headerBytes, Buffer.alloc((4 - ((prefix.length + headerBytes.length) % 4)) % 4, 0x20)]);
  prefix.writeUInt32LE(padded.length, MAGIC.length);
  return Buffer.concat([prefix, padded, ...w.chunks]);
}

/** Positions of `items` in the order of their strings. */
function sortedOrder(items: readonly string[]): Uint32Array {
  return Uint32Array.from(items.keys()).sort((a, b) => (items[a]! < items[b]! ? -1 : items[a]! > items[b]! ? 1 : 0));
}

export interface LoadedBase {
  epoch: string;
  analyzer: string;
  fingerprint: Fingerprint;
  /** the plain file the index's columns view (handed to the index thread to compact) */
  bytes: Buffer;
}

/**
 * Fill an empty `index` from a base file. Returns null if there is none; throws CorruptIndex if it
 * cannot be used (damaged, another format, or written by another analyzer: then it is rebuilt).
 */
export async function loadBase(
  file: string,
  index: SearchIndex,
  analyzer: string,
  codec: Codec = plainCodec,
): Promise<LoadedBase | null> {
  let buf: Buffer;
  try {
    buf = codec.open(await readFileNoFollow(file), file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CorruptIndex(`cannot read ${file}: ${(e as Error).message}`);
  }
  return loadBaseBytes(buf, index, analyzer);
}

/** loadBase from the plain bytes of a base file. */
export function loadBaseBytes(buf: Buffer, index: SearchIndex, analyzer: string): LoadedBase {
  try {
    if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC))
      throw new CorruptIndex('not an Aqiqat index');
    const headerLength = buf.readUInt32LE(MAGIC.length);
    const bodyStart = MAGIC.length + 4 + headerLength;
    if (bodyStart > buf.length) throw new CorruptIndex('truncated header');
    const header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, bodyStart)) as Header;
    if (header?.format !== FORMAT_VERSION)
      throw new CorruptIndex(`index format ${String(header?.format)}, expected ${FORMAT_VERSION}`);
    if (header.analyzer !== analyzer) throw new CorruptIndex('written with other spelling rules or another gazetteer');
    if (
      typeof header.epoch !== 'string' ||
      typeof header.fingerprint !== 'object' ||
      header.fingerprint === null ||
      !Array.isArray(header.sections)
    ) {
      throw new CorruptIndex('malformed header');
    }
    // a Buffer from readFile may share a pool: copy to its own aligned memory when it is not aligned
    const body =
      (buf.byteOffset + bodyStart) % 4 === 0 ? buf.subarray(bodyStart) : new Uint8Array(buf.subarray(bodyStart));
    const refs = new Map(header.sections.map((r) => [r.name, r]));
    const raw = (name: string): SectionRef => {
      const r = refs.get(name);
      if (
        !r ||
        !Number.isInteger(r.offset) ||
        !Number.isInteger(r.length) ||
        r.offset < 0 ||
        r.length < 0 ||
        r.offset + r.length > body.length
      ) {
        throw new CorruptIndex(`section ${name} is missing or out of bounds`);
      }
      return r;
    };
    const num = <T extends Uint8Array | Uint16Array | Uint32Array>(
      name: string,
      make: (b: ArrayBuffer, o: number, n: number) => T,
      size: number,
      count?: number,
    ): T => {
      const r = raw(name);
      if (r.offset % size !== 0 || r.length % size !== 0) throw new CorruptIndex(`section ${name} is misaligned`);
      const arr = make(body.buffer as ArrayBuffer, body.byteOffset + r.offset, r.length / size);
      if (count !== undefined && arr.length !== count)
        throw new CorruptIndex(`section ${name} has ${arr.length} items, expected ${count}`);
      return arr;
    };
    const u8 = (name: string, count?: number) => num(name, (b, o, n) => new Uint8Array(b, o, n), 1, count);
    const u16 = (name: string, count?: number) => num(name, (b, o, n) => new Uint16Array(b, o, n), 2, count);
    const u32 = (name: string, count?: number) => num(name, (b, o, n) => new Uint32Array(b, o, n), 4, count);
    const str = (name: string, count?: number, nonEmpty = false): Strings => {
      const r = raw(name);
      const items = new Strings(body.subarray(r.offset, r.offset + r.length), u32(`${name}.ends`, count));
      if (!items.wellFormed(nonEmpty)) throw new CorruptIndex(`section ${name} is malformed`);
      return items;
    };
    const list = (name: string): string[] => {
      const items = str(name);
      return Array.from({ length: items.length }, (_, i) => items.at(i)!);
    };
    /** A permutation of 0..count-1 would need a pass with a bitmap; in range is what lookups need to stay safe. */
    const order = (name: string, count: number): Uint32Array => {
      const o = u32(name, count);
      for (let i = 0; i < o.length; i++) if (o[i]! >= count) throw new CorruptIndex(`section ${name} is out of range`);
      return o;
    };
    const table = (name: string) => {
      // the count comes from the offsets: an empty table (every article deleted) has no key, not one empty key
      const offsets = u32(`${name}.offsets`);
      if (offsets.length === 0) throw new CorruptIndex(`table ${name} has no offsets`);
      const keys = str(`${name}.keys`, offsets.length - 1);
      const ids = u32(`${name}.ids`);
      if (offsets[keys.length] !== ids.length) throw new CorruptIndex(`table ${name} is inconsistent`);
      for (let i = 0; i < ids.length; i++)
        if (ids[i]! >= header.words) throw new CorruptIndex(`table ${name} names a word that does not exist`);
      return new KeyTable(keys, offsets, ids);
    };
    const d = header.docs;
    const w = header.words;
    if (!Number.isInteger(d) || !Number.isInteger(w) || d < 0 || w < 0) throw new CorruptIndex('malformed counts');
    const columns: BaseColumns = {
      kinds: u8('kinds', d),
      ids: str('ids', d, true),
      idOrder: order('idOrder', d),
      published: u32('published', d),
      langOf: u8('langOf', d),
      langs: list('langs'),
      typeOf: u16('typeOf', d),
      types: list('types'),
      titles: str('titles', d),
      textShas: str('textShas', d),
      dates: str('dates', d),
      starts: u32('starts', d),
      ends: u32('ends', d),
      tags: str('tags', d),
      entities: str('entities', d),
      words: str('words', w, true),
      wordOrder: order('wordOrder', w),
      lowers: str('lowers', w),
      keys: str('keys', w),
      stems: str('stems', w),
      keyStems: str('keyStems', w),
      postingOffsets: u32('postingOffsets', w + 1),
      postings: u8('postings'),
      byLower: table('byLower'),
      byStem: table('byStem'),
      byKey: table('byKey'),
    };
    if (columns.postingOffsets[w] !== columns.postings.length) throw new CorruptIndex('postings length mismatch');
    index.setBase(columns);
    return { epoch: header.epoch, analyzer: header.analyzer, fingerprint: header.fingerprint, bytes: buf };
  } catch (e) {
    if (e instanceof CorruptIndex) throw e;
    throw new CorruptIndex(`unreadable index: ${(e as Error).message}`);
  }
}

// ---- journal -------------------------------------------------------------------------------

export type JournalOp =
  | { add: DocMeta; w: Array<[string, number]>; fp: Fingerprint }
  | { del: string; fp: Fingerprint }
  | { fp: Fingerprint };

/** Apply a journal op to `index` and its shards' fingerprints to `fingerprint`; a malformed op changes nothing. */
export function applyOp(index: SearchIndex, op: JournalOp, fingerprint: Fingerprint): void {
  if ('add' in op) {
    if (!validDoc(op.add) || !Array.isArray(op.w)) return;
    index.addDoc(
      op.add,
      new Map(op.w.filter((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number')),
    );
  } else if ('del' in op && typeof op.del === 'string') {
    index.removeDoc(op.del);
  }
  Object.assign(fingerprint, op.fp);
}

function validDoc(d: unknown): d is DocMeta {
  const x = d as DocMeta | null;
  return (
    !!x &&
    (x.kind === 'article' || x.kind === 'fact') &&
    typeof x.id === 'string' &&
    typeof x.articleId === 'string' &&
    typeof x.published === 'number' &&
    Array.isArray(x.tags) &&
    Array.isArray(x.entities)
  );
}

/**
 * Journal lines of an encrypted archive are sealed one by one (`E:` + base64), like the audit log's;
 * the first line (a random epoch) stays plain so another process can tell whose journal it is.
 */
const encodeLine = (json: string, file: string, codec: Codec): string =>
  codec.encrypted ? `E:${codec.seal(Buffer.from(json), file).toString('base64')}` : json;
const decodeLine = (line: string, file: string, codec: Codec): string =>
  line.startsWith('E:') ? codec.open(Buffer.from(line.slice(2), 'base64'), file).toString('utf8') : line;

/** A new, empty journal for base `epoch`; returns its size in bytes. */
export async function startJournal(file: string, epoch: string): Promise<number> {
  const line = Buffer.from(`${JSON.stringify({ epoch })}\n`, 'utf8');
  await writeFileAtomic(file, line);
  return line.length;
}

/** Append ops; returns the bytes written. */
export async function appendJournal(
  file: string,
  ops: readonly JournalOp[],
  codec: Codec = plainCodec,
): Promise<number> {
  if (ops.length === 0) return 0;
  const data = Buffer.from(ops.map((op) => `${encodeLine(JSON.stringify(op), file, codec)}\n`).join(''), 'utf8');
  // a journal replaced by a link is refused, never written through: the index repairs itself on the next start
  const handle = await openNoFollow(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o600);
  try {
    await handle.write(data);
  } finally {
    await handle.close();
  }
  return data.length;
}

/** Ops appended by another process after byte `from` (whole lines only), and the new end. */
export async function readJournalTail(
  file: string,
  epoch: string,
  from: number,
  codec: Codec = plainCodec,
): Promise<{ ops: JournalOp[]; end: number } | null> {
  const size = await stat(file).then(
    (s) => s.size,
    () => -1,
  );
  if (size < from) return null; // replaced by a compaction elsewhere: reload
  if (size === from) return { ops: [], end: from };
  const handle = await openNoFollow(file, constants.O_RDONLY);
  try {
    const first = `${JSON.stringify({ epoch })}\n`;
    const head = Buffer.alloc(Buffer.byteLength(first));
    await handle.read(head, 0, head.length, 0);
    if (head.toString('utf8') !== first) return null; // another base since: reload
    const buf = Buffer.alloc(size - from);
    await handle.read(buf, 0, buf.length, from);
    const text = buf.toString('utf8');
    const last = text.lastIndexOf('\n');
    const ops: JournalOp[] = [];
    for (const line of text.slice(0, last + 1).split('\n')) {
      if (line.trim() === '') continue;
      try {
        const op = JSON.parse(decodeLine(line, file, codec)) as JournalOp;
        if (op && typeof op === 'object' && typeof op.fp === 'object') ops.push(op);
      } catch {
        // a line cut by a concurrent write: the staleness check at the next start covers it
      }
    }
    return { ops, end: from + Buffer.byteLength(text.slice(0, last + 1)) };
  } finally {
    await handle.close();
  }
}

/** The journal's ops if it belongs to base `epoch`; unreadable lines are skipped (staleness repair covers them). */
export async function readJournal(
  file: string,
  epoch: string,
  codec: Codec = plainCodec,
): Promise<{ ops: JournalOp[]; bytes: number } | null> {
  let raw: string;
  try {
    raw = (await readFileNoFollow(file)).toString('utf8');
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
      const op = JSON.parse(decodeLine(line, file, codec)) as JournalOp;
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

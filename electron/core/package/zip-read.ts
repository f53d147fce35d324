/**
 * Reading a package's ZIP without trusting it: the central directory is walked by hand (a few fixed
 * fields) so that every size, offset and name is checked before a byte is inflated, and each entry is
 * inflated in slices with fflate, stopping as soon as it passes the size the directory declared. A
 * ZIP bomb (declared huge, or declared small and inflating huge) is refused after at most one slice.
 * Pure (fflate only): the CLI and verify.html use the same reader.
 */
import { Inflate } from 'fflate';
import { AqiqatError } from '../../shared/errors.js';
import { isSafePackagePath, PACKAGE_LIMITS } from './format.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** compressed bytes handed to the inflater at a time: at most ~64 MB of output each (deflate's ratio is ~1032) */
const SLICE = 64 * 1024;

export interface ZipLimits {
  packageBytes: number;
  entryBytes: number;
  totalBytes: number;
  entries: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** Name shown in an error: control and non-ASCII bytes escaped, so a hostile name stays one readable line. */
const shownName = (raw: Uint8Array) =>
  [...raw]
    .map((c) => (c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`))
    .join('');

class Overflow extends Error {}

/**
 * Which entries to unpack: `false` leaves one packed (still checked for its path), a number caps its size
 * below the limits' (a manifest read alone may be held to far less than a source).
 */
export type ZipKeep = (name: string) => number | false;

/** Every file of the package by path (folders left out); throws a one-line AqiqatError for anything wrong. */
export function readPackageZip(
  bytes: Uint8Array,
  file: string,
  limits: ZipLimits = PACKAGE_LIMITS,
  keep?: ZipKeep,
): Map<string, Uint8Array> {
  const damaged = (reason: string) => new AqiqatError('package.zip-damaged', { file, reason });
  if (bytes.length > limits.packageBytes) throw new AqiqatError('package.too-big', { file, max: limits.packageBytes });
  if (bytes.length < 22 || u32(bytes, 0) !== LOCAL) throw new AqiqatError('package.not-zip', { file });
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--)
    if (u32(bytes, at) === EOCD) {
      eocd = at;
      break;
    }
  if (eocd < 0) throw damaged('no end of central directory: the file is cut short');
  const count = u16(bytes, eocd + 10);
  const dirSize = u32(bytes, eocd + 12);
  const dirStart = u32(bytes, eocd + 16);
  if (count === 0xffff || dirStart === 0xffffffff) throw damaged('ZIP64, which packages do not use');
  if (count > limits.entries) throw new AqiqatError('package.too-many-entries', { n: count, max: limits.entries });
  if (dirStart + dirSize > eocd) throw damaged('the central directory lies outside the file');

  interface Entry {
    name: string;
    method: number;
    packed: number;
    size: number;
    offset: number;
  }
  const entries: Entry[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = dirStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || u32(bytes, at) !== CENTRAL) throw damaged('the central directory is cut short');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const packed = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLen = u16(bytes, at + 28);
    const next = at + 46 + nameLen + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > eocd) throw damaged('the central directory is cut short');
    const rawName = bytes.subarray(at + 46, at + 46 + nameLen);
    const name = shownName(rawName);
    const offset = u32(bytes, at + 42);
    at = next;
    if (name.endsWith('/') && size === 0) continue; // a folder
    if (!isSafePackagePath(name)) throw new AqiqatError('package.unsafe-path', { file: name });
    if (names.has(name)) throw new AqiqatError('package.file-twice', { file: name });
    names.add(name);
    if (flags & 1) throw damaged(`${name} is encrypted`);
    if (method !== 0 && method !== 8) throw damaged(`${name} uses compression method ${method}`);
    const max = keep ? keep(name) : limits.entryBytes;
    if (max === false) continue;
    if (size > Math.min(max, limits.entryBytes))
      throw new AqiqatError('package.entry-too-big', { file: name, max: Math.min(max, limits.entryBytes) });
    total += size;
    if (total > limits.totalBytes)
      throw new AqiqatError('package.entry-too-big', { file: name, max: limits.totalBytes });
    entries.push({ name, method, packed, size, offset });
  }

  const out = new Map<string, Uint8Array>();
  for (const e of entries) {
    if (e.offset + 30 > bytes.length || u32(bytes, e.offset) !== LOCAL) throw damaged(`${e.name}: no local header`);
    const start = e.offset + 30 + u16(bytes, e.offset + 26) + u16(bytes, e.offset + 28);
    const end = start + e.packed;
    if (end > bytes.length) throw damaged(`${e.name} is cut short`);
    out.set(
      e.name,
      e.method === 0 ? storedEntry(bytes, start, end, e, damaged) : inflateEntry(bytes, start, end, e, damaged),
    );
  }
  return out;
}

function storedEntry(
  bytes: Uint8Array,
  start: number,
  end: number,
  e: { name: string; size: number },
  damaged: (reason: string) => AqiqatError,
): Uint8Array {
  if (end - start !== e.size) throw damaged(`${e.name}: its stored size differs from its size`);
  return bytes.slice(start, end);
}

function inflateEntry(
  bytes: Uint8Array,
  start: number,
  end: number,
  e: { name: string; size: number },
  damaged: (reason: string) => AqiqatError,
): Uint8Array {
  const out = new Uint8Array(e.size);
  let filled = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (filled + chunk.length > e.size) throw new Overflow();
    out.set(chunk, filled);
    filled += chunk.length;
    if (final) finished = true;
  });
  try {
    for (let p = start; p < end; p += SLICE)
      inflater.push(bytes.subarray(p, Math.min(end, p + SLICE)), p + SLICE >= end);
    if (start === end) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof Overflow) throw new AqiqatError('package.entry-too-big', { file: e.name, max: e.size });
    throw damaged(`${e.name} does not inflate (${String((err as Error).message ?? err).split('\n')[0]})`);
  }
  if (!finished || filled !== e.size)
    throw damaged(`${e.name} inflates to ${filled} bytes, not the ${e.size} declared`);
  return out;
}

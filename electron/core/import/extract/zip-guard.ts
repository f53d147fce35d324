/**
 * Checks a ZIP (a .docx) before anything reads it: at most MAX_ENTRIES entries and MAX_UNPACKED bytes
 * in all. Sizes written in the archive can lie, so every entry is really inflated here with a hard
 * output cap (zlib's maxOutputLength): a zip bomb stops at the cap instead of filling memory. The
 * entries returned are the only ones the .docx reader sees (docx.ts), so nothing unmeasured is read.
 */
import { inflateRawSync } from 'node:zlib';
import { AqiqatError } from '../../errors.js';

export const ZIP_LIMITS = { maxEntries: 2000, maxUnpacked: 200 * 1024 * 1024 };

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Every file of the ZIP, unpacked within the limits; throws a one-line AqiqatError otherwise. */
export function unpackZip(bytes: Uint8Array, name: string, limits = ZIP_LIMITS): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (why: string) => new AqiqatError('import.docx-unreadable', { name, detail: why });
  // the end record sits in the last 22 + up to 65535 (comment) bytes
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('it is not a ZIP file');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw bad('ZIP64 archives are not supported');
  const tooMany = (n: number) => new AqiqatError('import.zip-too-many-files', { name, n, max: limits.maxEntries });
  if (count > limits.maxEntries) throw tooMany(count);

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let unpacked = 0;
  let p = cdOffset;
  if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_SIG) throw bad('its table of contents is broken');
  // every record of the table, as ZIP readers walk it (until the signature stops), not just as many as the end record counts
  for (; p + 4 <= buf.length && buf.readUInt32LE(p) === CENTRAL_SIG;) {
    if (entries.length >= limits.maxEntries) throw tooMany(entries.length + 1);
    if (p + 46 > buf.length) throw bad('its table of contents is broken');
    const method = buf.readUInt16LE(p + 10);
    const packedSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const entryName = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (names.has(entryName)) throw bad(`it holds ${entryName} twice`);
    names.add(entryName);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL_SIG) throw bad(`entry ${entryName} is missing`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const packed = buf.subarray(start, start + packedSize);
    if (packed.length !== packedSize) throw bad(`entry ${entryName} is cut short`);
    const budget = limits.maxUnpacked - unpacked;
    let data: Buffer;
    if (method === 0) data = packed;
    else if (method === 8) {
      try {
        data = inflateRawSync(packed, { maxOutputLength: Math.max(1, budget) });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError)
          throw tooBig(name, limits);
        throw bad(`entry ${entryName} is corrupt`);
      }
    } else throw bad(`entry ${entryName} uses compression method ${method}`);
    unpacked += data.length;
    if (unpacked > limits.maxUnpacked) throw tooBig(name, limits);
    // only the XML parts (and their .rels) are kept; media is measured and dropped
    entries.push({ name: entryName, data: /\.(xml|rels)$/i.test(entryName) ? data : Buffer.alloc(0) });
  }
  if (entries.length !== count) throw bad(`its table of contents lists ${entries.length} files but says ${count}`);
  return entries;
}

const tooBig = (name: string, limits: typeof ZIP_LIMITS) =>
  new AqiqatError('import.zip-bomb', { name, mb: limits.maxUnpacked / 1024 / 1024 });

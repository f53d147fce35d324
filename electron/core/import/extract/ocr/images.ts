/**
 * Image files → what Tesseract reads. The format is told by the bytes, not the name; the size comes
 * from the header and is checked before anything is decoded (a few kilobytes can claim 30,000 ×
 * 30,000 pixels), and a file cut short is refused rather than half read. PNG and JPEG go to Tesseract
 * as they are (its Leptonica decodes them); TIFF (utif) and WebP (@jsquash/webp) are decoded here to
 * grey pixels handed over as PGM, which Leptonica reads without a second compression.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AqiqatError } from '../../../errors.js';
import { MAX_IMAGE_PIXELS } from '../../limits.js';

const require = createRequire(import.meta.url);

export type ImageFormat = 'png' | 'jpeg' | 'tiff' | 'webp';

/** One page for Tesseract: encoded bytes, or grey pixels still to be wrapped. */
export interface PageImage {
  width: number;
  height: number;
  /** encoded, for Tesseract as is */
  bytes: Uint8Array;
}

const unreadable = (name: string, detail: string) => new AqiqatError('import.image-unreadable', { name, detail });

export function sniff(b: Uint8Array): ImageFormat | null {
  const at = (i: number, ...v: number[]) => v.every((x, k) => b[i + k] === x);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x49, 0x49, 0x2a, 0x00) || at(0, 0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
  return null;
}

/** Refuse what would not fit in memory once decoded, from the size a header claims. */
export function checkSize(name: string, width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw unreadable(name, `no size in its header`);
  if (width * height > MAX_IMAGE_PIXELS)
    throw new AqiqatError('import.image-too-large', {
      name,
      width,
      height,
      max: Math.round(MAX_IMAGE_PIXELS / 1e6),
    });
}

/**
 * The pages of an image file (a TIFF may hold several): every header is checked first, then each page
 * is decoded only when it is read, so a long TIFF never holds more than one page in memory.
 */
export function imagePages(bytes: Uint8Array, name: string): (() => Promise<PageImage>)[] {
  const format = sniff(bytes);
  if (format === null) throw unreadable(name, 'not a PNG, JPEG, TIFF or WebP image');
  if (format === 'png') {
    const page = png(bytes, name);
    return [() => Promise.resolve(page)];
  }
  if (format === 'jpeg') {
    const page = jpeg(bytes, name);
    return [() => Promise.resolve(page)];
  }
  if (format === 'webp') {
    const decode = webp(bytes, name);
    return [decode];
  }
  return tiff(bytes, name);
}

/** Every chunk in place up to IEND: a cut file has none. */
function png(b: Uint8Array, name: string): PageImage {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 33 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') throw unreadable(name, 'no PNG header');
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  checkSize(name, width, height);
  for (let at = 8; ;) {
    if (at + 12 > b.length) throw unreadable(name, 'the file is cut short');
    const length = view.getUint32(at);
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8));
    at += 12 + length;
    if (at > b.length) throw unreadable(name, 'the file is cut short');
    if (type === 'IEND') break;
  }
  return { width, height, bytes: b };
}

/** The frame header gives the size; an image cut short has no end marker after its scan. */
function jpeg(b: Uint8Array, name: string): PageImage {
  let at = 2;
  let size: [number, number] | null = null;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) throw unreadable(name, 'a broken JPEG marker');
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    // SOF0–SOF15 but DHT (C4), JPG (C8), DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker) && at + 9 <= b.length)
      size = [(b[at + 7]! << 8) | b[at + 8]!, (b[at + 5]! << 8) | b[at + 6]!];
    if (marker === 0xda) {
      if (!size) throw unreadable(name, 'no JPEG frame header');
      checkSize(name, size[0], size[1]);
      // the end-of-image marker after the scan (an EXIF thumbnail's comes before it)
      for (let end = b.length - 2; end > at; end--)
        if (b[end] === 0xff && b[end + 1] === 0xd9) return { width: size[0], height: size[1], bytes: b };
      throw unreadable(name, 'the file is cut short');
    }
    at += 2 + length;
  }
  throw unreadable(name, 'the file is cut short');
}

let webpReady: Promise<(b: ArrayBuffer) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>> | null =
  null;

/** The size from the VP8, VP8L or VP8X header; @jsquash/webp's WebAssembly read from its package, not fetched. */
function webp(b: Uint8Array, name: string): () => Promise<PageImage> {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 30) throw unreadable(name, 'the file is cut short');
  if (view.getUint32(4, true) + 8 > b.length) throw unreadable(name, 'the file is cut short');
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  let width: number;
  let height: number;
  if (chunk === 'VP8X') {
    width = 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16));
    height = 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16));
  } else if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    width = 1 + (bits & 0x3fff);
    height = 1 + ((bits >> 14) & 0x3fff);
  } else if (chunk === 'VP8 ') {
    width = view.getUint16(26, true) & 0x3fff;
    height = view.getUint16(28, true) & 0x3fff;
  } else throw unreadable(name, 'not a WebP image');
  checkSize(name, width, height);
  return async () => {
    webpReady ??= (async () => {
      const mod = (await import('@jsquash/webp/decode.js')) as unknown as {
        init(m: WebAssembly.Module): Promise<void>;
        default: (b: ArrayBuffer) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
      };
      const wasm = readFileSync(require.resolve('@jsquash/webp/codec/dec/webp_dec.wasm'));
      await mod.init(await WebAssembly.compile(wasm));
      return mod.default;
    })();
    const decode = await webpReady;
    let image;
    try {
      image = await decode(b.slice().buffer);
    } catch (e) {
      throw unreadable(name, (e as Error).message);
    }
    return grey(image.width, image.height, image.data, 4);
  };
}

interface Ifd {
  [tag: string]: unknown;
  width?: number;
  height?: number;
}
interface Utif {
  decode(buf: ArrayBuffer): Ifd[];
  decodeImage(buf: ArrayBuffer, ifd: Ifd): void;
  toRGBA8(ifd: Ifd): Uint8Array;
}

/** Every top-level image of a TIFF, its strips or tiles inside the file. */
function tiff(b: Uint8Array, name: string): (() => Promise<PageImage>)[] {
  const UTIF = require('utif') as Utif;
  const buf = b.slice().buffer;
  let ifds: Ifd[];
  try {
    ifds = UTIF.decode(buf);
  } catch (e) {
    throw unreadable(name, (e as Error).message);
  }
  if (ifds.length === 0) throw unreadable(name, 'no image in the TIFF');
  for (const ifd of ifds) {
    const first = (tag: string) => (ifd[tag] as number[] | undefined)?.[0] ?? 0;
    checkSize(name, first('t256'), first('t257'));
    const offsets = (ifd['t273'] ?? ifd['t324'] ?? []) as number[];
    const counts = (ifd['t279'] ?? ifd['t325'] ?? []) as number[];
    if (offsets.length === 0 || offsets.some((o, i) => o + (counts[i] ?? 0) > b.length))
      throw unreadable(name, 'the file is cut short');
  }
  return ifds.map((ifd) => () => {
    try {
      UTIF.decodeImage(buf, ifd);
      const page = grey(ifd.width!, ifd.height!, UTIF.toRGBA8(ifd), 4);
      delete ifd['data']; // the decoded pixels: one page at a time
      return Promise.resolve(page);
    } catch (e) {
      return Promise.reject(unreadable(name, (e as Error).message));
    }
  });
}

/** Pixels (RGBA, RGB or grey; alpha laid on white) as an 8-bit PGM. */
export function grey(width: number, height: number, data: ArrayLike<number>, channels: 1 | 3 | 4): PageImage {
  const head = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  const out = Buffer.allocUnsafe(head.length + width * height);
  head.copy(out);
  const n = width * height;
  if (data.length < n * channels) throw new Error(`image data too short`);
  let o = head.length;
  for (let i = 0, p = 0; i < n; i++, p += channels) {
    if (channels === 1) out[o++] = data[p]!;
    else {
      const v = 0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!;
      const a = channels === 4 ? data[p + 3]! / 255 : 1;
      out[o++] = Math.round(v * a + 255 * (1 - a));
    }
  }
  return { width, height, bytes: out };
}

/**
 * Fax-style scans: a TIFF compressed with CCITT Group 3 (1-D and 2-D) or Group 4 (made by libtiff's
 * tiffcp from a 1-bit page), and a PDF whose page is a JBIG2 image (its generic region MMR-coded, which
 * is Group 4 inside JBIG2). utif decodes the TIFFs to the same pixels as the uncompressed page; pdf.js
 * decodes the JBIG2 image; both are then read by OCR.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { decode } from 'fast-png';
import { PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../../../electron/core/import/extract/index.js';
import { imagePages } from '../../../../electron/core/import/extract/ocr/images.js';
import { tempDir } from '../../helpers.js';
import { CHROMIUM, cer, printPages, rasterize } from './scans.js';

const require = createRequire(import.meta.url);
const UTIF = require('utif') as {
  encode(ifds: object[]): ArrayBuffer;
  decode(b: ArrayBuffer): Record<string, number[]>[];
};

const PAGE = [
  'Облыстық соттың қаулысы',
  'Сотталған Мұхтар Жәкішевтің шағымы қаралып, сот бірінші сатыдағы соттың үкімін өзгеріссіз қалдырды.',
  'Қаулы заңды күшіне енді және оған кассациялық тәртіппен шағым берілуі мүмкін.',
];

const tools = [CHROMIUM, '/usr/bin/pdftoppm', '/usr/bin/tiffcp'].every((f) => existsSync(f));

interface Bitmap {
  width: number;
  height: number;
  /** one bit a pixel, rows padded to a byte, 1 = black */
  bits: Uint8Array;
}

/** A grey PNG → 1 bit a pixel at the middle grey. */
function oneBit(png: Uint8Array): Bitmap {
  const { width, height, data, channels } = decode(png);
  const row = Math.ceil(width / 8);
  const bits = new Uint8Array(row * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (data[(y * width + x) * channels]! < 128) bits[y * row + (x >> 3)]! |= 0x80 >> (x & 7);
  return { width, height, bits };
}

/** An uncompressed 1-bit TIFF (min-is-white), one strip. */
function bitTiff({ width, height, bits }: Bitmap): Uint8Array {
  const start = 4096;
  const ifd = {
    t256: [width],
    t257: [height],
    t258: [1],
    t259: [1],
    t262: [0],
    t273: [start],
    t277: [1],
    t278: [height],
    t279: [bits.length],
    t284: [1],
  };
  const out = new Uint8Array(start + bits.length);
  out.set(new Uint8Array(UTIF.encode([ifd])));
  out.set(bits, start);
  return out;
}

/** JBIG2 segments as a PDF embeds them (no file header): page information, one MMR generic region, end of page. */
function jbig2({ width, height }: Bitmap, mmr: Uint8Array): Uint8Array {
  const segment = (n: number, type: number, data: Uint8Array) => {
    const head = Buffer.alloc(11);
    head.writeUInt32BE(n);
    head[4] = type; // page association in one byte
    head[5] = 0; // refers to no segment
    head[6] = 1; // page 1
    head.writeUInt32BE(data.length, 7);
    return Buffer.concat([head, data]);
  };
  const info = Buffer.alloc(19);
  info.writeUInt32BE(width);
  info.writeUInt32BE(height, 4);
  info.writeUInt32BE(300, 8);
  info.writeUInt32BE(300, 12);
  const region = Buffer.alloc(18);
  region.writeUInt32BE(width);
  region.writeUInt32BE(height, 4);
  region[17] = 1; // MMR
  return Buffer.concat([
    segment(0, 48, info),
    segment(1, 38, Buffer.concat([region, mmr])),
    segment(2, 49, new Uint8Array(0)),
  ]);
}

/** A PDF whose A4 page draws one 1-bit image stream with the given filter. */
async function pdfOfStream(data: Uint8Array, width: number, height: number, filter: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const stream = doc.context.stream(data, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: PDFNumber.of(width),
    Height: PDFNumber.of(height),
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 1,
    Filter: filter,
  });
  const page = doc.addPage([595.28, 841.89]);
  page.node.setXObject(PDFName.of('Im0'), doc.context.register(stream));
  const content = doc.context.flateStream(new TextEncoder().encode('q 595.28 0 0 841.89 0 0 cm /Im0 Do Q'));
  page.node.set(PDFName.of('Contents'), doc.context.register(content));
  return doc.save();
}

const tiffs: Record<string, Uint8Array> = {};
let bitmap: Bitmap;
beforeAll(async () => {
  if (!tools) return;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu'] });
  let printed: Uint8Array;
  try {
    printed = await printPages(browser, [PAGE]);
  } finally {
    await browser.close();
  }
  bitmap = oneBit((await rasterize(printed, 300, 'png'))[0]!);
  const dir = await tempDir();
  const plain = path.join(dir, 'plain.tif');
  await writeFile(plain, bitTiff(bitmap));
  tiffs.none = await readFile(plain);
  for (const [name, c] of [
    ['g3', 'g3'],
    ['g3-2d', 'g3:2d'],
    ['g4', 'g4'],
  ] as const) {
    const out = path.join(dir, `${name}.tif`);
    // one strip, so its Group 4 data can also go into a JBIG2 region below
    execFileSync('tiffcp', ['-c', c, '-r', String(bitmap.height), plain, out]);
    tiffs[name] = await readFile(out);
  }
}, 120_000);

const pixels = async (bytes: Uint8Array, name: string) => (await imagePages(bytes, name)[0]!()).bytes;

describe.runIf(tools)('OCR of fax-compressed scans', () => {
  it('decodes CCITT Group 3 and Group 4 TIFFs to the uncompressed pixels and reads them', async () => {
    const plain = await pixels(tiffs.none!, 'plain.tif');
    for (const name of ['g3', 'g3-2d', 'g4']) {
      expect(tiffs[name]!.length).toBeLessThan(tiffs.none!.length / 5); // really compressed
      expect(Buffer.compare(await pixels(tiffs[name]!, `${name}.tif`), plain), name).toBe(0);
    }
    const read = await extract(tiffs.g4!, 'fax.tif');
    expect(read.text.startsWith('[page 1]\n\nОблыстық')).toBe(true);
    expect(cer(read.text, PAGE.join(' '))).toBeLessThanOrEqual(0.01);
  }, 240_000);

  it('reads a PDF page that is a JBIG2 image', async () => {
    const ifd = UTIF.decode(tiffs.g4!.slice().buffer)[0]!;
    const [offset, length] = [ifd['t273']![0]!, ifd['t279']![0]!];
    const mmr = tiffs.g4!.subarray(offset, offset + length);
    const pdf = await pdfOfStream(jbig2(bitmap, mmr), bitmap.width, bitmap.height, 'JBIG2Decode');
    const read = await extract(pdf, 'jbig2.pdf');
    expect(read.ocr?.pages.map((p) => p.page)).toEqual([1]);
    expect(cer(read.text, PAGE.join(' '))).toBeLessThanOrEqual(0.01);
  }, 240_000);
});

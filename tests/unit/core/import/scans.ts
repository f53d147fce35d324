/**
 * Scans made in the test: Kazakh and Russian pages printed by Chromium (Noto Sans, embedded), rasterized
 * by Debian's pdftoppm, wrapped into image-only PDFs with pdf-lib, or into TIFFs with utif; the character
 * error rate of a reading against the printed text. The bench's OCR part uses them too.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'playwright-core';

const require = createRequire(import.meta.url);
const FONT_DIR = require.resolve('@fontsource/noto-sans/package.json').replace(/package\.json$/, 'files/');
const fontCss = ['cyrillic-ext', 'cyrillic', 'latin']
  .map(
    (sub) =>
      `@font-face{font-family:T;src:url(data:font/woff2;base64,${readFileSync(`${FONT_DIR}noto-sans-${sub}-400-normal.woff2`).toString('base64')}) format('woff2')}`,
  )
  .join('\n');

export const CHROMIUM = '/usr/bin/chromium';

/** Pages of paragraphs printed to a PDF with a text layer, one page each. */
export async function printPages(browser: Browser, pages: string[][]): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.route('**', (r) => (r.request().url().startsWith('data:') ? r.continue() : r.abort()));
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const body = pages
      .map(
        (ps, i) =>
          `<div${i < pages.length - 1 ? ' class="pb"' : ''}>${ps.map((p) => `<p>${esc(p)}</p>`).join('')}</div>`,
      )
      .join('');
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>${fontCss} body{font:12pt/1.4 T;margin:0} .pb{break-after:page}</style></head><body>${body}</body></html>`,
    );
    await page.evaluate(() => document.fonts.ready);
    return new Uint8Array(
      await page.pdf({ format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } }),
    );
  } finally {
    await page.close();
  }
}

/** pdftoppm's pages of `pdf` at `dpi`, as files of the given kind (png, jpeg, or pgm with -gray). */
export async function rasterize(
  pdf: Uint8Array,
  dpi: number,
  kind: 'png' | 'jpeg' | 'gray' = 'png',
): Promise<Buffer[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'aqiqat-scan-'));
  try {
    await writeFile(path.join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', [`-${kind}`, '-r', String(dpi), path.join(dir, 'in.pdf'), path.join(dir, 'p')]);
    const files = (await readdir(dir)).filter((f) => f.startsWith('p-')).sort();
    return Promise.all(files.map((f) => readFile(path.join(dir, f))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An image-only PDF: each PNG fills an A4 page; no text layer. */
export async function imagePdf(pngs: Uint8Array[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const png of pngs) {
    const image = await doc.embedPng(png);
    doc.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return doc.save();
}

/** The text layer pdftotext finds (letters only). */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'aqiqat-scan-'));
  try {
    await writeFile(path.join(dir, 'in.pdf'), pdf);
    return execFileSync('pdftotext', [path.join(dir, 'in.pdf'), '-'], { encoding: 'utf8' }).replace(/\s/g, '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A PGM (pdftoppm -gray) → width, height, grey bytes. */
export function pgm(file: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(file.toString('latin1', 0, 40))!;
  return { width: Number(m[1]), height: Number(m[2]), pixels: file.subarray(m[0].length) };
}

interface Utif {
  encode(ifds: object[]): ArrayBuffer;
}

/** A multi-page greyscale TIFF, uncompressed, one strip a page. */
export function tiff(pages: { width: number; height: number; pixels: Uint8Array }[]): Uint8Array {
  const UTIF = require('utif') as Utif;
  const ifds = (offsets: number[]) =>
    pages.map((p, i) => ({
      t256: [p.width],
      t257: [p.height],
      t258: [8],
      t259: [1],
      t262: [1],
      t273: [offsets[i]],
      t277: [1],
      t278: [p.height],
      t279: [p.width * p.height],
      t284: [1],
    }));
  const start = 4096;
  const offsets = pages.map((_, i) => start + pages.slice(0, i).reduce((s, p) => s + p.width * p.height, 0));
  const head = new Uint8Array(UTIF.encode(ifds(offsets)));
  const out = new Uint8Array(start + pages.reduce((s, p) => s + p.pixels.length, 0));
  out.set(head);
  pages.forEach((p, i) => out.set(p.pixels, offsets[i]!));
  return out;
}

/** Levenshtein distance over code points. */
function distance(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Character error rate of `read` against `truth`, whitespace runs counted as one space, page lines left out. */
export function cer(read: string, truth: string): number {
  const norm = (s: string) => [
    ...s
      .replace(/\[page \d+\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  ];
  const t = norm(truth);
  return distance(norm(read), t) / Math.max(1, t.length);
}

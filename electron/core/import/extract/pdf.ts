/**
 * PDF → text with page numbers, via pdf.js (the legacy build: the modern one needs browser globals such
 * as DOMMatrix that Node 20 lacks). Each page starts with a "[page N]" line so a quote can be cited by
 * page; lines of one paragraph are joined, and a larger vertical gap starts a new paragraph. A page
 * without a text layer (a scan) is read by OCR from the images drawn on it (`--ocr auto`, the default);
 * `--ocr always` reads every page so, `--ocr never` none (a PDF with no text at all is then refused).
 */
import { createInflate } from 'node:zlib';
import { AqiqatError } from '../../errors.js';
import { MAX_IMAGE_PIXELS, parseMemoryMb } from '../limits.js';
import { titleFromText } from '../../../shared/text.js';
import { DEFAULT_OCR, type Extracted, type ExtractOptions } from './types.js';
import { checkOcrPages, PageReader } from './ocr/read.js';
import { grey, type PageImage } from './ocr/images.js';
import { pageMarker, PagedText } from './ocr/text.js';

/** pdf.js runs in this process: a document is read page by page, never more than this many. */
export const MAX_PDF_PAGES = 5000;

export { pageMarker };

interface Item {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

/**
 * pdf.js builds one DOMMatrix when it loads, for drawing pages on a canvas, and takes the class from
 * its optional @napi-rs/canvas. The packaged app leaves that native module out (build/electron-builder.yml)
 * because it only reads text layers, which never touch the matrix: an empty class lets pdf.js load.
 */
function standInForDomMatrix(): void {
  if (!('DOMMatrix' in globalThis))
    Object.defineProperty(globalThis, 'DOMMatrix', { value: class DOMMatrix {}, configurable: true, writable: true });
}

/**
 * pdf.js inflates streams in JavaScript (some 60 MB/s), so a PDF bomb would keep it busy for half a
 * minute before the parser's memory limit stopped it. Each FlateDecode stream but images (which text
 * extraction never decodes) is first inflated here, natively, counting and dropping the output: one
 * that unpacks past the limit is refused within a second or two. What this cannot read alone (an
 * encrypted PDF, chained or other filters) is left to pdf.js, under the memory watch (isolated.ts).
 */
async function refuseStreamBombs(bytes: Uint8Array, name: string, limitMb = parseMemoryMb()): Promise<void> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buf.indexOf('stream', 0, 'latin1'); at >= 0; at = buf.indexOf('stream', at + 6, 'latin1')) {
    if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') continue;
    const dict = buf.toString('latin1', Math.max(0, buf.lastIndexOf(' obj', at, 'latin1'), at - 4096), at);
    if (/\/Subtype\s*\/Image/.test(dict)) {
      refuseHugeImage(dict, name);
      continue;
    }
    if (!dict.includes('/FlateDecode')) continue;
    let start = at + 6;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    if ((await inflatedSize(buf.subarray(start), limitMb * 1024 * 1024)) > limitMb * 1024 * 1024) {
      throw new AqiqatError('import.pdf-bomb', { name, mb: limitMb });
    }
  }
}

/** An image XObject's declared size, before pdf.js decodes it for OCR: one huge image is a bomb too. */
function refuseHugeImage(dict: string, name: string): void {
  const width = Number(/\/Width\s+(\d+)/.exec(dict)?.[1] ?? 0);
  const height = Number(/\/Height\s+(\d+)/.exec(dict)?.[1] ?? 0);
  if (width * height > MAX_IMAGE_PIXELS)
    throw new AqiqatError('import.image-too-large', { name, width, height, max: Math.round(MAX_IMAGE_PIXELS / 1e6) });
}

/** How much zlib data inflates to, up to just past `cap` (what follows the stream's end is ignored); 0 if unreadable. */
function inflatedSize(data: Buffer, cap: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflate();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on('end', () => resolve(size));
    inflate.on('error', () => resolve(0));
    inflate.end(data);
  });
}

/** pdf.js's loading task (scripts, fonts and canvases off) and its operator codes: the one way this file opens a PDF. */
async function openPdf(bytes: Uint8Array) {
  standInForDomMatrix();
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
    // images come back as pixels (for OCR), not as bitmaps Node cannot make
    isOffscreenCanvasSupported: false,
  });
  return { task, ops: pdfjs.OPS };
}

export async function extractPdf(bytes: Uint8Array, name: string, options: ExtractOptions = {}): Promise<Extracted> {
  const choice = options.ocr ?? DEFAULT_OCR;
  await refuseStreamBombs(bytes, name);
  const { task, ops } = await openPdf(bytes);
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const err = e as { name?: string; message?: string };
    if (err.name === 'PasswordException') throw new AqiqatError('import.pdf-password', { name });
    throw new AqiqatError('import.pdf-unreadable', { name, detail: (err.message ?? String(e)).split('\n')[0]! });
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES)
      throw new AqiqatError('import.pdf-too-many-pages', { name, n: doc.numPages, max: MAX_PDF_PAGES });
    const layer: string[] = [];
    let letters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      layer.push(pageText(content.items.filter((i): i is Item & typeof i => 'str' in i) as Item[]));
      letters += layer[n - 1]!.replace(/\s/g, '').length;
      page.cleanup();
    }
    const scanned = layer.flatMap((text, i) =>
      choice.mode === 'always' || (choice.mode === 'auto' && text.replace(/\s/g, '') === '') ? [i + 1] : [],
    );
    if (letters === 0 && scanned.length === 0) throw new AqiqatError('import.pdf-scanned', { name });
    checkOcrPages(name, scanned.length);
    const out = new PagedText();
    const reader = new PageReader(out, choice.languages, name);
    for (let n = 1; n <= doc.numPages; n++) {
      const k = scanned.indexOf(n);
      if (k < 0) {
        reader.text(n, layer[n - 1]!);
        continue;
      }
      await reader.ready();
      options.onPage?.(k + 1, scanned.length);
      const images = await pageImages(doc, n, ops);
      // a page with no image (blank, or drawn with vectors only) keeps its text layer, if any
      if (images.length === 0) reader.text(n, layer[n - 1]!);
      for (const image of images) await reader.read(n, image);
    }
    await reader.finish();
    const text = out.text;
    if (text.replace(/\[page \d+\]/g, '').replace(/\s/g, '') === '') throw new AqiqatError('import.no-text', { name });
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title =
      typeof info?.Title === 'string' && info.Title.trim() !== '' && !/^(untitled|microsoft word)/i.test(info.Title)
        ? info.Title.trim()
        : undefined;
    // without a document title, the first line of text (never a page marker)
    const firstLine = text.split('\n').find((l) => l.trim() !== '' && !/^\[page \d+\]$/.test(l));
    return {
      text,
      meta: { title: title ?? (firstLine ? titleFromText(firstLine) : undefined), pages: doc.numPages },
      ocr: out.ocr(reader.models),
    };
  } finally {
    await doc.destroy();
  }
}

type PdfDoc = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']>;
interface PdfImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** The images page `n` draws (big enough to hold text), as grey pixels; pdf.js decodes them. */
async function pageImages(doc: PdfDoc, n: number, OPS: Record<string, number>): Promise<PageImage[]> {
  const page = await doc.getPage(n);
  try {
    const ops = await page.getOperatorList();
    const out: PageImage[] = [];
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      let image: PdfImage | null = null;
      if (fn === OPS.paintImageXObject) {
        const id = args[0] as string;
        const objs = id.startsWith('g_') ? page.commonObjs : page.objs;
        image = await new Promise<PdfImage>((resolve) => objs.get(id, resolve));
      } else if (fn === OPS.paintInlineImageXObject) image = args[0] as PdfImage;
      const pixels = image && asGrey(image);
      if (pixels) out.push(pixels);
    }
    return out;
  } finally {
    page.cleanup();
  }
}

/** pdf.js's image kinds: 1 one bit a pixel (set = white), 2 RGB, 3 RGBA. Small images (logos, rules) hold no text worth reading. */
function asGrey(image: PdfImage): PageImage | null {
  const { width, height, kind, data } = image;
  if (!data || width < 100 || height < 100) return null;
  if (kind === 2) return grey(width, height, data, 3);
  if (kind === 3) return grey(width, height, data, 4);
  if (kind !== 1) return null;
  const row = Math.ceil(width / 8);
  const bytes = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) bytes[y * width + x] = data[y * row + (x >> 3)]! & (0x80 >> (x & 7)) ? 255 : 0;
  return grey(width, height, bytes, 1);
}

/** One page's text items, in the order pdf.js gives them (the content stream's, which is reading order for most producers). */
export function pageText(items: readonly Item[]): string {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  let line = '';
  let lastY: number | null = null;
  let lastH = 0;
  const endLine = () => {
    if (line.trim() !== '') lines.push(line.trim());
    line = '';
  };
  const endParagraph = () => {
    endLine();
    if (lines.length) paragraphs.push(lines.join(' ').replace(/\s+/g, ' '));
    lines = [];
  };
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    const h = Math.abs(item.transform[3] ?? 0) || item.height || 10;
    if (item.str !== '' && lastY !== null) {
      const gap = lastY - y;
      if (Math.abs(gap) > h * 0.5 && line !== '') endLine();
      // a blank line's worth of space, or a change of font size (a heading), starts a paragraph
      if (gap > Math.max(h, lastH) * 1.7 || (Math.abs(gap) > h * 0.5 && Math.abs(h - lastH) > Math.max(h, lastH) * 0.2))
        endParagraph();
    }
    line += item.str;
    if (item.hasEOL) endLine();
    if (item.str !== '') {
      lastY = y;
      lastH = h;
    }
  }
  endParagraph();
  return paragraphs.join('\n\n');
}

/**
 * The largest image drawn on page `n` (a scan's page is one image), grey, for the reader to show beside
 * the text; null when the page draws none. `pages`: how many the PDF has.
 */
export async function pdfPageImage(
  bytes: Uint8Array,
  name: string,
  n: number,
): Promise<{ pages: number; image: PageImage | null }> {
  await refuseStreamBombs(bytes, name);
  const { task, ops } = await openPdf(bytes);
  const doc = await task.promise.catch((e: Error) => {
    throw new AqiqatError('import.pdf-unreadable', { name, detail: (e.message ?? String(e)).split('\n')[0]! });
  });
  try {
    if (n < 1 || n > doc.numPages) return { pages: doc.numPages, image: null };
    const images = await pageImages(doc, n, ops);
    const image = images.sort((a, b) => b.width * b.height - a.width * a.height)[0] ?? null;
    return { pages: doc.numPages, image };
  } finally {
    await doc.destroy();
  }
}

/**
 * One door for every import format: `extract(bytes, name, options) → {text, meta, ocr?}`, chosen by the
 * file's extension. Heavy parsers (linkedom, pdf.js, mammoth, Tesseract) are loaded on first use, so the CLI starts fast
 * and a .txt import never pays for them.
 */
import { AqiqatError } from '../../errors.js';
import { MAX_TEXT_CHARS } from '../limits.js';
import { canImport, extensionOf, type ImportExtension } from '../../../shared/formats.js';
import { cleanLine } from '../../../shared/text.js';
import type { Extracted, ExtractedMeta, ExtractOptions, Extractor } from './types.js';

export type { Extracted, ExtractedMeta, ExtractOptions, OcrChoice } from './types.js';

/** Scans and photos: text by OCR (ocr/), in the parser thread like every other format. */
async function image(): Promise<Extractor> {
  return (await import('./ocr/read.js')).extractImage;
}

async function webArchive(): Promise<Extractor> {
  return (await import('./web-archive.js')).extractWebArchive;
}

const EXTRACTORS: Record<ImportExtension, () => Promise<Extractor>> = {
  txt: async () => (await import('./plain.js')).extractPlain,
  text: async () => (await import('./plain.js')).extractPlain,
  md: async () => (await import('./plain.js')).extractPlain,
  html: async () => (await import('./html.js')).extractHtml,
  htm: async () => (await import('./html.js')).extractHtml,
  xhtml: async () => (await import('./html.js')).extractHtml,
  mhtml: async () => (await import('./mhtml.js')).extractMhtml,
  mht: async () => (await import('./mhtml.js')).extractMhtml,
  docx: async () => (await import('./docx.js')).extractDocx,
  pdf: async () => (await import('./pdf.js')).extractPdf,
  jpg: image,
  jpeg: image,
  png: image,
  tif: image,
  tiff: image,
  webp: image,
  warc: webArchive,
  'warc.gz': webArchive,
  wacz: webArchive,
};

export { canImport, extensionOf };

export async function extract(bytes: Uint8Array, name: string, options: ExtractOptions = {}): Promise<Extracted> {
  const ext = extensionOf(name);
  const load = canImport(name) ? EXTRACTORS[ext as ImportExtension] : undefined;
  if (!load) {
    throw new AqiqatError('import.unsupported-format', { name, ext });
  }
  const extractor = await load();
  let extracted: Extracted;
  try {
    extracted = await extractor(bytes, name, options);
  } catch (e) {
    if (e instanceof AqiqatError) throw e;
    // a parser's own error on a broken file: one line, named after the file
    const detail = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    throw new AqiqatError('import.unreadable-format', { name, ext, detail });
  }
  // here, in the parser thread: an oversized text never crosses to the archive's side
  if (extracted.text.length > MAX_TEXT_CHARS) {
    throw new AqiqatError('import.text-too-long', {
      name,
      millions: millions(extracted.text.length),
      limit: MAX_TEXT_CHARS / 1e6,
    });
  }
  return {
    text: extracted.text,
    meta: cleanMeta(extracted.meta),
    ...(extracted.ocr ? { ocr: extracted.ocr } : {}),
    ...(extracted.capture ? { capture: extracted.capture } : {}),
    ...(extracted.pageUrls ? { pageUrls: extracted.pageUrls.filter((u) => u.length <= MAX_PAGE_URL) } : {}),
  };
}

/** A listed page's URL is an article's name for it: as long as the app's `page` input takes. */
const MAX_PAGE_URL = 4000;

/** What a file says about itself is shown on one line (lists, the CLI): no control characters in it. */
function cleanMeta(meta: ExtractedMeta): ExtractedMeta {
  const line = (s: string | undefined) => (s === undefined ? undefined : cleanLine(s) || undefined);
  return {
    ...meta,
    title: line(meta.title),
    author: line(meta.author),
    publisher: line(meta.publisher),
    url: line(meta.url),
  };
}

const millions = (n: number) => (n / 1e6).toFixed(1);

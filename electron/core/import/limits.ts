/**
 * Size limits on what comes in from outside. A news article is kilobytes; a limit stops a wrong or
 * hostile file (a 100 MB dump, a disk image) before it is read into memory. Configurable for the
 * rare large document: AQIQAT_MAX_IMPORT_MB (the app and the CLI read it at start).
 */
export const DEFAULT_MAX_IMPORT_MB = 50;

export function maxImportBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AQIQAT_MAX_IMPORT_MB?.trim();
  const mb = raw ? Number(raw) : DEFAULT_MAX_IMPORT_MB;
  // a nonsense value falls back to the default rather than to "no limit"
  return Number.isFinite(mb) && mb > 0 && mb <= 4096
    ? Math.floor(mb * 1024 * 1024)
    : DEFAULT_MAX_IMPORT_MB * 1024 * 1024;
}

/** How long one file may take to parse (seconds): a PDF that sends pdf.js into a loop is stopped. */
export const DEFAULT_PARSE_TIMEOUT_S = 120;
/**
 * How much memory (MB) parsing one file may take: a file built to balloon in memory stops the parser,
 * not the app. AQIQAT_PARSE_MEMORY_MB changes it (tests, a machine with little memory).
 */
export const DEFAULT_PARSE_MEMORY_MB = 1024;

export function parseMemoryMb(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AQIQAT_PARSE_MEMORY_MB?.trim();
  const mb = raw ? Number(raw) : DEFAULT_PARSE_MEMORY_MB;
  return Number.isFinite(mb) && mb >= 16 && mb <= 65536 ? Math.floor(mb) : DEFAULT_PARSE_MEMORY_MB;
}

export function parseTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AQIQAT_PARSE_TIMEOUT_S?.trim();
  const s = raw ? Number(raw) : DEFAULT_PARSE_TIMEOUT_S;
  return (Number.isFinite(s) && s > 0 && s <= 3600 ? s : DEFAULT_PARSE_TIMEOUT_S) * 1000;
}

/**
 * The longest text an import keeps (characters, after extraction): some 10,000 pages. A small file
 * can unpack to far more (a .docx or PDF made to), and one text of hundreds of millions of characters
 * is more than the search index can take in one document.
 */
export const MAX_TEXT_CHARS = 20_000_000;

/**
 * The most pages one import reads by OCR (a PDF's scanned pages, a TIFF's pages): some 5 s each, so the
 * default is about 40 minutes of work. AQIQAT_MAX_OCR_PAGES changes it. More is refused before any is read.
 */
export const DEFAULT_MAX_OCR_PAGES = 500;

export function maxOcrPages(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AQIQAT_MAX_OCR_PAGES?.trim();
  const n = raw ? Number(raw) : DEFAULT_MAX_OCR_PAGES;
  return Number.isInteger(n) && n > 0 && n <= 100_000 ? n : DEFAULT_MAX_OCR_PAGES;
}

/**
 * The largest image OCR decodes, in pixels (width × height, read from the file's header before any
 * decoding): an A3 page at 600 dpi is 70 million. A few kilobytes can claim billions (a decompression bomb).
 */
export const MAX_IMAGE_PIXELS = 80_000_000;

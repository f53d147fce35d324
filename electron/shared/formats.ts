/**
 * The import formats, by file extension: the core's extractors (core/import/extract/index.ts) are keyed by
 * this list, the app's file picker offers it, and folder walks in the CLI and in the app keep only these.
 */
/** Scans and photos: their text is read by OCR (core/import/extract/ocr/). */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'webp'] as const;
export const isImage = (name: string): boolean => (IMAGE_EXTENSIONS as readonly string[]).includes(extensionOf(name));

export const IMPORT_EXTENSIONS = [
  'txt',
  'md',
  'text',
  'html',
  'htm',
  'xhtml',
  'mhtml',
  'mht',
  'docx',
  'pdf',
  ...IMAGE_EXTENSIONS,
  // web archives (Webrecorder's tools and others): WARC records, plain or gzipped, and WACZ packages
  'warc',
  'warc.gz',
  'wacz',
] as const;
export type ImportExtension = (typeof IMPORT_EXTENSIONS)[number];

/** How an import reads scans: `auto` only pages without a text layer, `always` every PDF page, `never` none. */
export const OCR_MODES = ['auto', 'always', 'never'] as const;
export type OcrMode = (typeof OCR_MODES)[number];
/** The languages a scan may be read in (the interface's codes). */
export const OCR_LANGUAGES = ['kk', 'ru', 'en'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

/** For the file picker's `accept`. */
export const ACCEPT = IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',');

/**
 * The lower-case extension of a file name; a name without one is taken as text (stdin, pasted text). A
 * gzipped WARC keeps both parts ("warc.gz"): a bare .gz says nothing of what it holds.
 */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  if (/.\.warc\.gz$/i.test(base)) return 'warc.gz';
  const dot = base.lastIndexOf('.');
  // ".bashrc" has no extension, as node's path.extname says
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : 'txt';
}

/** Web archives: a captured page is read from them, chosen by its URL (`--page`). */
export const WEB_ARCHIVE_EXTENSIONS = ['warc', 'warc.gz', 'wacz'] as const;
export const isWebArchive = (name: string): boolean =>
  (WEB_ARCHIVE_EXTENSIONS as readonly string[]).includes(extensionOf(name));

export const canImport = (name: string): boolean =>
  (IMPORT_EXTENSIONS as readonly string[]).includes(extensionOf(name));

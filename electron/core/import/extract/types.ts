/** What every extractor returns: plain text (not yet normalised) and whatever metadata the file carries. */
import type { CaptureMachine, OcrInfo } from '../../model.js';
import type { OcrLanguage, OcrMode } from '../../../shared/formats.js';

export interface ExtractedMeta {
  title?: string | undefined;
  author?: string | undefined;
  publisher?: string | undefined;
  /** YYYY-MM-DD */
  publishedAt?: string | undefined;
  /** canonical http(s) address */
  url?: string | undefined;
  /** PDF: how many pages were read */
  pages?: number | undefined;
}

export interface Extracted {
  text: string;
  meta: ExtractedMeta;
  /** how the pages read by OCR were read; absent when none was */
  ocr?: OcrInfo | undefined;
  /** a web archive's own record of the capture (WARC headers, its package's hashes and signer) */
  capture?: CaptureMachine | undefined;
  /** a WACZ: the pages its pages.jsonl lists, in its order (the text is of `page`, else of the first) */
  pageUrls?: string[] | undefined;
}

/** How scans are read: the mode and the languages (default: auto, all three). */
export interface OcrChoice {
  mode: OcrMode;
  languages: readonly OcrLanguage[];
}

export const DEFAULT_OCR: OcrChoice = { mode: 'auto', languages: ['kk', 'ru', 'en'] };

export interface ExtractOptions {
  ocr?: OcrChoice | undefined;
  /** before each page read by OCR (1-based, of `pages` to read) */
  onPage?: ((page: number, pages: number) => void) | undefined;
  /** stops the parse (the app's Cancel); stays on this side of the parser thread */
  signal?: AbortSignal | undefined;
  /** a web archive: the URL of the captured page to read (default: the first it lists) */
  page?: string | undefined;
}

export type Extractor = (bytes: Uint8Array, name: string, options: ExtractOptions) => Promise<Extracted>;

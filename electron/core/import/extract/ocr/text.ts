/**
 * OCR output → the article's text, with the place of every doubtful word. Paragraphs are joined as the
 * PDF extractor joins them (lines of a paragraph with a space, paragraphs with a blank line), a word cut
 * by a hyphen at a line's end is put back together, and each word's text is already in the form
 * `normalizeText` keeps (NFC, no control characters), so the offsets recorded here stay true in the
 * stored text.
 */
import type { OcrInfo, OcrPage } from '../../../model.js';
import { ENGINE, engineVersion, type OcrResult, type OcrWord } from './engine.js';

/** The line that opens each page of a paged text (PDFs, scans), so a quote can be cited by page. */
export const pageMarker = (n: number) => `[page ${n}]`;

/** Words Tesseract is less sure of than this (0–100) are marked for the researcher to check. */
export const LOW_CONFIDENCE = 70;

const clean = (s: string) => s.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');

export interface PageText {
  text: string;
  /** [start, end) in `text` */
  low: [number, number][];
}

export function ocrPageText(result: OcrResult): PageText {
  const paragraphs: string[] = [];
  const low: [number, number][] = [];
  let at = 0;
  for (const lines of result.paragraphs) {
    const words: OcrWord[] = [];
    for (const line of lines) {
      for (const [i, w] of line.words.entries()) {
        const word = { text: clean(w.text), confidence: w.confidence };
        if (word.text === '') continue;
        const last = words[words.length - 1];
        // "бостан-" at a line's end and "дығынан" on the next: one word
        if (i === 0 && last && /\p{L}-$/u.test(last.text) && /^\p{Ll}/u.test(word.text)) {
          last.text = last.text.slice(0, -1) + word.text;
          last.confidence = Math.min(last.confidence, word.confidence);
        } else words.push(word);
      }
    }
    if (words.length === 0) continue;
    if (paragraphs.length > 0) at += 2;
    let text = '';
    for (const w of words) {
      if (text !== '') text += ' ';
      if (w.confidence < LOW_CONFIDENCE) low.push([at + text.length, at + text.length + w.text.length]);
      text += w.text;
    }
    paragraphs.push(text);
    at += text.length;
  }
  return { text: paragraphs.join('\n\n'), low };
}

/** Pages in order, each from the file's text layer or from OCR; the text with its `[page N]` lines and what OCR did. */
export class PagedText {
  readonly #parts: string[] = [];
  #length = 0;
  readonly #ocrPages: OcrPage[] = [];

  add(page: number, text: string, ocr?: { result: OcrResult; low: [number, number][] }): void {
    const head = `${pageMarker(page)}\n\n`;
    const start = this.#length + (this.#parts.length > 0 ? 2 : 0) + head.length;
    const part = text === '' ? pageMarker(page) : head + text;
    this.#length += (this.#parts.length > 0 ? 2 : 0) + part.length;
    this.#parts.push(part);
    if (ocr)
      this.#ocrPages.push({
        page,
        confidence: Math.round(ocr.result.confidence * 10) / 10,
        lowConfidence: ocr.low.map(([s, e]) => [start + s, start + e]),
      });
  }

  get text(): string {
    return this.#parts.join('\n\n');
  }

  ocr(models: readonly string[]): OcrInfo | undefined {
    if (this.#ocrPages.length === 0) return undefined;
    const mean = this.#ocrPages.reduce((s, p) => s + p.confidence, 0) / this.#ocrPages.length;
    return {
      engine: ENGINE,
      version: engineVersion(),
      languages: [...models],
      pages: this.#ocrPages,
      meanConfidence: Math.round(mean * 10) / 10,
    };
  }
}

/**
 * Reading pages by OCR, for image files and a PDF's scanned pages alike: the page limit is checked
 * before the first page is read, each page is announced before it is read (the parser thread's time
 * limit then runs per page, and the CLI and the app show progress), and the models follow the chosen
 * languages.
 */
import { AqiqatError } from '../../../errors.js';
import { titleFromText } from '../../../../shared/text.js';
import { maxOcrPages } from '../../limits.js';
import { DEFAULT_OCR, type Extracted, type ExtractOptions } from '../types.js';
import { modelsFor, recognize } from './engine.js';
import { imagePages, type PageImage } from './images.js';
import { ocrPageText, PagedText } from './text.js';

export function checkOcrPages(name: string, n: number): void {
  const max = maxOcrPages();
  if (n > max) throw new AqiqatError('import.ocr-too-many-pages', { name, n, max });
}

/** Read one page into `out`. */
export async function readPage(
  out: PagedText,
  page: number,
  image: PageImage,
  models: readonly string[],
  name: string,
): Promise<void> {
  const result = await recognize(image.bytes, models, name);
  const { text, low } = ocrPageText(result);
  out.add(page, text, { result, low });
}

export async function extractImage(bytes: Uint8Array, name: string, options: ExtractOptions): Promise<Extracted> {
  const choice = options.ocr ?? DEFAULT_OCR;
  if (choice.mode === 'never') throw new AqiqatError('import.image-needs-ocr', { name });
  const pages = imagePages(bytes, name);
  checkOcrPages(name, pages.length);
  const models = modelsFor(choice.languages);
  const out = new PagedText();
  for (const [i, decode] of pages.entries()) {
    options.onPage?.(i + 1, pages.length);
    await readPage(out, i + 1, await decode(), models, name);
  }
  const text = out.text;
  const first = text.split('\n').find((l) => l.trim() !== '' && !/^\[page \d+\]$/.test(l));
  if (!first) throw new AqiqatError('import.no-text', { name });
  return { text, meta: { title: titleFromText(first), pages: pages.length }, ocr: out.ocr(models) };
}

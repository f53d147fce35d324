/**
 * Reading pages by OCR, for image files and a PDF's scanned pages alike: the page limit is checked
 * before the first page is read, each page is announced when it starts (the parser thread's time limit
 * then runs per page, and the CLI and the app show progress), and the models follow the chosen
 * languages: with both Kazakh and Russian chosen, a page is read as the language the document's last page
 * was found in, and read again as the other when its reading says so (language.ts), so a document in one
 * language pays for one extra page at most. Pages are read on the engine's instances side by side (engine.ts), never more at once than
 * there are instances, so only that many page images are held; their texts go in in page order.
 */
import { AqiqatError } from '../../../errors.js';
import { titleFromText } from '../../../../shared/text.js';
import { maxOcrPages } from '../../limits.js';
import { DEFAULT_OCR, type Extracted, type ExtractOptions } from '../types.js';
import type { OcrLanguage } from '../../../../shared/formats.js';
import {
  DEFAULT_SETTINGS,
  MODEL_ORDER,
  modelsFor,
  ocrThreads,
  recognize,
  type CyrillicLanguage,
  type EngineSettings,
} from './engine.js';
import { imagePages, type PageImage } from './images.js';
import { languageOfReading } from './language.js';
import { ocrPageText, PagedText } from './text.js';

export function checkOcrPages(name: string, n: number): void {
  const max = maxOcrPages();
  if (n > max) throw new AqiqatError('import.ocr-too-many-pages', { name, n, max });
}

const quiet = (p: Promise<unknown>) => {
  p.catch(() => undefined);
};

/** Pages into `out` in their order, those read by OCR up to `threads` at once. */
export class PageReader {
  readonly #slots: Promise<() => void>[] = [];
  readonly #running = new Set<Promise<unknown>>();

  /** the language the next page is read as (Kazakh first: a Kazakh page read as Russian loses its letters) */
  #as: CyrillicLanguage | undefined;
  readonly #used = new Set<string>();

  constructor(
    readonly out: PagedText,
    readonly languages: readonly OcrLanguage[],
    readonly name: string,
    readonly threads: number = ocrThreads(),
    readonly settings: EngineSettings = DEFAULT_SETTINGS,
  ) {
    this.#as = languages.includes('kk') ? 'kk' : languages.includes('ru') ? 'ru' : undefined;
  }

  /** The models that read at least one page, in a fixed order. */
  get models(): string[] {
    return MODEL_ORDER.filter((m) => this.#used.has(m));
  }

  async #recognize(image: PageImage, as: CyrillicLanguage | undefined) {
    const models = modelsFor(this.languages, as);
    const result = await recognize(image.bytes, models, this.name, this.settings, this.threads);
    for (const m of models) this.#used.add(m);
    return result;
  }

  /** Read as the document's current language; read again as the other one if the reading says so. */
  async #readPage(image: PageImage) {
    const as = this.#as;
    const first = await this.#recognize(image, as);
    if (!as || !(this.languages.includes('kk') && this.languages.includes('ru'))) return first;
    const found = languageOfReading(ocrPageText(first).text, as);
    if (!found || found === as) return first;
    this.#as = found;
    return this.#recognize(image, found);
  }

  /** A page that keeps its text layer. */
  text(page: number, text: string): void {
    this.#slots.push(Promise.resolve(() => this.out.add(page, text)));
  }

  /** Until an instance is free (then announce the page and decode its image); a failed page fails here. */
  async ready(): Promise<void> {
    while (this.#running.size >= this.threads) await Promise.race(this.#running);
  }

  /** Start reading one image of page `page`. */
  async read(page: number, image: PageImage): Promise<void> {
    await this.ready();
    const job = this.#readPage(image).then((result) => {
      const { text, low } = ocrPageText(result);
      return () => this.out.add(page, text, { result, low });
    });
    const running: Promise<unknown> = job.finally(() => this.#running.delete(running));
    quiet(job);
    quiet(running);
    this.#running.add(running);
    this.#slots.push(job);
  }

  /** Every page read and added, in order. */
  async finish(): Promise<void> {
    for (const slot of this.#slots) (await slot)();
    this.#slots.length = 0;
  }
}

export async function extractImage(bytes: Uint8Array, name: string, options: ExtractOptions): Promise<Extracted> {
  const choice = options.ocr ?? DEFAULT_OCR;
  if (choice.mode === 'never') throw new AqiqatError('import.image-needs-ocr', { name });
  const pages = imagePages(bytes, name);
  checkOcrPages(name, pages.length);
  const out = new PagedText();
  const reader = new PageReader(out, choice.languages, name);
  for (const [i, decode] of pages.entries()) {
    await reader.ready();
    options.onPage?.(i + 1, pages.length);
    await reader.read(i + 1, await decode());
  }
  await reader.finish();
  const text = out.text;
  const first = text.split('\n').find((l) => l.trim() !== '' && !/^\[page \d+\]$/.test(l));
  if (!first) throw new AqiqatError('import.no-text', { name });
  return { text, meta: { title: titleFromText(first), pages: pages.length }, ocr: out.ocr(reader.models) };
}

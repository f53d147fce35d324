/**
 * Reading pages by OCR, for image files and a PDF's scanned pages alike: the page limit is checked
 * before the first page is read, each page is announced when it starts (the parser thread's time limit
 * then runs per page, and the CLI and the app show progress), and the models follow the chosen
 * languages. Pages are read on the engine's instances side by side (engine.ts), never more at once than
 * there are instances, so only that many page images are held; their texts go in in page order.
 */
import { AqiqatError } from '../../../errors.js';
import { titleFromText } from '../../../../shared/text.js';
import { maxOcrPages } from '../../limits.js';
import { DEFAULT_OCR, type Extracted, type ExtractOptions } from '../types.js';
import { DEFAULT_SETTINGS, modelsFor, ocrThreads, recognize, type EngineSettings } from './engine.js';
import { imagePages, type PageImage } from './images.js';
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

  constructor(
    readonly out: PagedText,
    readonly models: readonly string[],
    readonly name: string,
    readonly threads: number = ocrThreads(),
    readonly settings: EngineSettings = DEFAULT_SETTINGS,
  ) {}

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
    const job = recognize(image.bytes, this.models, this.name, this.settings, this.threads).then((result) => {
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
  const models = modelsFor(choice.languages);
  const out = new PagedText();
  const reader = new PageReader(out, models, name);
  for (const [i, decode] of pages.entries()) {
    await reader.ready();
    options.onPage?.(i + 1, pages.length);
    await reader.read(i + 1, await decode());
  }
  await reader.finish();
  const text = out.text;
  const first = text.split('\n').find((l) => l.trim() !== '' && !/^\[page \d+\]$/.test(l));
  if (!first) throw new AqiqatError('import.no-text', { name });
  return { text, meta: { title: titleFromText(first), pages: pages.length }, ocr: out.ocr(models) };
}

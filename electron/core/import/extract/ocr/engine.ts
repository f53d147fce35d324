/**
 * Tesseract (tesseract.js's WebAssembly build) driven in this thread: the parser thread already is the
 * worker with the time and memory limits (isolated.ts), so tesseract.js's own worker thread would only
 * add a second copy of every image. Its worker script is called in-process with the trained data read
 * here from the npm packages that ship it (@tesseract.js-data/<lang>): tesseract.js itself takes one
 * folder for every language and waits forever for a file that is not there, so each file is checked and
 * read here, and nothing is ever fetched.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AqiqatError } from '../../../errors.js';
import type { OcrLanguage } from '../../../../shared/formats.js';

const require = createRequire(import.meta.url);

/** Tesseract's model for each language. No Russian model ships on npm; the Kazakh one reads the whole Russian alphabet (measured in `npm run bench -- ocr`). */
const MODEL: Record<OcrLanguage, string> = { kk: 'kaz', ru: 'kaz', en: 'eng' };
/** LSTM only (no legacy engine): the integer "best" models are the smaller and faster ones. */
const DATA_DIR = '4.0.0_best_int';
const OEM_LSTM_ONLY = 1;

export const ENGINE = 'tesseract.js';
export const ENGINE_VERSION: string = (require('tesseract.js/package.json') as { version: string }).version;

/** The models for the chosen languages, in a fixed order (Kazakh first: it also reads Russian). */
export function modelsFor(languages: readonly OcrLanguage[]): string[] {
  return ['kaz', 'eng'].filter((m) => languages.some((l) => MODEL[l] === m));
}

export interface OcrWord {
  text: string;
  /** 0–100 */
  confidence: number;
}

export interface OcrLine {
  words: OcrWord[];
}

export interface OcrResult {
  /** paragraphs of lines, in Tesseract's reading order */
  paragraphs: OcrLine[][];
  /** the page's mean word confidence, 0–100 */
  confidence: number;
}

/** The .traineddata.gz of a model, from its package; a missing one is one clear line, never a hang. */
export function modelFile(model: string): string {
  let dir: string;
  try {
    dir = path.dirname(require.resolve(`@tesseract.js-data/${model}/package.json`));
  } catch {
    throw new AqiqatError('import.ocr-data-missing', { file: `@tesseract.js-data/${model}` });
  }
  const file = path.join(dir, DATA_DIR, `${model}.traineddata.gz`);
  if (!existsSync(file)) throw new AqiqatError('import.ocr-data-missing', { file });
  return file;
}

interface Reply {
  status: 'resolve' | 'reject' | 'progress';
  data: unknown;
}
interface WorkerScript {
  setAdapter(adapter: object): void;
  dispatchHandlers(packet: object, send: (reply: Reply) => void): void;
}

let script: WorkerScript | null = null;
let jobs = 0;
/** The models loaded into Tesseract's file system, and those it is initialised with. */
const loaded = new Set<string>();
let initialised = '';
/** One call at a time: the script holds one Tesseract instance. */
let queue: Promise<unknown> = Promise.resolve();

function call<T>(action: string, payload: object): Promise<T> {
  const s = script!;
  return new Promise<T>((resolve, reject) => {
    s.dispatchHandlers({ workerId: 'aqiqat', jobId: `job-${jobs++}`, action, payload }, (reply) => {
      if (reply.status === 'resolve') resolve(reply.data as T);
      else if (reply.status === 'reject') reject(new Error(String(reply.data).split('\n')[0]));
    });
  });
}

async function ready(models: readonly string[]): Promise<void> {
  const files = models.map((m) => [m, modelFile(m)] as const);
  if (!script) {
    script = require('tesseract.js/src/worker-script/index.js') as WorkerScript;
    script.setAdapter({
      getCore: require('tesseract.js/src/worker-script/node/getCore.js') as unknown,
      gunzip: (data: Uint8Array) => gunzipSync(data),
      fetch: () => Promise.reject(new Error('OCR reads nothing from the network')),
      readCache: () => Promise.resolve(undefined),
      writeCache: () => Promise.resolve(),
      deleteCache: () => Promise.resolve(),
      checkCache: () => Promise.resolve(false),
    });
    await call('load', { options: { lstmOnly: true, corePath: '', logging: false } });
  }
  const missing = files.filter(([m]) => !loaded.has(m));
  if (missing.length > 0) {
    await call('loadLanguage', {
      langs: missing.map(([code, file]) => ({ code, data: readFileSync(file) })),
      options: { cacheMethod: 'none', gzip: true, lstmOnly: true },
    });
    for (const [m] of missing) loaded.add(m);
  }
  const langs = models.join('+');
  if (initialised !== langs) {
    await call('initialize', { langs, oem: OEM_LSTM_ONLY, config: {} });
    initialised = langs;
  }
}

interface TessWord {
  text: string;
  confidence: number;
}
interface TessPage {
  confidence: number;
  blocks: { paragraphs: { lines: { words: TessWord[] }[] }[] }[] | null;
}

/**
 * Read one image (PNG, JPEG or PGM bytes, which Tesseract's Leptonica decodes) with the given models.
 * An image Leptonica cannot read is `import.image-unreadable`.
 */
export function recognize(image: Uint8Array, models: readonly string[], name: string): Promise<OcrResult> {
  const run = queue.then(async () => {
    await ready(models);
    let page: TessPage;
    try {
      page = await call<TessPage>('recognize', { image, options: {}, output: { text: false, blocks: true } });
    } catch (e) {
      throw new AqiqatError('import.image-unreadable', { name, detail: (e as Error).message });
    }
    const paragraphs = (page.blocks ?? []).flatMap((b) =>
      b.paragraphs.map((p) =>
        p.lines.map((l) => ({
          words: l.words.map((w) => ({ text: w.text, confidence: w.confidence })).filter((w) => w.text.trim() !== ''),
        })),
      ),
    );
    return { paragraphs, confidence: page.confidence };
  });
  queue = run.catch(() => undefined);
  return run;
}

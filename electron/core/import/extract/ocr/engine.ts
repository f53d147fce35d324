/**
 * Tesseract (tesseract.js's WebAssembly build) driven from the parser thread, which already is the worker
 * with the time and memory limits (isolated.ts). Tesseract's WebAssembly build runs on one core, so a
 * second instance in a thread of its own reads every other page: the parser thread's instance and the
 * helper's work side by side, and the helper's memory counts in the same process's resident memory that
 * isolated.ts watches. Tesseract.js's worker script is driven directly, with the trained data read here
 * from the npm packages that ship it (@tesseract.js-data/<lang>): tesseract.js itself takes one folder for
 * every language and waits forever for a file that is not there, so each file is checked and read here,
 * and nothing is ever fetched.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { AqiqatError } from '../../../errors.js';
import type { OcrLanguage } from '../../../../shared/formats.js';
import { parseMemoryMb } from '../../limits.js';

const require = createRequire(import.meta.url);

/**
 * Tesseract's models for each language. No Russian model ships on npm; of those that do, the Belarusian one
 * with the Ukrainian beside it reads Russian pages best (Belarusian has ё, ы, э; Ukrainian has щ), while the
 * Kazakh one, which reads Kazakh, has no lowercase щ or ё and reads защитник as зашитник. Measured in
 * `npm run bench -- ocr`.
 */
const MODELS: Record<OcrLanguage, readonly string[]> = { kk: ['kaz'], ru: ['bel', 'ukr'], en: ['eng'] };
/** LSTM only (no legacy engine): the integer "best" models are the smaller and faster ones. */
const DATA_DIR = '4.0.0_best_int';
const OEM_LSTM_ONLY = 1;

export const ENGINE = 'tesseract.js';
let version: string | undefined;
/** Read when a page is read, not at import: the core is loaded by bundles (the tests' writer) that never OCR. */
export const engineVersion = (): string =>
  (version ??= (require('tesseract.js/package.json') as { version: string }).version);

/** The Cyrillic language a page is read as; each has its own model. */
export type CyrillicLanguage = 'kk' | 'ru';

/** The models for a page read as `as` (none: Latin only), with English beside it when chosen. */
export function modelsFor(languages: readonly OcrLanguage[], as: CyrillicLanguage | undefined): string[] {
  return [...(as ? MODELS[as] : []), ...(languages.includes('en') || !as ? MODELS.en : [])];
}

/** Every model that may read a page for these languages, in a fixed order (what an article records). */
export const MODEL_ORDER = [...MODELS.kk, ...MODELS.ru, ...MODELS.en];

/** Tesseract settings, for the bench to compare variants; the defaults are what imports use. */
export interface EngineSettings {
  /** variables set before each page (tessedit_pageseg_mode, user_defined_dpi, ...) */
  params: Record<string, string>;
  /** variables Tesseract reads only when it starts (the dictionaries) */
  init: Record<string, string>;
}

export const DEFAULT_SETTINGS: EngineSettings = { params: {}, init: {} };

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
  jobId?: string;
  status: 'resolve' | 'reject' | 'progress';
  data: unknown;
}
interface WorkerScript {
  setAdapter(adapter: object): void;
  dispatchHandlers(packet: object, send: (reply: Reply) => void): void;
}

/** How a packet reaches one Tesseract instance: the worker script in this thread, or in a helper thread. */
interface Channel {
  send(packet: { jobId: string; action: string; payload: object }, reply: (r: Reply) => void): void;
  /** the helper thread may keep the process alive only while it has work */
  busy(on: boolean): void;
}

const ADAPTER_PATHS = () => ({
  script: require.resolve('tesseract.js/src/worker-script/index.js'),
  getCore: require.resolve('tesseract.js/src/worker-script/node/getCore.js'),
});

/** The same adapter in both places: no network, no cache, native gunzip. */
function adapter(getCore: unknown, gunzip: (d: Uint8Array) => Uint8Array): object {
  return {
    getCore,
    gunzip,
    fetch: () => Promise.reject(new Error('OCR reads nothing from the network')),
    readCache: () => Promise.resolve(undefined),
    writeCache: () => Promise.resolve(),
    deleteCache: () => Promise.resolve(),
    checkCache: () => Promise.resolve(false),
  };
}

function inThread(): Channel {
  const paths = ADAPTER_PATHS();
  const script = require(paths.script) as WorkerScript;
  script.setAdapter(adapter(require(paths.getCore), (d) => gunzipSync(d)));
  return { send: (packet, reply) => script.dispatchHandlers({ workerId: 'aqiqat', ...packet }, reply), busy: () => {} };
}

/** The helper thread's whole program: the worker script behind a message port, with the adapter above. */
const HELPER = `
const { parentPort, workerData } = require('node:worker_threads');
const { gunzipSync } = require('node:zlib');
const script = require(workerData.script);
script.setAdapter((${adapter.toString()})(require(workerData.getCore), (d) => gunzipSync(d)));
parentPort.on('message', (p) => script.dispatchHandlers(p, (r) => parentPort.postMessage({ ...r, jobId: p.jobId })));
`;

function helperThread(): Channel {
  const replies = new Map<string, (r: Reply) => void>();
  const worker = new Worker(HELPER, {
    eval: true,
    workerData: ADAPTER_PATHS(),
    resourceLimits: { maxOldGenerationSizeMb: parseMemoryMb() },
  });
  const fail = (message: string) => {
    for (const reply of replies.values()) reply({ status: 'reject', data: message });
    replies.clear();
  };
  worker.on('message', (r: Reply) => replies.get(r.jobId!)?.(r));
  worker.on('error', (e) => fail(e.message));
  worker.on('exit', () => fail('the OCR thread stopped'));
  worker.unref();
  return {
    send: (packet, reply) => {
      replies.set(packet.jobId, (r) => {
        if (r.status !== 'progress') replies.delete(packet.jobId);
        reply(r);
      });
      worker.postMessage({ workerId: 'aqiqat', ...packet });
    },
    busy: (on) => (on ? worker.ref() : worker.unref()),
  };
}

let jobs = 0;

/** One Tesseract instance: its models, its settings, one call at a time. */
class Engine {
  readonly #channel: Channel;
  #started = false;
  readonly #loaded = new Set<string>();
  #initialised = '';
  #params = '';
  /** calls waiting or running */
  pending = 0;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(channel: Channel) {
    this.#channel = channel;
  }

  #call<T>(action: string, payload: object): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#channel.send({ jobId: `job-${jobs++}`, action, payload }, (reply) => {
        if (reply.status === 'resolve') resolve(reply.data as T);
        else if (reply.status === 'reject') reject(new Error(String(reply.data).split('\n')[0]));
      });
    });
  }

  async #ready(models: readonly string[], settings: EngineSettings): Promise<void> {
    const files = models.map((m) => [m, modelFile(m)] as const);
    if (!this.#started) {
      await this.#call('load', { options: { lstmOnly: true, corePath: '', logging: false } });
      this.#started = true;
    }
    const missing = files.filter(([m]) => !this.#loaded.has(m));
    if (missing.length > 0) {
      await this.#call('loadLanguage', {
        langs: missing.map(([code, file]) => ({ code, data: readFileSync(file) })),
        options: { cacheMethod: 'none', gzip: true, lstmOnly: true },
      });
      for (const [m] of missing) this.#loaded.add(m);
    }
    const init = `${models.join('+')} ${JSON.stringify(settings.init)}`;
    if (this.#initialised !== init) {
      await this.#call('initialize', { langs: models.join('+'), oem: OEM_LSTM_ONLY, config: settings.init });
      this.#initialised = init;
      this.#params = '';
    }
    const params = JSON.stringify(settings.params);
    if (this.#params !== params) {
      await this.#call('setParameters', { params: settings.params });
      this.#params = params;
    }
  }

  recognize(image: Uint8Array, models: readonly string[], name: string, settings: EngineSettings): Promise<OcrResult> {
    this.pending++;
    this.#channel.busy(true);
    const run = this.#queue.then(async () => {
      await this.#ready(models, settings);
      let page: TessPage;
      try {
        page = await this.#call<TessPage>('recognize', { image, options: {}, output: { text: false, blocks: true } });
      } catch (e) {
        throw new AqiqatError('import.image-unreadable', { name, detail: (e as Error).message });
      }
      return wordsOf(page);
    });
    const settle = () => {
      if (--this.pending === 0) this.#channel.busy(false);
    };
    this.#queue = run.then(settle, settle);
    return run;
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

function wordsOf(page: TessPage): OcrResult {
  const paragraphs = (page.blocks ?? []).flatMap((b) =>
    b.paragraphs.map((p) =>
      p.lines.map((l) => ({
        words: l.words.map((w) => ({ text: w.text, confidence: w.confidence })).filter((w) => w.text.trim() !== ''),
      })),
    ),
  );
  return { paragraphs, confidence: page.confidence };
}

/**
 * How many Tesseract instances read pages at once: one a core, at most two (each holds its models and a
 * page's working memory, some 100–200 MB). AQIQAT_OCR_THREADS=1 keeps everything in the parser thread.
 */
export function ocrThreads(env: NodeJS.ProcessEnv = process.env): number {
  const raw = Number(env.AQIQAT_OCR_THREADS?.trim() || NaN);
  if (Number.isInteger(raw) && raw >= 1 && raw <= 8) return raw;
  return Math.max(1, Math.min(2, os.availableParallelism()));
}

const engines: Engine[] = [];

/**
 * Read one image (PNG, JPEG or PGM bytes, which Tesseract's Leptonica decodes) with the given models, on
 * the least busy instance. An image Leptonica cannot read is `import.image-unreadable`.
 */
export function recognize(
  image: Uint8Array,
  models: readonly string[],
  name: string,
  settings: EngineSettings = DEFAULT_SETTINGS,
  threads: number = ocrThreads(),
): Promise<OcrResult> {
  if (engines.length === 0) engines.push(new Engine(inThread()));
  let engine = engines.slice(0, threads).reduce((a, b) => (b.pending < a.pending ? b : a));
  if (engine.pending > 0 && engines.length < threads) {
    engine = new Engine(helperThread());
    engines.push(engine);
  }
  return engine.recognize(image, models, name, settings);
}

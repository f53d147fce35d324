/**
 * Imported files are parsed in a worker thread. Why: the app's main process answers every window call
 * on one event loop, so a 300-page PDF parsed there stalls search and reading for its whole duration;
 * and a file made to send a parser into a loop or to balloon in memory is stopped here — a time limit,
 * a memory limit — with a one-line error, while the archive carries on. The memory limit is watched on
 * the process's resident memory, not only the thread's heap: parsers decode into ArrayBuffers (a PDF's
 * streams, a ZIP's entries, Tesseract's WebAssembly memory), which V8's heap limit does not count. For
 * a scan the time limit is per page read by OCR: the thread says when it starts each page. The bundles (main, CLI, bench)
 * carry the worker beside them; from the TypeScript sources (unit tests) files are parsed inline.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AqiqatError, type ErrorCode } from '../../errors.js';
import { parseMemoryMb, parseTimeoutMs } from '../limits.js';
import { extract, type Extracted, type ExtractOptions, type OcrChoice } from './index.js';

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  name: string;
  ocr?: OcrChoice | undefined;
  page?: string | undefined;
}

/** A page about to be read by OCR: the file's time limit starts again (it is per page for scans). */
export type ParseReply =
  | { id: number; page: number; pages: number }
  | { id: number; ok: true; value: Extracted }
  | { id: number; ok: false; message: string; error: { code: ErrorCode; params: unknown } | null };

interface Pending {
  name: string;
  bytes: Uint8Array;
  options: ExtractOptions;
  resolve: (value: Extracted) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
  /** the thread it was sent to */
  worker?: Worker;
  /** removes the listener on `options.signal` */
  unlisten?: () => void;
}

/** How often the memory is looked at while a file is parsed: growth between two looks stays small. */
const MEMORY_POLL_MS = 20;

/** Beside the bundle that imports this module: dist/cli/, dist/electron/, dist/bench/. */
const BUNDLED_WORKER = fileURLToPath(new URL('./extract-worker.js', import.meta.url));

export class ParserThread {
  #worker: Worker | null = null;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #watch: NodeJS.Timeout | null = null;

  constructor(
    readonly workerFile: string,
    readonly timeoutMs: number = parseTimeoutMs(),
    readonly memoryMb: number = parseMemoryMb(),
  ) {}

  parse(bytes: Uint8Array, name: string, options: ExtractOptions = {}): Promise<Extracted> {
    const id = this.#nextId++;
    return new Promise<Extracted>((resolve, reject) => {
      const signal = options.signal;
      if (signal?.aborted) return reject(new AqiqatError('import.cancelled', { name }));
      const pending: Pending = { name, bytes, options, resolve, reject };
      if (signal) {
        const abort = () => this.#cancel(id);
        signal.addEventListener('abort', abort, { once: true });
        pending.unlisten = () => signal.removeEventListener('abort', abort);
      }
      this.#pending.set(id, pending);
      this.#send(id);
    });
  }

  /** Stop the thread (the next parse starts a new one). */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }

  #send(id: number): void {
    const p = this.#pending.get(id)!;
    const worker = this.#start();
    clearTimeout(p.timer);
    p.worker = worker;
    p.timer = setTimeout(() => this.#stuck(id), this.timeoutMs);
    worker.ref(); // a CLI import waits for its files; an idle thread does not keep the process alive
    worker.postMessage({
      id,
      bytes: p.bytes,
      name: p.name,
      ocr: p.options.ocr,
      page: p.options.page,
    } satisfies ParseRequest);
    this.#watchMemory();
  }

  /** While files are being parsed: past the limit over what the process held when parsing began, the thread is stopped. */
  #watchMemory(): void {
    if (this.#watch) return;
    const baseline = process.memoryUsage.rss();
    this.#watch = setInterval(() => {
      const worker = this.#worker;
      if (!worker || process.memoryUsage.rss() - baseline <= this.memoryMb * 1024 * 1024) return;
      this.#worker = null;
      this.#lost(worker, (name) => this.#tooMuchMemory(name));
      void worker.terminate();
    }, MEMORY_POLL_MS);
    this.#watch.unref();
  }

  #tooMuchMemory(name: string): AqiqatError {
    return new AqiqatError('import.out-of-memory', { name, mb: this.memoryMb });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.workerFile, { resourceLimits: { maxOldGenerationSizeMb: this.memoryMb } });
    worker.on('message', (reply: ParseReply) => this.#settle(reply));
    worker.on('error', (e: Error & { code?: string }) => {
      const reason = e.message.split('\n')[0]!;
      this.#lost(worker, (name) =>
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? this.#tooMuchMemory(name)
          : new AqiqatError('import.parser-failed', { name, reason }),
      );
    });
    worker.on('exit', () => this.#lost(worker, (name) => new AqiqatError('import.parser-stopped', { name })));
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #settle(reply: ParseReply): void {
    const p = this.#pending.get(reply.id);
    if (!p) return;
    if ('page' in reply) {
      clearTimeout(p.timer);
      p.timer = setTimeout(() => this.#stuck(reply.id), this.timeoutMs);
      p.options.onPage?.(reply.page, reply.pages);
      return;
    }
    this.#done(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else
      p.reject(reply.error ? new AqiqatError(reply.error.code, reply.error.params as never) : new Error(reply.message));
  }

  /** One file ran out of time: stop its thread (it may be in an endless loop); the others on it go to a new one. */
  #stuck(id: number): void {
    const p = this.#pending.get(id);
    if (!p) return;
    this.#stop(
      id,
      new AqiqatError('import.timeout', { name: p.name, seconds: Number((this.timeoutMs / 1000).toPrecision(3)) }),
    );
  }

  /** Cancelled midway (a scan's pages take seconds each): the thread is stopped as for a file out of time. */
  #cancel(id: number): void {
    const p = this.#pending.get(id);
    if (p) this.#stop(id, new AqiqatError('import.cancelled', { name: p.name }));
  }

  #stop(id: number, error: AqiqatError): void {
    const p = this.#pending.get(id)!;
    this.#done(id);
    p.reject(error);
    const stuck = p.worker;
    if (this.#worker === stuck) this.#worker = null;
    void stuck?.terminate();
    for (const [other, q] of this.#pending) if (q.worker === stuck) this.#send(other);
  }

  /** A thread died (out of memory, crashed): which file did it cannot be known, so all it held fail. */
  #lost(worker: Worker, lost: (name: string) => AqiqatError): void {
    if (this.#worker === worker) this.#worker = null;
    for (const [id, p] of this.#pending) {
      if (p.worker !== worker) continue;
      this.#done(id);
      p.reject(lost(p.name));
    }
  }

  #done(id: number): void {
    clearTimeout(this.#pending.get(id)?.timer);
    this.#pending.get(id)?.unlisten?.();
    this.#pending.delete(id);
    if (this.#pending.size > 0) return;
    this.#worker?.unref();
    clearInterval(this.#watch ?? undefined);
    this.#watch = null;
  }
}

/** Without a thread, Cancel takes effect before the next page. */
function inline(bytes: Uint8Array, name: string, options: ExtractOptions): Promise<Extracted> {
  const { signal, onPage } = options;
  const check = () => {
    if (signal?.aborted) throw new AqiqatError('import.cancelled', { name });
  };
  check();
  return extract(bytes, name, {
    ...options,
    onPage: (page, pages) => {
      check();
      onPage?.(page, pages);
    },
  });
}

let parse: ((bytes: Uint8Array, name: string, options: ExtractOptions) => Promise<Extracted>) | null = null;

/** Parse `bytes` as the file `name` says, in the parser thread when the bundle has one (looked for once). */
export function extractIsolated(bytes: Uint8Array, name: string, options: ExtractOptions = {}): Promise<Extracted> {
  if (!parse) {
    const thread = existsSync(BUNDLED_WORKER) ? new ParserThread(BUNDLED_WORKER) : null;
    parse = thread ? (b, n, o) => thread.parse(b, n, o) : inline;
  }
  return parse(bytes, name, options);
}

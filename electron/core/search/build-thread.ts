/**
 * A rebuild's CPU work in a worker thread (build-worker.ts): the main thread reads the records and
 * texts (I/O, which leaves its event loop free) and streams them over; the thread tokenizes,
 * analyses and encodes, and hands back the base file's bytes. The main thread answers the app's
 * calls meanwhile, and on two cores reading and indexing overlap. The bundles (main, CLI, bench)
 * carry the thread beside them; from the TypeScript sources the same builder runs inline.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AqiqatError } from '../errors.js';
import type { BuildItem, BuildSeal } from './build.js';
import type { JournalOp } from './persist.js';

export type BuildRequest =
  | { type: 'start'; protectedKeys: string[] }
  | { type: 'items'; items: BuildItem[]; done: number }
  | { type: 'finish'; seal: BuildSeal }
  | { type: 'compact'; protectedKeys: string[]; base: Uint8Array; ops: JournalOp[]; seal: BuildSeal };

export type BuildReply =
  | { type: 'added'; done: number }
  | { type: 'done'; bytes: Uint8Array; documents: number; words: number }
  | { type: 'failed'; reason: string };

/** Beside the bundle that imports this module: dist/cli/, dist/electron/, dist/bench/. */
const BUNDLED = fileURLToPath(new URL('./index-worker.js', import.meta.url));

/** The bundled thread's file, or null when running from the sources. */
export const bundledIndexWorker = (): string | null => (existsSync(BUNDLED) ? BUNDLED : null);

/** Chunks sent ahead of the thread: enough to keep it busy, few enough that texts do not pile up in memory. */
const AHEAD = 3;

type Built = { bytes: Buffer; documents: number; words: number };

/** Whether `b` is the whole of its ArrayBuffer: then that buffer can move between threads instead of being copied. */
export const ownsMemory = (b: Uint8Array): boolean => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;

/**
 * A new thread of `workerFile`; `failed` rejects with `search.index-thread-failed` if it fails or
 * dies, `result` resolves with the base it hands back. `close` ends it.
 */
function startThread(workerFile: string, onAdded: (done: number) => void = () => undefined) {
  const worker = new Worker(workerFile);
  let fail: (e: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  // a rejection nobody awaits yet (the feed is still reading) must not end the process
  failed.catch(() => undefined);
  let finished: (r: Built) => void = () => undefined;
  const result = new Promise<Built>((r) => (finished = r));
  const lost = (reason: string) => fail(new AqiqatError('search.index-thread-failed', { reason }, 'archive'));
  worker.on('message', (m: BuildReply) => {
    if (m.type === 'added') onAdded(m.done);
    else if (m.type === 'done')
      finished({
        bytes: Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength),
        documents: m.documents,
        words: m.words,
      });
    else lost(m.reason);
  });
  worker.on('error', (e) => lost(e.message.split('\n')[0]!));
  worker.on('exit', (code) => lost(`the index thread stopped (exit code ${code})`));
  const send = (m: BuildRequest, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);
  const close = async () => {
    worker.removeAllListeners('exit');
    await worker.terminate();
  };
  return { send, failed, result: Promise.race([result, failed]), close };
}

/**
 * Run a build in a new thread of `workerFile`, feeding it `chunks`; `onAdded(done)` after each chunk
 * it has indexed. Rejects with `search.index-thread-failed` if the thread fails or dies.
 */
export async function buildInThread(
  workerFile: string,
  protectedKeys: ReadonlySet<string>,
  chunks: AsyncIterable<BuildItem[]>,
  seal: () => BuildSeal,
  onAdded: (done: number) => void,
): Promise<Built> {
  const waiting: Array<() => void> = [];
  let inFlight = 0;
  const thread = startThread(workerFile, (done) => {
    inFlight--;
    onAdded(done);
    waiting.shift()?.();
  });
  try {
    thread.send({ type: 'start', protectedKeys: [...protectedKeys] });
    let done = 0;
    for await (const items of chunks) {
      done += items.length;
      thread.send({ type: 'items', items, done });
      if (++inFlight >= AHEAD) await Promise.race([new Promise<void>((r) => waiting.push(r)), thread.failed]);
    }
    thread.send({ type: 'finish', seal: seal() });
    return await thread.result;
  } finally {
    await thread.close();
  }
}

/**
 * Compact in a new thread: the base's plain bytes and the journal's ops in, the new base's bytes
 * out. `base` is moved to the thread when it owns its memory (the index that viewed it must not be
 * used again), copied otherwise.
 */
export async function compactInThread(
  workerFile: string,
  protectedKeys: ReadonlySet<string>,
  base: Buffer,
  ops: JournalOp[],
  seal: BuildSeal,
): Promise<Built> {
  const thread = startThread(workerFile);
  try {
    thread.send(
      { type: 'compact', protectedKeys: [...protectedKeys], base, ops, seal },
      ownsMemory(base) ? [base.buffer as ArrayBuffer] : [],
    );
    return await thread.result;
  } finally {
    await thread.close();
  }
}

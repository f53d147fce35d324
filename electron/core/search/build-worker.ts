/**
 * The index thread: builds a whole index from the items the main thread reads and sends
 * (build-thread.ts), or compacts a base and its journal's ops, and hands back the base file's bytes. It writes nothing: the main thread writes
 * the file, so a thread that dies leaves the index as it was.
 */
import { parentPort } from 'node:worker_threads';
import { Analyzer } from './analyze.js';
import { IndexBuilder } from './build.js';
import { SearchIndex } from './index.js';
import { applyOp, encodeBase, loadBaseBytes } from './persist.js';
import { ownsMemory, type BuildReply, type BuildRequest } from './build-thread.js';

const port = parentPort!;
let builder: IndexBuilder | null = null;

function reply(bytes: Buffer, index: SearchIndex): void {
  // its own ArrayBuffer, so that it moves to the main thread instead of being copied
  const own = ownsMemory(bytes) ? bytes : Buffer.from(bytes);
  port.postMessage(
    { type: 'done', bytes: own, documents: index.liveDocs, words: index.vocabSize } satisfies BuildReply,
    [own.buffer as ArrayBuffer],
  );
}

port.on('message', (m: BuildRequest) => {
  try {
    if (m.type === 'compact') {
      const index = new SearchIndex(new Analyzer(new Set(m.protectedKeys)));
      const { fingerprint } = loadBaseBytes(
        Buffer.from(m.base.buffer, m.base.byteOffset, m.base.byteLength),
        index,
        m.seal.analyzerId,
      );
      for (const op of m.ops) applyOp(index, op, fingerprint);
      reply(encodeBase(index, m.seal.analyzerId, m.seal.epoch, m.seal.fingerprint), index);
    } else if (m.type === 'start') builder = new IndexBuilder(new Set(m.protectedKeys));
    else if (m.type === 'items') {
      for (const item of m.items) builder!.add(item);
      port.postMessage({ type: 'added', done: m.done } satisfies BuildReply);
    } else {
      const bytes = builder!.encode(m.seal);
      const index = builder!.index;
      builder = null;
      reply(bytes, index);
    }
  } catch (e) {
    port.postMessage({ type: 'failed', reason: (e as Error).message.split('\n')[0]! } satisfies BuildReply);
  }
});

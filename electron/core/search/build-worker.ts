/**
 * The index thread: builds a whole index from the items the main thread reads and sends
 * (build-thread.ts), and hands back the base file's bytes. It writes nothing: the main thread writes
 * the file, so a thread that dies leaves the index as it was.
 */
import { parentPort } from 'node:worker_threads';
import { IndexBuilder } from './build.js';
import type { BuildReply, BuildRequest } from './build-thread.js';

const port = parentPort!;
let builder: IndexBuilder | null = null;

port.on('message', (m: BuildRequest) => {
  try {
    if (m.type === 'start') builder = new IndexBuilder(new Set(m.protectedKeys));
    else if (m.type === 'items') {
      for (const item of m.items) builder!.add(item);
      port.postMessage({ type: 'added', done: m.done } satisfies BuildReply);
    } else {
      const bytes = builder!.encode(m.seal);
      const { liveDocs: documents, vocabSize: words } = builder!.index;
      builder = null;
      // its own ArrayBuffer, so that it moves to the main thread instead of being copied
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Buffer.from(bytes);
      port.postMessage({ type: 'done', bytes: own, documents, words } satisfies BuildReply, [
        own.buffer as ArrayBuffer,
      ]);
    }
  } catch (e) {
    port.postMessage({ type: 'failed', reason: (e as Error).message.split('\n')[0]! } satisfies BuildReply);
  }
});

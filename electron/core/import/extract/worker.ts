/** The parser thread (isolated.ts): one file in, its text and metadata or a one-line error out. */
import { parentPort } from 'node:worker_threads';
import { AqiqatError } from '../../errors.js';
import { extract } from './index.js';
import type { ParseReply, ParseRequest } from './isolated.js';

const port = parentPort;
if (!port) throw new Error('extract worker: not started as a worker thread');

port.on('message', (request: ParseRequest) => {
  void reply(request).then((message) => port.postMessage(message));
});

async function reply({ id, bytes, name, ocr, page }: ParseRequest): Promise<ParseReply> {
  try {
    const onPage = (page: number, pages: number) => port!.postMessage({ id, page, pages } satisfies ParseReply);
    return { id, ok: true, value: await extract(bytes, name, { ocr, onPage, page }) };
  } catch (e) {
    const error = e instanceof AqiqatError ? { code: e.code, params: e.params } : null;
    return { id, ok: false, message: e instanceof Error ? e.message : String(e), error };
  }
}

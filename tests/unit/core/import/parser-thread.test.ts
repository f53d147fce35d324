/**
 * The parser thread (extract/isolated.ts): the real bundled worker gives what inline parsing gives; and
 * with a stand-in worker that hangs, balloons or fails on cue, a stuck or exploding parse becomes a
 * one-line error while other files and later imports go on.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extract } from '../../../../electron/core/import/extract/index.js';
import { ParserThread } from '../../../../electron/core/import/extract/isolated.js';
import { aqiqat, expectOneLineError } from '../../cli-driver.js';
import { SEED_ARTICLE, tempDir } from '../../helpers.js';
import { makePdf, makePdfBomb } from './fixtures.js';

const REPO = path.resolve(import.meta.dirname, '../../../..');
const BUILT_WORKER = path.join(REPO, 'dist/cli/extract-worker.js'); // built by global-setup with the CLI

/** Answers like the real worker, but 'hang…' never answers, 'balloon…' eats memory, 'throw…' fails. */
const STAND_IN = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, bytes, name }) => {
  if (name.startsWith('hang')) { for (;;) {} }
  if (name.startsWith('balloon')) { const keep = []; for (;;) keep.push(new Array(1e6).fill(name)); }
  if (name.startsWith('pages')) {
    // a scan of 5 pages, 150 ms each: longer than the time limit in all, shorter page by page
    let page = 0;
    const next = () => {
      if (++page > 5) return parentPort.postMessage({ id, ok: true, value: { text: 'read', meta: {} } });
      parentPort.postMessage({ id, page, pages: 5 });
      setTimeout(next, 150);
    };
    return next();
  }
  if (name.startsWith('refuse')) return parentPort.postMessage({ id, ok: false, message: name + ': not an article', userError: true });
  parentPort.postMessage({ id, ok: true, value: { text: new TextDecoder().decode(bytes), meta: {} } });
});
`;

const threads: ParserThread[] = [];
afterEach(async () => {
  for (const t of threads.splice(0)) await t.close();
});

async function standIn(timeoutMs: number, memoryMb = 256): Promise<ParserThread> {
  const file = path.join(await tempDir(), 'stand-in.mjs');
  await writeFile(file, STAND_IN);
  const thread = new ParserThread(file, timeoutMs, memoryMb);
  threads.push(thread);
  return thread;
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('parser thread', () => {
  it('the bundled worker parses text and HTML exactly as inline parsing does', async () => {
    const thread = new ParserThread(BUILT_WORKER);
    threads.push(thread);
    const seed = new Uint8Array(await readFile(SEED_ARTICLE));
    const html = bytes(
      '<html><head><title>Сот</title><script>alert(1)</script></head><body><article><h1>Сот шешімі</h1><p>Жәкішев 2009 жылы 14 жылға сотталды.</p></article></body></html>',
    );
    expect(await thread.parse(seed, 'seed.txt')).toEqual(await extract(seed, 'seed.txt'));
    expect(await thread.parse(html, 'page.html')).toEqual(await extract(html, 'page.html'));
    await expect(thread.parse(bytes('x'), 'image.bmp')).rejects.toThrow(/^image\.bmp: \.bmp files cannot be imported/);
  });

  it('a file that hangs the parser is stopped after the time limit; one sent with it goes to a fresh thread', async () => {
    const thread = await standIn(300);
    const hung = thread.parse(bytes('…'), 'hang.pdf');
    const other = thread.parse(bytes('ok text'), 'fine.txt');
    await expect(hung).rejects.toThrow(
      /^hang\.pdf: reading it took longer than 0\.3 s, so it was stopped; nothing was imported$/,
    );
    expect((await other).text).toBe('ok text');
    expect((await thread.parse(bytes('after'), 'later.txt')).text).toBe('after');
  });

  it('a scan has the time limit per page: each page it announces starts the clock again, and is passed on', async () => {
    const thread = await standIn(600);
    const seen: string[] = [];
    const scan = thread.parse(bytes(''), 'pages.pdf', { onPage: (page, pages) => seen.push(`${page}/${pages}`) });
    expect((await scan).text).toBe('read');
    expect(seen).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
    // one that stops announcing is stopped
    await expect(thread.parse(bytes('…'), 'hang-after.pdf')).rejects.toThrow(/took longer than 0\.6 s/);
  });

  it('a scan cancelled midway stops at once with one line; a file sent with it goes to a fresh thread', async () => {
    const thread = await standIn(5000);
    const cancel = new AbortController();
    const seen: number[] = [];
    const started = Date.now();
    const scan = thread.parse(bytes(''), 'pages.pdf', {
      signal: cancel.signal,
      onPage: (page) => {
        seen.push(page);
        if (page === 2) cancel.abort();
      },
    });
    const other = thread.parse(bytes('ok text'), 'fine.txt');
    await expect(scan).rejects.toMatchObject({
      code: 'import.cancelled',
      message: expect.stringMatching(/^pages\.pdf: /),
    });
    expect(seen).toEqual([1, 2]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await other).text).toBe('ok text');
    const before = new AbortController();
    before.abort();
    await expect(thread.parse(bytes('x'), 'late.txt', { signal: before.signal })).rejects.toMatchObject({
      code: 'import.cancelled',
    });
  });

  it('a file that balloons in memory stops only the parser', async () => {
    const thread = await standIn(60_000, 32);
    await expect(thread.parse(bytes('…'), 'balloon.docx')).rejects.toThrow(
      /^balloon\.docx: reading it needed more than 32 MB of memory, so it was stopped; nothing was imported$/,
    );
    expect((await thread.parse(bytes('still here'), 'next.txt')).text).toBe('still here');
  });

  it("a parser's one-line refusal arrives as it was said", async () => {
    const thread = await standIn(60_000);
    await expect(thread.parse(bytes('…'), 'refuse.html')).rejects.toThrow(/^refuse\.html: not an article$/);
  });

  it('the CLI: a parse past AQIQAT_PARSE_TIMEOUT_S is a one-line error and the archive is unchanged', async () => {
    const dir = path.join(await tempDir(), 'archive');
    const run = (args: string[], env: Record<string, string> = {}) => aqiqat(['--archive', dir, ...args], { env });
    expect(run(['init']).code).toBe(0);
    expectOneLineError(
      run(['import', SEED_ARTICLE], { AQIQAT_PARSE_TIMEOUT_S: '0.001' }),
      /^aqiqat: seed-article-kk\.txt: reading it took longer than 0\.001 s, so it was stopped; nothing was imported$/m,
    );
    expect(run(['articles', '--json']).stdout.trim()).toBe('[]');
    expect(run(['import', SEED_ARTICLE]).code).toBe(0);
  });

  it('the CLI: a PDF that inflates past AQIQAT_PARSE_MEMORY_MB is stopped by the real memory it takes, not only its heap', async () => {
    const scratch = await tempDir();
    const dir = path.join(scratch, 'archive');
    // the peak resident memory of the whole process (parser thread included), said on stderr at exit
    const peak =
      "data:text/javascript,import{writeSync}from'node:fs';process.on('exit',()=>writeSync(2,'peak-kb '+process.resourceUsage().maxRSS+'\\n'))";
    const run = (args: string[], env: Record<string, string> = {}) => {
      const r = aqiqat(['--archive', dir, ...args], { env, node: ['--import', peak] });
      const lines = r.stderr.trim().split('\n');
      return {
        code: r.code,
        stdout: r.stdout,
        errors: lines.filter((l) => !l.startsWith('peak-kb ')),
        peakMb: Number(lines.find((l) => l.startsWith('peak-kb '))?.slice(8)) / 1024,
      };
    };
    expect(run(['init']).code).toBe(0);
    // deflated twice, so only pdf.js sees what it unpacks to: 300 MB of Uint8Arrays, off its heap
    const bomb = path.join(scratch, 'bomb.pdf');
    await writeFile(bomb, await makePdfBomb(300, { twice: true }));
    const limit = { AQIQAT_PARSE_MEMORY_MB: '128' };
    const r = run(['import', bomb], limit);
    expect(r.errors).toEqual([
      'aqiqat: bomb.pdf: reading it needed more than 128 MB of memory, so it was stopped; nothing was imported',
    ]);
    expect(r.code).toBe(1);
    // deflated once: measured before pdf.js starts, and refused at once
    const plain = path.join(scratch, 'plain-bomb.pdf');
    await writeFile(plain, await makePdfBomb(300));
    const early = run(['import', plain], limit);
    expect(early.errors).toEqual([
      'aqiqat: plain-bomb.pdf holds a stream that unpacks to more than 128 MB; refused as a possible PDF bomb',
    ]);
    const ok = path.join(scratch, 'ok.pdf');
    await writeFile(ok, makePdf(['An ordinary page']));
    const fine = run(['import', ok], limit);
    expect(fine.code).toBe(0);
    // a process that parses a small PDF, plus the limit and a little: far below the 300 MB unpacked
    expect(r.peakMb).toBeLessThan(fine.peakMb + 128 + 64);
    expect(early.peakMb).toBeLessThan(fine.peakMb + 64);
    expect(JSON.parse(run(['articles', '--json']).stdout)).toHaveLength(1);
  });
});

/**
 * The app's import of scans over the contract: the OCR choices reach the core, a job id lets the window
 * poll the page being read and cancel it; a cancelled file writes nothing and the files before it stay.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeClient, type AqiqatApi } from '../../../electron/api.js';
import { Archive } from '../../../electron/core/archive.js';
import { createDispatcher } from '../../../electron/handlers.js';
import { ArchiveSession } from '../../../electron/session.js';
import { decode } from 'fast-png';
import { tempDir } from '../helpers.js';
import { CHROMIUM, imagePdf, printPages, rasterize } from '../core/import/scans.js';

const tools = existsSync(CHROMIUM) && existsSync('/usr/bin/pdftoppm');
const PAGES = [
  ['Өскемен қалалық соты', 'Мұхтар Жәкішев өтініш берді.'],
  ['Екінші бет', 'Сот өтінішті қанағаттандырудан бас тартты.'],
];

let scan: Uint8Array<ArrayBuffer>;
let png: Uint8Array<ArrayBuffer>;
beforeAll(async () => {
  if (!tools) return;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu'] });
  try {
    const pngs = await rasterize(await printPages(browser, PAGES), 150);
    png = new Uint8Array(pngs[0]!);
    scan = new Uint8Array(await imagePdf(pngs));
  } finally {
    await browser.close();
  }
}, 120_000);

async function setup() {
  return setupWith(await Archive.create(await tempDir()));
}

function setupWith(archive: Archive) {
  const dispatch = createDispatcher(ArchiveSession.of(archive), '1.2.3');
  return { archive, dispatch, api: makeClient((m, i) => dispatch(m, i)) };
}

/** Polls job `jobId` until `until` holds of its progress; every answer seen, in order. */
async function poll(api: AqiqatApi, jobId: string, until: (p: { page: number | null }) => boolean) {
  const seen: { running: boolean; page: number | null; pages: number | null }[] = [];
  for (let i = 0; i < 2000; i++) {
    const p = await api.importProgress({ jobId });
    if (seen.at(-1)?.page !== p.page) seen.push(p);
    if (until(p)) return seen;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`job ${jobId} never got there: ${JSON.stringify(seen)}`);
}

describe.runIf(tools)('import jobs over the contract', () => {
  it('reports the page being read, then cancels the next file midway: it writes nothing, the first stays', async () => {
    const { api } = await setup();
    const first = api.importFile({ name: 'scan.pdf', bytes: scan, jobId: 'job-1', ocrLanguages: ['kk'] });
    const seen = await poll(api, 'job-1', (p) => p.page === 2);
    expect(seen.filter((p) => p.page !== null)).toEqual([
      { running: true, page: 1, pages: 2 },
      { running: true, page: 2, pages: 2 },
    ]);
    const done = await first;
    expect(done.status).toBe('imported');
    expect(done.article.ocr?.languages).toEqual(['kaz']);
    expect(await api.importProgress({ jobId: 'job-1' })).toEqual({ running: false, page: null, pages: null });

    // the same pages again as another file (other bytes): cancelled while page 1 is read
    const other = new Uint8Array([...scan, 0x0a]);
    const second = api.importFile({ name: 'again.pdf', bytes: other, jobId: 'job-2' });
    await poll(api, 'job-2', (p) => p.page === 1);
    expect(await api.cancelImport({ jobId: 'job-2' })).toEqual({ cancelled: true });
    await expect(second).rejects.toMatchObject({ code: 'import.cancelled', params: { name: 'again.pdf' } });
    expect((await api.listArticles({})).map((a) => a.id)).toEqual([done.article.id]);
    expect(await api.cancelImport({ jobId: 'job-2' })).toEqual({ cancelled: false });

    // the original page beside its text: the PDF page's scan, as a PNG the window can show
    const shown = await api.articlePage({ id: done.article.id, page: 2 });
    expect(shown).toMatchObject({ id: done.article.id, page: 2, pages: 2, mime: 'image/png' });
    const pagePng = decode(Buffer.from(shown.dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
    const printedPng = decode(png);
    expect([pagePng.width, pagePng.height]).toEqual([printedPng.width, printedPng.height]);
    await expect(api.articlePage({ id: done.article.id, page: 3 })).rejects.toMatchObject({
      code: 'article.no-page',
      params: { page: 3, pages: 2 },
    });
  }, 180_000);

  it('shows an image file as it is, its one page, and corrects it', async () => {
    const { api, archive } = await setup();
    const { article } = await api.importFile({ name: 'photo.png', bytes: png, ocrLanguages: ['kk', 'ru'] });
    expect(article.ocr?.languages).toEqual(['kaz']);
    const shown = await api.articlePage({ id: article.id, page: 1 });
    expect(shown).toMatchObject({ pages: 1, mime: 'image/png' });
    expect(Buffer.from(shown.dataUrl.split(',')[1]!, 'base64').equals(Buffer.from(png))).toBe(true);
    await expect(api.articlePage({ id: article.id, page: 2 })).rejects.toMatchObject({ code: 'article.no-page' });

    // its page corrected over the contract, and put back; bad input refused by the call's schema or the core
    const corrected = await api.correctPage({ id: article.id, page: 1, text: 'Өскемен қалалық соты' });
    expect(corrected).toMatchObject({ page: 1, reverted: false, lost: [] });
    expect((await api.getArticle({ id: article.id })).text).toBe('[page 1]\n\nӨскемен қалалық соты');
    expect(corrected.article.ocr?.corrections).toHaveLength(1);
    const { dispatch } = setupWith(archive);
    for (const [input, field] of [
      [{ id: article.id, page: 0, text: 'x' }, 'page'],
      [{ id: article.id, page: 1, text: 5 }, 'text'],
      [{ id: article.id, page: 1 }, 'text'],
    ] as const)
      expect(await dispatch('correctPage', input)).toMatchObject({
        ok: false,
        error: { code: 'ipc.invalid-request', params: { field } },
      });
    await expect(api.correctPage({ id: article.id, page: 1, text: 'я'.repeat(100_001) })).rejects.toMatchObject({
      code: 'correct.too-long',
      params: { page: 1, length: 100_001, limit: 100_000 },
    });
    await expect(api.correctPage({ id: article.id, page: 2, text: 'x' })).rejects.toMatchObject({
      code: 'correct.page-not-ocr',
    });
    expect(await api.correctPage({ id: article.id, page: 1, text: null })).toMatchObject({ reverted: true });
    const machine = await api.getArticle({ id: article.id });
    expect(machine.article.ocr?.corrections).toBeUndefined();
    // the machine's own words typed back over a correction put the page back, leaving no record
    await api.correctPage({ id: article.id, page: 1, text: 'Өскемен' });
    const typedBack = await api.correctPage({
      id: article.id,
      page: 1,
      text: machine.text.slice('[page 1]\n\n'.length),
    });
    expect(typedBack.article.ocr?.corrections).toBeUndefined();
    expect(typedBack.article.textSha256).toBe(machine.article.textSha256);
    expect((await api.getArticle({ id: article.id })).text).toBe(machine.text);
  }, 60_000);

  it('passes the OCR mode to the core, and refuses bad choices before anything runs', async () => {
    const { api, dispatch } = await setup();
    await expect(api.importFile({ name: 'photo.png', bytes: png, ocr: 'never' })).rejects.toMatchObject({
      code: 'import.image-needs-ocr',
    });
    expect(await dispatch('importFile', { name: 'p.png', bytes: png, ocrLanguages: [] })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid-request', params: { field: 'ocrLanguages' } },
    });
    expect(await dispatch('importFile', { name: 'p.png', bytes: png, ocrLanguages: ['de'] })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid-request' },
    });
    expect(await dispatch('importProgress', { jobId: '../x' })).toMatchObject({ ok: false });
    // cancelled before the import call arrived: it stops at once
    expect(await api.cancelImport({ jobId: 'early' })).toEqual({ cancelled: false });
    await expect(api.importFile({ name: 'p.png', bytes: png, jobId: 'early' })).rejects.toMatchObject({
      code: 'import.cancelled',
    });
    expect(await api.listArticles({})).toEqual([]);
  }, 60_000);
});

/**
 * PDFs printed from HTML with Chromium in the test itself (playwright-core + Debian's /usr/bin/chromium),
 * with Kazakh text in an embedded Noto Sans: what researchers get from courts and NGOs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { extract } from '../../../../electron/core/import/extract/index.js';
import { tempDir } from '../../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const FONT_DIR = createRequire(import.meta.url)
  .resolve('@fontsource/noto-sans/package.json')
  .replace(/package\.json$/, 'files/');
const fontCss = ['cyrillic-ext', 'cyrillic', 'latin']
  .map(
    (sub) =>
      `@font-face{font-family:T;src:url(data:font/woff2;base64,${readFileSync(`${FONT_DIR}noto-sans-${sub}-400-normal.woff2`).toString('base64')}) format('woff2')}`,
  )
  .join('\n');

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost'],
  });
}, 60_000);
afterAll(async () => browser?.close());

async function printPdf(bodyHtml: string, title = 'Жәкішев ісі'): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.route('**', (r) => (r.request().url().startsWith('data:') ? r.continue() : r.abort()));
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>${fontCss} body{font:12pt T} .pb{break-after:page}</style></head><body>${bodyHtml}</body></html>`,
    );
    await page.evaluate(() => document.fonts.ready);
    return new Uint8Array(await page.pdf({ format: 'A4' }));
  } finally {
    await page.close();
  }
}

const P1 =
  'Өскемен қаласындағы сот отырысында Мұхтар Жәкішев өзінің кінәсін мойындамайтынын мәлімдеді. Ол сот залында ұзақ сөйледі және адвокаттары шағым түсіретінін айтты, себебі іс материалдарында қайшылықтар көп.';
const P2 =
  'Тәуелсіздік монументі жанында жиналған адамдар Жәкішевті қолдайтындарын білдірді: ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І.';
const P3 = 'Үшінші бетте: сот келесі отырысты 20 қазанға белгіледі.';

describe.runIf(existsSync(CHROMIUM))('PDF import', () => {
  it('reads Kazakh text with page numbers and paragraphs in reading order', async () => {
    const pdf = await printPdf(
      `<h1>Мұхтар Жәкішев ісі</h1><p>${P1}</p><p class="pb">${P2}</p><p class="pb">Екінші бет.</p><p>${P3}</p>`,
    );
    const { text, meta } = await extract(pdf, 'decision.pdf');
    expect(meta).toMatchObject({ title: 'Жәкішев ісі', pages: 3 });
    expect(text.startsWith('[page 1]\n\nМұхтар Жәкішев ісі\n\n')).toBe(true);
    // a paragraph wrapped over several lines comes back as one paragraph, exactly
    expect(text).toContain(`\n\n${P1}\n\n${P2}\n\n[page 2]\n\nЕкінші бет.\n\n[page 3]\n\n${P3}`);
    expect(text).not.toContain('\uFFFD');
  }, 60_000);

  it('says "scanned PDF, no text" for a PDF without a text layer under --ocr never, "no text" when OCR finds none', async () => {
    const pdf = await printPdf('<div style="width:400px;height:300px;background:#345"></div>', '');
    await expect(extract(pdf, 'scan.pdf', { ocr: { mode: 'never', languages: ['kk'] } })).rejects.toThrow(
      /^scan\.pdf is a scanned PDF with no text layer; import it with --ocr auto to read it by OCR$/,
    );
    await expect(extract(pdf, 'scan.pdf')).rejects.toThrow(/^scan\.pdf holds no text$/);
  }, 60_000);

  it('refuses a broken PDF with one line, and an .html and its printed .pdf become one article with two sources', async () => {
    const pdf = await printPdf(`<h1>Жәкішев сотта</h1><p>${P1}</p><p>${P2}</p>`);
    await expect(extract(pdf.slice(0, Math.floor(pdf.length / 3)), 'cut.pdf')).rejects.toThrow(
      /^cut\.pdf is not a readable PDF \(/,
    );
    await expect(extract(new TextEncoder().encode('%PDF-1.4\ngarbage'), 'junk.pdf')).rejects.toThrow(
      /^junk\.pdf is not a readable PDF/,
    );

    const archive = await Archive.create(await tempDir());
    const html = `<html><head><title>Жәкішев сотта</title><meta property="article:published_time" content="2020-10-16"></head><body><article><h1>Жәкішев сотта</h1><p>${P1}</p><p>${P2}</p></article></body></html>`;
    const first = await archive.importArticle({ bytes: new TextEncoder().encode(html), name: 'page.html' });
    expect(first.status).toBe('imported');
    const second = await archive.importArticle({ bytes: pdf, name: 'page.pdf' });
    expect(second.status).toBe('linked');
    expect(second.article.id).toBe(first.article.id);
    expect(second.article.otherSources).toEqual([expect.objectContaining({ ext: 'pdf', name: 'page.pdf' })]);
    // the same PDF again: a plain duplicate, not a second link
    expect((await archive.importArticle({ bytes: pdf, name: 'copy.pdf' })).status).toBe('duplicate');
    const reopened = await Archive.open(archive.root);
    expect(await reopened.listArticles()).toHaveLength(1);
    expect((await reopened.getArticle(first.article.id)).article.otherSources).toHaveLength(1);
  }, 60_000);
});

/**
 * A scan imported in the app: the OCR choices, the page being read with Cancel, then the reader with
 * the words OCR was unsure of marked, the original page beside the text at the quote, and a fact saved
 * from it. The scan is made here: Kazakh pages printed by Chromium, rasterized by pdftoppm into an
 * image-only PDF (the unit tests' maker).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, imagePdf, printPages, rasterize } from '../unit/core/import/scans.js';
import { expect, test } from './fixtures.js';
import { selectText } from './reader.js';

const PAGES = [
  ['Өскемен қалалық сотының үкімі', 'Сот отырысында Мұхтар Жәкішев өзінің кінәсін мойындамайтынын мәлімдеді.'],
  ['Екінші бет', 'Сотталған Жәкішев шартты түрде мерзімінен бұрын босатуға өтініш берді, бірақ сот бас тартты.'],
];

test.skip(!existsSync('/usr/bin/pdftoppm'), 'needs pdftoppm to make the scan');
test.setTimeout(180_000);

let scan: Buffer;
test.beforeAll(async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu'] });
  try {
    scan = Buffer.from(await imagePdf(await rasterize(await printPages(browser, PAGES), 200)));
  } finally {
    await browser.close();
  }
});

test('a scan imported in the app: page progress, the original page beside its text, a fact saved from it', async ({
  app,
}) => {
  const { page } = app;
  // the choices for scans: Kazakh only, as `--ocr-lang kk`
  await page.getByText('OCR: Automatic · Kazakh, Russian, English').click();
  const choices = page.getByRole('group', { name: 'Scans and photos (OCR)' });
  await choices.getByLabel('Russian').uncheck();
  await choices.getByLabel('English').uncheck();
  // the last language cannot be taken away
  await expect(choices.getByLabel('Kazakh')).toBeChecked();
  await expect(choices.getByLabel('Kazakh')).toBeDisabled();
  await app.screenshot('80-ocr-choices');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles([{ name: 'decision-scan.pdf', mimeType: 'application/pdf', buffer: scan }]);
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Pages read by OCR' })).toBeVisible({ timeout: 60_000 });
  // the status line says "reading page N of 2 by OCR" beside the bar (seen in the screenshot: it may be gone by now)
  await app.screenshot('81-ocr-progress');
  await expect(page.getByRole('status')).toHaveText(/^Imported “Өскемен қалалық сотының үкімі/, { timeout: 90_000 });

  const [article] = await app.archive.listArticles();
  expect(article?.ocr).toMatchObject({ languages: ['kaz'], pages: [{ page: 1 }, { page: 2 }] });
  const reader = page.getByRole('article');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(/^Өскемен қалалық сотының үкімі/);
  await expect(reader).toContainText('Machine-read from a scan by OCR: 2 pages, mean confidence');
  const low = article!.ocr!.pages.flatMap((p) => p.lowConfidence);
  await expect(reader.locator('.ocr-low')).toHaveCount(low.length);

  // the original beside the text: page 1 first, then the page of the quote
  await reader.getByRole('button', { name: 'Original page (o)' }).click();
  const original = page.getByRole('complementary', { name: 'Original page' });
  await expect(original.getByRole('img', { name: 'Page 1 of the original file' })).toBeVisible();
  await expect(original).toContainText('Page 1 of 2');
  expect(app.problems).toEqual([]); // the data: image passes the content policy

  // a quote on page 2, in one run of text (no word OCR was unsure of in it)
  const { text } = await app.archive.getArticle(article!.id);
  const page2 = text.indexOf('[page 2]');
  const quote = text
    .slice(page2 + 9)
    .split(/[\n.,]/)
    .map((s) => s.trim())
    .find((s) => {
      const at = text.indexOf(s, page2);
      return s.length >= 12 && !low.some(([a, b]) => a < at + s.length && b > at);
    });
  expect(quote, `a clean run on page 2 of: ${text}`).toBeTruthy();
  await selectText(page, quote!);
  const panel = page.getByRole('region', { name: 'Add fact' });
  await expect(panel.getByLabel('Quote')).toHaveText(quote!);
  await panel.getByLabel('Fact type').selectOption({ index: 1 });
  await panel.getByRole('button', { name: /Save fact/ }).click();
  await expect(page.getByRole('status').last()).toHaveText(/Fact saved/);
  await expect(original).toContainText('Page 2 of 2');
  await expect(original.getByRole('img', { name: 'Page 2 of the original file' })).toBeVisible();
  await app.screenshot('82-ocr-original-en');
  const facts = await app.archive.listFacts(article!.id);
  expect(facts.map((f) => f.anchor.exact)).toEqual([quote]);

  // the key closes and opens it; the words in Kazakh and Russian
  await page.keyboard.press('o');
  await expect(original).toHaveCount(0);
  await page.keyboard.press('o');
  await expect(original.getByRole('img')).toBeVisible();
  await page.getByLabel('Interface language').selectOption('kk');
  await expect(page.getByRole('complementary', { name: 'Түпнұсқа бет' })).toContainText('2 беттің 2-беті');
  // the toast already shown follows the language too
  await expect(page.locator('.toast')).toContainText('Дерек сақталды');
  await page.getByText(/^OCR: Автоматты/).click();
  await app.screenshot('83-ocr-original-kk');
  await page.getByLabel('Интерфейс тілі').selectOption('ru');
  await expect(page.getByRole('complementary', { name: 'Оригинал страницы' })).toContainText('Страница 2 из 2');
  await app.screenshot('84-ocr-original-ru');
  await expect(page.locator('.toast')).toContainText('Факт сохранён');

  // correcting page 2 beside its original: Cancel leaves it, Save keeps the correction and the fact
  await page.getByLabel('Язык интерфейса').selectOption('en');
  await reader.getByRole('button', { name: 'Correct this page' }).click();
  const editor = page.getByRole('form', { name: 'Correct this page' });
  const box = editor.getByLabel('Text of page 2');
  const page2Text = text.slice(page2 + 10);
  await expect(box).toHaveValue(page2Text);
  await expect(original.getByRole('img', { name: 'Page 2 of the original file' })).toBeVisible();
  await box.fill(`${page2Text} Түзету.`);
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor).toHaveCount(0);
  expect((await app.archive.getArticle(article!.id)).text).toBe(text);

  await reader.getByRole('button', { name: 'Correct this page' }).click();
  await box.fill(`${page2Text} Қолмен түзетілген сөйлем.`);
  await app.screenshot('85-ocr-correct-page');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.toast')).toHaveText(/^Page 2 corrected/);
  await expect(reader).toContainText('Қолмен түзетілген сөйлем.');
  await expect(reader).toContainText('Corrected by hand: page 2');
  const corrected = await app.archive.getArticle(article!.id);
  expect(corrected.text).toBe(`${text} Қолмен түзетілген сөйлем.`);
  expect(corrected.article.ocr?.corrections?.map((c) => c.page)).toEqual([2]);
  expect(corrected.facts.map((f) => [f.quote, f.quoteLost])).toEqual([[quote, undefined]]);
  expect(app.problems).toEqual([]);
});

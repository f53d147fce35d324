/**
 * "As the page looked" in the app with the real core: a saved page imported through the file picker is
 * rendered offline at import; the reader shows its PNG beside the text with the hash the archive records,
 * by the button and by the key v. Screenshots in en, kk and ru.
 */
import type { Page } from '@playwright/test';
import { expect, expectSealed, test, type App } from './fixtures.js';
import { uiMessages, type Lang } from '../../electron/shared/i18n/index.js';

test.use({ visualCopies: true });

const TITLE = 'Сот шешімі Өскеменде';
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}</title>
<style>.site{background:rgb(10,120,200);color:#fff;font:700 36px sans-serif;padding:24px}h1{color:#8a1c1c}</style>
</head><body><header class="site">Example News</header><article><h1>${TITLE}</h1>
${'<p>Өскемен қалалық соты шартты түрде босату туралы өтінішті қанағаттандырмады. Адвокат шағым түсірді.</p>'.repeat(8)}
</article></body></html>`;

async function importPage(app: App): Promise<{ sha256: string }> {
  const { page } = app;
  await page
    .getByLabel('Files to import')
    .setInputFiles({ name: 'sot.html', mimeType: 'text/html', buffer: Buffer.from(PAGE) });
  // the first rendering starts the renderer's Chromium: seconds on a busy machine
  await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: TITLE })).toBeVisible({
    timeout: 30_000,
  });
  const [article] = await app.archive.listArticles();
  const visual = (await app.archive.getArticle(article!.id)).article.visual;
  expect(visual?.png.sha256).toMatch(/^[0-9a-f]{64}$/);
  return { sha256: visual!.png.sha256 };
}

async function openPage(page: Page) {
  await page.getByRole('listbox').first().getByRole('option', { name: TITLE }).click();
  const reader = page.getByRole('article');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  return reader;
}

test('a saved page shows as it looked, with its hash, by the button and by v', async ({ app }) => {
  const { page } = app;
  const { sha256 } = await importPage(app);
  const reader = await openPage(page);
  const toggle = reader.getByRole('button', { name: 'As the page looked (v)' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  const pane = reader.getByRole('complementary', { name: 'As the page looked' });
  const image = pane.getByRole('img', { name: 'The page as it looked, rendered offline from the saved file' });
  await expect(image).toBeVisible();
  await expect(pane).toContainText(sha256);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // the picture is the stored PNG itself, and it has loaded
  const shown = await image.evaluate((img: HTMLImageElement) => ({
    src: img.src.slice(0, 22),
    width: img.naturalWidth,
  }));
  expect(shown).toEqual({ src: 'data:image/png;base64,', width: 1280 });
  // beside the text, which stays readable
  await expect(reader.locator('.reader-text')).toContainText('Адвокат шағым түсірді.');
  await app.screenshot('visual-10-en');
  // full size: the page's own 1280 pixels, the pane scrolls
  await pane.getByRole('button', { name: 'Full size' }).click();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.clientWidth)).toBe(1280);
  await app.screenshot('visual-11-en-full-size');
  await pane.getByRole('button', { name: 'Full size' }).click();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.clientWidth)).toBeLessThan(1280);

  await page.keyboard.press('v');
  await expect(pane).toHaveCount(0);
  await page.keyboard.press('v');
  await expect(image).toBeVisible();
  await pane.getByRole('button', { name: 'Close the visual copy' }).click();
  await expect(pane).toHaveCount(0);
  expectSealed(app);
});

test('an article without a visual copy offers none, and v does nothing', async ({ app }) => {
  const { page } = app;
  await page
    .getByLabel('Files to import')
    .setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('Сот шешімі\nМәтін ғана.\n') });
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: 'Сот шешімі' }).click();
  const reader = page.getByRole('article');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Сот шешімі');
  await expect(reader.getByRole('button', { name: 'As the page looked (v)' })).toHaveCount(0);
  await page.keyboard.press('v');
  await expect(reader.getByRole('complementary', { name: 'As the page looked' })).toHaveCount(0);
  expectSealed(app);
});

for (const lang of ['kk', 'ru'] as const satisfies readonly Lang[]) {
  test(`as the page looked, in ${lang}`, async ({ app }) => {
    const { page } = app;
    const { sha256 } = await importPage(app);
    await page.evaluate((lang) => localStorage.setItem('aqiqat.lang', lang), lang);
    await page.reload();
    const t = uiMessages(lang);
    const reader = await openPage(page);
    await reader.getByRole('button', { name: t['reader.visualToggle'] }).click();
    const pane = reader.getByRole('complementary', { name: t['reader.visual'] });
    await expect(pane.getByRole('img', { name: t['reader.visualAlt'] })).toBeVisible();
    await expect(pane).toContainText(t['reader.visualHash']);
    await expect(pane).toContainText(sha256);
    await app.screenshot(`visual-20-${lang}`);
    expectSealed(app);
  });
}

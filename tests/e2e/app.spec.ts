import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeText, titleFromText } from '../../electron/shared/text.js';
import { expect, expectSealed, MANY, SAMPLE_DIR, test } from './fixtures.js';

const SAMPLE_FILE = path.join(SAMPLE_DIR, 'seed-article-kk.txt');
/** An imported .txt is titled by its first line (shortened at a word past 160 characters, by the core). */
const SAMPLE_FIRST_LINE = titleFromText(normalizeText(readFileSync(SAMPLE_FILE, 'utf8')));
/** A second, Russian article, so that opening a search result visibly changes the reader. */
const RU_NOTE = {
  name: 'ru-note.txt',
  mimeType: 'text/plain',
  buffer: Buffer.from(
    'Заметка о мониторинге судебных заседаний\nНаблюдатели посетили заседание суда в Астане и составили отчёт.\n',
  ),
};

test('empty archive: import a .txt, read it, find it by search', async ({ app }) => {
  const { page } = app;
  const library = page.getByRole('listbox', { name: 'Articles' });
  const reader = page.getByRole('article');

  await expect(page.getByText('No articles yet — import a file')).toBeVisible();
  await expect(page.getByText('Your archive is empty')).toBeVisible();
  await app.screenshot('01-empty-archive');

  // Import through the real button and its file chooser.
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles(SAMPLE_FILE);
  await expect(page.getByRole('status')).toHaveText(`Imported “${SAMPLE_FIRST_LINE}”`);
  await expect(library.getByRole('option', { name: SAMPLE_FIRST_LINE })).toBeVisible();

  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles(RU_NOTE);
  await expect(page.getByRole('status')).toHaveText('Imported “Заметка о мониторинге судебных заседаний”');
  await expect(library.getByRole('option')).toHaveCount(2);

  // Open the Kazakh article from the list.
  await library.getByRole('option', { name: SAMPLE_FIRST_LINE }).click();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_FIRST_LINE);
  await expect(reader).toContainText('Ол Тәуелсіздік монументі жанында Жәкішевті');
  await expect(page.getByLabel('Article details')).toContainText('Kazakh');
  await app.screenshot('02-reader-imported');

  // Newest import first; arrow keys move through the list and open what they land on.
  await expect(library.getByRole('option').first()).toContainText('Заметка о мониторинге');
  await library.focus();
  await page.keyboard.press('ArrowUp');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Заметка о мониторинге судебных заседаний');
  await page.keyboard.press('ArrowDown');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_FIRST_LINE);
  await page.keyboard.press('Home');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Заметка о мониторинге судебных заседаний');
  await expect(page.getByLabel('Article details')).toContainText('Russian');

  // `/` focuses search; the hit's snippet marks the name; clicking it opens the Kazakh article.
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search the archive' });
  await expect(search).toBeFocused();
  await page.keyboard.type('Жексебаев');
  const results = page.getByRole('listbox', { name: 'Search results' });
  const hit = results.getByRole('option', { name: new RegExp(SAMPLE_FIRST_LINE.slice(0, 30)) });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText(/^Жексебаев/);
  await expect(results.getByRole('option', { name: /Заметка/ })).toHaveCount(0);
  await app.screenshot('03-search-results');

  await hit.click();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_FIRST_LINE);
  await expect(reader).toContainText('Асхат Жексебаев');
  await app.screenshot('04-search-opened');

  expectSealed(app);
});

test.describe('sample archive', () => {
  test.use({ archiveKind: 'sample' });

  test('facts are highlighted in the reader; a re-import is recognised', async ({ app }) => {
    const { page } = app;
    const sample = JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'sample.json'), 'utf8')) as {
      articles: Array<{ title: string; facts: Array<{ quote: string }> }>;
    };
    const [article] = sample.articles;
    const text = readFileSync(SAMPLE_FILE, 'utf8');
    const quotesInTextOrder = article!.facts.map((f) => f.quote).sort((a, b) => text.indexOf(a) - text.indexOf(b));

    await expect(page.getByText('Choose an article to read')).toBeVisible();
    await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: article!.title }).click();
    const reader = page.getByRole('article');
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(article!.title);

    const marks = reader.locator('mark.fact');
    await expect(marks).toHaveCount(article!.facts.length);
    await expect(marks).toHaveText(quotesInTextOrder);
    const margin = reader.getByRole('complementary', { name: /Facts/ });
    await expect(margin.getByRole('listitem')).toHaveCount(article!.facts.length);
    await expect(margin).toContainText('UN decision');
    await expect(margin).toContainText('2020-10-16');
    await expect(page.getByLabel('Article details')).toContainText('Example News (sample)');
    await app.screenshot('05-reader-facts');
    // On a wide screen the facts sit in a margin beside the text.
    await page.setViewportSize({ width: 1680, height: 1000 });
    await app.screenshot('05b-reader-facts-wide');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Picking a fact in the margin marks it in the text.
    await margin.getByRole('button', { name: /Parole denied/ }).click();
    await expect(reader.locator('mark.fact.is-active')).toHaveText(/Өскемендегі сот/);

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import files' }).click();
    await (await chooser).setFiles(SAMPLE_FILE);
    await expect(page.getByRole('status')).toHaveText(`Already in the archive: “${article!.title}”`);
    await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option')).toHaveCount(1);
    await app.screenshot('06-duplicate-import');

    // A search hit on a fact opens the article with that fact marked.
    await page.keyboard.press('Control+K');
    await page.keyboard.type('Өскемен');
    const factHit = page
      .getByRole('listbox', { name: 'Search results' })
      .getByRole('option', { name: /^Fact/ })
      .first();
    await expect(factHit).toBeVisible();
    await app.screenshot('07-search-facts');
    await factHit.click();
    await expect(reader.locator('mark.fact.is-active')).toContainText('Өскемен');

    expectSealed(app);
  });
});

test.describe('a large archive', () => {
  test.use({ archiveKind: 'many' });

  test('the library renders only the rows in view and the keyboard reaches the end', async ({ app }) => {
    const { page } = app;
    const library = page.getByRole('listbox', { name: 'Articles' });
    const first = library.getByRole('option', { name: /^Мақала 1\b/ });
    await expect(first).toBeVisible();
    await expect(first).toHaveAttribute('aria-setsize', String(MANY));
    await expect(page.getByRole('navigation', { name: 'Sections' })).toContainText(String(MANY));
    expect(await library.getByRole('option').count()).toBeLessThan(60);

    await first.click();
    await page.keyboard.press('End');
    const reader = page.getByRole('article');
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`Мақала ${MANY}`);
    await expect(library.getByRole('option', { selected: true })).toHaveAttribute('aria-posinset', String(MANY));
    expect(await library.getByRole('option').count()).toBeLessThan(60);
    await page.keyboard.press('ArrowUp');
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`Мақала ${MANY - 1}`);
    await app.screenshot('08-large-archive-end');

    expectSealed(app);
  });
});

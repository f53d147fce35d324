/**
 * Provenance in the app with the real core: the reader's source type and capture record (the machine's
 * record shown apart, read-only), a fact's status with its corroboration (the panel asks for support
 * before "verified"), the search filters; everything read back from the archive. Screenshots in en/kk/ru.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectSealed, SAMPLE_DIR, test, type App } from './fixtures.js';
import { uiMessages, type Lang } from '../../electron/shared/i18n/index.js';

const sample = JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'sample.json'), 'utf8')) as {
  articles: Array<{ title: string }>;
};
const TITLE = sample.articles[0]!.title;
const COURT = 'Өскемен қалалық соты\nСот Мұхтар Жәкішевтің шартты түрде босату туралы өтінішін қанағаттандырмады.\n';

test.use({ archiveKind: 'sample' });

/** A court decision beside the sample article, with one fact: what corroborates the sample's. */
async function withCourtDecision(app: App): Promise<{ courtFact: string }> {
  const { article } = await app.archive.importArticle({ name: 'decision.txt', bytes: new TextEncoder().encode(COURT) });
  const fact = await app.archive.addFact({
    articleId: article.id,
    quote: 'шартты түрде босату туралы өтінішін қанағаттандырмады',
    type: 'parole-denied',
  });
  await app.page.reload();
  return { courtFact: fact.id };
}

async function openSample(page: Page) {
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: TITLE }).click();
  const reader = page.getByRole('article');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  return reader;
}

test('source type and capture record: set in the reader, machine record read-only, round-trip through the archive', async ({
  app,
}) => {
  const { page } = app;
  const reader = await openSample(page);
  const panel = reader.locator('details.source-panel');
  await panel.locator('summary').click();
  await expect(panel.locator('summary')).toContainText('Not set');
  // what the machine recorded is shown as text, not as fields one could change
  const machine = panel.getByRole('region', { name: 'Recorded by the machine (cannot be edited)' });
  await expect(machine).toContainText('Imported');
  await expect(machine.locator('input, select, textarea')).toHaveCount(0);

  await panel.getByLabel('Source type').selectOption({ label: 'News report' });
  await panel.getByLabel('Captured by').fill('Aigerim N.');
  await panel.getByLabel('Captured at').fill('2020-10-16T18:20+06:00');
  await panel.getByLabel('Capture tool').fill('ArchiveWeb.page');
  await panel.getByLabel('Acquired from').selectOption({ label: 'A messenger' });
  await panel.getByLabel('How it reached you').fill('Telegram, from a colleague');
  await panel.getByLabel('Original or copy').selectOption({ label: 'Copy' });
  await app.screenshot('prov-10-source-panel');
  await panel.getByRole('button', { name: 'Save source details' }).click();
  await expect(page.getByRole('status')).toHaveText(/Source details saved/);

  const [article] = await app.archive.listArticles();
  expect(article).toMatchObject({
    sourceType: 'news',
    capture: {
      asserted: {
        capturedBy: 'Aigerim N.',
        capturedAt: '2020-10-16T18:20+06:00',
        tool: 'ArchiveWeb.page',
        acquiredFrom: 'messenger',
        acquiredNote: 'Telegram, from a colleague',
        original: false,
      },
    },
  });

  // a bad time is refused in one line and nothing changes
  await panel.getByLabel('Captured at').fill('yesterday');
  await panel.getByRole('button', { name: 'Save source details' }).click();
  await expect(panel.getByRole('alert')).toHaveText(/capture time "yesterday" must be YYYY-MM-DD/);
  expect((await app.archive.listArticles())[0]!.capture?.asserted.capturedAt).toBe('2020-10-16T18:20+06:00');

  await page.reload();
  const again = await openSample(page);
  await expect(again.locator('details.source-panel summary')).toContainText('News report');
  expectSealed(app);
});

test('fact status: the panel asks for support before "verified"; corroboration from another article round-trips; search filters', async ({
  app,
}) => {
  const { page } = app;
  const { courtFact } = await withCourtDecision(app);
  const reader = await openSample(page);
  await reader.locator('mark.fact').first().click();
  const panel = page.getByRole('region', { name: 'Edit fact' });
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel('Status')).toHaveValue('unverified');

  await panel.getByLabel('Status').selectOption({ label: 'Verified' });
  await panel.getByRole('button', { name: /Save fact/ }).click();
  await expect(panel.getByRole('alert')).toHaveText(/needs a corroborating fact or a note/);
  await expect(panel.getByLabel('How it was checked')).toBeFocused();
  const before = await app.archive.listFacts();
  expect(before.every((f) => f.status === 'unverified')).toBe(true);

  await panel.getByLabel('Corroborated by (fact ids from other articles)').fill(courtFact);
  await panel.getByLabel('How it was checked').fill('the court decision itself');
  await app.screenshot('prov-11-fact-status');
  await panel.getByRole('button', { name: /Save fact/ }).click();
  await expect(page.getByRole('status')).toHaveText(/Fact saved/);
  const verified = (await app.archive.listFacts()).filter((f) => f.status === 'verified');
  expect(verified).toHaveLength(1);
  expect(verified[0]).toMatchObject({ verificationNote: 'the court decision itself', corroboratedBy: [courtFact] });

  // a fact of the same article is refused by the core, and the line says why
  const sameArticle = before.find((f) => f.id !== verified[0]!.id && f.articleId === verified[0]!.articleId)!;
  await reader.locator(`mark.fact[data-facts~="${sameArticle.id}"]`).first().click();
  const other = page.getByRole('region', { name: 'Edit fact' });
  await other.getByLabel('Corroborated by (fact ids from other articles)').fill(verified[0]!.id);
  await other.getByRole('button', { name: /Save fact/ }).click();
  await expect(other.getByRole('alert')).toHaveText(/same article: a corroborating fact must come from another source/);

  // search: the status filter keeps the verified fact only
  await page.keyboard.press('Escape');
  await page.getByRole('searchbox', { name: 'Search the archive' }).fill('Жәкішев');
  const filters = page.getByRole('group', { name: 'Search filters' });
  await filters.getByRole('combobox', { name: 'Show' }).selectOption('fact');
  await filters.getByRole('combobox', { name: 'Fact status' }).selectOption('verified');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option')).toHaveCount(1);
  await filters.getByRole('combobox', { name: 'Fact status' }).selectOption('');
  await expect(results.getByRole('option')).not.toHaveCount(1);
  // no article has the court-document type yet
  await filters.getByRole('combobox', { name: 'Source type' }).selectOption('court-document');
  await expect(page.getByText(/No matches/)).toBeVisible();
  expectSealed(app);
});

for (const lang of ['kk', 'ru'] as const satisfies readonly Lang[]) {
  test(`the source panel and the fact panel in ${lang}`, async ({ app }) => {
    const { page } = app;
    await withCourtDecision(app);
    await page.evaluate((lang) => localStorage.setItem('aqiqat.lang', lang), lang);
    await page.reload();
    const t = uiMessages(lang);
    const reader = page.getByRole('article');
    await page.getByRole('listbox').first().getByRole('option', { name: TITLE }).click();
    await reader.locator('details.source-panel summary').click();
    await expect(reader.getByText(t['provenance.machine'])).toBeVisible();
    await reader.locator('mark.fact').first().click();
    await expect(page.getByText(t['fact.verificationNote'])).toBeVisible();
    await page
      .getByRole('region', { name: t['fact.edit'] })
      .getByLabel(t['fact.status'])
      .selectOption({ label: t['status.verified'] as string });
    await app.screenshot(`prov-${lang}-reader-panels`);
    expectSealed(app);
  });
}

test('a WACZ capture imports through the file picker; the reader shows its WARC time, address, hashes and signer', async ({
  app,
}) => {
  const { page } = app;
  const { makeWacz, articlePage } = await import('../unit/wacz-fixture.js');
  const url = 'https://news.example.kz/2026/03/sot';
  const wacz = await makeWacz([{ url, body: articlePage('Сот шешімі Өскеменде'), date: '2026-03-14T09:26:53Z' }], {
    sign: true,
  });
  const accept = await page.getByLabel('Files to import').getAttribute('accept');
  expect(accept?.split(',')).toEqual(expect.arrayContaining(['.wacz', '.warc', '.warc.gz']));
  await page
    .getByLabel('Files to import')
    .setInputFiles({ name: 'capture.wacz', mimeType: 'application/zip', buffer: Buffer.from(wacz) });
  await page
    .getByRole('listbox', { name: 'Articles' })
    .getByRole('option', { name: /Сот шешімі Өскеменде/ })
    .click();
  const panel = page.getByRole('article').locator('details.source-panel');
  await panel.locator('summary').click();
  const machine = panel.getByRole('region', { name: 'Recorded by the machine (cannot be edited)' });
  await expect(machine).toContainText('Capture time (WARC)');
  await expect(machine).toContainText('2026-03-14T09:26:53.000Z');
  await expect(machine).toContainText(url);
  await expect(machine).toContainText('every file matches datapackage.json');
  await expect(machine).toContainText(/key [A-Z2-7]{4} .*the signature holds for this key/);
  await app.screenshot('prov-40-wacz-capture');
});

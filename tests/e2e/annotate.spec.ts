/**
 * Annotation journeys in Chromium with the real core: annotate in the reader (add, highlight, edit, delete,
 * undo), build a case and read its timeline, merge two people; everything survives a reload.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { Archive } from '../../electron/core/archive.js';
import { expect, expectSealed, SAMPLE_DIR, test } from './fixtures.js';
import { selectText } from './reader.js';

const sample = JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'sample.json'), 'utf8')) as {
  articles: Array<{ title: string; facts: Array<{ quote: string }> }>;
};
const ARTICLE = sample.articles[0]!;
const FACTS = ARTICLE.facts.length;

async function openSampleArticle(page: Page) {
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: ARTICLE.title }).click();
  const reader = page.getByRole('article');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(ARTICLE.title);
  return reader;
}

test.use({ archiveKind: 'sample' });

test('select text → add a fact with type, date and person → highlighted → edit → delete → undo; survives a reload', async ({
  app,
}) => {
  const { page } = app;
  const reader = await openSampleArticle(page);
  const marks = reader.locator('mark.fact');
  await expect(marks).toHaveCount(FACTS);

  const passage = 'Ал полицейлер пикетті сырттай бақылап тұрады.';
  await selectText(page, passage);
  const panel = page.getByRole('region', { name: 'Add fact' });
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel('Quote')).toHaveText(passage);
  await panel.getByLabel('Fact type').selectOption({ label: 'Intimidation' });
  await panel.getByLabel('Event date').fill('2020-10');
  await panel.getByLabel('Approximate').check();
  // autocomplete offers names and aliases; an alias stands for its person
  await expect(panel.locator('datalist option[value="Askhat Zheksebayev"]')).toHaveCount(1);
  await panel.getByRole('combobox', { name: 'Add a person' }).fill('Askhat Zheksebayev');
  await panel.getByRole('combobox', { name: 'Add a person' }).press('Enter');
  await panel.getByRole('combobox', { name: 'Role of Асхат Жексебаев' }).selectOption('victim');
  await panel.getByRole('combobox', { name: 'Add a place' }).fill('Алматы');
  await panel.getByRole('button', { name: 'Add a place: Add' }).click();
  await panel.getByLabel('Tags').fill('violations/freedom-of-assembly, surveillance');
  await app.screenshot('10-add-fact-panel');
  await panel.getByLabel('Tags').press('Control+Enter'); // the shortcut shown on the button

  await expect(page.getByRole('status')).toHaveText(/Fact saved/);
  await expect(marks).toHaveCount(FACTS + 1);
  const mark = reader.locator('mark.fact', { hasText: passage });
  await expect(mark).toHaveText(passage);
  const margin = reader.getByRole('complementary', { name: /Facts/ });
  await expect(margin).toContainText('c. 2020-10');
  await app.screenshot('11-fact-highlighted');

  // Stored in the archive, with the role by entity.
  const stored = (await app.archive.listFacts()).find((f) => f.quote === passage)!;
  expect(stored).toMatchObject({
    type: 'intimidation',
    date: { value: '2020-10', precision: 'month', approximate: true },
    people: ['Асхат Жексебаев'],
    roles: { 'Асхат Жексебаев': 'victim' },
    places: ['Алматы'],
  });

  // Click the highlight: edit it.
  await mark.click();
  const edit = page.getByRole('region', { name: 'Edit fact' });
  await expect(edit.getByLabel('Event date')).toHaveValue('2020-10');
  await edit.getByLabel('Note').fill('Police watch from a distance.');
  await edit.getByLabel('Fact type').selectOption({ label: 'Statement' });
  await app.screenshot('12-edit-fact');
  await edit.getByRole('button', { name: /Save fact/ }).click();
  await expect(page.getByRole('status')).toHaveText(/Fact saved/);
  expect((await app.archive.listFacts()).find((f) => f.id === stored.id)).toMatchObject({
    type: 'statement',
    note: 'Police watch from a distance.',
  });

  // Delete, then undo.
  await mark.click();
  await page.getByRole('region', { name: 'Edit fact' }).getByRole('button', { name: 'Delete fact' }).click();
  await expect(page.getByRole('status')).toContainText('Fact deleted');
  await expect(marks).toHaveCount(FACTS);
  await app.screenshot('13-deleted-undo');
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Fact restored');
  await expect(marks).toHaveCount(FACTS + 1);
  expect((await app.archive.listFacts()).find((f) => f.id === stored.id)).toMatchObject({
    type: 'statement',
    roles: { 'Асхат Жексебаев': 'victim' },
  });

  // j / k move between highlights; e opens the current one.
  await page.locator('body').click({ position: { x: 5, y: 790 } });
  await page.keyboard.press('j');
  await expect(reader.locator('mark.fact.is-active')).toHaveCount(1);
  await page.keyboard.press('e');
  await expect(page.getByRole('region', { name: 'Edit fact' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Edit fact' })).toHaveCount(0);

  await page.reload();
  const again = await openSampleArticle(page);
  await expect(again.locator('mark.fact', { hasText: passage })).toHaveCount(1);
  const fromDisk = await Archive.open(app.archive.root);
  expect((await fromDisk.listFacts()).find((f) => f.id === stored.id)).toMatchObject({
    quote: passage,
    note: 'Police watch from a distance.',
    roles: { 'Асхат Жексебаев': 'victim' },
  });
  expectSealed(app);
});

test('edit a fact: a passage selected in the reader becomes its new quote, and the anchor follows it', async ({
  app,
}) => {
  const { page } = app;
  const reader = await openSampleArticle(page);
  const old = ARTICLE.facts[1]!.quote;
  const before = (await app.archive.listFacts()).find((f) => f.quote === old)!;
  await reader.locator('mark.fact', { hasText: old }).first().click();
  const edit = page.getByRole('region', { name: 'Edit fact' });
  await expect(edit.getByLabel('Quote')).toHaveText(old);

  // nothing selected yet: the button says what to do
  await edit.getByRole('button', { name: 'Use selected text as quote' }).click();
  await expect(edit.getByRole('alert')).toHaveText('Select the new passage in the article first.');

  // a selection while editing is offered as the new quote (the panel stays on this fact)
  const passage = 'Ал полицейлер пикетті сырттай бақылап тұрады.';
  await selectText(page, passage);
  await expect(edit).toContainText(`Selected in the article: “${passage}”`);
  await edit.getByRole('button', { name: 'Use selected text as quote' }).click();
  await expect(edit.getByLabel('Quote')).toHaveText(passage);
  await expect(edit).toContainText('New quote: it replaces the old one when you save.');
  await app.screenshot('24-edit-fact-new-quote');
  await edit.getByRole('button', { name: /Save fact/ }).click();
  await expect(page.getByRole('status')).toHaveText(/Fact saved/);
  await expect(reader.locator('mark.fact', { hasText: passage })).toHaveAttribute('data-facts', new RegExp(before.id));
  await expect(reader.locator('mark.fact', { hasText: old })).toHaveCount(0);

  // in the core: the same fact, quoting the new passage, anchored where that passage is
  const after = (await app.archive.listFacts()).find((f) => f.id === before.id)!;
  expect(after).toMatchObject({
    quote: passage,
    type: before.type,
    date: before.date,
    people: before.people,
    cases: before.cases,
  });
  const { text } = await app.archive.getArticle(after.articleId);
  expect(text.slice(after.anchor.start, after.anchor.end)).toBe(passage);
  expect(after.anchor.start).toBe(text.indexOf(passage));

  // a selection while editing can still become a fact of its own
  await reader.locator('mark.fact', { hasText: passage }).click();
  await selectText(page, 'Оның наразылық шарасы');
  await page.getByRole('region', { name: 'Edit fact' }).getByRole('button', { name: 'Add it as a new fact' }).click();
  await expect(page.getByRole('region', { name: 'Add fact' }).getByLabel('Quote')).toHaveText('Оның наразылық шарасы');
  expectSealed(app);
});

test('the passage’s date is suggested from its words and the article’s published date', async ({ app }) => {
  const { page } = app;
  await openSampleArticle(page);
  await selectText(page, 'Оның наразылық шарасы 4 қазанда басталған.');
  const panel = page.getByRole('region', { name: 'Add fact' });
  await expect(panel.getByLabel('Event date')).toHaveValue('2020-10-04');
  await expect(panel).toContainText('The passage says: 4 October 2020');
  await panel.getByLabel('Event date').fill('');
  await panel.getByRole('button', { name: 'Use 2020-10-04' }).click();
  await expect(panel.getByLabel('Event date')).toHaveValue('2020-10-04');
  await panel.getByRole('button', { name: /Cancel/ }).click();
  await expect(panel).toHaveCount(0);
  expectSealed(app);
});

test('create a case, add facts from the reader, see them in timeline order; reorder; still there after a reload', async ({
  app,
}) => {
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('button', { name: 'Cases' }).click();
  await page.getByRole('textbox', { name: 'Title of the new case' }).fill('Жексебаевтың пикеті');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Жексебаевтың пикеті' })).toBeVisible();
  await expect(page.getByText('No facts in this case yet')).toBeVisible();
  await app.screenshot('14-case-empty');

  await nav.getByRole('button', { name: 'Library' }).click();
  const reader = await openSampleArticle(page);
  // the 16 October picket first, then the 4 October start: the timeline must put 4 October first
  for (const quote of [ARTICLE.facts[0]!.quote, ARTICLE.facts[1]!.quote]) {
    await reader
      .locator('mark.fact', { hasText: quote.slice(0, 30) })
      .first()
      .click();
    const edit = page.getByRole('region', { name: 'Edit fact' });
    await edit.getByRole('combobox', { name: 'Choose a case…' }).selectOption({ label: 'Жексебаевтың пикеті' });
    await edit.getByRole('button', { name: 'Add to case' }).click();
    await expect(page.getByRole('status')).toHaveText(/Added to “Жексебаевтың пикеті”/);
    await edit.getByRole('button', { name: /Cancel/ }).click();
  }

  await nav.getByRole('button', { name: 'Cases' }).click();
  await page.getByRole('button', { name: /Жексебаевтың пикеті/ }).click();
  const entries = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('4 October 2020');
  await expect(entries.nth(0)).toContainText('Оның наразылық шарасы 4 қазанда басталған.');
  await expect(entries.nth(1)).toContainText('16 October 2020');
  await expect(entries.nth(1)).toContainText(ARTICLE.title);
  await expect(page.getByRole('figure', { name: 'Timeline' }).getByRole('button')).toHaveCount(2);
  await page.getByLabel('Summary').fill('Daily one-person pickets in Almaty.');
  await page.getByRole('button', { name: 'Save summary' }).click();
  await expect(page.getByRole('status')).toHaveText('Summary saved');
  await app.screenshot('15-case-timeline');

  // The sample's own case: 9 facts from 2009 to undated, drawn by precision.
  await page.getByRole('button', { name: /Мұхтар Жәкішев ісі/ }).click();
  const sampleEntries = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
  await expect(sampleEntries.first()).toContainText('2009');
  await expect(sampleEntries.last()).toContainText('Undated');
  await app.screenshot('16-sample-case-timeline');

  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Cases' }).click();
  await page.getByRole('button', { name: /Жексебаевтың пикеті/ }).click();
  await expect(page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').nth(0)).toContainText(
    '4 October 2020',
  );
  await expect(page.getByLabel('Summary')).toHaveValue('Daily one-person pickets in Almaty.');
  // and on disk: a fresh Archive over the same folder reads it back from archive.json and the shards
  const fromDisk = await Archive.open(app.archive.root);
  const onDisk = fromDisk.listCases().find((c) => c.title === 'Жексебаевтың пикеті')!;
  expect(onDisk.summary).toBe('Daily one-person pickets in Almaty.');
  expect((await fromDisk.getCase(onDisk.id)).facts.map((f) => f.quote)).toEqual([
    ARTICLE.facts[1]!.quote,
    ARTICLE.facts[0]!.quote,
  ]);

  // The source of an entry opens the article with that fact marked.
  await page
    .getByRole('list', { name: 'Timeline' })
    .getByRole('listitem')
    .nth(0)
    .getByRole('link', { name: ARTICLE.title })
    .click();
  await expect(page.getByRole('article').locator('mark.fact.is-active')).toHaveText(
    'Оның наразылық шарасы 4 қазанда басталған.',
  );
  expectSealed(app);
});

test('merge two entries for one person: the facts follow, the names become aliases', async ({ app }) => {
  const { page } = app;
  const [article] = await app.archive.listArticles();
  await app.archive.addFact({
    articleId: article!.id,
    quote: 'Ал полицейлер пикетті сырттай бақылап тұрады.',
    people: ['Жакишев М.'],
  });
  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'People & places' }).click();
  const list = page.getByRole('region', { name: 'People & places' });
  await expect(list.getByRole('button', { name: /Жакишев М\./ })).toBeVisible();
  await list.getByRole('button', { name: /^Мұхтар Жәкішев/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Мұхтар Жәкішев' })).toBeVisible();
  await app.screenshot('17-entity-page');
  await page.getByRole('combobox', { name: /Another person/ }).selectOption({ label: 'Жакишев М.' });
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Merged: 1 facts moved');
  await expect(page.getByText('Жакишев М.', { exact: false }).first()).toBeVisible();
  await expect(list.getByRole('button', { name: /^Жакишев М\./ })).toHaveCount(0);
  await expect(page.getByRole('article')).toContainText('Ал полицейлер пикетті сырттай бақылап тұрады.');
  const merged = app.archive.listEntities().find((e) => e.name === 'Мұхтар Жәкішев')!;
  expect(merged.aliases).toContain('Жакишев М.');
  expect(app.archive.listEntities().some((e) => e.name === 'Жакишев М.')).toBe(false);
  await app.screenshot('18-entity-merged');
  expectSealed(app);
});

test('tags tree with counts; the interface in Kazakh and Russian, kept after a reload', async ({ app }) => {
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('button', { name: 'Tags' }).click();
  const tree = page.getByRole('region', { name: 'Tags' });
  await expect(tree.getByRole('button', { name: /^violations \d+$/ })).toBeVisible();
  await tree.getByRole('button', { name: /^arbitrary-detention 3$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('violations/arbitrary-detention');
  await app.screenshot('19-tags');
  await page.getByRole('textbox', { name: 'Rename to' }).fill('violations/detention');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Moved to violations/detention: 3 facts, 0 articles retagged');
  await expect(tree.getByRole('button', { name: /^detention 3$/ })).toBeVisible();

  await page.getByLabel('Interface language').selectOption('kk');
  await expect(nav.getByRole('button', { name: 'Істер' })).toBeVisible();
  await nav.getByRole('button', { name: 'Істер' }).click();
  await page.getByRole('button', { name: /Мұхтар Жәкішев ісі/ }).click();
  // Kazakh writes the year first, on screen as in the dossier
  await expect(page.getByRole('list', { name: 'Хронология' }).getByRole('listitem').nth(3)).toContainText(
    '2020 ж. қыркүйек',
  );
  await app.screenshot('20-case-in-kazakh');
  await page.reload();
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Кітапхана' })).toBeVisible();
  await page.getByLabel('Интерфейс тілі').selectOption('ru');
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Люди и места' })).toBeVisible();
  await app.screenshot('21-russian');
  expectSealed(app);
});

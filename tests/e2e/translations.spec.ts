/**
 * A quote's translation edited in the fact panel (add, change the translator, remove), and a UN communication
 * chosen in the dossier dialog, printed with that translation beside the quote.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, expectSealed, SAMPLE_DIR, test } from './fixtures.js';

const sample = JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'sample.json'), 'utf8')) as {
  articles: Array<{ title: string }>;
};
const TITLE = sample.articles[0]!.title;
const QUOTE = '2009 жылы 14 жылға сотталған';
const ENGLISH = 'In 2009 he was sentenced to 14 years';

test.use({ archiveKind: 'sample' });

test('translate a quote in the fact panel, then export it as a UN communication', async ({ app }) => {
  const { page } = app;
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: TITLE }).click();
  const reader = page.getByRole('article');
  await reader.locator('mark.fact', { hasText: QUOTE }).click();
  const edit = page.getByRole('region', { name: 'Edit fact' });
  const translations = edit.getByRole('group', { name: 'Translations of the quote' });
  await translations.getByLabel('Into English').fill(ENGLISH);
  await translations.locator('[data-lang="en"]').getByLabel('Translator').fill('Dana Translator');
  await translations.getByLabel('Into Russian').fill('В 2009 году приговорён к 14 годам');
  await app.screenshot('translations-fact-panel-en');
  await edit.getByRole('button', { name: /Save fact/ }).click();
  await expect(page.getByRole('status')).toHaveText(/Fact saved/);
  let stored = (await app.archive.listFacts()).find((f) => f.quote === QUOTE)!;
  expect(stored.translations).toMatchObject({
    en: { text: ENGLISH, by: 'Dana Translator' },
    ru: { text: 'В 2009 году приговорён к 14 годам', by: '' },
  });

  // open it again: the translations are there; remove the Russian one
  await reader.locator('mark.fact', { hasText: QUOTE }).click();
  await expect(translations.getByLabel('Into English')).toHaveValue(ENGLISH);
  await translations.locator('[data-lang="ru"]').getByRole('button', { name: 'Remove' }).click();
  await edit.getByRole('button', { name: /Save fact/ }).click();
  await expect(page.getByRole('status')).toHaveText(/Fact saved/);
  stored = (await app.archive.listFacts()).find((f) => f.quote === QUOTE)!;
  expect(Object.keys(stored.translations ?? {})).toEqual(['en']);

  // the panel in Kazakh and Russian, for a look
  await page.getByLabel('Interface language').selectOption('kk');
  await reader.locator('mark.fact', { hasText: QUOTE }).click();
  await page.getByRole('group', { name: 'Дәйексөздің аудармалары' }).scrollIntoViewIfNeeded();
  await app.screenshot('translations-fact-panel-kk');
  await page.getByLabel('Интерфейс тілі').selectOption('ru');
  await reader.locator('mark.fact', { hasText: QUOTE }).click();
  await page.getByRole('group', { name: 'Переводы цитаты' }).scrollIntoViewIfNeeded();
  await app.screenshot('translations-fact-panel-ru');
  await page.getByLabel('Язык интерфейса').selectOption('en');

  await page.getByRole('button', { name: 'Export dossier…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a case dossier' });
  await dialog.getByRole('combobox', { name: 'Template' }).selectOption('un-communication');
  await dialog.getByRole('combobox', { name: 'Language of the labels' }).selectOption('en');
  await app.screenshot('translations-dossier-dialog');
  await dialog.getByRole('button', { name: 'Save PDF…' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/Saved \d+ facts to .*\.pdf/, { timeout: 30_000 });
  const text = execFileSync('pdftotext', ['-raw', app.saved[0]!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Communication to the United Nations human rights mechanisms');
  expect(text).toContain('Still missing before submission');
  expect(text).toContain(`${QUOTE} Translation (kk → en) by Dana Translator ${ENGLISH}`);
  expectSealed(app);
});

test('fill in a case’s UN communication fields: State, rights, consent', async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Cases' }).click();
  await page.getByRole('button', { name: /Мұхтар Жәкішев ісі/ }).click();
  const form = page.getByRole('form', { name: 'UN communication' });
  await form.getByLabel('State concerned').fill('Kazakhstan');
  await form.getByRole('checkbox', { name: 'ICCPR art. 9 (liberty and security of person)' }).check();
  await form.getByRole('checkbox', { name: 'ICCPR art. 14 (fair trial)' }).check();
  const consent = form.getByRole('group', { name: 'Consent of Мұхтар Жәкішев' });
  await consent.getByRole('combobox').selectOption('given');
  await consent.getByLabel('Given by').fill('his wife');
  await consent.getByLabel('Date (YYYY-MM-DD)').fill('2021-03-01');
  await form.scrollIntoViewIfNeeded();
  await app.screenshot('translations-case-communication');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const c = await app.archive.getCase(app.archive.listCases()[0]!.id);
  expect(c.communication).toMatchObject({
    state: 'Kazakhstan',
    rights: ['iccpr-9', 'iccpr-14'],
    consent: { 'Мұхтар Жәкішев': { status: 'given', by: 'his wife', date: '2021-03-01' } },
  });
  // a bad date is refused in one line and nothing changes
  await consent.getByLabel('Date (YYYY-MM-DD)').fill('01.03.2021');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toHaveText(/consent date "01\.03\.2021"/);
  expect((await app.archive.getCase(c.id)).communication!.consent['Мұхтар Жәкішев']!.date).toBe('2021-03-01');
});

/**
 * Two colleagues, two archives: A (the sample) and B (empty), each app bound to its own core. They add
 * each other from the key files the apps save; A shares a case to B, B receives it (its library and
 * search show the facts), both edit the same fact, B shares back, A receives and resolves the conflict
 * in the app. Each screen photographed in en, kk and ru (test-results/screens/team-*.png).
 */
import type { Page } from '@playwright/test';
import { LANGS } from '../../electron/shared/i18n/index.js';
import { expect, expectSealed, test, type App } from './fixtures.js';

test.use({ archiveKind: 'sample' });

const LANGUAGE_LABEL = { en: 'Interface language', kk: 'Интерфейс тілі', ru: 'Язык интерфейса' } as const;

/** The screen as it is, in each language; back to English after. */
async function shots(app: App, name: string): Promise<void> {
  let current: (typeof LANGS)[number] = 'en';
  for (const lang of LANGS) {
    await app.page.getByLabel(LANGUAGE_LABEL[current]).selectOption(lang);
    current = lang;
    await app.screenshot(`team-${name}-${lang}`);
  }
  await app.page.getByLabel(LANGUAGE_LABEL[current]).selectOption('en');
}

async function openTeam(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Team', exact: true }).click();
}

/** The key file the app saves for a colleague (the test host's "save dialog" writes it in tmp/saved/). */
async function saveKeyFile(app: App): Promise<string> {
  await openTeam(app.page);
  await app.page.getByRole('button', { name: 'Save my key file…' }).click();
  await expect(app.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  return app.saved.at(-1)!;
}

async function addContact(app: App, name: string, keyFile: string, fingerprint: string): Promise<void> {
  await openTeam(app.page);
  await app.page.getByLabel('Add a contact from a key file…').setInputFiles(keyFile);
  const form = app.page.getByRole('form', { name: 'Add a contact from a key file…' });
  // the fingerprint is shown before the contact is added, to be compared by phone
  await expect(form.locator('[data-fingerprint]')).toHaveAttribute('data-fingerprint', fingerprint);
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(app.page.getByRole('status')).toHaveText(`${name} added.`);
}

async function shareCase(app: App, title: string, to: string, shotName?: string): Promise<string> {
  await app.page.getByRole('button', { name: 'Cases', exact: true }).click();
  await app.page
    .getByRole('button', { name: new RegExp(title) })
    .first()
    .click();
  await app.page.getByRole('button', { name: 'Share case…' }).click();
  const dialog = app.page.getByRole('dialog', { name: `Share “${title}”` });
  await dialog.getByRole('checkbox', { name: new RegExp(to) }).check();
  if (shotName) await shots(app, shotName);
  const before = app.saved.length;
  await dialog.getByRole('button', { name: 'Save bundle…' }).click();
  await expect(dialog.getByRole('status')).toContainText('encrypted and signed');
  expect(app.saved.length).toBe(before + 1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return app.saved.at(-1)!;
}

const GROUP_ORDER = ['articles', 'facts', 'entities', 'cases', 'tags', 'conflicts'];
const GROUP_KIND: Record<string, string> = {
  articles: 'article',
  facts: 'fact',
  entities: 'name',
  cases: 'case',
  tags: 'tag',
};

/**
 * The plan on screen, grouped: groups in their order, none empty, each titled with its own count, a kind's
 * group holding only that kind (added, changed, deleted), the conflicts' group only conflicts and suggestions.
 */
async function planGroups(app: App): Promise<string[]> {
  const groups = await app.page.locator('.plan-group').evaluateAll((sections) =>
    sections.map((s) => ({
      group: s.getAttribute('data-group') ?? '',
      title: s.querySelector('.plan-group-title')?.textContent ?? '',
      items: [...s.querySelectorAll('.plan-change')].map((li) => ({
        conflict: li.classList.contains('change-conflict') || li.classList.contains('change-suggest'),
        kind: li.querySelector('.change-kind')?.textContent ?? '',
      })),
    })),
  );
  const names = groups.map((g) => g.group);
  expect(names).toEqual(GROUP_ORDER.filter((g) => names.includes(g)));
  const total = await app.page.locator('.plan-change').count();
  expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(total);
  await expect(app.page.locator('.receive-plan h3')).toHaveText(`What it will change (${total})`);
  for (const g of groups) {
    expect(g.items.length).toBeGreaterThan(0);
    expect(g.title).toMatch(new RegExp(`\\(${g.items.length}\\)$`));
    for (const item of g.items) {
      expect(item.conflict).toBe(g.group === 'conflicts');
      if (g.group !== 'conflicts') expect(item.kind).toBe(GROUP_KIND[g.group]);
    }
  }
  return names;
}

async function receive(app: App, file: string, shotName?: string): Promise<string[]> {
  await openTeam(app.page);
  await app.page.getByLabel('Receive…').setInputFiles(file);
  await expect(app.page.locator('.receive-plan')).toBeVisible();
  const groups = await planGroups(app);
  if (shotName) await shots(app, shotName);
  await app.page.getByRole('button', { name: 'Apply' }).click();
  await expect(app.page.getByRole('status').filter({ hasText: /^Received / })).toBeVisible();
  return groups;
}

test('a case goes from A to B and back; the fact both edited is a conflict A resolves in the app', async ({
  app,
  appB,
}) => {
  test.setTimeout(120_000);
  const a = app;
  const b = appB;
  await a.archive.setIdentityName('Almaty bureau');
  await b.archive.setIdentityName('Oskemen office');
  const fpA = (await a.archive.identity()).fingerprint;
  const fpB = (await b.archive.identity()).fingerprint;

  // contacts: each saves its key file, the other adds it after seeing its fingerprint
  const keyA = await saveKeyFile(a);
  const keyB = await saveKeyFile(b);
  await addContact(a, 'Bolat', keyB, fpB);
  await addContact(b, 'Aigerim', keyA, fpA);
  await expect(a.page.getByRole('listitem', { name: 'Bolat' }).locator('[data-fingerprint]')).toHaveAttribute(
    'data-fingerprint',
    fpB,
  );
  await shots(a, 'contacts');

  // A shares the sample's case to Bolat
  const [kase] = await a.archive.listCases();
  const bundle1 = await shareCase(a, kase!.title, 'Bolat', 'share');

  // B's search index is loaded before the receive, so the receive itself must bring it up to date
  expect(await b.archive.search('пикет')).toHaveLength(0);

  // B receives it: the plan first (signed by the contact), then applied
  await openTeam(b.page);
  await b.page.getByLabel('Receive…').setInputFiles(bundle1);
  await expect(b.page.locator('.signer')).toHaveText('Signed by your contact Aigerim (who signs as “Almaty bureau”).');
  await expect(b.page.locator('.plan-change').first()).toBeVisible();
  // a new case: its facts and the case itself, each under its own heading, nothing to decide
  const firstGroups = await planGroups(b);
  expect(firstGroups).toEqual(expect.arrayContaining(['facts', 'cases']));
  expect(firstGroups).not.toContain('conflicts');
  await expect(b.page.locator('.plan-group[data-group="cases"] .plan-group-title')).toHaveText('Cases (1)');
  await shots(b, 'receive-plan');
  await b.page.getByRole('button', { name: 'Apply' }).click();
  await expect(b.page.getByRole('status').filter({ hasText: /^Received / })).toBeVisible();

  // B's library and search show what came
  await b.page.getByRole('button', { name: /Library/ }).click();
  await expect(b.page.locator('.list-pane')).toContainText('Жәкішев');
  await b.page.getByRole('searchbox').fill('пикет');
  await expect(b.page.locator('.list-pane')).toContainText('бір адамдық пикет өткізді');
  expect((await b.archive.search('пикет')).some((h) => h.kind === 'fact')).toBe(true);

  // the same fact edited on both sides
  const fact = (await a.archive.getCase(kase!.id)).facts[0]!;
  await a.archive.editFact(fact.id, { note: 'A: confirmed by his lawyer' });
  await b.archive.editFact(fact.id, { note: 'B: the picket lasted two hours' });

  // B shares back; A receives: the fact is a conflict, both notes side by side
  const bundle2 = await shareCase(b, kase!.title, 'Aigerim');
  // the fact both edited is under the conflicts' heading, apart from what simply comes
  expect(await receive(a, bundle2, 'receive-conflict-plan')).toContain('conflicts');
  const conflict = a.page.locator('.conflict').filter({ hasText: 'A fact changed on both sides' });
  await expect(conflict.getByLabel('Yours')).toContainText('A: confirmed by his lawyer');
  await expect(conflict.getByLabel('Theirs, from Bolat')).toContainText('B: the picket lasted two hours');
  await shots(a, 'conflicts');
  expect(await a.archive.listConflicts()).toHaveLength(1);

  await conflict.getByRole('button', { name: 'Take theirs' }).click();
  await expect(a.page.getByRole('status').filter({ hasText: 'Decided' })).toHaveText('Decided: Take theirs.');
  await expect(a.page.locator('.conflict')).toHaveCount(0);
  expect(await a.archive.listConflicts()).toHaveLength(0);
  expect((await a.archive.getCase(kase!.id)).facts.find((f) => f.id === fact.id)!.note).toBe(
    'B: the picket lasted two hours',
  );
  // the same bundle again changes nothing
  await openTeam(a.page);
  await a.page.getByLabel('Receive…').setInputFiles(bundle2);
  await expect(a.page.locator('.team-receive').getByRole('status')).toHaveText(
    'This bundle was received before: nothing changes.',
  );

  expectSealed(a);
  expectSealed(b);
});

test('a wrong passphrase is refused in one line, in the interface language; an unknown signer waits for a yes', async ({
  app,
  appB,
}) => {
  // every try of a passphrase runs age's scrypt (seconds each on a busy machine)
  test.setTimeout(120_000);
  const [kase] = await app.archive.listCases();
  // shared by passphrase, received without the right one
  const shared = await app.archive.share({ cases: [kase!.id], to: [], passphrase: 'тау басында жел' });
  const file = `${app.saved.length}-bundle.age`;
  const { writeFile, mkdtemp } = await import('node:fs/promises');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'aqiqat-bundle-'));
  const bundle = path.join(dir, file);
  await writeFile(bundle, shared.bytes);
  const b = appB;
  await openTeam(b.page);
  await b.page.getByLabel('Receive…').setInputFiles(bundle);
  await b.page.getByLabel('Passphrase').fill('wrong words');
  await b.page.getByRole('button', { name: 'Show what it brings' }).click();
  await expect(b.page.getByRole('alert')).toHaveText(/^[^\n]+$/);
  await expect(b.page.getByRole('alert')).toContainText(file);
  await b.page.getByLabel('Interface language').selectOption('ru');
  await b.page.getByRole('button', { name: 'Показать, что он принесёт' }).click();
  await expect(b.page.getByRole('alert')).toContainText(file);
  await expect(b.page.getByRole('alert')).not.toContainText('passphrase');
  expect(await b.archive.listArticles()).toHaveLength(0);

  // the right passphrase: the signer is no contact of B's, so it is taken only once the fingerprint is compared
  await b.page.getByLabel('Язык интерфейса').selectOption('en');
  await b.page.getByLabel('Passphrase').fill('тау басында жел');
  await b.page.getByRole('button', { name: 'Show what it brings' }).click();
  await expect(b.page.locator('.signer-unknown')).toContainText('is not one of your contacts');
  await expect(b.page.locator('.receive-plan [data-fingerprint]')).toHaveAttribute(
    'data-fingerprint',
    (await app.archive.identity()).fingerprint,
  );
  const apply = b.page.getByRole('button', { name: 'Apply' });
  await expect(apply).toBeDisabled();
  await shots(b, 'receive-unknown-signer');
  await b.page.getByLabel('I compared the fingerprint: accept this signer').check();
  await apply.click();
  await expect(b.page.getByRole('status').filter({ hasText: /^Received / })).toBeVisible({ timeout: 30_000 });
  expect(await b.archive.listArticles()).toHaveLength(1);
  expectSealed(b);
});

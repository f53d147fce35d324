import { expect, expectSealed, test } from './fixtures.js';

test.describe('search in any script', () => {
  test.use({ archiveKind: 'sample' });

  test('Zhakishev finds the Kazakh sample with Жәкішевті highlighted; filters narrow the hits', async ({ app }) => {
    const { page } = app;
    await page.keyboard.press('/');
    await page.keyboard.type('Zhakishev');
    const results = page.getByRole('listbox', { name: 'Search results' });
    const article = results.getByRole('option', { name: /^Article/ });
    await expect(article).toHaveCount(1);
    await expect(article.locator('mark')).toContainText(['Жәкішевті']);
    await expect(article).toContainText('other spelling');
    await app.screenshot('08-search-latin-spelling');

    await page.getByRole('combobox', { name: 'Show' }).selectOption('fact');
    await expect(results.getByRole('option', { name: /^Article/ })).toHaveCount(0);
    await expect(results.getByRole('option', { name: /^Fact/ })).not.toHaveCount(0);
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ru');
    await expect(page.getByText('No matches for “Zhakishev”')).toBeVisible();
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('');
    await expect(results.getByRole('option', { name: /^Fact/ }).first()).toBeVisible();
    await app.screenshot('09-search-facts-only');

    // keyboard: ↓ from the box into the list; moving the selection opens the hit
    await page.getByRole('searchbox', { name: 'Search the archive' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('article').locator('mark.fact.is-active')).toContainText('Жәкішев');
    expectSealed(app);
  });
});

test.describe('from a search hit to a case', () => {
  test.use({ archiveKind: 'sample' });

  test('a found fact goes into a case from the results: an existing case by keyboard, a new case by the button', async ({
    app,
  }) => {
    const { page } = app;
    const pickets = await app.archive.createCase('Пикеттер');
    const [sampleCase] = app.archive.listCases();
    await page.keyboard.press('/');
    await page.keyboard.type('Zhakishev');
    await page.getByRole('combobox', { name: 'Show' }).selectOption('fact');
    const results = page.getByRole('listbox', { name: 'Search results' });
    const factHits = results.getByRole('option', { name: /^Fact/ });
    await expect(results.getByRole('option', { name: /^Article/ })).toHaveCount(0);
    await expect(factHits.first()).toBeVisible();
    expect(await factHits.count(), 'the sample has at least two facts naming Zhakishev').toBeGreaterThanOrEqual(2);
    const activeFact = async () =>
      (await page.getByRole('article').locator('mark.fact.is-active').first().getAttribute('data-facts'))?.split(' ') ??
      [];

    // keyboard: ↓ from the box into the list, ↓ selects (and opens) the first hit; "c" asks for a case
    await page.getByRole('searchbox', { name: 'Search the archive' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(factHits.first()).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('article').locator('mark.fact.is-active')).not.toHaveCount(0);
    const first = await activeFact();
    await page.keyboard.press('c');
    const dialog = page.getByRole('dialog', { name: 'Add the fact to a case' });
    await expect(dialog).toBeVisible();
    // the sample's own case already holds some of these facts: shown, not offered
    const inSampleCase = first.some((id) => sampleCase!.facts.includes(id));
    await expect(dialog.getByRole('option', { name: `${sampleCase!.title} (already there)` })).toHaveCount(
      inSampleCase ? 1 : 0,
    );
    await dialog.getByLabel('Case').selectOption({ label: 'Пикеттер' });
    await app.screenshot('22-search-add-to-case');
    await expect(dialog.getByLabel('Case')).toBeFocused(); // the dialog opens on its first field
    await page.keyboard.press('Tab'); // Cancel
    await page.keyboard.press('Tab'); // Add to case
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('status')).toHaveText('Added to “Пикеттер”');
    await expect(results).toBeFocused();
    const withFirst = await app.archive.getCase(pickets.id);
    expect(withFirst.factIds).toHaveLength(1);
    expect(first).toContain(withFirst.factIds[0]);

    // Escape cancels and changes nothing
    await page.keyboard.press('c');
    await expect(dialog.getByRole('option', { name: 'Пикеттер (already there)' })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(results).toBeFocused();
    expect((await app.archive.getCase(pickets.id)).factIds).toEqual(withFirst.factIds);

    // mouse: the button on the second fact hit; a new case named in the dialog
    await factHits.nth(1).getByRole('button', { name: 'Add to case…' }).click();
    await expect(factHits.nth(1)).toHaveAttribute('aria-selected', 'true');
    await dialog.getByLabel('Case').selectOption({ label: 'New case…' });
    await dialog.getByRole('button', { name: 'Add to case', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Give the new case a title.');
    await dialog.getByRole('textbox', { name: 'Title of the new case' }).fill('Жәкішевтің денсаулығы');
    await dialog.getByRole('button', { name: 'Add to case', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Created “Жәкішевтің денсаулығы” with this fact');
    await app.screenshot('23-search-added-to-new-case');
    const second = await activeFact();
    const created = app.archive.listCases().find((c) => c.title === 'Жәкішевтің денсаулығы');
    expect(created?.facts).toHaveLength(1);
    expect(second).toContain(created!.facts[0]);
    expect(created!.facts[0]).not.toBe(withFirst.factIds[0]);

    // article hits have no such action
    await page.getByRole('combobox', { name: 'Show' }).selectOption('article');
    await expect(results.getByRole('option').first()).toBeVisible();
    await expect(results.getByRole('button', { name: 'Add to case…' })).toHaveCount(0);
    expectSealed(app);
  });
});

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

/**
 * Deleting an article in the reader: the confirmation says how many facts go and which cases lose
 * some; Cancel changes nothing; Delete removes it from the library, the archive and search, and logs it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, SAMPLE_DIR, test } from './fixtures.js';

const sample = JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'sample.json'), 'utf8')) as {
  articles: Array<{ title: string; facts: unknown[] }>;
};
const ARTICLE = sample.articles[0]!;

test.use({ archiveKind: 'sample' });

test('Delete article… asks with the facts and cases it affects, then removes it everywhere', async ({ app }) => {
  const { page, archive } = app;
  const [kase] = archive.listCases();
  const { id, sha256 } = (await archive.listArticles())[0]!;
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: ARTICLE.title }).click();
  const reader = page.getByRole('article');
  await reader.getByRole('button', { name: 'Delete article…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this article?' });
  await expect(dialog).toContainText(`Its facts are deleted with it: ${ARTICLE.facts.length}.`);
  await expect(dialog).toContainText(`They are taken out of these cases: “${kase!.title}”.`);
  await app.screenshot('40-delete-article');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await archive.listArticles()).toHaveLength(1);

  await reader.getByRole('button', { name: 'Delete article…' }).click();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText(
    `Deleted “${ARTICLE.title}”; facts deleted: ${ARTICLE.facts.length}.`,
  );
  await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option')).toHaveCount(0);
  expect(await archive.listArticles()).toEqual([]);
  expect(await archive.listFacts()).toEqual([]);
  expect((await archive.getCase(kase!.id)).factIds).toEqual([]);
  expect(await archive.search('пикет')).toEqual([]);
  const entries = await archive.auditLog();
  expect(entries.at(-1)).toMatchObject({ action: 'article-deleted', articleId: id, sha256 });
  expect(app.problems).toEqual([]);
});

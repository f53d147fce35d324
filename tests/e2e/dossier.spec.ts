import { execFileSync } from 'node:child_process';
import { expect, expectSealed, test } from './fixtures.js';

test.use({ archiveKind: 'sample' });

test('export a case dossier: choose, redact, preview, save as PDF', async ({ app }) => {
  const { page } = app;
  const caseFacts = app.archive.listCases()[0]!.facts.length;
  await page.getByRole('button', { name: 'Export dossier…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a case dossier' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Case' })).toHaveValue(/^c-/);
  await dialog.getByRole('combobox', { name: 'Language of the labels' }).selectOption('kk');
  await dialog.getByRole('textbox', { name: 'Compiled by' }).fill('Құқық бюросы');
  await expect(dialog.getByText(/a web search for one can find the public article/)).toBeHidden();
  await dialog.getByRole('checkbox', { name: 'Асхат Жексебаев' }).check();
  // redaction hides names, not the article a verbatim quote leads to: the dialog says so
  await expect(dialog.getByText(/a web search for one can find the public article/)).toBeVisible();

  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('status')).toHaveText(new RegExp(`Preview ready: facts: ${caseFacts}, sources: 1 `));
  await app.screenshot('dossier-dialog');

  await dialog.getByRole('button', { name: 'Save PDF…' }).click();
  await expect(dialog.getByRole('status')).toHaveText(new RegExp(`Saved ${caseFacts} facts to .*\\.pdf`), {
    timeout: 20_000,
  });
  expect(app.saved).toHaveLength(1);
  const text = execFileSync('pdftotext', ['-raw', app.saved[0]!, '-'], { encoding: 'utf8' });
  expect(text).toContain('Хронология');
  expect(text).not.toContain('Жексебаев');
  expect(execFileSync('pdfinfo', [app.saved[0]!], { encoding: 'utf8' })).toMatch(/Author:\s+Құқық бюросы/);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expectSealed(app);
});

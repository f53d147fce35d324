/**
 * With the interface in Kazakh, the core's refusals read in Kazakh: they cross IPC as codes and the
 * interface words them, and a locked archive is recognized by its code, not its English text.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, PASSPHRASE, SAMPLE_DIR, test } from './fixtures.js';

const SAMPLE = JSON.parse(await readFile(path.join(SAMPLE_DIR, 'sample.json'), 'utf8')) as {
  articles: Array<{ title: string }>;
};
const TITLE = SAMPLE.articles[0]!.title;

test.describe('an encrypted archive, in Kazakh', () => {
  test.use({ archiveKind: 'encrypted' });

  test('a wrong passphrase and a call refused while locked are said in Kazakh', async ({ app }) => {
    const { page } = app;
    await page.getByLabel('Interface language').selectOption('kk');
    await expect(page.getByRole('heading', { name: 'Мұрағат құлыпталған' })).toBeVisible();

    await page.getByLabel('Құпия сөз').fill('not the passphrase');
    await page.getByLabel('Құпия сөз').press('Enter');
    await expect(page.getByRole('alert')).toHaveText('құпия сөз қате; ештеңе өзгертілмеді');

    await page.getByLabel('Құпия сөз').fill(PASSPHRASE);
    await page.getByLabel('Құпия сөз').press('Enter');
    const articles = page.getByRole('listbox', { name: 'Мақалалар' });
    await expect(articles.getByRole('option', { name: TITLE })).toBeVisible();

    // locked behind the interface's back: the next call is refused with the code the lock screen answers to
    await app.session.lock('user');
    const refused = await page.evaluate(() =>
      window.aqiqat.listArticles({}).then(
        () => null,
        (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
      ),
    );
    expect(refused).toEqual({
      code: 'session.locked',
      message: 'the archive is locked; enter its passphrase to open it again',
    });
    await articles.getByRole('option', { name: TITLE }).click();
    await expect(page.getByRole('heading', { name: 'Мұрағат құлыпталған' })).toBeVisible();
    await app.screenshot('40-locked-in-kazakh');
  });
});

test('a file that cannot be imported is named with its reason in Kazakh', async ({ app }) => {
  const { page } = app;
  await page.getByLabel('Interface language').selectOption('kk');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Файлдарды импорттау' }).click();
  await (
    await chooser
  ).setFiles([
    { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('Бірінші мақала\nМәтін.') },
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 broken') },
  ]);
  // the PDF parser runs in a worker thread of its own, slow to start on a busy machine
  await expect(page.getByRole('status')).toHaveText('импортталды: 1, мұрағатта бар: 0, қате: 1', { timeout: 30_000 });
  const failed = page.getByRole('list', { name: 'Импортталмаған файлдар' });
  await expect(failed).toContainText('scan.pdf оқылатын PDF емес');
  await expect(failed).not.toContainText('is not a readable PDF');
  await app.screenshot('41-import-error-in-kazakh');
});

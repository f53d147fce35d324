/**
 * Protection in the app: an encrypted archive opens only at the lock screen with its passphrase, locks
 * itself after the idle minutes the user chose (and not while the user is active), locks on demand,
 * and a plain archive can be encrypted from the Security dialog.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isSealed } from '../../electron/core/protection/crypto.js';
import { DAMAGE, expect, expectSealed, PASSPHRASE, SAMPLE_DIR, test, type App } from './fixtures.js';

const SAMPLE = JSON.parse(await readFile(path.join(SAMPLE_DIR, 'sample.json'), 'utf8')) as {
  articles: Array<{ title: string }>;
};
const TITLE = SAMPLE.articles[0]!.title;

async function unlock(app: App, passphrase: string) {
  const field = app.page.getByLabel('Passphrase');
  await field.fill(passphrase);
  await field.press('Enter');
}

test.describe('an encrypted archive', () => {
  test.use({ archiveKind: 'encrypted', fakePageClock: true });

  test('opens at the lock screen; a wrong passphrase is refused; the right one shows the archive', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'The archive is locked' })).toBeVisible();
    await expect(page.getByText('This archive is encrypted. Enter its passphrase to open it.')).toBeVisible();
    await expect(page.getByLabel('Passphrase')).toBeFocused();
    await expect(page.getByText(TITLE)).toHaveCount(0);
    await app.screenshot('30-lock-screen');

    await unlock(app, 'not the passphrase');
    await expect(page.getByRole('alert')).toHaveText('wrong passphrase; nothing was changed');
    await expect(page.getByLabel('Passphrase')).toHaveValue('');
    expect((await app.session.status()).locked).toBe(true);

    await unlock(app, PASSPHRASE);
    await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: TITLE })).toBeVisible();
    expect((await app.session.status()).locked).toBe(false);
    expectSealed(app);
  });

  test('locks after the idle minutes set in Security, not while the user is active; Lock now locks at once', async ({
    app,
  }) => {
    const { page, session } = app;
    await unlock(app, PASSPHRASE);
    await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: TITLE }).click();
    await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(TITLE);

    await page.getByRole('button', { name: 'Security…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Security' });
    await expect(dialog.getByText('This archive is encrypted on disk.', { exact: false })).toBeVisible();
    await dialog.getByLabel('Lock after inactivity').selectOption({ label: '1 min' });
    await expect(dialog.getByRole('status')).toHaveText('The app now locks after 1 min without activity.');
    await app.screenshot('31-security-encrypted');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // 50 s later the user moves the mouse: main hears of it (the page throttles to one touch per 20 s)
    let touched!: () => void;
    const touch = new Promise<void>((resolve) => (touched = resolve));
    const realTouch = session.touch.bind(session);
    session.touch = async () => {
      await realTouch();
      touched();
    };
    await page.clock.fastForward(50_000);
    app.advanceClock(50_000);
    await page.mouse.move(400, 300);
    await page.mouse.move(420, 320);
    await touch;
    // 80 s after the setting, 30 s after the mouse: still open
    app.advanceClock(30_000);
    await page.clock.fastForward(30_000);
    expect((await session.status()).locked).toBe(false);
    await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(TITLE);

    // a minute with nothing done: main locks, the page's next poll shows the lock screen
    app.advanceClock(31_000);
    await page.clock.fastForward(10_000);
    await expect(page.getByText('Locked after 1 min without activity. Enter the passphrase to go on.')).toBeVisible();
    await expect(page.getByText(TITLE)).toHaveCount(0); // nothing of the archive is left in the page
    expect(await session.status()).toMatchObject({ locked: true, lockedBy: 'idle' });

    await unlock(app, PASSPHRASE);
    await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: TITLE })).toBeVisible();
    await page.getByRole('button', { name: 'Lock now' }).click();
    await expect(page.getByText('Locked. Enter the passphrase to go on.')).toBeVisible();
    expect(await session.status()).toMatchObject({ locked: true, lockedBy: 'user' });
    expectSealed(app);
  });
});

test.describe('changing the passphrase', () => {
  test.use({ archiveKind: 'encrypted' });

  test('a wrong current passphrase changes nothing; the new one opens the archive, the old one no longer', async ({
    app,
  }) => {
    const { page } = app;
    await unlock(app, PASSPHRASE);
    await page.getByRole('button', { name: 'Security…' }).click();
    const change = page.getByRole('dialog', { name: 'Security' }).getByRole('group', { name: 'Change passphrase' });
    const status = page.getByRole('dialog', { name: 'Security' }).getByRole('status');
    await change.getByLabel('Current passphrase').fill('not it at all');
    await change.getByLabel('New passphrase', { exact: true }).fill('жаңа құпия сөз осы');
    await change.getByLabel('New passphrase again').fill('жаңа құпия сөз осы');
    await change.getByRole('button', { name: 'Change passphrase' }).click();
    await expect(status).toHaveText('wrong passphrase; nothing was changed');

    await change.getByLabel('Current passphrase').fill(PASSPHRASE);
    await change.getByRole('button', { name: 'Change passphrase' }).click();
    await expect(status).toHaveText('Passphrase changed. Use the new one from now on.');
    await expect(change.getByLabel('Current passphrase')).toHaveValue('');

    await page.getByRole('dialog', { name: 'Security' }).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Lock now' }).click();
    await unlock(app, PASSPHRASE);
    await expect(page.getByRole('alert')).toHaveText('wrong passphrase; nothing was changed');
    await unlock(app, 'жаңа құпия сөз осы');
    await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: TITLE })).toBeVisible();
    expectSealed(app);
  });
});

test.describe('re-keying', () => {
  test.use({ archiveKind: 'encrypted' });

  test('"the old passphrase may be known to someone" replaces the data key too; the new passphrase opens the archive', async ({
    app,
  }) => {
    const { page } = app;
    await unlock(app, PASSPHRASE);
    const keyBefore = JSON.parse(await readFile(path.join(app.session.root, 'encryption.json'), 'utf8')).key as string;
    await page.getByRole('button', { name: 'Security…' }).click();
    const change = page.getByRole('dialog', { name: 'Security' }).getByRole('group', { name: 'Change passphrase' });
    const status = page.getByRole('dialog', { name: 'Security' }).getByRole('status');
    await change.getByLabel('Current passphrase').fill(PASSPHRASE);
    await change.getByLabel('New passphrase', { exact: true }).fill('жаңа құпия сөз осы');
    await change.getByLabel('New passphrase again').fill('жаңа құпия сөз осы');
    await change.getByLabel('The old passphrase may be known to someone').check();
    await change.getByRole('button', { name: 'Change passphrase' }).click();
    await expect(status).toHaveText(
      'Passphrase and key changed; every file re-encrypted. Use the new passphrase from now on.',
    );
    const key = JSON.parse(await readFile(path.join(app.session.root, 'encryption.json'), 'utf8')) as {
      key: string;
      rekeying?: string;
    };
    expect(key.key).not.toBe(keyBefore);
    expect(key.rekeying).toBeUndefined();

    await page.getByRole('dialog', { name: 'Security' }).getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: TITLE })).toBeVisible();
    await page.getByRole('button', { name: 'Lock now' }).click();
    await unlock(app, 'жаңа құпия сөз осы');
    await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: TITLE })).toBeVisible();
    expectSealed(app);
  });
});

test.describe('a plain archive', () => {
  test.use({ archiveKind: 'sample' });

  test('is encrypted from the Security dialog: nothing readable stays on disk, and it then locks and unlocks', async ({
    app,
  }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Security…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Security' });
    await expect(dialog.getByText('This archive is not encrypted', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Lock now' })).toHaveCount(0);
    await app.screenshot('32-security-plain');

    const encrypt = dialog.getByRole('group', { name: 'Encrypt archive' });
    await encrypt.getByLabel('New passphrase', { exact: true }).fill('бір екі үш төрт бес');
    await encrypt.getByLabel('New passphrase again').fill('бір екі үш төрт алты');
    await encrypt.getByRole('button', { name: 'Encrypt archive' }).click();
    await expect(dialog.getByRole('status')).toHaveText('The two new passphrases differ; nothing was changed.');
    expect((await app.session.status()).encrypted).toBe(false);

    await encrypt.getByLabel('New passphrase again').fill('бір екі үш төрт бес');
    await encrypt.getByRole('button', { name: 'Encrypt archive' }).click();
    await expect(dialog.getByRole('status')).toHaveText(
      'The archive is encrypted. Keep the passphrase safe: it cannot be recovered.',
    );
    await expect(dialog.getByLabel('Lock after inactivity')).toHaveValue('10');

    // on disk: archive.json sealed, and no word of the sample anywhere in the folder
    const root = app.session.root;
    expect(isSealed(await readFile(path.join(root, 'archive.json')))).toBe(true);
    const grep = spawnSync('grep', ['-r', '-l', '-a', '-F', '-e', 'Жәкішев', '-e', 'Жексебаев', root], {
      encoding: 'utf8',
    });
    expect(grep.stdout.split('\n').filter(Boolean)).toEqual([]);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Lock now' }).click();
    await expect(page.getByRole('heading', { name: 'The archive is locked' })).toBeVisible();
    await unlock(app, 'бір екі үш төрт бес');
    await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: TITLE })).toBeVisible();
    expectSealed(app);
  });
});

test.describe('a damaged archive.json', () => {
  test.use({ archiveKind: 'damaged' });

  test('the app says what is wrong and puts the latest snapshot back; the damaged file is kept', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'The archive cannot be opened' })).toBeVisible();
    await expect(
      page.getByText('archive.json is not valid JSON; it was left untouched.', { exact: false }),
    ).toBeVisible();
    await expect(page.getByText('A snapshot of it from', { exact: false })).toBeVisible();
    await app.screenshot('33-recovery');

    await page.getByRole('button', { name: 'Put the snapshot back' }).click();
    await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: TITLE })).toBeVisible();
    await page.getByRole('button', { name: /^Cases/ }).click();
    await expect(page.getByText(/Жәкішев ісі/).first()).toBeVisible();

    const backups = path.join(app.session.root, 'backups');
    const kept = (await readdir(backups)).filter((n) => n.startsWith('replaced-archive-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(path.join(backups, kept[0]!), 'utf8')).toBe(DAMAGE);
    expectSealed(app);
  });
});

/** Security… shows the archive's signing fingerprint and lets the signing name be changed (audited). */
import { expect, test } from './fixtures.js';

test.describe('the signing identity in Security…', () => {
  test.use({ archiveKind: 'sample' });

  test('shows the fingerprint the archive signs with, and renames it; in Kazakh too', async ({ app }) => {
    const { page, archive } = app;
    await page.getByRole('button', { name: 'Security…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Security' });
    const group = dialog.getByRole('group', { name: 'Signing identity' });
    const { fingerprint } = await archive.identity();
    await expect(group.locator('.identity-fingerprint')).toHaveText(fingerprint);
    await expect(group.getByLabel('Signs as')).toHaveValue('unnamed');
    await group.getByLabel('Signs as').fill('Қазақстан құқық бюросы');
    await group.getByRole('button', { name: 'Change name' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Packages are now signed as “Қазақстан құқық бюросы”.');
    expect((await archive.identity()).name).toBe('Қазақстан құқық бюросы');
    expect((await archive.auditLog()).some((e) => e.action === 'identity-renamed')).toBe(true);
    await app.screenshot('pkg-security-identity-en');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByLabel('Interface language').selectOption('kk');
    await page.getByRole('button', { name: 'Қауіпсіздік…' }).click();
    await expect(page.getByRole('group', { name: 'Қолтаңба иесі' }).locator('.identity-fingerprint')).toHaveText(
      fingerprint,
    );
    await app.screenshot('pkg-security-identity-kk');
  });
});

/**
 * "Check a package…" in Security…: a package made by the CLI in another archive is checked in the app
 * (the same check as `aqiqat verify-package`): valid with its signer's fingerprint; a copy with one byte
 * of its dossier changed is invalid, naming the file, in the interface language.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { REPO, expect, test } from './fixtures.js';

let dir: string;
let pkg: Buffer;
let fingerprint: string;
const cli = (...args: string[]) => {
  const r = spawnSync(
    process.execPath,
    [path.join(REPO, 'build/aqiqat.js'), '--archive', path.join(dir, 'other'), ...args],
    { encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'aqiqat-e2e-check-'));
  cli('init', '--sample');
  cli('identity', '--name', 'Oskemen colleague');
  const caseId = JSON.parse(cli('case', 'list', '--json'))[0].id as string;
  cli('package', caseId, '--out', path.join(dir, 'case.aqpkg'));
  pkg = await readFile(path.join(dir, 'case.aqpkg'));
  fingerprint = JSON.parse(cli('identity', '--json')).fingerprint as string;
});
test.afterAll(() => rm(dir, { recursive: true, force: true }));

test.use({ archiveKind: 'sample' });

test('Security… checks a package: valid with the signer, a tampered copy invalid naming the file', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Security…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Security' });
  const group = dialog.getByRole('group', { name: 'Check a package…' });
  await group
    .getByLabel('Check a package…')
    .setInputFiles({ name: 'case.aqpkg', mimeType: 'application/zip', buffer: pkg });
  await expect(group.locator('[data-verdict="valid"]')).toHaveText('valid: case.aqpkg');
  await expect(group.getByText('Signed by “Oskemen colleague”')).toBeVisible();
  await expect(group.locator('.identity-fingerprint')).toHaveText(fingerprint);
  await expect(group.getByText('Time: not stamped.')).toBeVisible();
  await group.locator('.package-report').scrollIntoViewIfNeeded();
  await app.screenshot('check-package-valid-en');

  const entries = unzipSync(new Uint8Array(pkg));
  const pdf = Uint8Array.from(entries['dossier.pdf']!);
  const at = Math.floor(pdf.length / 2);
  pdf[at] = pdf[at]! ^ 0x01;
  const tampered = Buffer.from(zipSync({ ...entries, 'dossier.pdf': pdf }));
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByLabel('Interface language').selectOption('ru');
  await page.getByRole('button', { name: 'Безопасность…' }).click();
  const ru = page.getByRole('dialog').getByRole('group', { name: 'Проверить пакет…' });
  await ru
    .getByLabel('Проверить пакет…')
    .setInputFiles({ name: 'tampered.aqpkg', mimeType: 'application/zip', buffer: tampered });
  await expect(ru.locator('[data-verdict="invalid"]')).toContainText('dossier.pdf');
  await expect(ru.locator('[data-verdict="invalid"]')).toContainText('недействителен');
  await ru.locator('[data-verdict]').scrollIntoViewIfNeeded();
  await app.screenshot('check-package-invalid-ru');
});

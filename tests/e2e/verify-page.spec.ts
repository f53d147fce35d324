/**
 * verify.html, the page inside every evidence package, opened from disk in Chromium with no network: a
 * package picked in it shows "valid" with the signer's fingerprint, a tampered copy "invalid: <file>".
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { REPO } from './fixtures.js';

let dir: string;
const cli = (...args: string[]) => {
  const r = spawnSync(
    process.execPath,
    [path.join(REPO, 'build/aqiqat.js'), '--archive', path.join(dir, 'archive'), ...args],
    {
      encoding: 'utf8',
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'aqiqat-verify-page-'));
  cli('init', '--sample');
  cli('identity', '--name', 'Kazakhstan Bureau (sample)');
  const caseId = JSON.parse(cli('case', 'list', '--json'))[0].id as string;
  cli('package', caseId, '--out', path.join(dir, 'case.aqpkg'));
  cli('package', caseId, '--lang', 'kk', '--out', path.join(dir, 'case-kk.aqpkg'));
});
test.afterAll(() => rm(dir, { recursive: true, force: true }));

/** The package's own verify.html written beside it, opened from disk; every request is recorded. */
async function openPage(page: import('@playwright/test').Page, pkg: string): Promise<string[]> {
  const entries = unzipSync(new Uint8Array(await readFile(pkg)));
  const html = path.join(dir, `verify-${path.basename(pkg)}.html`);
  await writeFile(html, entries['verify.html']!);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(html).href);
  return requests;
}

test('a package shows valid with the signer and fingerprint; a tampered copy shows invalid naming the file', async ({
  page,
}) => {
  const pkg = path.join(dir, 'case.aqpkg');
  const requests = await openPage(page, pkg);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check an Aqiqat evidence package');
  await page.setInputFiles('#package', pkg);
  const fingerprint = JSON.parse(cli('identity', '--json')).fingerprint as string;
  await expect(page.locator('[data-verdict]')).toHaveText('valid');
  await expect(page.locator('.fingerprint')).toHaveText(fingerprint);
  await expect(page.locator('.signer')).toContainText('Kazakhstan Bureau (sample)');
  await expect(page.getByText('Time: not stamped.')).toBeVisible();
  await expect(page.getByText('That the key was not stolen')).toBeVisible();
  await page.screenshot({ path: path.join(os.tmpdir(), 'pkg-verify-valid.png'), fullPage: true });

  const entries = unzipSync(new Uint8Array(await readFile(pkg)));
  const source = Object.keys(entries).find((n) => n.startsWith('sources/'))!;
  const changed = Uint8Array.from(entries[source]!);
  changed[10] = changed[10]! ^ 1;
  const tampered = path.join(dir, 'tampered.aqpkg');
  await writeFile(tampered, zipSync({ ...entries, [source]: changed }));
  await page.setInputFiles('#package', tampered);
  await expect(page.locator('[data-verdict]')).toHaveText(
    `invalid: ${source} is not the file that was signed (its SHA-256 or size differs)`,
  );
  await page.screenshot({ path: path.join(os.tmpdir(), 'pkg-verify-invalid.png'), fullPage: true });
  expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
});

test('a Kazakh package is checked in Kazakh', async ({ page }) => {
  const pkg = path.join(dir, 'case-kk.aqpkg');
  await openPage(page, pkg);
  await page.setInputFiles('#package', pkg);
  await expect(page.locator('[data-verdict]')).toHaveText('жарамды');
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Бұл нені дәлелдейді');
  await page.screenshot({ path: path.join(os.tmpdir(), 'pkg-verify-kk.png'), fullPage: true });
});

/**
 * Launches the real Electron app where the Electron binary exists (a developer's laptop). Here the
 * binary cannot be downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1), so the test skips and says why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

/** The binary the electron package installed, found without require('electron'): that downloads on demand. */
function electronBinary(): string | null {
  const pkg = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const root = path.resolve(import.meta.dirname, '../../..');
const built =
  existsSync(path.join(root, 'dist/electron/main.js')) && existsSync(path.join(root, 'dist/renderer/index.html'));
const skipReason = !binary
  ? 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1); run `npm install` without it to run this test'
  : !built
    ? 'the app is not built; run `npm run build`'
    : '';
if (skipReason) console.warn(`[electron-launch] skipped: ${skipReason}`);

describe('Electron app', () => {
  it.skipIf(skipReason !== '')('starts on a sample archive and shows the article list', async () => {
    const archiveDir = path.join(await tempDir(), 'archive');
    const app = await electron.launch({
      executablePath: binary!,
      args: [root],
      env: { ...process.env, AQIQAT_ARCHIVE: archiveDir },
    });
    try {
      const window = await app.firstWindow();
      expect(window.url()).toBe('aqiqat://app/index.html');
      await expect.poll(() => window.getByText('Жексебаев', { exact: false }).count()).toBeGreaterThan(0);
      // no Node in the page, and only the typed API on window
      expect(
        await window.evaluate(() => [
          typeof (globalThis as { require?: unknown }).require,
          typeof (globalThis as { process?: unknown }).process,
        ]),
      ).toEqual(['undefined', 'undefined']);
      expect(
        await window.evaluate(() => Object.keys((globalThis as unknown as { aqiqat: object }).aqiqat).sort()),
      ).toContain('search');
    } finally {
      await app.close();
    }
  });
});

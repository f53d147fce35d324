import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFileFor, CONTENT_SECURITY_POLICY, isAllowedRequest, webPreferences } from '../../electron/security.js';

describe('window security settings', () => {
  it('isolates, sandboxes and denies Node to every window', () => {
    expect(webPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('main.ts creates its window with exactly these preferences', async () => {
    const main = await readFile(path.resolve(import.meta.dirname, '../../electron/main.ts'), 'utf8');
    expect(main.match(/new BrowserWindow\(/g)).toHaveLength(1);
    expect(main).toMatch(/webPreferences: webPreferences\(/);
  });

  it('the dossier window starts from the same preferences, without a preload', async () => {
    const printer = await readFile(path.resolve(import.meta.dirname, '../../electron/dossier-printer.ts'), 'utf8');
    expect(printer.match(/new BrowserWindow\(/g)).toHaveLength(1);
    expect(printer).toMatch(/const \{ preload: _none, \.\.\.prefs \} = webPreferences\(''\);/);
    expect(printer).toMatch(/webPreferences: \{ \.\.\.prefs, session: dossierSession\(\), javascript: opts\.javascript \}/);
  });

  it('has a CSP that allows no remote or inline code and no connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('lets through only the app’s own URLs', () => {
    expect(isAllowedRequest('aqiqat://app/index.html')).toBe(true);
    for (const url of ['https://example.org/', 'http://localhost:3000/', 'file:///etc/passwd', 'aqiqat://evil/x', 'ws://127.0.0.1/']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('serves files only from inside the renderer folder', () => {
    const root = path.resolve('/app/dist/renderer');
    expect(appFileFor(root, 'aqiqat://app/')).toBe(path.join(root, 'index.html'));
    expect(appFileFor(root, 'aqiqat://app/assets/a.js')).toBe(path.join(root, 'assets/a.js'));
    expect(appFileFor(root, 'aqiqat://app/../../etc/passwd')).toBe(path.join(root, 'etc/passwd')); // URL parsing flattens ..
    expect(appFileFor(root, 'aqiqat://app/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc/passwd'));
    expect(appFileFor(root, 'aqiqat://app/..%2f..%2fetc/passwd')).toBeNull();
    expect(appFileFor(root, 'aqiqat://other/index.html')).toBeNull();
    expect(appFileFor(root, 'not a url')).toBeNull();
  });
});

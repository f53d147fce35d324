import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import {
  appFileFor,
  appMenu,
  CONTENT_SECURITY_POLICY,
  isAllowedRequest,
  webPreferences,
} from '../../../electron/security.js';

const PACKAGED = { devTools: false };
const DEVELOPMENT = { devTools: true };

describe('window security settings', () => {
  it('isolates, sandboxes and denies Node to every window', () => {
    expect(webPreferences('/p/preload.cjs', PACKAGED)).toMatchObject({
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

  it('turns DevTools off in the installed app', () => {
    expect(webPreferences('/p.cjs', PACKAGED).devTools).toBe(false);
    expect(webPreferences('/p.cjs', DEVELOPMENT).devTools).toBe(true);
  });

  it('main.ts creates its window with exactly these preferences, DevTools only when not packaged', async () => {
    const main = await readFile(path.resolve(import.meta.dirname, '../../../electron/main.ts'), 'utf8');
    expect(main.match(/new BrowserWindow\(/g)).toHaveLength(1);
    expect(main).toMatch(/webPreferences: webPreferences\(path\.join\(here, 'preload\.cjs'\), mode\)/);
    expect(main).toMatch(/^const mode: ShellMode = \{ devTools: !app\.isPackaged \};$/m);
    // the same mode for the menu and the guards, and the menu is set before any window exists
    expect(main).toMatch(/Menu\.setApplicationMenu\(Menu\.buildFromTemplate\(appMenu\(process\.platform, mode\)\)\)/);
    expect(main).toMatch(/guardSession\(session\.defaultSession, mode\)/);
    expect(main).toMatch(/guardContents\(contents, mode\)/);
  });

  it('the dossier windows start from the same preferences, without a preload or DevTools', async () => {
    const printer = await readFile(path.resolve(import.meta.dirname, '../../../electron/dossier-printer.ts'), 'utf8');
    expect(printer.match(/new BrowserWindow\(/g)).toHaveLength(1);
    expect(printer).toMatch(/const \{ preload: _none, \.\.\.prefs \} = webPreferences\('', \{ devTools: false \}\);/);
    expect(printer).toMatch(
      /webPreferences: \{ \.\.\.prefs, session: dossierSession\(\), javascript: o\.javascript \}/,
    );
  });

  it('has a CSP that allows no remote or inline code and no connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('lets through only the app’s own URLs, and devtools only in a development run', () => {
    for (const mode of [PACKAGED, DEVELOPMENT]) {
      expect(isAllowedRequest('aqiqat://app/index.html', mode)).toBe(true);
      for (const url of [
        'https://example.org/',
        'http://localhost:3000/',
        'file:///etc/passwd',
        'aqiqat://evil/x',
        'ws://127.0.0.1/',
        'chrome://settings/',
      ]) {
        expect(isAllowedRequest(url, mode), url).toBe(false);
      }
    }
    for (const url of ['devtools://devtools/bundled/devtools_app.html', 'devtools://devtools/remote/x']) {
      expect(isAllowedRequest(url, DEVELOPMENT), url).toBe(true);
      expect(isAllowedRequest(url, PACKAGED), url).toBe(false);
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

describe('the application menu', () => {
  const roles = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((i) => [
      ...(i.role ? [i.role] : []),
      ...(Array.isArray(i.submenu) ? roles(i.submenu as MenuItemConstructorOptions[]) : []),
    ]);
  const PLATFORMS = ['linux', 'win32', 'darwin'] as const;

  it('has no Reload and no DevTools in the installed app, on every platform', () => {
    for (const platform of PLATFORMS) {
      const r = roles(appMenu(platform, PACKAGED));
      for (const bad of ['reload', 'forceReload', 'toggleDevTools'])
        expect(r, `${platform}: ${bad}`).not.toContain(bad);
      // a role without its own submenu would bring Electron's default one (View has Reload and DevTools)
      expect(r, platform).not.toContain('viewMenu');
      for (const item of appMenu(platform, PACKAGED))
        expect(Array.isArray(item.submenu), `${platform}: ${item.role}`).toBe(true);
      // no accelerator of our own that could stand for them
      expect(JSON.stringify(appMenu(platform, PACKAGED)), platform).not.toMatch(/accelerator|click/);
    }
  });

  it('keeps what text fields need, and a way to quit', () => {
    for (const platform of PLATFORMS) {
      const r = roles(appMenu(platform, PACKAGED));
      for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit'])
        expect(r, `${platform}: ${role}`).toContain(role);
    }
    expect(roles(appMenu('darwin', PACKAGED))).toEqual(
      expect.arrayContaining(['appMenu', 'hide', 'minimize', 'close', 'pasteAndMatchStyle']),
    );
    expect(appMenu('darwin', PACKAGED)[0]!.role).toBe('appMenu'); // macOS names the first menu after the app
  });

  it('offers DevTools, never Reload, in a development run', () => {
    for (const platform of PLATFORMS) {
      const r = roles(appMenu(platform, DEVELOPMENT));
      expect(r, platform).toContain('toggleDevTools');
      expect(r, platform).not.toContain('reload');
      expect(r, platform).not.toContain('forceReload');
    }
  });
});

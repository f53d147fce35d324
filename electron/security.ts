/**
 * The app's security settings as plain data and pure functions (no electron import), so that unit
 * tests can check exactly what every window gets.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

/** The renderer is served from this origin by a custom protocol, never from file:// or the web. */
export const APP_SCHEME = 'aqiqat';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Chromium must not resolve any host: it still tries update and account hosts in the background. */
export const HOST_RESOLVER_RULES = 'MAP * ~NOTFOUND , EXCLUDE localhost';

/**
 * Developer tools only in a development run (`!app.isPackaged`): in the installed app they would let
 * whoever finds it at the lock screen plant a script that keeps the next passphrase typed.
 */
export interface ShellMode {
  devTools: boolean;
}

export function webPreferences(preload: string, mode: ShellMode) {
  return {
    preload,
    devTools: mode.devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // middle-click would open a link in a new window (denied anyway by setWindowOpenHandler)
    disableBlinkFeatures: 'Auxclick',
  } as const;
}

/** Requests the session lets through: the app's own files (and devtools in a development run). Everything else is cancelled. */
export function isAllowedRequest(url: string, mode: ShellMode): boolean {
  return (
    url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('data:') || (mode.devTools && url.startsWith('devtools://'))
  );
}

/**
 * The file under `root` that an app URL names, or null for anything outside it (path traversal,
 * another host, a query trick).
 */
export function appFileFor(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (`${u.protocol}//${u.host}` !== APP_ORIGIN) return null;
  const rel = decodeURIComponent(u.pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(root, rel);
  const base = path.resolve(root);
  return file.startsWith(base + path.sep) ? file : null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
};

export const contentTypeOf = (file: string): string =>
  TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The application menu. Without one, Electron installs its default menu, whose View menu reloads the
 * page (typing in a form is lost) and opens the developer tools, on the lock screen too. Edit stays so
 * that undo, cut, copy and paste work in text fields (on macOS their shortcuts exist only as menu items).
 */
export function appMenu(platform: NodeJS.Platform, mode: ShellMode): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const edit: MenuItemConstructorOptions = {
    role: 'editMenu',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
  const dev: MenuItemConstructorOptions[] = mode.devTools
    ? [{ role: 'viewMenu', submenu: [{ role: 'toggleDevTools' }] }]
    : [];
  if (!mac) return [{ role: 'fileMenu', submenu: [{ role: 'quit' }] }, edit, ...dev];
  return [
    {
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    edit,
    ...dev,
    { role: 'windowMenu', submenu: [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }] },
  ];
}

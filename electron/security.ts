/**
 * The app's security settings as plain data and pure functions (no electron import), so that unit
 * tests can check exactly what every window gets (DESIGN §5).
 */
import path from 'node:path';

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

export function webPreferences(preload: string) {
  return {
    preload,
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

/** Requests the session lets through: the app's own files and devtools. Everything else is cancelled. */
export function isAllowedRequest(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('devtools://') || url.startsWith('data:');
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

export const contentTypeOf = (file: string): string => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

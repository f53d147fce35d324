/**
 * The session and web-contents guards as plain functions over the few Electron methods
 * they use (no electron import), so that unit tests can call the installed handlers and see them deny.
 */
import { APP_ORIGIN, isAllowedRequest, type ShellMode } from './security.js';

type Deny = { preventDefault(): void };

export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
}

export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: Deny) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  closeDevTools(): void;
}

/** No permission (camera, notifications, openExternal …) is ever granted; every request but the app's own is cancelled. */
export function guardSession(ses: GuardedSession, mode: ShellMode): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, mode) }));
}

/**
 * The page never navigates, redirects, embeds a webview or opens a window (middle-click included);
 * in the installed app, developer tools that open anyway (webPreferences turns them off) close at once.
 */
export function guardContents(contents: GuardedContents, mode: ShellMode): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (!mode.devTools) contents.on('devtools-opened', () => contents.closeDevTools());
}

/** Only our own page may call the archive over IPC (not a frame of some other origin, not devtools). */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return typeof frameUrl === 'string' && frameUrl.startsWith(`${APP_ORIGIN}/`);
}

/**
 * The Electron main process: one locked-down window, the renderer served from aqiqat://app, every
 * other request cancelled, and the typed API (handlers.ts) on one IPC channel with sender checks.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { userMessage } from './core/errors.js';
import { defaultArchiveDir } from './core/storage/paths.js';
import { ArchiveSession } from './session.js';
import { IPC_CHANNEL } from './api.js';
import { guardContents, guardSession, isTrustedSender } from './guards.js';
import { createDispatcher } from './handlers.js';
import { closeOnLock, electronDossierHost } from './dossier-printer.js';
import { electronPageRenderer } from './page-renderer.js';
import {
  APP_ORIGIN,
  APP_SCHEME,
  appFileFor,
  appMenu,
  CONTENT_SECURITY_POLICY,
  contentTypeOf,
  HOST_RESOLVER_RULES,
  webPreferences,
  type ShellMode,
} from './security.js';

const here = path.dirname(fileURLToPath(import.meta.url)); // dist/electron
const appRoot = path.resolve(here, '../..');
const rendererDir = path.join(appRoot, 'dist/renderer');
const sampleDir = app.isPackaged ? path.join(process.resourcesPath, 'data/sample') : path.join(appRoot, 'data/sample');
const mode: ShellMode = { devTools: !app.isPackaged };

app.commandLine.appendSwitch('host-resolver-rules', HOST_RESOLVER_RULES);
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

/** How often main checks the idle lock itself, so the key leaves memory even if the window is frozen. */
const IDLE_CHECK_MS = 15_000;

/** A plain archive opens; an encrypted one waits locked for the lock screen's passphrase; none: the sample. */
function startSession(): Promise<ArchiveSession> {
  // the CLI's rule too: $AQIQAT_ARCHIVE, else <userData>/archive
  const dir = process.env.AQIQAT_ARCHIVE ? defaultArchiveDir() : path.join(app.getPath('userData'), 'archive');
  return ArchiveSession.start(dir, sampleDir);
}

function lockDown(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenu(process.platform, mode)));
  guardSession(session.defaultSession, mode);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appFileFor(rendererDir, request.url);
    if (!file) return new Response('not found', { status: 404 });
    try {
      return new Response(await readFile(file), {
        headers: { 'content-type': contentTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
  app.on('web-contents-created', (_event, contents: WebContents) => guardContents(contents, mode));
}

async function start(): Promise<void> {
  lockDown();
  let session: ArchiveSession;
  try {
    session = await startSession();
  } catch (e) {
    dialog.showErrorBox('Aqiqat cannot open the archive', userMessage(e));
    app.exit(1);
    return;
  }
  setInterval(() => void session.checkIdle().catch(() => undefined), IDLE_CHECK_MS);
  // visual copies of saved pages at import; its window holds the last page rendered, so a lock closes it too
  const pageRenderer = electronPageRenderer();
  session.onLock(closeOnLock);
  session.onLock(() => void pageRenderer.close().catch(() => undefined));
  // quit only once the archive is closed: a write or an encryption in progress finishes first
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void Promise.all([session.close(), pageRenderer.close()])
      .catch(() => undefined)
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    title: 'Aqiqat',
    show: false,
    webPreferences: webPreferences(path.join(here, 'preload.cjs'), mode),
  });
  win.once('ready-to-show', () => win.show());
  // the save dialog belongs to the app window even when the app is not in front
  const dispatch = createDispatcher(
    session,
    app.getVersion(),
    electronDossierHost(() => (win.isDestroyed() ? null : win)),
    pageRenderer,
  );
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown) => {
    // only our own page may call the archive
    if (!isTrustedSender(event.senderFrame?.url)) return { ok: false, error: 'refused: unknown sender' };
    return dispatch(method, input);
  });
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

app
  .whenReady()
  .then(start)
  .catch((e: unknown) => {
    // one line, not Electron's box for an uncaught error with its stack; quitting closes the archive if it is open
    dialog.showErrorBox('Aqiqat cannot start', userMessage(e));
    app.quit();
  });
app.on('window-all-closed', () => app.quit());

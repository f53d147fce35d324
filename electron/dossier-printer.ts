/**
 * The app's side of dossiers (main process; unit-tested against a stand-in for electron, as the build
 * box has no Electron binary): a Printer on webContents.printToPDF in a hidden window (never shown;
 * plain hidden rather than offscreen rendering, the well-trodden path for printToPDF), a locked
 * preview window, and the save dialog on a window of its own. They live in their own in-memory session
 * that serves only the dossier document (from memory, by a token per window) and cancels every other
 * request; no preload, sandboxed, and the preview runs no script at all.
 */
import { randomUUID } from 'node:crypto';
import { BrowserWindow, dialog, session, type Session } from 'electron';
import type { DossierHost } from './core/dossier/host.js';
import { pdfOptions, type Printer } from './core/dossier/pdf.js';
import { AqiqatError } from './core/errors.js';
import { webPreferences } from './security.js';

const SCHEME = 'aqiqat-dossier';
const PARTITION = 'aqiqat-dossier'; // no "persist:": nothing of it is written to disk

let printSession: Session | null = null;
const documents = new Map<string, string>();

function dossierSession(): Session {
  if (printSession) return printSession;
  const ses = session.fromPartition(PARTITION);
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !(details.url.startsWith(`${SCHEME}://`) || details.url.startsWith('data:')) }),
  );
  ses.protocol.handle(SCHEME, (request) => {
    const html = documents.get(new URL(request.url).hostname);
    return html === undefined
      ? new Response('not found', { status: 404 })
      : new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  });
  printSession = ses;
  return ses;
}

/** A window in the dossier session: no preload, sandboxed, no DevTools; script only where asked for. */
function dossierWindow(o: {
  title: string;
  javascript: boolean;
  show?: boolean;
  parent?: BrowserWindow | null;
  width?: number;
  height?: number;
}): BrowserWindow {
  const { preload: _none, ...prefs } = webPreferences('', { devTools: false });
  return new BrowserWindow({
    show: o.show ?? false,
    ...(o.parent ? { parent: o.parent } : {}),
    width: o.width ?? 900,
    height: o.height ?? 1100,
    title: o.title,
    webPreferences: { ...prefs, session: dossierSession(), javascript: o.javascript },
  });
}

/**
 * A hidden window showing `html`, served from memory for as long as the window lives (so a reload
 * shows the same document, not "not found"); the caller destroys it.
 */
async function windowWith(html: string, opts: { javascript: boolean; title?: string }): Promise<BrowserWindow> {
  const win = dossierWindow({ title: opts.title ?? 'Dossier', javascript: opts.javascript });
  const token = randomUUID();
  documents.set(token, html);
  win.once('closed', () => documents.delete(token));
  try {
    await win.loadURL(`${SCHEME}://${token}/`);
  } catch (e) {
    // not yet anyone's to destroy: neither in `closedOnLock` nor returned
    win.destroy();
    throw e;
  }
  return win;
}

export function electronPrinter(): Printer {
  return {
    async print(job) {
      // script only for our own check below: the document's CSP forbids its own scripts
      const win = await windowWith(job.html, { javascript: true });
      try {
        const failed = (await win.webContents.executeJavaScript(
          'document.fonts.ready.then(() => [...document.fonts].filter((f) => f.status === "error").length)',
        )) as number;
        if (failed > 0) throw new AqiqatError('dossier.fonts-failed', { n: failed });
        const o = pdfOptions(job);
        return await win.webContents.printToPDF({
          pageSize: o.format,
          printBackground: o.printBackground,
          preferCSSPageSize: o.preferCSSPageSize,
          displayHeaderFooter: o.displayHeaderFooter,
          headerTemplate: o.headerTemplate,
          footerTemplate: o.footerTemplate,
          generateTaggedPDF: o.tagged,
        });
      } finally {
        win.destroy();
      }
    },
    async close() {},
  };
}

/**
 * Windows a lock destroys: dossier previews (they show archive content) and the save dialog's own
 * window, which takes the dialog with it (Electron has no call that closes a dialog).
 */
const closedOnLock = new Set<BrowserWindow>();

export function closeOnLock(): void {
  for (const win of closedOnLock) if (!win.isDestroyed()) win.destroy();
  closedOnLock.clear();
}

function untilLock(win: BrowserWindow): BrowserWindow {
  closedOnLock.add(win);
  win.once('closed', () => closedOnLock.delete(win));
  return win;
}

/** The printer, the save dialog and the preview window for the IPC handlers. */
export function electronDossierHost(parent: () => BrowserWindow | null): DossierHost {
  return {
    printer: electronPrinter(),
    async chooseSavePath(suggestedName) {
      // hidden, except on macOS, where the dialog is a sheet of its window and a hidden window's sheet is never shown
      const holder = untilLock(
        dossierWindow({
          title: 'Save dossier',
          javascript: false,
          show: process.platform === 'darwin',
          parent: parent(),
          width: 720,
          height: 480,
        }),
      );
      const closed = new Promise<null>((resolve) => holder.once('closed', () => resolve(null)));
      try {
        // a dossier PDF, or an evidence package (.aqpkg): the filter follows the suggested name
        const pkg = suggestedName.endsWith('.aqpkg');
        const options = {
          title: pkg ? 'Save evidence package' : 'Save dossier',
          defaultPath: suggestedName,
          filters: [pkg ? { name: 'Evidence package', extensions: ['aqpkg'] } : { name: 'PDF', extensions: ['pdf'] }],
        };
        // a lock destroys the holder: whatever the dialog then reports, the answer is "not saved"
        const choice = await Promise.race([dialog.showSaveDialog(holder, options), closed]);
        return choice && !choice.canceled && choice.filePath ? choice.filePath : null;
      } finally {
        if (!holder.isDestroyed()) holder.destroy();
      }
    },
    async preview(html, title) {
      const win = untilLock(await windowWith(html, { javascript: false, title }));
      win.show();
    },
  };
}

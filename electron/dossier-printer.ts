/**
 * The app's side of dossiers (main process; not run in tests here: no Electron binary on the build
 * box): a Printer on webContents.printToPDF in a hidden window (never shown; plain hidden rather than
 * offscreen rendering, the well-trodden path for printToPDF), a locked preview window,
 * and the save dialog. Both windows live in their own in-memory session that serves only the dossier
 * document (from memory, by a one-off token) and cancels every other request; no preload, sandboxed,
 * and the preview runs no script at all.
 */
import { randomUUID } from 'node:crypto';
import { BrowserWindow, dialog, session, type Session } from 'electron';
import { writeFileAtomic } from './archive/atomic.js';
import type { DossierHost } from './archive/dossier/host.js';
import { pdfOptions, type Printer } from './archive/dossier/pdf.js';
import { AqiqatError } from './archive/errors.js';
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
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !(details.url.startsWith(`${SCHEME}://`) || details.url.startsWith('data:')) }));
  ses.protocol.handle(SCHEME, (request) => {
    const html = documents.get(new URL(request.url).hostname);
    return html === undefined
      ? new Response('not found', { status: 404 })
      : new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  });
  printSession = ses;
  return ses;
}

/** A hidden window showing `html` (served once from memory); the caller destroys it. */
async function windowWith(html: string, opts: { show: boolean; javascript: boolean; title?: string }): Promise<BrowserWindow> {
  const { preload: _none, ...prefs } = webPreferences('');
  const win = new BrowserWindow({
    show: false,
    width: 900,
    height: 1100,
    title: opts.title ?? 'Dossier',
    webPreferences: { ...prefs, session: dossierSession(), javascript: opts.javascript },
  });
  const token = randomUUID();
  documents.set(token, html);
  try {
    await win.loadURL(`${SCHEME}://${token}/`);
  } finally {
    documents.delete(token);
  }
  return win;
}

export function electronPrinter(): Printer {
  return {
    async print(job) {
      // script only for our own check below: the document's CSP forbids its own scripts
      const win = await windowWith(job.html, { show: false, javascript: true });
      try {
        const failed = (await win.webContents.executeJavaScript(
          'document.fonts.ready.then(() => [...document.fonts].filter((f) => f.status === "error").length)',
        )) as number;
        if (failed > 0) throw new AqiqatError(`${failed} embedded dossier font(s) failed to load`);
        const o = pdfOptions(job);
        return await win.webContents.printToPDF({
          pageSize: o.format,
          printBackground: o.printBackground,
          preferCSSPageSize: o.preferCSSPageSize,
          displayHeaderFooter: o.displayHeaderFooter,
          headerTemplate: o.headerTemplate,
          footerTemplate: o.footerTemplate,
        });
      } finally {
        win.destroy();
      }
    },
    async close() {},
  };
}

/** Open dossier previews: they show archive content, so a lock closes them (closePreviews). */
const previews = new Set<BrowserWindow>();

export function closePreviews(): void {
  for (const win of previews) if (!win.isDestroyed()) win.destroy();
  previews.clear();
}

/** The printer, the save dialog and the preview window for the IPC handlers. */
export function electronDossierHost(parent: () => BrowserWindow | null): DossierHost {
  return {
    printer: electronPrinter(),
    async savePdf(suggestedName, pdf) {
      const owner = parent();
      const options = { title: 'Save dossier', defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return null;
      await writeFileAtomic(choice.filePath, pdf);
      return choice.filePath;
    },
    async preview(html, title) {
      const win = await windowWith(html, { show: true, javascript: false, title });
      previews.add(win);
      win.on('closed', () => previews.delete(win));
      win.show();
    },
  };
}

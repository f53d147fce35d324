/**
 * The app's dossier windows (electron/dossier-printer.ts) against a stand-in for electron (the build
 * box has no Electron binary): which windows exist, what they are served, and that a lock or a failed
 * load leaves none behind.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrintJob } from '../../../electron/core/dossier/pdf.js';

const fake = vi.hoisted(() => {
  type Listener = () => void;
  type Handler = (request: Request) => Response | Promise<Response>;
  const state = {
    windows: [] as FakeWindow[],
    protocol: null as Handler | null,
    failLoads: false,
    printOptions: [] as unknown[],
    dialogs: [] as Array<{
      parent: FakeWindow;
      options: { defaultPath?: string };
      answer: (r: { canceled: boolean; filePath: string }) => void;
    }>,
  };

  class FakeWindow {
    readonly listeners = new Map<string, Listener[]>();
    destroyed = false;
    shown = false;
    url = '';
    readonly webContents = {
      executeJavaScript: async () => 0,
      printToPDF: async (options: unknown) => {
        state.printOptions.push(options);
        return new TextEncoder().encode('%PDF-1.4 printed');
      },
    };
    constructor(readonly options: { show?: boolean; parent?: FakeWindow; webPreferences?: Record<string, unknown> }) {
      state.windows.push(this);
    }
    once(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    on(event: string, listener: Listener) {
      return this.once(event, listener);
    }
    async loadURL(url: string) {
      this.url = url;
      if (state.failLoads) throw new Error('ERR_FAILED (-2) loading ' + url);
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
    // as Electron's: destroy() always emits 'closed'
    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      for (const l of this.listeners.get('closed') ?? []) l();
    }
  }

  const ses = {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    webRequest: { onBeforeRequest: () => undefined },
    protocol: { handle: (_scheme: string, handler: Handler) => void (state.protocol = handler) },
  };
  const electron = {
    BrowserWindow: FakeWindow,
    session: { fromPartition: () => ses },
    dialog: {
      showSaveDialog: (parent: FakeWindow, options: { defaultPath?: string }) =>
        new Promise<{ canceled: boolean; filePath: string }>((answer) =>
          state.dialogs.push({ parent, options, answer }),
        ),
    },
  };
  return { state, electron, ses, FakeWindow };
});

vi.mock('electron', () => ({ default: fake.electron, ...fake.electron }));

const { closeOnLock, electronDossierHost, electronPrinter } = await import('../../../electron/dossier-printer.js');

/** What the dossier protocol serves for a window's URL now (a reload asks again). */
async function served(url: string): Promise<{ status: number; body: string }> {
  const res = await fake.state.protocol!(new Request(url));
  return { status: res.status, body: await res.text() };
}

const HTML = '<!doctype html><title>Dossier</title><p>Жексебаев</p>';
const job: PrintJob = { html: HTML, footerTemplate: '', paper: 'a4' };
const tick = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  closeOnLock();
  fake.state.windows.length = 0;
  fake.state.dialogs.length = 0;
  fake.state.failLoads = false;
});

describe('dossier windows', () => {
  it('print: a hidden window in the dossier session, no preload or DevTools, destroyed after the PDF', async () => {
    const pdf = await electronPrinter().print(job);
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.4 printed');
    // tagged for screen readers; no outline of Chromium's: the core writes the bookmarks
    expect(fake.state.printOptions.at(-1)).toMatchObject({ generateTaggedPDF: true, displayHeaderFooter: true });
    expect(fake.state.printOptions.at(-1)).not.toHaveProperty('generateDocumentOutline');
    const [win] = fake.state.windows;
    expect(win!.options).toMatchObject({
      show: false,
      webPreferences: { session: fake.ses, javascript: true, devTools: false, sandbox: true, contextIsolation: true },
    });
    expect(win!.options.webPreferences).not.toHaveProperty('preload');
    expect(win!.destroyed).toBe(true);
    expect(await served(win!.url)).toEqual({ status: 404, body: 'not found' });
  });

  it('a load that fails destroys its window and forgets its document', async () => {
    fake.state.failLoads = true;
    await expect(electronPrinter().print(job)).rejects.toThrow(/ERR_FAILED/);
    const host = electronDossierHost(() => null);
    await expect(host.preview!(HTML, 'Dossier')).rejects.toThrow(/ERR_FAILED/);
    expect(fake.state.windows).toHaveLength(2);
    for (const win of fake.state.windows) {
      expect(win.destroyed).toBe(true);
      expect((await served(win.url)).status).toBe(404);
    }
  });

  it('a preview serves its document for as long as it is open (a reload shows it again); a lock closes it', async () => {
    const host = electronDossierHost(() => null);
    await host.preview!(HTML, 'Dossier: case');
    const [win] = fake.state.windows;
    expect(win!.shown).toBe(true);
    expect(win!.options.webPreferences).toMatchObject({ javascript: false, devTools: false });
    expect(await served(win!.url)).toEqual({ status: 200, body: HTML });
    expect(await served(win!.url)).toEqual({ status: 200, body: HTML });
    closeOnLock();
    expect(win!.destroyed).toBe(true);
    expect((await served(win!.url)).status).toBe(404);
  });

  it('a preview the user closed is gone from memory too', async () => {
    await electronDossierHost(() => null).preview!(HTML, 'Dossier');
    const [win] = fake.state.windows;
    win!.destroy();
    expect((await served(win!.url)).status).toBe(404);
  });
});

describe('the save dialog', () => {
  it('opens on a window of its own, a child of the app window, and returns the chosen path', async () => {
    const main = new fake.FakeWindow({ show: true });
    const host = electronDossierHost(() => main as never);
    const choosing = host.chooseSavePath('Case.pdf');
    await tick();
    const [dialog] = fake.state.dialogs;
    expect(dialog!.options.defaultPath).toBe('Case.pdf');
    const holder = dialog!.parent;
    expect(holder).not.toBe(main);
    expect(holder.options).toMatchObject({
      parent: main,
      show: process.platform === 'darwin',
      webPreferences: { javascript: false, devTools: false },
    });
    dialog!.answer({ canceled: false, filePath: '/media/usb/Case.pdf' });
    expect(await choosing).toBe('/media/usb/Case.pdf');
    expect(holder.destroyed).toBe(true);
    expect(main.destroyed).toBe(false);
  });

  it('a cancelled dialog answers null', async () => {
    const choosing = electronDossierHost(() => null).chooseSavePath('Case.pdf');
    await tick();
    fake.state.dialogs[0]!.answer({ canceled: true, filePath: '' });
    expect(await choosing).toBeNull();
  });

  it('a lock destroys the dialog’s window: the dialog is answered "not saved" at once, whatever it does later', async () => {
    const main = new fake.FakeWindow({ show: true });
    const choosing = electronDossierHost(() => main as never).chooseSavePath('Case.pdf');
    await tick();
    const [dialog] = fake.state.dialogs;
    closeOnLock();
    expect(dialog!.parent.destroyed).toBe(true);
    expect(main.destroyed).toBe(false);
    expect(await choosing).toBeNull();
    // a platform whose dialog still reports a choice afterwards changes nothing
    dialog!.answer({ canceled: false, filePath: '/media/usb/Case.pdf' });
    expect(await choosing).toBeNull();
  });
});

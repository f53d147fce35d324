/**
 * electron/main.ts run against a stand-in for electron (the build box has no Electron binary): what the
 * installed app and a development run set up before the window exists, and a start that fails.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSampleArchive } from '../../../electron/core/import/sample.js';
import { SAMPLE_DIR, tempDir } from '../helpers.js';

const fake = vi.hoisted(() => {
  type Fn = (...args: never[]) => unknown;
  const state = {
    isPackaged: true,
    failLoad: null as Error | null,
    ready: null as (() => void) | null,
    events: [] as string[],
    appListeners: new Map<string, Fn>(),
    menu: undefined as MenuItemConstructorOptions[] | null | undefined,
    windows: [] as Array<{ options: { parent?: unknown; webPreferences?: Record<string, unknown> }; url: string }>,
    dialogParents: [] as unknown[],
    requestFilter: null as ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | null,
    ipc: null as ((event: { senderFrame: { url: string } | null }, method: unknown, input: unknown) => unknown) | null,
    errors: [] as string[],
    exitCodes: [] as number[],
    quits: 0,
  };
  class FakeWindow {
    url = '';
    destroyed = false;
    readonly webContents = {
      executeJavaScript: async () => 0,
      // the smallest real PDF: the core reads it back for page numbers and finishes it
      printToPDF: async () => {
        const { PDFDocument } = await import('pdf-lib');
        const doc = await PDFDocument.create();
        doc.addPage();
        return doc.save();
      },
    };
    constructor(readonly options: { parent?: unknown; webPreferences?: Record<string, unknown> }) {
      state.events.push('window');
      state.windows.push(this);
    }
    once() {
      return this;
    }
    on() {
      return this;
    }
    async loadURL(url: string) {
      this.url = url;
      if (state.failLoad) throw state.failLoad;
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
    static getFocusedWindow = () => null;
  }
  const electron = {
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
      commandLine: { appendSwitch: () => undefined },
      getPath: () => '/nonexistent-user-data',
      getVersion: () => '0.0.0-test',
      whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
      on: (event: string, listener: Fn) => void state.appListeners.set(event, listener),
      exit: (code: number) => void state.exitCodes.push(code),
      quit: () => void state.quits++,
    },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        webRequest: { onBeforeRequest: (l: typeof state.requestFilter) => void (state.requestFilter = l) },
      },
      // the dossier windows' own session
      fromPartition: () => ({
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        webRequest: { onBeforeRequest: () => undefined },
        protocol: { handle: () => undefined },
      }),
    },
    dialog: {
      showErrorBox: (title: string, message: string) => void state.errors.push(`${title}: ${message}`),
      showSaveDialog: async (parent: unknown) => {
        state.dialogParents.push(parent);
        return { canceled: true, filePath: '' };
      },
    },
    ipcMain: { handle: (_channel: string, handler: typeof state.ipc) => void (state.ipc = handler) },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[] | null) => {
        state.events.push('menu');
        state.menu = menu;
      },
    },
    BrowserWindow: FakeWindow,
  };
  return { state, electron };
});

vi.mock('electron', () => ({ default: fake.electron, ...fake.electron }));

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [
    ...(i.role ? [i.role] : []),
    ...(Array.isArray(i.submenu) ? roles(i.submenu as MenuItemConstructorOptions[]) : []),
  ]);

/** Load main.ts afresh as the installed app or a development run, with an archive ready at $AQIQAT_ARCHIVE. */
async function launch(isPackaged: boolean) {
  const dir = path.join(await tempDir(), 'archive');
  await (await createSampleArchive(dir, SAMPLE_DIR)).close();
  Object.assign(fake.state, {
    isPackaged,
    events: [],
    windows: [],
    dialogParents: [],
    menu: undefined,
    errors: [],
    exitCodes: [],
    quits: 0,
  });
  fake.state.appListeners.clear();
  vi.stubEnv('AQIQAT_ARCHIVE', dir);
  // main.ts reads process.resourcesPath at load when packaged (Electron sets it)
  Object.assign(process, { resourcesPath: path.join(dir, 'resources') });
  vi.resetModules();
  await import('../../../electron/main.js');
  fake.state.ready!();
  await vi.waitFor(() => expect(fake.state.windows.length + fake.state.errors.length).toBeGreaterThan(0));
  return dir;
}

/** Quit as the app would: before-quit closes the archive (its lock file goes with it). */
async function quit() {
  let prevented = false;
  fake.state.appListeners.get('before-quit')?.({ preventDefault: () => (prevented = true) } as never);
  if (prevented) await vi.waitFor(() => expect(fake.state.quits).toBeGreaterThan(0));
}

afterEach(async () => {
  await quit();
  fake.state.failLoad = null;
  vi.unstubAllEnvs();
});

describe('the main process', () => {
  it('installed: its own menu (no Reload, no DevTools) before the window, DevTools off, devtools:// refused', async () => {
    await launch(true);
    await vi.waitFor(() => expect(fake.state.windows[0]?.url).toBe('aqiqat://app/index.html'));
    expect(fake.state.events.indexOf('menu')).toBeLessThan(fake.state.events.indexOf('window'));
    const menuRoles = roles(fake.state.menu!);
    expect(menuRoles).toEqual(expect.arrayContaining(['undo', 'copy', 'paste', 'quit']));
    for (const bad of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu']) expect(menuRoles).not.toContain(bad);
    expect(fake.state.windows[0]!.options.webPreferences).toMatchObject({
      devTools: false,
      sandbox: true,
      contextIsolation: true,
    });
    const cancelled = (url: string) => {
      let r: { cancel: boolean } | undefined;
      fake.state.requestFilter!({ url }, (x) => (r = x));
      return r!.cancel;
    };
    expect(cancelled('aqiqat://app/index.html')).toBe(false);
    expect(cancelled('devtools://devtools/bundled/devtools_app.html')).toBe(true);
    // a page that opens DevTools anyway gets them closed
    const listeners = new Map<string, () => void>();
    let closed = 0;
    fake.state.appListeners.get('web-contents-created')!(
      {} as never,
      {
        on: (event: string, l: () => void) => listeners.set(event, l),
        setWindowOpenHandler: () => undefined,
        closeDevTools: () => closed++,
      } as never,
    );
    listeners.get('devtools-opened')!();
    expect(closed).toBe(1);
    // IPC answers the app's own page only
    expect(await fake.state.ipc!({ senderFrame: { url: 'devtools://devtools/x' } }, 'listCases', {})).toEqual({
      ok: false,
      error: 'refused: unknown sender',
    });
    expect(await fake.state.ipc!({ senderFrame: { url: 'aqiqat://app/index.html' } }, 'listCases', {})).toMatchObject({
      ok: true,
    });
  });

  it('Save PDF asks on a window of its own, a child of the app window, even when the app is not in front', async () => {
    await launch(true);
    await vi.waitFor(() => expect(fake.state.windows[0]?.url).toBe('aqiqat://app/index.html'));
    const [app] = fake.state.windows;
    const fromPage = { senderFrame: { url: 'aqiqat://app/index.html' } };
    const cases = (await fake.state.ipc!(fromPage, 'listCases', {})) as { value: Array<{ id: string }> };
    expect(await fake.state.ipc!(fromPage, 'saveDossierPdf', { caseId: cases.value[0]!.id })).toMatchObject({
      ok: true,
      value: { path: null },
    });
    const [holder] = fake.state.dialogParents as Array<(typeof fake.state.windows)[number] & { destroyed: boolean }>;
    expect(holder).not.toBe(app);
    expect(holder!.options.parent).toBe(app);
    expect(holder!.destroyed).toBe(true);
  });

  it('a development run keeps DevTools (menu and window), still without Reload', async () => {
    await launch(false);
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
    expect(roles(fake.state.menu!)).toContain('toggleDevTools');
    expect(roles(fake.state.menu!)).not.toContain('reload');
    expect(fake.state.windows[0]!.options.webPreferences).toMatchObject({ devTools: true });
  });

  it('a start that fails says so in one line and quits, closing the archive', async () => {
    fake.state.failLoad = new Error(
      'ERR_ABORTED (-3) loading aqiqat://app/index.html\n    at WebContents.loadURL (node:electron/js2c/browser_init:2:1)',
    );
    await launch(true);
    await vi.waitFor(() => expect(fake.state.quits).toBe(1));
    expect(fake.state.errors).toEqual([
      'Aqiqat cannot start: internal error: ERR_ABORTED (-3) loading aqiqat://app/index.html',
    ]);
    expect(fake.state.exitCodes).toEqual([]);
  });
});

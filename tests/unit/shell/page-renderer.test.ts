/**
 * The app's page renderer (electron/page-renderer.ts) against a stand-in for electron (the build box has no
 * Electron binary): the window it renders in, what its session lets through and serves, the capped height,
 * and that a page that fails leaves no window behind.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_HEIGHT, THUMB_HEIGHT, VIEW_WIDTH, type PageInput } from '../../../electron/core/visual/page.js';

const fake = vi.hoisted(() => {
  type Handler = (request: Request) => Response | Promise<Response>;
  type BeforeRequest = (
    details: { url: string; resourceType: string },
    callback: (r: { cancel: boolean }) => void,
  ) => void;
  const state = {
    windows: [] as FakeWindow[],
    partitions: [] as string[],
    handlers: new Map<string, Handler>(),
    beforeRequest: null as BeforeRequest | null,
    permission: null as ((wc: unknown, p: string, cb: (granted: boolean) => void) => void) | null,
    /** what the page asks for once loaded: [url, resourceType] */
    asks: [] as Array<[string, string]>,
    /** what each ask got: served body, 204, or cancelled */
    answers: [] as string[],
    contentHeight: 2000,
    failLoad: false,
  };

  const image = (w: number, h: number) => ({
    size: { width: w, height: h },
    toPNG: () => Buffer.from(`PNG ${w}x${h}`),
    toJPEG: (q: number) => Buffer.from(`JPEG ${w}x${h} q${q}`),
    crop: (r: { width: number; height: number }) => image(r.width, r.height),
  });

  class FakeWindow {
    destroyed = false;
    size: [number, number] = [0, 0];
    readonly listeners = new Map<string, Array<() => void>>();
    attached = false;
    readonly webContents = {
      loadURL: async (url: string) => {
        if (state.failLoad) throw new Error('ERR_FAILED (-2) loading ' + url);
        // the page itself, then what it asks for, through the session as Chromium would
        for (const [u, type] of [[url, 'mainFrame'] as [string, string], ...state.asks]) {
          const cancelled = await new Promise<boolean>((resolve) =>
            state.beforeRequest!({ url: u, resourceType: type }, (r) => resolve(r.cancel)),
          );
          if (cancelled) {
            state.answers.push('cancelled');
            continue;
          }
          const scheme = new URL(u).protocol.slice(0, -1);
          const handler = state.handlers.get(scheme);
          if (!handler) {
            state.answers.push(`passed ${u.slice(0, 10)}`);
            continue;
          }
          const res = await handler(new Request(u));
          state.answers.push(res.status === 204 ? '204' : `${res.status} ${await res.text()}`);
        }
      },
      debugger: {
        isAttached: () => this.attached,
        attach: () => void (this.attached = true),
        sendCommand: async (method: string) => {
          if (method !== 'Page.getLayoutMetrics') throw new Error('unexpected ' + method);
          return { cssContentSize: { width: VIEW_WIDTH, height: state.contentHeight } };
        },
      },
      once: (event: string, listener: () => void) => {
        this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      },
      invalidate: () => {
        const paint = this.listeners.get('paint') ?? [];
        this.listeners.delete('paint');
        for (const l of paint) setImmediate(l);
      },
      capturePage: async (rect: { width: number; height: number }) => image(rect.width, rect.height),
      printToPDF: async () => Buffer.from('%PDF-1.7 visual'),
    };
    constructor(readonly options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
      state.windows.push(this);
    }
    setContentSize(w: number, h: number) {
      this.size = [w, h];
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
  }

  const ses = {
    setPermissionRequestHandler: (h: typeof state.permission) => void (state.permission = h),
    setPermissionCheckHandler: () => undefined,
    webRequest: { onBeforeRequest: (l: BeforeRequest) => void (state.beforeRequest = l) },
    protocol: { handle: (scheme: string, handler: Handler) => void state.handlers.set(scheme, handler) },
  };
  const electron = {
    BrowserWindow: FakeWindow,
    session: {
      fromPartition: (p: string) => {
        state.partitions.push(p);
        return ses;
      },
    },
  };
  return { state, electron, ses };
});

vi.mock('electron', () => ({ default: fake.electron, ...fake.electron }));

const { electronPageRenderer } = await import('../../../electron/page-renderer.js');

const enc = (s: string) => new TextEncoder().encode(s);
const page: PageInput = {
  html: '<!doctype html><title>Сот</title><img src="logo.png"><p>Өскемен</p>',
  baseUrl: 'https://news.example.kz/2026/03/sot',
  resources: [{ url: 'https://news.example.kz/logo.png', contentType: 'image/png', bytes: enc('png-bytes') }],
};

beforeEach(() => {
  Object.assign(fake.state, { contentHeight: 2000, failLoad: false });
  fake.state.windows.length = 0;
  fake.state.asks.length = 0;
  fake.state.answers.length = 0;
});

describe('the app’s page renderer', () => {
  it('renders in an offscreen, sandboxed window without script or preload, in an in-memory session of its own', async () => {
    const renderer = electronPageRenderer();
    const r = await renderer.render(page);
    const [win] = fake.state.windows;
    expect(win!.options).toMatchObject({
      show: false,
      webPreferences: {
        session: fake.ses,
        javascript: false,
        offscreen: { deviceScaleFactor: 1 },
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        devTools: false,
      },
    });
    expect(win!.options.webPreferences).not.toHaveProperty('preload');
    expect(fake.state.partitions.every((p) => !p.startsWith('persist:'))).toBe(true);
    let granted: boolean | null = null;
    fake.state.permission!(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(r).toMatchObject({ width: VIEW_WIDTH, height: 2000, engine: expect.stringMatching(/^Chromium /) });
    expect(r.fullHeight).toBeUndefined();
    expect(new TextDecoder().decode(r.png)).toBe(`PNG ${VIEW_WIDTH}x2000`);
    expect(new TextDecoder().decode(r.thumb)).toBe(`JPEG ${VIEW_WIDTH}x${THUMB_HEIGHT} q60`);
    expect(new TextDecoder().decode(r.pdf)).toBe('%PDF-1.7 visual');
    // sized to the page before the capture
    expect(win!.size).toEqual([VIEW_WIDTH, 2000]);
    await renderer.close();
    expect(win!.destroyed).toBe(true);
  });

  it('serves the page and its saved resources from memory; everything else is cancelled or gets no content', async () => {
    fake.state.asks.push(
      ['https://news.example.kz/logo.png#x', 'image'],
      ['https://tracker.example/pixel.gif', 'image'],
      ['http://127.0.0.1:9/steal', 'xhr'],
      ['file:///etc/passwd', 'image'],
      ['ws://news.example.kz/live', 'webSocket'],
      ['https://elsewhere.example/away', 'mainFrame'],
      ['data:image/png;base64,AAAA', 'image'],
    );
    const renderer = electronPageRenderer();
    const r = await renderer.render(page);
    expect(fake.state.answers).toEqual([
      `200 ${page.html}`,
      '200 png-bytes',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
      '204',
      'passed data:image',
    ]);
    expect(r.served).toBe(2);
    expect(r.refused).toBe(5);
    // between renders nothing is served at all
    const cancelled = await new Promise<boolean>((resolve) =>
      fake.state.beforeRequest!({ url: page.baseUrl!, resourceType: 'mainFrame' }, (x) => resolve(x.cancel)),
    );
    expect(cancelled).toBe(true);
    expect((await fake.state.handlers.get('https')!(new Request(page.baseUrl!))).status).toBe(204);
    await renderer.close();
  });

  it('cuts a page taller than the cap and keeps its full height; reuses one window page after page', async () => {
    fake.state.contentHeight = MAX_HEIGHT + 5000;
    const renderer = electronPageRenderer();
    const [a, b] = await Promise.all([renderer.render(page), renderer.render({ ...page, baseUrl: null })]);
    expect(a).toMatchObject({ height: MAX_HEIGHT, fullHeight: MAX_HEIGHT + 5000 });
    expect(b).toMatchObject({ height: MAX_HEIGHT });
    expect(fake.state.windows).toHaveLength(1);
    await renderer.close();
  });

  it('a page that fails to load destroys its window and the next one gets a fresh window', async () => {
    const renderer = electronPageRenderer();
    fake.state.failLoad = true;
    await expect(renderer.render(page)).rejects.toThrow(/ERR_FAILED/);
    expect(fake.state.windows[0]!.destroyed).toBe(true);
    fake.state.failLoad = false;
    await renderer.render(page);
    expect(fake.state.windows).toHaveLength(2);
    expect(fake.state.windows[1]!.destroyed).toBe(false);
    await renderer.close();
  });

  it('refuses bad input before any window opens', async () => {
    const renderer = electronPageRenderer();
    await expect(renderer.render({ ...page, baseUrl: 'not a url' })).rejects.toThrow();
    expect(fake.state.windows).toHaveLength(0);
  });
});

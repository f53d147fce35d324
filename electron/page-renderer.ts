/**
 * The app's page renderer (main process): a visual copy rendered by Electron's own Chromium, as the CLI's
 * Playwright renderer does it (core/visual/chromium.ts). One offscreen window, never shown, reused page after
 * page, in an in-memory session of its own: no preload, sandboxed, JavaScript off, no permission, and every
 * request answered from the page's saved resources (core/visual/page.ts answerRequest) or cancelled. What can
 * be tested without the Electron binary lives in core/visual; tests/unit/shell/page-renderer.test.ts drives
 * this against a stand-in for electron.
 */
import { BrowserWindow, session, type Session } from 'electron';
import {
  PDF_PAGE_RANGES,
  RENDER_TIMEOUT_MS,
  THUMB_HEIGHT,
  THUMB_QUALITY,
  VIEW_HEIGHT,
  VIEW_WIDTH,
  answerRequest,
  capturedHeight,
  renderedPage,
  servingOf,
  type PageInput,
  type PageRenderer,
  type RenderedPage,
  type Serving,
} from './core/visual/page.js';
import { serial } from './core/visual/serial.js';
import { webPreferences } from './security.js';

/** No "persist:": nothing of it is written to disk. */
export const VISUAL_PARTITION = 'aqiqat-visual';

const NAVIGATION = new Set(['mainFrame', 'subFrame']);
/** How long a resized window may take to paint its next frame. */
const PAINT_WAIT_MS = 1_000;

function visualSession(current: () => Serving | null): Session {
  const ses = session.fromPartition(VISUAL_PARTITION);
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // a request not for the saved page (or after it) never reaches a handler, let alone the network
  ses.webRequest.onBeforeRequest((details, callback) => {
    const page = current();
    const answer = page ? answerRequest(page.byUrl, details.url, NAVIGATION.has(details.resourceType)) : null;
    const through = answer !== null && (answer.kind === 'pass' || /^https?:/i.test(details.url));
    if (!through || answer.kind === 'refuse') {
      if (page) page.refused++;
      return callback({ cancel: true });
    }
    callback({ cancel: false });
  });
  // http(s) in this session only: the saved resources by URL, from memory
  for (const scheme of ['http', 'https'])
    ses.protocol.handle(scheme, (request) => {
      const page = current();
      const answer = page ? answerRequest(page.byUrl, request.url, false) : null;
      if (!page || answer?.kind !== 'serve') {
        // a navigation away (webRequest let it through as such): no content, so the page that is there stays
        if (page) page.refused++;
        return new Response(null, { status: 204 });
      }
      page.served++;
      return new Response(Buffer.from(answer.bytes), {
        headers: { 'content-type': answer.contentType, 'cache-control': 'no-store' },
      });
    });
  return ses;
}

/** What Electron's debugger says of the laid-out page (the same CDP call as the Playwright renderer's). */
interface LayoutMetrics {
  cssContentSize: { height: number };
}

export function electronPageRenderer(): PageRenderer {
  let current: Serving | null = null;
  let ses: Session | null = null;
  let win: BrowserWindow | null = null;

  const windowFor = (): BrowserWindow => {
    if (win && !win.isDestroyed()) return win;
    ses ??= visualSession(() => current);
    const { preload: _none, ...prefs } = webPreferences('', { devTools: false });
    win = new BrowserWindow({
      show: false,
      width: VIEW_WIDTH,
      height: VIEW_HEIGHT,
      useContentSize: true,
      title: 'Visual copy',
      // offscreen: the window may be as tall as the page, whatever the screen; pixels at scale 1 (VIEW_WIDTH wide)
      webPreferences: { ...prefs, session: ses, javascript: false, offscreen: { deviceScaleFactor: 1 } },
    });
    return win;
  };

  const renderOne = async (input: PageInput): Promise<RenderedPage> => {
    const { base, serving } = servingOf(input);
    const w = windowFor();
    current = serving;
    let timer: NodeJS.Timeout | undefined;
    try {
      w.setContentSize(VIEW_WIDTH, VIEW_HEIGHT);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the page did not load in ${RENDER_TIMEOUT_MS / 1000} s`)),
          RENDER_TIMEOUT_MS,
        );
      });
      const contents = w.webContents;
      await Promise.race([contents.loadURL(base), timeout]);
      if (!contents.debugger.isAttached()) contents.debugger.attach('1.3');
      const metrics = (await contents.debugger.sendCommand('Page.getLayoutMetrics')) as LayoutMetrics;
      const { full, height } = capturedHeight(metrics.cssContentSize.height);
      // the window as tall as the page (capped), then one frame painted at that size before it is captured
      w.setContentSize(VIEW_WIDTH, height);
      const painted = new Promise<void>((resolve) => contents.once('paint', () => resolve()));
      contents.invalidate();
      // a page that paints nothing new (already painted at that size) is captured as it is
      await Promise.race([painted, new Promise((resolve) => setTimeout(resolve, PAINT_WAIT_MS)), timeout]);
      const image = await Promise.race([
        contents.capturePage({ x: 0, y: 0, width: VIEW_WIDTH, height }, { stayHidden: true }),
        timeout,
      ]);
      const thumb = image.crop({ x: 0, y: 0, width: VIEW_WIDTH, height: Math.min(height, THUMB_HEIGHT) });
      const pdf = await Promise.race([
        contents.printToPDF({ pageSize: 'A4', printBackground: true, pageRanges: PDF_PAGE_RANGES }),
        timeout,
      ]);
      const engine = `Chromium ${process.versions.chrome} (Electron ${process.versions.electron})`;
      return renderedPage(
        {
          png: new Uint8Array(image.toPNG()),
          pdf: new Uint8Array(pdf),
          thumb: new Uint8Array(thumb.toJPEG(THUMB_QUALITY)),
          engine,
        },
        full,
        serving,
      );
    } catch (e) {
      // a page that hung or broke the window: the next one gets a fresh window
      w.destroy();
      throw e;
    } finally {
      clearTimeout(timer);
      current = null;
    }
  };

  const renders = serial(renderOne);
  return {
    render(input) {
      // one at a time: the session serves the one page being rendered
      return renders.run(input);
    },
    async close() {
      await renders.idle();
      if (win && !win.isDestroyed()) win.destroy();
      win = null;
    },
  };
}

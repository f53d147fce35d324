/**
 * The page renderer of the CLI and the tests: Playwright's Chromium, started as the dossier's printer is
 * (dossier/pdf.ts: temp profile, no host resolves, only the environment Chromium needs), with JavaScript
 * and service workers off. Every request is answered from the page's saved resources or aborted.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { rm } from 'node:fs/promises';
import { launchChromium } from '../dossier/pdf.js';
import { serial } from './serial.js';
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
} from './page.js';

/** `onStage`: how long each step of a render took (the bench's breakdown). */
export type StageTimer = (stage: string, ms: number) => void;

interface Tab {
  page: Page;
  cdp: CDPSession;
}

/**
 * One browser, one context and one tab for every page: opening and closing a tab per page was a third of a
 * render. Renders run one at a time; a render that fails closes the tab, and the next one opens a fresh one.
 */
export function chromiumPageRenderer(env: NodeJS.ProcessEnv = process.env, onStage?: StageTimer): PageRenderer {
  let started: Promise<{ context: BrowserContext; profile: string }> | null = null;
  let tab: Promise<Tab> | null = null;
  let current: Serving | null = null;
  const start = () =>
    launchChromium(env, {
      javaScriptEnabled: false,
      serviceWorkers: 'block',
      viewport: { width: VIEW_WIDTH, height: VIEW_HEIGHT },
      deviceScaleFactor: 1,
      acceptDownloads: false,
      bypassCSP: false,
    });
  const openTab = async (): Promise<Tab> => {
    started ??= start();
    const { context } = await started;
    const page = await context.newPage();
    page.setDefaultTimeout(RENDER_TIMEOUT_MS);
    // routing also turns the browser's cache off: a page is never shown with another capture's resources
    await page.route('**', (route) => {
      const request = route.request();
      const answer = current
        ? answerRequest(current.byUrl, request.url(), request.isNavigationRequest())
        : ({ kind: 'refuse' } as const);
      if (answer.kind === 'serve') {
        current!.served++;
        return route.fulfill({ status: 200, contentType: answer.contentType, body: Buffer.from(answer.bytes) });
      }
      if (answer.kind === 'pass') return route.continue();
      if (current) current.refused++;
      if (answer.kind === 'empty') return route.fulfill({ status: 204 });
      return route.abort('blockedbyclient');
    });
    return { page, cdp: await context.newCDPSession(page) };
  };
  const renderOne = async (input: PageInput): Promise<RenderedPage> => {
    const { base, serving } = servingOf(input);
    const stage = stageClock(onStage);
    tab ??= openTab();
    const opened = tab;
    try {
      const { page, cdp } = await opened;
      stage('open');
      current = serving;
      return await renderIn(page, cdp, base, serving, stage);
    } catch (e) {
      if (tab === opened) tab = null;
      await opened.then((t) => t.page.close()).catch(() => undefined);
      throw e;
    } finally {
      current = null;
    }
  };
  const renders = serial(renderOne);
  return {
    render(input) {
      return renders.run(input);
    },
    async close() {
      await renders.idle();
      tab = null;
      const s = started && (await started.catch(() => null));
      started = null;
      if (!s) return;
      await s.context.close();
      await rm(s.profile, { recursive: true, force: true });
    },
  };
}

/** Marks the end of a step: the time since the last mark goes to `onStage`. */
function stageClock(onStage: StageTimer | undefined): (stage: string) => void {
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    onStage?.(stage, now - last);
    last = now;
  };
}

async function renderIn(
  page: Page,
  cdp: CDPSession,
  base: string,
  serving: Serving,
  stage: (stage: string) => void,
): Promise<RenderedPage> {
  await page.goto(base, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
  stage('load');
  const metrics = (await cdp.send('Page.getLayoutMetrics')) as { cssContentSize: { height: number } };
  const { full, height } = capturedHeight(metrics.cssContentSize.height);
  const clip = (h: number) => ({ x: 0, y: 0, width: VIEW_WIDTH, height: h });
  stage('measure');
  const png = await page.screenshot({ type: 'png', fullPage: true, clip: clip(height), timeout: RENDER_TIMEOUT_MS });
  stage('png');
  const thumb = await page.screenshot({
    type: 'jpeg',
    quality: THUMB_QUALITY,
    fullPage: true,
    clip: clip(Math.min(height, THUMB_HEIGHT)),
    timeout: RENDER_TIMEOUT_MS,
  });
  stage('thumb');
  const pdf = await page.pdf({ format: 'A4', printBackground: true, pageRanges: PDF_PAGE_RANGES });
  stage('pdf');
  const { product } = (await cdp.send('Browser.getVersion')) as { product: string };
  const engine = product.replace(/^(HeadlessChrome|Chrome)\//, 'Chromium ');
  return renderedPage(
    { png: new Uint8Array(png), pdf: new Uint8Array(pdf), thumb: new Uint8Array(thumb), engine },
    full,
    serving,
  );
}

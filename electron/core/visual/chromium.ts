/**
 * The page renderer of the CLI and the tests: Playwright's Chromium, started as the dossier's printer is
 * (dossier/pdf.ts: temp profile, no host resolves, only the environment Chromium needs), with JavaScript
 * and service workers off. Every request is answered from the page's saved resources or aborted.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { rm } from 'node:fs/promises';
import { launchChromium } from '../dossier/pdf.js';
import {
  MAX_HEIGHT,
  MAX_PDF_PAGES,
  PageInputSchema,
  RENDER_TIMEOUT_MS,
  VIEW_HEIGHT,
  VIEW_WIDTH,
  resourceMap,
  withoutHash,
  type PageRenderer,
  type RenderedPage,
} from './page.js';

/** The thumbnail: the top of the page, at most this tall (the dossier shows it small). */
const THUMB_HEIGHT = 1600;

export function chromiumPageRenderer(env: NodeJS.ProcessEnv = process.env): PageRenderer {
  let started: Promise<{ context: BrowserContext; profile: string }> | null = null;
  const start = () =>
    launchChromium(env, {
      javaScriptEnabled: false,
      serviceWorkers: 'block',
      viewport: { width: VIEW_WIDTH, height: VIEW_HEIGHT },
      deviceScaleFactor: 1,
      acceptDownloads: false,
      bypassCSP: false,
    });
  return {
    async render(input) {
      const pageInput = PageInputSchema.parse(input);
      started ??= start();
      const { context } = await started;
      const page = await context.newPage();
      try {
        return await renderIn(page, await context.newCDPSession(page), pageInput);
      } finally {
        await page.close();
      }
    },
    async close() {
      const s = started && (await started.catch(() => null));
      started = null;
      if (!s) return;
      await s.context.close();
      await rm(s.profile, { recursive: true, force: true });
    },
  };
}

async function renderIn(
  page: Page,
  cdp: CDPSession,
  input: ReturnType<typeof PageInputSchema.parse>,
): Promise<RenderedPage> {
  const { base, byUrl } = resourceMap(input);
  let served = 0;
  let refused = 0;
  await page.route('**', (route) => {
    const url = route.request().url();
    const found = byUrl.get(withoutHash(url));
    if (found) {
      served++;
      return route.fulfill({ status: 200, contentType: found.contentType, body: Buffer.from(found.bytes) });
    }
    if (url.startsWith('data:')) return route.continue();
    refused++;
    // a navigation away (meta refresh, a frame's link): 204 keeps the page that is there, an abort would show an error page
    if (route.request().isNavigationRequest()) return route.fulfill({ status: 204 });
    return route.abort('blockedbyclient');
  });
  page.setDefaultTimeout(RENDER_TIMEOUT_MS);
  await page.goto(base, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
  const metrics = (await cdp.send('Page.getLayoutMetrics')) as { cssContentSize: { height: number } };
  const full = Math.max(1, Math.ceil(metrics.cssContentSize.height));
  const height = Math.min(full, MAX_HEIGHT);
  const clip = (h: number) => ({ x: 0, y: 0, width: VIEW_WIDTH, height: h });
  const png = await page.screenshot({ type: 'png', fullPage: true, clip: clip(height), timeout: RENDER_TIMEOUT_MS });
  const thumb = await page.screenshot({
    type: 'jpeg',
    quality: 60,
    fullPage: true,
    clip: clip(Math.min(height, THUMB_HEIGHT)),
    timeout: RENDER_TIMEOUT_MS,
  });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, pageRanges: `1-${MAX_PDF_PAGES}` });
  const { product } = (await cdp.send('Browser.getVersion')) as { product: string };
  return {
    png: new Uint8Array(png),
    pdf: new Uint8Array(pdf),
    thumb: new Uint8Array(thumb),
    width: VIEW_WIDTH,
    height,
    ...(full > MAX_HEIGHT ? { fullHeight: full } : {}),
    served,
    refused,
    engine: product.replace(/^(HeadlessChrome|Chrome)\//, 'Chromium '),
  };
}

/**
 * HTML → PDF through a Printer (DESIGN §4). The CLI and tests print with Chromium through
 * playwright-core; the app passes its own (Electron's webContents.printToPDF, electron/dossier-printer.ts).
 * Offline by construction: every request but data: is aborted, and the browser resolves no host.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { AqiqatError } from '../errors.js';
import type { Paper } from './types.js';

export interface PrintJob {
  html: string;
  footerTemplate: string;
  paper: Paper;
}

export interface Printer {
  print(job: PrintJob): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Chromium's page.pdf/printToPDF options shared by both printers. */
export function pdfOptions(job: PrintJob) {
  return {
    format: job.paper === 'letter' ? 'Letter' : 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: job.footerTemplate,
  } as const;
}

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** $CHROMIUM_PATH, else a system Chromium/Chrome, else Playwright's own download; else a clear error. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new AqiqatError(`CHROMIUM_PATH is ${fromEnv}, which does not exist`, 'usage');
    return fromEnv;
  }
  const system = CANDIDATES.find((p) => existsSync(p));
  if (system) return system;
  const { chromium } = await loadPlaywright();
  const own = chromium.executablePath();
  if (own && existsSync(own)) return own;
  throw new AqiqatError('printing a PDF needs Chromium: install it (Debian/Ubuntu: apt-get install chromium fonts-liberation) or set CHROMIUM_PATH; --format html works without it');
}

async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch {
    throw new AqiqatError('printing a PDF needs the npm package playwright-core: run `npm install` in the Aqiqat folder');
  }
}

const LAUNCH_ARGS = ['--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost'];

/** A Chromium printer; the browser starts on the first job and is reused until close(). */
export function chromiumPrinter(env: NodeJS.ProcessEnv = process.env): Printer {
  let browser: Promise<Browser> | null = null;
  const start = async () => {
    const { chromium } = await loadPlaywright();
    const executablePath = await findChromium(env);
    try {
      return await chromium.launch({ executablePath, args: LAUNCH_ARGS });
    } catch (e) {
      throw new AqiqatError(`Chromium (${executablePath}) did not start: ${(e as Error).message.split('\n')[0]}`);
    }
  };
  return {
    async print(job) {
      browser ??= start();
      const page = await (await browser).newPage();
      try {
        await page.route('**', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
        await page.setContent(job.html, { waitUntil: 'load' });
        const failed = await page.evaluate(async () => {
          await document.fonts.ready;
          return [...document.fonts].filter((f) => f.status === 'error').length;
        });
        // a font that did not load would print in a fallback face (or blank): refuse instead
        if (failed > 0) throw new AqiqatError(`${failed} embedded dossier font(s) failed to load in Chromium; is a system font package (fonts-liberation) installed?`);
        return await page.pdf(pdfOptions(job));
      } finally {
        await page.close();
      }
    },
    async close() {
      if (browser) await (await browser.catch(() => null))?.close();
      browser = null;
    },
  };
}

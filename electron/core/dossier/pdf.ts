/**
 * HTML → PDF through a Printer. The CLI and tests print with Chromium through
 * playwright-core; the app passes its own (Electron's webContents.printToPDF, electron/dossier-printer.ts).
 * Offline by construction: every request but data: is aborted, and the browser resolves no host.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
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
    // structure tags for screen readers; the bookmarks are ours (finish.ts), from the same headings
    tagged: true,
  } as const;
}

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** $CHROMIUM_PATH, else a system Chromium/Chrome, else Playwright's own download; else a clear error. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new AqiqatError('dossier.chromium-path-missing', { path: fromEnv }, 'usage');
    return fromEnv;
  }
  const system = CANDIDATES.find((p) => existsSync(p));
  if (system) return system;
  const { chromium } = await loadPlaywright();
  const own = chromium.executablePath();
  if (own && existsSync(own)) return own;
  throw new AqiqatError('dossier.no-chromium', {});
}

async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch {
    throw new AqiqatError('dossier.no-playwright', {});
  }
}

const LAUNCH_ARGS = ['--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost'];

/** What Chromium needs to start and find fonts; nothing else of ours (AQIQAT_PASSPHRASE above all) reaches its processes. */
const BROWSER_ENV =
  /^(?:PATH|HOME|USER|LOGNAME|LANG|LANGUAGE|LC_\w+|TZ|TMPDIR|TMP|TEMP|DISPLAY|WAYLAND_DISPLAY|XDG_\w+|FONTCONFIG_\w+|SYSTEMROOT|SYSTEMDRIVE|WINDIR|COMSPEC|PATHEXT|LOCALAPPDATA|APPDATA|USERPROFILE|PROGRAMDATA|PROGRAMFILES|PROGRAMFILES\(X86\)|COMMONPROGRAMFILES)$/i;

export function browserEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => BROWSER_ENV.test(e[0]) && e[1] !== undefined),
  );
}

/** Profiles live in <tmp>/aqiqat-chromium-<pid>-*: one left by a killed run (its process gone) is removed by the next. */
const PROFILE = /^aqiqat-chromium-(\d+)-/;

async function sweepProfiles(tmp: string): Promise<void> {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  const names = await readdir(tmp).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => PROFILE.test(n) && !alive(Number(PROFILE.exec(n)![1])))
      .map((n) => rm(path.join(tmp, n), { recursive: true, force: true }).catch(() => undefined)),
  );
}

/**
 * Chromium from findChromium in a fresh temp profile, offline (LAUNCH_ARGS), with only BROWSER_ENV;
 * `options` are Playwright's context options (the page renderer turns JavaScript off).
 */
export async function launchChromium(
  env: NodeJS.ProcessEnv,
  options: Parameters<(typeof import('playwright-core'))['chromium']['launchPersistentContext']>[1] = {},
): Promise<{ context: BrowserContext; profile: string }> {
  const { chromium } = await loadPlaywright();
  const executablePath = await findChromium(env);
  const tmp = os.tmpdir();
  await sweepProfiles(tmp);
  const profile = await mkdtemp(path.join(tmp, `aqiqat-chromium-${process.pid}-`));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      ...options,
      executablePath,
      args: LAUNCH_ARGS,
      env: browserEnv(env),
      headless: true,
    });
    return { context, profile };
  } catch (e) {
    await rm(profile, { recursive: true, force: true });
    throw new AqiqatError('dossier.chromium-failed', {
      path: executablePath,
      reason: (e as Error).message.split('\n')[0]!,
    });
  }
}

/** A Chromium printer; the browser starts on the first job and is reused until close(). */
export function chromiumPrinter(env: NodeJS.ProcessEnv = process.env): Printer {
  let browser: Promise<BrowserContext> | null = null;
  let profile: string | null = null;
  const start = async () => {
    const launched = await launchChromium(env);
    profile = launched.profile;
    return launched.context;
  };
  return {
    async print(job) {
      browser ??= start();
      const page = await (await browser).newPage();
      try {
        await page.route('**', (route) =>
          route.request().url().startsWith('data:') ? route.continue() : route.abort(),
        );
        await page.setContent(job.html, { waitUntil: 'load' });
        const failed = await page.evaluate(async () => {
          await document.fonts.ready;
          return [...document.fonts].filter((f) => f.status === 'error').length;
        });
        // a font that did not load would print in a fallback face (or blank): refuse instead
        if (failed > 0) throw new AqiqatError('dossier.fonts-failed-chromium', { n: failed });
        return await page.pdf(pdfOptions(job));
      } finally {
        await page.close();
      }
    },
    async close() {
      if (browser) await (await browser.catch(() => null))?.close();
      browser = null;
      if (profile) await rm(profile, { recursive: true, force: true });
      profile = null;
    },
  };
}

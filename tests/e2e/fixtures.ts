/**
 * `app`: the built renderer in Chromium, its `window.aqiqat` bound to the real core on a fresh temp archive
 * (empty, or the sample with `test.use({ archiveKind: 'sample' })`). A click goes all the way to the
 * archive's files and back.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Archive } from '../../electron/core/archive.js';
import { createSampleArchive } from '../../electron/core/import/sample.js';
import { bindArchive } from './binding.js';
import { ArchiveSession } from '../../electron/session.js';
import { chromiumPrinter } from '../../electron/core/dossier/pdf.js';
import { chromiumPageRenderer } from '../../electron/core/visual/chromium.js';
import type { DossierHost } from '../../electron/core/dossier/host.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { APP_URL, serveRenderer } from './serve.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const SAMPLE_DIR = path.join(REPO, 'data/sample');
const RENDERER_DIR = path.join(REPO, 'dist/renderer');

export interface App {
  page: Page;
  /** the archive the test started with (not for the 'encrypted' kind: it starts locked; use `session`) */
  archive: Archive;
  /** the app's hold on the archive, as main.ts has it: open or locked */
  session: ArchiveSession;
  /** move the session's clock on (the idle lock), without waiting */
  advanceClock: (ms: number) => void;
  /** requests that tried to leave the app (aborted) */
  leaked: string[];
  /** console errors and warnings, uncaught exceptions — a CSP violation shows up here */
  problems: string[];
  /** a screenshot to look at (not compared): test-results/screens/<name>.png */
  screenshot: (name: string) => Promise<void>;
  /** PDFs the app saved (the dossier host's save dialog answers with <tmp>/saved/<suggested name>) */
  saved: string[];
}

/** Articles in the 'many' archive: enough that a list without windowing would be visibly slow. */
export const MANY = 1500;

/** 'many': MANY small articles, one per day back from 2024-12-31, titled "Мақала N" (N = 1 is newest). */
async function createManyArchive(dir: string): Promise<Archive> {
  const archive = await Archive.create(dir);
  await archive.batch(async () => {
    for (let n = 1; n <= MANY; n++) {
      const day = new Date(Date.UTC(2024, 11, 32 - n)).toISOString().slice(0, 10);
      const bytes = new TextEncoder().encode(`Мақала ${n}\nҚысқа мәтін, нөмірі ${n}.\n`);
      await archive.importArticle({ name: `article-${n}.txt`, bytes, publishedAt: day });
    }
  });
  return archive;
}

/** The passphrase of the 'encrypted' archive (Kazakh letters: NFC-normalised on both sides). */
export const PASSPHRASE = 'тау басында жел соғады';

const CREATE = {
  empty: (dir: string) => Archive.create(dir),
  sample: (dir: string) => createSampleArchive(dir, SAMPLE_DIR),
  many: createManyArchive,
  /** the sample, encrypted with PASSPHRASE: the app starts at the lock screen, as main.ts would */
  encrypted: (dir: string) => createSampleArchive(dir, SAMPLE_DIR, { encrypt: true, passphrase: PASSPHRASE }),
  /** the sample opened twice (so backups/ has a snapshot); the fixture then breaks archive.json as DAMAGE */
  damaged: async (dir: string) => {
    await (await createSampleArchive(dir, SAMPLE_DIR)).close();
    return Archive.open(dir);
  },
} as const;

/** What the 'damaged' archive's archive.json holds: cut short, as by a bad disk or a careless hand. */
export const DAMAGE = '{"schemaVersion":1,"createdAt":"2024-';

/**
 * The app in `page` on a fresh temp archive of `kind`; what `close` undoes. One function, so that a test
 * can run a second app beside the first (`appB`: two archives, as two colleagues have).
 */
async function startApp(
  page: Page,
  kind: keyof typeof CREATE,
  fakePageClock: boolean,
  outputDir: string,
  visualCopies = false,
): Promise<{ app: App; close: () => Promise<void> }> {
  await access(path.join(RENDERER_DIR, 'index.html')).catch(() => {
    throw new Error('dist/renderer is missing: run `npx vite build --config build/vite.config.ts` first');
  });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'aqiqat-e2e-'));
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const c of closers) await c();
    await rm(tmp, { recursive: true, force: true });
  };
  try {
    const dir = path.join(tmp, 'archive');
    const archive = await CREATE[kind](dir);
    let skew = 0;
    const now = () => Date.now() + skew;
    let session: ArchiveSession;
    if (kind === 'encrypted' || kind === 'damaged') {
      await archive.close();
      if (kind === 'damaged') await writeFile(path.join(dir, 'archive.json'), DAMAGE);
      session = await ArchiveSession.start(dir, SAMPLE_DIR, now);
    } else {
      session = ArchiveSession.of(archive, now);
    }
    closers.push(() => session.close());
    const { version } = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string };

    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));

    // the app's dossier host: Chromium prints (started on first use), the "save dialog" picks tmp/saved/
    const saved: string[] = [];
    const printer = chromiumPrinter();
    const dossierHost: DossierHost = {
      printer,
      async chooseSavePath(name) {
        const file = path.join(tmp, 'saved', name);
        await mkdir(path.dirname(file), { recursive: true });
        saved.push(file);
        return file;
      },
    };
    closers.push(() => printer.close());
    const pageRenderer = visualCopies ? chromiumPageRenderer() : undefined;
    if (pageRenderer) closers.push(() => pageRenderer.close());
    await bindArchive(page, session, version, dossierHost, pageRenderer);
    const leaked = await serveRenderer(page, RENDERER_DIR);
    if (fakePageClock) await page.clock.install();
    await page.goto(APP_URL);
    // the app mounts once the session has answered (open, locked or damaged): keys pressed before would be lost
    await page.locator('nav.sidebar, main.lock-screen').first().waitFor();
    // Fonts first, so screenshots show Noto Sans rather than a fallback caught mid-swap.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));

    const screenshot = async (name: string) => {
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.screenshot({ path: path.join(outputDir, 'screens', `${name}.png`) });
    };
    const advanceClock = (ms: number) => void (skew += ms);
    return { app: { page, archive, session, advanceClock, leaked, problems, screenshot, saved }, close };
  } catch (e) {
    await close();
    throw e;
  }
}

export const test = base.extend<{
  archiveKind: keyof typeof CREATE;
  fakePageClock: boolean;
  visualCopies: boolean;
  app: App;
  /** a second app on its own empty archive, in its own browser context: a colleague's laptop */
  appB: App;
}>({
  archiveKind: ['empty', { option: true }],
  /** the page's timers and Date under page.clock (installed before the app loads): fastForward instead of waiting */
  fakePageClock: [false, { option: true }],
  /** saved pages imported in the app get a visual copy (the Playwright renderer, standing in for the shell's Electron one) */
  visualCopies: [false, { option: true }],
  app: async ({ page, archiveKind, fakePageClock, visualCopies }, use, testInfo) => {
    const { app, close } = await startApp(page, archiveKind, fakePageClock, testInfo.project.outputDir, visualCopies);
    try {
      await use(app);
    } finally {
      await close();
    }
  },
  appB: async ({ browser }, use, testInfo) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const { app, close } = await startApp(page, 'empty', false, testInfo.project.outputDir);
    try {
      await use(app);
    } finally {
      await close();
      await context.close();
    }
  },
});

/** Nothing left the app, and the page ran clean under its CSP. */
export function expectSealed(app: App): void {
  expect(app.leaked, 'requests that tried to leave the app').toEqual([]);
  expect(app.problems, 'console errors, warnings and uncaught exceptions').toEqual([]);
}

export { expect };

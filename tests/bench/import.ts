/**
 * `import` part: 1,000 files imported through the real batch path (collectFiles → archive.importFiles, the
 * CLI's and app's pipeline) into a fresh archive, each run in a fresh process for its peak RSS.
 * The target: 1,000 .txt/.html files under 10 s. A second corpus mixes in .md, .docx and .pdf. Then 100 web
 * captures (.wacz made by tests/unit/wacz-fixture.ts: a page, its image and style, signed) beside the same
 * 100 pages saved as plain .html, the baseline.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Archive } from '../../electron/core/archive.js';
import { collectFiles, type BatchSummary } from '../../electron/core/import/batch.js';
import { makeDocx, makePdf } from '../unit/core/import/fixtures.js';
import { makeWacz } from '../unit/wacz-fixture.js';
import { chromiumPageRenderer } from '../../electron/core/visual/chromium.js';
import type { PageRenderer } from '../../electron/core/visual/page.js';
import {
  fmtMs,
  markdownTable,
  met,
  partReport,
  peakRssMB,
  percentile,
  ratio,
  runChild,
  timed,
  type BenchContext,
  type BenchPart,
} from './harness.js';

const TARGET_MS = 10_000;
/** The visual copy of one page, with Chromium already started. */
const VISUAL_TARGET_MS = 2_000;

interface RunResult {
  files: number;
  ms: number;
  /** process CPU (user + system): what the import itself costs, apart from waiting on a shared machine */
  cpuMs: number;
  summary: BatchSummary;
  maxRssMB: number;
  byExt: Record<string, number>;
  /** with visual copies: ms of each page's render, and the renderer's stages summed */
  renders?: number[];
  stages?: Record<string, number>;
}

const WORDS = [
  'Мұхтар',
  'Жәкішев',
  'Өскемен',
  'сот',
  'адвокат',
  'шағым',
  'қамау',
  'бостандық',
  'Тәуелсіздік',
  'монументі',
  'наразылық',
  'үкім',
  'колония',
  'суд',
  'освобождение',
];

/** ~3 KB of article text, different for every n (deterministic: no two files share a text). */
function article(n: number): string[] {
  const paragraphs: string[] = [];
  for (let p = 0; p < 6; p++) {
    const words: string[] = [];
    for (let w = 0; w < 60; w++) words.push(WORDS[(n * 31 + p * 7 + w * w) % WORDS.length]!);
    paragraphs.push(`${n}.${p}: ${words.join(' ')}.`);
  }
  return paragraphs;
}

/** The text layer of article n as a PDF (Latin: the standard Helvetica has no Cyrillic). */
function pdfLines(n: number): string[] {
  return Array.from({ length: 30 }, (_, i) => `Article ${n} line ${i}: court hearing, appeal, detention, release`);
}

function html(n: number): string {
  const ps = article(n);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Мақала ${n} — Example</title><meta property="og:title" content="Мақала ${n}"><meta property="article:published_time" content="2021-05-${String((n % 28) + 1).padStart(2, '0')}T10:00:00+06:00"><script>var tracking=${n};</script><style>body{}</style></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="ad">Реклама</div><article><h1>Мақала ${n}</h1>${ps.map((p) => `<p>${p}</p>`).join('')}</article><footer>© Example</footer></body></html>`;
}

type Mix = 'txt-html' | 'mixed';

async function makeCorpus(dir: string, mix: Mix, files: number): Promise<void> {
  const kinds = mix === 'txt-html' ? ['txt', 'html'] : ['txt', 'html', 'md', 'htm', 'docx', 'pdf'];
  for (let n = 0; n < files; n++) {
    const kind = kinds[n % kinds.length]!;
    const sub = path.join(dir, `d${n % 10}`);
    if (n < 10) await mkdir(sub, { recursive: true });
    const file = path.join(sub, `a${n}.${kind}`);
    if (kind === 'html' || kind === 'htm') await writeFile(file, html(n));
    else if (kind === 'docx')
      await writeFile(file, await makeDocx([`Мақала ${n}`, ...article(n)].map((text) => ({ text }))));
    else if (kind === 'pdf') await writeFile(file, makePdf(pdfLines(n)));
    else await writeFile(file, `Мақала ${n}\n\n${article(n).join('\n\n')}\n`);
  }
}

async function measure(ctx: BenchContext, mix: Mix): Promise<RunResult> {
  const corpus = path.join(ctx.tmp, `import-${mix}`);
  await makeCorpus(corpus, mix, ctx.importFiles);
  ctx.log(`import: ${ctx.importFiles} ${mix} files written; importing in a fresh process`);
  const { result } = await runChild<RunResult>('import', 'run', [corpus, path.join(ctx.tmp, `import-archive-${mix}`)]);
  ctx.log(
    `import: ${mix}: ${fmtMs(result.ms)} ms (CPU ${fmtMs(result.cpuMs)} ms), ${(result.files / (result.ms / 1000)).toFixed(0)} files/s, peak RSS ${result.maxRssMB.toFixed(0)} MB`,
  );
  return result;
}

type CaptureKind = 'wacz' | 'html';

/** Capture n as a WACZ (the page, a 20 KB image, a stylesheet; signed), or its page alone as .html. */
async function makeCaptures(dir: string, kind: CaptureKind, captures: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const image = new Uint8Array(20_000).map((_, i) => (i * 131) & 0xff);
  for (let n = 0; n < captures; n++) {
    const page = html(n);
    if (kind === 'html') {
      await writeFile(path.join(dir, `c${n}.html`), page);
      continue;
    }
    const base = `https://news.example.kz/2021/05/${n}`;
    const wacz = await makeWacz(
      [
        { url: base, body: page, date: `2021-05-${String((n % 28) + 1).padStart(2, '0')}T10:00:00Z` },
        { url: `${base}/photo.jpg`, contentType: 'image/jpeg', body: image },
        { url: 'https://news.example.kz/site.css', contentType: 'text/css', body: 'body{font:16px serif}' },
      ],
      { sign: true, pages: [base] },
    );
    await writeFile(path.join(dir, `c${n}.wacz`), wacz);
  }
}

async function measureCaptures(ctx: BenchContext, kind: CaptureKind, visual = false): Promise<RunResult> {
  const corpus = path.join(ctx.tmp, `captures-${kind}`);
  if (!visual) await makeCaptures(corpus, kind, ctx.captures);
  const { result } = await runChild<RunResult>('import', visual ? 'visual' : 'run', [
    corpus,
    path.join(ctx.tmp, `captures-archive-${kind}${visual ? '-visual' : ''}`),
  ]);
  ctx.log(
    `import: ${ctx.captures} ${kind} captures${visual ? ' with visual copies' : ''}: ${fmtMs(result.ms)} ms, ${(result.files / (result.ms / 1000)).toFixed(1)} pages/s, peak RSS ${result.maxRssMB.toFixed(0)} MB`,
  );
  return result;
}

async function captureReport(ctx: BenchContext): Promise<{ report: string; data: Record<string, RunResult> }> {
  const data = {
    wacz: await measureCaptures(ctx, 'wacz'),
    html: await measureCaptures(ctx, 'html'),
    visual: await measureCaptures(ctx, 'wacz', true),
  };
  const rows = (Object.entries(data) as Array<[keyof typeof data, RunResult]>).map(([kind, r]) => [
    {
      wacz: '.wacz (page + image + style, signed), --no-visual',
      html: '.html (the same pages, baseline)',
      visual: '.wacz with its visual copy (PNG, PDF, thumbnail)',
    }[kind],
    String(r.files),
    fmtMs(r.ms),
    fmtMs(r.cpuMs),
    (r.files / (r.ms / 1000)).toFixed(1),
    r.maxRssMB.toFixed(0),
    `${r.summary.imported} / ${r.summary.failed}`,
  ]);
  const renders = data.visual.renders ?? [];
  const mean = renders.reduce((a, b) => a + b, 0) / Math.max(1, renders.length);
  const p95 = percentile(renders, 95);
  const perPage = (r: RunResult) => r.ms / Math.max(1, r.files);
  const stages = data.visual.stages ?? {};
  const visualTable = markdownTable(
    [
      'pages rendered',
      'render mean ms',
      'render p95 ms',
      'import/page with copy ms',
      'import/page --no-visual ms',
      'ratio',
    ],
    [
      [
        String(renders.length),
        fmtMs(mean),
        fmtMs(p95),
        fmtMs(perPage(data.visual)),
        fmtMs(perPage(data.wacz)),
        ratio(perPage(data.visual), perPage(data.wacz)),
      ],
    ],
  );
  const report = partReport(
    `### import of ${ctx.captures} web captures (WACZ made in the bench) beside the same pages as .html, and their visual copies`,
    markdownTable(['corpus', 'pages', 'wall ms', 'CPU ms', 'pages/s', 'peak RSS MB', 'imported / failed'], rows),
    '- Each WACZ is read in the parser thread: the ZIP by the guarded reader, its gzipped WARC unpacked, every record parsed by warcio, datapackage.json hashed and its signature checked, then the page through the HTML path.',
    `#### the visual copy per page, Chromium warm (one browser and context for all pages; its start is not counted)

${visualTable}`,
    `- Target: under ${VISUAL_TARGET_MS / 1000} s a page: ${met(p95 < VISUAL_TARGET_MS)} (p95 ${(p95 / 1000).toFixed(2)} s, mean ${(mean / 1000).toFixed(2)} s). A render loads the page in the one tab (opened by the warm-up page), offline from its captured resources, measures it, takes the full-page PNG and the JPEG thumbnail and prints the PDF; the import a page with its copy adds reading the WACZ again for those resources and hashing and writing the three files. Mean ms by stage: ${Object.entries(
      stages,
    )
      .map(([k, v]) => `${k} ${fmtMs(v / Math.max(1, renders.length))}`)
      .join(', ')}.`,
  );
  return { report, data };
}

/** The renderer the CLI uses, timed page by page and (through its stage hook) step by step. */
function timedRenderer(renders: number[], stages: Record<string, number>): PageRenderer {
  const inner = chromiumPageRenderer(process.env, (stage, ms) => (stages[stage] = (stages[stage] ?? 0) + ms));
  return {
    async render(page) {
      const t = performance.now();
      try {
        return await inner.render(page);
      } finally {
        renders.push(performance.now() - t);
      }
    },
    close: () => inner.close(),
  };
}

export const importPart: BenchPart = {
  name: 'import',
  description:
    'import 1,000 files (--files N; a .txt/.html corpus and a mixed one with .md/.docx/.pdf), then 100 .wacz captures (--captures N) beside the same pages as .html, and their visual copies: files/s, peak RSS, ms a page',
  async run(ctx) {
    const results = { 'txt-html': await measure(ctx, 'txt-html'), mixed: await measure(ctx, 'mixed') };
    const rows = Object.entries(results).map(([mix, r]) => [
      mix === 'txt-html' ? '.txt + .html' : '.txt .html .md .htm .docx .pdf',
      String(r.files),
      fmtMs(r.ms),
      fmtMs(r.cpuMs),
      (r.files / (r.ms / 1000)).toFixed(0),
      r.maxRssMB.toFixed(0),
      `${r.summary.imported} / ${r.summary.failed}`,
    ]);
    const t = results['txt-html'];
    const report = partReport(
      `### import (${ctx.importFiles.toLocaleString('en-US')} files through collectFiles → archive.importFiles, fresh process each)`,
      markdownTable(['corpus', 'files', 'wall ms', 'CPU ms', 'files/s', 'peak RSS MB', 'imported / failed'], rows),
      `- Target: 1,000 .txt/.html files under ${TARGET_MS / 1000} s: ${ctx.importFiles < 1_000 ? `not checked at ${ctx.importFiles} files` : t.ms < TARGET_MS ? 'met' : 'NOT met'} (${(t.ms / 1000).toFixed(1)} s).\n` +
        '- Wall time includes loading the parsers on first use, writing sources/ and texts/ with fsync, and one metadata write per 200 files. Files are ~3 KB of Kazakh/Russian text; HTML pages carry navigation, an ad, a script and Open Graph metadata.',
    );
    const captures = await captureReport(ctx);
    return { report: `${report}\n\n${captures.report}`, data: { ...results, captures: captures.data } };
  },
  child: {
    run: ([corpus, archiveDir]) => importChild(corpus!, archiveDir!),
    // the same import, each page also rendered: Chromium started on a page of its own first, so every page is timed warm
    async visual([corpus, archiveDir]) {
      const renders: number[] = [];
      const stages: Record<string, number> = {};
      const renderer = timedRenderer(renders, stages);
      try {
        await renderer.render({ html: '<!doctype html><title>warm</title><p>warm', baseUrl: null, resources: [] });
        renders.length = 0;
        for (const k of Object.keys(stages)) delete stages[k];
        const result = await importChild(corpus!, archiveDir!, renderer);
        return { ...result, renders, stages } satisfies RunResult;
      } finally {
        await renderer.close();
      }
    },
  },
};

async function importChild(corpus: string, archiveDir: string, renderer?: PageRenderer): Promise<RunResult> {
  const archive = await Archive.create(archiveDir);
  const {
    value: { files, items, summary },
    ms,
    cpuMs,
  } = await timed(async () => {
    const files = await collectFiles([corpus]);
    return { files, ...(await archive.importFiles(files, renderer ? { defaults: { renderer } } : {})) };
  });
  const failed = items.find((i) => i.status === 'failed');
  if (failed) throw new Error(`bench corpus file failed: ${failed.file}: ${failed.error}`);
  const noCopy = items.find((i) => renderer && !i.article?.visual);
  if (noCopy) throw new Error(`bench page has no visual copy: ${noCopy.file}: ${noCopy.article?.visualFailed?.reason}`);
  const byExt: Record<string, number> = {};
  for (const f of files) byExt[path.extname(f)] = (byExt[path.extname(f)] ?? 0) + 1;
  return { files: files.length, ms, cpuMs, summary, maxRssMB: peakRssMB(), byExt };
}

/**
 * `import` part: 1,000 files imported through the real batch path (collectFiles → importFiles, the
 * CLI's and app's pipeline) into a fresh archive, each run in a fresh process for its peak RSS.
 * Issue 7's target: 1,000 .txt/.html files under 10 s. A second corpus mixes in .md, .docx and .pdf.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { Archive } from '../../electron/archive/archive.js';
import { collectFiles, importFiles, type BatchSummary } from '../../electron/archive/batch.js';
import { fmtMs, markdownTable, runChild, type BenchContext, type BenchPart } from './harness.js';

const FILES = 1_000;
const TARGET_MS = 10_000;

interface RunResult {
  files: number;
  ms: number;
  /** process CPU (user + system): what the import itself costs, apart from waiting on a shared machine */
  cpuMs: number;
  summary: BatchSummary;
  maxRssMB: number;
  byExt: Record<string, number>;
}

const WORDS = ['Мұхтар', 'Жәкішев', 'Өскемен', 'сот', 'адвокат', 'шағым', 'қамау', 'бостандық', 'Тәуелсіздік', 'монументі', 'наразылық', 'үкім', 'колония', 'суд', 'освобождение'];

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

function html(n: number): string {
  const ps = article(n);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Мақала ${n} — Example</title><meta property="og:title" content="Мақала ${n}"><meta property="article:published_time" content="2021-05-${String((n % 28) + 1).padStart(2, '0')}T10:00:00+06:00"><script>var tracking=${n};</script><style>body{}</style></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="ad">Реклама</div><article><h1>Мақала ${n}</h1>${ps.map((p) => `<p>${p}</p>`).join('')}</article><footer>© Example</footer></body></html>`;
}

async function docx(n: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const body = [`Мақала ${n}`, ...article(n)].map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A one-page PDF with a Latin text layer (standard Helvetica: no font embedding needed). */
function pdf(n: number): Uint8Array {
  const lines = Array.from({ length: 30 }, (_, i) => `(Article ${n} line ${i}: court hearing, appeal, detention, release) Tj T*`).join('\n');
  const stream = `BT /F1 11 Tf 14 TL 50 800 Td\n${lines}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

type Mix = 'txt-html' | 'mixed';

async function makeCorpus(dir: string, mix: Mix): Promise<void> {
  const kinds = mix === 'txt-html' ? ['txt', 'html'] : ['txt', 'html', 'md', 'htm', 'docx', 'pdf'];
  for (let n = 0; n < FILES; n++) {
    const kind = kinds[n % kinds.length]!;
    const sub = path.join(dir, `d${n % 10}`);
    if (n < 10) await mkdir(sub, { recursive: true });
    const file = path.join(sub, `a${n}.${kind}`);
    if (kind === 'html' || kind === 'htm') await writeFile(file, html(n));
    else if (kind === 'docx') await writeFile(file, await docx(n));
    else if (kind === 'pdf') await writeFile(file, pdf(n));
    else await writeFile(file, `Мақала ${n}\n\n${article(n).join('\n\n')}\n`);
  }
}

async function measure(ctx: BenchContext, mix: Mix): Promise<RunResult> {
  const corpus = path.join(ctx.tmp, `import-${mix}`);
  await makeCorpus(corpus, mix);
  ctx.log(`import: ${FILES} ${mix} files written; importing in a fresh process`);
  const { result } = await runChild<RunResult>('import', 'run', [corpus, path.join(ctx.tmp, `import-archive-${mix}`)]);
  ctx.log(`import: ${mix}: ${fmtMs(result.ms)} ms (CPU ${fmtMs(result.cpuMs)} ms), ${(result.files / (result.ms / 1000)).toFixed(0)} files/s, peak RSS ${result.maxRssMB.toFixed(0)} MB`);
  return result;
}

export const importPart: BenchPart = {
  name: 'import',
  description: `import ${FILES.toLocaleString('en-US')} files (a .txt/.html corpus and a mixed one with .md/.docx/.pdf): files/s, peak RSS`,
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
    const report = [
      `### import (${FILES.toLocaleString('en-US')} files through collectFiles → importFiles, fresh process each)`,
      '',
      markdownTable(['corpus', 'files', 'wall ms', 'CPU ms', 'files/s', 'peak RSS MB', 'imported / failed'], rows),
      '',
      `- Target (issue 7): ${FILES.toLocaleString('en-US')} .txt/.html files under ${TARGET_MS / 1000} s: ${t.ms < TARGET_MS ? 'met' : 'NOT met'} (${(t.ms / 1000).toFixed(1)} s).`,
      '- Wall time includes loading the parsers on first use, writing sources/ and texts/ with fsync, and one metadata write per 200 files. Files are ~3 KB of Kazakh/Russian text; HTML pages carry navigation, an ad, a script and Open Graph metadata.',
    ].join('\n');
    return { report, data: results };
  },
  child: {
    async run([corpus, archiveDir]) {
      const archive = await Archive.create(archiveDir!);
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      const files = await collectFiles([corpus!]);
      const { items, summary } = await importFiles(archive, files);
      const ms = performance.now() - t0;
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      const failed = items.find((i) => i.status === 'failed');
      if (failed) throw new Error(`bench corpus file failed: ${failed.file}: ${failed.error}`);
      const byExt: Record<string, number> = {};
      for (const f of files) byExt[path.extname(f)] = (byExt[path.extname(f)] ?? 0) + 1;
      return { files: files.length, ms, cpuMs, summary, maxRssMB: process.resourceUsage().maxRSS / 1024, byExt } satisfies RunResult;
    },
  },
};

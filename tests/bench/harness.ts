/**
 * What every bench part shares: the context it runs in, timing and statistics helpers, fresh child
 * processes (for "after start" figures), the synthetic archive built through the core once per size
 * and shared by the parts and later runs (`--work`), and markdown output.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Archive } from '../../electron/core/archive.js';
import type { FactInput } from '../../electron/core/annotation/facts.js';
import { FACTS_PER_ARTICLE, type Corpus, type GenArticle, type GenFact } from './corpus.js';

export interface BenchContext {
  /** corpus sizes in articles */
  sizes: number[];
  seed: number;
  /** where built corpora are kept and reused by every part and later runs (`--work DIR`) */
  work: string;
  /** scratch folder of this run (removed at the end) */
  tmp: string;
  /** how many timed saves of one fact (`--saves`) */
  saves: number;
  /** the import part's corpus sizes: files (`--files`) and web captures (`--captures`) */
  importFiles: number;
  captures: number;
  log(message: string): void;
}

export interface PartResult {
  /** markdown printed at the end of the run */
  report: string;
  /** machine-readable figures (`--json FILE`) */
  data: unknown;
}

export interface BenchPart {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<PartResult>;
  /** modes a fresh child process can run: `bench.js --child <part> <mode> args…` */
  child?: Record<string, (args: string[], startup: ChildStartup) => Promise<unknown>>;
}

export interface ChildStartup {
  /** performance.now() once the part and its imports were loaded (Node bootstrap + module loading before it) */
  moduleReadyMs: number;
}

export const CHILD_MARK = '@@bench-result ';

/** The figures of one timed call: wall and process CPU (user + system) milliseconds. */
export interface Timing {
  ms: number;
  cpuMs: number;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T } & Timing> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * This process's peak resident set size so far, in MB. On Linux from /proc (VmHWM): getrusage's maxRSS
 * of a spawned child also counts the parent's size at the fork, and the bench parent holds gigabytes.
 */
export function peakRssMB(): number {
  try {
    const hwm = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux: getrusage, the parent's share included
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Run `bench.js --child <part> <mode> args` in a fresh Node process; wall time from spawn to its result. */
export async function runChild<T>(part: string, mode: string, args: string[]): Promise<{ wallMs: number; result: T }> {
  // the entry this process runs (bench.js): this module lives in one of its chunks
  const script = process.argv[1]!;
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--expose-gc', script, '--child', part, mode, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let done = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const at = out.indexOf(CHILD_MARK);
      const end = at >= 0 ? out.indexOf('\n', at) : -1;
      if (!done && end >= 0) {
        done = true;
        const wallMs = performance.now() - t0;
        try {
          resolve({ wallMs, result: JSON.parse(out.slice(at + CHILD_MARK.length, end)) as T });
        } catch (e) {
          reject(e as Error);
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!done) reject(new Error(`child ${part} ${mode} exited with ${code} without a result:\n${out}`));
    });
  });
}

/**
 * Articles per archive.batch(): one write per changed shard per chunk. Every chunk touches every shard,
 * so each rewrites the whole archive; a twentieth of the size keeps those rewrites linear in total.
 */
export const buildChunk = (size: number) => Math.max(2_000, Math.ceil(size / 20));

/** What Archive.importArticle takes for a generated article. */
export function articleInput(a: GenArticle) {
  return {
    bytes: Buffer.from(a.text, 'utf8'),
    name: a.name,
    title: a.title,
    url: a.url,
    publisher: a.publisher,
    publishedAt: a.publishedAt,
    lang: a.lang,
  };
}

/** What Archive.addFact takes for a generated fact of article `articleId`. */
export function factInput(articleId: string, f: GenFact): FactInput {
  return { articleId, quote: f.quote, type: f.type, date: f.date, people: f.people, tags: f.tags, note: f.note };
}

/**
 * A new archive in `dir` holding articles 0…size-1 of the corpus and their facts, imported through
 * Archive.importArticle/addFact in batches of buildChunk(size) articles. Returns the archive and where the time
 * went: the whole build, the imports, the fact saves and the batch writes.
 */
export async function buildCorpusArchive(ctx: BenchContext, corpus: Corpus, dir: string, size: number) {
  let importMs = 0;
  let factMs = 0;
  let flushMs = 0;
  const t0 = performance.now();
  const archive = await Archive.create(dir);
  const chunk = buildChunk(size);
  for (let from = 0; from < size; from += chunk) {
    const to = Math.min(size, from + chunk);
    const tBatch = performance.now();
    let inside = 0;
    await archive.batch(async () => {
      const tIn = performance.now();
      for (let i = from; i < to; i++) {
        const a = corpus.article(i);
        const tImport = performance.now();
        const { status, article } = await archive.importArticle(articleInput(a));
        const tFacts = performance.now();
        importMs += tFacts - tImport;
        if (status !== 'imported') throw new Error(`corpus article ${i} is a duplicate of ${article.id}`);
        for (const f of a.facts) await archive.addFact(factInput(article.id, f));
        factMs += performance.now() - tFacts;
      }
      inside = performance.now() - tIn;
    });
    flushMs += performance.now() - tBatch - inside;
    if (to === size || (to / chunk) % 2 === 0) {
      ctx.log(
        `  built ${to.toLocaleString('en-US')}/${size.toLocaleString('en-US')} articles (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
    }
  }
  const oursMs = performance.now() - t0;
  return { archive, oursMs, importMs, factMs, flushMs };
}

/**
 * Bump when the generator (corpus.ts) or the way `buildCorpusArchive` builds changes: a kept archive
 * of another version is rebuilt, never measured.
 */
export const GENERATOR_VERSION = 1;

/** Where what a part builds for one corpus size lives: under the work folder, kept for later runs. */
export function corpusFolder(ctx: BenchContext, part: string, size: number): string {
  return path.join(ctx.work, `${part}-${size}-seed${ctx.seed}-v${GENERATOR_VERSION}`);
}

export interface CorpusArchive {
  /** the archive folder */
  dir: string;
  /** its parent, holding the marker */
  base: string;
  reused: boolean;
  /** where the time went, when it was built by this call */
  built?: { oursMs: number; importMs: number; factMs: number; flushMs: number };
}

/**
 * The synthetic archive of `size` articles (5 facts each), built once per size, seed and generator
 * version and shared by every part and later runs: building 50k through the core takes many minutes,
 * measuring it far less. A part that changes it (timed saves, added articles) does so inside
 * `changingCorpus`, and puts it back as it was.
 */
export async function corpusArchive(ctx: BenchContext, corpus: Corpus, size: number): Promise<CorpusArchive> {
  const base = corpusFolder(ctx, 'corpus', size);
  const dir = path.join(base, 'archive');
  const marker = { generator: GENERATOR_VERSION, seed: ctx.seed, size, facts: size * FACTS_PER_ARTICLE };
  let built: CorpusArchive['built'];
  const reused = await reuseOrBuild(base, marker, async () => {
    ctx.log(
      `corpus ${size}: building ${size.toLocaleString('en-US')} articles + ${(size * FACTS_PER_ARTICLE).toLocaleString('en-US')} facts through Archive.importArticle/addFact in batches of ${buildChunk(size)}…`,
    );
    const b = await buildCorpusArchive(ctx, corpus, dir, size);
    await b.archive.close();
    built = { oursMs: b.oursMs, importMs: b.importMs, factMs: b.factMs, flushMs: b.flushMs };
    ctx.log(
      `  built in ${(b.oursMs / 1000).toFixed(1)} s (imports ${(b.importMs / 1000).toFixed(1)} s, facts ${(b.factMs / 1000).toFixed(1)} s, batch writes ${(b.flushMs / 1000).toFixed(1)} s)`,
    );
  });
  if (reused) ctx.log(`corpus ${size}: reusing the archive in ${dir}`);
  return { dir, base, reused, ...(built ? { built } : {}) };
}

/**
 * Run `fn`, which changes the shared archive and undoes its change: without the marker meanwhile, so
 * that a run cut short leaves an archive the next run rebuilds rather than one with extra records.
 */
export async function changingCorpus<T>(c: CorpusArchive, fn: () => Promise<T>): Promise<T> {
  const markerFile = path.join(c.base, MARKER);
  const marker = await readFile(markerFile, 'utf8');
  await rm(markerFile);
  const value = await fn();
  await writeFile(markerFile, marker);
  return value;
}

const MARKER = 'bench-corpus.json';

/**
 * Reuse what `base` holds if its bench-corpus.json says it was built for `marker` (generator version,
 * seed, size…); otherwise empty it, run `build` and write the marker last (a build cut short is never
 * reused). Returns whether it was reused.
 */
export async function reuseOrBuild(base: string, marker: object, build: () => Promise<void>): Promise<boolean> {
  const markerFile = path.join(base, MARKER);
  const want = JSON.stringify(marker);
  const existing = await readFile(markerFile, 'utf8').catch(() => null);
  if (existing !== null && existing.trim() === want) return true;
  await rm(base, { recursive: true, force: true });
  await mkdir(base, { recursive: true });
  await build();
  await writeFile(markerFile, want);
  return false;
}

/** Total bytes of the files under `target` (a file or a folder) and how many files. */
export async function diskUsage(target: string): Promise<{ bytes: number; files: number }> {
  const info = await stat(target).catch(() => null);
  if (!info) return { bytes: 0, files: 0 };
  if (!info.isDirectory()) return { bytes: info.size, files: 1 };
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(target, { withFileTypes: true })) {
    const sub = await diskUsage(path.join(target, entry.name));
    bytes += sub.bytes;
    files += sub.files;
  }
  return { bytes, files };
}

export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Milliseconds, with precision that suits the magnitude. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return Math.round(ms).toLocaleString('en-US');
}

export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '–';
  const r = a / b;
  return `${r >= 10 ? Math.round(r).toLocaleString('en-US') : r.toFixed(1)}×`;
}

/** A part's markdown report: its heading, then each block (a table, a list, a verdict…) after a blank line. */
export function partReport(heading: string, ...blocks: string[]): string {
  return [heading, ...blocks].join('\n\n');
}

/** A target's outcome, for `**…**` in a verdict. */
export const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

/** The verdict when no size the targets are set at was measured. */
export function targetsNotChecked(targetSizes: number | readonly number[], targets: string): string {
  const sizes = (typeof targetSizes === 'number' ? [targetSizes] : targetSizes).map((n) => n.toLocaleString('en-US'));
  return `Targets (at ${sizes.join(' and ')} articles: ${targets}): not checked, ${sizes.join(' nor ')} was not in --sizes.`;
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

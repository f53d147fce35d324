/**
 * What every bench part shares: the context it runs in, timing and statistics helpers, fresh child
 * processes (for "after start" figures) and markdown output.
 */
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchContext {
  /** corpus sizes in articles */
  sizes: number[];
  seed: number;
  /** where built corpora are kept and reused (`--keep DIR`), or null: a temp folder removed at the end */
  keep: string | null;
  /** scratch folder of this run (removed at the end) */
  tmp: string;
  /** how many timed saves of one fact (`--saves`) */
  saves: number;
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
  /** performance.now() when the bench module body began (Node bootstrap + module loading before it) */
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

/** Run `bench.js --child <part> <mode> args` in a fresh Node process; wall time from spawn to its result. */
export async function runChild<T>(part: string, mode: string, args: string[]): Promise<{ wallMs: number; result: T }> {
  const script = fileURLToPath(import.meta.url);
  const t0 = performance.now();
  const child = spawn(process.execPath, [script, '--child', part, mode, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
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

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

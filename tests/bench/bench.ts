/**
 * `npm run bench`: the performance figures and their targets, measured on this machine. Speed targets
 * live here, never in timed unit tests. Each part measures one area (storage, search, import, dossier)
 * and prints a markdown report.
 *
 *   node --expose-gc dist/bench/bench.js [part…] [--sizes 1000,10000,50000 | --size 200k] [--seed N]
 *                                        [--work DIR] [--saves 100] [--files 1000] [--captures 100] [--json FILE]
 *
 * The synthetic archive of each size is built once and kept in the work folder (default
 * $TMPDIR/aqiqat-bench): every part and every later run with the same seed measures that copy.
 *
 * Internal: `--child <part> <mode> args…` runs one measurement in this fresh process and prints its
 * result as one `@@bench-result {json}` line (for "after start" figures).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHILD_MARK, type BenchContext, type BenchPart } from './harness.js';

// Each part is loaded when it runs: a child process measuring the start of one loads that part only, not
// the fixtures (pdf-lib, warcio, …) of the others.
const PARTS: Record<string, () => Promise<BenchPart>> = {
  storage: async () => (await import('./storage.js')).storagePart,
  search: async () => (await import('./search.js')).searchPart,
  'search-eval': async () => (await import('./search-eval.js')).searchEvalPart,
  import: async () => (await import('./import.js')).importPart,
  dossier: async () => (await import('./dossier.js')).dossierPart,
  ocr: async () => (await import('./ocr.js')).ocrPart,
};
const PART_NAMES = Object.keys(PARTS);
const DEFAULT_SIZES = [1_000, 10_000, 50_000];
const DEFAULT_SEED = 20261126;

async function usage(): Promise<string> {
  const parts = await Promise.all(PART_NAMES.map((name) => PARTS[name]!()));
  return `usage: bench.js [${PART_NAMES.join('|')}…] [--sizes 1000,10000,50000 | --size 200k] [--seed N] [--work DIR] [--saves 100] [--files 1000] [--captures 100] [--json FILE]
${parts.map((p) => `  ${p.name}: ${p.description}`).join('\n')}`;
}

class UsageError extends Error {}

interface Options {
  parts: string[];
  sizes: number[];
  seed: number;
  work: string;
  saves: number;
  importFiles: number;
  captures: number;
  json: string | null;
}

async function parseArgs(argv: string[]): Promise<Options> {
  const opts: Options = {
    parts: [],
    sizes: DEFAULT_SIZES,
    seed: DEFAULT_SEED,
    work: path.join(os.tmpdir(), 'aqiqat-bench'),
    saves: 100,
    importFiles: 1_000,
    captures: 100,
    json: null,
  };
  const positiveInt = (flag: string, v: string | undefined) => {
    const n = Number(v?.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} needs a positive whole number, got "${v ?? ''}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    // 10k, 50k, 200k: a k means thousands
    if (arg === '--sizes' || arg === '--size')
      opts.sizes = value()
        .split(',')
        .map((s) => positiveInt(arg, s.replace(/k$/i, '000')));
    else if (arg === '--seed') {
      const v = value();
      if (!/^\d{1,10}$/.test(v) || Number(v) > 0xffffffff)
        throw new UsageError(`--seed needs a whole number 0…4294967295, got "${v}"`);
      opts.seed = Number(v);
    } else if (arg === '--work' || arg === '--keep') opts.work = path.resolve(value());
    else if (arg === '--saves') opts.saves = positiveInt('--saves', value());
    else if (arg === '--files') opts.importFiles = positiveInt('--files', value());
    else if (arg === '--captures') opts.captures = positiveInt('--captures', value());
    else if (arg === '--json') opts.json = value();
    else if (arg === '--help' || arg === '-h') {
      console.log(await usage());
      process.exit(0);
    } else if (Object.hasOwn(PARTS, arg)) opts.parts.push(arg);
    else throw new UsageError(`unknown part or option "${arg}"\n${await usage()}`);
  }
  if (opts.parts.length === 0) opts.parts = PART_NAMES;
  return opts;
}

async function runChildMode([partName, mode, ...args]: string[]): Promise<void> {
  const part = partName !== undefined && Object.hasOwn(PARTS, partName) ? await PARTS[partName]!() : undefined;
  const handler = part?.child?.[mode ?? ''];
  if (!handler) throw new Error(`no child mode ${partName} ${mode}`);
  // after the part and what it imports are loaded: before this is Node bootstrap and module loading
  const result = await handler(args, { moduleReadyMs: performance.now() });
  process.stdout.write(`${CHILD_MARK}${JSON.stringify(result)}\n`);
}

function machine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}; load average ${load}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return runChildMode(argv.slice(1));

  const opts = await parseArgs(argv);
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    console.warn('note: run with node --expose-gc so that garbage from one measurement does not land in the next');
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'aqiqat-bench-'));
  const removeTmp = () => rmSync(tmp, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    removeTmp();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const started = performance.now();
  const log = (message: string) =>
    console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
  const ctx: BenchContext = {
    sizes: opts.sizes,
    seed: opts.seed,
    work: opts.work,
    tmp,
    saves: opts.saves,
    importFiles: opts.importFiles,
    captures: opts.captures,
    log,
  };
  const before = machine();
  log(`machine: ${before}`);
  log(
    `parts: ${opts.parts.join(', ')}; sizes ${opts.sizes.join(', ')}; seed ${opts.seed}; corpora kept in ${opts.work}`,
  );

  const reports: string[] = [];
  const data: Record<string, unknown> = {};
  try {
    for (const name of opts.parts) {
      const part = await PARTS[name]!();
      const result = await part.run(ctx);
      reports.push(result.report);
      data[part.name] = result.data;
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  const minutes = ((performance.now() - started) / 60000).toFixed(1);
  console.log(
    [
      '## Aqiqat bench',
      '',
      `Machine: ${before}. At the end: load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}. Run took ${minutes} min.`,
      `Seed ${opts.seed}, sizes ${opts.sizes.join(', ')}. Wall times on a shared machine are noisy (other processes, page cache): compare the ratios, and re-run before drawing conclusions from one figure.`,
      '',
      ...reports,
    ].join('\n'),
  );
  if (opts.json) {
    await writeFile(
      opts.json,
      JSON.stringify({ machine: before, seed: opts.seed, sizes: opts.sizes, parts: data }, null, 2),
    );
  }
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) {
    console.error(e.message);
    process.exitCode = 2;
    return;
  }
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});

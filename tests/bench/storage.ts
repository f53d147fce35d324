/**
 * Storage part: an archive of N articles + 5N facts built through the real core, against the
 * single-file lowdb design of the baseline notes (one db.json holding all article metadata and all
 * facts, texts kept out), measured in the same run:
 *  - save one fact: durable addFact on random articles (p50/p95/max), baseline push + db.write();
 *  - list after start: a fresh Node process from spawn to the sorted article list (median of 3), and
 *    that process's peak RSS.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { Archive } from '../../electron/core/archive.js';
import { sha256Hex } from '../../electron/core/import/articles.js';
import { articleIdFor, randomId } from '../../electron/core/storage/ids.js';
import type { Article, ArticleRow, Fact } from '../../electron/core/model.js';
import { Corpus, FACTS_PER_ARTICLE, mulberry32, type GenArticle } from './corpus.js';
import {
  changingCorpus,
  corpusArchive,
  corpusFolder,
  diskUsage,
  factInput,
  GENERATOR_VERSION,
  fmtMs,
  gc,
  markdownTable,
  mb,
  median,
  met,
  partReport,
  peakRssMB,
  percentile,
  ratio,
  reuseOrBuild,
  runChild,
  targetsNotChecked,
  timed,
  type BenchContext,
  type BenchPart,
  type ChildStartup,
} from './harness.js';
import { storeForTests } from '../../electron/core/storage/test-door.js';

const LIST_RUNS = 3;
/** The storage targets, checked at these sizes only (a monitoring desk's ten years is 200k). */
const TARGET_SIZES = [50_000, 200_000];
const TARGET_SAVE_P95_MS = 50;
const TARGET_LIST_MS = 1_500;

interface BaselineDb {
  articles: Article[];
  facts: Fact[];
}

interface ListChildResult {
  count: number;
  facts?: number;
  first: string | null;
  moduleReadyMs: number;
  openMs: number;
  listMs: number;
  /** performance.now() at the end: since Node's time origin (process start) */
  sinceOriginMs: number;
  maxRssMB: number;
}

interface DesignFigures {
  saves: number[];
  saveCpu: number[];
  /** one wall time per fresh-process run */
  listWall: number[];
  children: ListChildResult[];
  jsonBytes: number;
}

interface SizeResult {
  size: number;
  facts: number;
  build: {
    reused: boolean;
    oursMs?: number;
    importMs?: number;
    factMs?: number;
    flushMs?: number;
    baselineMs?: number;
  };
  ours: DesignFigures & {
    openArticle: number[];
    textBytes: number;
    textFiles: number;
    shardMaxBytes: number;
    /** the process that listed and saved: the app's at this size */
    session: { listMs: number; maxRssMB: number; heapMB: number; firstDeleteMs: number[] };
  };
  /** null when the single file could not be written at this size (baselineUnwritable says why) */
  baseline: (DesignFigures & { readMs: number }) | null;
  baselineUnwritable: string | null;
}

/** The article list order of Archive.listArticles (newest first). */
const newestFirst = (a: Article, b: Article) =>
  (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') ||
  b.importedAt.localeCompare(a.importedAt) ||
  a.id.localeCompare(b.id);

const articleId = (a: GenArticle) => articleIdFor(sha256Hex(Buffer.from(a.text, 'utf8')));

async function measureSize(ctx: BenchContext, corpus: Corpus, size: number): Promise<SizeResult> {
  const shared = await corpusArchive(ctx, corpus, size);
  const oursDir = shared.dir;
  const base = corpusFolder(ctx, 'storage', size);
  const baselineFile = path.join(base, 'baseline', 'db.json');
  const unwritableFile = path.join(base, 'baseline', 'unwritable.txt');
  const build: SizeResult['build'] = { reused: shared.reused, ...shared.built };
  await reuseOrBuild(base, { generator: GENERATOR_VERSION, seed: ctx.seed, size }, async () => {
    await mkdir(path.dirname(baselineFile), { recursive: true });
    // The baseline holds exactly the same records (the archive's own metadata and facts).
    const archive = await Archive.open(oursDir);
    const data: BaselineDb = {
      articles: await storeForTests(archive).allArticles(),
      facts: await storeForTests(archive).allFacts(),
    };
    await archive.close();
    if (data.articles.length !== size || data.facts.length !== size * FACTS_PER_ARTICLE) {
      throw new Error(
        `the archive holds ${data.articles.length} articles / ${data.facts.length} facts, expected ${size} / ${size * FACTS_PER_ARTICLE}`,
      );
    }
    const t = performance.now();
    try {
      await new Low<BaselineDb>(new JSONFile(baselineFile), data).write();
    } catch (e) {
      // V8 strings stop at 2^29 - 24 characters (~512 MB): past that one JSON text cannot be made at all
      if (!(e instanceof RangeError)) throw e;
      await writeFile(unwritableFile, `${data.facts.length} facts: ${e.message}`);
      ctx.log(`storage ${size}: the baseline cannot be written as one JSON text (${e.message})`);
      return;
    }
    build.baselineMs = performance.now() - t;
    ctx.log(`storage ${size}: baseline db.json written in ${(build.baselineMs / 1000).toFixed(1)} s`);
  });
  gc();

  const ours = await changingCorpus(shared, () => measureOursSaves(ctx, oursDir, size));
  gc();
  const unwritable = await readFile(unwritableFile, 'utf8').catch(() => null);
  const baseline = unwritable === null ? await measureBaselineSaves(ctx, baselineFile, size) : null;
  gc();

  ctx.log(`storage ${size}: list after start, ${LIST_RUNS} fresh processes per design…`);
  const oursList: DesignFigures['children'] = [];
  for (let run = 0; run < LIST_RUNS; run++) {
    const { wallMs, result } = await runChild<ListChildResult>('storage', 'list-ours', [oursDir]);
    if (result.count !== size) throw new Error(`list-ours returned ${result.count} articles, expected ${size}`);
    ours.listWall.push(wallMs);
    oursList.push(result);
  }
  ours.children = oursList;
  for (let run = 0; baseline && run < LIST_RUNS; run++) {
    const { wallMs, result } = await runChild<ListChildResult>('storage', 'list-baseline', [baselineFile]);
    if (result.count !== size) throw new Error(`list-baseline returned ${result.count} articles, expected ${size}`);
    baseline.listWall.push(wallMs);
    baseline.children.push(result);
  }
  if (baseline && oursList[0]?.first !== baseline.children[0]?.first) {
    throw new Error(
      `the two designs list different first articles: ${oursList[0]?.first} vs ${baseline.children[0]?.first}`,
    );
  }

  const shards = await diskUsage(path.join(oursDir, 'shards'));
  const meta = await diskUsage(path.join(oursDir, 'archive.json'));
  const texts = await diskUsage(path.join(oursDir, 'texts'));
  const sources = await diskUsage(path.join(oursDir, 'sources'));
  ours.jsonBytes = shards.bytes + meta.bytes;
  ours.textBytes = texts.bytes + sources.bytes;
  ours.textFiles = texts.files + sources.files;
  if (baseline) baseline.jsonBytes = (await diskUsage(baselineFile)).bytes;
  return { size, facts: size * FACTS_PER_ARTICLE, build, ours, baseline, baselineUnwritable: unwritable };
}

/**
 * In a fresh process with Node's default heap, as the app's: open the archive, list it, then N times
 * open a random article (as the UI does) and time addFact on it, letting go of shards between calls as
 * the app's session does. Its peak RSS is the app's process at that size.
 */
async function measureOursSaves(ctx: BenchContext, dir: string, size: number): Promise<SizeResult['ours']> {
  ctx.log(`storage ${size}: ${ctx.saves} durable fact saves (Archive.addFact) on random articles, in a fresh process…`);
  const { result } = await runChild<SavesChildResult>('storage', 'saves-ours', [
    dir,
    String(ctx.seed),
    String(size),
    String(ctx.saves),
  ]);
  return {
    saves: result.saves,
    saveCpu: result.saveCpu,
    listWall: [],
    children: [],
    jsonBytes: 0,
    openArticle: result.openArticle,
    textBytes: 0,
    textFiles: 0,
    shardMaxBytes: 0,
    session: {
      listMs: result.listMs,
      maxRssMB: result.maxRssMB,
      heapMB: result.heapMB,
      firstDeleteMs: result.firstDeleteMs,
    },
  };
}

interface SavesChildResult {
  saves: number[];
  saveCpu: number[];
  openArticle: number[];
  listMs: number;
  maxRssMB: number;
  /** V8 heap in use after the saves and a collection */
  heapMB: number;
  /** a session's first deleteFact: with no index/corroborations.json, then in a session that has it */
  firstDeleteMs: number[];
}

async function savesChild(dir: string, seed: number, size: number, n: number): Promise<SavesChildResult> {
  const corpus = new Corpus(seed);
  await rm(path.join(dir, 'index', 'corroborations.json'), { force: true });
  let archive = await Archive.open(dir);
  const listMs = (await timed(() => archive.listArticleRows())).ms;
  archive.trimCache();
  const rng = mulberry32(seed ^ size);
  const out: SavesChildResult = {
    saves: [],
    saveCpu: [],
    openArticle: [],
    listMs,
    maxRssMB: 0,
    heapMB: 0,
    firstDeleteMs: [],
  };
  const added: string[] = [];
  for (let k = 0; k < n; k++) {
    const gen = corpus.article(Math.floor(rng() * size));
    const id = articleId(gen);
    out.openArticle.push((await timed(() => archive.getArticle(id))).ms);
    archive.trimCache();
    const f = corpus.extraFact(gen, k);
    const save = await timed(() => archive.addFact(factInput(id, f)));
    archive.trimCache();
    out.saves.push(save.ms);
    out.saveCpu.push(save.cpuMs);
    added.push(save.value.id);
  }
  gc();
  out.heapMB = process.memoryUsage().heapUsed / 1024 / 1024;
  out.maxRssMB = peakRssMB();
  // keep a kept archive at exactly 5N facts; the first two deletes each in a session of their own
  for (const id of added.splice(0, 2)) {
    archive.trimCache();
    out.firstDeleteMs.push((await timed(() => archive.deleteFact(id))).ms);
    await archive.close();
    archive = await Archive.open(dir);
  }
  await archive.batch(async () => {
    for (const id of added) await archive.deleteFact(id);
  });
  await archive.close();
  return out;
}

/** The single-file design: read db.json once, then push one fact + db.write() a few times. */
async function measureBaselineSaves(ctx: BenchContext, file: string, size: number): Promise<SizeResult['baseline']> {
  const n = size >= 50_000 ? 3 : 5;
  ctx.log(`storage ${size}: ${n} baseline fact saves (single-file lowdb: push + db.write())…`);
  // work on a copy, so that a kept baseline stays at exactly 5N facts
  const copy = path.join(ctx.tmp, `baseline-${size}.json`);
  await copyFile(file, copy);
  const db = new Low<BaselineDb>(new JSONFile(copy), { articles: [], facts: [] });
  const read = await timed(() => db.read());
  const rng = mulberry32((ctx.seed ^ size) + 1);
  const figures: SizeResult['baseline'] = {
    saves: [],
    saveCpu: [],
    listWall: [],
    children: [],
    jsonBytes: 0,
    readMs: read.ms,
  };
  for (let k = 0; k < n; k++) {
    const like = db.data.facts[Math.floor(rng() * db.data.facts.length)]!;
    const stamp = new Date().toISOString();
    const fact: Fact = { ...like, id: `${like.articleId}-${randomId(6)}`, createdAt: stamp, updatedAt: stamp };
    const save = await timed(async () => {
      db.data.facts.push(fact);
      await db.write();
    });
    figures.saves.push(save.ms);
    figures.saveCpu.push(save.cpuMs);
  }
  await rm(copy, { force: true });
  return figures;
}

/** The highest peak RSS of a design's processes: the list-after-start children and, for ours, the one that saved. */
const rssOf = (d: DesignFigures & { session?: { maxRssMB: number } }) =>
  Math.max(...d.children.map((c) => c.maxRssMB), d.session?.maxRssMB ?? 0);

function report(results: SizeResult[], seed: number): string {
  const rows: string[][] = [];
  for (const r of results) {
    const size = r.size.toLocaleString('en-US');
    const design = (name: string, d: DesignFigures) => {
      const rss = rssOf(d);
      return [
        size,
        name,
        fmtMs(median(d.saves)),
        fmtMs(percentile(d.saves, 95)),
        fmtMs(median(d.listWall)),
        rss.toFixed(0),
        mb(d.jsonBytes),
      ];
    };
    rows.push(design('ours (sharded)', r.ours));
    if (!r.baseline) {
      rows.push([size, 'baseline (one lowdb file)', '–', '–', '–', '–', 'cannot be written']);
      continue;
    }
    rows.push(design(`baseline (one lowdb file, ${r.baseline.saves.length} saves)`, r.baseline));
    rows.push([
      size,
      '**baseline / ours**',
      ratio(median(r.baseline.saves), median(r.ours.saves)),
      ratio(percentile(r.baseline.saves, 95), percentile(r.ours.saves, 95)),
      ratio(median(r.baseline.listWall), median(r.ours.listWall)),
      ratio(rssOf(r.baseline), rssOf(r.ours)),
      ratio(r.baseline.jsonBytes, r.ours.jsonBytes),
    ]);
  }
  const table = markdownTable(
    ['size (articles)', 'design', 'save p50 ms', 'save p95 ms', 'list after start ms', 'peak RSS MB', 'files MB'],
    rows,
  );

  const details: string[] = [];
  for (const r of results) {
    const o = r.ours;
    const b = r.baseline;
    const child = (d: DesignFigures) => {
      const c = d.children[d.listWall.indexOf(median(d.listWall))] ?? d.children[0]!;
      return `Node+modules ready ${fmtMs(c.moduleReadyMs)}, open ${fmtMs(c.openMs)}, list+sort ${fmtMs(c.listMs)}, done at ${fmtMs(c.sinceOriginMs)} after time origin`;
    };
    details.push(
      `- **${r.size.toLocaleString('en-US')}** articles / ${r.facts.toLocaleString('en-US')} facts` +
        (r.build.reused
          ? ' (reused kept archive)'
          : `: build ${((r.build.oursMs ?? 0) / 1000).toFixed(1)} s (importArticle ${((r.build.importMs ?? 0) / 1000).toFixed(1)} s, addFact ${((r.build.factMs ?? 0) / 1000).toFixed(1)} s, batch writes ${((r.build.flushMs ?? 0) / 1000).toFixed(1)} s)`) +
        (r.build.baselineMs !== undefined
          ? `, baseline db.json write ${(r.build.baselineMs / 1000).toFixed(1)} s`
          : ''),
    );
    details.push(
      `  - ours: save max ${fmtMs(Math.max(...o.saves))} ms, CPU p50 ${fmtMs(median(o.saveCpu))} ms; open article (getArticle, first touch loads its fact shard) p50 ${fmtMs(median(o.openArticle))} / p95 ${fmtMs(percentile(o.openArticle, 95))} ms; list runs ${o.listWall.map(fmtMs).join(', ')} ms (median run: ${child(o)}); texts+sources ${mb(o.textBytes)} MB in ${o.textFiles.toLocaleString('en-US')} files (not in "files MB", the baseline keeps texts out too)`,
      `  - ours, the process that listed and saved (as the app's): list ${fmtMs(o.session.listMs)} ms, first save ${fmtMs(o.saves[0] ?? NaN)} ms, first delete ${fmtMs(o.session.firstDeleteMs[0] ?? NaN)} ms (no corroborations.json) / ${fmtMs(o.session.firstDeleteMs[1] ?? NaN)} ms (a later session), peak RSS ${o.session.maxRssMB.toFixed(0)} MB, V8 heap after the saves ${o.session.heapMB.toFixed(0)} MB`,
    );
    if (!b) {
      details.push(
        `  - baseline: not measured; its db.json cannot be made as one JSON text (${r.baselineUnwritable ?? ''})`,
      );
      continue;
    }
    details.push(
      `  - baseline: saves ${b.saves.map(fmtMs).join(', ')} ms (CPU p50 ${fmtMs(median(b.saveCpu))} ms), in-process read ${fmtMs(b.readMs)} ms; list runs ${b.listWall.map(fmtMs).join(', ')} ms (median run: ${child(b)})`,
    );
  }

  const targets = results.filter((r) => TARGET_SIZES.includes(r.size));
  const verdict =
    targets.length === 0
      ? targetsNotChecked(TARGET_SIZES, `save p95 < ${TARGET_SAVE_P95_MS} ms, list < ${TARGET_LIST_MS} ms`)
      : targets
          .map((target) => {
            const p95 = percentile(target.ours.saves, 95);
            const list = median(target.ours.listWall);
            return (
              `Targets at ${target.size.toLocaleString('en-US')} articles: save one fact p95 ${fmtMs(p95)} ms < ${TARGET_SAVE_P95_MS} ms: **${met(p95 < TARGET_SAVE_P95_MS)}**; ` +
              `list after start ${fmtMs(list)} ms < ${TARGET_LIST_MS} ms: **${met(list < TARGET_LIST_MS)}**.`
            );
          })
          .join('\n');

  return partReport(
    `### Storage (seed ${seed})`,
    table,
    details.join('\n'),
    verdict,
    'How measured: "save" = wall time of one Archive.addFact (ours: article text read, quote anchored, one fact shard rewritten atomically with fsync) after the article was opened with getArticle, ' +
      'vs. push + lowdb `db.write()` of the whole single file (steno: temp file + rename, no fsync). "list after start" = wall time from spawning a fresh `node` process to receiving its sorted article list ' +
      '(process creation, Node bootstrap and module loading included; OS file cache warm), median of 3; ours = Archive.open + listArticles, baseline = `Low(JSONFile).read()` + the same sort. ' +
      'The saves run in one fresh process with Node\'s default heap that first lists the archive and lets go of shards between calls as the app\'s session does. "peak RSS" = the highest peak resident set (VmHWM) of the list processes and that one. "files MB" = the JSON holding metadata and facts (ours: archive.json + shards/).',
  );
}

export const storagePart: BenchPart = {
  name: 'storage',
  description: 'save one fact and list after start: sharded archive vs single-file lowdb',
  async run(ctx) {
    const corpus = new Corpus(ctx.seed);
    const results: SizeResult[] = [];
    for (const size of ctx.sizes) results.push(await measureSize(ctx, corpus, size));
    return { report: report(results, ctx.seed), data: results };
  },
  child: {
    async 'saves-ours'([dir, seed, size, n]) {
      return savesChild(dir!, Number(seed), Number(size), Number(n));
    },
    async 'list-ours'([dir], startup: ChildStartup) {
      const t0 = performance.now();
      const archive = await Archive.open(dir!);
      const t1 = performance.now();
      const list = await archive.listArticleRows();
      const t2 = performance.now();
      return listResult(list, startup, t1 - t0, t2 - t1);
    },
    async 'list-baseline'([file], startup: ChildStartup) {
      const t0 = performance.now();
      const db = new Low<BaselineDb>(new JSONFile(file!), { articles: [], facts: [] });
      await db.read();
      const t1 = performance.now();
      const list = db.data.articles.sort(newestFirst);
      const t2 = performance.now();
      return { ...listResult(list, startup, t1 - t0, t2 - t1), facts: db.data.facts.length };
    },
  },
};

function listResult(
  list: readonly ArticleRow[],
  startup: ChildStartup,
  openMs: number,
  listMs: number,
): ListChildResult {
  return {
    count: list.length,
    first: list[0]?.id ?? null,
    moduleReadyMs: startup.moduleReadyMs,
    openMs,
    listMs,
    sinceOriginMs: performance.now(),
    maxRssMB: peakRssMB(),
  };
}

/**
 * Search part: the indexed cross-script engine (index/ of the archive) against SQLite FTS5
 * (better-sqlite3, unicode61 tokenizer: no stemming, no folding) and the old linear scan, on the
 * same synthetic archive, measured in the same run:
 *  - index build from the archive; index size on disk;
 *  - cold load: a fresh process opens the archive and loads the persisted index (median of 3);
 *  - query p50/p95 over 200 mixed queries (1–2 words common and rare, names inflected and in Latin
 *    spelling, prefixes, phrases), top 20 with snippets, in that fresh process, and its peak RSS;
 *  - incremental add of one article (the index update after the import is saved).
 * Targets at 50k and 200k articles: build ≤ 1.5× FTS5's, p95 ≤ FTS5's, cold load < 1.5 s (50k) / 2 s
 * (200k), incremental add < 50 ms. The archive is the shared one of harness.ts `corpusArchive`.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deleteArticle, importArticle } from '../../electron/core/import/articles.js';
import { IndexedSearch } from '../../electron/core/search/indexed.js';
import { ScanSearch } from '../../electron/core/search/scan.js';
import { ArchiveStore } from '../../electron/core/storage/store.js';
import { Corpus, mulberry32 } from './corpus.js';
import {
  changingCorpus,
  corpusArchive,
  diskUsage,
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
  runChild,
  targetsNotChecked,
  timed,
  type BenchContext,
  type BenchPart,
} from './harness.js';

const QUERIES = 200;
const TOP = 20;
const LOAD_RUNS = 3;
const ADDS = 20;
/** The sizes the targets are checked at, and the cold load each must stay under. */
const TARGET_LOAD_MS: Record<number, number> = { 50_000: 1_500, 200_000: 2_000 };
const TARGET_P95_RATIO = 1;
const TARGET_BUILD_RATIO = 1.5;
const TARGET_ADD_MS = 50;

interface BenchQuery {
  ours: string;
  fts: string;
  kind: string;
}

interface QueryChildResult {
  loadMs: number;
  loadCpuMs: number;
  latencies: number[];
  hits: number;
  maxRssMB: number;
}

interface SizeResult {
  size: number;
  build: { oursMs: number; oursCpuMs: number; ftsMs: number; ftsCpuMs: number; archiveMs: number | null };
  disk: { ours: number; fts: number };
  ours: { load: number[]; children: QueryChildResult[]; adds: number[]; addTotal: number[] };
  fts: { load: number[]; children: QueryChildResult[]; adds: number[] };
  scan: { latencies: number[] };
}

/** Kazakh/Russian letters → an English-style Latin spelling, to query names as English texts write them. */
const LATIN: Record<string, string> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'gh',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  і: 'i',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ng',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ы: 'y',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ь: '',
  ъ: '',
};
const latin = (w: string) => [...w.toLowerCase()].map((c) => LATIN[c] ?? c).join('');
const ftsWord = (w: string) => `"${w.replace(/"/g, '')}"`;

/** 200 queries from the corpus, the same for every engine (FTS5 gets each in its syntax). */
function makeQueries(corpus: Corpus, seed: number): BenchQuery[] {
  const r = mulberry32(seed ^ 0x5ea2c4);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const common = () => corpus.words[Math.floor(r() * 200)]!;
  const rare = () => corpus.words[200 + Math.floor(r() * (corpus.words.length - 200))]!;
  const surname = () => pick(corpus.people).split(' ')[1]!;
  const out: BenchQuery[] = [];
  const add = (kind: string, ours: string, fts: string) => out.push({ kind, ours, fts });
  for (let i = 0; i < 40; i++) {
    const w = common();
    add('1 common word', w, ftsWord(w));
  }
  for (let i = 0; i < 40; i++) {
    const w = rare();
    add('1 rare word', w, ftsWord(w));
  }
  for (let i = 0; i < 30; i++) {
    const a = common();
    const b = i % 2 ? common() : rare();
    add('2 words', `${a} ${b}`, `${ftsWord(a)} ${ftsWord(b)}`);
  }
  for (let i = 0; i < 20; i++) {
    const s = surname();
    add('surname', s, ftsWord(s));
  }
  for (let i = 0; i < 20; i++) {
    const s = surname();
    const form = `${s}тың`;
    add('surname, Kazakh genitive', form, ftsWord(form));
  }
  for (let i = 0; i < 20; i++) {
    const s = latin(surname());
    add('surname in Latin', s, ftsWord(s));
  }
  for (let i = 0; i < 20; i++) {
    const w = [...rare()];
    const p = w.slice(0, Math.min(w.length, 4)).join('');
    if (p.length < 3) {
      i--;
      continue;
    }
    add('prefix', `${p}*`, `${ftsWord(p)}*`);
  }
  for (let i = 0; i < 10; i++) {
    const [first, last] = pick(corpus.people).split(' ');
    add('phrase (a person)', `"${first} ${last}"`, `"${first} ${last}"`);
  }
  return out;
}

async function buildFts(dir: string, file: string): Promise<number> {
  const { default: Database } = await import('better-sqlite3');
  await rm(file, { force: true });
  const t0 = performance.now();
  const store = await ArchiveStore.open(dir);
  const db = new Database(file);
  db.exec(`CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize="unicode61 remove_diacritics 2")`);
  const insert = db.prepare('INSERT INTO fts (title, body) VALUES (?, ?)');
  const articles = await store.allArticles();
  const facts = await store.allFacts();
  const { readArticleText } = await import('../../electron/core/import/articles.js');
  const texts = new Map<string, string>();
  for (const a of articles) texts.set(a.id, await readArticleText(store, a));
  db.transaction(() => {
    for (const a of articles) insert.run(a.title, texts.get(a.id)!);
    for (const f of facts) insert.run('', f.anchor.exact);
  })();
  db.close();
  await store.close();
  return performance.now() - t0;
}

async function measureSize(ctx: BenchContext, corpus: Corpus, size: number, queriesFile: string): Promise<SizeResult> {
  const shared = await corpusArchive(ctx, corpus, size);
  const dir = shared.dir;
  // rebuilt by every run (its build time is measured), so in this run's scratch folder
  const ftsFile = path.join(ctx.tmp, `fts5-${size}.sqlite`);
  const archiveMs = shared.built?.oursMs ?? null;
  gc();

  ctx.log(`search ${size}: index build (IndexedSearch.reindex)…`);
  await rm(path.join(dir, 'index'), { recursive: true, force: true });
  const indexing = await ArchiveStore.open(dir);
  const build = await timed(() => new IndexedSearch(indexing).reindex());
  // the children below open the archive: its single-writer lock must be free (reopened for the adds)
  await indexing.close();
  ctx.log(
    `  ${fmtMs(build.ms)} ms (CPU ${fmtMs(build.cpuMs)} ms), ${build.value.documents.toLocaleString('en-US')} documents, ${build.value.words.toLocaleString('en-US')} words`,
  );
  gc();

  ctx.log(`search ${size}: FTS5 build…`);
  const fts = await timed(() => buildFts(dir, ftsFile));
  // in the log as soon as it is known: on a loaded machine the rest of a size can take many minutes
  ctx.log(`  ${fmtMs(fts.ms)} ms (CPU ${fmtMs(fts.cpuMs)} ms): ours / FTS5 ${ratio(build.ms, fts.ms)}`);
  gc();

  const result: SizeResult = {
    size,
    build: { oursMs: build.ms, oursCpuMs: build.cpuMs, ftsMs: fts.ms, ftsCpuMs: fts.cpuMs, archiveMs },
    disk: { ours: (await diskUsage(path.join(dir, 'index'))).bytes, fts: (await diskUsage(ftsFile)).bytes },
    ours: { load: [], children: [], adds: [], addTotal: [] },
    fts: { load: [], children: [], adds: [] },
    scan: { latencies: [] },
  };

  ctx.log(`search ${size}: cold load + ${QUERIES} queries in fresh processes (${LOAD_RUNS} each)…`);
  for (let run = 0; run < LOAD_RUNS; run++) {
    const ours = await runChild<QueryChildResult>('search', 'query-ours', [dir, queriesFile]);
    result.ours.load.push(ours.result.loadMs);
    result.ours.children.push(ours.result);
    const fts = await runChild<QueryChildResult>('search', 'query-fts', [ftsFile, queriesFile]);
    result.fts.load.push(fts.result.loadMs);
    result.fts.children.push(fts.result);
  }

  ctx.log(`search ${size}: ${ADDS} incremental adds…`);
  const runId = `${process.pid}-${Date.now()}`;
  const store = await ArchiveStore.open(dir);
  const engine = new IndexedSearch(store);
  await engine.ready();
  // the shared archive gets its size back afterwards: the added articles are deleted again
  await changingCorpus(shared, async () => {
    const added: string[] = [];
    for (let k = 0; k < ADDS; k++) {
      const a = corpus.article(size + 1_000_000 + k);
      // a new text each run: a kept archive already holds the previous run's additions
      const bytes = Buffer.from(`${a.text}\n${runId}-${k}`, 'utf8');
      const t = await timed(() =>
        importArticle(store, { bytes, name: a.name, title: a.title, publishedAt: a.publishedAt, lang: a.lang }),
      );
      if (t.value.status !== 'imported') throw new Error('the added article was already in the archive');
      result.ours.adds.push(engine.lastUpdateMs);
      result.ours.addTotal.push(t.ms);
      added.push(t.value.article.id);
    }
    for (const id of added) await deleteArticle(store, id);
  });
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(ftsFile);
  const insert = db.prepare('INSERT INTO fts (title, body) VALUES (?, ?)');
  for (let k = 0; k < ADDS; k++) {
    const a = corpus.article(size + 1_000_000 + k);
    const t = performance.now();
    db.transaction(() => {
      insert.run(a.title, a.text);
      for (const f of a.facts) insert.run('', f.quote);
    })();
    result.fts.adds.push(performance.now() - t);
  }
  db.close();

  const scanQueries = size <= 1_000 ? 20 : size <= 10_000 ? 3 : 1;
  ctx.log(`search ${size}: linear scan, ${scanQueries} queries (it reads every text per query)…`);
  const queries = JSON.parse(await readFile(queriesFile, 'utf8')) as BenchQuery[];
  const scan = new ScanSearch(store);
  for (let i = 0; i < scanQueries; i++) {
    const q = queries[Math.floor((i * queries.length) / scanQueries)]!;
    result.scan.latencies.push((await timed(() => scan.search({ text: q.ours.replace(/[*"]/g, ''), limit: TOP }))).ms);
  }
  await store.close();
  await rm(ftsFile, { force: true });
  return result;
}

function report(results: SizeResult[], queries: BenchQuery[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    const size = r.size.toLocaleString('en-US');
    const lat = (cs: QueryChildResult[]) => cs.flatMap((c) => c.latencies);
    const rss = (cs: QueryChildResult[]) => Math.max(...cs.map((c) => c.maxRssMB));
    const o = lat(r.ours.children);
    const f = lat(r.fts.children);
    rows.push([
      size,
      'ours (indexed, folding)',
      `${(r.build.oursMs / 1000).toFixed(1)} s`,
      fmtMs(median(r.ours.load)),
      fmtMs(percentile(o, 50)),
      fmtMs(percentile(o, 95)),
      fmtMs(median(r.ours.adds)),
      rss(r.ours.children).toFixed(0),
      mb(r.disk.ours),
    ]);
    rows.push([
      size,
      'SQLite FTS5 (unicode61)',
      `${(r.build.ftsMs / 1000).toFixed(1)} s`,
      fmtMs(median(r.fts.load)),
      fmtMs(percentile(f, 50)),
      fmtMs(percentile(f, 95)),
      fmtMs(median(r.fts.adds)),
      rss(r.fts.children).toFixed(0),
      mb(r.disk.fts),
    ]);
    rows.push([
      size,
      `linear scan (${r.scan.latencies.length} queries)`,
      '–',
      '–',
      fmtMs(percentile(r.scan.latencies, 50)),
      fmtMs(percentile(r.scan.latencies, 95)),
      '–',
      '–',
      '–',
    ]);
    rows.push([
      size,
      '**ours / FTS5**',
      ratio(r.build.oursMs, r.build.ftsMs),
      ratio(median(r.ours.load), median(r.fts.load)),
      ratio(percentile(o, 50), percentile(f, 50)),
      ratio(percentile(o, 95), percentile(f, 95)),
      ratio(median(r.ours.adds), median(r.fts.adds)),
      ratio(rss(r.ours.children), rss(r.fts.children)),
      ratio(r.disk.ours, r.disk.fts),
    ]);
    rows.push([
      size,
      '**scan / ours**',
      '',
      '',
      ratio(percentile(r.scan.latencies, 50), percentile(o, 50)),
      '',
      '',
      '',
      '',
    ]);
  }
  const table = markdownTable(
    [
      'size (articles)',
      'engine',
      'index build',
      'cold load ms',
      'query p50 ms',
      'query p95 ms',
      'add 1 article ms',
      'peak RSS MB',
      'index MB',
    ],
    rows,
  );

  const details: string[] = [];
  for (const r of results) {
    const c = r.ours.children;
    details.push(
      `- **${r.size.toLocaleString('en-US')}**: build CPU ours ${fmtMs(r.build.oursCpuMs)} ms vs FTS5 ${fmtMs(r.build.ftsCpuMs)} ms (${ratio(r.build.oursCpuMs, r.build.ftsCpuMs)}; the ours figure includes its worker thread); cold load runs ${r.ours.load.map(fmtMs).join(', ')} ms (CPU ${c.map((x) => fmtMs(x.loadCpuMs)).join(', ')}); ` +
        `hits per query ours ${(c[0]!.hits / QUERIES).toFixed(1)} vs FTS5 ${(r.fts.children[0]!.hits / QUERIES).toFixed(1)} (of at most ${TOP}); ` +
        `add 1 article: index update p50 ${fmtMs(median(r.ours.adds))} / max ${fmtMs(Math.max(...r.ours.adds))} ms, whole durable import incl. index p50 ${fmtMs(median(r.ours.addTotal))} ms; FTS5 insert of article + 5 facts p50 ${fmtMs(median(r.fts.adds))} ms` +
        (r.build.archiveMs !== null
          ? `; archive built through the core in ${(r.build.archiveMs / 1000).toFixed(0)} s`
          : ''),
    );
    const byKind = new Map<string, number[]>();
    for (const child of c)
      child.latencies.forEach((ms, i) => byKind.set(queries[i]!.kind, [...(byKind.get(queries[i]!.kind) ?? []), ms]));
    details.push(
      `  - ours p50/p95 by query kind: ${[...byKind].map(([k, v]) => `${k} ${fmtMs(percentile(v, 50))}/${fmtMs(percentile(v, 95))}`).join('; ')}`,
    );
  }

  const targets = results.filter((r) => r.size in TARGET_LOAD_MS);
  const verdict =
    targets.length === 0
      ? targetsNotChecked(
          Object.keys(TARGET_LOAD_MS).map(Number),
          `index build ≤ ${TARGET_BUILD_RATIO}× FTS5, query p95 ≤ ${TARGET_P95_RATIO}× FTS5, cold load < ${Object.values(TARGET_LOAD_MS).join(' / ')} ms, incremental add < ${TARGET_ADD_MS} ms`,
        )
      : targets
          .map((target) => {
            const o = target.ours.children.flatMap((c) => c.latencies);
            const f = target.fts.children.flatMap((c) => c.latencies);
            const p95ratio = percentile(o, 95) / percentile(f, 95);
            const buildRatio = target.build.oursMs / target.build.ftsMs;
            const load = median(target.ours.load);
            const loadTarget = TARGET_LOAD_MS[target.size]!;
            const add = median(target.ours.adds);
            return (
              `Targets at ${target.size.toLocaleString('en-US')} articles: index build ${buildRatio.toFixed(2)}× FTS5 ≤ ${TARGET_BUILD_RATIO}×: **${met(buildRatio <= TARGET_BUILD_RATIO)}**; ` +
              `query p95 ${p95ratio.toFixed(2)}× FTS5 ≤ ${TARGET_P95_RATIO}×: **${met(p95ratio <= TARGET_P95_RATIO)}**; ` +
              `cold load ${fmtMs(load)} ms < ${loadTarget} ms: **${met(load < loadTarget)}**; incremental add ${fmtMs(add)} ms < ${TARGET_ADD_MS} ms: **${met(add < TARGET_ADD_MS)}**.`
            );
          })
          .join('\n');
  return partReport(
    '### Search',
    table,
    details.join('\n'),
    verdict,
    `How measured: ${QUERIES} queries (${[...new Set(queries.map((q) => q.kind))].join(', ')}), top ${TOP} with snippets (ours: highlighted snippet from the article text; FTS5: its snippet() function), ` +
      'run in a fresh Node process right after loading, once each, 3 processes per engine; p50/p95 over all 600 runs. "cold load" = Archive store open + index load in that process (FTS5: opening the database and a first query). ' +
      'FTS5 runs its own syntax for each query (words quoted, prefix "w"*), without folding or stemming: it misses Latin spellings and Kazakh inflections that ours finds (see hits per query). ' +
      '"add 1 article" = ours: the index update after an import is saved (journal append, fsync-free); FTS5: one transaction inserting the article and 5 fact quotes. The scan is the first engine (reads every text per query).',
  );
}

export const searchPart: BenchPart = {
  name: 'search',
  description:
    'indexed cross-script search vs SQLite FTS5 and a linear scan: build, cold load, query p50/p95, add, RSS, size',
  async run(ctx) {
    const corpus = new Corpus(ctx.seed);
    const queries = makeQueries(corpus, ctx.seed);
    const queriesFile = path.join(ctx.tmp, `search-queries-seed${ctx.seed}.json`);
    await mkdir(path.dirname(queriesFile), { recursive: true });
    await writeFile(queriesFile, JSON.stringify(queries));
    const results: SizeResult[] = [];
    for (const size of ctx.sizes) results.push(await measureSize(ctx, corpus, size, queriesFile));
    return { report: report(results, queries), data: results };
  },
  child: {
    async 'query-ours'([dir, queriesFile]) {
      const queries = JSON.parse(await readFile(queriesFile!, 'utf8')) as BenchQuery[];
      const load = await timed(async () => {
        const store = await ArchiveStore.open(dir!);
        const engine = new IndexedSearch(store);
        await engine.ready();
        return engine;
      });
      const engine = load.value;
      if (engine.status.rebuilt !== 'no') throw new Error(`the index was rebuilt at load (${engine.status.rebuilt})`);
      const latencies: number[] = [];
      let hits = 0;
      for (const q of queries) {
        const t = performance.now();
        hits += (await engine.search({ text: q.ours, limit: TOP })).length;
        latencies.push(performance.now() - t);
      }
      return {
        loadMs: load.ms,
        loadCpuMs: load.cpuMs,
        latencies,
        hits,
        maxRssMB: peakRssMB(),
      } satisfies QueryChildResult;
    },
    async 'query-fts'([file, queriesFile]) {
      const queries = JSON.parse(await readFile(queriesFile!, 'utf8')) as BenchQuery[];
      const { default: Database } = await import('better-sqlite3');
      const load = await timed(async () => {
        const db = new Database(file!, { readonly: true });
        const stmt = db.prepare(
          `SELECT rowid, snippet(fts, -1, '[', ']', '…', 16) AS s FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ${TOP}`,
        );
        stmt.all('"a"');
        return stmt;
      });
      const latencies: number[] = [];
      let hits = 0;
      for (const q of queries) {
        const t = performance.now();
        hits += load.value.all(q.fts).length;
        latencies.push(performance.now() - t);
      }
      return {
        loadMs: load.ms,
        loadCpuMs: load.cpuMs,
        latencies,
        hits,
        maxRssMB: peakRssMB(),
      } satisfies QueryChildResult;
    },
  },
};

/**
 * A receive is all or nothing: the real CLI receives a bundle and is SIGKILLed just before one of its file
 * mutations (the fault hook's AQIQAT_CRASH_AT: each mutation a clean receive makes once, then seeded draws
 * over them); then the archive opens (which replays a journal a kill left) and its meaning is either exactly as
 * before or exactly that of a clean receive. Compared by a canonical dump of the store, not file bytes.
 * Trials: AQIQAT_RECEIVE_KILL_TRIALS (default 32); seed: AQIQAT_RECEIVE_KILL_SEED.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';
import { canonicalJson } from '../../../../electron/core/team/format.js';
import { JOURNAL_FILE } from '../../../../electron/core/team/receive.js';
import { aqiqat, aqiqatChild } from '../../cli-driver.js';
import { copyArchive, teamFixture, type TeamFixture } from './fixture.js';

const TRIALS = Number(process.env.AQIQAT_RECEIVE_KILL_TRIALS ?? 32);
const SEED = Number(process.env.AQIQAT_RECEIVE_KILL_SEED ?? 20261202);
const HOOK = path.resolve(import.meta.dirname, '../../kill/fault-hook.mjs');
/** trials run side by side: each is mostly a Node start-up */
const PARALLEL = 3;

/** mulberry32: a small seeded generator, so a failing trial can be run again */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What the archive means: its people, cases, tags, facts, articles, what it has received and synced, the
 * conflicts (without their random ids and times), the receive's audit lines and what search finds. Opening
 * it is what the user does next, so it replays a journal.
 */
async function meaning(dir: string, word: string): Promise<string> {
  const archive = await Archive.open(dir);
  try {
    const store = storeForTests(archive);
    const { team, entities, cases, tags, factTypes } = store.meta.data;
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1));
    const audit = (await store.audit.readAll()).entries
      .filter((e) => e.action.startsWith('received-') || e.action === 'bundle-received')
      .map((e) => `${e.action} ${e.factId ?? e.caseId ?? e.entityId ?? e.articleId ?? ''} ${e.sha256}`);
    return canonicalJson({
      entities: byId(entities),
      cases: byId(cases),
      tags,
      factTypes,
      team: team && {
        ...team,
        conflicts: team.conflicts.map(({ id: _i, at: _a, ...c }) => c),
      },
      facts: byId(await store.allFacts()),
      articles: byId(await store.allArticles()),
      audit,
      search: (await archive.search(word)).map((h) => `${h.kind} ${h.id}`).sort(),
      journalLeft: await readFile(path.join(dir, JOURNAL_FILE)).then(
        () => true,
        () => false,
      ),
    });
  } finally {
    await archive.close();
  }
}

let fx: TeamFixture;
let before = '';
let merged = '';
let mutations = 0;
/** the clean receive's file mutations, one a line: `N op path` */
let log: string[] = [];

beforeAll(async () => {
  fx = await teamFixture();
  before = await meaning(await copyArchive(fx.a, path.join(fx.root, 'before')), fx.word);
  const clean = await copyArchive(fx.a, path.join(fx.root, 'clean'));
  const logFile = path.join(fx.root, 'mutations.log');
  const r = aqiqat(['--archive', clean, 'receive', fx.toA, '--json'], {
    node: ['--import', HOOK],
    env: { AQIQAT_CRASH_LOG: logFile },
  });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout).changes.length).toBeGreaterThan(3);
  log = (await readFile(logFile, 'utf8')).trim().split('\n');
  mutations = log.length;
  merged = await meaning(clean, fx.word);
}, 120_000);
afterAll(() => fx?.remove());

describe('receive killed at any moment', () => {
  it('the clean receive changed the meaning, and search finds what it brought', () => {
    expect(merged).not.toBe(before);
    expect(JSON.parse(merged).search.length).toBeGreaterThan(0);
    expect(JSON.parse(before).search).toEqual([]);
    // the trials kill on both sides of the journal: before it is renamed into place, and up to its removal
    expect(log.findIndex((l) => /rename .*\.receive\.journal\./.test(l))).toBeGreaterThan(0);
    expect(log.at(-1)).toMatch(/^\d+ rm .*receive\.journal$/);
    expect(log.some((l) => /open-append .*audit\.log$/.test(l))).toBe(true);
  });

  it(`after a SIGKILL at ${TRIALS} seeded moments the archive opens as before or fully merged`, async () => {
    const next = random(SEED);
    // every mutation point once (in a seeded order), then seeded draws over them all
    const every = Array.from({ length: mutations }, (_, i) => i + 1);
    for (let i = every.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [every[i], every[j]] = [every[j]!, every[i]!];
    }
    const points = Array.from({ length: Math.max(TRIALS, mutations) }, (_, i) =>
      i < mutations ? every[i]! : 1 + Math.floor(next() * mutations),
    );
    const trial = async (i: number): Promise<'before' | 'merged'> => {
      const at = points[i]!;
      const dir = await copyArchive(fx.a, path.join(fx.root, `trial-${i}`));
      const child = aqiqatChild(['--archive', dir, 'receive', fx.toA], {
        node: ['--import', HOOK],
        env: { AQIQAT_CRASH_AT: String(at) },
      });
      const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, s) => resolve(s)));
      expect(signal, `trial ${i}: mutation ${at} of ${mutations}`).toBe('SIGKILL');
      const now = await meaning(dir, fx.word);
      if (now === before) return 'before';
      expect(now, `trial ${i}: killed before mutation ${at} of ${mutations}`).toBe(merged);
      return 'merged';
    };
    const outcomes: string[] = [];
    for (let i = 0; i < points.length; i += PARALLEL)
      outcomes.push(
        ...(await Promise.all(Array.from({ length: Math.min(PARALLEL, points.length - i) }, (_, j) => trial(i + j)))),
      );
    expect(outcomes.length).toBeGreaterThanOrEqual(TRIALS);
    // the kills landed on both sides of the journal's write
    expect(outcomes).toContain('before');
    expect(outcomes).toContain('merged');
  }, 240_000);
});

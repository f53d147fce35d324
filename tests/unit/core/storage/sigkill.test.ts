/**
 * Kill a writing process with SIGKILL at random moments and prove after each kill
 * that archive.json parses and validates, every shard does too, and every write the process
 * acknowledged before it died is on disk. The same archive goes through all trials, so each trial
 * also reopens an archive whose lock was left by a killed process.
 * Trials: AQIQAT_KILL_TRIALS (default 100).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { sha256Hex } from '../../../../electron/core/import/articles.js';
import { isTempFile } from '../../../../electron/core/storage/atomic.js';
import { verifyArchive } from '../../../../electron/core/protection/integrity.js';
import { SEED_ARTICLE, tempDir } from '../../helpers.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';

const TRIALS = Number(process.env.AQIQAT_KILL_TRIALS ?? 100);
let writerJs = '';

let writerDir = '';
afterAll(() => rm(writerDir, { recursive: true, force: true }));
beforeAll(async () => {
  // not tempDir(): that one is removed after each test, and the writer serves all of them
  writerDir = await mkdtemp(path.join(os.tmpdir(), 'aqiqat-writer-'));
  writerJs = path.join(writerDir, 'writer.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, '../../kill/writer.ts')],
    outfile: writerJs,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning', // lowdb and zod bundled in: the file lives in a temp folder
  });
}, 30_000);

interface Acks {
  facts: Map<string, string>;
  deleted: Set<string>;
  /** deletions begun: done or not, depending on when the kill came */
  deleting: Set<string>;
  articles: Set<string>;
  ready: boolean;
}

/** Run the writer, kill it at a random moment, return what it acknowledged. */
function runAndKill(
  dir: string,
  articleId: string,
  tag: string,
  passphrase?: string,
): Promise<{ acks: Acks; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writerJs, dir, articleId, tag], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AQIQAT_PASSPHRASE: passphrase ?? '' },
    });
    const acks: Acks = { facts: new Map(), deleted: new Set(), deleting: new Set(), articles: new Set(), ready: false };
    let out = '';
    let stderr = '';
    const kill = () => child.kill('SIGKILL');
    // one trial in eight dies during start-up (lock, snapshot); the rest while writing
    const early = Math.random() < 0.125;
    let timer: NodeJS.Timeout | undefined = early ? setTimeout(kill, Math.random() * 150) : setTimeout(kill, 5_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!early && !acks.ready && out.includes('ready\n')) {
        acks.ready = true;
        clearTimeout(timer);
        timer = setTimeout(kill, Math.random() * 250);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      for (const line of out.split('\n')) {
        const [kind, id, ...rest] = line.split(' ');
        if (kind === 'ready') acks.ready = true;
        else if (kind === 'fact') acks.facts.set(id!, rest.join(' '));
        else if (kind === 'deleted') acks.deleted.add(id!);
        else if (kind === 'deleting') acks.deleting.add(id!);
        else if (kind === 'article') acks.articles.add(id!);
        // a partial last line (killed mid-print) has no id yet: it was not acknowledged
      }
      resolve({ acks, stderr });
    });
  });
}

/** Run `trials` kill-and-check rounds on one archive; returns what went wrong. */
async function killTrials(trials: number, passphrase?: string): Promise<void> {
  {
    const options = passphrase ? { encrypt: true, passphrase } : {};
    const dir = path.join(await tempDir(), 'archive');
    const seeded = await Archive.create(dir, options);
    const { article } = await seeded.importArticle({ bytes: await readFile(SEED_ARTICLE), name: 'seed.txt' });
    await seeded.close();

    const expectedFacts = new Map<string, string>();
    const deleted = new Set<string>();
    const articles = new Set<string>([article.id]);
    let acked = 0;
    let killedWhileWriting = 0;
    const corrupt: string[] = [];
    const lost: string[] = [];

    for (let t = 0; t < trials; t++) {
      const { acks, stderr } = await runAndKill(dir, article.id, `t${t}`, passphrase);
      expect(stderr, `trial ${t}: the writer failed on its own`).toBe('');
      for (const [id, person] of acks.facts) expectedFacts.set(id, person);
      for (const id of acks.deleting) expectedFacts.delete(id);
      for (const id of acks.deleted) {
        deleted.add(id);
        expectedFacts.delete(id);
      }
      for (const id of acks.articles) articles.add(id);
      acked += acks.facts.size + acks.deleted.size + acks.articles.size;
      if (acks.ready) killedWhileWriting++;

      // reopen: takes over the dead writer's lock, validates archive.json, sweeps its temp files
      let archive: Archive;
      try {
        archive = await Archive.open(dir, options);
      } catch (e) {
        corrupt.push(`trial ${t}: ${(e as Error).message}`);
        break;
      }
      try {
        const facts = new Map((await archive.listFacts()).map((f) => [f.id, f]));
        for (const [id, person] of expectedFacts) {
          const f = facts.get(id);
          if (!f) lost.push(`trial ${t}: fact ${id}`);
          else if (!f.people.includes(person)) lost.push(`trial ${t}: person ${person} of ${id}`);
        }
        for (const id of deleted) if (facts.has(id)) lost.push(`trial ${t}: deleted fact ${id} is back`);
        const listed = new Map((await archive.listArticles()).map((a) => [a.id, a]));
        for (const id of articles) {
          const a = listed.get(id);
          if (!a) {
            lost.push(`trial ${t}: article ${id}`);
            continue;
          }
          const { text } = await archive.getArticle(id);
          if (sha256Hex(text) !== a.textSha256) corrupt.push(`trial ${t}: text of ${id}`);
        }
        // every acknowledged change is in the audit log, whose chain holds (a torn last line is marked, not broken)
        const audit = await storeForTests(archive).audit.readAll();
        for (const b of audit.broken) corrupt.push(`trial ${t}: ${b}`);
        const logged = new Set(audit.entries.map((e) => `${e.action} ${e.factId ?? e.articleId}`));
        for (const id of acks.facts.keys())
          if (!logged.has(`fact-added ${id}`)) lost.push(`trial ${t}: audit of fact ${id}`);
        for (const id of acks.deleted)
          if (!logged.has(`fact-deleted ${id}`)) lost.push(`trial ${t}: audit of deletion ${id}`);
        // a kill is never taken for tampering: the log ends where its head says (or after it), every quote is its text
        for (const p of (await verifyArchive(storeForTests(archive))).problems) {
          if (['audit-end', 'audit-chain', 'quote'].includes(p.problem))
            corrupt.push(`trial ${t}: verify: ${p.detail}`);
        }
      } catch (e) {
        corrupt.push(`trial ${t}: ${(e as Error).message}`);
      } finally {
        await archive.close();
      }
    }

    const leftovers = [dir, path.join(dir, 'shards'), path.join(dir, 'texts'), path.join(dir, 'sources')];
    const temps = (await Promise.all(leftovers.map(async (d) => (await readdir(d)).filter(isTempFile)))).flat();
    const torn = (await storeForTests(await Archive.open(dir, options)).audit.readAll()).torn;
    await (await Archive.open(dir, options)).close();
    console.info(
      `[kill test${passphrase ? ', encrypted' : ''}] ${trials} trials, ${killedWhileWriting} killed while writing, ${acked} acknowledged writes, ${corrupt.length} corrupt, ${lost.length} lost, ${temps.length} temp files left, ${torn} audit lines torn and marked`,
    );
    expect(corrupt).toEqual([]);
    expect(lost).toEqual([]);
    expect(temps).toEqual([]);
    expect(killedWhileWriting).toBeGreaterThan(trials / 2);
    expect(acked).toBeGreaterThan(trials);
  }
}

describe('SIGKILL at random moments', () => {
  it(
    `loses no acknowledged write and never corrupts the archive (${TRIALS} trials)`,
    () => killTrials(TRIALS),
    600_000,
  );

  // the sealed path (crypto.ts) writes through the same atomic writer; a third of the trials on it
  it(`neither in an encrypted archive (${Math.ceil(TRIALS / 3)} trials)`, async () => {
    process.env.AQIQAT_TEST_SCRYPT_LOG2N = '12';
    try {
      await killTrials(Math.ceil(TRIALS / 3), 'kill test passphrase');
    } finally {
      delete process.env.AQIQAT_TEST_SCRYPT_LOG2N;
    }
  }, 600_000);
});

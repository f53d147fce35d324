import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

export const SAMPLE_DIR = path.resolve(import.meta.dirname, '../../data/sample');
export const SEED_ARTICLE = path.join(SAMPLE_DIR, 'seed-article-kk.txt');

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A fresh temp folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'aqiqat-test-'));
  made.push(dir);
  return dir;
}

/** Every file below `dir` with its bytes: to prove that a refused operation wrote nothing. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(d: string): Promise<void> {
    for (const name of await readdir(d)) {
      const p = path.join(d, name);
      if ((await stat(p)).isDirectory()) await walk(p);
      else out.set(path.relative(dir, p), (await readFile(p)).toString('base64'));
    }
  }
  await walk(dir);
  return out;
}

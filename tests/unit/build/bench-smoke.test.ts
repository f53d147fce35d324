/**
 * `npm run bench` is not timed in the tests, but it must keep running: its storage and search parts
 * spawn processes that open the archive the parent built, which the single-writer lock once broke
 * unnoticed. A tiny run of those parts (no figures checked: wall times here mean nothing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../../..');

describe('npm run bench', () => {
  // a run starts several processes of its own: minutes on a loaded machine
  it('the storage and search parts run to their report at a tiny size', { timeout: 300_000 }, () => {
    // its own work folder: a cached archive from an earlier run must not stand in for building one
    const work = mkdtempSync(path.join(os.tmpdir(), 'aqiqat-bench-smoke-'));
    execFileSync(process.execPath, ['build/build-node.mjs', 'bench'], { cwd: REPO, stdio: 'inherit' });
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', 'dist/bench/bench.js', 'storage', 'search', '--sizes', '40', '--saves', '3', '--work', work],
      { cwd: REPO, encoding: 'utf8' },
    );
    expect(r.stderr + r.stdout).not.toMatch(/open in another window/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\| 40 \| ours \(sharded\) \|/);
    expect(r.stdout).toMatch(/\| 40 \| ours \(indexed, folding\) \|/);
    rmSync(work, { recursive: true, force: true });
  });
});

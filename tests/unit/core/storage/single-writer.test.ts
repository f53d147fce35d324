import { spawnSync } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { bootTime, LOCK_FILE } from '../../../../electron/core/storage/lock.js';
import { aqiqat, expectOneLineError } from '../../cli-driver.js';
import { tempDir } from '../../helpers.js';

async function newArchive(): Promise<string> {
  const dir = path.join(await tempDir(), 'a');
  await (await Archive.create(dir)).close();
  return dir;
}

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const gone = (file: string) =>
  access(file).then(
    () => false,
    () => true,
  );

describe('single-writer lock', () => {
  it('refuses a second process with "open in another window", and lets it in after close', async () => {
    const dir = await newArchive();
    const archive = await Archive.open(dir);
    expectOneLineError(
      aqiqat(['--archive', dir, 'articles']),
      /^aqiqat: the archive .* is open in another window \(the aqiqat command line, process \d+, since .*\); close it there first$/m,
    );
    await archive.close();
    expect(await gone(path.join(dir, LOCK_FILE))).toBe(true);
    expect(aqiqat(['--archive', dir, 'articles']).code).toBe(0);
    expect(await gone(path.join(dir, LOCK_FILE))).toBe(true); // the CLI released it on exit
  });

  it('takes over the lock of a crashed process', async () => {
    const dir = await newArchive();
    const lock = {
      pid: deadPid(),
      host: os.hostname(),
      startedAt: '2026-01-01T00:00:00.000Z',
      by: 'the Aqiqat app',
      boot: bootTime(),
    };
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify(lock));
    expect(aqiqat(['--archive', dir, 'articles', '--json']).stdout).toBe('[]\n');
  });

  it('takes over a lock written before the last reboot, even if its pid is alive now', async () => {
    const dir = await newArchive();
    const lock = {
      pid: process.ppid,
      host: os.hostname(),
      startedAt: '2026-01-01T00:00:00.000Z',
      by: 'the Aqiqat app',
      boot: bootTime() - 86_400,
    };
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify(lock));
    expect(aqiqat(['--archive', dir, 'articles']).code).toBe(0);
  });

  it('keeps a lock held by a live process or by another machine', async () => {
    const dir = await newArchive();
    const file = path.join(dir, LOCK_FILE);
    const other = {
      pid: 4242,
      host: 'field-laptop-2',
      startedAt: '2026-01-01T00:00:00.000Z',
      by: 'the Aqiqat app',
      boot: 1,
    };
    await writeFile(file, JSON.stringify(other));
    expect(aqiqat(['--archive', dir, 'articles']).stderr).toMatch(
      /open in another window \(the Aqiqat app, process 4242 on field-laptop-2/,
    );
    const alive = { ...other, pid: process.pid, host: os.hostname(), boot: bootTime() };
    await writeFile(file, JSON.stringify(alive));
    expect(aqiqat(['--archive', dir, 'articles']).stderr).toMatch(/open in another window/);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(alive); // left as it was
  });

  it('is re-entrant within one process and released by the last close', async () => {
    const dir = await newArchive();
    const a = await Archive.open(dir);
    const b = await Archive.open(dir);
    await a.close();
    expect(await gone(path.join(dir, LOCK_FILE))).toBe(false);
    await b.close();
    expect(await gone(path.join(dir, LOCK_FILE))).toBe(true);
  });
});

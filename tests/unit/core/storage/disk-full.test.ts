/**
 * A full disk, injected through the real CLI (kill/fault-hook.mjs: a write on a matching path writes half
 * its bytes and fails with ENOSPC): reading, exporting and backing up to another disk still work, and a
 * write that fails says "disk full" in one line, never "internal error".
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { userMessage } from '../../../../electron/core/errors.js';
import { tempDir } from '../../helpers.js';
import { aqiqatWith } from '../../cli-driver.js';

const HOOK = path.resolve(import.meta.dirname, '../../kill/fault-hook.mjs');

const aqiqat = aqiqatWith({ node: ['--import', HOOK] });

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The id of the sample's first fact. */
const firstFact = (A: string[]): string =>
  (JSON.parse(aqiqat([...A, 'facts', '--json']).stdout) as { id: string }[])[0]!.id;

/** A sample archive whose archive.json changed since its newest snapshot (so opening wants to write one). */
async function changedArchive() {
  const scratch = await tempDir();
  const dir = path.join(scratch, 'archive');
  expect(aqiqat(['--archive', dir, 'init', '--sample']).code).toBe(0);
  expect(aqiqat(['--archive', dir, 'entity', 'add', 'Disk Full Person', '--kind', 'person']).code).toBe(0);
  return { scratch, dir, A: ['--archive', dir] };
}

describe('a full disk', () => {
  it('a snapshot that cannot be written does not stop articles, export or backup to another disk', async () => {
    const { scratch, dir, A } = await changedArchive();
    const full = { AQIQAT_FAULT: `ENOSPC:write:${escape(path.join(dir, 'backups'))}` };
    const note = 'note: no snapshot of archive.json was taken (disk full)\n';
    const articles = aqiqat([...A, 'articles'], { env: full });
    expect(articles.stderr).toBe(note);
    expect(articles.code).toBe(0);
    expect(articles.stdout).not.toBe('');
    const exported = aqiqat([...A, 'export', '--format', 'json'], { env: full });
    expect(exported.stderr).toBe(note);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).length).toBeGreaterThan(0);
    const backup = aqiqat([...A, 'backup', '--out', path.join(scratch, 'elsewhere.aqbackup')], { env: full });
    expect(backup.stderr).toBe(note);
    expect(backup.code).toBe(0);
  });

  it('with no room even for the lock, the archive opens for reading and a change is refused in one line', async () => {
    const { scratch, dir, A } = await changedArchive();
    // every write inside the archive folder fails, the backup on "another disk" does not
    const full = { AQIQAT_FAULT: `ENOSPC:write:^${escape(dir)}/` };
    const articles = aqiqat([...A, 'articles'], { env: full });
    expect(articles.stderr).toBe(
      'note: the disk is full, so the archive is open only for reading; free some space to change it\n',
    );
    expect(articles.code).toBe(0);
    const backup = aqiqat([...A, 'backup', '--out', path.join(scratch, 'elsewhere.aqbackup')], { env: full });
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^backed up \d+ files/);
    // what leaves for another disk is written; only its audit line waits for free space, and says so
    const unrecorded = (what: string) => `note: the audit log could not record this ${what} (the disk is full:`;
    const csv = path.join(scratch, 'elsewhere.csv');
    const exported = aqiqat([...A, 'export', '--format', 'csv', '--out', csv], { env: full });
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(unrecorded('export'));
    expect((await readFile(csv, 'utf8')).split('\n').length).toBeGreaterThan(2);
    const html = path.join(scratch, 'elsewhere.html');
    const dossier = aqiqat(
      [...A, 'dossier', '--facts', firstFact(A), '--title', 'Moved', '--format', 'html', '--out', html],
      { env: full },
    );
    expect(dossier.code).toBe(0);
    expect(dossier.stderr).toContain(unrecorded('dossier'));
    expect(await readFile(html, 'utf8')).toMatch(/<html/);
    const add = aqiqat([...A, 'entity', 'add', 'Another Person', '--kind', 'person'], { env: full });
    expect(add.code).toBe(1);
    expect(add.stderr.trimEnd().split('\n').at(-1)).toBe(
      'aqiqat: the disk is full, so the archive was opened only for reading: free some space and open it again to change it',
    );
    expect(aqiqat([...A, 'entity', 'list']).stdout).not.toMatch(/Another Person/);
  });

  it('a save that meets a full disk says so in one line and keeps the archive as it was', async () => {
    const { dir, A } = await changedArchive();
    const add = aqiqat([...A, 'entity', 'add', 'Another Person', '--kind', 'person'], {
      env: {
        AQIQAT_FAULT: `ENOSPC:write:${escape(path.join(dir, '.archive.json'))}`,
      },
    });
    expect(add.code).toBe(1);
    expect(add.stderr).toBe(
      'aqiqat: could not save the archive: the disk is full: free some space, or write to another disk, and try again\n',
    );
    const list = aqiqat([...A, 'entity', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/Disk Full Person/);
    expect(list.stdout).not.toMatch(/Another Person/);
  });

  it('any other write that fails for want of space is one line too (the app shows the same)', () => {
    const e = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(userMessage(e)).toBe('the disk is full: free some space, or write to another disk, and try again');
    expect(userMessage(Object.assign(new Error('EDQUOT: disk quota exceeded'), { code: 'EDQUOT' }))).toMatch(
      /^the disk is full/,
    );
  });
});

/**
 * `aqiqat restore` under faults, through the real CLI with file system faults injected (kill/fault-hook.mjs):
 * a rename refused (Windows: a folder an antivirus holds), a kill at every file mutation, a full disk.
 * After each, the CLI and the app's start find the old or the restored archive, never none, never a sample.
 */
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveSession } from '../../../../electron/session.js';
import { SAMPLE_DIR, snapshot, tempDir } from '../../helpers.js';
import { aqiqatWith, expectOneLineError } from '../../cli-driver.js';

const HOOK = path.resolve(import.meta.dirname, '../../kill/fault-hook.mjs');

const aqiqat = aqiqatWith({ node: ['--import', HOOK] });

/**
 * An archive whose people tell which state it is in: the backup has "Backed Up Person"; the archive
 * at the time of the restore also has "Added After Backup"; a sample would have neither.
 */
async function setUp() {
  const scratch = await tempDir();
  const base = path.join(scratch, 'base');
  const backup = path.join(scratch, 'b.aqbackup');
  expect(aqiqat(['--archive', base, 'init', '--sample']).code).toBe(0);
  expect(aqiqat(['--archive', base, 'entity', 'add', 'Backed Up Person', '--kind', 'person']).code).toBe(0);
  expect(aqiqat(['--archive', base, 'backup', '--out', backup]).code).toBe(0);
  expect(aqiqat(['--archive', base, 'entity', 'add', 'Added After Backup', '--kind', 'person']).code).toBe(0);
  return { scratch, base, backup };
}

type State = 'old' | 'restored' | 'other';
const stateOf = (names: string[]): State =>
  names.includes('Backed Up Person') ? (names.includes('Added After Backup') ? 'old' : 'restored') : 'other';

function cliState(dir: string): State | string {
  const r = aqiqat(['--archive', dir, 'entity', 'list', '--json']);
  if (r.code !== 0) return r.stderr.trim();
  return stateOf((JSON.parse(r.stdout) as Array<{ name: string }>).map((e) => e.name));
}

async function appState(dir: string): Promise<State | string> {
  try {
    const session = await ArchiveSession.start(dir, SAMPLE_DIR);
    try {
      return stateOf(await session.use((a) => a.listEntities().map((e) => e.name)));
    } finally {
      await session.close();
    }
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * What a restore left beside the archive folder `a`. A lock's temp file from a kill is left until it is
 * 10 s old (it could be another process's, about to be linked): not counted.
 */
async function besides(scratch: string): Promise<string[]> {
  return (await readdir(scratch))
    .filter((n) => n.startsWith('a.') && !/^a\.restore\.lock\.[0-9a-f]{12}\.tmp$/.test(n))
    .map((n) => n.replace(/\d{8}T\d{9}Z/, 'TIME'));
}

describe('restore under faults', () => {
  it('a refused rename of the restored folder puts the archive back and says so in one line', async () => {
    const { scratch, base, backup } = await setUp();
    const dir = path.join(scratch, 'a');
    await cp(base, dir, { recursive: true });
    const r = aqiqat(['--archive', dir, 'restore', backup], { env: { AQIQAT_FAULT: 'EBUSY:rename:\\.restoring-' } });
    expectOneLineError(r, /could not put the restored archive in place \(EBUSY: .*antivirus.*\); nothing was changed/);
    expect(await besides(scratch)).toEqual([]);
    expect(cliState(dir)).toBe('old');
    expect(await appState(dir)).toBe('old');
  });

  it('when the old archive cannot be put back either, the next open (CLI or app) puts it back', async () => {
    for (const opener of ['cli', 'app'] as const) {
      const { scratch, base, backup } = await setUp();
      const dir = path.join(scratch, 'a');
      await cp(base, dir, { recursive: true });
      const r = aqiqat(['--archive', dir, 'restore', backup], {
        env: {
          AQIQAT_FAULT: 'EBUSY:rename:\\.(restoring|before-restore)-',
        },
      });
      expectOneLineError(
        r,
        /nor the old one back \(EBUSY\); the old archive is in .*a\.before-restore-\d+T\d+Z and goes back in place the next time/,
      );
      // still held at the next open: said in one line, and nothing is lost
      expectOneLineError(
        aqiqat(['--archive', dir, 'articles'], { env: { AQIQAT_FAULT: 'EBUSY:rename:\\.before-restore-' } }),
        /an interrupted restore left the archive in .*a\.before-restore-\d+T\d+Z and it cannot be moved back to .*\(EBUSY: a program may hold a file in it\)/,
      );
      expect(opener === 'cli' ? cliState(dir) : await appState(dir)).toBe('old');
      expect(await besides(scratch)).toEqual([]);
    }
  });

  it('a kill at any point of restore leaves the old or the restored archive for the next open, never none and never a sample', async () => {
    const { scratch, base, backup } = await setUp();
    const dir = path.join(scratch, 'a');
    const log = path.join(scratch, 'mutations.log');
    await cp(base, dir, { recursive: true });
    expect(aqiqat(['--archive', dir, 'restore', backup], { env: { AQIQAT_CRASH_LOG: log } }).code).toBe(0);
    const points = (await readFile(log, 'utf8')).trim().split('\n');
    expect(points.length).toBeGreaterThan(5);
    const seen = new Set<State | string>();
    const wrong: string[] = [];
    for (let k = 1; k <= points.length; k++) {
      for (const name of await readdir(scratch))
        if (name.startsWith('a')) await rm(path.join(scratch, name), { recursive: true, force: true });
      await cp(base, dir, { recursive: true });
      const killed = aqiqat(['--archive', dir, 'restore', backup], { env: { AQIQAT_CRASH_AT: String(k) } });
      if (killed.signal !== 'SIGKILL') wrong.push(`point ${k} (${points[k - 1]}): not killed, ${killed.stderr.trim()}`);
      // the app and the CLI take turns at opening first (and so at finishing the interrupted swap)
      const first = k % 2 === 0 ? await appState(dir) : cliState(dir);
      const second = k % 2 === 0 ? cliState(dir) : await appState(dir);
      seen.add(first);
      if (first !== 'old' && first !== 'restored') wrong.push(`point ${k} (${points[k - 1]}): ${first}`);
      if (second !== first) wrong.push(`point ${k} (${points[k - 1]}): then ${second}`);
      const left = await besides(scratch);
      if (left.some((n) => !/^a\.before-restore-TIME$/.test(n)))
        wrong.push(`point ${k} (${points[k - 1]}): left ${left.join(' ')}`);
    }
    expect(wrong).toEqual([]);
    expect(seen).toEqual(new Set(['old', 'restored']));
  }, 600_000);

  it('without an archive but with a restore’s leftovers beside it, neither the CLI nor the app creates one', async () => {
    const { scratch, base } = await setUp();
    await cp(base, path.join(scratch, 'a.before-restore-20261201T000000000Z'), { recursive: true });
    const dir = path.join(scratch, 'a');
    const r = aqiqat(['--archive', dir, 'articles']);
    expectOneLineError(r, /no archive in .*a, but a restore left .*a\.before-restore-20261201T000000000Z beside it/);
    expect(await appState(dir)).toMatch(/no archive in .*a, but a restore left/);
    expect(await besides(scratch)).toEqual(['a.before-restore-TIME']);
  });

  it('a marker naming folders that are not a restore’s moves nothing', async () => {
    const { scratch, base } = await setUp();
    const dir = path.join(scratch, 'a');
    const other = path.join(scratch, 'other');
    await cp(base, other, { recursive: true });
    await writeFile(`${dir}.restore.json`, JSON.stringify({ staging: 'other', previous: '../base' }));
    expect(cliState(dir)).toMatch(/no archive in/);
    expect(cliState(other)).toBe('old');
    expect(cliState(base)).toBe('old');
  });
});

/** A backup file as `aqiqat backup` writes it, from the files given (path → bytes), in that order. */
async function writeBackupFile(
  file: string,
  files: Array<[string, Buffer]>,
  sizes: Record<string, number> = {},
): Promise<void> {
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const manifest = {
    format: 'aqiqat-backup',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    files: files.map(([p, b]) => ({ path: p, size: sizes[p] ?? b.length, sha256: sha(b) })),
  };
  await writeFile(
    file,
    Buffer.concat([Buffer.from(`AQIQAT-BACKUP 1\n${JSON.stringify(manifest)}\n`), ...files.map(([, b]) => b)]),
  );
}

/** The files of a backup, parsed back. */
async function readBackupFile(file: string): Promise<Array<[string, Buffer]>> {
  const raw = await readFile(file);
  const first = raw.indexOf(0x0a);
  const second = raw.indexOf(0x0a, first + 1);
  const manifest = JSON.parse(raw.subarray(first + 1, second).toString('utf8')) as {
    files: Array<{ path: string; size: number }>;
  };
  let at = second + 1;
  return manifest.files.map((f) => {
    const bytes = raw.subarray(at, at + f.size);
    at += f.size;
    return [f.path, Buffer.from(bytes)];
  });
}

describe('restore checks that the backup opens before it touches anything', () => {
  const OLD = 'the passphrase of the backup day';
  const NEW = 'a passphrase chosen after it';
  const fast = { AQIQAT_TEST_SCRYPT_LOG2N: '12' };

  it('a backup made before a passphrase change, restored with the new one: refused, nothing changed; with the old one: restored', async () => {
    const scratch = await tempDir();
    const dir = path.join(scratch, 'a');
    const backup = path.join(scratch, 'old.aqbackup');
    expect(aqiqat(['--archive', dir, 'init', '--encrypt'], { env: { ...fast, AQIQAT_PASSPHRASE: OLD } }).code).toBe(0);
    expect(aqiqat(['--archive', dir, 'backup', '--out', backup], { env: { AQIQAT_PASSPHRASE: OLD } }).code).toBe(0);
    expect(
      aqiqat(['--archive', dir, 'passphrase'], { env: { ...fast, AQIQAT_PASSPHRASE: OLD, AQIQAT_NEW_PASSPHRASE: NEW } })
        .code,
    ).toBe(0);
    const before = await snapshot(dir);
    expectOneLineError(
      aqiqat(['--archive', dir, 'restore', backup], { env: { AQIQAT_PASSPHRASE: NEW } }),
      /wrong passphrase for old\.aqbackup \(a backup keeps the passphrase of the day it was made\); nothing was changed/,
    );
    expect(await snapshot(dir)).toEqual(before);
    expect((await readdir(scratch)).sort()).toEqual(['a', 'old.aqbackup']);
    expectOneLineError(
      aqiqat(['--archive', dir, 'restore', backup], { env: { AQIQAT_PASSPHRASE: '' } }),
      /is an encrypted backup: give its passphrase/,
    );
    expect(await snapshot(dir)).toEqual(before);

    const r = aqiqat(['--archive', dir, 'restore', backup], { env: { AQIQAT_PASSPHRASE: OLD } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(aqiqat(['--archive', dir, 'articles'], { env: { AQIQAT_PASSPHRASE: OLD } }).code).toBe(0);
  });

  it('a sealed archive.json without its encryption.json, or sealed with another key: refused, nothing changed', async () => {
    const scratch = await tempDir();
    const dir = path.join(scratch, 'a');
    const other = path.join(scratch, 'other');
    const backup = path.join(scratch, 'b.aqbackup');
    const otherBackup = path.join(scratch, 'o.aqbackup');
    for (const d of [dir, other])
      expect(aqiqat(['--archive', d, 'init', '--encrypt'], { env: { ...fast, AQIQAT_PASSPHRASE: OLD } }).code).toBe(0);
    expect(aqiqat(['--archive', dir, 'backup', '--out', backup], { env: { AQIQAT_PASSPHRASE: OLD } }).code).toBe(0);
    expect(aqiqat(['--archive', other, 'backup', '--out', otherBackup], { env: { AQIQAT_PASSPHRASE: OLD } }).code).toBe(
      0,
    );
    const files = await readBackupFile(backup);
    const before = await snapshot(dir);

    const noKey = path.join(scratch, 'nokey.aqbackup');
    await writeBackupFile(
      noKey,
      files.filter(([p]) => p !== 'encryption.json'),
    );
    expectOneLineError(
      aqiqat(['--archive', dir, 'restore', noKey], { env: { AQIQAT_PASSPHRASE: OLD } }),
      /holds an encrypted archive\.json but no encryption\.json, so it cannot be opened; nothing was changed/,
    );

    // the other archive's key file, same passphrase: it unlocks, but archive.json does not authenticate
    const otherKey = (await readBackupFile(otherBackup)).find(([p]) => p === 'encryption.json')!;
    const mixed = path.join(scratch, 'mixed.aqbackup');
    await writeBackupFile(
      mixed,
      files.map(([p, b]) => (p === 'encryption.json' ? otherKey : [p, b])),
    );
    expectOneLineError(
      aqiqat(['--archive', dir, 'restore', mixed], { env: { AQIQAT_PASSPHRASE: OLD } }),
      /archive\.json is damaged or was changed/,
    );
    expect(await snapshot(dir)).toEqual(before);
    expect((await readdir(scratch)).filter((n) => n.startsWith('a.'))).toEqual([]);
  });
});

describe('restore refuses a crafted manifest at once', () => {
  it('more entries than any archive has, or an entry bigger than a backup can hold', async () => {
    const { scratch, base } = await setUp();
    const dir = path.join(scratch, 'a');
    await cp(base, dir, { recursive: true });
    const archiveJson = await readFile(path.join(base, 'archive.json'));
    const before = await snapshot(dir);

    const many = path.join(scratch, 'many.aqbackup');
    const empty = Buffer.alloc(0);
    await writeBackupFile(many, [
      ['archive.json', archiveJson],
      ...Array.from({ length: 250_001 }, (_, i): [string, Buffer] => [
        `texts/${i.toString(16).padStart(64, '0')}.txt`,
        empty,
      ]),
    ]);
    const started = Date.now();
    expectOneLineError(
      aqiqat(['--archive', dir, 'restore', many]),
      /names 250002 files; a backup holds at most 250000/,
    );
    expect(Date.now() - started).toBeLessThan(30_000);

    const big = path.join(scratch, 'big.aqbackup');
    await writeBackupFile(
      big,
      [
        ['archive.json', archiveJson],
        ['sources/big.pdf', empty],
      ],
      { 'sources/big.pdf': 3 * 2 ** 30 },
    );
    expectOneLineError(
      aqiqat(['--archive', dir, 'restore', big]),
      /names a file of 3221225472 bytes \(sources\/big\.pdf\); a backup holds none over/,
    );
    expect(await snapshot(dir)).toEqual(before);
    expect((await readdir(scratch)).filter((n) => n.startsWith('a.'))).toEqual([]);
  });
});

/** Every file below `dir` whose bytes contain `needle` (UTF-8). */
async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const out: string[] = [];
  for (const [rel, b64] of await snapshot(dir))
    if (Buffer.from(b64, 'base64').includes(Buffer.from(needle))) out.push(rel);
  return out;
}

describe('encrypt leaves no plaintext behind without a word', () => {
  it('seals the archive’s gazetteer.json (search still uses it) and names the plain copies restores kept, removing them on request', async () => {
    const scratch = await tempDir();
    const dir = path.join(scratch, 'a');
    const A = ['--archive', dir];
    const backup = path.join(scratch, 'b.aqbackup');
    const env = { AQIQAT_TEST_SCRYPT_LOG2N: '12', AQIQAT_PASSPHRASE: 'correct horse battery staple' };
    expect(aqiqat([...A, 'init', '--sample']).code).toBe(0);
    expect(aqiqat([...A, 'backup', '--out', backup]).code).toBe(0);
    const restored = aqiqat([...A, 'restore', backup, '--json']);
    expect(restored.code).toBe(0);
    const { previous } = JSON.parse(restored.stdout) as { previous: string };
    const article = path.join(scratch, 'lisakovsk.txt');
    await writeFile(article, 'Лисаковск қаласында жиын өтті.\n');
    expect(aqiqat([...A, 'import', article]).code).toBe(0);
    await writeFile(
      path.join(dir, 'gazetteer.json'),
      JSON.stringify({ schemaVersion: 1, groups: [{ kind: 'place', names: ['Лисаковск', 'Informantgrad'] }] }),
    );
    const aliasHit = () =>
      (JSON.parse(aqiqat([...A, 'search', 'Informantgrad', '--json'], { env }).stdout) as Array<{ tier: string }>)
        .length;
    expect(aliasHit()).toBeGreaterThan(0);

    const enc = aqiqat([...A, 'encrypt'], { env });
    expect(enc.code).toBe(0);
    expect(enc.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(enc.stderr).toContain(
      `warning: an unencrypted copy of this archive, kept by restore, is beside it: ${previous}; delete it once no longer needed (\`aqiqat encrypt --remove-plain-copies\`)`,
    );
    expect(await filesContaining(dir, 'Informant')).toEqual([]);
    expect(await filesContaining(dir, 'Лисаковск')).toEqual([]);
    expect(aliasHit()).toBeGreaterThan(0);

    const removed = aqiqat([...A, 'encrypt', '--remove-plain-copies', '--json'], { env });
    expect(removed.stderr).toBe('');
    expect(JSON.parse(removed.stdout)).toMatchObject({ plainCopies: [], removedPlainCopies: [previous] });
    expect((await readdir(scratch)).sort()).toEqual(['a', 'b.aqbackup', 'lisakovsk.txt']);
  });
});

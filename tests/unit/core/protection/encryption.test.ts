/**
 * Encryption at rest through the real CLI. The archives here use scrypt N=2^12
 * (AQIQAT_TEST_SCRYPT_LOG2N) so that ~60 unlocks stay fast; one test checks the real default.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshot, tempDir } from '../../helpers.js';
import { aqiqatWith } from '../../cli-driver.js';

const PASS = 'сенім артқан кілт сөз';
const MARKER = 'ZQXMARKERсөз';

const aqiqat = aqiqatWith({ env: { AQIQAT_PASSPHRASE: PASS, AQIQAT_TEST_SCRYPT_LOG2N: '12' } });

/** `grep -r` of the folder for each word (as UTF-8 bytes); returns the files that hold one. */
function grepR(dir: string, ...words: string[]): string[] {
  const r = spawnSync('grep', ['-r', '-l', '-a', '-F', ...words.flatMap((w) => ['-e', w]), dir], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean);
}

async function encryptedArchive() {
  const scratch = await tempDir();
  const dir = path.join(scratch, 'archive');
  expect(aqiqat(['--archive', dir, 'init', '--encrypt', '--sample']).code).toBe(0);
  const file = path.join(scratch, 'marker.txt');
  await writeFile(file, `Хабар ${MARKER} туралы\nСот ${MARKER} ісін қарады.\n`);
  const r = aqiqat(['--archive', dir, 'import', file, '--url', `https://example.org/${MARKER}`, '--json']);
  expect(r.code).toBe(0);
  return { scratch, dir, A: ['--archive', dir], id: JSON.parse(r.stdout)[0].article.id as string };
}

describe('encryption at rest', () => {
  it('init --encrypt: no marker anywhere on disk, yet search, show, log and verify work with the passphrase', async () => {
    const { dir, A, id } = await encryptedArchive();
    expect(aqiqat([...A, 'articles']).code).toBe(0); // an open: a snapshot of archive.json lands in backups/
    expect((await readdir(path.join(dir, 'backups'))).length).toBeGreaterThan(0);
    expect(grepR(dir, MARKER, 'ZQXMARKER', 'Жексебаев', 'example.org', 'sentence')).toEqual([]);
    const hits = JSON.parse(aqiqat([...A, 'search', MARKER, '--json']).stdout);
    expect(hits[0].id).toBe(id);
    expect(JSON.parse(aqiqat([...A, 'show', id, '--json']).stdout).text).toContain(MARKER);
    expect(JSON.parse(aqiqat([...A, 'log', '--json']).stdout).at(-1)).toMatchObject({
      action: 'article-added',
      articleId: id,
    });
    expect(aqiqat([...A, 'verify']).code).toBe(0);
    // the search index (index/search.idx and its journal) is sealed too: no word of the texts in clear
    expect((await readdir(path.join(dir, 'index'))).length).toBeGreaterThan(0);
    expect(aqiqat([...A, 'import', '-', '--json'], { input: `Жаңа ${MARKER} хабары` }).code).toBe(0);
    expect(JSON.parse(aqiqat([...A, 'search', MARKER, '--json']).stdout)).toHaveLength(2);
    expect(grepR(dir, MARKER, MARKER.toLowerCase(), 'zqxmarker', 'Жексебаев', 'жексебаев', 'jeksebaev')).toEqual([]);
    // stored files are not named by the SHA-256 of their content: that would confirm a known article is here
    const articles = JSON.parse(aqiqat([...A, 'articles', '--json']).stdout) as Array<{
      sha256: string;
      textSha256: string;
    }>;
    const names = [...(await readdir(path.join(dir, 'texts'))), ...(await readdir(path.join(dir, 'sources')))].join(
      ' ',
    );
    for (const a of articles) {
      expect(names).not.toContain(a.sha256);
      expect(names).not.toContain(a.textSha256);
    }
    expect(grepR(dir, ...articles.flatMap((a) => [a.sha256, a.textSha256]))).toEqual([]);
  });

  it('a wrong or missing passphrase: one clear line, and nothing changed', async () => {
    const { dir, A } = await encryptedArchive();
    const before = await snapshot(dir);
    const wrong = aqiqat([...A, 'articles'], { env: { AQIQAT_PASSPHRASE: 'not the passphrase' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('aqiqat: wrong passphrase; nothing was changed\n');
    const none = aqiqat([...A, 'articles'], { env: { AQIQAT_PASSPHRASE: '' } });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(
      /^aqiqat: the archive .* is encrypted: give its passphrase \(AQIQAT_PASSPHRASE, or run in a terminal to be asked\)\n$/,
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('verify catches a flipped byte in a sealed source, and a sealed shard moved to another name does not open', async () => {
    const { dir, A, id } = await encryptedArchive();
    const sources = path.join(dir, 'sources');
    for (const name of await readdir(sources)) {
      const bytes = await readFile(path.join(sources, name));
      bytes[bytes.length - 30] = bytes[bytes.length - 30]! ^ 0x01;
      await writeFile(path.join(sources, name), bytes);
    }
    const r = aqiqat([...A, 'verify', '--json']);
    expect(r.code).toBe(1);
    const { sha256 } = JSON.parse(aqiqat([...A, 'articles', '--json']).stdout).find((a: { id: string }) => a.id === id);
    expect(JSON.parse(r.stdout).problems).toContainEqual(
      expect.objectContaining({ problem: 'changed', file: `sources/${sha256}.txt` }),
    );
    expect(JSON.parse(r.stdout).problems).toHaveLength(2);

    // shard names are keyed: rotate every shard's content one name on, so each is under another's name
    const shards = path.join(dir, 'shards');
    const names = (await readdir(shards)).filter((n) => n !== 'head');
    expect(names.length).toBeGreaterThan(1);
    const contents = await Promise.all(names.map((n) => readFile(path.join(shards, n))));
    for (const [i, n] of names.entries()) await writeFile(path.join(shards, n), contents[(i + 1) % names.length]!);
    const moved = aqiqat([...A, 'articles']);
    expect(moved.code).toBe(1);
    expect(moved.stderr).toMatch(
      /shards\/\w\w\.articles\.json is damaged or was changed \(its encryption does not authenticate\)/,
    );
  });

  it('aqiqat encrypt seals an existing archive (snapshots and audit log included), keeping who did what', async () => {
    const scratch = await tempDir();
    const dir = path.join(scratch, 'archive');
    const A = ['--archive', dir];
    expect(aqiqat([...A, 'init', '--sample']).code).toBe(0);
    expect(aqiqat([...A, 'articles']).code).toBe(0);
    const logBefore = JSON.parse(aqiqat([...A, 'log', '--json']).stdout);
    expect(grepR(dir, 'Жексебаев').length).toBeGreaterThan(0);
    const r = aqiqat([...A, 'encrypt', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sealed).toBeGreaterThanOrEqual(6);
    expect(grepR(dir, 'Жексебаев', 'sentence', 'archive-created')).toEqual([]);
    const [sample] = JSON.parse(aqiqat([...A, 'articles', '--json']).stdout) as Array<{ sha256: string }>;
    expect((await readdir(path.join(dir, 'sources'))).join(' ')).not.toContain(sample!.sha256); // renamed to keyed names
    const logAfter = JSON.parse(aqiqat([...A, 'log', '--json']).stdout);
    expect(
      logAfter
        .slice(0, logBefore.length)
        .map((e: { action: string; actor: string; at: string }) => [e.action, e.actor, e.at]),
    ).toEqual(logBefore.map((e: { action: string; actor: string; at: string }) => [e.action, e.actor, e.at]));
    expect(logAfter.at(-1).action).toBe('archive-encrypted');
    expect(aqiqat([...A, 'verify']).code).toBe(0);
    expect(JSON.parse(aqiqat([...A, 'encrypt', '--json']).stdout).sealed).toBe(0); // idempotent
  });

  it('changes the passphrase; the old one stops working; a wrong old one changes nothing', async () => {
    const { dir, A } = await encryptedArchive();
    const before = await snapshot(dir);
    const bad = aqiqat([...A, 'passphrase'], {
      env: {
        AQIQAT_PASSPHRASE: 'wrong wrong',
        AQIQAT_NEW_PASSPHRASE: 'new passphrase here',
      },
    });
    expect(bad.stderr).toBe('aqiqat: wrong passphrase; nothing was changed\n');
    expect(await snapshot(dir)).toEqual(before);
    expect(aqiqat([...A, 'passphrase'], { env: { AQIQAT_NEW_PASSPHRASE: 'new passphrase here' } }).code).toBe(0);
    expect(aqiqat([...A, 'articles']).stderr).toMatch(/wrong passphrase/);
    expect(aqiqat([...A, 'articles', '--json'], { env: { AQIQAT_PASSPHRASE: 'new passphrase here' } }).code).toBe(0);
  });

  it('backs up sealed (no marker in the backup file) and restores with the passphrase', async () => {
    const { scratch, dir, A, id } = await encryptedArchive();
    const out = path.join(scratch, 'b.aqbackup');
    expect(aqiqat([...A, 'backup', '--out', out]).code).toBe(0);
    expect(grepR(out, MARKER, 'Жексебаев')).toEqual([]);
    expect(aqiqat([...A, 'restore', out]).code).toBe(0);
    expect(JSON.parse(aqiqat([...A, 'show', id, '--json']).stdout).text).toContain(MARKER);
    expect(grepR(dir, MARKER)).toEqual([]);
  });

  it('uses scrypt N=2^17, r=8 in a real key file', async () => {
    const dir = path.join(await tempDir(), 'a');
    expect(aqiqat(['--archive', dir, 'init', '--encrypt'], { env: { AQIQAT_TEST_SCRYPT_LOG2N: '' } }).code).toBe(0);
    const key = JSON.parse(await readFile(path.join(dir, 'encryption.json'), 'utf8'));
    expect(key.kdf).toMatchObject({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    expect(key.key).not.toContain(PASS);
  });

  it('refuses a short passphrase at init', async () => {
    const dir = path.join(await tempDir(), 'a');
    const r = aqiqat(['--archive', dir, 'init', '--encrypt'], { env: { AQIQAT_PASSPHRASE: 'short' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/at least 8 characters/);
  });
});

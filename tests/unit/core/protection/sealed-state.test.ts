/**
 * What an encrypted archive gives away without the passphrase, and what it refuses: older copies of
 * its files (rollback), archives sealed before generations were recorded, the size/name fingerprint of
 * a known article, and a re-key that must leave nothing the old key file and passphrase can open.
 */
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAudit, rebuildLog } from '../../../../electron/core/protection/audit.js';
import {
  paddedSize,
  parseKeyFile,
  plainCodec,
  Sealer,
  unlock,
  type Codec,
} from '../../../../electron/core/protection/crypto.js';
import {
  articleShardFile,
  factShardFile,
  layoutOf,
  sourceFile,
  textFile,
} from '../../../../electron/core/storage/layout.js';
import { tempDir } from '../../helpers.js';
import { aqiqatChild, aqiqatWith, expectOneLineError } from '../../cli-driver.js';

const PASS = 'сенім артқан кілт сөз';
const NEW_PASS = 'a new passphrase after the border';
const MARKER = 'ZQXMARKERсөз';
const ENV = { AQIQAT_ARCHIVE: '', AQIQAT_PASSPHRASE: PASS, AQIQAT_TEST_SCRYPT_LOG2N: '12' };

const aqiqat = aqiqatWith({ env: ENV });

function grepR(dir: string, ...words: string[]): string[] {
  const r = spawnSync('grep', ['-r', '-l', '-a', '-F', ...words.flatMap((w) => ['-e', w]), dir], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean);
}

async function encrypted(): Promise<{ scratch: string; dir: string; A: string[]; id: string }> {
  const scratch = await tempDir();
  const dir = path.join(scratch, 'archive');
  expect(aqiqat(['--archive', dir, 'init', '--encrypt', '--sample']).code).toBe(0);
  const file = path.join(scratch, 'marker.txt');
  await writeFile(file, `Хабар ${MARKER} туралы\nСот ${MARKER} ісін қарады.\n`);
  const r = aqiqat(['--archive', dir, 'import', file, '--json']);
  expect(r.code).toBe(0);
  return { scratch, dir, A: ['--archive', dir], id: JSON.parse(r.stdout)[0].article.id as string };
}

const newestSnapshot = async (dir: string) =>
  path.join(
    dir,
    'backups',
    (await readdir(path.join(dir, 'backups')))
      .filter((n) => n.startsWith('archive-'))
      .sort()
      .at(-1)!,
  );

describe('rollback of an encrypted archive', () => {
  it('a snapshot copied over archive.json does not open as it: one line naming archive.json', async () => {
    const { dir, A } = await encrypted();
    const created = JSON.parse(aqiqat([...A, 'case', 'create', 'Case to delete', '--json']).stdout) as { id: string };
    expect(aqiqat([...A, 'articles']).code).toBe(0); // an open: a snapshot holding the case
    expect(aqiqat([...A, 'case', 'delete', created.id]).code).toBe(0);
    await cp(await newestSnapshot(dir), path.join(dir, 'archive.json'));
    const r = aqiqat([...A, 'case', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^aqiqat: archive\.json is damaged or was changed/);
    expect(r.stdout).not.toContain('Case to delete');
  });

  it('an older copy of a shard, or of the head with it, is refused; restoring a snapshot with the passphrase still works', async () => {
    const { scratch, dir, A, id } = await encrypted();
    const before = path.join(scratch, 'shards-before');
    expect(aqiqat([...A, 'fact', 'add', '--article', id, '--quote', MARKER, '--type', 'detention']).code).toBe(0);
    await cp(path.join(dir, 'shards'), before, { recursive: true });
    expect(aqiqat([...A, 'fact', 'add', '--article', id, '--quote', 'Сот', '--type', 'detention']).code).toBe(0);
    expect(aqiqat([...A, 'entity', 'add', 'Ерлан Беков', '--kind', 'person']).code).toBe(0);
    const facts = JSON.parse(aqiqat([...A, 'facts', '--json']).stdout) as unknown[];

    // the shards alone put back: the fact shard is older than the head says
    const current = path.join(scratch, 'shards-now');
    await cp(path.join(dir, 'shards'), current, { recursive: true });
    for (const name of await readdir(before))
      if (name !== 'head') await cp(path.join(before, name), path.join(dir, 'shards', name));
    const older = aqiqat([...A, 'facts']);
    expect(older.code).toBe(1);
    expect(older.stderr).toMatch(
      /^aqiqat: shards\/[0-9a-f]{2}\.facts\.json is an older copy \(write \d+; this archive has written \d+\)[^\n]*\n$/,
    );

    // a shard deleted: its facts would be gone
    const [factShard] = (older.stderr.match(/shards\/[0-9a-f]{2}\.facts\.json/) ?? []) as string[];
    const keyed = (await readdir(path.join(dir, 'shards'))).filter((n) => n !== 'head');
    for (const name of keyed) await rm(path.join(dir, 'shards', name));
    const deleted = aqiqat([...A, 'facts']);
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toMatch(
      /^aqiqat: (article|fact) shard \d+ \([0-9a-f]{2}\.(articles|facts)\.json\) is missing, though this archive wrote it/,
    );
    expect(factShard).toBeDefined();

    // shards and head put back together: archive.json was written after that head
    for (const name of await readdir(before)) await cp(path.join(before, name), path.join(dir, 'shards', name));
    const withHead = aqiqat([...A, 'facts']);
    expect(withHead.code).toBe(1);
    expect(withHead.stderr).toMatch(/^aqiqat: shards\/head is missing or an older copy \(archive\.json is newer\)/);
    await rm(path.join(dir, 'shards', 'head'));
    expect(aqiqat([...A, 'articles']).stderr).toMatch(/shards\/head is missing or an older copy/);

    // as it was: everything opens
    await rm(path.join(dir, 'shards'), { recursive: true });
    await cp(current, path.join(dir, 'shards'), { recursive: true });
    expect(JSON.parse(aqiqat([...A, 'facts', '--json']).stdout)).toEqual(facts);
    expect(aqiqat([...A, 'verify']).code).toBe(0);

    // putting a snapshot back is what restore is for: with the passphrase it is sealed anew
    const snapshot = await newestSnapshot(dir);
    expect(aqiqat([...A, 'restore', snapshot], { env: { AQIQAT_PASSPHRASE: 'not the passphrase' } }).stderr).toBe(
      'aqiqat: wrong passphrase; nothing was changed\n',
    );
    expect(aqiqat([...A, 'restore', snapshot]).code).toBe(0);
    expect(aqiqat([...A, 'entity', 'list']).code).toBe(0);
  });

  it('a kill between a shard write and the head write still opens: a file newer than the head is accepted', async () => {
    const { scratch, dir, A, id } = await encrypted();
    const head = path.join(scratch, 'head-before');
    await cp(path.join(dir, 'shards', 'head'), head);
    expect(aqiqat([...A, 'lang', id, 'ru']).code).toBe(0); // one article shard written, then the head
    await cp(head, path.join(dir, 'shards', 'head')); // as if killed before the head was renamed into place
    expect(JSON.parse(aqiqat([...A, 'show', id, '--json']).stdout).lang).toBe('ru');
    expect(aqiqat([...A, 'verify']).code).toBe(0);
  });
});

// ——— an archive as the previous version sealed it (AQENC1, plain paths as AAD, no head) ———

function sealV1(key: Buffer, plain: Uint8Array, aad: string): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from('AQENC1\n'), nonce, body, cipher.getAuthTag()]);
}

/** Rewrite every sealed file of `dir` in the format and under the names of the previous version. */
async function toPreviousFormat(
  dir: string,
  articles: Array<{ sha256: string; sourceExt: string; textSha256: string }>,
): Promise<void> {
  const layout = layoutOf(dir);
  const key = await unlock(parseKeyFile(await readFile(path.join(dir, 'encryption.json'), 'utf8')), PASS);
  const sealer = await Sealer.load(Buffer.from(key), dir);
  const nameKey = createHmac('sha256', key).update('aqiqat file names').digest();
  const rel = (f: string) => path.relative(dir, f).split(path.sep).join('/');
  await writeFile(
    layout.archiveFile,
    sealV1(key, sealer.open(await readFile(layout.archiveFile), layout.archiveFile), 'archive.json'),
  );
  for (const name of await readdir(layout.backupsDir)) {
    const file = path.join(layout.backupsDir, name);
    await writeFile(file, sealV1(key, sealer.openArchiveCopy(await readFile(file))!, 'archive.json'));
  }
  for (let n = 0; n < 256; n++) {
    for (const logical of [articleShardFile(layout, n), factShardFile(layout, n)]) {
      const stored = await readFile(sealer.locate(logical)).catch(() => null);
      if (!stored) continue;
      await writeFile(logical, sealV1(key, sealer.open(stored, logical), rel(logical)));
      await rm(sealer.locate(logical));
    }
  }
  for (const a of articles) {
    for (const [logical, sha, ext] of [
      [textFile(layout, a.textSha256), a.textSha256, 'txt'],
      [sourceFile(layout, a.sha256, a.sourceExt), a.sha256, a.sourceExt],
    ] as const) {
      const stored = await readFile(sealer.locate(logical)).catch(() => null);
      if (!stored) continue;
      await writeFile(
        path.join(path.dirname(logical), `${createHmac('sha256', nameKey).update(sha).digest('hex')}.${ext}`),
        sealV1(key, sealer.open(stored, logical), rel(logical)),
      );
      await rm(sealer.locate(logical));
    }
  }
  const audit = path.join(dir, 'audit.log');
  const { entries } = parseAudit(await readFile(audit, 'utf8'), (line) =>
    sealer.open(Buffer.from(line.slice(2), 'base64'), audit).toString('utf8'),
  );
  const v1: Codec = { ...plainCodec, encrypted: true, seal: (plain) => sealV1(key, plain, 'audit.log') };
  // the previous version kept no audit.head, nor the line that starts one
  await writeFile(
    audit,
    rebuildLog(
      entries.filter((e) => e.action !== 'audit-head-started'),
      v1,
      audit,
    ),
  );
  await rm(path.join(dir, 'audit.head'));
  await rm(layout.indexDir, { recursive: true });
  await mkdir(layout.indexDir);
  await rm(path.join(dir, 'shards', 'head'));
  sealer.dispose();
}

describe('an archive sealed by the previous version', () => {
  it('opens, searches and verifies; after its first open an older archive.json copy is refused', async () => {
    const { dir, A, id } = await encrypted();
    const articles = JSON.parse(aqiqat([...A, 'articles', '--json']).stdout);
    const facts = JSON.parse(aqiqat([...A, 'facts', '--json']).stdout);
    await toPreviousFormat(dir, articles);
    expect((await readdir(path.join(dir, 'sources'))).every((n) => n.includes('.'))).toBe(true); // the old names
    const oldCopy = await readFile(path.join(dir, 'archive.json'));

    expect(JSON.parse(aqiqat([...A, 'articles', '--json']).stdout)).toEqual(articles);
    expect(JSON.parse(aqiqat([...A, 'facts', '--json']).stdout)).toEqual(facts);
    expect(JSON.parse(aqiqat([...A, 'show', id, '--json']).stdout).text).toContain(MARKER);
    expect(JSON.parse(aqiqat([...A, 'search', MARKER, '--json']).stdout)[0].id).toBe(id);
    expect(aqiqat([...A, 'verify']).code).toBe(0);
    expect(JSON.parse(aqiqat([...A, 'log', '--json']).stdout).at(-1)).toMatchObject({
      action: 'article-added',
      articleId: id,
    });

    await writeFile(path.join(dir, 'archive.json'), oldCopy);
    expect(aqiqat([...A, 'articles']).stderr).toMatch(/^aqiqat: archive\.json is an older copy/);
  });
});

// ——— the review's fingerprint attack, knowing the padding rule ———

const sealedSize = (n: number) => 7 + 12 + 16 + paddedSize(16 + n, 4096);

/** What someone without the passphrase sees: each folder's file count and sorted sizes, and any extension. */
async function outside(dir: string): Promise<Record<string, { sizes: number[]; extensions: string[] }>> {
  const out: Record<string, { sizes: number[]; extensions: string[] }> = {};
  for (const sub of ['texts', 'sources', 'shards', 'backups']) {
    const names = await readdir(path.join(dir, sub));
    const sizes = await Promise.all(names.map(async (n) => (await stat(path.join(dir, sub, n))).size));
    out[sub] = {
      sizes: sizes.sort((a, b) => a - b),
      extensions: sub === 'backups' ? [] : names.filter((n) => n.includes('.')),
    };
  }
  return out;
}

/**
 * What an outsider can test: a sealed source of the candidate's size (unpadded or padded) and type,
 * and the shard its SHA-256 picks. Keyed shard names pick nothing: then any shard will do.
 */
async function looksHeld(dir: string, candidate: Buffer, ext: string): Promise<boolean> {
  const sha = createHash('sha256').update(candidate).digest('hex');
  const sources = await readdir(path.join(dir, 'sources'));
  const sizes = await Promise.all(
    sources.map(async (n) => ({ n, size: (await stat(path.join(dir, 'sources', n))).size })),
  );
  const bySize = sizes.filter(
    (s) =>
      (s.size === candidate.length + 35 || s.size === sealedSize(candidate.length)) &&
      [ext, ''].includes(path.extname(s.n)),
  );
  const shards = (await readdir(path.join(dir, 'shards'))).filter((n) => n !== 'head');
  const keyed = shards.every((n) => /^[0-9a-f]{64}$/.test(n));
  return bySize.length > 0 && (keyed ? shards.length > 0 : shards.some((n) => n.startsWith(sha.slice(0, 2))));
}

describe('the metadata of an encrypted archive', () => {
  it('does not tell an archive holding a known article from one holding another', async () => {
    const scratch = await tempDir();
    const known = Buffer.from('Zhylkybaev detained in Pavlodar\n\nThe activist was detained on 3 March 2021.\n');
    const other = Buffer.from(`another article\n\n${'Other words about other things. '.repeat(60)}\n`);
    const seen: Array<Awaited<ReturnType<typeof outside>>> = [];
    for (const [name, bytes] of [
      ['known', known],
      ['other', other],
    ] as const) {
      const dir = path.join(scratch, name);
      expect(aqiqat(['--archive', dir, 'init', '--encrypt']).code).toBe(0);
      await writeFile(path.join(scratch, `${name}.txt`), bytes);
      expect(aqiqat(['--archive', dir, 'import', path.join(scratch, `${name}.txt`)]).code).toBe(0);
      expect(aqiqat(['--archive', dir, 'articles']).code).toBe(0);
      seen.push(await outside(dir));
      // the review's attack: it calls both held, or neither, whichever the archive holds
      expect(await looksHeld(dir, known, '.txt')).toBe(await looksHeld(dir, other, '.txt'));
    }
    expect(seen[0]).toEqual(seen[1]);
    expect(seen[0]!.sources!.extensions).toEqual([]);
    // other users of the computer cannot list the folders
    for (const sub of ['', 'texts', 'sources', 'shards', 'backups'])
      expect((await stat(path.join(scratch, 'known', sub))).mode & 0o077).toBe(0);
    // snapshot names say when, not why
    expect(
      (await readdir(path.join(scratch, 'known', 'backups'))).every((n) =>
        /^archive-\d{8}T\d{9}Z-sealed\.json$/.test(n),
      ),
    ).toBe(true);
  });
});

// ——— re-key ———

describe('passphrase --rekey', () => {
  it('an old encryption.json and the old passphrase open nothing written after it; the new one opens everything', async () => {
    const { scratch, dir, A, id } = await encrypted();
    const oldKey = await readFile(path.join(dir, 'encryption.json'));
    const r = aqiqat([...A, 'passphrase', '--rekey'], { env: { AQIQAT_NEW_PASSPHRASE: NEW_PASS } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/data key were changed/);
    const NEW = { AQIQAT_PASSPHRASE: NEW_PASS };
    expect(aqiqat([...A, 'import', '-'], { env: NEW, input: 'Added after the change: NEWSECRET' }).code).toBe(0);
    expect(JSON.parse(aqiqat([...A, 'search', MARKER, '--json'], { env: NEW }).stdout)[0].id).toBe(id);
    expect(JSON.parse(aqiqat([...A, 'show', id, '--json'], { env: NEW }).stdout).text).toContain(MARKER);
    expect(aqiqat([...A, 'verify'], { env: NEW }).code).toBe(0);
    expect(
      JSON.parse(aqiqat([...A, 'log', '--json'], { env: NEW }).stdout).map((e: { action: string }) => e.action),
    ).toContain('passphrase-changed');
    expect(aqiqat([...A, 'articles']).stderr).toBe('aqiqat: wrong passphrase; nothing was changed\n');
    expect(grepR(dir, MARKER, 'NEWSECRET', 'Жексебаев')).toEqual([]);
    expect(JSON.parse(await readFile(path.join(dir, 'encryption.json'), 'utf8')).rekeying).toBeUndefined();

    const image = path.join(scratch, 'image');
    await cp(dir, image, { recursive: true });
    await writeFile(path.join(image, 'encryption.json'), oldKey);
    const stolen = aqiqat(['--archive', image, 'search', 'NEWSECRET']);
    expect(stolen.stdout).not.toContain('NEWSECRET');
    expectOneLineError(stolen, /does not authenticate/);
  });

  it('killed at any point, the archive opens with the passphrase of the state it reached, whole, and the re-key is finished', async () => {
    const { scratch, dir, A, id } = await encrypted();
    for (let i = 0; i < 3; i++)
      expect(aqiqat([...A, 'import', '-'], { input: `Хабар ${i} ${MARKER} ${'сөз '.repeat(400 * i)}` }).code).toBe(0);
    const articles = JSON.parse(aqiqat([...A, 'articles', '--json']).stdout);
    const facts = JSON.parse(aqiqat([...A, 'facts', '--json']).stdout);
    const log = JSON.parse(aqiqat([...A, 'log', '--json']).stdout).length as number;
    const template = path.join(scratch, 'template');
    await cp(dir, template, { recursive: true });
    const keyBefore = await readFile(path.join(template, 'encryption.json'), 'utf8');
    let midway = 0;
    const TRIALS = 6;
    for (let t = 0; t < TRIALS; t++) {
      const trial = path.join(scratch, `trial-${t}`);
      await cp(template, trial, { recursive: true });
      const child = aqiqatChild(['--archive', trial, 'passphrase', '--rekey'], {
        env: { ...ENV, AQIQAT_NEW_PASSPHRASE: NEW_PASS },
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      // half the trials: kill as soon as the new key file is there, plus a little; the others at random
      const keyFile = path.join(trial, 'encryption.json');
      const deadline = Date.now() + 5000;
      if (t % 2 === 0) {
        while (Date.now() < deadline && !(await readFile(keyFile, 'utf8').catch(() => '')).includes('rekeying'))
          await new Promise((r) => setTimeout(r, 1));
        await new Promise((r) => setTimeout(r, t * 3));
      } else await new Promise((r) => setTimeout(r, 150 + t * 40));
      child.kill('SIGKILL');
      await exited;
      const key = await readFile(keyFile, 'utf8');
      if (key.includes('rekeying')) midway++;
      const env = { AQIQAT_PASSPHRASE: key === keyBefore ? PASS : NEW_PASS };
      const T = ['--archive', trial];
      expect(JSON.parse(aqiqat([...T, 'articles', '--json'], { env }).stdout)).toEqual(articles);
      expect(JSON.parse(await readFile(keyFile, 'utf8')).rekeying).toBeUndefined(); // finished by that open
      expect(JSON.parse(aqiqat([...T, 'facts', '--json'], { env }).stdout)).toEqual(facts);
      expect(JSON.parse(aqiqat([...T, 'show', id, '--json'], { env }).stdout).text).toContain(MARKER);
      expect(JSON.parse(aqiqat([...T, 'search', MARKER, '--json'], { env }).stdout)).toHaveLength(4);
      expect(JSON.parse(aqiqat([...T, 'log', '--json'], { env }).stdout).length).toBeGreaterThanOrEqual(log);
      expect(aqiqat([...T, 'verify'], { env }).code).toBe(0);
      if (key !== keyBefore)
        expect(aqiqat([...T, 'articles'], { env: { AQIQAT_PASSPHRASE: PASS } }).stderr).toMatch(/wrong passphrase/);
    }
    console.info(`[rekey kill test] ${TRIALS} trials, ${midway} killed part way through the re-key`);
    expect(midway).toBeGreaterThan(0);
  }, 400_000); // about 70 CLI processes: minutes on a loaded two-core machine
});

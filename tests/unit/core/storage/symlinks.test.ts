/**
 * Symbolic links planted inside the archive folder (someone with write access to it: a synced folder) are
 * never followed: a linked folder is refused at open, a linked file is not read, backed up or sealed.
 */
import { lstat, mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { tempDir } from '../../helpers.js';
import { aqiqat, expectOneLineError } from '../../cli-driver.js';

const SECRET = 'PRIVATE KEY OUTSIDE THE ARCHIVE';

async function setUp() {
  const scratch = await tempDir();
  const dir = path.join(scratch, 'a');
  const outside = path.join(scratch, 'outside');
  await mkdir(outside);
  await writeFile(path.join(outside, 'secret.txt'), `${SECRET}\n`);
  expect(aqiqat(['--archive', dir, 'init', '--sample']).code).toBe(0);
  return { scratch, dir, outside, A: ['--archive', dir] };
}

describe('symbolic links inside the archive', () => {
  it('a linked folder (index/, sources/, shards/ …) is refused at open in one line, and nothing is written through it', async () => {
    for (const folder of ['index', 'sources', 'shards', 'backups']) {
      const { dir, outside, A } = await setUp();
      await rm(path.join(dir, folder), { recursive: true, force: true });
      await symlink(outside, path.join(dir, folder));
      expectOneLineError(
        aqiqat([...A, 'search', 'Алматы']),
        new RegExp(
          `${folder} in .* is a symbolic link; Aqiqat follows no link inside the archive folder: put the real folder there`,
        ),
      );
      expect(await readdir(outside)).toEqual(['secret.txt']);
    }
  });

  it('a linked archive.json is refused', async () => {
    const { dir, outside, A } = await setUp();
    await rename(path.join(dir, 'archive.json'), path.join(outside, 'archive.json'));
    await symlink(path.join(outside, 'archive.json'), path.join(dir, 'archive.json'));
    expectOneLineError(aqiqat([...A, 'articles']), /archive\.json in .* is a symbolic link/);
  });

  it('a linked file in sources/ is not copied into a backup, nor sealed by encrypt', async () => {
    const { scratch, dir, outside, A } = await setUp();
    const planted = path.join(dir, 'sources', `${'0'.repeat(64)}.txt`);
    await symlink(path.join(outside, 'secret.txt'), planted);
    const out = path.join(scratch, 'b.aqbackup');
    expect(aqiqat([...A, 'backup', '--out', out]).code).toBe(0);
    expect((await readFile(out)).includes(Buffer.from(SECRET))).toBe(false);
    const enc = aqiqat([...A, 'encrypt'], {
      env: {
        AQIQAT_TEST_SCRYPT_LOG2N: '12',
        AQIQAT_PASSPHRASE: 'correct horse battery staple',
      },
    });
    expect(enc.code).toBe(0);
    // left as it was: not read, so not sealed into the archive in its place
    expect((await lstat(planted)).isSymbolicLink()).toBe(true);
  });

  it('a journal swapped for a link while the archive is open is not written through', async () => {
    const { dir, outside, A } = await setUp();
    const archive = await Archive.open(dir);
    try {
      expect((await archive.search('Алматы')).length).toBeGreaterThan(0); // the index is loaded, its journal open
      // the link points at a faithful copy, so nothing about the journal looks changed but its being a link
      const journal = path.join(dir, 'index', 'search.journal');
      const target = path.join(outside, 'journal-copy');
      const before = await readFile(journal);
      await writeFile(target, before);
      await rm(journal);
      await symlink(target, journal);
      const [article] = await archive.listArticles();
      await archive.addFact({ articleId: article!.id, quote: 'Алматыда', type: 'protest' });
      expect(await readFile(target)).toEqual(before);
    } finally {
      await archive.close();
    }
    // the next start replaces the link with a journal of its own and finds the new fact
    const found = JSON.parse(aqiqat([...A, 'search', 'Алматыда', '--kind', 'fact', '--json']).stdout) as unknown[];
    expect(found.length).toBeGreaterThan(0);
    expect((await lstat(path.join(dir, 'index', 'search.journal'))).isSymbolicLink()).toBe(false);
  });

  it('a linked shard or text is not read: one line instead', async () => {
    const { dir, outside, A } = await setUp();
    const shards = path.join(dir, 'shards');
    const shard = (await readdir(shards)).find((n) => n.endsWith('.articles.json'))!;
    await rename(path.join(shards, shard), path.join(outside, shard));
    await symlink(path.join(outside, shard), path.join(shards, shard));
    expectOneLineError(
      aqiqat([...A, 'articles']),
      new RegExp(`${shard.replace('.', '\\.')} is a symbolic link; Aqiqat reads no link inside the archive folder`),
    );
  });
});

import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { writeFileAtomic } from '../../../../electron/core/storage/atomic.js';
import { ArchiveStore } from '../../../../electron/core/storage/store.js';
import { SEED_ARTICLE, tempDir } from '../../helpers.js';

describe('ArchiveStore', () => {
  it('creates the folder layout with a versioned archive.json', async () => {
    const dir = await tempDir();
    await ArchiveStore.init(dir);
    expect((await readdir(dir)).sort()).toEqual([
      'archive.json',
      'archive.lock',
      'audit.head',
      'audit.log',
      'backups',
      'index',
      'shards',
      'sources',
      'texts',
    ]);
    const file = JSON.parse(await readFile(path.join(dir, 'archive.json'), 'utf8'));
    expect(file.schemaVersion).toBe(1);
  });

  it('refuses to init over an existing archive', async () => {
    const dir = await tempDir();
    await ArchiveStore.init(dir);
    await expect(ArchiveStore.init(dir)).rejects.toThrow(/already holds an archive/);
  });

  it('says how to create an archive when there is none', async () => {
    await expect(ArchiveStore.open(path.join(await tempDir(), 'nothing'))).rejects.toThrow(
      /no archive in .*aqiqat init/,
    );
  });

  const refusals: Array<[string, string, RegExp]> = [
    ['malformed JSON', '{"schemaVersion": 1, "entit', /archive\.json is not valid JSON; it was left untouched/],
    ['a newer schema', JSON.stringify({ schemaVersion: 99 }), /newer Aqiqat \(schema 99.*left untouched/],
    ['a hand-edited field', '', /archive\.json is malformed at entities\.0\.kind/],
  ];
  it.each(refusals)('refuses %s in archive.json and leaves it untouched', async (_name, content, message) => {
    const dir = await tempDir();
    await ArchiveStore.init(dir);
    const file = path.join(dir, 'archive.json');
    let bytes = content;
    if (bytes === '') {
      const data = JSON.parse(await readFile(file, 'utf8'));
      data.entities.push({ id: 'e-aaaaaaaa', kind: 'villain', name: 'X', aliases: [] });
      bytes = JSON.stringify(data);
    }
    await writeFile(file, bytes);
    await expect(Archive.open(dir)).rejects.toThrow(message);
    expect(await readFile(file, 'utf8')).toBe(bytes);
  });

  it('refuses a malformed shard when it is read, naming it', async () => {
    const dir = await tempDir();
    const archive = await Archive.create(dir);
    const { article } = await archive.importArticle({ bytes: await readFile(SEED_ARTICLE), name: 'a.txt' });
    const shard = path.join(dir, 'shards', `${article.id.slice(0, 2)}.articles.json`);
    await writeFile(shard, '{"schemaVersion":1,"articles":[{"id":"zz"}]}');
    await expect((await Archive.open(dir)).listArticles()).rejects.toThrow(
      /article shard \d+ \(\w\w\.articles\.json\) is malformed/,
    );
  });

  it('writes atomically: no temp file is left and the content is complete', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'x.json');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => writeFileAtomic(file, JSON.stringify({ i, pad: 'ә'.repeat(10_000) }))),
    );
    expect(await readdir(dir)).toEqual(['x.json']);
    expect(JSON.parse(await readFile(file, 'utf8')).pad).toHaveLength(10_000);
  });

  it('writes nothing of a failed batch and forgets its changes', async () => {
    const dir = await tempDir();
    const archive = await Archive.create(dir);
    await expect(
      archive.batch(async () => {
        await archive.importArticle({ bytes: new TextEncoder().encode('Бірінші мақала'), name: 'a.txt' });
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    expect(await archive.listArticles()).toEqual([]);
    expect(await readdir(path.join(dir, 'shards'))).toEqual([]);
  });

  it('writes each changed file once at the end of a batch', async () => {
    const dir = await tempDir();
    const archive = await Archive.create(dir);
    await archive.batch(async () => {
      for (let i = 0; i < 30; i++)
        await archive.importArticle({ bytes: new TextEncoder().encode(`Мақала ${i}`), name: `${i}.txt` });
      expect(await readdir(path.join(dir, 'shards'))).toEqual([]);
    });
    const reopened = await Archive.open(dir);
    expect(await reopened.listArticles()).toHaveLength(30);
  });
});

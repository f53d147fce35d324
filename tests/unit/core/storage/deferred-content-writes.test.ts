import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import {
  deferContentSync,
  endContentDefer,
  flushContent,
  writeContent,
} from '../../../../electron/core/storage/content-writes.js';
import { tempDir } from '../../helpers.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';

describe('deferred content writes (batch import)', () => {
  it('puts nothing under its final name before the flush, and leaves no temp file when a chunk is abandoned', async () => {
    const archive = await Archive.create(await tempDir());
    const texts = storeForTests(archive).layout.textsDir;
    deferContentSync(storeForTests(archive));
    await writeContent(storeForTests(archive), path.join(texts, 'a.txt'), 'one');
    await writeContent(storeForTests(archive), path.join(texts, 'a.txt'), 'one'); // the same content twice in a chunk
    expect((await readdir(texts)).filter((n) => !n.startsWith('.'))).toEqual([]);
    await flushContent(storeForTests(archive));
    expect(await readFile(path.join(texts, 'a.txt'), 'utf8')).toBe('one');

    await writeContent(storeForTests(archive), path.join(texts, 'b.txt'), 'two');
    await endContentDefer(storeForTests(archive)); // e.g. a usage error aborted the chunk
    expect(await readdir(texts)).toEqual(['a.txt']);
    // back to immediate, synced writes
    await writeContent(storeForTests(archive), path.join(texts, 'c.txt'), 'three');
    expect(await readdir(texts)).toEqual(['a.txt', 'c.txt']);
  });
});

describe('Archive.batch defers content writes too', () => {
  const text = 'Бүгін сотта Мамай мырзаның ісі қаралды. Судья шешімді жариялады.';
  const input = (t: string) => ({ bytes: Buffer.from(t), name: 'a.txt', title: 'Сот' });

  it('a fact can anchor on an article imported earlier in the same batch, and the text is in place after it', async () => {
    const archive = await Archive.create(await tempDir());
    const texts = storeForTests(archive).layout.textsDir;
    const fact = await archive.batch(async () => {
      const { article } = await archive.importArticle(input(text));
      // nothing under its final name until the batch ends
      expect((await readdir(texts)).filter((n) => !n.startsWith('.'))).toEqual([]);
      return archive.addFact({ articleId: article.id, quote: 'Судья шешімді жариялады.' });
    });
    expect(fact.quote).toBe('Судья шешімді жариялады.');
    const names = await readdir(texts);
    expect(names.filter((n) => n.startsWith('.'))).toEqual([]);
    expect(names).toHaveLength(1);
    await archive.close();
    const again = await Archive.open(storeForTests(archive).layout.root);
    expect((await again.listFacts()).map((f) => f.quote)).toEqual(['Судья шешімді жариялады.']);
    await again.close();
  });

  it('a batch that fails leaves neither the content nor its temp files', async () => {
    const archive = await Archive.create(await tempDir());
    const { textsDir, sourcesDir } = storeForTests(archive).layout;
    await expect(
      archive.batch(async () => {
        await archive.importArticle(input(text));
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(await readdir(textsDir)).toEqual([]);
    expect(await readdir(sourcesDir)).toEqual([]);
    expect(await archive.listArticles()).toEqual([]);
    await archive.close();
  });
});

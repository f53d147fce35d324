import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import type { ArchiveEvent } from '../../../../electron/core/storage/events.js';
import { SEED_ARTICLE, tempDir } from '../../helpers.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';

async function observed() {
  const archive = await Archive.create(await tempDir());
  const seen: ArchiveEvent['type'][] = [];
  storeForTests(archive).events.on((e) => {
    seen.push(e.type);
  });
  return { archive, seen };
}

describe('archive events', () => {
  it('tells observers of each change after it is saved', async () => {
    const { archive, seen } = await observed();
    const { article } = await archive.importArticle({ bytes: await readFile(SEED_ARTICLE), name: 'a.txt' });
    const fact = await archive.addFact({ articleId: article.id, quote: '4 қазанда басталған' });
    await archive.deleteFact(fact.id);
    await archive.importArticle({ bytes: await readFile(SEED_ARTICLE), name: 'again.txt' }); // a duplicate changes nothing
    expect(seen).toEqual(['article-added', 'fact-added', 'fact-deleted']);
  });

  it('holds a batch’s events until its writes are done, and drops them if it fails', async () => {
    const { archive, seen } = await observed();
    await archive.batch(async () => {
      await archive.importArticle({ bytes: new TextEncoder().encode('Бір'), name: '1.txt' });
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(['article-added']);
    await expect(
      archive.batch(async () => {
        await archive.importArticle({ bytes: new TextEncoder().encode('Екі'), name: '2.txt' });
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect(seen).toEqual(['article-added']);
  });
});

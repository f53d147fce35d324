/**
 * An article both archives hold, described differently on each side, is a conflict; taking theirs takes what
 * the other researcher said of it (its source type, its capture record), never the files it names, which
 * this archive may not have.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';
import { tempDir } from '../../helpers.js';

async function send(from: Archive, kase: string, to: string, file: string): Promise<string> {
  const shared = await from.share({ cases: [kase], to: [to] });
  await writeFile(file, shared.bytes);
  await from.recordShared(shared, path.basename(file));
  return file;
}

describe('an article described differently on both sides', () => {
  it('is one conflict; theirs takes their description and keeps this archive’s text and files', async () => {
    const dir = await tempDir();
    const a = await Archive.create(path.join(dir, 'a'));
    const b = await Archive.create(path.join(dir, 'b'));
    await a.addContact('Bolat', Buffer.from(JSON.stringify(await b.identityKeyFile())), 'b.key');
    await b.addContact('Aigul', Buffer.from(JSON.stringify(await a.identityKeyFile())), 'a.key');
    const { article } = await a.importArticle({
      bytes: Buffer.from('Суд отказал Жәкішеву в УДО. Адвокат шағым түсірді.\n'),
      name: 'a.txt',
    });
    const fact = await a.addFact({ articleId: article.id, quote: 'Суд отказал' });
    const kase = (await a.createCase('Жәкішев ісі', '')).id;
    await a.addFactsToCase(kase, [fact.id]);
    await b.receive({ file: await send(a, kase, 'Bolat', path.join(dir, 'to-b.age')) });

    await b.editArticle(article.id, { sourceType: 'court-document', capturedBy: 'Bolat' });
    await a.editArticle(article.id, { sourceType: 'news' });
    await a.receive({ file: await send(b, kase, 'Aigul', path.join(dir, 'to-a.age')) });
    const conflicts = a.listConflicts().filter((c) => c.kind === 'article');
    expect(conflicts).toHaveLength(1);

    // what their archive names beyond the description is not taken: here, a text file this one lacks
    const store = storeForTests(a);
    const stored = store.meta.data.team!.conflicts.find((c) => c.id === conflicts[0]!.id)!;
    if (stored.kind !== 'article') throw new Error('not an article conflict');
    stored.theirs = { ...stored.theirs, textSha256: 'f'.repeat(64), textLength: 1 };
    await store.save(store.meta);

    await a.resolveConflict(conflicts[0]!.id, 'theirs');
    const after = (await a.getArticle(article.id)).article;
    expect(after.sourceType).toBe('court-document');
    expect(after.capture?.asserted.capturedBy).toBe('Bolat');
    expect(after.textSha256).toBe(article.textSha256);
    expect(after.textLength).toBe(article.textLength);
    expect((await a.verify()).problems).toEqual([]);
    await a.close();
    await b.close();
  }, 240_000);
});

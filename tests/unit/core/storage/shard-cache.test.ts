import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { ArchiveSession } from '../../../../electron/session.js';
import { SHARD_CACHE } from '../../../../electron/core/storage/store.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { factShardFile, layoutOf, shardOf } from '../../../../electron/core/storage/layout.js';
import type { FactView } from '../../../../electron/core/archive.js';
import { tempDir } from '../../helpers.js';

/** An archive whose facts lie in many shards: one article and one fact each. */
async function spreadArchive(n: number) {
  const dir = await tempDir();
  const archive = await Archive.create(dir);
  await archive.batch(async () => {
    for (let i = 0; i < n; i++) {
      const { article } = await archive.importArticle({
        bytes: Buffer.from(`Хабар ${i}. Сот шешімі ${i} жарияланды.`),
        name: `${i}.txt`,
      });
      await archive.addFact({ articleId: article.id, quote: `Сот шешімі ${i} жарияланды` });
    }
  });
  return { dir, archive };
}

describe('the shard cache', () => {
  it('keeps only the most recently used shards after a call, and reads the others again when asked', async () => {
    const { archive } = await spreadArchive(80);
    const store = storeForTests(archive);
    expect(store.cachedShards.facts).toBeGreaterThan(SHARD_CACHE);
    const session = ArchiveSession.of(archive);
    const facts = await session.use((a) => a.listFacts());
    expect(facts).toHaveLength(80);
    expect(store.cachedShards.facts).toBeLessThanOrEqual(SHARD_CACHE);
    expect(store.cachedShards.articles).toBeLessThanOrEqual(SHARD_CACHE);
    // what was let go is read again, whole
    expect(await session.use((a) => a.listFacts())).toHaveLength(80);
    await archive.close();
  });

  it('gives a caller that still holds a shard the same object back, so its change is neither lost nor doubled', async () => {
    const { archive } = await spreadArchive(3);
    // every shard once, as allFacts and a trim between two uses of one would leave them
    const store = storeForTests(archive);
    const [first] = await store.allFacts();
    const shards = await Promise.all([...Array(256).keys()].map((k) => store.factShard(k)));
    const held = shards.find((db) => db.data.facts.some((f) => f.id === first!.id))!;
    store.trimCache(0);
    expect(store.cachedShards.facts).toBe(0);
    // changed after it was let go, saved later: the next reader must see this very object
    held.data.facts.find((f) => f.id === first!.id)!.note = 'changed while held';
    const index = shards.indexOf(held);
    expect(await store.factShard(index)).toBe(held);
    await store.save(held);
    await archive.close();

    const reopened = await Archive.open(store.layout.root);
    expect((await reopened.listFacts()).find((f) => f.id === first!.id)?.note).toBe('changed while held');
    await reopened.close();
  });

  it('keeps every shard inside a batch, whose changes are not on disk yet', async () => {
    const { archive } = await spreadArchive(40);
    const store = storeForTests(archive);
    await archive.batch(async () => {
      await archive.listFacts();
      const before = store.cachedShards.facts;
      store.trimCache(0);
      expect(store.cachedShards.facts).toBe(before);
    });
    store.trimCache(0);
    expect(store.cachedShards.facts).toBe(0);
    await archive.close();
  });
});

describe('a delete looks for links to what it removes', () => {
  it('in the shards on disk that mention it and in those in memory, loading no other', async () => {
    const { archive } = await spreadArchive(40);
    const store = storeForTests(archive);
    const facts = await archive.listFacts();
    const shard = (f: { articleId: string }) => shardOf(f.articleId);
    // four facts in four different shards
    const picked = facts.filter((f, i) => facts.findIndex((g) => shard(g) === shard(f)) === i).slice(0, 4);
    const [gone, onDisk, inMemory, other] = picked as [FactView, FactView, FactView, FactView];
    await archive.editFact(onDisk.id, { corroboratedBy: [gone.id] });
    store.trimCache(0);
    const words = new Set([gone.id]);
    const fromDisk = await store.factShardsMentioning(words);
    expect(store.cachedShards.facts).toBe(0); // looked through as text, not loaded
    expect(fromDisk).toContain(shard(onDisk));
    expect(fromDisk).not.toContain(shard(inMemory));
    expect(fromDisk).not.toContain(shard(other));
    // a shard written since it was looked through is read again
    await archive.editFact(other.id, { corroboratedBy: [gone.id] });
    store.trimCache(0);
    expect(await store.factShardsMentioning(words)).toContain(shard(other));
    // in a batch, this link is in memory only when the delete looks
    const inBatch = await archive.batch(async () => {
      await archive.editFact(inMemory.id, { corroboratedBy: [gone.id, other.id] });
      return store.factShardsMentioning(words);
    });
    expect(inBatch).toEqual(expect.arrayContaining([shard(onDisk), shard(inMemory)]));
    store.trimCache(0);
    await archive.deleteFact(gone.id);
    const after = new Map((await archive.listFacts()).map((f) => [f.id, f]));
    expect(after.get(onDisk.id)!.corroboratedBy).toEqual([]);
    expect(after.get(inMemory.id)!.corroboratedBy).toEqual([other.id]);
    expect(after.get(other.id)!.corroboratedBy).toEqual([]);
    expect(after.has(gone.id)).toBe(false);
    await archive.close();
  });
});

describe('the links between facts, kept for the next session', () => {
  const file = (dir: string) => path.join(dir, 'index', 'corroborations.json');
  const rewrite = async (dir: string, change: (shards: Record<string, unknown[]>) => void, sha?: string) => {
    const saved = JSON.parse(await readFile(file(dir), 'utf8')) as { shards: Record<string, unknown[]> };
    change(saved.shards);
    const sha256 = sha ?? createHash('sha256').update(JSON.stringify(saved.shards)).digest('hex');
    await writeFile(file(dir), JSON.stringify({ ...saved, sha256 }));
  };

  it('a later session answers from corroborations.json for the shards unchanged since, and reads the others', async () => {
    const { dir, archive } = await spreadArchive(40);
    const facts = await archive.listFacts();
    const [gone, linked] = facts.filter(
      (f, i) => facts.findIndex((g) => shardOf(g.articleId) === shardOf(f.articleId)) === i,
    ) as [FactView, FactView];
    await archive.editFact(linked.id, { corroboratedBy: [gone.id] });
    await archive.close();
    const first = await Archive.open(dir);
    expect(await storeForTests(first).factShardsMentioning(new Set([gone.id]))).toEqual([shardOf(linked.articleId)]);
    await first.close();
    // what it says of an unchanged shard is believed (so the shard is not read): a planted id is found
    const planted = String(shardOf(gone.articleId));
    await rewrite(dir, (shards) => shards[planted]!.splice(4, 1, ['planted']));
    const again = await Archive.open(dir);
    expect(await storeForTests(again).factShardsMentioning(new Set(['planted']))).toEqual([shardOf(gone.articleId)]);
    // a shard written since is read again
    await again.editFact(gone.id, { note: 'changed' });
    storeForTests(again).trimCache(0);
    expect(await storeForTests(again).factShardsMentioning(new Set(['planted']))).toEqual([]);
    await again.close();
  });

  it('a damaged or hand-edited corroborations.json is ignored', async () => {
    const { dir, archive } = await spreadArchive(10);
    const [gone, linked] = (await archive.listFacts()).filter(
      (f, i, all) => all.findIndex((g) => shardOf(g.articleId) === shardOf(f.articleId)) === i,
    ) as [FactView, FactView];
    await archive.editFact(linked.id, { corroboratedBy: [gone.id] });
    await archive.close();
    const first = await Archive.open(dir);
    await storeForTests(first).factShardsMentioning(new Set([gone.id]));
    await first.close();
    for (const spoil of [
      () => rewrite(dir, (shards) => shards[String(shardOf(linked.articleId))]!.splice(4, 1, []), '0'.repeat(64)),
      () => writeFile(file(dir), '{"format": 1, "shards": '),
      () => writeFile(file(dir), JSON.stringify({ format: 2, sha256: '0'.repeat(64), shards: {} })),
    ]) {
      await spoil();
      const again = await Archive.open(dir);
      expect(await storeForTests(again).factShardsMentioning(new Set([gone.id]))).toEqual([shardOf(linked.articleId)]);
      await again.close();
    }
  });

  it('an encrypted archive keeps none (its shards are sealed; this would not be)', async () => {
    const dir = await tempDir();
    const archive = await Archive.create(dir, { encrypt: true, passphrase: 'links test' });
    const facts = [];
    for (const text of ['Хабар. Сот шешімі.', 'Басқа хабар. Сот шешімі.']) {
      const { article } = await archive.importArticle({ bytes: Buffer.from(text), name: `${facts.length}.txt` });
      facts.push(await archive.addFact({ articleId: article.id, quote: 'Сот шешімі' }));
    }
    const [a, b] = facts as [FactView, FactView];
    await archive.editFact(b.id, { corroboratedBy: [a.id] });
    await archive.close();
    const again = await Archive.open(dir, { passphrase: 'links test' });
    expect(await storeForTests(again).factShardsMentioning(new Set([a.id]))).toEqual([shardOf(b.articleId)]);
    await again.close();
    await expect(readFile(file(dir))).rejects.toThrow(/ENOENT/);
  });
});

describe('a delete in a hand-edited archive', () => {
  it('finds the links in a shard written with spaces and line breaks, and none in a note that quotes the key', async () => {
    const { dir, archive } = await spreadArchive(40);
    const facts = await archive.listFacts();
    const shard = (f: { articleId: string }) => shardOf(f.articleId);
    const picked = facts.filter((f, i) => facts.findIndex((g) => shard(g) === shard(f)) === i).slice(0, 3);
    const [gone, linked, quoting] = picked as [FactView, FactView, FactView];
    await archive.editFact(linked.id, { corroboratedBy: [gone.id] });
    await archive.editFact(quoting.id, { note: `"corroboratedBy":["${gone.id}"]` });
    await archive.close();
    const file = factShardFile(layoutOf(dir), shard(linked));
    await writeFile(file, JSON.stringify(JSON.parse(await readFile(file, 'utf8')), null, 2).replace(/":/g, '" :'));

    const reopened = await Archive.open(dir);
    const mentioning = await storeForTests(reopened).factShardsMentioning(new Set([gone.id]));
    expect(mentioning).toContain(shard(linked));
    expect(mentioning).not.toContain(shard(quoting));
    await reopened.deleteFact(gone.id);
    const after = new Map((await reopened.listFacts()).map((f) => [f.id, f]));
    expect(after.get(linked.id)!.corroboratedBy).toEqual([]);
    expect(after.get(quoting.id)!.note).toContain(gone.id);
    await reopened.close();
  });
});

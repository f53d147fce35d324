import { createHash } from 'node:crypto';
import { readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { tempDir } from '../../helpers.js';

const LIST = (dir: string) => path.join(dir, 'index', 'articles.list');

/** An archive of a few articles spread over several shards; closed, so that each test opens it fresh. */
async function archiveOf(n: number): Promise<string> {
  const dir = await tempDir();
  const archive = await Archive.create(dir);
  for (let i = 0; i < n; i++) {
    await archive.importArticle({
      bytes: Buffer.from(`Article number ${i} about the court in Almaty.\nIts body, ${i}.`),
      name: `a${i}.txt`,
      title: `Title ${i}`,
      publishedAt: `2020-01-${String(i + 1).padStart(2, '0')}`,
    });
  }
  await archive.close();
  return dir;
}

async function listed(dir: string): Promise<Array<{ id: string; title: string }>> {
  const archive = await Archive.open(dir);
  try {
    return (await archive.listArticleRows()).map((a) => ({ id: a.id, title: a.title }));
  } finally {
    await archive.close();
  }
}

/** The list read from the shards alone, as the truth to compare with. */
async function fromShards(dir: string): Promise<Array<{ id: string; title: string }>> {
  await rm(LIST(dir), { force: true });
  return listed(dir);
}

async function shardFiles(dir: string): Promise<string[]> {
  return (await readdir(path.join(dir, 'shards'))).filter((n) => n.endsWith('.articles.json')).sort();
}

/** Rewrite a summary with its hash made right again: what this module would have written. */
async function forgeSummary(dir: string, edit: (body: string) => string): Promise<void> {
  const raw = await readFile(LIST(dir), 'utf8');
  const cut = raw.indexOf('\n');
  const header = JSON.parse(raw.slice(0, cut));
  const body = edit(raw.slice(cut + 1));
  header.sha256 = createHash('sha256').update(body).digest('hex');
  await writeFile(LIST(dir), `${JSON.stringify(header)}\n${body}`);
}

describe('the article list summary (index/articles.list)', () => {
  it('is written by the first list and read instead of the shards when they are unchanged', async () => {
    const dir = await archiveOf(5);
    const first = await listed(dir);
    expect(first.map((a) => a.title)).toEqual(['Title 4', 'Title 3', 'Title 2', 'Title 1', 'Title 0']);
    expect((await stat(LIST(dir))).size).toBeGreaterThan(0);
    // a forged title proves the summary is what was read (the shards still say "Title 2")
    await forgeSummary(dir, (body) => body.replace('"Title 2"', '"Forged"'));
    expect((await listed(dir)).map((a) => a.title)).toContain('Forged');
  });

  it('is rebuilt when missing, and lists the same as the shards', async () => {
    const dir = await archiveOf(4);
    const truth = await fromShards(dir);
    await rm(LIST(dir));
    expect(await listed(dir)).toEqual(truth);
    expect((await stat(LIST(dir))).size).toBeGreaterThan(0);
    expect(await listed(dir)).toEqual(truth);
  });

  it('a shard edited by hand is read again, even at its old size and mtime', async () => {
    const dir = await archiveOf(4);
    const [name] = await shardFiles(dir);
    const file = path.join(dir, 'shards', name!);
    // a whole second, so that setting it back below is exact
    const when = new Date('2021-03-04T05:06:07Z');
    await utimes(file, when, when);
    await listed(dir);
    const before = await stat(file);
    const json = JSON.parse(await readFile(file, 'utf8'));
    const old = json.articles[0].title as string;
    json.articles[0].title = old.replace('Title', 'Edit!'); // same length: same size
    await writeFile(file, JSON.stringify(json));
    await utimes(file, when, when);
    expect([(await stat(file)).size, (await stat(file)).mtimeMs]).toEqual([before.size, before.mtimeMs]);
    const after = await listed(dir);
    expect(after.map((a) => a.title)).toContain(old.replace('Title', 'Edit!'));
    expect(after.map((a) => a.title)).not.toContain(old);
    // and the summary now holds the edit: a second start lists it too
    expect(await listed(dir)).toEqual(after);
  });

  it('a shard file added or removed by hand is seen', async () => {
    const dir = await archiveOf(6);
    const all = await listed(dir);
    const names = await shardFiles(dir);
    const gone = path.join(dir, 'shards', names[0]!);
    const goneIds = JSON.parse(await readFile(gone, 'utf8')).articles.map((a: { id: string }) => a.id);
    // move its articles under another shard's name: one file removed, one new
    const moved = names[0]!.replace(/^../, (h) => (h === 'ff' ? 'fe' : 'ff'));
    expect(names).not.toContain(moved);
    await writeFile(path.join(dir, 'shards', moved), await readFile(gone));
    await rm(gone);
    expect(await listed(dir)).toEqual(all);
    await rm(path.join(dir, 'shards', moved));
    expect((await listed(dir)).map((a) => a.id)).toEqual(all.map((a) => a.id).filter((id) => !goneIds.includes(id)));
  });

  const damages: Array<[string, (raw: Buffer) => Buffer | string]> = [
    ['truncated', (raw) => raw.subarray(0, raw.length - 20)],
    ['not JSON', () => 'garbage\n{'],
    ['without a header line', (raw) => raw.subarray(raw.indexOf(0x0a) + 1)],
    ['its body changed without its hash', (raw) => Buffer.from(raw.toString('utf8').replace('"Title 1"', '"Tampr 1"'))],
    ['of another format', (raw) => Buffer.from(raw.toString('utf8').replace(/"format":\d+/, '"format":99'))],
    [
      'of another schema version',
      (raw) => Buffer.from(raw.toString('utf8').replace(/"schemaVersion":\d+/, '"schemaVersion":0')),
    ],
    ['empty', () => ''],
  ];
  for (const [what, damage] of damages) {
    it(`a summary ${what} is ignored and written again`, async () => {
      const dir = await archiveOf(3);
      const truth = await fromShards(dir);
      const good = await readFile(LIST(dir));
      await writeFile(LIST(dir), damage(good));
      expect(await listed(dir)).toEqual(truth);
      expect((await readFile(LIST(dir))).equals(good)).toBe(true);
    });
  }

  it('the temp file of a summary write cut short is removed by the next write', async () => {
    const dir = await archiveOf(2);
    const left = path.join(dir, 'index', '.articles.list.0123456789ab.tmp');
    await writeFile(left, 'half a summary');
    const truth = await fromShards(dir);
    expect(await listed(dir)).toEqual(truth);
    await expect(stat(left)).rejects.toThrow(/ENOENT/);
  });

  it('a summary whose body misses the rows of a shard it names is ignored', async () => {
    const dir = await archiveOf(3);
    const truth = await fromShards(dir);
    await forgeSummary(dir, (body) => {
      const tuples = JSON.parse(body) as Array<[number, ...unknown[]]>;
      return JSON.stringify(tuples.filter((t) => t[0] !== tuples[0]![0]));
    });
    expect(await listed(dir)).toEqual(truth);
  });

  const shapes: Array<[string, (t: unknown[]) => unknown]> = [
    ['a row of another length', (t) => t.slice(0, 6)],
    ['a row that is not an array', (t) => ({ ...t })],
    ['a title that is not a string', (t) => [t[0], t[1], 7, ...t.slice(3)]],
    ['a row of a shard it does not name', (t) => [999, ...t.slice(1)]],
  ];
  for (const [what, edit] of shapes)
    it(`a summary with ${what} (its hash made right) is ignored`, async () => {
      const dir = await archiveOf(3);
      const truth = await fromShards(dir);
      await forgeSummary(dir, (body) => {
        const tuples = JSON.parse(body) as unknown[][];
        return JSON.stringify([edit(tuples[0]!), ...tuples.slice(1)]);
      });
      expect(await listed(dir)).toEqual(truth);
    });

  it('is kept in list order, so that an unchanged archive lists without sorting', async () => {
    const dir = await archiveOf(6);
    const truth = await listed(dir);
    // reverse the body: a list that still came out right would have sorted it
    await forgeSummary(dir, (body) => JSON.stringify((JSON.parse(body) as unknown[]).reverse()));
    expect((await listed(dir)).map((a) => a.id)).toEqual(truth.map((a) => a.id).reverse());
  });

  it('merges a changed shard into the ordered rows of the others', async () => {
    const dir = await archiveOf(8);
    await listed(dir);
    const archive = await Archive.open(dir);
    const { article } = await archive.importArticle({
      bytes: Buffer.from('A middle one.\nBody.'),
      name: 'm.txt',
      publishedAt: '2020-01-04',
    });
    await archive.close();
    const after = await listed(dir);
    expect(after.map((a) => a.id)).toEqual((await fromShards(dir)).map((a) => a.id));
    expect(after.findIndex((a) => a.id === article.id)).toBeGreaterThan(0);
  });

  it('holds only list rows: the whole records come from the shards, in the same order', async () => {
    const dir = await archiveOf(4);
    const archive = await Archive.open(dir);
    const rows = await archive.listArticleRows();
    const whole = await archive.listArticles();
    expect(rows).toEqual(
      whole.map(({ id, title, publisher, publishedAt, lang, importedAt }) => ({
        id,
        title,
        publisher,
        publishedAt,
        lang,
        importedAt,
      })),
    );
    expect(whole[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    await archive.close();
    const raw = await readFile(LIST(dir), 'utf8');
    expect(raw).toContain(whole[0]!.title);
    expect(raw).not.toContain(whole[0]!.sha256);
  });

  it('follows the changes of the same session: an import and a delete after the first list', async () => {
    const dir = await archiveOf(3);
    const archive = await Archive.open(dir);
    expect(await archive.listArticleRows()).toHaveLength(3);
    const { article } = await archive.importArticle({ bytes: Buffer.from('A fourth one.\nBody.'), name: 'd.txt' });
    expect((await archive.listArticleRows()).map((a) => a.id)).toContain(article.id);
    const [first] = await archive.listArticleRows();
    await archive.deleteArticle(first!.id);
    const now = (await archive.listArticleRows()).map((a) => a.id);
    expect(now).toHaveLength(3);
    expect(now).not.toContain(first!.id);
    await archive.close();
    expect((await listed(dir)).map((a) => a.id)).toEqual(now);
    expect((await fromShards(dir)).map((a) => a.id)).toEqual(now);
  });

  it('an encrypted archive keeps no summary (it would be a plain copy of every title)', async () => {
    const dir = await tempDir();
    const archive = await Archive.create(dir, { encrypt: true, passphrase: 'list summary test' });
    await archive.importArticle({ bytes: Buffer.from('Secret title\nbody'), name: 's.txt' });
    expect(await archive.listArticleRows()).toHaveLength(1);
    await archive.close();
    await expect(stat(LIST(dir))).rejects.toThrow(/ENOENT/);
  });
});

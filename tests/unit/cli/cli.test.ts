import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_ARTICLE, snapshot, tempDir } from '../helpers.js';
import { aqiqat, expectOneLineError } from '../cli-driver.js';

async function initArchive(): Promise<string> {
  const dir = path.join(await tempDir(), 'demo');
  expect(aqiqat(['--archive', dir, 'init']).code).toBe(0);
  return dir;
}

describe('aqiqat CLI', () => {
  it('init → import → articles → search → fact add → facts, end to end', async () => {
    const dir = await initArchive();
    const A = ['--archive', dir];
    const imported = aqiqat([
      ...A,
      'import',
      SEED_ARTICLE,
      '--url',
      'https://example.org/a',
      '--published',
      '2020-10-20',
    ]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^imported [0-9a-f]{12} {2}16 қазанда/);

    const articles = JSON.parse(aqiqat([...A, 'articles', '--json']).stdout);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ lang: 'kk', url: 'https://example.org/a', publishedAt: '2020-10-20' });
    for (const key of ['id', 'title', 'lang', 'sha256', 'publishedAt', 'url']) expect(articles[0]).toHaveProperty(key);
    const id: string = articles[0].id;
    // the lines come from the list rows, --json keeps the whole record (above)
    expect(aqiqat([...A, 'articles']).stdout.trim()).toBe(`${id}  2020-10-20  kk     ${articles[0].title}`);

    const hits = JSON.parse(aqiqat([...A, 'search', 'Жексебаев', '--json']).stdout);
    expect(hits[0]).toMatchObject({ kind: 'article', id, articleId: id });
    expect(hits[0].snippet).toContain('Жексебаев');
    expect(typeof hits[0].score).toBe('number');

    const added = aqiqat([
      ...A,
      'fact',
      'add',
      '--article',
      id,
      '--quote',
      'Оның наразылық шарасы 4 қазанда басталған.',
      '--type',
      'protest',
      '--date',
      '2020-10-04',
      '--person',
      'Асхат Жексебаев',
      '--place',
      'Алматы',
      '--tag',
      'actions/picket',
      '--json',
    ]);
    expect(added.code).toBe(0);
    const fact = JSON.parse(added.stdout);
    const facts = JSON.parse(aqiqat([...A, 'facts', '--json']).stdout);
    expect(facts).toEqual([fact]);
    expect(fact).toMatchObject({
      articleId: id,
      quote: 'Оның наразылық шарасы 4 қазанда басталған.',
      type: 'protest',
      date: { value: '2020-10-04', precision: 'day', approximate: false },
      people: ['Асхат Жексебаев'],
      places: ['Алматы'],
      tags: ['actions/picket'],
    });
    expect(JSON.parse(aqiqat([...A, 'facts', '--article', id, '--json']).stdout)).toHaveLength(1);

    const shown = JSON.parse(aqiqat([...A, 'show', id.slice(0, 6), '--json']).stdout);
    expect(shown.text).toContain('Мұхтар Жәкішев');
    expect(shown.facts).toHaveLength(1);

    expect(aqiqat([...A, 'fact', 'delete', fact.id]).stdout).toBe(`deleted ${fact.id}\n`);
    expect(JSON.parse(aqiqat([...A, 'facts', '--json']).stdout)).toEqual([]);
  });

  it('keeps one article when the same file is imported twice, and says which', async () => {
    const dir = await initArchive();
    const first = aqiqat(['--archive', dir, 'import', SEED_ARTICLE]);
    const second = aqiqat(['--archive', dir, 'import', SEED_ARTICLE]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^already in the archive: [0-9a-f]{12}/);
    expect(second.stdout.split(' ')[4]).toBe(first.stdout.split(' ')[1]);
    expect(JSON.parse(aqiqat(['--archive', dir, 'articles', '--json']).stdout)).toHaveLength(1);
  });

  it('imports from standard input with -', async () => {
    const dir = await initArchive();
    const r = aqiqat(['--archive', dir, 'import', '-', '--title', 'Суд отказал', '--lang', 'ru', '--json'], {
      input: 'Суд отказал в УДО.\nТекст статьи.',
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({
      status: 'imported',
      article: { title: 'Суд отказал', lang: 'ru', sourceName: 'stdin' },
    });
  });

  it('takes the archive from AQIQAT_ARCHIVE', async () => {
    const dir = await initArchive();
    aqiqat(['--archive', dir, 'import', SEED_ARTICLE]);
    expect(JSON.parse(aqiqat(['articles', '--json'], { env: { AQIQAT_ARCHIVE: dir } }).stdout)).toHaveLength(1);
  });

  it('refuses bad input with exit 1, one line, and nothing written', async () => {
    const dir = await initArchive();
    aqiqat(['--archive', dir, 'import', SEED_ARTICLE]);
    const id = JSON.parse(aqiqat(['--archive', dir, 'articles', '--json']).stdout)[0].id;
    const scratch = await tempDir();
    const binary = path.join(scratch, 'photo.txt');
    await writeFile(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));
    const empty = path.join(scratch, 'empty.txt');
    await writeFile(empty, '');
    const before = await snapshot(dir);

    expectOneLineError(
      aqiqat(['--archive', dir, 'fact', 'add', '--article', id, '--quote', 'Жексебаев Айға ұшты']),
      /^aqiqat: the quote is not in article .*closest passage is: ".*Жексебаев/,
    );
    expectOneLineError(aqiqat(['--archive', dir, 'import', binary]), /^aqiqat: photo\.txt looks binary/);
    expectOneLineError(aqiqat(['--archive', dir, 'import', empty]), /^aqiqat: empty\.txt is empty/);
    expectOneLineError(aqiqat(['--archive', dir, 'import', path.join(scratch, 'missing.txt')]), /no such file/);
    expectOneLineError(aqiqat(['--archive', dir, 'show', 'ffffffffffff']), /^aqiqat: no article ffffffffffff/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses usage errors with exit 2 and one line', async () => {
    const dir = await initArchive();
    expectOneLineError(
      aqiqat(['--archive', dir, 'frobnicate']),
      /^aqiqat: unknown command 'frobnicate' \(see `aqiqat --help`\)/,
      2,
    );
    expectOneLineError(
      aqiqat(['--archive', dir, 'fact', 'add', '--quote', 'x']),
      /required option '--article <id>'/,
      2,
    );
    expectOneLineError(aqiqat(['--archive', dir, 'import', SEED_ARTICLE, '--lang', 'xx']), /--lang/, 2);
    expectOneLineError(aqiqat(['--archive', dir, 'import', SEED_ARTICLE, '--published', 'yesterday']), /YYYY-MM-DD/, 2);
    expectOneLineError(aqiqat(['--archive', dir, 'search', 'x', '--limit', '0']), /--limit must be a positive/, 2);
  });

  it('says how to start when there is no archive', async () => {
    expectOneLineError(
      aqiqat(['--archive', path.join(await tempDir(), 'none'), 'articles']),
      /no archive in .*aqiqat init/,
    );
  });

  it('refuses a corrupted archive.json and leaves it untouched', async () => {
    const dir = await initArchive();
    const file = path.join(dir, 'archive.json');
    await writeFile(file, '{"schemaVersion":1,');
    expectOneLineError(
      aqiqat(['--archive', dir, 'articles']),
      /archive\.json is not valid JSON; it was left untouched/,
    );
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion":1,');
  });

  it('has --help for every command and --version', () => {
    for (const cmd of [
      [],
      ['init'],
      ['import'],
      ['articles'],
      ['show'],
      ['fact', 'add'],
      ['fact', 'delete'],
      ['facts'],
      ['search'],
    ]) {
      const r = aqiqat([...cmd, '--help']);
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^Usage: aqiqat/);
    }
    const v = aqiqat(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('creates the sample archive with init --sample', async () => {
    const dir = path.join(await tempDir(), 'sample');
    expect(aqiqat(['--archive', dir, 'init', '--sample']).code).toBe(0);
    const sample = JSON.parse(
      await readFile(path.join(import.meta.dirname, '../../../data/sample/sample.json'), 'utf8'),
    );
    expect(JSON.parse(aqiqat(['--archive', dir, 'facts', '--json']).stdout)).toHaveLength(
      sample.articles[0].facts.length,
    );
  });
});

describe('aqiqat CLI on hostile input', () => {
  it('refuses standard input over the import limit without reading it all', async () => {
    const dir = await initArchive();
    const r = aqiqat(['--archive', dir, 'import', '-'], { input: Buffer.alloc(51 * 1024 * 1024, 0x61) });
    expectOneLineError(r, /standard input is over the import limit of 50 MB/);
    expect(JSON.parse(aqiqat(['--archive', dir, 'articles', '--json']).stdout)).toEqual([]);
  });

  it('imports a 10 MB single line and finds a word at its end', async () => {
    const dir = await initArchive();
    const file = path.join(await tempDir(), 'line.txt');
    await writeFile(file, `${'сөз '.repeat(1_300_000)}соңғысөз`);
    expect(aqiqat(['--archive', dir, 'import', file]).code).toBe(0);
    const [article] = JSON.parse(aqiqat(['--archive', dir, 'articles', '--json']).stdout);
    expect(article.title.length).toBeLessThanOrEqual(161);
    const hits = JSON.parse(aqiqat(['--archive', dir, 'search', 'соңғысөз', '--json']).stdout);
    expect(hits[0].snippet).toContain('соңғысөз');
  });
});

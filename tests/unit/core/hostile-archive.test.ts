/**
 * Hostile input: each gives a clear one-line error or a safe result, never a stack
 * trace, and nothing already stored is lost. HTML, PDF and DOCX arrive with the import of those
 * formats and get their cases there; this covers what the archive takes today.
 */
import { open, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../electron/core/archive.js';
import { sha256Hex } from '../../../electron/core/import/articles.js';
import { AqiqatError, userMessage } from '../../../electron/core/errors.js';
import { maxImportBytes } from '../../../electron/core/import/limits.js';
import { SEED_ARTICLE, snapshot, tempDir } from '../helpers.js';
import { aqiqat, expectOneLineError } from '../cli-driver.js';

/** An archive with the seed article, and a folder beside it for hostile files. */
async function setUp(): Promise<{ dir: string; scratch: string; A: string[] }> {
  const scratch = await tempDir();
  const dir = path.join(scratch, 'archive');
  expect(aqiqat(['--archive', dir, 'init']).code).toBe(0);
  expect(aqiqat(['--archive', dir, 'import', SEED_ARTICLE]).code).toBe(0);
  return { dir, scratch: path.join(scratch, 'in'), A: ['--archive', dir] };
}

async function file(scratch: string, name: string, bytes: string | Buffer): Promise<string> {
  await import('node:fs/promises').then((f) => f.mkdir(scratch, { recursive: true }));
  const p = path.join(scratch, name);
  await writeFile(p, bytes);
  return p;
}

describe('hostile files on import', () => {
  it('refuses a 100 MB file by the size limit without reading it, and the limit is configurable', async () => {
    const { dir, scratch, A } = await setUp();
    const big = await file(scratch, 'dump.txt', '');
    const h = await open(big, 'r+');
    await h.truncate(100 * 1024 * 1024); // sparse: no 100 MB written to the test disk
    await h.close();
    const before = await snapshot(dir);
    expectOneLineError(
      aqiqat([...A, 'import', big]),
      /^aqiqat: .*dump\.txt is 100\.0 MB; the import limit is 50\.0 MB\n$/,
    );
    const twoMb = await file(scratch, 'two.txt', 'а'.repeat(1024 * 1024));
    expectOneLineError(
      aqiqat([...A, 'import', twoMb], { env: { AQIQAT_MAX_IMPORT_MB: '1' } }),
      /two\.txt is 2\.0 MB; the import limit is 1\.0 MB/,
    );
    expect(await snapshot(dir)).toEqual(before);
    expect(maxImportBytes({ AQIQAT_MAX_IMPORT_MB: 'lots' })).toBe(50 * 1024 * 1024);
    expect(maxImportBytes({ AQIQAT_MAX_IMPORT_MB: '-1' })).toBe(50 * 1024 * 1024);
  });

  it('refuses invalid UTF-8, UTF-16 and NUL bytes with one line each, storing nothing', async () => {
    const { dir, scratch, A } = await setUp();
    const before = await snapshot(dir);
    expectOneLineError(
      aqiqat([...A, 'import', await file(scratch, 'latin1.txt', Buffer.from([0x53, 0xfc, 0x64, 0x20, 0xe9, 0x0a]))]),
      /latin1\.txt is not UTF-8 text; save it as UTF-8/,
    );
    expectOneLineError(
      aqiqat([...A, 'import', await file(scratch, 'overlong.txt', Buffer.from([0x41, 0xc0, 0xaf, 0x41]))]),
      /overlong\.txt is not UTF-8/,
    );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Сот шешімі', 'utf16le')]);
    expectOneLineError(
      aqiqat([...A, 'import', await file(scratch, 'utf16.txt', utf16)]),
      /utf16\.txt (looks binary|is not UTF-8|is UTF-16)/,
    );
    expectOneLineError(
      aqiqat([...A, 'import', await file(scratch, 'nul.txt', 'мәтін\0мәтін')]),
      /nul\.txt looks binary/,
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('keeps right-to-left overrides and zero-width characters as text, not as instructions', async () => {
    const { scratch, A } = await setUp();
    const text = 'Хабар \u202Egnp.exe\u202C және Жәкі\u200Bшев\u200D соты\n';
    const r = aqiqat([...A, 'import', await file(scratch, 'rlo.txt', text), '--json']);
    expect(r.code).toBe(0);
    const [{ article }] = JSON.parse(r.stdout);
    const shown = JSON.parse(aqiqat([...A, 'show', article.id, '--json']).stdout);
    expect(shown.text).toBe(text.trim()); // stored exactly, nothing reordered or dropped
    expect(shown.sourceName).toBe('rlo.txt');
  });

  it('never writes outside the archive whatever the file name (../, 300 characters)', async () => {
    const scratch = await tempDir();
    const dir = path.join(scratch, 'archive');
    const archive = await Archive.create(dir);
    const names = [
      '../../../../tmp/evil.txt',
      '..\\..\\evil.txt',
      `${'ж'.repeat(300)}.txt`,
      '/etc/passwd.txt',
      'a\u0000b.txt',
    ];
    const outside = async () => (await readdir(scratch)).sort();
    const before = await outside();
    for (const [i, name] of names.entries()) {
      const r = await archive.importArticle({ bytes: new TextEncoder().encode(`Мақала ${i}`), name });
      expect(r.status).toBe('imported');
      expect(r.article.sourceName).toBe(name); // kept as data for the record …
    }
    // … but every stored file is named by its SHA-256
    for (const sub of ['sources', 'texts']) {
      for (const n of await readdir(path.join(dir, sub))) expect(n).toMatch(/^[0-9a-f]{64}\.[a-z0-9]{1,8}$/);
    }
    expect(await outside()).toEqual(before);
    await archive.close();
  });

  it('shows control and bidi characters of a file name escaped in a one-line error', async () => {
    const { scratch, A } = await setUp();
    const name = 'a\u001b]0;pwned\u0007\nb\u202egnp.txt';
    const r = aqiqat([...A, 'import', await file(scratch, name, '')]);
    expectOneLineError(r, /a\\u001b\]0;pwned\\u0007\\u000ab\\u202egnp\.txt is empty/);
    expect(r.stderr).not.toMatch(/[\u001b\u0007\u202e]/);
  });

  it("drops a saved page's terminal escapes from its metadata, and no CLI line can drive the terminal", async () => {
    const { scratch, A } = await setUp();
    const body = '<p>Body text long enough to be the article. </p>'.repeat(10);
    const page = `<html><head><title>Title&#27;]0;PWNED&#7;&#27;[2J&#27;[31mRED</title><meta property="og:site_name" content="Pub&#27;[2Jlisher&#x9b;6n"></head><body><article>${body}</article></body></html>`;
    const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    const imported = aqiqat([...A, 'import', await file(scratch, 'esc.html', page)]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).not.toMatch(unsafe);
    const [page1] = JSON.parse(aqiqat([...A, 'articles', '--json']).stdout).filter(
      (a: { sourceExt: string }) => a.sourceExt === 'html',
    );
    expect(page1).toMatchObject({ title: 'Title]0;PWNED[2J[31mRED', publisher: 'Pub[2Jlisher›6n' });

    // what is already stored (a title given by hand, a file name) is escaped on the way out, in every command
    const title = 'T\u001b[2J\u009b31m\u202eRLO';
    const named = await file(scratch, 'evil\u202etxt.md', 'Мәтін');
    const r = aqiqat([...A, 'import', named, '--title', title, '--json']);
    const [{ article }] = JSON.parse(r.stdout); // --json stays valid JSON and says exactly what is stored
    expect(article).toMatchObject({ title, sourceName: 'evil\u202etxt.md' });
    const shown = aqiqat([...A, 'show', article.id]).stdout;
    for (const out of [aqiqat([...A, 'articles']).stdout, shown, aqiqat([...A, 'import', named]).stdout]) {
      expect(out).not.toMatch(unsafe);
      expect(out).toContain('T\\u001b[2J\\u009b31m\\u202eRLO');
    }
    expect(shown).toContain('evil\\u202etxt.md');
    expect(JSON.parse(aqiqat([...A, 'show', article.id, '--json']).stdout).title).toBe(title);
    // what commander echoes back from the command line, too
    const bad = aqiqat([...A, 'articles', '--x\u001b[2J\u202e']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(unsafe);
    expect(bad.stderr).toContain('--x\\u001b[2J\\u202e');
  });

  it('a 255-byte file name from disk imports like any other', async () => {
    const { scratch, A } = await setUp();
    const name = `${'a'.repeat(251)}.txt`;
    const r = aqiqat([...A, 'import', await file(scratch, name, 'Ұзын атау'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].article.sourceName).toBe(name);
  });
});

describe('a text over the import limit already in the archive', () => {
  it('search and reindex index its first 20 million characters and carry on', async () => {
    const { dir, scratch, A } = await setUp();
    const r = aqiqat([...A, 'import', await file(scratch, 'small.txt', 'Бастауы сөз\n'), '--json']);
    const [{ article }] = JSON.parse(r.stdout);
    // put in by hand (or by an older version): 21 million characters under the article's text name
    const huge = `Бастауы сөз ${'ортасыортасыортасыортасы '.repeat(850_000)}ақырғысөз`;
    await writeFile(path.join(dir, 'texts', `${article.textSha256}.txt`), huge);
    const hits = (q: string) => {
      const out = aqiqat([...A, 'search', q, '--json']);
      expect(out.stderr).toBe('');
      expect(out.code).toBe(0);
      return (JSON.parse(out.stdout) as Array<{ articleId: string }>).map((h) => h.articleId);
    };
    expect(hits('Бастауы')).toEqual([article.id]);
    expect(hits('ақырғысөз')).toEqual([]); // past the indexed part
    expect(aqiqat([...A, 'reindex']).code).toBe(0);
    expect(hits('Бастауы')).toEqual([article.id]);
  });
});

describe('a hand-edited archive.json', () => {
  const cases: Array<[string, (valid: string) => string, RegExp]> = [
    ['deeply nested JSON', () => `${'['.repeat(200_000)}${']'.repeat(200_000)}`, /archive\.json is malformed/],
    [
      'a 20 MB string in a field',
      (v) =>
        v.replace(
          '"entities":[]',
          `"entities":[{"id":"e-aaaaaaaa","kind":"person","name":"${'x'.repeat(20_000_000)}","aliases":[]}]`,
        ),
      /^$/,
    ],
    ['a wrong type', (v) => v.replace('"entities":[]', '"entities":{}'), /archive\.json is malformed at entities/],
    ['a newer schemaVersion', (v) => v.replace('"schemaVersion":1', '"schemaVersion":2'), /newer Aqiqat \(schema 2/],
    ['invalid JSON', (v) => v.slice(0, -3), /archive\.json is not valid JSON/],
    ['NUL bytes', (v) => v.replace('{', '{\u0000'), /archive\.json is not valid JSON/],
    ['a __proto__ key', (v) => v.replace('"entities":[]', '"__proto__":{"polluted":true},"entities":[]'), /^$/],
  ];
  it.each(cases)('%s: refused with one line and left untouched, or read safely', async (_name, mutate, message) => {
    const scratch = await tempDir();
    const dir = path.join(scratch, 'archive');
    await (await Archive.create(dir)).close();
    const file = path.join(dir, 'archive.json');
    const bad = mutate(await readFile(file, 'utf8'));
    await writeFile(file, bad);
    const r = aqiqat(['--archive', dir, 'articles', '--json']);
    if (message.source === '^$') {
      expect(r.code).toBe(0); // valid, just odd: read safely
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } else {
      expectOneLineError(r, message);
      expect(await readFile(file, 'utf8')).toBe(bad);
    }
  });
});

describe('fuzz (fast-check)', () => {
  it('import: any bytes under any name give an article whose text matches its hash, or an AqiqatError; the archive stays readable', async () => {
    const dir = path.join(await tempDir(), 'archive');
    const archive = await Archive.create(dir);
    const { article: seed } = await archive.importArticle({ bytes: await readFile(SEED_ARTICLE), name: 'seed.txt' });
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
    );
    const name = fc.oneof(
      fc.constantFrom('a.txt', 'b.md', 'c.pdf', 'noext', '.txt', '../x.txt'),
      fc.string({ maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(
        bytes,
        name,
        fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
        async (b, n, title) => {
          try {
            const r = await archive.importArticle({ bytes: b, name: n, title });
            const { text } = await archive.getArticle(r.article.id);
            expect(sha256Hex(text)).toBe(r.article.textSha256);
            expect(
              sha256Hex(await readFile(path.join(dir, 'sources', `${r.article.sha256}.${r.article.sourceExt}`))),
            ).toBe(r.article.sha256);
          } catch (e) {
            if (!(e instanceof AqiqatError)) throw e;
            expect(userMessage(e)).not.toContain('\n');
          }
        },
      ),
      { numRuns: 300 },
    );
    await archive.close();
    const reopened = await Archive.open(dir);
    expect((await reopened.getArticle(seed.id)).article.id).toBe(seed.id);
    await reopened.listArticles(); // every shard still validates
    await reopened.close();
  });

  it('schema: any JSON as archive.json opens or is refused with one line, and is never changed', async () => {
    const dir = path.join(await tempDir(), 'archive');
    await (await Archive.create(dir)).close();
    const file = path.join(dir, 'archive.json');
    const valid = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    // random JSON, and the valid file with one field replaced by random JSON
    const mutated = fc
      .tuple(fc.constantFrom(...Object.keys(valid), 'settings.shardCount', 'extra'), fc.jsonValue())
      .map(([key, v]) => {
        const copy = structuredClone(valid);
        if (key === 'settings.shardCount') (copy.settings as Record<string, unknown>).shardCount = v;
        else copy[key] = v;
        return JSON.stringify(copy);
      });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), mutated, fc.string()), async (raw) => {
        await writeFile(file, raw);
        try {
          const a = await Archive.open(dir);
          await a.close();
        } catch (e) {
          if (!(e instanceof AqiqatError)) throw e;
          expect(e.message).not.toContain('\n');
        }
        expect(await readFile(file, 'utf8')).toBe(raw);
      }),
      { numRuns: 200 },
    );
  });
});

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../electron/core/dossier/pdf.js';
import { pdfaProblems } from '../core/dossier/pdfa-check.js';
import { tempDir } from '../helpers.js';
import { aqiqat, aqiqatChild, expectOneLineError } from '../cli-driver.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function sample(): Promise<{ dir: string; A: string[] }> {
  const dir = path.join(await tempDir(), 'demo');
  expect(aqiqat(['--archive', dir, 'init', '--sample']).code).toBe(0);
  return { dir, A: ['--archive', dir] };
}

describe('aqiqat dossier / export', () => {
  it('dossier --out d.pdf from the sample archive', async () => {
    const { dir, A } = await sample();
    const out = path.join(dir, '..', 'd.pdf');
    const [theCase] = JSON.parse(aqiqat([...A, 'case', 'list', '--json']).stdout) as Array<{
      id: string;
      title: string;
      facts: unknown[];
    }>;
    expect(theCase!.facts.length).toBeGreaterThanOrEqual(8);
    const r = aqiqat([...A, 'dossier', theCase!.id, '--out', out, '--lang', 'kk', '--compiled-by', 'Тест', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      format: 'pdf',
      case: theCase!.id,
      facts: theCase!.facts.length,
      sources: 1,
    });
    const text = execFileSync('pdftotext', ['-raw', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Оның наразылық шарасы 4 қазанда басталған.');
    expect(text).toContain('Хронология');
    expect(text).toContain(theCase!.title);
    // PDF/A-2b with its bookmarks, as the app's file (the same finishing in the core)
    expect(await pdfaProblems(await readFile(out), 'kk')).toEqual([]);
    expect(execFileSync('pdfinfo', ['-meta', out], { encoding: 'utf8' })).toContain('<pdfaid:part>2</pdfaid:part>');
    // by title too
    expect(
      aqiqat([...A, 'dossier', theCase!.title, '--format', 'html', '--out', path.join(dir, '..', 'd.html')]).code,
    ).toBe(0);

    // the audit log shows how the dossier came to be: the case, its facts, and the export with the file's SHA-256
    const log = JSON.parse(aqiqat([...A, 'log', '--case', theCase!.id, '--json']).stdout) as Array<{
      action: string;
      sha256?: string;
      summary?: string;
    }>;
    expect(log.filter((e) => e.action === 'case-created')).toHaveLength(1);
    expect(log.filter((e) => e.action === 'case-fact-added')).toHaveLength(theCase!.facts.length);
    const exports = log.filter((e) => e.action === 'export-made');
    expect(exports.map((e) => e.sha256)).toEqual([
      sha256(await readFile(out)),
      sha256(await readFile(path.join(dir, '..', 'd.html'))),
    ]);
    expect(exports[0]!.summary).toBe(`dossier PDF → ${out}`);
  });

  it('dossier --format html with --facts, --redact and --redact-sources', async () => {
    const { dir, A } = await sample();
    const facts = JSON.parse(aqiqat([...A, 'facts', '--json']).stdout) as Array<{ id: string; quote: string }>;
    const chosen = facts.filter((f) => f.quote.includes('Жәкішев')).map((f) => f.id);
    const out = path.join(dir, '..', 'd.html');
    const r = aqiqat([
      ...A,
      'dossier',
      '--format',
      'html',
      '--out',
      out,
      '--facts',
      chosen.join(','),
      '--redact',
      'Мұхтар Жәкішев',
      '--redact-sources',
      '--lang',
      'ru',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^wrote .*d\\.html: ${chosen.length} facts?, 1 source \\(`));
    const html = await readFile(out, 'utf8');
    expect(html).not.toMatch(/Жәкішев|zhakishev/i);
    expect(html).toContain('[redacted]');
    expect(html).toContain('скрыта в этой копии');
  });

  it('one-line errors: unknown person, unknown fact, PDF to stdout, bad --lang', async () => {
    const { A } = await sample();
    const cases: Array<[string[], number, RegExp]> = [
      [['dossier', '--out', 'x.pdf', '--redact', 'Nobody'], 1, /no person "Nobody"/],
      [['dossier', 'no-such-case', '--out', 'x.pdf'], 1, /no case "no-such-case"/],
      [['dossier', 'c-00000', '--facts', 'x', '--out', 'x.pdf'], 2, /a case or --facts, not both/],
      [['dossier', '--out', 'x.pdf', '--facts', 'abc'], 2, /"abc" is not a fact id/],
      [['dossier', '--out', '-'], 2, /a PDF needs a file/],
      [['dossier', '--out', 'x.pdf', '--lang', 'de'], 2, /--lang/],
    ];
    for (const [args, code, message] of cases) {
      const r = aqiqat([...A, ...args]);
      expect(r.code, args.join(' ')).toBe(code);
      expectOneLineError(r, message, code);
    }
    const missing = aqiqat([...A, 'dossier', '--out', 'x.pdf'], { env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/CHROMIUM_PATH is \/nonexistent\/chromium, which does not exist/);
  });

  it('export --format csv and json', async () => {
    const { dir, A } = await sample();
    const csv = aqiqat([...A, 'export', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFFfact_id,')).toBe(true);
    const all = JSON.parse(aqiqat([...A, 'facts', '--json']).stdout) as unknown[];
    expect(csv.stdout.split('\r\n')).toHaveLength(all.length + 1);
    expect(csv.stdout).toContain('2009 жылы 14 жылға сотталған');
    const json = JSON.parse(aqiqat([...A, 'export']).stdout);
    expect(json).toHaveLength(all.length);
    const [theCase] = JSON.parse(aqiqat([...A, 'case', 'list', '--json']).stdout) as Array<{
      id: string;
      facts: unknown[];
    }>;
    const ofCase = JSON.parse(aqiqat([...A, 'export', '--case', theCase!.id]).stdout) as Array<{ date: string | null }>;
    expect(ofCase).toHaveLength(theCase!.facts.length);
    expect(ofCase.length).toBeLessThan(all.length);
    expect(ofCase[0]!.date).toBe('2009');
    expect(json[0].article).toMatchObject({
      publisher: 'Example News (sample)',
      url: 'https://example.org/kk/zhakishev-picket',
    });
    expect(json[0].article.sha256).toMatch(/^[0-9a-f]{64}$/);
    const out = path.join(dir, '..', 'facts.csv');
    const toFile = aqiqat([...A, 'export', '--format', 'csv', '--out', out]);
    expect(toFile.code).toBe(0);
    expect((await readFile(out))[0]).toBe(0xef);
    const log = JSON.parse(aqiqat([...A, 'log', '--json']).stdout) as Array<{
      action: string;
      sha256?: string;
      summary?: string;
    }>;
    const last = log.filter((e) => e.action === 'export-made').at(-1);
    expect(last).toMatchObject({
      sha256: sha256(await readFile(out)),
      summary: `CSV export of ${all.length} facts → ${out}`,
    });
  });

  it('Chromium starts with a clean environment, and a killed run’s profile is swept by the next', async () => {
    const { dir, A } = await sample();
    const tmp = path.join(dir, '..');
    // a stand-in for Chromium that records the environment it was given, then runs the real one
    const wrapper = path.join(tmp, 'chromium.sh');
    await writeFile(wrapper, `#!/bin/sh\nenv > "${tmp}/browser-env.txt"\nexec "${await findChromium()}" "$@"\n`);
    await chmod(wrapper, 0o755);
    const env = { CHROMIUM_PATH: wrapper, TMPDIR: tmp, AQIQAT_PASSPHRASE: 'correct horse battery staple' };
    const args = [...A, 'dossier', '--out', path.join(tmp, 'd.pdf')];
    const r = aqiqat(args, { env });
    expect(r.stderr).toBe('');
    const seen = await readFile(path.join(tmp, 'browser-env.txt'), 'utf8');
    expect(seen).toMatch(/^PATH=/m);
    expect(seen).not.toMatch(/AQIQAT|correct horse/);

    const profiles = async () =>
      (await readdir(tmp)).filter((n) => /^aqiqat-chromium-|^playwright_chromiumdev_profile-/.test(n));
    expect(await profiles()).toEqual([]);
    const child = aqiqatChild(args, { env });
    const exited = new Promise((done) => child.on('exit', done));
    for (let i = 0; i < 300 && (await profiles()).length === 0; i++) await new Promise((done) => setTimeout(done, 20));
    child.kill('SIGKILL');
    await exited;
    expect(await profiles()).toHaveLength(1);
    expect(aqiqat(args, { env }).code).toBe(0);
    expect(await profiles()).toEqual([]);
  });

  it('redacts hidden and disguised spellings, a Cyrillic URL and a Latin-only person', async () => {
    const { dir, A } = await sample();
    const tmp = path.join(dir, '..');
    const quotes = [
      'Белсенді Жексе\u00adбаев 2021 жылы қайта ұсталды',
      'Полиция Жексе\u200bбаевты сотқа жеткізді',
      'Активист Жeксебаев айыппұл төледі',
      'Сот Жексе- баевтың ісін қарады',
      'Олар Жексебаевтардікіндегі жиналысты таратты',
    ];
    await writeFile(
      path.join(tmp, 'hostile-kk.txt'),
      ['Жексебаев қайта ұсталды', ...quotes.map((q) => `${q}.`)].join('\n\n') + '\n',
    );
    const imported = aqiqat([
      ...A,
      'import',
      path.join(tmp, 'hostile-kk.txt'),
      '--url',
      'https://news.example.kz/2021/Жексебаев-қайта-ұсталды',
      '--json',
    ]);
    const article = (JSON.parse(imported.stdout) as Array<{ article: { id: string } }>)[0]!.article.id;
    const [theCase] = JSON.parse(aqiqat([...A, 'case', 'list', '--json']).stdout) as Array<{ id: string }>;
    for (const q of quotes) {
      const fact = JSON.parse(
        aqiqat([
          ...A,
          'fact',
          'add',
          '--article',
          article,
          '--quote',
          q,
          '--type',
          'arrest',
          '--person',
          'Асхат Жексебаев',
          '--json',
        ]).stdout,
      ) as { id: string };
      expect(aqiqat([...A, 'case', 'add-fact', theCase!.id, fact.id]).code).toBe(0);
    }
    const out = path.join(tmp, 'red.pdf');
    const r = aqiqat([...A, 'dossier', theCase!.id, '--lang', 'kk', '--redact', 'Асхат Жексебаев', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('note: quotes are verbatim');
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text.split('\n').filter((l) => /Жекс|Жeкс|баев|%D0%96/.test(l))).toEqual([]);
    expect(text).toContain('[redacted] айыппұл төледі');

    // a person stored only in Latin
    await writeFile(
      path.join(tmp, 'bekov.txt'),
      'Ерлан Бековты полиция ұстады\n\nАлматыда белсенді Ерлан Беков 2022 жылы ұсталды.\n',
    );
    const bekov = (
      JSON.parse(aqiqat([...A, 'import', path.join(tmp, 'bekov.txt'), '--json']).stdout) as Array<{
        article: { id: string };
      }>
    )[0]!.article.id;
    expect(aqiqat([...A, 'entity', 'add', 'Yerlan Bekov', '--kind', 'person']).code).toBe(0);
    const fact = JSON.parse(
      aqiqat([
        ...A,
        'fact',
        'add',
        '--article',
        bekov,
        '--quote',
        'Алматыда белсенді Ерлан Беков 2022 жылы ұсталды',
        '--type',
        'arrest',
        '--person',
        'Yerlan Bekov',
        '--json',
      ]).stdout,
    ) as { id: string };
    const latin = path.join(tmp, 'bekov.pdf');
    expect(
      aqiqat([
        ...A,
        'dossier',
        '--facts',
        fact.id,
        '--lang',
        'en',
        '--redact',
        'Yerlan Bekov',
        '--redact-sources',
        '--out',
        latin,
      ]).code,
    ).toBe(0);
    const bekovText = execFileSync('pdftotext', [latin, '-'], { encoding: 'utf8' });
    expect(bekovText).not.toMatch(/Беков|Ерлан|Bekov|Yerlan/);
    expect(bekovText).toContain('[1] [redacted] полиция ұстады');
    // --redact-sources: nothing left that finds the article
    expect(bekovText).not.toMatch(/[0-9a-f]{64}|\d{4}-\d{2}-\d{2}/);
    expect(bekovText).toContain('withheld in this copy');
  });
});

/**
 * The visual copy in the dossier's source appendix, through the real CLI and read back with poppler: a web
 * capture imported (and rendered offline), a fact, a dossier PDF with the page's picture and its hashes; a
 * redacted dossier keeps the hashes and leaves the picture out.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfaProblems } from '../core/dossier/pdfa-check.js';
import { aqiqat } from '../cli-driver.js';
import { tempDir } from '../helpers.js';
import { makeWacz } from '../wacz-fixture.js';

const NAME = 'Мұхтар Жәкішев';
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel=stylesheet href="/s.css">
<title>Сот шешімі</title></head><body><header class="site">Example News</header><article><h1>Сот шешімі Өскеменде</h1>
${'<p>Өскемен қалалық соты Мұхтар Жәкішевтің шартты түрде босату туралы өтінішін қанағаттандырмады. Адвокат шағым түсірді.</p>'.repeat(6)}
</article></body></html>`;
const CSS =
  '.site { background: rgb(10, 120, 200); color: white; font-size: 40px; padding: 30px } h1 { color: #8a1c1c }';

const json = (args: string[]) => {
  const r = aqiqat([...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};
const pdftotext = (file: string) =>
  execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
/** pdfimages -list's rows: one per image drawn, after two header lines */
const images = (file: string) =>
  execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);

describe('the visual copy in the dossier', () => {
  it('shows the page as it looked with its hashes; a redacted dossier keeps the hashes and no picture', async () => {
    const root = await tempDir();
    const A = ['--archive', path.join(root, 'a')];
    expect(aqiqat([...A, 'init']).code).toBe(0);
    const capture = path.join(root, 'capture.wacz');
    await writeFile(
      capture,
      await makeWacz([
        { url: 'https://news.example.kz/2026/03/sot', body: PAGE },
        { url: 'https://news.example.kz/s.css', contentType: 'text/css', body: CSS },
      ]),
    );
    const [{ article }] = json([...A, 'import', capture]);
    const visual = article.visual as { png: { sha256: string }; pdf: { sha256: string } };
    expect(visual.png.sha256).toMatch(/^[0-9a-f]{64}$/);
    json([...A, 'fact', 'add', '--article', article.id, '--quote', 'өтінішін қанағаттандырмады', '--person', NAME]);

    const out = path.join(root, 'd.pdf');
    expect(aqiqat([...A, 'dossier', '--out', out, '--lang', 'en']).code).toBe(0);
    const text = pdftotext(out);
    expect(text).toContain('As the page looked');
    expect(text).toContain(visual.png.sha256);
    expect(text).toContain(visual.pdf.sha256);
    const shown = images(out);
    expect(shown.length).toBe(1);
    // the stored thumbnail, embedded as it is (JPEG: pdfimages' "jpeg" encoding), not a re-encoded copy
    expect(shown[0]).toMatch(/\bjpeg\b/);
    expect(await pdfaProblems(await readFile(out), 'en')).toEqual([]);
    // the appendix page, for a person to look at (test-results is not committed)
    const look = path.join(process.cwd(), 'test-results', 'visual-dossier');
    await mkdir(path.dirname(look), { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '3', out, look]);

    const redacted = path.join(root, 'r.pdf');
    const r = aqiqat([...A, 'dossier', '--out', redacted, '--lang', 'ru', '--redact', NAME]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rtext = pdftotext(redacted);
    expect(rtext).toContain(visual.png.sha256);
    expect(rtext).toContain('Изображение страницы не включено');
    expect(images(redacted)).toEqual([]);

    // the HTML form of a redacted dossier carries no image either
    const html = path.join(root, 'r.html');
    expect(aqiqat([...A, 'dossier', '--format', 'html', '--out', html, '--redact', NAME]).code).toBe(0);
    const doc = await readFile(html, 'utf8');
    expect(doc).not.toMatch(/<img|data:image/);
    expect(doc).toContain(visual.pdf.sha256);

    // withheld sources: neither the picture nor the hashes
    const withheld = path.join(root, 'w.html');
    expect(aqiqat([...A, 'dossier', '--format', 'html', '--out', withheld, '--redact-sources']).code).toBe(0);
    const wdoc = await readFile(withheld, 'utf8');
    expect(wdoc).not.toMatch(/<img|data:image/);
    expect(wdoc).not.toContain(visual.png.sha256);
  });
});

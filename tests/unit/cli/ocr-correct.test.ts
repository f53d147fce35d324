/**
 * A page read by OCR corrected by hand through the real CLI: one scan imported (Kazakh, two pages), page 1
 * corrected so page 2's quotes move, page 2 corrected so one quote is lost and flagged; the machine's text
 * kept, the audit line with both hashes, search, verify, the dossier's words (PDF through pdftotext), both
 * pages put back; and the refusals, each one line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { aqiqatWith, expectOneLineError } from '../cli-driver.js';
import { SEED_ARTICLE, tempDir } from '../helpers.js';
import { CHROMIUM, imagePdf, printPages, rasterize } from '../core/import/scans.js';

const PAGES = [
  ['Өскемен қалалық сотының үкімі', 'Сот айыпталушыны он жылға бас бостандығынан айыруға үкім шығарды.'],
  [
    'Екінші бет',
    'Сотталған Жәкішев шартты түрде мерзімінен бұрын босатуға өтініш берді.',
    'Шешімге он бес күн ішінде шағым берілуі мүмкін.',
  ],
];
const tools = existsSync(CHROMIUM) && existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdftotext');

interface Shown {
  text: string;
  textSha256: string;
  ocr: {
    pages: { page: number; lowConfidence: [number, number][] }[];
    machineTextSha256?: string;
    corrections?: { page: number; machineSha256: string; textSha256: string; at: string }[];
  };
  facts: { id: string; quote: string; anchor: { start: number; end: number }; quoteLost?: { page: number } }[];
}

let dir: string;
let scan: string;
let run: ReturnType<typeof aqiqatWith>;
beforeAll(async () => {
  if (!tools) return;
  dir = await tempDir();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu'] });
  try {
    scan = path.join(dir, 'decision-scan.pdf');
    await writeFile(scan, await imagePdf(await rasterize(await printPages(browser, PAGES), 200)));
  } finally {
    await browser.close();
  }
  run = aqiqatWith({ env: { AQIQAT_ARCHIVE: path.join(dir, 'a') } });
  expect(run(['init']).code).toBe(0);
}, 120_000);

const pageText = (text: string, n: number) => {
  const m = new RegExp(`^\\[page ${n}\\]\\n\\n([\\s\\S]*?)(?:\\n\\n\\[page \\d+\\]|$)`, 'm').exec(text);
  return m![1]!;
};

describe.runIf(tools)('aqiqat article correct', () => {
  it('corrects a page beside the machine reading: facts move or are flagged, audit, search, verify, dossier, revert', async () => {
    const imported = run(['import', scan, '--ocr-lang', 'kk', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const id = (JSON.parse(imported.stdout) as { article: { id: string } }[])[0]!.article.id;
    const show = () => JSON.parse(run(['show', id, '--json']).stdout) as Shown;
    const machine = show();
    const page1 = pageText(machine.text, 1);
    const page2 = pageText(machine.text, 2);
    // the quotes are what OCR read: a sentence that stays, and the paragraph whose first word will be corrected
    const kept = /Сотталған\s+\S+\s+\S+/.exec(page2)?.[0];
    const lastParagraph = page2.split('\n\n').at(-1)!;
    const wrong = lastParagraph.split(' ')[0]!;
    expect(kept, page2).toBeTruthy();
    expect(wrong.length).toBeGreaterThan(3);
    const add = (quote: string) => {
      const r = run(['fact', 'add', '--article', id, '--quote', quote, '--type', 'other', '--json']);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { id: string }).id;
    };
    const keptFact = add(kept!);
    const lostFact = add(lastParagraph.split(' ').slice(0, 3).join(' '));
    const search = (q: string) =>
      (JSON.parse(run(['search', q, '--json']).stdout) as { articleId: string }[]).some((h) => h.articleId === id);
    expect(search(wrong)).toBe(true);
    expect(search('Апелляцияға')).toBe(false);

    // page 1 grows: page 2's quotes move with it
    const fixed1 = page1.replace(/он\s+\S+/, 'он екі жылға');
    expect(fixed1).not.toBe(page1);
    const c1 = run(['article', 'correct', id, '--page', '1', '--text', fixed1]);
    expect(c1.code, c1.stderr).toBe(0);
    expect(c1.stdout).toBe(`page 1 of ${id} corrected\n`);
    expect(c1.stderr).toBe('');
    const after1 = show();
    expect(pageText(after1.text, 1)).toBe(fixed1);
    expect(pageText(after1.text, 2)).toBe(page2);
    expect(after1.ocr.machineTextSha256).toBe(machine.textSha256);
    expect(after1.textSha256).not.toBe(machine.textSha256);
    for (const f of after1.facts) expect(after1.text.slice(f.anchor.start, f.anchor.end)).toBe(f.quote);
    // the machine's text is kept as it was, in its own file
    const machineFile = path.join(dir, 'a', 'texts', `${machine.textSha256}.txt`);
    expect(await readFile(machineFile, 'utf8')).toBe(machine.text);

    // page 2: the first word of its last paragraph corrected; the quote that held it is flagged, not deleted
    const fixed2 = page2.replace(lastParagraph, lastParagraph.replace(wrong, 'Апелляцияға'));
    await writeFile(path.join(dir, 'page2.txt'), fixed2);
    const c2 = run(['article', 'correct', id, '--page', '2', '--file', path.join(dir, 'page2.txt')]);
    expect(c2.code, c2.stderr).toBe(0);
    expect(c2.stdout).toBe(`page 2 of ${id} corrected; 1 fact found again\n`);
    expect(c2.stderr).toBe(
      `aqiqat: fact ${lostFact}: its quote is not in page 2 as corrected; it is flagged, not deleted\n`,
    );
    const after2 = show();
    expect(pageText(after2.text, 2)).toBe(fixed2);
    expect(after2.ocr.corrections?.map((c) => c.page)).toEqual([1, 2]);
    expect(after2.facts.find((f) => f.id === lostFact)?.quoteLost).toMatchObject({ page: 2 });
    const keptNow = after2.facts.find((f) => f.id === keptFact)!;
    expect(keptNow.quoteLost).toBeUndefined();
    expect(after2.text.slice(keptNow.anchor.start, keptNow.anchor.end)).toBe(kept);
    expect(after2.ocr.pages.find((p) => p.page === 2)?.lowConfidence).toEqual([]);
    expect(run(['show', id]).stdout).toContain(`[quote not in page 2 as corrected]`);

    // the audit line: the page's text before and after, by hash
    const log = JSON.parse(run(['log', '--json']).stdout) as {
      action: string;
      summary?: string;
      textSha256?: string;
    }[];
    const lines = log.filter((e) => e.action === 'article-text-corrected');
    expect(lines).toHaveLength(2);
    const sha = (s: string) => execFileSync('sha256sum', { input: s }).toString().slice(0, 64);
    expect(lines[1]!.summary).toBe(`page 2 corrected by hand: ${sha(page2)} → ${sha(fixed2)}; quote lost: ${lostFact}`);
    expect(lines[1]!.textSha256).toBe(after2.textSha256);

    // search finds the corrected word, no longer the wrong one
    expect(search('Апелляцияға')).toBe(true);
    expect(search(wrong)).toBe(false);

    // verify: every hash holds, the flagged quote is a note, not a problem
    const verify = run(['verify']);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toContain(`note: fact ${lostFact}: its quote is no longer in page 2 of article ${id}`);

    // the dossier quotes the corrected text and says so, in each language
    const dossierPdf = path.join(dir, 'd.pdf');
    const d = run(['dossier', '--facts', keptFact, '--out', dossierPdf, '--lang', 'en']);
    expect(d.code, d.stderr).toBe(0);
    const pdfText = execFileSync('pdftotext', ['-layout', dossierPdf, '-']).toString().replace(/\s+/g, ' ');
    expect(pdfText).toContain('machine-read from a scan, page 2, corrected by hand: check against the original');
    expect(pdfText).toContain(kept!.replace(/\s+/g, ' '));
    const html = (lang: string) =>
      run(['dossier', '--facts', keptFact, '--format', 'html', '--out', '-', '--lang', lang]).stdout;
    expect(html('kk')).toContain('сканнан машинамен оқылған, 2-бет, қолмен түзетілген: түпнұсқамен салыстырыңыз');
    expect(html('ru')).toContain('распознано машиной со скана, страница 2, исправлено вручную: сверьте с оригиналом');

    // put back: the lost quote is found again, the flag goes; then the article is as imported
    const r2 = run(['article', 'correct', id, '--page', '2', '--revert', '--json']);
    expect(r2.code, r2.stderr).toBe(0);
    expect(JSON.parse(r2.stdout)).toMatchObject({ page: 2, reverted: true, lost: [] });
    const back2 = show();
    expect(pageText(back2.text, 2)).toBe(page2);
    expect(back2.facts.find((f) => f.id === lostFact)?.quoteLost).toBeUndefined();
    expect(back2.ocr.pages.find((p) => p.page === 2)?.lowConfidence.length).toBe(
      machine.ocr.pages.find((p) => p.page === 2)?.lowConfidence.length,
    );
    expect(run(['article', 'correct', id, '--page', '1', '--revert']).stdout).toBe(
      `page 1 of ${id} put back to the machine's reading\n`,
    );
    const back = show();
    expect(back.text).toBe(machine.text);
    expect(back.textSha256).toBe(machine.textSha256);
    expect(back.ocr).toEqual(machine.ocr);
    for (const f of back.facts) expect(back.text.slice(f.anchor.start, f.anchor.end)).toBe(f.quote);
    expect(search(wrong)).toBe(true);
    expect(run(['verify']).code).toBe(0);

    // refusals, each one line, nothing changed
    const seed = run(['import', SEED_ARTICLE, '--json']);
    const seedId = (JSON.parse(seed.stdout) as { article: { id: string } }[])[0]!.article.id;
    const huge = path.join(dir, 'huge.txt');
    await writeFile(huge, 'сөз '.repeat(25_001));
    const refusals: [string[], RegExp, number][] = [
      [
        ['--page', '3', '--text', 'x'],
        /page 3 of article [0-9a-f]+ was not read by OCR \(pages read by OCR: 1, 2\)/,
        2,
      ],
      [['--page', '1', '--text', '  \n '], /the corrected text of page 1 is empty/, 2],
      [['--page', '1', '--file', huge], /the corrected text of page 1 has 100003 characters, more than the 100000/, 2],
      [['--page', '1', '--text', 'a\n[page 2]\nb'], /holds a "\[page N\]" line/, 2],
      [['--page', '1', '--revert'], /page 1 of article [0-9a-f]+ is not corrected/, 2],
      [['--page', '1'], /say how to correct the page: --text TEXT, --file FILE or --revert/, 2],
      [['--page', '1', '--text', 'x', '--revert'], /say how to correct the page/, 2],
      [['--page', '0', '--text', 'x'], /--page/, 2],
      [['--page', '1', '--file', path.join(dir, 'nope.txt')], /nope\.txt/, 1],
    ];
    for (const [args, pattern, code] of refusals)
      expectOneLineError(run(['article', 'correct', id, ...args]), pattern, code);
    expectOneLineError(
      run(['article', 'correct', seedId, '--page', '1', '--text', 'x']),
      /article [0-9a-f]+ was not read by OCR: its text is the file's own and cannot be corrected/,
      2,
    );
    expect(show().text).toBe(machine.text);
  }, 600_000);
});

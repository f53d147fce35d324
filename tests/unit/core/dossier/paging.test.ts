// Page numbers in the contents and the bookmarks, checked on real PDFs from Chromium the way a reader
// gets them: poppler's pdftotext page by page, pdf.js's outline. One browser for the whole file.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printDossier, type DossierResult } from '../../../../electron/core/dossier/dossier.js';
import { dossierFonts } from '../../../../electron/core/dossier/fonts.js';
import { buildDossierHtml } from '../../../../electron/core/dossier/html.js';
import { pagePlan, withDestinations, withPageNumbers, type Landing } from '../../../../electron/core/dossier/paging.js';
import { chromiumPrinter, type Printer, type PrintJob } from '../../../../electron/core/dossier/pdf.js';
import type { DossierData, DossierLang } from '../../../../electron/core/dossier/types.js';
import { PDFRef } from 'pdf-lib';
import { manyFacts, sampleData } from './fixture.js';
import { tempDir } from '../../helpers.js';

let printer: Printer;
beforeAll(() => {
  printer = chromiumPrinter();
});
afterAll(async () => {
  await printer.close();
});

function built(data: DossierData, lang: DossierLang, fonts = true): DossierResult {
  const b = buildDossierHtml(
    data,
    { lang, paper: 'a4', generatedAt: new Date('2026-11-30T10:00:00Z'), compiledBy: 'Тест' },
    fonts ? dossierFonts() : undefined,
  );
  return {
    ...b,
    facts: data.facts.length,
    sources: data.sources.length,
    generatedAt: new Date('2026-11-30T10:00:00Z'),
    compiledBy: 'Тест',
    lang,
    redactedNames: [],
  };
}

async function pdfFile(bytes: Uint8Array): Promise<string> {
  const file = path.join(await tempDir(), 'd.pdf');
  await writeFile(file, bytes);
  return file;
}
const pageText = (file: string, n: number) =>
  execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
const pageCount = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

/** The contents page as printed: its entries, each "title … N". */
function contentsEntries(file: string, heading: string): Array<{ title: string; page: number }> {
  for (let n = 1; n <= pageCount(file); n++) {
    const lines = pageText(file, n).split('\n');
    const at = lines.findIndex((l) => l.trim() === heading);
    if (at < 0) continue;
    const out: Array<{ title: string; page: number }> = [];
    for (const line of lines.slice(at + 1)) {
      const m = /^\s*(\d\.\s.*?)\s{2,}(\d+)\s*$/.exec(line);
      if (m) out.push({ title: m[1]!, page: Number(m[2]) });
      else if (out.length > 0 && line.trim()) break;
    }
    return out;
  }
  return [];
}

interface Mark {
  title: string;
  page: number;
  items: Mark[];
}

async function outlineOf(pdf: Uint8Array): Promise<Mark[]> {
  if (!('DOMMatrix' in globalThis))
    Object.defineProperty(globalThis, 'DOMMatrix', { value: class DOMMatrix {}, configurable: true, writable: true });
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    type Item = { title: string; dest: string | unknown[] | null; items: Item[] };
    // pages by their object number (getPageIndex stalls under vitest)
    const pageOf = new Map<number, number>();
    for (let n = 1; n <= doc.numPages; n++) pageOf.set((await doc.getPage(n)).ref!.num, n);
    const walk = async (items: Item[]): Promise<Mark[]> => {
      const out: Mark[] = [];
      for (const i of items) {
        const dest = typeof i.dest === 'string' ? await doc.getDestination(i.dest) : i.dest;
        const page = pageOf.get((dest![0] as { num: number }).num) ?? -1;
        out.push({ title: i.title, page, items: await walk(i.items) });
      }
      return out;
    };
    return walk(((await doc.getOutline()) ?? []) as Item[]);
  } finally {
    await doc.destroy();
  }
}

describe('the page plan read from the HTML', () => {
  it('bookmarks every section and fact, in order and by level; the contents ask for the sections’ pages', async () => {
    const plan = await pagePlan(built(sampleData(), 'en', false).html);
    expect(plan.outline.filter((e) => e.level === 1).map((e) => [e.id, e.title])).toEqual([
      ['summary', '1. Summary'],
      ['entities', '2. People, organizations and places'],
      ['chronology', '3. Chronology'],
      ['sources', '4. Sources'],
    ]);
    const facts = plan.outline.filter((e) => /^f\d+$/.test(e.id));
    expect(facts.map((e) => [e.level, e.title])).toEqual([
      [2, '1. 2009 · sentence'],
      [2, '2. c. September 2020 · Parole denied'],
      [2, '3. undated · custom type'],
    ]);
    expect(plan.outline.findIndex((e) => e.id === 'f1')).toBeGreaterThan(
      plan.outline.findIndex((e) => e.id === 'chronology'),
    );
    expect(plan.pageRefs).toEqual(['summary', 'entities', 'chronology', 'sources']);
  });

  it('writes a number into each slot and a link to each target, and nothing else', () => {
    const html = '<p><span class="toc-page" data-page-of="a&amp;b"></span><span data-page-of="c">9</span></p></body>';
    const at = (page: number): Landing => ({ page, pageRef: PDFRef.of(1), x: 0, y: 0 });
    expect(withPageNumbers(html, new Map([['a&b', at(12)]]))).toBe(
      '<p><span class="toc-page" data-page-of="a&amp;b">12</span><span data-page-of="c">0</span></p></body>',
    );
    expect(withDestinations('<body>x</body>', ['a"b', 'f1'])).toBe(
      '<body>x<div style="display:none"><a href="#a&quot;b"></a><a href="#f1"></a></div></body>',
    );
  });

  it('a hostile title stays text in the bookmark, never markup', async () => {
    const data = sampleData();
    data.facts[0]!.type = '"><script>x</script>';
    const plan = await pagePlan(built(data, 'en', false).html);
    expect(plan.outline.find((e) => e.id === 'f1')!.title).toBe('1. 2009 · "><script>x</script>');
  });
});

describe('the printed contents and bookmarks', () => {
  for (const lang of ['en', 'kk', 'ru'] as const)
    it(`every contents number is the page its heading is on (${lang}, 200 facts)`, async () => {
      const d = built(manyFacts(200), lang);
      const file = await pdfFile(await printDossier(d, printer, 'a4'));
      const heading = { en: 'Contents', kk: 'Мазмұны', ru: 'Содержание' }[lang];
      const entries = contentsEntries(file, heading);
      expect(entries.map((e) => e.title.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.']);
      const last = entries.at(-1)!.page;
      expect(last).toBeGreaterThan(5); // the sources come after many chronology pages
      for (const { title, page } of entries) {
        const headingOn = (n: number) =>
          pageText(file, n)
            .split('\n')
            .some((l) => l.trim() === title);
        expect(headingOn(page), `${title} on page ${page}`).toBe(true);
        if (page > 2) expect(headingOn(page - 1), `${title} not on page ${page - 1}`).toBe(false);
      }
    });

  it('bookmarks each section and each fact at the page it is on', async () => {
    const data = manyFacts(60);
    const pdf = await printDossier(built(data, 'en'), printer, 'a4');
    const file = await pdfFile(pdf);
    const marks = await outlineOf(pdf);
    expect(marks.map((m) => m.title)).toEqual([
      '1. Summary',
      '2. People, organizations and places',
      '3. Chronology',
      '4. Sources',
    ]);
    const facts = marks[2]!.items;
    expect(facts).toHaveLength(60);
    for (const [i, m] of facts.entries()) {
      expect(m.title).toMatch(new RegExp(`^${i + 1}\\. \\d+ \\w+ \\d{4} · Parole denied$`));
      // the quote begins with its own index: "17: Өскемендегі …"
      expect(pageText(file, m.page).replace(/\s+/g, ' '), m.title).toContain(`${i}: Өскемендегі`);
    }
    expect(facts.at(-1)!.page).toBeGreaterThan(facts[0]!.page);
    expect(marks[1]!.items.map((m) => m.title)).toEqual(['People', 'Places']);
  });

  it('a printer that returns no PDF, or a cut one, is one clear line', async () => {
    const good = await printer.print({ ...built(sampleData(), 'en'), paper: 'a4' });
    for (const bytes of [new TextEncoder().encode('%PDF-1.4 not really'), good.subarray(0, 2000), new Uint8Array()]) {
      const broken: Printer = { print: async () => bytes, close: async () => {} };
      const e = await printDossier(built(sampleData(), 'en'), broken, 'a4').catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'dossier.print-unreadable' });
      expect((e as Error).message).toMatch(
        /^the printer's PDF could not be read for page numbers and bookmarks \(.+\); nothing was written$/,
      );
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('prints twice, and the document as given is never changed', async () => {
    const calls: PrintJob[] = [];
    const counting: Printer = {
      print: (job) => {
        calls.push(job);
        return printer.print(job);
      },
      close: async () => {},
    };
    const d = built(sampleData(), 'en');
    await printDossier(d, counting, 'a4');
    expect(calls).toHaveLength(2);
    expect(calls[0]!.html).toMatch(/data-page-of="chronology">0</);
    expect(calls[1]!.html).toMatch(/data-page-of="chronology">\d+</);
    expect(d.html).toMatch(/data-page-of="chronology"><\/span>/);
  });
});

// Redaction against the spellings a hostile or merely messy source uses, on real PDFs from Chromium:
// every form must be gone from what a reader gets (pdftotext, and the reader's check of leaks.ts), and a
// PDF or HTML that still shows a name is refused.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { caseSelection } from '../../../../electron/core/dossier/data.js';
import {
  buildDossier,
  printDossier,
  type DossierRequest,
  type DossierResult,
} from '../../../../electron/core/dossier/dossier.js';
import { findName, htmlReadable, nameStems, pdfReadable } from '../../../../electron/core/dossier/leaks.js';
import { chromiumPrinter, type Printer } from '../../../../electron/core/dossier/pdf.js';
import { tempDir } from '../../helpers.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';

let printer: Printer;
beforeAll(() => {
  printer = chromiumPrinter();
});
afterAll(async () => {
  await printer.close();
});

const pdftotext = async (pdf: Uint8Array) => {
  const file = path.join(await tempDir(), 'd.pdf');
  await writeFile(file, pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
};

/** One sentence per spelling of "Асхат Жексебаев" that a web page or a PDF import can hold. */
const HOSTILE = [
  'Белсенді Жексе\u00adбаев 2021 жылы қайта ұсталды', // soft hyphen
  'Полиция Жексе\u200bбаевты сотқа жеткізді', // zero-width space
  'Активист Жeксебаев айыппұл төледі', // one Latin e
  'Сот Жексе- баевтың ісін қарады', // a PDF's line-break hyphen
  'Олар Жексебаевтардікіндегі жиналысты таратты', // a long Kazakh suffix chain
  'Суд над Жeксeбaeвым отложен', // Russian declension, Latin look-alikes
  'Письмо Zhekseбаеву передали', // mixed script
  'Асхат\u00a0Жексебаев келді', // NBSP
  'Жексеба\u0301ев үндеді', // a combining accent
  'Жексе\u2060баевқа хат', // word joiner
  'ЖЕКСЕБАЕВТЫҢ ісі', // uppercase
  'Джексебаева оштрафовали', // Russian spelling with Дж
  'the Zheksebayev trial', // English transliteration
  'Жексе\u00ad\u200bба\u200dевтерге', // several invisible characters at once
  'Ｚｈｅｋｓｅｂａｙｅｖ said', // fullwidth letters
];
const NAME = 'Асхат Жексебаев';

async function hostileArchive() {
  const archive = await Archive.create(path.join(await tempDir(), 'a'));
  const text = `Жексебаев қайта ұсталды\n\n${HOSTILE.map((s) => `${s}.`).join('\n\n')}\n`;
  const { article } = await archive.importArticle({
    bytes: new TextEncoder().encode(text),
    name: 'hostile-kk.txt',
    url: 'https://news.example.kz/2021/Жексебаев-қайта-ұсталды',
    publisher: 'Жексебаев.kz',
    title: 'Жексе\u00adбаев қайта ұсталды',
  });
  expect(article.url).toContain('%D0%96'); // stored percent-encoded, as import does
  const ids: string[] = [];
  for (const quote of HOSTILE)
    ids.push(
      (await archive.addFact({ articleId: article.id, quote, type: 'arrest', people: [NAME, 'Серік Бекетов'] })).id,
    );
  const c = await archive.createCase('Іс');
  await archive.addFactsToCase(c.id, ids);
  return { archive, caseId: c.id };
}

const request = (archive: Archive, caseId: string, o: Partial<DossierRequest> = {}): DossierRequest => ({
  ...caseSelection(storeForTests(archive), caseId),
  lang: 'kk',
  paper: 'a4',
  compiledBy: 'Тест',
  redact: [NAME],
  redactSources: false,
  ...o,
});

/** what a grep of the text layer would show of the name */
const VISIBLE = /Жекс|Жeкс|баев|бaeв|Zheks|zheks|Ｚｈ|ЖЕКС/i;
/** a line as a reader's eye (or a browser's address bar) gets it */
const seen = (s: string) =>
  s
    .replace(/(?:%[0-9A-F]{2})+/gi, (m) => {
      try {
        return decodeURIComponent(m);
      } catch {
        return m;
      }
    })
    .normalize('NFKC')
    .replace(/\p{Cf}|\p{M}/gu, '');

describe('redaction of hostile spellings', () => {
  it('no spelling of the name reaches the PDF: text layer, metadata, links', async () => {
    const { archive, caseId } = await hostileArchive();
    const d = await buildDossier(storeForTests(archive), request(archive, caseId));
    const pdf = await printDossier(d, printer, 'a4');
    const text = await pdftotext(pdf);
    expect(text).toContain('[redacted]');
    expect(text).toContain('Серік Бекетов'); // the other person stays
    expect(text.replace(/\s+/g, ' ')).toContain('қайта ұсталды');
    expect(text.split('\n').filter((l) => VISIBLE.test(seen(l)))).toEqual([]);
    // the reader's check, run again here on the final bytes and on pdftotext's reading
    const stems = nameStems([NAME]);
    expect(findName(await pdfReadable(pdf), stems)).toBeNull();
    expect(findName([text], stems)).toBeNull();
    const info = execFileSync('pdfinfo', ['-meta', '-'], { input: pdf, encoding: 'utf8' });
    expect(info).not.toMatch(VISIBLE);
  });

  it('the HTML output has no spelling in its text or attributes', async () => {
    const { archive, caseId } = await hostileArchive();
    const d = await buildDossier(storeForTests(archive), request(archive, caseId, { fonts: false }));
    expect(d.html.split('\n').filter((l) => VISIBLE.test(seen(l)))).toEqual([]);
    expect(findName(await htmlReadable(d.html), nameStems([NAME]))).toBeNull();
  });

  it('a person stored in Latin loses the Cyrillic forms too', async () => {
    const archive = await Archive.create(path.join(await tempDir(), 'a'));
    const { article } = await archive.importArticle({
      bytes: new TextEncoder().encode(
        'Ерлан Бековты полиция ұстады\n\nАлматыда белсенді Ерлан Беков 2022 жылы ұсталды. Ерланның інісі Бекетов куә болды.\n',
      ),
      name: 'bekov.txt',
    });
    await archive.addEntity('Yerlan Bekov', 'person');
    const f = await archive.addFact({
      articleId: article.id,
      quote: 'Алматыда белсенді Ерлан Беков 2022 жылы ұсталды',
      type: 'arrest',
      people: ['Yerlan Bekov'],
    });
    const g = await archive.addFact({
      articleId: article.id,
      quote: 'Ерланның інісі Бекетов куә болды',
      type: 'statement',
    });
    const c = await archive.createCase('Bekov');
    await archive.addFactsToCase(c.id, [f.id, g.id]);
    const d = await buildDossier(
      storeForTests(archive),
      request(archive, c.id, { lang: 'en', redact: ['Yerlan Bekov'], redactSources: true }),
    );
    const text = await pdftotext(await printDossier(d, printer, 'a4'));
    expect(text).not.toMatch(/Беков|Ерлан|Bekov|Yerlan/);
    expect(text).toContain('Бекетов'); // a different surname that shares letters
    expect(text).toContain('Алматыда белсенді [redacted] 2022');
  });
});

/** A built dossier by hand: what the reader's check gets when the matcher has missed something. */
function built(html: string, o: Partial<DossierResult> = {}): DossierResult {
  const page = `<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:sans-serif}</style></head><body>${html}</body></html>`;
  return {
    html: page,
    title: 'Dossier',
    footerTemplate: '<span></span>',
    facts: 1,
    sources: 1,
    generatedAt: new Date(),
    compiledBy: 'x',
    lang: 'en',
    redactedNames: [NAME],
    ...o,
  };
}

describe('the reader’s check of the printed PDF', () => {
  it.each([
    ['a name wrapped at a line end', '<div style="width:12mm;overflow-wrap:anywhere">ЖексебаевтарЖексебаевтар</div>'],
    ['a hyphen at a line end', '<p>Сот Жексе-<br>баевтың ісін</p>'],
    [
      'a percent-encoded link target',
      '<a href="https://x.kz/%D0%96%D0%B5%D0%BA%D1%81%D0%B5%D0%B1%D0%B0%D0%B5%D0%B2">source</a>',
    ],
    ['invisible characters', '<p>Жек\u00adсе\u200bба\u2060ев</p>'],
    ['look-alike letters', '<p>Жeкcебaев</p>'],
  ])('refuses %s', async (_, html) => {
    await expect(printDossier(built(html), printer, 'a4')).rejects.toThrow(/a redacted name is still in the dossier/);
  });

  it('refuses a name in the PDF title, and passes the same document without it', async () => {
    await expect(printDossier(built('<p>ok</p>', { title: 'Zheksebayev' }), printer, 'a4')).rejects.toThrow(
      /still in the dossier/,
    );
    const pdf = await printDossier(built('<p>Серік Бекетов, Жексенов, Баев</p>'), printer, 'a4');
    expect(await pdftotext(pdf)).toContain('Бекетов');
  });

  it('refuses a name only in a bookmark or only in the metadata (author, XMP)', async () => {
    const heading = '<h2 id="x" data-outline="1" data-outline-title="1. Жексебаевтың ісі">1. Іс</h2>';
    await expect(printDossier(built(heading), printer, 'a4')).rejects.toThrow(/still in the dossier \("Жексебаевтың"/);
    await expect(printDossier(built('<p>ok</p>', { compiledBy: 'Zheksebayev' }), printer, 'a4')).rejects.toThrow(
      /still in the dossier \("Zheksebayev"/,
    );
    const clean = await pdfReadable(await printDossier(built(heading, { redactedNames: [] }), printer, 'a4'));
    expect(clean.at(-1)).toBe('1. Жексебаевтың ісі'); // the bookmark is there when nothing is redacted
  });

  it('the wrapped name really is split in the text layer', async () => {
    const d = built('<div style="width:12mm;overflow-wrap:anywhere">ЖексебаевтарЖексебаевтар</div>', {
      redactedNames: [],
    });
    const text = (await pdfReadable(await printDossier(d, printer, 'a4')))[0]!;
    expect(text).not.toContain('ЖексебаевтарЖексебаевтар');
    expect(text.replace(/\s/g, '')).toContain('ЖексебаевтарЖексебаевтар');
  });
});

describe('the reader’s check of the HTML', () => {
  it('refuses a typed field with an invisible character in the name', async () => {
    const { archive, caseId } = await hostileArchive();
    await expect(
      buildDossier(
        storeForTests(archive),
        request(archive, caseId, { fonts: false, compiledBy: 'Жексе\u00adбаевтың адвокаты' }),
      ),
    ).rejects.toThrow(/still in the dossier \("Жексе/);
  });
});

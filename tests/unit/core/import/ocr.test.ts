/**
 * Scans and photos read by OCR (Tesseract in WebAssembly, offline): an image-only PDF of a Kazakh court
 * decision through the real CLI, a JPEG photo, a two-page TIFF, a mixed PDF and a scan in Kazakh and
 * Russian through the extractor,
 * and the hostile files refused with one line before anything is written. OCR is slow: one import of
 * each kind, shared across assertions.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../../../electron/core/import/extract/index.js';
import { aqiqat, expectOneLineError } from '../../cli-driver.js';
import { snapshot, tempDir } from '../../helpers.js';
import { CHROMIUM, cer, imagePdf, pdfText, pgm, printPages, rasterize, tiff } from './scans.js';

const DECISION = [
  [
    'Өскемен қалалық сотының үкімі',
    'Сот отырысында Мұхтар Жәкішев өзінің кінәсін мойындамайтынын мәлімдеді. Оның қорғаушысы Айгүл Нұрғалиева іс материалдарында қайшылықтар көп екенін айтты.',
    'Сот айыпталушыны он жылға бас бостандығынан айыруға үкім шығарды.',
  ],
  [
    'Екінші бет',
    'Сотталған Жәкішев шартты түрде мерзімінен бұрын босатуға өтініш берді, бірақ сот өтінішті қанағаттандырудан бас тартты.',
    'Шешімге он бес күн ішінде шағым берілуі мүмкін.',
  ],
];
const RUSSIAN = [
  'Постановление суда',
  'Судебная коллегия рассмотрела апелляционную жалобу защитника осуждённого Мухтара Жакишева и пришла к выводу, что его ходатайство об условно-досрочном освобождении отклонено обоснованно.',
  'Доводы защиты о нарушении права на справедливое судебное разбирательство не подтвердились.',
];
const printed = (pages: string[][]) => pages.map((ps) => ps.join(' ')).join(' ');

const tools = existsSync(CHROMIUM) && existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdftotext');

let browser: Browser;
let textPdf: Uint8Array;
let pngs: Buffer[];
let scanPdf: Uint8Array;
beforeAll(async () => {
  if (!tools) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost'],
  });
  textPdf = await printPages(browser, DECISION);
  pngs = await rasterize(textPdf, 300);
  scanPdf = await imagePdf(pngs);
}, 120_000);
afterAll(async () => browser?.close());

describe.runIf(tools)('OCR import', () => {
  it('imports an image-only PDF of a Kazakh decision: its text within 1 % CER, pages, confidence, progress, search', async () => {
    expect(pngs).toHaveLength(2);
    expect(await pdfText(scanPdf)).toBe('');
    const dir = await tempDir();
    const file = path.join(dir, 'decision-scan.pdf');
    await writeFile(file, scanPdf);
    const env = { AQIQAT_ARCHIVE: path.join(dir, 'a'), AQIQAT_PROGRESS: '1' };
    expect(aqiqat(['init'], { env }).code).toBe(0);
    const r = aqiqat(['import', file], { env });
    expect(r.stderr).toBe('reading page 1/2 by OCR\nreading page 2/2 by OCR\n');
    expect(r.code).toBe(0);
    const id = /^imported ([0-9a-f]{12}) {2}Өскемен қалалық сотының үкімі$/m.exec(r.stdout)?.[1];
    expect(id).toBeTruthy();
    const article = JSON.parse(aqiqat(['show', id!, '--json'], { env }).stdout) as {
      text: string;
      sourceName: string;
      ocr: {
        engine: string;
        languages: string[];
        pages: { page: number; confidence: number }[];
        meanConfidence: number;
      };
    };
    expect(article.sourceName).toBe('decision-scan.pdf');
    expect(article.text).toMatch(/^\[page 1\]\n\nӨскемен/);
    expect(article.text).toContain('\n\n[page 2]\n\nЕкінші бет\n\n');
    expect(cer(article.text, printed(DECISION))).toBeLessThanOrEqual(0.01);
    expect(article.ocr).toMatchObject({ engine: 'tesseract.js', languages: ['kaz', 'eng'] });
    expect(article.ocr.pages.map((p) => p.page)).toEqual([1, 2]);
    expect(article.ocr.meanConfidence).toBeGreaterThan(80);
    // a name in Latin letters finds the Cyrillic OCR text
    const found = aqiqat(['search', 'Zhakishev', '--json'], { env });
    expect(found.code).toBe(0);
    expect(found.stdout).toContain(id!);
    // a fact quoted from page 2: the dossier says it was machine-read, in its language, and redaction reads OCR text
    const page2 = article.text.split('[page 2]')[1]!;
    const quote = /Сотталған[^.]*\./.exec(page2)?.[0];
    expect(quote).toBeTruthy();
    const fact = aqiqat(
      [
        'fact',
        'add',
        '--article',
        id!,
        '--quote',
        quote!,
        '--type',
        'parole-denied',
        '--person',
        'Мұхтар Жәкішев',
        '--json',
      ],
      { env },
    );
    expect(fact.code, fact.stderr).toBe(0);
    const factId = (JSON.parse(fact.stdout) as { id: string }).id;
    const dossier = (lang: string, ...more: string[]) =>
      aqiqat(['dossier', '--facts', factId, '--format', 'html', '--out', '-', '--lang', lang, ...more], { env });
    const kk = dossier('kk');
    expect(kk.code, kk.stderr).toBe(0);
    expect(kk.stdout).toContain('сканнан машинамен оқылған, 2-бет: түпнұсқамен салыстырыңыз');
    expect(dossier('en').stdout).toContain('machine-read from a scan, page 2: check against the original');
    const redacted = dossier('ru', '--redact', 'Мұхтар Жәкішев');
    expect(redacted.code, redacted.stderr).toBe(0);
    expect(redacted.stdout).toContain('распознано машиной со скана, страница 2: сверьте с оригиналом');
    expect(redacted.stdout).toContain('[redacted]');
    expect(redacted.stdout).not.toMatch(/Жәкішев/);
    // `--ocr never` refuses a scan as before
    const other = { AQIQAT_ARCHIVE: path.join(dir, 'b') };
    expect(aqiqat(['init'], { env: other }).code).toBe(0);
    expectOneLineError(
      aqiqat(['import', file, '--ocr', 'never'], { env: other }),
      /decision-scan\.pdf is a scanned PDF with no text layer; import it with --ocr auto to read it by OCR/,
    );
  }, 240_000);

  it('reads a JPEG photo, a two-page TIFF, and a mixed PDF whose text page keeps its text layer', async () => {
    const [jpeg] = await rasterize(textPdf, 200, 'jpeg');
    const photo = await extract(jpeg!, 'photo.jpg');
    expect(photo.text.startsWith('[page 1]\n\nӨскемен')).toBe(true);
    expect(cer(photo.text, printed(DECISION.slice(0, 1)))).toBeLessThanOrEqual(0.02);
    expect(photo.meta.title).toBe('Өскемен қалалық сотының үкімі');
    expect(photo.ocr?.pages).toHaveLength(1);

    const grey = (await rasterize(textPdf, 200, 'gray')).map(pgm);
    const scan = await extract(tiff(grey), 'letter.tiff');
    expect(scan.ocr?.pages.map((p) => p.page)).toEqual([1, 2]);
    expect(scan.text).toContain('[page 2]\n\nЕкінші бет');
    expect(cer(scan.text, printed(DECISION))).toBeLessThanOrEqual(0.02);
    // low-confidence words are offsets into the text: each is a word, no spaces in it
    for (const [s, e] of scan.ocr!.pages.flatMap((p) => p.lowConfidence))
      expect(scan.text.slice(s, e)).toMatch(/^\S+$/);

    const mixed = await PDFDocument.create();
    const [first] = await mixed.copyPages(await PDFDocument.load(textPdf), [0]);
    mixed.addPage(first);
    const image = await mixed.embedPng(pngs[1]!);
    mixed.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
    const both = await extract(await mixed.save(), 'mixed.pdf');
    const layer = (await extract(textPdf, 'text.pdf')).text.split('[page 2]')[0]!;
    expect(both.text.startsWith(layer)).toBe(true);
    expect(both.ocr?.pages.map((p) => p.page)).toEqual([2]);
    expect(cer(both.text.split('[page 2]')[1]!, printed(DECISION.slice(1)))).toBeLessThanOrEqual(0.01);
  }, 240_000);

  it('reads a Kazakh page, a Russian page and a Kazakh page each with its own model (щ and ё kept)', async () => {
    const pages = [DECISION[0]!, RUSSIAN, DECISION[1]!];
    const scan = await imagePdf(await rasterize(await printPages(browser, pages), 300));
    const read = await extract(scan, 'mixed-languages.pdf');
    const parts = read.text.split(/\[page \d\]/).slice(1);
    expect(parts).toHaveLength(3);
    for (const [i, page] of pages.entries()) expect(cer(parts[i]!, printed([page]))).toBeLessThanOrEqual(0.01);
    expect(parts[1]).toContain('защитника осуждённого');
    expect(read.ocr?.languages).toEqual(['kaz', 'bel', 'ukr', 'eng']);
  }, 240_000);
});

/** A PNG of the claimed size whose pixel data is a deflate of zeros (never decoded). */
function pngClaiming(width: number, height: number, zeros = 1 << 20): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit grey
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(zeros))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PDF whose one page draws one image XObject declaring width × height (its data a few bytes). */
async function pdfWithImage(width: number, height: number, pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const stream = doc.context.flateStream(new Uint8Array(Math.min(width * height, 1 << 16)), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: PDFNumber.of(width),
      Height: PDFNumber.of(height),
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
    });
    const ref = doc.context.register(stream);
    const page = doc.addPage([595, 842]);
    page.node.setXObject(PDFName.of('Im0'), ref);
    const content = doc.context.flateStream(new TextEncoder().encode('q 595 0 0 842 0 0 cm /Im0 Do Q'));
    page.node.set(PDFName.of('Contents'), doc.context.register(content));
  }
  return doc.save();
}

describe('OCR refuses hostile files with one line, quickly, writing nothing', () => {
  it.each([
    [
      'a text file named .png',
      'fake.png',
      () => Buffer.from('this is not an image\n'),
      /fake\.png is not a readable image \(not a PNG, JPEG, TIFF or WebP image\)/,
    ],
    [
      'a truncated PNG',
      'cut.png',
      () => pngClaiming(2000, 2000, 4_000_000).subarray(0, 1500),
      /cut\.png is not a readable image \(the file is cut short\)/,
    ],
    [
      'a truncated JPEG',
      'cut.jpg',
      () =>
        Buffer.from([
          0xff,
          0xd8,
          0xff,
          0xe0,
          0,
          16,
          ...Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'),
          0xff,
          0xc0,
          0,
          11,
          8,
          0x07,
          0xd0,
          0x07,
          0xd0,
          1,
          1,
          0x11,
          0,
          0xff,
          0xda,
          0,
          8,
          1,
          1,
          0,
          0,
          0x3f,
          0,
          1,
          2,
          3,
        ]),
      /cut\.jpg is not a readable image \(the file is cut short\)/,
    ],
    [
      'a 30,000 × 30,000 PNG of a few KB',
      'bomb.png',
      () => pngClaiming(30_000, 30_000),
      /bomb\.png holds an image of 30000 × 30000 pixels; the limit is 80 million pixels/,
    ],
    [
      'a PDF page that is one huge image',
      'huge.pdf',
      () => pdfWithImage(30_000, 30_000),
      /huge\.pdf holds an image of 30000 × 30000 pixels; the limit is 80 million pixels/,
    ],
    [
      'more pages than the OCR limit',
      'long.pdf',
      () => pdfWithImage(200, 200, 3),
      /long\.pdf has 3 pages to read by OCR; the limit is 2/,
    ],
  ])('%s', async (_what, name, make, message) => {
    const dir = await tempDir();
    const env = { AQIQAT_ARCHIVE: path.join(dir, 'a'), AQIQAT_MAX_OCR_PAGES: '2' };
    expect(aqiqat(['init'], { env }).code).toBe(0);
    expect(aqiqat(['articles'], { env }).code).toBe(0); // the first open's snapshot taken
    const file = path.join(dir, name);
    await writeFile(file, await make());
    const before = await snapshot(env.AQIQAT_ARCHIVE);
    const started = Date.now();
    const r = aqiqat(['import', file], { env });
    expect(Date.now() - started).toBeLessThan(5000);
    expectOneLineError(r, message);
    expect(await snapshot(env.AQIQAT_ARCHIVE)).toEqual(before);
  });

  it('an image with --ocr never, and an unknown --ocr-lang', async () => {
    const dir = await tempDir();
    const env = { AQIQAT_ARCHIVE: path.join(dir, 'a') };
    expect(aqiqat(['init'], { env }).code).toBe(0);
    const file = path.join(dir, 'photo.png');
    await writeFile(file, pngClaiming(100, 100, 10_000));
    expectOneLineError(
      aqiqat(['import', file, '--ocr', 'never'], { env }),
      /photo\.png is an image: its text can only be read by OCR/,
    );
    expectOneLineError(
      aqiqat(['import', file, '--ocr-lang', 'kk,de'], { env }),
      /"de" is not an OCR language; use kk, ru, en/,
      2,
    );
  });
});

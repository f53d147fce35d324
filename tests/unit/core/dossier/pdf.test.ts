// The printed dossier, checked the way a reader gets it: poppler's pdftotext and pdffonts on real PDFs
// from Chromium. One browser for the whole file (a launch is 1–2 s).
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { caseSelection } from '../../../../electron/core/dossier/data.js';
import { buildDossier, printDossier, type DossierRequest } from '../../../../electron/core/dossier/dossier.js';
import { dossierFonts } from '../../../../electron/core/dossier/fonts.js';
import { buildDossierHtml } from '../../../../electron/core/dossier/html.js';
import { chromiumPrinter, type Printer } from '../../../../electron/core/dossier/pdf.js';
import { findName, nameStems, pdfReadable } from '../../../../electron/core/dossier/leaks.js';
import { createSampleArchive } from '../../../../electron/core/import/sample.js';
import { manyFacts } from './fixture.js';
import { SAMPLE_DIR, tempDir } from '../../helpers.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';

let printer: Printer;
beforeAll(() => {
  printer = chromiumPrinter();
});
afterAll(async () => {
  await printer.close();
});

async function pdfFile(bytes: Uint8Array): Promise<string> {
  const file = path.join(await tempDir(), 'd.pdf');
  await writeFile(file, bytes);
  return file;
}
// -raw: content-stream order, which is the document's; the default mode regroups columns and can
// put a neighbouring cell between two lines of one quote
const pdftotext = (file: string) =>
  execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
/** lines joined: a quote may wrap */
const flat = (s: string) => s.replace(/\s+/g, ' ');

async function sampleArchive(): Promise<Archive> {
  return createSampleArchive(path.join(await tempDir(), 'a'), SAMPLE_DIR);
}

/** the sample's case */
const request = async (archive: Archive, o: Partial<DossierRequest> = {}): Promise<DossierRequest> => ({
  ...caseSelection(storeForTests(archive), archive.listCases()[0]!.id),
  lang: 'kk',
  paper: 'a4',
  compiledBy: 'Тест',
  redact: [],
  redactSources: false,
  ...o,
});

describe('dossier PDF', () => {
  it('holds the Kazakh quotes exactly as stored, the hashes, embedded fonts only, and page X of Y', async () => {
    const archive = await sampleArchive();
    const d = await buildDossier(storeForTests(archive), await request(archive));
    const file = await pdfFile(await printDossier(d, printer, 'a4'));
    const text = flat(pdftotext(file));
    const inCase = new Set((await request(archive)).factIds);
    const facts = (await archive.listFacts()).filter((f) => inCase.has(f.id));
    expect(facts.length).toBeGreaterThanOrEqual(5);
    for (const f of facts) expect(text).toContain(flat(f.quote));
    for (const a of await archive.listArticles()) {
      expect(text).toContain(a.sha256);
      expect(text).toContain(a.textSha256);
    }
    expect(text).not.toContain('\uFFFD');
    expect(text).toMatch(/бет 1 \/ \d/);

    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/NotoSans/);
      expect(line).toMatch(/ yes yes yes /); // emb sub uni
    }
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Іс құжаты: Мұхтар Жәкішев ісі/);
    expect(info).toMatch(/Creator:\s+Aqiqat\n/);
    // Chromium's own Info (browser, version, operating system) is not left under the update
    const raw = (await readFile(file)).toString('latin1');
    expect(raw).not.toMatch(/Mozilla|HeadlessChrome|Skia\/PDF/);
    expect(info).toMatch(/Author:\s+Тест/);
    expect(info).toMatch(/Page size:.*\(A4\)/);
  });

  it('a redacted dossier has no form of the name in its text layer', async () => {
    const archive = await sampleArchive();
    const d = await buildDossier(
      storeForTests(archive),
      await request(archive, { redact: ['Мұхтар Жәкішев'], paper: 'letter' }),
    );
    const file = await pdfFile(await printDossier(d, printer, 'letter'));
    const text = pdftotext(file);
    expect(
      findName([text], nameStems(['Мұхтар Жәкішев', 'Мухтар Джакишев', 'Mukhtar Zhakishev', 'Muhtar Jäkışev'])),
    ).toBeNull();
    for (const form of [
      'Жәкішев',
      'Жәкішевтің',
      'Жәкішевті',
      'Мұхтар',
      'Джакишев',
      'zhakishev',
      'Dzhakishev',
      'Jäkışev',
    ])
      expect(text.toLowerCase()).not.toContain(form.toLowerCase());
    expect(text).toContain('[redacted]');
    expect(text).toContain('Асхат Жексебаев'); // the other person stays
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:.*\(letter\)/);
  });

  it('a redacted name in a heading reaches neither the bookmarks nor the metadata', async () => {
    const archive = await sampleArchive();
    const req = await request(archive, { redact: ['Мұхтар Жәкішев'], lang: 'en', compiledBy: 'Bureau' });
    // an archive's own fact type named after him: it heads the fact's row and its bookmark
    await archive.editFact(req.factIds[0]!, { type: 'zhakishev-hearing' });
    const pdf = await printDossier(await buildDossier(storeForTests(archive), req), printer, 'a4');
    const [info, xmp, outline] = (await pdfReadable(pdf)).slice(-3) as [string, string, string];
    expect(outline).toContain('3. Chronology');
    expect(outline).toMatch(/\d+\. .* · \[redacted\] hearing/);
    expect(info).toContain('Case dossier: [redacted] ісі');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Case dossier: [redacted] ісі</rdf:li>');
    const forms = ['Мұхтар Жәкішев', 'Мухтар Джакишев', 'Mukhtar Zhakishev', 'zhakishev'];
    expect(findName([info, xmp, outline], nameStems(forms))).toBeNull();
    for (const f of ['Жәкішев', 'zhakishev', 'Мұхтар'])
      expect(`${info}${xmp}${outline}`.toLowerCase()).not.toContain(f.toLowerCase());
  });

  it('prints hostile content as text and builds 200 facts', async () => {
    const data = manyFacts(200);
    data.facts[0]!.quote = '<script>document.title="pwned"</script> & <b>bold</b>';
    data.title = '<h1>Injected</h1>';
    const built = buildDossierHtml(
      data,
      { lang: 'en', paper: 'a4', generatedAt: new Date(), compiledBy: 'x' },
      dossierFonts(),
    );
    const file = await pdfFile(await printer.print({ ...built, paper: 'a4' }));
    const text = flat(pdftotext(file));
    expect(text).toContain('<script>document.title="pwned"</script> & <b>bold</b>');
    expect(text).toContain('<h1>Injected</h1>');
    expect(text).toContain(data.sources[19]!.sha256);
    expect(text).toContain(flat(data.facts[199]!.quote));
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])).toBeGreaterThan(
      10,
    );
  });
});

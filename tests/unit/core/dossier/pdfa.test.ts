// PDF/A-2b: the dossier as printed and finished, checked clause by clause (pdfa-check.ts); the
// checker itself is shown to catch each kind of fault; the sRGB profile is checked as colour science.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { printDossier, type DossierResult } from '../../../../electron/core/dossier/dossier.js';
import { xmpPacket } from '../../../../electron/core/dossier/finish.js';
import { dossierFonts } from '../../../../electron/core/dossier/fonts.js';
import { buildDossierHtml } from '../../../../electron/core/dossier/html.js';
import { chromiumPrinter, type Printer } from '../../../../electron/core/dossier/pdf.js';
import { srgbIccProfile, srgbToLinear } from '../../../../electron/core/dossier/srgb-icc.js';
import type { DossierLang } from '../../../../electron/core/dossier/types.js';
import { iccProblems, pdfaProblems, tampered } from './pdfa-check.js';
import { sampleData } from './fixture.js';

let printer: Printer;
let printed: Uint8Array;
beforeAll(async () => {
  printer = chromiumPrinter();
  printed = await printDossier(built('kk'), printer, 'a4');
}, 120_000);
afterAll(async () => {
  await printer.close();
});

function built(lang: DossierLang): DossierResult {
  const b = buildDossierHtml(
    sampleData(),
    { lang, paper: 'a4', generatedAt: new Date('2026-11-30T10:00:00Z'), compiledBy: 'Алматы <бюро> & Co' },
    dossierFonts(),
  );
  return {
    ...b,
    facts: 3,
    sources: 2,
    generatedAt: new Date('2026-11-30T10:00:00Z'),
    compiledBy: 'Алматы <бюро> & Co',
    lang,
    redactedNames: [],
  };
}

describe('the dossier as PDF/A-2b', () => {
  it('passes every clause checked here, in each language', async () => {
    expect(await pdfaProblems(printed, 'kk')).toEqual([]);
    for (const lang of ['en', 'ru'] as const)
      expect(await pdfaProblems(await printDossier(built(lang), printer, 'a4'), lang)).toEqual([]);
  });

  it('the checker finds each fault: Chromium’s own output, a filtered or lying XMP, no ID, JavaScript, a hidden link', async () => {
    const raw = await printer.print({ ...built('en'), paper: 'a4' });
    const plain = await pdfaProblems(raw);
    expect(plain).toContain('6.6.2 no XMP metadata stream');
    expect(plain).toContain('6.2.3 OutputIntent GTS_PDFA1 with DestOutputProfile');

    const lying = await tampered(printed, (doc) => {
      const info = doc.context.lookup(doc.context.trailerInfo.Info!, PDFDict);
      info.set(PDFName.of('Title'), PDFString.of('Another title'));
    });
    expect((await pdfaProblems(lying)).join('\n')).toMatch(/6\.6\.3 Info Title ≠ XMP/);

    const noId = await tampered(printed, (doc) => {
      delete (doc.context.trailerInfo as { ID?: unknown }).ID;
    });
    expect(await pdfaProblems(noId)).toContain('6.1.3 trailer ID');

    const script = await tampered(printed, (doc) => {
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
    });
    expect(await pdfaProblems(script)).toEqual(expect.arrayContaining(['6.6.1 action JavaScript', '6.6.1 JavaScript']));

    const hidden = await tampered(printed, (doc) => {
      const annots = doc.getPages()[1]!.node.lookup(PDFName.of('Annots'), PDFArray);
      annots.lookup(0, PDFDict).set(PDFName.of('F'), PDFNumber.of(2));
    });
    expect(await pdfaProblems(hidden)).toContain('6.3.2 annotation flags');

    const xmp = xmpPacket({ title: 'x', author: 'y', subject: 'z', creationDate: new Date(), lang: 'kk' });
    const withXmp = (text: string, flate: boolean) =>
      tampered(printed, (doc) => {
        const dict = { Type: 'Metadata', Subtype: 'XML' };
        const bytes = new TextEncoder().encode(text);
        const stream = flate ? doc.context.flateStream(bytes, dict) : doc.context.stream(bytes, dict);
        doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
      });
    expect(await pdfaProblems(await withXmp(xmp.replace('<pdfaid:part>2<', '<pdfaid:part>1<'), false))).toEqual(
      expect.arrayContaining(['6.6.4 pdfaid:part 1', '6.6.3 Info Title ≠ XMP (Іс құжаты: Мұхтар Жәкішев ісі / x)']),
    );
    expect(await pdfaProblems(await withXmp(xmp, true))).toContain('6.6.2 XMP stream filtered');
  });

  it('writes Info and XMP that agree, in any script, with markup as text', async () => {
    const xmp = xmpPacket({
      title: 'Іс құжаты: <b>&',
      author: 'Алматы <бюро> & Co\u0001',
      subject: 'Aqiqat dossier',
      creationDate: new Date('2026-11-30T10:00:00Z'),
      lang: 'kk',
    });
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Іс құжаты: &lt;b&gt;&amp;</rdf:li>');
    expect(xmp).toContain('<rdf:li>Алматы &lt;бюро&gt; &amp; Co</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>2026-11-30T10:00:00Z</xmp:CreateDate>');
    expect(xmp).toMatch(/^<\?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"\?>/);
  });
});

describe('the sRGB profile made for the OutputIntent', () => {
  const icc = srgbIccProfile();
  const v = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
  const tag = (sig: string): number => {
    for (let i = 0; i < v.getUint32(128); i++)
      if (String.fromCharCode(...icc.subarray(132 + 12 * i, 136 + 12 * i)) === sig) return v.getUint32(136 + 12 * i);
    throw new Error(`no ${sig}`);
  };
  const xyz = (sig: string) => [0, 1, 2].map((k) => v.getInt32(tag(sig) + 8 + 4 * k) / 65536);

  it('is a well-formed RGB display profile', () => {
    expect(iccProblems(icc, 3)).toEqual([]);
    expect(iccProblems(icc.subarray(0, 200), 3).length).toBeGreaterThan(0);
  });

  it('its colorants add up to the D50 white, and white is Y = 1', () => {
    const [r, g, b, w] = [xyz('rXYZ'), xyz('gXYZ'), xyz('bXYZ'), xyz('wtpt')];
    for (let k = 0; k < 3; k++) expect(r[k]! + g[k]! + b[k]!).toBeCloseTo(w[k]!, 3);
    expect(w).toEqual([expect.closeTo(0.9642, 4), 1, expect.closeTo(0.8249, 4)]);
    expect(r[1]! + g[1]! + b[1]!).toBeCloseTo(1, 3);
  });

  it('its tone curve is sRGB’s: linear near black, 0.2140 at mid grey, monotone', () => {
    const at = tag('rTRC');
    const n = v.getUint32(at + 8);
    const point = (x: number) => v.getUint16(at + 12 + 2 * Math.round(x * (n - 1))) / 65535;
    expect(point(0)).toBe(0);
    expect(point(1)).toBe(1);
    expect(point(0.5)).toBeCloseTo(srgbToLinear(0.5), 3);
    expect(srgbToLinear(0.5)).toBeCloseTo(0.214, 3);
    for (let i = 1; i < n; i++)
      expect(v.getUint16(at + 12 + 2 * i)).toBeGreaterThanOrEqual(v.getUint16(at + 10 + 2 * i));
  });
});

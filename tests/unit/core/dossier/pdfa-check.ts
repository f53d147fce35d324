/**
 * The PDF/A-2b clauses (ISO 19005-2) a test can check mechanically, without a validator (veraPDF needs
 * a download this machine cannot make). Each failure is one line naming its clause; [] is a pass.
 * It reads the file with pdf-lib and poppler's pdffonts, not with the code that wrote it.
 * What it does not check is listed in ARCHITECTURE.md (PDF/A).
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';

const STANDARD_BLEND = new Set([
  'Normal',
  'Compatible',
  'Multiply',
  'Screen',
  'Overlay',
  'Darken',
  'Lighten',
  'ColorDodge',
  'ColorBurn',
  'HardLight',
  'SoftLight',
  'Difference',
  'Exclusion',
  'Hue',
  'Saturation',
  'Color',
  'Luminosity',
]);

const textOf = (v: unknown): string | null =>
  v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : null;

/** "D:20261130100000Z" and "2026-11-30T10:00:00Z" as instants (ms), or NaN. */
function pdfDateMs(s: string): number {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'\d{2}'?)?$/.exec(s);
  if (!m) return NaN;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].slice(4, 6)}`;
  return Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
}

/** The ICC profile's own structure (ICC.1): header, tag table within bounds, the tags a matrix/TRC RGB display profile needs. */
export function iccProblems(icc: Uint8Array, n: number): string[] {
  const out: string[] = [];
  const v = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
  const sig = (at: number) => String.fromCharCode(...icc.subarray(at, at + 4));
  if (icc.length < 132 || v.getUint32(0) !== icc.length) out.push('ICC: declared size is not the stream length');
  if (sig(36) !== 'acsp') out.push('ICC: no acsp signature');
  const major = icc[8];
  if (major !== 2 && major !== 4) out.push(`ICC: version ${major} (PDF/A-2: 2 or 4)`);
  if (!['mntr', 'prtr'].includes(sig(12))) out.push(`ICC: class ${sig(12)} (OutputIntent: mntr or prtr)`);
  const space = sig(16);
  if ((n === 3 && space !== 'RGB ') || (n !== 3 && n !== 1 && n !== 4)) out.push(`ICC: space ${space} for N ${n}`);
  const count = icc.length >= 132 ? v.getUint32(128) : 0;
  const tags = new Map<string, [number, number]>();
  for (let i = 0; i < count && 132 + 12 * i + 12 <= icc.length; i++) {
    const at = 132 + 12 * i;
    const [off, len] = [v.getUint32(at + 4), v.getUint32(at + 8)];
    if (off + len > icc.length) out.push(`ICC: tag ${sig(at)} outside the profile`);
    tags.set(sig(at), [off, len]);
  }
  for (const t of ['desc', 'cprt', 'wtpt', 'rXYZ', 'gXYZ', 'bXYZ', 'rTRC', 'gTRC', 'bTRC'])
    if (!tags.has(t)) out.push(`ICC: no ${t} tag`);
  return out;
}

export async function pdfaProblems(pdf: Uint8Array, expectedLang?: string): Promise<string[]> {
  const out: string[] = [];
  const head = Buffer.from(pdf.subarray(0, 32)).toString('latin1');
  // 6.1.2: header, then a comment of at least four bytes above 127
  const header = /^%PDF-1\.[0-7]\r?\n?%(.{4})/s.exec(head);
  if (!header || [...header[1]!].some((c) => c.charCodeAt(0) < 128)) out.push('6.1.2 header and binary comment');
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 64))).toString('latin1');
  if (!/%%EOF\r?\n?$/.test(tail)) out.push('6.1.3 data after %%EOF');

  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  const { context, catalog } = doc;
  const trailer = context.trailerInfo;
  // 6.1.3: an ID, no Encrypt
  const id = trailer.ID ? context.lookup(trailer.ID) : undefined;
  if (!(id instanceof PDFArray) || id.size() !== 2) out.push('6.1.3 trailer ID');
  if (trailer.Encrypt) out.push('6.1.3 Encrypt');

  const objects = context.enumerateIndirectObjects().map(([, o]) => o);
  // every dictionary, the direct ones inside others too (an OpenAction written in the catalog)
  const dicts: PDFDict[] = [];
  const collect = (o: unknown) => {
    if (o instanceof PDFStream) collect(o.dict);
    else if (o instanceof PDFDict) {
      dicts.push(o);
      for (const [, v] of o.entries()) if (!(v instanceof PDFRef)) collect(v);
    } else if (o instanceof PDFArray) for (const v of o.asArray()) if (!(v instanceof PDFRef)) collect(v);
  };
  objects.forEach(collect);
  for (const d of dicts) {
    // 6.1.7: no LZW, no external stream data
    const filter = d.lookup(PDFName.of('Filter'));
    const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
    if (filters.some((f) => f instanceof PDFName && f.decodeText() === 'LZWDecode')) out.push('6.1.7 LZW filter');
    if (d.has(PDFName.of('F')) && d.has(PDFName.of('Length'))) out.push('6.1.7 external stream');
    // 6.6.1, 6.1.2: no JavaScript, no Launch, no additional actions
    const s = d.lookup(PDFName.of('S'));
    if (
      s instanceof PDFName &&
      ['JavaScript', 'Launch', 'Sound', 'Movie', 'ResetForm', 'ImportData'].includes(s.decodeText())
    )
      out.push(`6.6.1 action ${s.decodeText()}`);
    if (d.has(PDFName.of('JS')) || d.has(PDFName.of('JavaScript'))) out.push('6.6.1 JavaScript');
    if (d.has(PDFName.of('AA'))) out.push('6.6.2 additional actions');
    // 6.2.10: standard blend modes only
    const bm = d.lookup(PDFName.of('BM'));
    for (const b of bm instanceof PDFArray ? bm.asArray() : bm ? [bm] : [])
      if (b instanceof PDFName && !STANDARD_BLEND.has(b.decodeText())) out.push(`6.2.10 blend mode ${b.decodeText()}`);
    // 6.2.8: no interpolated images, no alternates, no OPI
    if (d.lookup(PDFName.of('Interpolate'))?.toString() === 'true') out.push('6.2.8 Interpolate');
    if (d.has(PDFName.of('Alternates')) || d.has(PDFName.of('OPI'))) out.push('6.2.8 Alternates/OPI');
    // 6.2.11.4: every font program embedded
    if (d.lookup(PDFName.of('Type'))?.toString() === '/FontDescriptor') {
      if (!['FontFile', 'FontFile2', 'FontFile3'].some((k) => d.has(PDFName.of(k))))
        out.push(`6.2.11.4 font not embedded: ${d.lookup(PDFName.of('FontName'))}`);
    }
    // 6.3.2, 6.3.3: annotations printable, never hidden
    if (d.lookup(PDFName.of('Type'))?.toString() === '/Annot') {
      const f = d.lookup(PDFName.of('F'));
      const flags = f instanceof PDFNumber ? f.asNumber() : 0;
      if (!(flags & 4) || flags & (1 | 2 | 32 | 256)) out.push('6.3.2 annotation flags');
      const sub = d.lookup(PDFName.of('Subtype'))?.toString();
      if (sub && !['/Link', '/Popup'].includes(sub) && !d.has(PDFName.of('AP')))
        out.push(`6.3.3 annotation ${sub} without appearance`);
    }
  }
  // 6.2.4.3: an RGB output intent allows DeviceRGB and DeviceGray, never DeviceCMYK
  for (const o of objects)
    if (o instanceof PDFRawStream) {
      let data: Uint8Array;
      try {
        data = decodePDFRawStream(o).decode();
      } catch {
        continue; // a font or image filter pdf-lib does not decode
      }
      if (Buffer.from(data).toString('latin1').includes('/DeviceCMYK')) out.push('6.2.4.3 DeviceCMYK in a stream');
    }
  if (dicts.some((d) => d.toString().includes('/DeviceCMYK'))) out.push('6.2.4.3 DeviceCMYK');
  if (catalog.has(PDFName.of('Names'))) {
    const names = catalog.lookup(PDFName.of('Names'), PDFDict);
    if (names.has(PDFName.of('JavaScript'))) out.push('6.6.1 document JavaScript');
    if (names.has(PDFName.of('EmbeddedFiles'))) out.push('6.8 embedded files (2b: PDF/A files only)');
  }
  if (catalog.has(PDFName.of('AA')) || catalog.has(PDFName.of('NeedsRendering')))
    out.push('6.6.2 catalog AA/NeedsRendering');
  if (catalog.has(PDFName.of('AcroForm'))) {
    const form = catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    if (form.has(PDFName.of('XFA')) || form.lookup(PDFName.of('NeedAppearances'))?.toString() === 'true')
      out.push('6.4 XFA or NeedAppearances');
  }

  // 6.2.3: an OutputIntent GTS_PDFA1 with an ICC profile
  const intents = catalog.lookup(PDFName.of('OutputIntents'));
  const pdfa = intents instanceof PDFArray ? intents.asArray().map((r) => context.lookup(r)) : [];
  const intent = pdfa.find(
    (i): i is PDFDict => i instanceof PDFDict && i.lookup(PDFName.of('S'))?.toString() === '/GTS_PDFA1',
  );
  const profile = intent?.lookup(PDFName.of('DestOutputProfile'));
  if (!intent || !(profile instanceof PDFRawStream)) out.push('6.2.3 OutputIntent GTS_PDFA1 with DestOutputProfile');
  else {
    const n = profile.dict.lookup(PDFName.of('N'));
    out.push(...iccProblems(decodePDFRawStream(profile).decode(), n instanceof PDFNumber ? n.asNumber() : 0));
    if (!textOf(intent.lookup(PDFName.of('OutputConditionIdentifier')))) out.push('6.2.3 OutputConditionIdentifier');
  }

  // 6.6.2: XMP in the catalog, unfiltered, a well-formed packet without bytes/encoding, PDF/A identification
  const meta = catalog.lookup(PDFName.of('Metadata'));
  if (!(meta instanceof PDFRawStream)) return [...out, '6.6.2 no XMP metadata stream'];
  if (meta.dict.has(PDFName.of('Filter'))) out.push('6.6.2 XMP stream filtered');
  if (meta.dict.lookup(PDFName.of('Subtype'))?.toString() !== '/XML') out.push('6.6.2 XMP Subtype');
  const xmp = new TextDecoder('utf-8', { fatal: true }).decode(decodePDFRawStream(meta).decode());
  const packet = /^<\?xpacket ([^?]*)\?>/.exec(xmp);
  if (!packet || /\b(bytes|encoding)=/.test(packet[1]!)) out.push('6.6.2 xpacket header');
  const { DOMParser } = await import('linkedom');
  const x = new DOMParser().parseFromString(
    xmp.replace(/^<\?xpacket[^?]*\?>|<\?xpacket[^?]*\?>\s*$/g, ''),
    'text/xml',
  ) as unknown as Document;
  const el = (tag: string) => x.getElementsByTagName(tag)[0]?.textContent?.trim() ?? null;
  if (el('pdfaid:part') !== '2') out.push(`6.6.4 pdfaid:part ${el('pdfaid:part')}`);
  if (el('pdfaid:conformance') !== 'B') out.push(`6.6.4 pdfaid:conformance ${el('pdfaid:conformance')}`);
  const li = (tag: string) => {
    const items = Array.from(x.getElementsByTagName(tag)[0]?.getElementsByTagName('rdf:li') ?? []);
    return items.length === 1 ? (items[0]!.textContent ?? '') : null;
  };

  // 6.6.3: Info and XMP say the same
  const info = trailer.Info ? context.lookup(trailer.Info) : undefined;
  if (info instanceof PDFDict) {
    const get = (k: string) => textOf(info.lookup(PDFName.of(k)));
    const pairs: Array<[string, string | null, string | null]> = [
      ['Title', get('Title'), li('dc:title')],
      ['Author', get('Author'), li('dc:creator')],
      ['Subject', get('Subject'), li('dc:description')],
      ['Creator', get('Creator'), el('xmp:CreatorTool')],
      ['Producer', get('Producer'), el('pdf:Producer')],
    ];
    for (const [k, a, b] of pairs) if (a !== null && a !== b) out.push(`6.6.3 Info ${k} ≠ XMP (${a} / ${b})`);
    for (const [k, tag] of [
      ['CreationDate', 'xmp:CreateDate'],
      ['ModDate', 'xmp:ModifyDate'],
    ] as const) {
      const a = get(k);
      if (a !== null && pdfDateMs(a) !== Date.parse(el(tag) ?? '')) out.push(`6.6.3 Info ${k} ≠ XMP ${tag}`);
    }
    for (const k of ['Keywords', 'Trapped'])
      if (info.has(PDFName.of(k))) out.push(`6.6.3 Info ${k} without its XMP twin`);
  }
  const lang = textOf(catalog.lookup(PDFName.of('Lang')));
  if (!lang || (expectedLang && lang !== expectedLang)) out.push(`catalog Lang ${lang}`);

  // 6.2.11.4, as a reader sees it: poppler lists every font as embedded
  const file = path.join(os.tmpdir(), `aqiqat-pdfa-${process.pid}-${Date.now()}.pdf`);
  writeFileSync(file, pdf);
  let fonts: string[];
  try {
    fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  } finally {
    rmSync(file, { force: true });
  }
  for (const line of fonts) if (!/ yes (yes|no) (yes|no) /.test(line)) out.push(`6.2.11.4 pdffonts: ${line}`);
  return out;
}

/** `pdf` changed by `change` and saved: for the checker's own test, that it finds what is wrong. */
export async function tampered(pdf: Uint8Array, change: (doc: PDFDocument) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  change(doc);
  return doc.save({ useObjectStreams: false });
}

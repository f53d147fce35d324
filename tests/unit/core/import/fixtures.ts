/**
 * Import fixtures made in the test: DOCX files written with JSZip or byte by byte (lying ZIPs), one-page
 * PDFs, zip and PDF bombs, mixed folders. The bench's import corpus (tests/bench/import.ts) builds its
 * .docx and .pdf files here too.
 */
import JSZip from 'jszip';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflate, createDeflateRaw } from 'node:zlib';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface DocxBlock {
  text: string;
  heading?: 1 | 2;
}

/** A minimal valid .docx: headings use Word's built-in Heading1/Heading2 styles, which mammoth maps to h1/h2. */
export async function makeDocx(blocks: DocxBlock[], opts: { title?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = blocks
    .map(
      (b) =>
        `<w:p>${b.heading ? `<w:pPr><w:pStyle w:val="Heading${b.heading}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(b.text)}</w:t></w:r></w:p>`,
    )
    .join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  if (opts.title) {
    zip.file(
      'docProps/core.xml',
      `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(opts.title)}</dc:title><dc:creator>Colleague</dc:creator></cp:coreProperties>`,
    );
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * A one-page PDF with a Latin text layer, one line of text per entry, and no document title
 * (standard Helvetica: nothing embedded). `leading` is the line spacing in points: 30 sets lines
 * far enough apart for the extractor to read them as paragraphs.
 */
export function makePdf(lines: readonly string[], { leading = 14 }: { leading?: number } = {}): Uint8Array {
  const stream = `BT /F1 11 Tf ${leading} TL 50 800 Td\n${lines.map((l) => `(${l}) Tj T*`).join('\n')}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** A .docx whose one extra entry inflates from ~100 KB to `megabytes` MB of zeros. */
export async function makeZipBomb(megabytes: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await makeDocx([{ text: 'x' }]));
  zip.file('word/media/bomb.bin', new Uint8Array(megabytes * 1024 * 1024));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

export async function makeManyEntries(count: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await makeDocx([{ text: 'x' }]));
  for (let i = 0; i < count; i++) zip.file(`customXml/item${i}.xml`, '<a/>');
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

const KK = [
  'Мұхтар Жәкішев',
  'Өскемен',
  'Тәуелсіздік монументі',
  'сот отырысы',
  'адвокат',
  'шағым',
  'қамау',
  'бостандық',
];
const RU = ['Мухтар Джакишев', 'Усть-Каменогорск', 'суд', 'адвокат', 'жалоба', 'заключение', 'освобождение', 'колония'];

/** A paragraph of article-like text, different for every n. */
export function sentence(n: number, words = KK): string {
  const pick = (k: number) => words[(n * 7 + k * 3) % words.length]!;
  return `${n}: ${pick(1)} ${pick(2)} ${pick(3)} туралы хабар №${n}. ${pick(4)} ${pick(5)} ${pick(6)}.`;
}

/**
 * A folder of `count` files: .txt, .md, .html, .htm and .docx by turns (in sub-folders), plus files a
 * folder import must skip (.bmp, hidden) and `broken` files that must fail alone.
 */
export async function makeMixedFolder(root: string, count: number): Promise<{ expected: number; broken: string[] }> {
  const kinds = ['txt', 'md', 'html', 'htm', 'docx'] as const;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    const dir = path.join(root, `batch-${i % 4}`, i % 3 === 0 ? 'deeper' : '');
    await mkdir(dir, { recursive: true });
    const paragraphs = [sentence(i), sentence(i + 1000, i % 2 ? RU : KK), sentence(i + 2000)];
    const file = path.join(dir, `article-${String(i).padStart(4, '0')}.${kind}`);
    if (kind === 'docx')
      await writeFile(
        file,
        await makeDocx([{ text: `Мақала ${i}`, heading: 1 }, ...paragraphs.map((text) => ({ text }))]),
      );
    else if (kind === 'html' || kind === 'htm')
      await writeFile(
        file,
        `<html><head><title>Мақала ${i}</title><meta property="article:published_time" content="2021-01-${String((i % 28) + 1).padStart(2, '0')}"><script>x()</script></head><body><nav>menu</nav><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
      );
    else await writeFile(file, `Мақала ${i}\n\n${paragraphs.join('\n\n')}\n`);
  }
  await writeFile(path.join(root, 'photo.bmp'), new Uint8Array([0x42, 0x4d, 0]));
  await mkdir(path.join(root, '.hidden'), { recursive: true });
  await writeFile(path.join(root, '.hidden', 'secret.txt'), 'not imported');
  await writeFile(path.join(root, '.notes.txt'), 'not imported');
  const broken = [path.join(root, 'broken.docx'), path.join(root, 'cp1251.txt')];
  await writeFile(broken[0]!, 'PK this is not a zip');
  await writeFile(broken[1]!, new Uint8Array([0xcf, 0xf0, 0xe8]));
  return { expected: count, broken };
}

/** Deflate a stream of chunks (raw for ZIP entries, zlib-wrapped for a PDF's FlateDecode) without holding the whole input. */
async function deflate(chunks: Iterable<Uint8Array>, format: 'raw' | 'zlib'): Promise<Buffer> {
  const out: Buffer[] = [];
  const z = format === 'raw' ? createDeflateRaw({ level: 9 }) : createDeflate({ level: 9 });
  await pipeline(Readable.from(chunks), z, async (packed: AsyncIterable<Buffer>) => {
    for await (const b of packed) out.push(b);
  });
  return Buffer.concat(out);
}

/** `head`, then `megabytes` MB of one repeated byte, then `tail`: a bomb's content, produced lazily. */
function* repeated(head: string, byte: number, megabytes: number, tail: string): Generator<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024).fill(byte);
  yield Buffer.from(head);
  for (let i = 0; i < megabytes; i++) yield chunk;
  yield Buffer.from(tail);
}

export interface RawZipEntry {
  name: string;
  /** the entry's content, as chunks (deflated on the way) */
  content: Iterable<Uint8Array>;
}

/**
 * A ZIP written byte by byte, so that it can lie: `countInEnd` is the entry count its end record
 * states (ZIP readers walk the whole table of contents whatever it says), and names may repeat.
 */
export async function makeRawZip(
  entries: readonly RawZipEntry[],
  { countInEnd }: { countInEnd?: number } = {},
): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    let crc = 0;
    let size = 0;
    const chunks = [...e.content];
    for (const c of chunks) {
      crc = crc32(c, crc);
      size += c.length;
    }
    const packed = await deflate(chunks, 'raw');
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(crc >>> 0, 16);
    record.writeUInt32LE(packed.length, 20);
    record.writeUInt32LE(size >>> 0, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(record, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  const n = countInEnd ?? entries.length;
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(n, 8);
  end.writeUInt16LE(n, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cd, end]));
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOC_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
const DOC_TAIL = '</w:t></w:r></w:p></w:body></w:document>';
const one = (s: string) => [Buffer.from(s)];

/**
 * A .docx whose end record counts 3 entries while its table of contents lists a 4th: a second
 * word/document.xml, the one a ZIP reader keeps (the later of two names wins). With `megabytes`, that
 * hidden entry is "HIDDEN" followed by so many MB of "A" (a few hundred KB packed per 100 MB).
 */
export function makeHiddenEntryDocx(megabytes = 0): Promise<Uint8Array> {
  return makeRawZip(
    [
      { name: '[Content_Types].xml', content: one(CONTENT_TYPES) },
      { name: '_rels/.rels', content: one(RELS) },
      { name: 'word/document.xml', content: one(`${DOC_HEAD}DECOY text the guard checked${DOC_TAIL}`) },
      {
        name: 'word/document.xml',
        content: repeated(`${DOC_HEAD}HIDDEN text the guard never inflated `, 0x41, megabytes, DOC_TAIL),
      },
    ],
    { countInEnd: 3 },
  );
}

/** A .docx whose one paragraph is `megabytes` MB of "A" after `lead`: a text over any sane limit, from a small file. */
export function makeHugeTextDocx(lead: string, megabytes: number): Promise<Uint8Array> {
  return makeRawZip([
    { name: '[Content_Types].xml', content: one(CONTENT_TYPES) },
    { name: '_rels/.rels', content: one(RELS) },
    { name: 'word/document.xml', content: repeated(`${DOC_HEAD}${lead} `, 0x41, megabytes, DOC_TAIL) },
  ]);
}

/**
 * A one-page PDF whose content stream shows "Hello bomb" and then inflates to `megabytes` MB of
 * spaces: about 1 MB of file per GB decoded. `twice`: deflated twice (filters [/FlateDecode
 * /FlateDecode]), so that only a reader that undoes both layers sees its size.
 */
export async function makePdfBomb(megabytes: number, { twice = false }: { twice?: boolean } = {}): Promise<Uint8Array> {
  const once = await deflate(repeated('BT /F1 12 Tf 72 712 Td (Hello bomb) Tj ET\n', 0x20, megabytes, ''), 'zlib');
  const stream = twice ? await deflate([once], 'zlib') : once;
  const filter = twice ? '[/FlateDecode /FlateDecode]' : '/FlateDecode';
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    ),
    Buffer.concat([
      Buffer.from(`<< /Length ${stream.length} /Filter ${filter} >>\nstream\n`),
      stream,
      Buffer.from('\nendstream'),
    ]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    length += obj.length;
  });
  parts.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`,
    ),
  );
  parts.push(Buffer.from(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

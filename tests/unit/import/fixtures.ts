/** Import fixtures made in the test: DOCX files written with JSZip, zip bombs, mixed folders. */
import JSZip from 'jszip';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
    .map((b) => `<w:p>${b.heading ? `<w:pPr><w:pStyle w:val="Heading${b.heading}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(b.text)}</w:t></w:r></w:p>`)
    .join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  if (opts.title) {
    zip.file(
      'docProps/core.xml',
      `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(opts.title)}</dc:title><dc:creator>Colleague</dc:creator></cp:coreProperties>`,
    );
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
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

const KK = ['Мұхтар Жәкішев', 'Өскемен', 'Тәуелсіздік монументі', 'сот отырысы', 'адвокат', 'шағым', 'қамау', 'бостандық'];
const RU = ['Мухтар Джакишев', 'Усть-Каменогорск', 'суд', 'адвокат', 'жалоба', 'заключение', 'освобождение', 'колония'];

/** A paragraph of article-like text, different for every n. */
export function sentence(n: number, words = KK): string {
  const pick = (k: number) => words[(n * 7 + k * 3) % words.length]!;
  return `${n}: ${pick(1)} ${pick(2)} ${pick(3)} туралы хабар №${n}. ${pick(4)} ${pick(5)} ${pick(6)}.`;
}

/**
 * A folder of `count` files: .txt, .md, .html, .htm and .docx by turns (in sub-folders), plus files a
 * folder import must skip (.jpg, hidden) and `broken` files that must fail alone.
 */
export async function makeMixedFolder(root: string, count: number): Promise<{ expected: number; broken: string[] }> {
  const kinds = ['txt', 'md', 'html', 'htm', 'docx'] as const;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    const dir = path.join(root, `batch-${i % 4}`, i % 3 === 0 ? 'deeper' : '');
    await mkdir(dir, { recursive: true });
    const paragraphs = [sentence(i), sentence(i + 1000, i % 2 ? RU : KK), sentence(i + 2000)];
    const file = path.join(dir, `article-${String(i).padStart(4, '0')}.${kind}`);
    if (kind === 'docx') await writeFile(file, await makeDocx([{ text: `Мақала ${i}`, heading: 1 }, ...paragraphs.map((text) => ({ text }))]));
    else if (kind === 'html' || kind === 'htm')
      await writeFile(file, `<html><head><title>Мақала ${i}</title><meta property="article:published_time" content="2021-01-${String((i % 28) + 1).padStart(2, '0')}"><script>x()</script></head><body><nav>menu</nav><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
    else await writeFile(file, `Мақала ${i}\n\n${paragraphs.join('\n\n')}\n`);
  }
  await writeFile(path.join(root, 'photo.jpg'), new Uint8Array([0xff, 0xd8, 0xff]));
  await mkdir(path.join(root, '.hidden'), { recursive: true });
  await writeFile(path.join(root, '.hidden', 'secret.txt'), 'not imported');
  await writeFile(path.join(root, '.notes.txt'), 'not imported');
  const broken = [path.join(root, 'broken.docx'), path.join(root, 'cp1251.txt')];
  await writeFile(broken[0]!, 'PK this is not a zip');
  await writeFile(broken[1]!, new Uint8Array([0xcf, 0xf0, 0xe8]));
  return { expected: count, broken };
}

/** A one-page PDF with a Latin text layer and no document title (standard Helvetica, nothing embedded). */
export function tinyPdf(lines: string[]): Uint8Array {
  const stream = `BT /F1 11 Tf 30 TL 50 800 Td\n${lines.map((l) => `(${l}) Tj T*`).join('\n')}\nET`;
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

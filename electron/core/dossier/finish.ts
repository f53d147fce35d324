/**
 * The printed PDF made into the file a dossier is (pdf-lib, the whole file rewritten): our Info
 * dictionary instead of Chromium's (whose Creator names the browser, its version and the compiler's
 * operating system), the bookmarks, and what PDF/A-2b asks beyond what Chromium writes: XMP metadata
 * that says so and agrees with Info, an sRGB OutputIntent, a document ID, the language, annotations
 * marked printable. Fonts are Chromium's, all embedded (fonts.ts); PDF/A-2 allows its transparency.
 * What is not checked by a validator here is listed in ARCHITECTURE.md (PDF/A).
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { loadPrinted, type Landing, type OutlineEntry } from './paging.js';
import { srgbIccProfile } from './srgb-icc.js';

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  creationDate: Date;
  /** BCP 47, the dossier's language */
  lang: string;
}

export const PDF_CREATOR = 'Aqiqat';
export const PDF_PRODUCER = 'Aqiqat (Chromium, pdf-lib)';
const SRGB = 'sRGB IEC61966-2.1';

/** Info's text strings as UTF-16BE with a BOM: any script survives. */
const text = (s: string) => PDFHexString.fromText(s);
const pdfDate = (d: Date) => PDFString.of(`D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`);
const xmpDate = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

/** XML text: escaped, without the characters XML 1.0 cannot hold. */
function xml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The XMP packet: PDF/A-2b identification and the same title, author, subject, tools and dates as Info. */
export function xmpPacket(info: PdfInfo): string {
  const date = xmpDate(info.creationDate);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${xml(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>${xml(info.lang)}</rdf:li></rdf:Bag></dc:language>
<xmp:CreatorTool>${xml(PDF_CREATOR)}</xmp:CreatorTool>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
<pdf:Producer>${xml(PDF_PRODUCER)}</pdf:Producer>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

interface Node {
  title: string;
  landing: Landing;
  children: Node[];
}

/** The bookmarks as a tree: an entry goes under the nearest entry before it of a lower level. */
function outlineTree(entries: readonly OutlineEntry[], landings: ReadonlyMap<string, Landing>): Node[] {
  const roots: Node[] = [];
  const stack: Array<{ level: number; node: Node }> = [];
  for (const e of entries) {
    const landing = landings.get(e.id);
    if (!landing) continue;
    const node: Node = { title: e.title, landing, children: [] };
    while (stack.length > 0 && stack.at(-1)!.level >= e.level) stack.pop();
    (stack.at(-1)?.node.children ?? roots).push(node);
    stack.push({ level: e.level, node });
  }
  return roots;
}

/** Writes `nodes` as the items under `parent`; sections start closed (a chronology may hold thousands of facts). */
function writeItems(doc: PDFDocument, nodes: readonly Node[], parent: PDFRef): { first: PDFRef; last: PDFRef } {
  const refs = nodes.map(() => doc.context.nextRef());
  nodes.forEach((n, i) => {
    const dict = doc.context.obj({}) as PDFDict;
    dict.set(PDFName.of('Title'), text(n.title));
    dict.set(PDFName.of('Parent'), parent);
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i + 1 < refs.length) dict.set(PDFName.of('Next'), refs[i + 1]!);
    dict.set(
      PDFName.of('Dest'),
      doc.context.obj([n.landing.pageRef, PDFName.of('XYZ'), n.landing.x, n.landing.y, PDFNull]),
    );
    if (n.children.length > 0) {
      const { first, last } = writeItems(doc, n.children, refs[i]!);
      dict.set(PDFName.of('First'), first);
      dict.set(PDFName.of('Last'), last);
      dict.set(PDFName.of('Count'), PDFNumber.of(-n.children.length));
    }
    doc.context.assign(refs[i]!, dict);
  });
  return { first: refs[0]!, last: refs.at(-1)! };
}

function setOutline(doc: PDFDocument, entries: readonly OutlineEntry[], landings: ReadonlyMap<string, Landing>) {
  const catalog = doc.catalog;
  catalog.delete(PDFName.of('Outlines'));
  const roots = outlineTree(entries, landings);
  if (roots.length === 0) return;
  const root = doc.context.nextRef();
  const { first, last } = writeItems(doc, roots, root);
  doc.context.assign(
    root,
    doc.context.obj({ Type: 'Outlines', First: first, Last: last, Count: PDFNumber.of(roots.length) }),
  );
  catalog.set(PDFName.of('Outlines'), root);
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Every annotation printable and not hidden (PDF/A: Print flag set; Hidden, Invisible, NoView, ToggleNoView clear). */
function printableAnnotations(doc: PDFDocument) {
  for (const page of doc.getPages()) {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) continue;
    for (let i = 0; i < annots.size(); i++) {
      const a = annots.lookup(i);
      if (!(a instanceof PDFDict)) continue;
      const f = a.lookup(PDFName.of('F'));
      const flags = f instanceof PDFNumber ? f.asNumber() : 0;
      a.set(PDFName.of('F'), PDFNumber.of((flags | 4) & ~(1 | 2 | 32 | 256)));
    }
  }
}

export interface FinishJob {
  info: PdfInfo;
  outline: readonly OutlineEntry[];
  landings: ReadonlyMap<string, Landing>;
}

/** The printed bytes → the dossier's PDF/A-2b file with its bookmarks and metadata. */
export async function finishPdf(printed: Uint8Array, job: FinishJob): Promise<Uint8Array> {
  const doc = await loadPrinted(printed);
  const { context, catalog } = doc;
  const { info } = job;

  // Chromium's Info goes, object and all (pdf-lib writes every object it holds, referenced or not)
  const oldInfo = context.trailerInfo.Info;
  if (oldInfo instanceof PDFRef) context.delete(oldInfo);
  context.trailerInfo.Info = context.register(
    context.obj({
      Title: text(info.title),
      Author: text(info.author),
      Subject: text(info.subject),
      Creator: text(PDF_CREATOR),
      Producer: text(PDF_PRODUCER),
      CreationDate: pdfDate(info.creationDate),
      ModDate: pdfDate(info.creationDate),
    }),
  );

  // unfiltered, so that a reader without Flate (and PDF/A's preference) can read it
  const xmp = context.stream(new TextEncoder().encode(xmpPacket(info)), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), context.register(xmp));

  const profile = context.register(context.flateStream(srgbIccProfile(), { N: 3 }));
  catalog.set(
    PDFName.of('OutputIntents'),
    context.obj([
      context.obj({
        Type: 'OutputIntent',
        S: 'GTS_PDFA1',
        OutputConditionIdentifier: PDFString.of(SRGB),
        Info: PDFString.of(SRGB),
        RegistryName: PDFString.of('http://www.color.org'),
        DestOutputProfile: profile,
      }),
    ]),
  );
  catalog.set(PDFName.of('Lang'), PDFString.of(info.lang));
  setOutline(doc, job.outline, job.landings);
  printableAnnotations(doc);

  // the same two halves: a file ID that the printed content determines
  const id = PDFHexString.of(createHash('sha256').update(printed).digest('hex').slice(0, 32).toUpperCase());
  context.trailerInfo.ID = context.obj([id, id]);
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

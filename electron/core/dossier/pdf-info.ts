/**
 * The PDF's Info dictionary (title, author, subject, creator, dates). Chromium sets only Title (from
 * <title>) and names itself as Creator; a lawyer's PDF reader should show who compiled the dossier.
 * Done as a PDF incremental update (a new Info object, an xref section and a trailer appended).
 * Chromium's own Info object is blanked in place, to the same length so that no offset moves: its
 * Creator names the browser, its version and the operating system of whoever compiled the dossier.
 * Skia writes a classic xref table; anything else is returned as is.
 */
export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  creationDate: Date;
}

/** A PDF text string: UTF-16BE with a BOM, as hex (no escaping pitfalls). */
function pdfString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

const pdfDate = (d: Date) => `(D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`;

/** Byte offset of object `n` from a classic xref table at `xrefAt`, or null. */
function objectOffset(pdf: Uint8Array, xrefAt: number, n: number): number | null {
  const table = Buffer.from(pdf.subarray(xrefAt, Math.min(pdf.length, xrefAt + 64 + 20 * (n + 1)))).toString('latin1');
  const head = /^xref\s+(\d+)\s+(\d+)\s*?\r?\n/.exec(table);
  if (!head) return null;
  const [first, count] = [Number(head[1]), Number(head[2])];
  if (n < first || n >= first + count) return null;
  const entry = /^(\d{10}) \d{5} n/.exec(table.slice(head[0].length + 20 * (n - first)));
  return entry ? Number(entry[1]) : null;
}

/** `pdf` with the dictionary of object `n` (an Info dictionary: no streams, no nested dictionaries) emptied, same length. */
function blankObject(pdf: Uint8Array, xrefAt: number, n: number): Uint8Array {
  const at = objectOffset(pdf, xrefAt, n);
  if (at === null) return pdf;
  const text = Buffer.from(pdf.subarray(at, Math.min(pdf.length, at + 8192))).toString('latin1');
  const obj = new RegExp(`^${n} 0 obj\\s*(<<[\\s\\S]*?>>)\\s*endobj`).exec(text);
  if (!obj) return pdf;
  const from = at + obj[0].indexOf(obj[1]!);
  const out = Uint8Array.from(pdf);
  out.set(Buffer.from('<<>>'.padEnd(obj[1]!.length, ' '), 'latin1'), from);
  return out;
}

export function setPdfInfo(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 2048))).toString('latin1');
  const trailerAt = tail.lastIndexOf('trailer');
  const xref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (trailerAt < 0 || !xref) return pdf;
  const trailer = tail.slice(trailerAt, xref.index);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer);
  if (!size || !root) return pdf;
  const oldInfo = /\/Info\s+(\d+)\s+0\s+R/.exec(trailer);
  const printed = oldInfo ? blankObject(pdf, Number(xref[1]), Number(oldInfo[1])) : pdf;
  const n = Number(size[1]);
  const start = pdf.length + 1; // after the newline below
  const obj =
    `${n} 0 obj\n<</Title ${pdfString(info.title)} /Author ${pdfString(info.author)} /Subject ${pdfString(info.subject)} ` +
    `/Creator ${pdfString('Aqiqat')} /Producer ${pdfString('Aqiqat (Chromium)')} /CreationDate ${pdfDate(info.creationDate)} /ModDate ${pdfDate(info.creationDate)}>>\nendobj\n`;
  const xrefAt = start + Buffer.byteLength(obj, 'latin1');
  const update =
    `\n${obj}xref\n${n} 1\n${String(start).padStart(10, '0')} 00000 n\r\n` +
    `trailer\n<</Size ${n + 1} /Root ${root[1]} /Info ${n} 0 R /Prev ${xref[1]}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([printed, Buffer.from(update, 'latin1')]);
}

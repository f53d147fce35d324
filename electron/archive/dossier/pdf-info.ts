/**
 * The PDF's Info dictionary (title, author, subject, creator, dates). Chromium sets only Title (from
 * <title>) and names itself as Creator; a lawyer's PDF reader should show who compiled the dossier.
 * Done as a PDF incremental update (a new Info object, an xref section and a trailer appended):
 * the printed bytes stay untouched. Skia writes a classic xref table; anything else is returned as is.
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

export function setPdfInfo(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 2048))).toString('latin1');
  const trailerAt = tail.lastIndexOf('trailer');
  const xref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (trailerAt < 0 || !xref) return pdf;
  const trailer = tail.slice(trailerAt, xref.index);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer);
  if (!size || !root) return pdf;
  const n = Number(size[1]);
  const start = pdf.length + 1; // after the newline below
  const obj =
    `${n} 0 obj\n<</Title ${pdfString(info.title)} /Author ${pdfString(info.author)} /Subject ${pdfString(info.subject)} ` +
    `/Creator ${pdfString('Aqiqat')} /Producer ${pdfString('Aqiqat (Chromium)')} /CreationDate ${pdfDate(info.creationDate)} /ModDate ${pdfDate(info.creationDate)}>>\nendobj\n`;
  const xrefAt = start + Buffer.byteLength(obj, 'latin1');
  const update =
    `\n${obj}xref\n${n} 1\n${String(start).padStart(10, '0')} 00000 n\r\n` +
    `trailer\n<</Size ${n + 1} /Root ${root[1]} /Info ${n} 0 R /Prev ${xref[1]}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

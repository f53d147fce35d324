/**
 * Word .docx → text with its headings as paragraphs, via mammoth (docx → semantic HTML) and the same
 * DOM-to-text walk as web pages. The ZIP is unpacked by zip-guard within its limits, and mammoth reads
 * those entries, never the ZIP itself: a ZIP reader of its own could find entries (a second table of
 * contents, a later entry of the same name) that the guard never measured.
 */
import mammoth from 'mammoth';
import { DOMParser } from 'linkedom';
import { domToText, type TextSource } from './dom-text.js';
import type { Extracted } from './types.js';
import { unpackZip, type ZipEntry } from './zip-guard.js';
import { AqiqatError } from '../../errors.js';

export async function extractDocx(bytes: Uint8Array, name: string): Promise<Extracted> {
  const entries = unpackZip(bytes, name);
  if (!entries.some((e) => e.name === 'word/document.xml')) throw new AqiqatError('import.docx-no-document', { name });
  const { value: html } = await mammoth.convertToHtml(unpacked(entries));
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  const text = domToText(doc.body as unknown as TextSource);
  const core = entries.find((e) => e.name === 'docProps/core.xml')?.data.toString('utf8') ?? '';
  const title = xmlText(core, 'dc:title') ?? textOfFirst(doc, 'h1');
  // dc:creator is whoever made the Word file (often a colleague), not the article's author: not used
  return { text, meta: { title } };
}

/**
 * The entries as mammoth's opened-ZIP interface (its `file` input, which mammoth's unzip takes as the
 * ZIP already opened). Media was dropped by the guard: an image reads as empty.
 */
function unpacked(entries: readonly ZipEntry[]): Parameters<typeof mammoth.convertToHtml>[0] {
  const byName = new Map(entries.map((e) => [e.name, e.data]));
  const file = {
    exists: (name: string) => byName.has(name),
    read: async (name: string, encoding?: string) => {
      const data = byName.get(name);
      if (!data) throw new Error(`no ${name} in the .docx`);
      if (encoding === 'base64') return data.toString('base64');
      return encoding ? new TextDecoder(encoding).decode(data) : new Uint8Array(data);
    },
  };
  return { file } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
}

function xmlText(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`).exec(xml);
  const v = m?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
  return v || undefined;
}

function textOfFirst(
  doc: { querySelector(s: string): { textContent: string | null } | null },
  selector: string,
): string | undefined {
  return doc.querySelector(selector)?.textContent?.trim() || undefined;
}

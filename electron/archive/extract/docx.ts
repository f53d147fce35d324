/**
 * Word .docx → text with its headings as paragraphs, via mammoth (docx → semantic HTML) and the same
 * DOM-to-text walk as web pages. The ZIP is checked first (zip-guard): only bytes whose every entry was
 * really inflated within the limits reach mammoth, so it cannot unpack more than was measured.
 */
import mammoth from 'mammoth';
import { DOMParser } from 'linkedom';
import { domToText, type TextSource } from './dom-text.js';
import type { Extracted } from './types.js';
import { unpackZip } from './zip-guard.js';
import { AqiqatError } from '../errors.js';

export async function extractDocx(bytes: Uint8Array, name: string): Promise<Extracted> {
  const entries = unpackZip(bytes, name);
  if (!entries.some((e) => e.name === 'word/document.xml')) throw new AqiqatError(`${name} is not a Word document (no word/document.xml)`);
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  const text = domToText(doc.body as unknown as TextSource);
  const core = entries.find((e) => e.name === 'docProps/core.xml')?.data.toString('utf8') ?? '';
  const title = xmlText(core, 'dc:title') ?? textOfFirst(doc, 'h1');
  // dc:creator is whoever made the Word file (often a colleague), not the article's author: not used
  return { text, meta: { title } };
}

function xmlText(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`).exec(xml);
  const v = m?.[1]?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&').trim();
  return v || undefined;
}

function textOfFirst(doc: { querySelector(s: string): { textContent: string | null } | null }, selector: string): string | undefined {
  return doc.querySelector(selector)?.textContent?.trim() || undefined;
}

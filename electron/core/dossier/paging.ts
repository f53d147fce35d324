/**
 * Page numbers and bookmarks, driven by the dossier's HTML whatever its template: an element with
 * `data-outline="LEVEL"` is a bookmark (its `data-outline-title`, else its text) to its `id`, else
 * its parent's (a section's heading), and an
 * element with `data-page-of="ID"` shows the page on which the element `ID` landed.
 * Printing is two passes: Chromium writes a named destination for every id a link points to (even a
 * link that is not displayed), so the first print says where each id landed; the numbers go into
 * their fixed-width slots and the document is printed again. The printer only prints; this decides.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString, PDFHexString } from 'pdf-lib';
import { AqiqatError } from '../errors.js';
import type { Printer, PrintJob } from './pdf.js';

export interface OutlineEntry {
  id: string;
  level: number;
  title: string;
}

export interface PagePlan {
  /** the bookmarks, in document order */
  outline: OutlineEntry[];
  /** the ids whose page number the document shows */
  pageRefs: string[];
}

/** Where an id landed: its page (from 1) and the destination Chromium wrote for it. */
export interface Landing {
  page: number;
  pageRef: PDFRef;
  x: number;
  y: number;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The printer's bytes as a PDF; bytes that are none (a broken printer, a truncated file) are one clear line. */
export async function loadPrinted(pdf: Uint8Array): Promise<PDFDocument> {
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    if (doc.getPageCount() === 0) throw new Error('no pages');
    return doc;
  } catch (e) {
    throw new AqiqatError('dossier.print-unreadable', {
      reason: oneLine(String((e as Error).message ?? e)).slice(0, 200),
    });
  }
}

/** The bookmarks and page references of a dossier document. */
export async function pagePlan(html: string): Promise<PagePlan> {
  const { DOMParser } = await import('linkedom');
  const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const outline: OutlineEntry[] = [];
  for (const el of Array.from(doc.querySelectorAll('[data-outline]'))) {
    // a heading without an id marks its section's (the element links point at)
    const id = el.getAttribute('id') || el.parentElement?.getAttribute('id');
    const level = Number(el.getAttribute('data-outline'));
    const title = oneLine(el.getAttribute('data-outline-title') ?? el.textContent ?? '');
    if (id && Number.isInteger(level) && level >= 1 && title) outline.push({ id, level, title });
  }
  const pageRefs = [
    ...new Set(Array.from(doc.querySelectorAll('[data-page-of]'), (el) => el.getAttribute('data-page-of') ?? '')),
  ].filter(Boolean);
  return { outline, pageRefs };
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `html` with a link to every id (not displayed), so that Chromium writes a destination for each. */
export function withDestinations(html: string, ids: readonly string[]): string {
  if (ids.length === 0) return html;
  const links = `<div style="display:none">${ids.map((id) => `<a href="#${attr(id)}"></a>`).join('')}</div>`;
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + links : html.slice(0, at) + links + html.slice(at);
}

const PAGE_SLOT = /(<[^>]*\bdata-page-of="([^"]*)"[^>]*>)[^<]*(?=<)/g;
const unattr = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** `html` with each page slot holding its page number (`fill` for an id not placed: the first pass's stand-in). */
export function withPageNumbers(html: string, pages: ReadonlyMap<string, Landing>, fill = '0'): string {
  return html.replace(PAGE_SLOT, (_m, open: string, id: string) => {
    const landing = pages.get(unattr(id));
    return open + (landing ? String(landing.page) : fill);
  });
}

/** The named destinations of a printed PDF (the catalog's /Dests, or the /Names tree), by name. */
export async function landings(pdf: Uint8Array | PDFDocument): Promise<Map<string, Landing>> {
  const doc = pdf instanceof PDFDocument ? pdf : await loadPrinted(pdf);
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const out = new Map<string, Landing>();
  const add = (name: string, value: unknown) => {
    let dest = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (dest instanceof PDFDict) dest = dest.lookup(PDFName.of('D'));
    if (!(dest instanceof PDFArray)) return;
    const ref = dest.get(0);
    const page = ref instanceof PDFRef ? pageOf.get(ref.toString()) : undefined;
    if (!(ref instanceof PDFRef) || page === undefined) return;
    const num = (i: number) => {
      const v = dest.lookup(i);
      return v instanceof PDFNumber ? v.asNumber() : 0;
    };
    out.set(name, { page, pageRef: ref, x: num(2), y: num(3) });
  };
  const catalog = doc.catalog;
  const dests = catalog.lookup(PDFName.of('Dests'));
  if (dests instanceof PDFDict) for (const [k, v] of dests.entries()) add(k.decodeText(), v);
  const names = catalog.lookup(PDFName.of('Names'));
  const tree = names instanceof PDFDict ? names.lookup(PDFName.of('Dests')) : undefined;
  const walk = (node: unknown, depth: number) => {
    if (!(node instanceof PDFDict) || depth > 32) return;
    const leaf = node.lookup(PDFName.of('Names'));
    if (leaf instanceof PDFArray)
      for (let i = 0; i + 1 < leaf.size(); i += 2) {
        const k = leaf.lookup(i);
        if (k instanceof PDFString || k instanceof PDFHexString || k instanceof PDFName)
          add(k.decodeText(), leaf.get(i + 1));
      }
    const kids = node.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) walk(kids.lookup(i), depth + 1);
  };
  walk(tree, 0);
  return out;
}

export interface PagedPrint {
  pdf: Uint8Array;
  plan: PagePlan;
  /** where each bookmark and page reference landed in `pdf` */
  landings: Map<string, Landing>;
  passes: number;
}

const samePages = (ids: readonly string[], a: ReadonlyMap<string, Landing>, b: ReadonlyMap<string, Landing>) =>
  ids.every((id) => a.get(id)?.page === b.get(id)?.page);

/**
 * Prints `job` until the page numbers it shows are the pages its headings are on: twice, as the
 * slots are fixed-width; a third time only if a number still moved something.
 */
export async function printPaged(printer: Printer, job: PrintJob): Promise<PagedPrint> {
  const plan = await pagePlan(job.html);
  const html = withDestinations(job.html, [...new Set([...plan.outline.map((e) => e.id), ...plan.pageRefs])]);
  let shown = new Map<string, Landing>();
  let pdf = await printer.print({ ...job, html: withPageNumbers(html, shown) });
  let landed = await landings(pdf);
  let passes = 1;
  while (plan.pageRefs.length > 0 && !samePages(plan.pageRefs, shown, landed) && passes < 3) {
    shown = landed;
    pdf = await printer.print({ ...job, html: withPageNumbers(html, shown) });
    landed = await landings(pdf);
    passes++;
  }
  return { pdf, plan, landings: landed, passes };
}

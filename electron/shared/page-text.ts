/**
 * The pages of a paged text (each opened by a `[page N]` line, as PDFs and scans are stored) and one page's
 * text replaced: the core corrects a page with it, the reader edits one.
 */

/** A page's text in the whole text: [start, end), without its `[page N]` line and the blank lines around it. */
export interface PageSpan {
  page: number;
  /** the end of its `[page N]` line */
  marker: number;
  start: number;
  end: number;
}

export function pageSpans(text: string): PageSpan[] {
  const markers = [...text.matchAll(/^\[page (\d+)\]$/gm)];
  return markers.map((m, i) => {
    const marker = m.index + m[0].length;
    const regionEnd = i + 1 < markers.length ? markers[i + 1]!.index : text.length;
    const region = text.slice(marker, regionEnd);
    if (region.trim() === '') return { page: Number(m[1]), marker, start: marker, end: marker };
    const lead = /^\s*/.exec(region)![0].length;
    const trail = /\s*$/.exec(region)![0].length;
    return { page: Number(m[1]), marker, start: marker + lead, end: regionEnd - trail };
  });
}

export const pageSpan = (text: string, page: number): PageSpan | undefined =>
  pageSpans(text).find((s) => s.page === page);

/** `text` with page `page`'s words replaced by `body` (an empty page gets its blank line after the marker). */
export function withPage(text: string, span: PageSpan, body: string): string {
  const sep = span.start === span.end && body !== '' ? '\n\n' : '';
  const cut = body === '' ? span.marker : span.start;
  return text.slice(0, cut) + sep + body + text.slice(span.end);
}

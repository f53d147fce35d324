/**
 * What a page renderer takes and gives. The input is a captured page as any source can hand it over: a saved
 * HTML file (no resources), an MHTML file (its parts) or a web archive's record (its responses by URL). The
 * renderer answers every request from `resources` or refuses it: nothing is fetched.
 */
import { z } from 'zod';

export const PageResourceSchema = z.object({
  url: z.string().min(1),
  contentType: z.string(),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes'),
});
export type PageResource = z.infer<typeof PageResourceSchema>;

export const PageInputSchema = z.object({
  html: z.string(),
  /** the page's own address (relative links resolve against it); null: a made-up one on a reserved domain */
  baseUrl: z.string().url().nullable(),
  resources: z.array(PageResourceSchema),
});
export type PageInput = z.infer<typeof PageInputSchema>;

/** Where a page without an address of its own is shown from (.invalid never resolves, RFC 6761). */
export const NO_ADDRESS = 'https://page.aqiqat.invalid/';

/** Width of the window the page is laid out in: a common desktop width, as most pages are made for it. */
export const VIEW_WIDTH = 1280;
export const VIEW_HEIGHT = 900;
/** Taller pages are cut here (the record keeps their full height): a full-page PNG past this is megabytes of blank or repeat. */
export const MAX_HEIGHT = 15_000;
/** The PDF holds at most this many sheets, for the same reason. */
export const MAX_PDF_PAGES = 40;
/** How long a page may take to load its (local) resources and lay out. */
export const RENDER_TIMEOUT_MS = 15_000;
/** The thumbnail: the top of the page, at most this tall (the dossier shows it small), as JPEG of this quality. */
export const THUMB_HEIGHT = 1600;
export const THUMB_QUALITY = 60;
/** The PDF: A4 with backgrounds, as a browser's "Save as PDF" would print it. */
export const PDF_PAGE_RANGES = `1-${MAX_PDF_PAGES}`;

export interface RenderedPage {
  /** full-page PNG, VIEW_WIDTH wide, at most MAX_HEIGHT tall */
  png: Uint8Array;
  /** the page printed (A4, backgrounds), at most MAX_PDF_PAGES sheets */
  pdf: Uint8Array;
  /** the top of the page, small, as JPEG (RGB): for the dossier's source appendix */
  thumb: Uint8Array;
  width: number;
  height: number;
  /** the page's own height when it was taller than MAX_HEIGHT */
  fullHeight?: number | undefined;
  /** requests answered from the saved resources, and refused */
  served: number;
  refused: number;
  /** the browser and its version ("Chromium 150.0…") */
  engine: string;
}

/** Renders a captured page offline; the CLI and tests use Playwright's Chromium, the app its own (electron/page-renderer.ts). */
export interface PageRenderer {
  render(page: PageInput): Promise<RenderedPage>;
  close(): Promise<void>;
}

/** The page being rendered (renders run one at a time): what its requests are answered from, and their counts. */
export interface Serving {
  byUrl: ReturnType<typeof resourceMap>['byUrl'];
  served: number;
  refused: number;
}

/** A render's input checked: the URL to open, and what its requests are served from. */
export function servingOf(input: PageInput): { base: string; serving: Serving } {
  const { base, byUrl } = resourceMap(PageInputSchema.parse(input));
  return { base, serving: { byUrl, served: 0, refused: 0 } };
}

/** The captured height of a page laid out `cssHeight` tall (capped at MAX_HEIGHT), and its own. */
export function capturedHeight(cssHeight: number): { full: number; height: number } {
  const full = Math.max(1, Math.ceil(cssHeight));
  return { full, height: Math.min(full, MAX_HEIGHT) };
}

/** What a renderer captured, as the record keeps it. */
export function renderedPage(
  shots: { png: Uint8Array; pdf: Uint8Array; thumb: Uint8Array; engine: string },
  full: number,
  serving: Serving,
): RenderedPage {
  const { png, pdf, thumb, engine } = shots;
  return {
    png,
    pdf,
    thumb,
    width: VIEW_WIDTH,
    height: capturedHeight(full).height,
    ...(full > MAX_HEIGHT ? { fullHeight: full } : {}),
    served: serving.served,
    refused: serving.refused,
    engine,
  };
}

/** The resources by absolute URL (without fragment); the page itself is served at its base URL. */
export function resourceMap(page: PageInput): {
  base: string;
  byUrl: Map<string, { contentType: string; bytes: Uint8Array }>;
} {
  const base = page.baseUrl ?? NO_ADDRESS;
  const byUrl = new Map<string, { contentType: string; bytes: Uint8Array }>();
  for (const r of page.resources) {
    try {
      byUrl.set(withoutHash(new URL(r.url, base).href), { contentType: r.contentType, bytes: r.bytes });
    } catch {
      // a part whose address is not a URL cannot be asked for
    }
  }
  byUrl.set(withoutHash(base), {
    contentType: 'text/html; charset=utf-8',
    bytes: new TextEncoder().encode(page.html),
  });
  return { base, byUrl };
}

export const withoutHash = (url: string) => url.replace(/#.*$/s, '');

/**
 * What a renderer does with one request of the page: serve it from the saved resources, let a data: URL
 * carry its own bytes, answer a navigation away (a meta refresh, a frame's link) with 204 so that the page
 * that is there stays, or refuse it. Every renderer asks this, so they agree on what leaves: nothing.
 */
export type RequestAnswer =
  { kind: 'serve'; contentType: string; bytes: Uint8Array } | { kind: 'pass' } | { kind: 'empty' } | { kind: 'refuse' };

export function answerRequest(
  byUrl: ReadonlyMap<string, { contentType: string; bytes: Uint8Array }>,
  url: string,
  navigation: boolean,
): RequestAnswer {
  const found = byUrl.get(withoutHash(url));
  if (found) return { kind: 'serve', ...found };
  if (/^data:/i.test(url)) return { kind: 'pass' };
  if (navigation && /^https?:/i.test(url)) return { kind: 'empty' };
  return { kind: 'refuse' };
}

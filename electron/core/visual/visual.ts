/**
 * The visual copy of a saved page: made once at import (and by `render` for pages imported before), stored
 * beside the source as derived files named by their own SHA-256 (the source is never touched), and
 * recorded on the article. A page that does not render still imports; the article says why.
 */
import { createHash } from 'node:crypto';
import { AqiqatError, userMessage } from '../errors.js';
import { decodeHtml } from '../import/extract/html-decode.js';
import { WEB_ARCHIVE_EXTENSIONS } from '../../shared/formats.js';
import type { Article, DerivedFile, VisualCopy } from '../model.js';
import { writeContent } from '../storage/content-writes.js';
import { shardOf, sourceFile, type Layout } from '../storage/layout.js';
import type { ArchiveStore } from '../storage/store.js';
import type { PageInput, PageRenderer } from './page.js';

/** The source formats that are pages a browser can show: saved pages and web captures (their page with its captured resources). */
export const PAGE_EXTS: readonly string[] = ['html', 'htm', 'xhtml', 'mhtml', 'mht', ...WEB_ARCHIVE_EXTENSIONS];

export const isPage = (ext: string) => PAGE_EXTS.includes(ext);

/**
 * A saved page's bytes as the renderer takes them: HTML alone, MHTML with its parts, a web capture's page
 * (`page`: its URL, else the first it lists) with every resource captured beside it.
 */
export async function pageOf(
  bytes: Uint8Array,
  ext: string,
  name: string,
  url: string | null,
  page?: string | null,
): Promise<PageInput> {
  const http = (u: string | null | undefined) => (u && /^https?:\/\//i.test(u) ? u : null);
  if ((WEB_ARCHIVE_EXTENSIONS as readonly string[]).includes(ext)) {
    // warcio and linkedom are loaded only for a page that needs them (see *What loads at start*)
    const { capturedPage } = await import('../import/extract/web-archive.js');
    const captured = await capturedPage(bytes, name, { page: page ?? undefined });
    return {
      html: decodeHtml(captured.html, name),
      baseUrl: http(captured.url) ?? http(url),
      resources: captured.resources.map((r) => ({ url: r.url, contentType: r.contentType, bytes: r.bytes })),
    };
  }
  if (ext === 'mhtml' || ext === 'mht') {
    const { mhtmlPage } = await import('../import/extract/mhtml.js');
    const { html, location, resources } = mhtmlPage(bytes, name);
    return { html, baseUrl: http(location) ?? http(url), resources };
  }
  return { html: decodeHtml(bytes, name), baseUrl: http(url), resources: [] };
}

const sha256Hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The derived files of an article's visual copy, where they live. */
export function visualFiles(layout: Layout, a: Article): { file: string; sha256: string }[] {
  if (!a.visual) return [];
  return [a.visual.png, a.visual.pdf, a.visual.thumb].map((d) => ({
    file: sourceFile(layout, d.sha256, d.ext),
    sha256: d.sha256,
  }));
}

export type VisualOutcome = { visual: VisualCopy } | { visualFailed: { at: string; reason: string } };

/** Render and write the derived files (not the article): a failure is an outcome with its one line, not a throw. */
export async function makeVisual(
  store: ArchiveStore,
  page: () => Promise<PageInput>,
  renderer: PageRenderer,
  now = new Date(),
): Promise<VisualOutcome> {
  let rendered;
  try {
    rendered = await renderer.render(await page());
  } catch (e) {
    const reason = userMessage(e).split('\n')[0]!.slice(0, 500) || 'unknown failure';
    return { visualFailed: { at: now.toISOString(), reason } };
  }
  const derived = async (bytes: Uint8Array, ext: DerivedFile['ext']): Promise<DerivedFile> => {
    const sha256 = sha256Hex(bytes);
    await writeContent(store, sourceFile(store.layout, sha256, ext), bytes);
    return { sha256, ext, bytes: bytes.length };
  };
  const visual: VisualCopy = {
    renderedAt: now.toISOString(),
    engine: rendered.engine,
    png: { ...(await derived(rendered.png, 'png')), width: rendered.width, height: rendered.height },
    pdf: await derived(rendered.pdf, 'pdf'),
    thumb: await derived(rendered.thumb, 'jpg'),
    ...(rendered.fullHeight ? { fullHeight: rendered.fullHeight } : {}),
    served: rendered.served,
    refused: rendered.refused,
  };
  return { visual };
}

/** The one line an import or `render` says about a page's visual copy, or null when there is nothing to say. */
export function visualNote(a: Article): string | null {
  if (a.visualFailed && !a.visual) return `no visual copy of ${a.id}: ${a.visualFailed.reason}`;
  if (a.visual?.fullHeight)
    return `the visual copy of ${a.id} is cut at ${a.visual.png.height} of the page's ${a.visual.fullHeight} pixels`;
  return null;
}

export type RenderResult = { status: 'made' | 'exists' | 'failed'; article: Article };

/** `aqiqat render`: a visual copy for a page imported before, or again when `again`; audited when made. */
export async function renderArticle(
  store: ArchiveStore,
  article: Article,
  renderer: PageRenderer,
  again = false,
  now = new Date(),
): Promise<RenderResult> {
  if (!isPage(article.sourceExt))
    throw new AqiqatError('visual.not-a-page', { id: article.id, ext: article.sourceExt }, 'usage');
  if (article.visual && !again) return { status: 'exists', article };
  const bytes = await store.readContent(sourceFile(store.layout, article.sha256, article.sourceExt));
  const outcome = await makeVisual(
    store,
    () =>
      pageOf(
        bytes,
        article.sourceExt,
        article.sourceName ?? article.id,
        article.url,
        article.capture?.machine.warcTargetUri,
      ),
    renderer,
    now,
  );
  if ('visualFailed' in outcome)
    throw new AqiqatError('visual.failed', { id: article.id, reason: outcome.visualFailed.reason });
  const shard = await store.articleShard(shardOf(article.id));
  const stored = shard.data.articles.find((a) => a.id === article.id);
  if (!stored) throw new AqiqatError('article.not-found', { ref: article.id }, 'not-found');
  const previous = { ...stored };
  stored.visual = outcome.visual;
  delete stored.visualFailed;
  await store.save(shard);
  await store.emit({ type: 'visual-made', article: stored, previous });
  return { status: 'made', article: stored };
}

/** The largest PNG the reader is sent (as base64, a third more): a tall page of photographs can pass it. */
export const MAX_READER_PNG_BYTES = 24 * 1024 * 1024;

/** The PNG of an article's visual copy as a data URL, for the reader (the renderer has no files); null: none. */
export async function visualImage(
  store: ArchiveStore,
  article: Article,
  maxBytes = MAX_READER_PNG_BYTES,
): Promise<{
  dataUrl: string;
  width: number;
  height: number;
  fullHeight: number | null;
  sha256: string;
  pdfSha256: string;
  renderedAt: string;
  engine: string;
} | null> {
  const v = article.visual;
  if (!v) return null;
  const mb = (n: number) => Math.max(0.1, Math.round(n / (1024 * 1024) / 0.1) / 10);
  // checked on the record first, so a huge file is never read into memory
  if (v.png.bytes > maxBytes)
    throw new AqiqatError('visual.too-large', { id: article.id, mb: mb(v.png.bytes), max: mb(maxBytes) });
  const png = await store.readContent(sourceFile(store.layout, v.png.sha256, 'png'));
  return {
    dataUrl: `data:image/png;base64,${png.toString('base64')}`,
    width: v.png.width,
    height: v.png.height,
    fullHeight: v.fullHeight ?? null,
    sha256: v.png.sha256,
    pdfSha256: v.pdf.sha256,
    renderedAt: v.renderedAt,
    engine: v.engine,
  };
}

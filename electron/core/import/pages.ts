/**
 * The original page beside its text: page N of an article's source file as an image (a data: address,
 * which the window's content policy allows and every transport carries as a string).
 */
import { AqiqatError } from '../errors.js';
import { sourceFile } from '../storage/layout.js';
import type { ArchiveStore } from '../storage/store.js';
import { findArticle } from './articles.js';

export interface ArticlePage {
  id: string;
  page: number;
  /** how many pages the source file has */
  pages: number;
  mime: string;
  /** data:<mime>;base64,… */
  dataUrl: string;
}

export async function articlePage(store: ArchiveStore, idOrPrefix: string, page: number): Promise<ArticlePage> {
  const article = await findArticle(store, idOrPrefix);
  const bytes = await store.readContent(sourceFile(store.layout, article.sha256, article.sourceExt));
  const name = article.sourceName ?? `source.${article.sourceExt}`;
  // the image decoders and the PNG encoder are loaded when a page is shown, not at start
  const { originalPage } = await import('./extract/original-page.js');
  const shown = await originalPage(new Uint8Array(bytes), `source.${article.sourceExt}`, page).catch((e: unknown) => {
    // the file imported once; what fails now is named by the article, not a temporary name
    if (e instanceof AqiqatError) throw new AqiqatError('article.page-unreadable', { id: article.id, name }, 'archive');
    throw e;
  });
  if (page > shown.pages)
    throw new AqiqatError('article.no-page', { id: article.id, page, pages: shown.pages }, 'usage');
  if (!shown.image) throw new AqiqatError('article.page-no-image', { id: article.id, page }, 'usage');
  const { mime, bytes: image } = shown.image;
  return {
    id: article.id,
    page,
    pages: shown.pages,
    mime,
    dataUrl: `data:${mime};base64,${Buffer.from(image).toString('base64')}`,
  };
}

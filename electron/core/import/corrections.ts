/**
 * A page of an OCR article corrected by hand, or put back to the machine's reading. The machine's text stays
 * in its content file (`ocr.machineTextSha256`); the article's text becomes the machine's with the corrected
 * pages in it, a new content file. The original file is never touched. Facts quoting the page are found again
 * in the corrected page; one whose quote is gone is flagged (`quoteLost`), not deleted.
 */
import { createHash } from 'node:crypto';
import { AqiqatError } from '../errors.js';
import type { Article, Fact, PageCorrection } from '../model.js';
import { ownFingerprint } from '../protection/identity.js';
import { writeContent } from '../storage/content-writes.js';
import { shardOf, textFile } from '../storage/layout.js';
import type { ArchiveStore } from '../storage/store.js';
import { normalizeText } from '../../shared/text.js';
import { findArticle, readArticleText } from './articles.js';
import { anchorAt } from '../annotation/anchor.js';
import { moveAnchor, movedRanges } from './page-text.js';
import { pageSpan, withPage, type PageSpan } from '../../shared/page-text.js';

/** A page of a scan is a few thousand characters; this stops a wrong file pasted in. */
export const MAX_PAGE_TEXT = 100_000;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export interface CorrectionResult {
  article: Article;
  page: number;
  reverted: boolean;
  /** facts found again in the corrected page */
  moved: string[];
  /** facts whose quote is no longer in the page (flagged) */
  lost: string[];
}

/** The page's text as corrected: normalised, not empty, not too long, without a `[page N]` line of its own. */
export function checkPageText(page: number, raw: string): string {
  const text = normalizeText(raw);
  if (text === '') throw new AqiqatError('correct.empty', { page }, 'usage');
  if (text.length > MAX_PAGE_TEXT)
    throw new AqiqatError('correct.too-long', { page, length: text.length, limit: MAX_PAGE_TEXT }, 'usage');
  if (/^\[page \d+\]$/m.test(text)) throw new AqiqatError('correct.page-line', { page }, 'usage');
  return text;
}

/** Correct page `page` with `text`, or (`text` null) put back the machine's reading of it. */
export async function correctPage(
  store: ArchiveStore,
  idOrPrefix: string,
  page: number,
  text: string | null,
  now = new Date(),
): Promise<CorrectionResult> {
  const found = await findArticle(store, idOrPrefix);
  const ocr = found.ocr;
  if (!ocr) throw new AqiqatError('correct.not-ocr', { id: found.id }, 'usage');
  if (!ocr.pages.some((p) => p.page === page))
    throw new AqiqatError(
      'correct.page-not-ocr',
      { id: found.id, page, read: ocr.pages.map((p) => p.page).join(', ') },
      'usage',
    );
  const body = text === null ? null : checkPageText(page, text);
  const corrections = ocr.corrections ?? [];
  const earlier = corrections.find((c) => c.page === page);
  if (body === null && !earlier) throw new AqiqatError('correct.not-corrected', { id: found.id, page }, 'usage');

  const oldText = await readArticleText(store, found);
  const machineSha = ocr.machineTextSha256 ?? found.textSha256;
  const machineText =
    machineSha === found.textSha256 ? oldText : await readArticleText(store, { ...found, textSha256: machineSha });
  const before = pageSpan(oldText, page);
  const machineSpan = pageSpan(machineText, page);
  if (!before || !machineSpan) throw new AqiqatError('article.text-missing', { id: found.id }, 'archive');
  const oldBody = oldText.slice(before.start, before.end);
  const machineBody = machineText.slice(machineSpan.start, machineSpan.end);
  const newBody = body ?? machineBody;
  // the machine's own words typed back are no correction: the page is put back
  const keeps = body !== null && body !== machineBody;
  if (newBody === oldBody && (keeps || !earlier))
    return { article: found, page, reverted: body === null, moved: [], lost: [] };
  const newText = withPage(oldText, before, newBody);
  const after = pageSpan(newText, page)!;

  const by = await ownFingerprint(store);
  const lowOf = ocr.pages.find((p) => p.page === page)!.lowConfidence;
  const kept = corrections.filter((c) => c.page !== page);
  const correction: PageCorrection | null = !keeps
    ? null
    : {
        page,
        at: now.toISOString(),
        ...(by ? { by } : {}),
        machineSha256: earlier?.machineSha256 ?? sha256(oldBody),
        textSha256: sha256(body),
        machineLowConfidence:
          earlier?.machineLowConfidence ??
          lowOf
            .filter(([s, e]) => s >= before.start && e <= before.end)
            .map(([s, e]) => [s - before.start, e - before.start]),
      };
  const nextCorrections = [...kept, ...(correction ? [correction] : [])].sort((a, b) => a.page - b.page);
  const pages = ocr.pages.map((p) => ({
    ...p,
    lowConfidence: [
      ...movedRanges(p.lowConfidence, before, after),
      ...(p.page === page && !correction
        ? earlier!.machineLowConfidence.map(([s, e]) => [s + after.start, e + after.start] as [number, number])
        : []),
    ],
  }));
  const newSha = sha256(newText);
  const stillCorrected = nextCorrections.length > 0;
  const { machineTextSha256: _m, corrections: _c, ...ocrRest } = ocr;

  const shard = await store.articleShard(shardOf(found.id));
  const article = shard.data.articles.find((a) => a.id === found.id) ?? found;
  const previous = structuredClone(article);
  article.textSha256 = newSha;
  article.textLength = newText.length;
  article.ocr = {
    ...ocrRest,
    pages,
    ...(stillCorrected ? { machineTextSha256: machineSha, corrections: nextCorrections } : {}),
  };

  const factShard = await store.factShard(shardOf(found.id));
  const moved: string[] = [];
  const lost: string[] = [];
  const facts = factShard.data.facts.filter((f) => f.articleId === found.id);
  for (const f of facts) placeFact(f, newText, before, after, page, now, moved, lost);

  // the text before the metadata that names it; the machine's text is already there
  await writeContent(store, textFile(store.layout, newSha), newText);
  // offsets after the page moved too
  if (facts.length > 0) await store.save(factShard);
  await store.save(shard);
  await store.emit({
    type: 'article-text-corrected',
    article,
    previous,
    page,
    before: sha256(oldBody),
    after: sha256(newBody),
    reverted: body === null,
    lost,
  });
  return { article, page, reverted: body === null, moved, lost };
}

/** A fact of the article after page `page` changed: moved with the text, found again on the page, or flagged. */
function placeFact(
  f: Fact,
  newText: string,
  before: PageSpan,
  after: PageSpan,
  page: number,
  now: Date,
  moved: string[],
  lost: string[],
): void {
  if (f.quoteLost) {
    if (f.quoteLost.page !== page) return;
    // a quote lost on this page may be back (a revert, or the word put right again)
    const at = newText.slice(after.start, after.end).indexOf(f.anchor.exact);
    if (at < 0) {
      lost.push(f.id);
      return;
    }
    f.anchor = anchorAt(newText, after.start + at, after.start + at + f.anchor.exact.length);
    delete f.quoteLost;
    moved.push(f.id);
    return;
  }
  const m = moveAnchor(f.anchor, newText, before, after);
  if ('lost' in m) {
    f.quoteLost = { page, at: now.toISOString() };
    lost.push(f.id);
    return;
  }
  const onPage = f.anchor.end > before.start && f.anchor.start < before.end;
  f.anchor = m.anchor;
  if (onPage) moved.push(f.id);
}

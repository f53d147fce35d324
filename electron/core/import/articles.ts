/**
 * Import pipeline: read → hash → dedupe → extract text → normalise → store.
 * Content files are written before the metadata that names them, so a crash leaves at most an
 * unreferenced file, never an article without its text.
 */
import { createHash } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDay } from '../../shared/dates.js';
import { AqiqatError, userMessage } from '../errors.js';
import { articleIdFor, pageArticleId } from '../storage/ids.js';
import { shardOf, sourceFile, textFile, textShas } from '../storage/layout.js';
import { maxImportBytes } from './limits.js';
import type { Article, Case, Fact, Language, OtherSource } from '../model.js';
import type { ArchiveStore } from '../storage/store.js';
import { detectLanguage, normalizeText, titleFromText } from '../../shared/text.js';
import { isWebArchive } from '../../shared/formats.js';
import { canImport, extensionOf } from './extract/index.js';
import { extractIsolated } from './extract/isolated.js';
import type { OcrChoice } from './extract/index.js';
import type { Extracted } from './extract/types.js';
import { parseNoted } from './extract/unfinished.js';
import { findSameText, rememberText, textKey } from './same-text.js';
import { readContent, writeContent } from '../storage/content-writes.js';
import { parseSourceType } from '../../shared/provenance.js';
import { unlinkCorroborations } from '../annotation/verification.js';
import type { PageRenderer } from '../visual/page.js';
import { isPage, makeVisual, pageOf, visualFiles } from '../visual/visual.js';

/** Larger files are refused: a news article is kilobytes; this stops a wrong file early (limits.ts: AQIQAT_MAX_IMPORT_MB). */
export const MAX_IMPORT_BYTES = maxImportBytes();

export interface ImportInput {
  bytes: Uint8Array;
  /** file name (for the extension and messages), or "stdin" / "pasted text" */
  name: string;
  title?: string | undefined;
  url?: string | undefined;
  publishedAt?: string | undefined;
  publisher?: string | undefined;
  lang?: Language | undefined;
  /** how scans and photos are read (default: auto, Kazakh + Russian + English) */
  ocr?: OcrChoice | undefined;
  /** before each page read by OCR */
  onPage?: ((page: number, pages: number) => void) | undefined;
  /** Cancel: the file stops being read and nothing of it is written */
  signal?: AbortSignal | undefined;
  /** provenance: what kind of source it is (checked before anything is written) */
  sourceType?: string | undefined;
  /** the file's own modification time, as the file system recorded it (machine-recorded) */
  fileModifiedAt?: string | undefined;
  /** a web archive (.warc, .warc.gz, .wacz): the URL of the captured page to import (default: the first listed) */
  page?: string | undefined;
  /** renders a saved page's visual copy (core/visual/); absent: none is made */
  renderer?: PageRenderer | undefined;
}

/** linked: the same text as an article already here; this file was added to it as another source. */
export interface ImportResult {
  status: 'imported' | 'duplicate' | 'linked';
  article: Article;
  /** a web capture: the page of it this article is (the URL asked for, or the first the capture lists) */
  page?: string | undefined;
  /** a WACZ imported whole: each other page it lists, in its order (a page that fails says why) */
  otherPages?: PageOutcome[] | undefined;
}

export type PageOutcome =
  | { page: string; status: ImportResult['status']; article: Article }
  | { page: string; status: 'failed'; error: string };

/** One capture file may hold several pages: each is its own article, named by the file's hash and the page's URL. */

export const sha256Hex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

export async function readImportFile(file: string): Promise<ImportInput> {
  let bytes: Buffer;
  let fileModifiedAt: string | undefined;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new AqiqatError('import.not-a-file', { file });
    if (info.size > MAX_IMPORT_BYTES)
      throw new AqiqatError('import.too-big', { name: file, size: mib(info.size), limit: mib(MAX_IMPORT_BYTES) });
    bytes = await readFile(file);
    fileModifiedAt = info.mtime.toISOString();
  } catch (e) {
    if (e instanceof AqiqatError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'ENOENT'
      ? new AqiqatError('file.no-such', { file })
      : new AqiqatError('file.unreadable', { file, reason: (e as Error).message });
  }
  return { bytes, name: path.basename(file), fileModifiedAt };
}

/** Megabytes, one decimal: the texts add the unit. */
const mib = (n: number) => (n / 1024 / 1024).toFixed(1);

function checkUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    if (!['http:', 'https:'].includes(u.protocol)) throw new Error();
    return u.toString();
  } catch {
    throw new AqiqatError('import.bad-url', { url }, 'usage');
  }
}

export async function importArticle(store: ArchiveStore, input: ImportInput, now = new Date()): Promise<ImportResult> {
  const ext = extensionOf(input.name);
  if (!canImport(input.name)) {
    throw new AqiqatError('import.unsupported-format', { name: input.name, ext });
  }
  if (input.bytes.length > MAX_IMPORT_BYTES) {
    throw new AqiqatError('import.too-big', {
      name: input.name,
      size: mib(input.bytes.length),
      limit: mib(MAX_IMPORT_BYTES),
    });
  }
  // Validate every option before anything is written.
  const url = input.url ? checkUrl(input.url) : null;
  const publishedAt = input.publishedAt ? parseDay(input.publishedAt) : null;
  const title = input.title?.trim();
  if (input.title !== undefined && !title) throw new AqiqatError('import.title-empty', {}, 'usage');
  const sourceType = input.sourceType === undefined ? undefined : parseSourceType(input.sourceType);
  const page = input.page?.trim() || undefined;
  if (page !== undefined && !isWebArchive(input.name))
    throw new AqiqatError('import.page-not-web-archive', { name: input.name }, 'usage');

  const sha256 = sha256Hex(input.bytes);
  // a WACZ without a page: every page it lists; the first one's URL (so its article's id) is known once it is read
  const whole = page === undefined && ext === 'wacz';
  if (!whole) {
    const id = page === undefined ? articleIdFor(sha256) : pageArticleId(sha256, page);
    const existing = await articleById(store, id);
    if (existing) return { status: 'duplicate', article: existing, ...(page ? { page } : {}) };
  }

  const extracted = await parseNoted(store, sourceFile(store.layout, sha256, ext), input.name, () =>
    extractIsolated(input.bytes, input.name, { ocr: input.ocr, onPage: input.onPage, signal: input.signal, page }),
  );
  if (!whole)
    return storeArticle(store, input, extracted, { sha256, ext, url, publishedAt, title, sourceType, page }, now);
  const pages = extracted.pageUrls ?? [];
  const first = pages[0];
  const firstId = first === undefined ? articleIdFor(sha256) : pageArticleId(sha256, first);
  const existing = await articleById(store, firstId);
  const result: ImportResult = existing
    ? { status: 'duplicate', article: existing, ...(first === undefined ? {} : { page: first }) }
    : await storeArticle(
        store,
        input,
        extracted,
        { sha256, ext, url, publishedAt, title, sourceType, page: first },
        now,
      );
  if (pages.length < 2) return result;
  const otherPages: PageOutcome[] = [];
  for (const other of pages.slice(1)) {
    if (input.signal?.aborted) throw new AqiqatError('import.cancelled', { name: input.name });
    try {
      // the title and address given are the first page's
      const r = await importArticle(store, { ...input, title: undefined, url: undefined, page: other }, now);
      otherPages.push({ page: other, status: r.status, article: r.article });
    } catch (e) {
      if (e instanceof AqiqatError && (e.kind === 'usage' || e.code === 'import.cancelled')) throw e;
      otherPages.push({ page: other, status: 'failed', error: userMessage(e) });
    }
  }
  return { ...result, otherPages };
}

async function articleById(store: ArchiveStore, id: string): Promise<Article | undefined> {
  return (await store.articleShard(shardOf(id))).data.articles.find((a) => a.id === id);
}

interface Checked {
  sha256: string;
  ext: string;
  url: string | null;
  publishedAt: string | null;
  title: string | undefined;
  sourceType: ReturnType<typeof parseSourceType> | undefined;
  /** a web capture's page, by the URL it is listed or asked for by (with the file's hash, its article's id) */
  page: string | undefined;
}

/** The parsed file as an article: deduplicated by text, its visual copy made, written (files before metadata). */
async function storeArticle(
  store: ArchiveStore,
  input: ImportInput,
  extracted: Extracted,
  { sha256, ext, url, publishedAt, title, sourceType, page }: Checked,
  now: Date,
): Promise<ImportResult> {
  const { text: raw, meta, ocr, capture: captured } = extracted;
  const id = page === undefined ? articleIdFor(sha256) : pageArticleId(sha256, page);
  const shard = await store.articleShard(shardOf(id));
  const onPage = page === undefined ? {} : { page };
  // a Cancel that came as the last page finished still writes nothing
  if (input.signal?.aborted) throw new AqiqatError('import.cancelled', { name: input.name });
  const text = normalizeText(raw);
  // OCR text comes normalised, its offsets into it; should normalising change it after all, they are dropped
  const ocrInfo = ocr && (text === raw ? ocr : { ...ocr, pages: ocr.pages.map((p) => ({ ...p, lowConfidence: [] })) });
  if (text === '') throw new AqiqatError('import.no-text', { name: input.name });
  const textSha256 = sha256Hex(text);
  const key = textKey(text);
  const same = await findSameText(store, key);
  if (same)
    return {
      ...(await linkSource(store, same, { sha256, ext, name: input.name, importedAt: now.toISOString() }, input.bytes)),
      ...onPage,
    };

  // the derived files before the metadata that names them, like the source and text
  const visual =
    input.renderer && isPage(ext)
      ? await makeVisual(
          store,
          () => pageOf(input.bytes, ext, input.name, url ?? meta.url ?? null, page),
          input.renderer,
          now,
        )
      : {};
  const article: Article = {
    id,
    title: title || meta.title || titleFromText(text),
    url: url ?? meta.url ?? null,
    publisher: input.publisher?.trim() || meta.publisher || null,
    publishedAt: publishedAt ?? meta.publishedAt ?? null,
    lang: input.lang ?? detectLanguage(text),
    sha256,
    sourceExt: ext,
    sourceName: input.name,
    textSha256,
    textLength: text.length,
    importedAt: now.toISOString(),
    tags: [],
    note: '',
    ...(meta.author ? { author: meta.author } : {}),
    textKey: key,
    ...(ocrInfo ? { ocr: ocrInfo } : {}),
    ...(sourceType ? { sourceType } : {}),
    ...(input.fileModifiedAt || captured || page !== undefined
      ? {
          capture: {
            asserted: {},
            machine: {
              ...(input.fileModifiedAt ? { fileModifiedAt: input.fileModifiedAt } : {}),
              ...captured,
              // with the file's hash, what names this page's article: kept so another archive can check the id
              ...(page === undefined || page.length > 4000 ? {} : { waczPage: page }),
            },
          },
        }
      : {}),
    ...visual,
  };
  await writeContent(store, sourceFile(store.layout, sha256, ext), input.bytes);
  await writeContent(store, textFile(store.layout, textSha256), text);
  shard.data.articles.push(article);
  await rememberText(store, key, article.id);
  await store.save(shard);
  await store.emit({ type: 'article-added', article });
  return { status: 'imported', article, ...onPage };
}

/** An article by id or by an unambiguous id prefix (at least 4 digits), like git. */
export async function findArticle(store: ArchiveStore, idOrPrefix: string): Promise<Article> {
  const want = idOrPrefix.trim().toLowerCase();
  if (!/^[0-9a-f]{4,64}$/.test(want)) throw new AqiqatError('article.bad-id', { ref: idOrPrefix }, 'usage');
  // a full SHA-256 of the source also names its article
  const { articles } = (await store.articleShard(shardOf(want))).data;
  const candidates = articles.filter((a) => a.id.startsWith(want) || (want.length === 64 && want.startsWith(a.id)));
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1)
    throw new AqiqatError('article.ambiguous', { ref: idOrPrefix, n: candidates.length }, 'usage');
  throw new AqiqatError('article.not-found', { ref: idOrPrefix }, 'not-found');
}

/**
 * The last text read, per archive: facts are added to one article after another, each re-reading its
 * text to anchor the quote. A text file is named by its hash, so a kept copy cannot go stale.
 */
const lastText = new WeakMap<ArchiveStore, { sha256: string; text: string }>();

export async function readArticleText(store: ArchiveStore, article: Article): Promise<string> {
  const kept = lastText.get(store);
  if (kept?.sha256 === article.textSha256) return kept.text;
  try {
    const text = (await readContent(store, textFile(store.layout, article.textSha256))).toString('utf8');
    lastText.set(store, { sha256: article.textSha256, text });
    return text;
  } catch (e) {
    if (e instanceof AqiqatError) throw e; // damaged, not missing
    throw new AqiqatError('article.text-missing', { id: article.id }, 'archive');
  }
}

/** Another file with the same text: kept as evidence and listed on the article, not a second article. */
async function linkSource(
  store: ArchiveStore,
  article: Article,
  source: OtherSource,
  bytes: Uint8Array,
): Promise<ImportResult> {
  const known =
    article.sha256 === source.sha256 || (article.otherSources ?? []).some((s) => s.sha256 === source.sha256);
  if (known) return { status: 'duplicate', article };
  await writeContent(store, sourceFile(store.layout, source.sha256, source.ext), bytes);
  const shard = await store.articleShard(shardOf(article.id));
  const stored = shard.data.articles.find((a) => a.id === article.id) ?? article;
  stored.otherSources = [...(stored.otherSources ?? []), source];
  await store.save(shard);
  return { status: 'linked', article: stored };
}

/** Change an article's language (detection is a guess; the researcher has the last word). */
export async function setArticleLanguage(store: ArchiveStore, idOrPrefix: string, lang: Language): Promise<Article> {
  const found = await findArticle(store, idOrPrefix);
  const shard = await store.articleShard(shardOf(found.id));
  const article = shard.data.articles.find((a) => a.id === found.id) ?? found;
  if (article.lang === lang) return article;
  const previous = { ...article };
  article.lang = lang;
  await store.save(shard);
  await store.emit({ type: 'article-updated', article, previous });
  return article;
}

/** What deleting an article takes with it: its facts, and the cases that hold some of them. */
export async function articleFootprint(
  store: ArchiveStore,
  idOrPrefix: string,
): Promise<{ article: Article; facts: Fact[]; cases: Case[] }> {
  const article = await findArticle(store, idOrPrefix);
  const facts = (await store.factShard(shardOf(article.id))).data.facts.filter((f) => f.articleId === article.id);
  const ids = new Set(facts.map((f) => f.id));
  const cases = store.meta.data.cases.filter((c) => c.factIds.some((id) => ids.has(id)));
  return { article, facts, cases };
}

/**
 * Delete an article with its facts. Cases first, then facts, then the article (each step a saved
 * file, so a crash midway leaves a state the same command finishes), and only then its text and
 * source files, those no other article names: a crash there leaves unreferenced files, never an
 * article without its text. Every fact removed and the article are told (audit log, search index).
 */
export async function deleteArticle(
  store: ArchiveStore,
  idOrPrefix: string,
): Promise<{ article: Article; facts: Fact[]; cases: Case[] }> {
  const { article, facts, cases } = await articleFootprint(store, idOrPrefix);
  const ids = new Set(facts.map((f) => f.id));
  const removed = cases.map((c) => ({ case: c, factIds: c.factIds.filter((id) => ids.has(id)) }));
  for (const c of cases) c.factIds = c.factIds.filter((id) => !ids.has(id));
  if (cases.length > 0) await store.save(store.meta);
  const unlinked = await unlinkCorroborations(store, ids);
  if (facts.length > 0) {
    const factShard = await store.factShard(shardOf(article.id));
    factShard.data.facts = factShard.data.facts.filter((f) => !ids.has(f.id));
    await store.save(factShard);
  }
  const shard = await store.articleShard(shardOf(article.id));
  shard.data.articles = shard.data.articles.filter((a) => a.id !== article.id);
  await store.save(shard);
  await removeUnreferenced(store, article);
  for (const r of removed)
    for (const factId of r.factIds) await store.emit({ type: 'case-fact-removed', case: r.case, factId });
  for (const u of unlinked) await store.emit({ type: 'fact-updated', ...u });
  for (const fact of facts) await store.emit({ type: 'fact-deleted', fact });
  await store.emit({ type: 'article-deleted', article, facts: facts.length });
  return { article, facts, cases };
}

/** The content files of a deleted article that no remaining article names (a same-text link shares none, but a hand-made archive might). */
async function removeUnreferenced(store: ArchiveStore, gone: Article): Promise<void> {
  const { layout } = store;
  const filesOf = (a: Article) => [
    sourceFile(layout, a.sha256, a.sourceExt),
    ...(a.otherSources ?? []).map((s) => sourceFile(layout, s.sha256, s.ext)),
    ...textShas(a).map((t) => textFile(layout, t)),
    ...visualFiles(layout, a).map((v) => v.file),
  ];
  const kept = new Set((await store.allArticles()).flatMap(filesOf));
  for (const file of filesOf(gone)) {
    if (kept.has(file)) continue;
    // under every name it may have (keyed, an older scheme's, the plain one an interrupted `aqiqat encrypt` left)
    for (const name of store.codec.candidates(file)) await rm(name, { force: true });
  }
}

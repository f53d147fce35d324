/**
 * Many files in one go: folders are walked (known extensions only), each file imports on its own (a bad
 * one fails alone with its reason), metadata is written once per chunk of files (store.batch), and a
 * cancel stops between files, keeping everything imported before it. A file is reported imported only
 * once the metadata naming it is on disk: a process killed mid-chunk has said nothing it then lost.
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { importArticle, readImportFile, type ImportInput } from './articles.js';
import { AqiqatError, userMessage } from '../errors.js';
import { canImport } from './extract/index.js';
import { deferContentSync, endContentDefer, flushContent } from '../storage/content-writes.js';
import type { Article } from '../model.js';
import type { ArchiveStore } from '../storage/store.js';

/** One article of a file (a WACZ gives one per page it lists, each with its `page`), or the file's failure. */
export interface BatchItem {
  file: string;
  page?: string;
  status: 'imported' | 'duplicate' | 'linked' | 'failed';
  article?: Article;
  error?: string;
}

export interface BatchSummary {
  /** files asked for, and files done */
  total: number;
  done: number;
  imported: number;
  duplicates: number;
  linked: number;
  failed: number;
  cancelled: boolean;
}

export interface BatchOptions {
  /** metadata for every file (title only makes sense for one) */
  defaults?: Omit<ImportInput, 'bytes' | 'name'>;
  /** each file's outcome, in order, once its chunk is saved */
  onItem?: (item: BatchItem, done: number, total: number) => void;
  /** each file as it has been read (a progress bar): not yet saved */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** files per metadata write: bounds the work a crash can lose */
  chunk?: number;
}

/**
 * The files to import: a file argument is taken as is (an unknown type then fails with its reason), a
 * folder contributes every file below it with a known extension, hidden files and folders skipped.
 */
export async function collectFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      throw new AqiqatError('import.folder-unreadable', {
        dir,
        reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
      });
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      // symlinked folders are not followed: no loops, no escaping the chosen folder
      if (entry.isDirectory()) await walk(full);
      else if (
        (entry.isFile() || (entry.isSymbolicLink() && (await stat(full).catch(() => null))?.isFile())) &&
        canImport(entry.name)
      )
        out.push(full);
    }
  };
  for (const p of paths) {
    const info = await lstat(p).catch(() => null);
    if (info?.isDirectory()) await walk(p);
    else out.push(p); // missing files fail later, one line each
  }
  return out;
}

/** `items`: one an article (a WACZ's pages each), so the counts are articles; `done` counts files. */
export function summarize(items: readonly BatchItem[], done: number, total: number, cancelled: boolean): BatchSummary {
  const count = (s: BatchItem['status']) => items.filter((i) => i.status === s).length;
  return {
    total,
    done,
    imported: count('imported'),
    duplicates: count('duplicate'),
    linked: count('linked'),
    failed: count('failed'),
    cancelled,
  };
}

export function summaryLine(s: BatchSummary): string {
  const parts = [`${s.imported} imported`, `${s.duplicates} already in the archive`];
  if (s.linked) parts.push(`${s.linked} linked to an article with the same text`);
  parts.push(`${s.failed} failed`);
  return `${parts.join(', ')} (${s.done} of ${s.total} files${s.cancelled ? '; cancelled' : ''})`;
}

/** Import `files` (paths, or "-" read by `stdin`); usage errors in the defaults stop everything. */
export async function importFiles(
  store: ArchiveStore,
  files: readonly string[],
  options: BatchOptions & { stdin?: () => Promise<Uint8Array> } = {},
): Promise<{ items: BatchItem[]; summary: BatchSummary }> {
  const items: BatchItem[] = [];
  const chunk = options.chunk ?? 200;
  let cancelled = false;
  let read = 0;
  let saved = 0;
  deferContentSync(store);
  try {
    for (let start = 0; start < files.length && !cancelled; start += chunk) {
      // each file's items (a WACZ: one a page)
      const outcomes: BatchItem[][] = [];
      await store.batch(async () => {
        for (const file of files.slice(start, start + chunk)) {
          if (options.signal?.aborted) {
            cancelled = true;
            break;
          }
          outcomes.push(await importOne(store, file, options));
          options.onProgress?.(++read, files.length);
        }
        // texts and sources on disk before the metadata naming them (written when this returns)
        await flushContent(store);
      });
      for (const outcome of outcomes) {
        saved++;
        for (const item of outcome) {
          items.push(item);
          options.onItem?.(item, saved, files.length);
        }
      }
    }
  } finally {
    await endContentDefer(store);
  }
  return { items, summary: summarize(items, saved, files.length, cancelled) };
}

async function importOne(
  store: ArchiveStore,
  file: string,
  options: BatchOptions & { stdin?: () => Promise<Uint8Array> },
): Promise<BatchItem[]> {
  try {
    const input: ImportInput =
      file === '-' && options.stdin ? { bytes: await options.stdin(), name: 'stdin' } : await readImportFile(file);
    const r = await importArticle(store, { ...options.defaults, ...input });
    const first: BatchItem = { file, ...(r.page ? { page: r.page } : {}), status: r.status, article: r.article };
    return [first, ...(r.otherPages ?? []).map((p): BatchItem => ({ file, ...p }))];
  } catch (e) {
    if (e instanceof AqiqatError && e.kind === 'usage') throw e;
    return [{ file, status: 'failed', error: userMessage(e) }];
  }
}

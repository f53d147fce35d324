/**
 * A batch of files imported one by one through the API (the work runs in the main process, so the
 * window stays responsive). Each file gets a job id: while it is read the queue polls which page OCR is
 * on (the contract has no push channel), and Cancel stops that file midway (nothing of it is written)
 * as well as the files after it, keeping everything already imported.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorCode, errorLine, type ImportResult } from '../../api.js';
import type { T } from '../../i18n/i18n.js';
import type { OcrChoice } from './OcrOptions.js';

/** How often a running file is asked for its page: a page takes seconds. */
const PROGRESS_POLL_MS = 400;

export interface Failure {
  name: string;
  reason: string;
}

export interface QueueState {
  running: boolean;
  total: number;
  done: number;
  current: string | null;
  imported: number;
  duplicates: number;
  linked: number;
  failures: Failure[];
  cancelled: boolean;
  /** title of the last article imported or matched */
  lastTitle: string | null;
  /** the page OCR is reading in the current file, of how many; null when it reads none */
  page: number | null;
  pages: number | null;
}

const IDLE: QueueState = {
  running: false,
  total: 0,
  done: 0,
  current: null,
  imported: 0,
  duplicates: 0,
  linked: 0,
  failures: [],
  cancelled: false,
  lastTitle: null,
  page: null,
  pages: null,
};

let jobs = 0;
/** Unique within this window's life: the core keeps a job only while its import runs. */
const newJobId = () => `w${Date.now().toString(36)}-${++jobs}`;

export function useImportQueue(onImported: (result: ImportResult) => void) {
  const [state, setState] = useState<QueueState | null>(null);
  const cancelRef = useRef(false);
  const jobRef = useRef<string | null>(null);
  // unmounted (the archive locked, the window moved on): stop before the next file, as Cancel does
  useEffect(
    () => () => {
      cancelRef.current = true;
    },
    [],
  );

  const run = useCallback(
    async (files: File[], ocr?: OcrChoice) => {
      if (files.length === 0) return;
      cancelRef.current = false;
      let s: QueueState = { ...IDLE, running: true, total: files.length };
      setState(s);
      let last: ImportResult | null = null;
      for (const file of files) {
        if (cancelRef.current) {
          s = { ...s, cancelled: true };
          break;
        }
        s = { ...s, current: file.name, page: null, pages: null };
        setState(s);
        const jobId = newJobId();
        jobRef.current = jobId;
        const poller = setInterval(() => {
          void api()
            .importProgress({ jobId })
            .then(
              (p) => {
                if (jobRef.current !== jobId || !p.running || p.page === null) return;
                s = { ...s, page: p.page, pages: p.pages };
                setState(s);
              },
              () => undefined, // a missed poll is only a stale page number
            );
        }, PROGRESS_POLL_MS);
        try {
          // the bytes go unchanged: the core hashes them as evidence
          const result = await api().importFile({
            name: file.name,
            bytes: new Uint8Array(await file.arrayBuffer()),
            jobId,
            ...(ocr ? { ocr: ocr.mode, ocrLanguages: [...ocr.languages] } : {}),
          });
          last = result;
          s = {
            ...s,
            lastTitle: result.article.title,
            imported: s.imported + (result.status === 'imported' ? 1 : 0),
            duplicates: s.duplicates + (result.status === 'duplicate' ? 1 : 0),
            linked: s.linked + (result.status === 'linked' ? 1 : 0),
          };
        } catch (err) {
          if (errorCode(err) === 'import.cancelled') {
            s = { ...s, cancelled: true, page: null, pages: null };
            break;
          }
          s = { ...s, failures: [...s.failures, { name: file.name, reason: errorLine(err) }] };
        } finally {
          clearInterval(poller);
          jobRef.current = null;
        }
        s = { ...s, done: s.done + 1, page: null, pages: null };
        setState(s);
      }
      setState({ ...s, running: false, current: null });
      if (last) onImported(last);
    },
    [onImported],
  );

  const cancel = useCallback(() => {
    cancelRef.current = true;
    // the file being read stops too (a scan takes seconds a page); what is done stays
    const jobId = jobRef.current;
    if (jobId)
      void api()
        .cancelImport({ jobId })
        .catch(() => undefined);
  }, []);
  const dismiss = useCallback(() => setState(null), []);
  return { state, run, cancel, dismiss };
}

/** "3 imported, 1 already in the archive, 1 failed" — or one file's own result. */
export function summaryText(s: QueueState, t: T): string {
  const lastTitle = s.lastTitle;
  if (s.total === 1 && s.failures.length === 0 && lastTitle) {
    return s.imported
      ? t('import.imported', { title: lastTitle })
      : s.linked
        ? t('import.linked', { title: lastTitle })
        : t('import.duplicate', { title: lastTitle });
  }
  if (s.total === 1 && s.failures[0])
    return t('import.failed', { name: s.failures[0].name, reason: s.failures[0].reason });
  if (s.total === 1 && s.cancelled) return t('import.cancelledOne');
  const parts = [t('import.countImported', { n: s.imported }), t('import.countDuplicates', { n: s.duplicates })];
  if (s.linked) parts.push(t('import.countLinked', { n: s.linked }));
  parts.push(t('import.countFailed', { n: s.failures.length }));
  const summary = parts.join(', ');
  return s.cancelled ? t('import.cancelled', { summary, done: s.done, total: s.total }) : summary;
}

/**
 * A batch of files imported one by one through the API (the work runs in the main process, so the
 * window stays responsive); Cancel stops before the next file and keeps everything already imported.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorLine, type ImportResult } from '../../api.js';
import type { T } from '../../i18n/i18n.js';

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
};

export function useImportQueue(onImported: (result: ImportResult) => void) {
  const [state, setState] = useState<QueueState | null>(null);
  const cancelRef = useRef(false);
  // unmounted (the archive locked, the window moved on): stop before the next file, as Cancel does
  useEffect(
    () => () => {
      cancelRef.current = true;
    },
    [],
  );

  const run = useCallback(
    async (files: File[]) => {
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
        s = { ...s, current: file.name };
        setState(s);
        try {
          // the bytes go unchanged: the core hashes them as evidence
          const result = await api().importFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
          last = result;
          s = {
            ...s,
            lastTitle: result.article.title,
            imported: s.imported + (result.status === 'imported' ? 1 : 0),
            duplicates: s.duplicates + (result.status === 'duplicate' ? 1 : 0),
            linked: s.linked + (result.status === 'linked' ? 1 : 0),
          };
        } catch (err) {
          s = { ...s, failures: [...s.failures, { name: file.name, reason: errorLine(err) }] };
        }
        s = { ...s, done: s.done + 1 };
        setState(s);
      }
      setState({ ...s, running: false, current: null });
      if (last) onImported(last);
    },
    [onImported],
  );

  const cancel = useCallback(() => {
    cancelRef.current = true;
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
  const parts = [t('import.countImported', { n: s.imported }), t('import.countDuplicates', { n: s.duplicates })];
  if (s.linked) parts.push(t('import.countLinked', { n: s.linked }));
  parts.push(t('import.countFailed', { n: s.failures.length }));
  const summary = parts.join(', ');
  return s.cancelled ? t('import.cancelled', { summary, done: s.done, total: s.total }) : summary;
}

/**
 * A batch of files imported one by one through the API (the work runs in the main process, so the
 * window stays responsive); Cancel stops before the next file and keeps everything already imported.
 */
import { useCallback, useRef, useState } from 'react';
import { api, errorLine, type ImportResult } from '../../api.js';

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

const IDLE: QueueState = { running: false, total: 0, done: 0, current: null, imported: 0, duplicates: 0, linked: 0, failures: [], cancelled: false, lastTitle: null };

export function useImportQueue(onImported: (result: ImportResult) => void) {
  const [state, setState] = useState<QueueState | null>(null);
  const cancelRef = useRef(false);

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
export function summaryText(s: QueueState): string {
  const lastTitle = s.lastTitle;
  if (s.total === 1 && s.failures.length === 0 && lastTitle) {
    return s.imported ? `Imported “${lastTitle}”` : s.linked ? `Same text as “${lastTitle}”: added as another source` : `Already in the archive: “${lastTitle}”`;
  }
  if (s.total === 1 && s.failures[0]) return `Could not import ${s.failures[0].name}: ${s.failures[0].reason}`;
  const parts = [`${s.imported} imported`, `${s.duplicates} already in the archive`];
  if (s.linked) parts.push(`${s.linked} added as another source`);
  parts.push(`${s.failures.length} failed`);
  return `${parts.join(', ')}${s.cancelled ? ` — cancelled after ${s.done} of ${s.total} files` : ''}`;
}

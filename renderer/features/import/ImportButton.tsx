/**
 * Import: the "Import files" chooser (many files at once), "Paste text", and files or folders dropped
 * anywhere on the window, with the choices for scans (OCR mode and languages). A batch, or a scan read
 * page by page, shows its progress with Cancel (what is done stays) and ends with a summary that names
 * each failed file and why. Each file's bytes go to the core unchanged (it hashes
 * them as evidence), read as an ArrayBuffer, never as text the browser might re-encode.
 */
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ImportResult } from '../../api.js';
import { useI18n } from '../../i18n/i18n.js';
import { filesFromDrop } from './collect.js';
import { ACCEPT } from '../../../electron/shared/formats.js';
import { PasteDialog } from './PasteDialog.js';
import { OcrOptions, useOcrChoice } from './OcrOptions.js';
import { summaryText, useImportQueue } from './useImportQueue.js';
import './import.css';

/** A success message fades after this long; failures stay until dismissed or the next import. */
const DONE_MESSAGE_MS = 10_000;
/** A long failure list is cut; the count says how many there were. */
const FAILURES_SHOWN = 8;

export function ImportButton({ onImported }: { onImported: (result: ImportResult) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const { state, run, cancel, dismiss } = useImportQueue(onImported);
  const [pasting, setPasting] = useState(false);
  const [ocr, setOcr] = useOcrChoice();
  const dragging = useDropTarget(useCallback((files: File[]) => void run(files, ocr), [run, ocr]));

  useEffect(() => {
    if (!state || state.running || state.failures.length > 0) return;
    const timer = setTimeout(dismiss, DONE_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [state, dismiss]);

  const onFiles = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.currentTarget.files ?? []);
    // cleared at once so choosing the same file again fires another change (and reports the duplicate)
    e.currentTarget.value = '';
    void run(files, ocr);
  };

  const running = state?.running ?? false;
  return (
    <div className="import">
      <div className="import-buttons">
        <button type="button" onClick={() => setPasting(true)} disabled={running}>
          {t('import.paste')}
        </button>
        <button type="button" className="button-primary" disabled={running} onClick={() => input.current?.click()}>
          {t('import.files')}
        </button>
      </div>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        tabIndex={-1}
        aria-label={t('import.filesInput')}
        onChange={onFiles}
      />
      <OcrOptions choice={ocr} onChange={setOcr} disabled={running} />
      {/* Cancel from the start: a scan's first page takes seconds before its progress is known */}
      {state?.running && (
        <div className="import-progress">
          {state.total > 1 && <progress max={state.total} value={state.done} aria-label={t('import.progress')} />}
          {state.pages !== null && (
            <progress
              className="import-pages"
              max={state.pages}
              value={(state.page ?? 1) - 1}
              aria-label={t('import.pageProgress')}
            />
          )}
          <button type="button" onClick={cancel}>
            {t('import.cancel')}
          </button>
        </div>
      )}
      {/* Always present, so screen readers announce each new message in this live region. */}
      <p className={`import-status${state && !state.running && state.failures.length ? ' error' : ''}`} role="status">
        {!state
          ? ''
          : state.running
            ? [
                state.total > 1
                  ? t('import.importingOf', { n: state.done + 1, total: state.total, name: state.current ?? '' })
                  : t('import.importing'),
                state.page !== null && state.pages !== null
                  ? t('import.readingPage', { page: state.page, pages: state.pages })
                  : '',
              ]
                .filter(Boolean)
                .join(' · ')
            : summaryText(state, t)}
      </p>
      {state && !state.running && state.total > 1 && state.failures.length > 0 && (
        <ul className="import-failures" aria-label={t('import.failedFiles')}>
          {state.failures.slice(0, FAILURES_SHOWN).map((f, i) => (
            <li key={i}>
              {/* the core's reasons usually start with the file name already */}
              {f.reason.startsWith(f.name) ? (
                <>
                  <b>{f.name}</b>
                  {f.reason.slice(f.name.length)}
                </>
              ) : (
                <>
                  <b>{f.name}</b>: {f.reason}
                </>
              )}
            </li>
          ))}
          {state.failures.length > FAILURES_SHOWN && (
            <li>{t('import.more', { n: state.failures.length - FAILURES_SHOWN })}</li>
          )}
        </ul>
      )}
      {/* after the list, not one of its items: it is not a failed file */}
      {state && !state.running && state.total > 1 && state.failures.length > 0 && (
        <button type="button" className="link-button import-dismiss" onClick={dismiss}>
          {t('import.dismiss')}
        </button>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>{t('import.drop')}</p>
        </div>
      )}
      <PasteDialog open={pasting} onClose={() => setPasting(false)} onImported={onImported} />
    </div>
  );
}

/** Files dropped anywhere on the window; true while something is dragged over it. */
function useDropTarget(onDrop: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      // without this the browser would open the dropped file in place of the app
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer || !hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void filesFromDrop(e.dataTransfer).then(onDrop);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [onDrop]);
  return dragging;
}

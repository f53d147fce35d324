/**
 * The text of one page read by OCR, open for correcting beside its original: Save sends it to the core
 * (kept beside the machine's reading, audited), Cancel leaves it as it was, and a corrected page can be
 * put back to the machine's reading.
 */
import { useState } from 'react';
import { api, errorLine } from '../../api.js';
import type { Output } from '../../../electron/api.js';
import { useI18n } from '../../i18n/i18n.js';

export function PageEditor({
  articleId,
  page,
  text,
  corrected,
  onDone,
}: {
  articleId: string;
  page: number;
  /** the page's text as the reader shows it now */
  text: string;
  /** the page is corrected already: it can be put back */
  corrected: boolean;
  /** null: cancelled */
  onDone: (result: Output<'correctPage'> | null) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (value: string | null) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await api().correctPage({ id: articleId, page, text: value }));
    } catch (e) {
      setError(errorLine(e));
      setBusy(false);
    }
  };
  return (
    <form
      className="reader-text page-editor"
      aria-label={t('reader.correctPage')}
      onSubmit={(e) => {
        e.preventDefault();
        void send(draft);
      }}
    >
      <label htmlFor="page-editor-text">{t('reader.correctText', { page })}</label>
      <p className="page-editor-hint">{t('reader.correctHint')}</p>
      <textarea
        id="page-editor-text"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        rows={Math.min(40, Math.max(8, text.split('\n').length + 4))}
        disabled={busy}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="page-editor-actions">
        <button type="submit" disabled={busy || draft === text}>
          {t('reader.correctSave')}
        </button>
        <button type="button" disabled={busy} onClick={() => onDone(null)}>
          {t('reader.correctCancel')}
        </button>
        {corrected && (
          <button type="button" disabled={busy} onClick={() => void send(null)}>
            {t('reader.correctRevert')}
          </button>
        )}
      </div>
    </form>
  );
}

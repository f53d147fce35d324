/**
 * "Paste text": an article copied from a browser, with the metadata the clipboard loses (title, URL,
 * date). The language is detected as the text is typed, and can be set by hand.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { detectLanguage } from '../../../electron/shared/text.js';
import { api, errorLine, type ImportResult } from '../../api.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/i18n.js';

const LANGUAGE_NAMES = {
  kk: 'lang.kk',
  ru: 'lang.ru',
  en: 'lang.en',
  other: 'paste.langOther',
} as const satisfies Record<string, MessageKey>;
type Lang = keyof typeof LANGUAGE_NAMES;

export function PasteDialog({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (r: ImportResult) => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [date, setDate] = useState('');
  const [lang, setLang] = useState<Lang | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const detected = useMemo(() => (text.trim() ? detectLanguage(text) : null), [text]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const reset = () => {
    setText('');
    setTitle('');
    setUrl('');
    setDate('');
    setLang('');
    setError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('paste.empty'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await api().importFile({
        name: 'pasted text',
        bytes: new TextEncoder().encode(text),
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(url.trim() ? { url: url.trim() } : {}),
        ...(date ? { publishedAt: date } : {}),
        ...(lang ? { lang } : {}),
      });
      reset();
      onClose();
      onImported(result);
    } catch (err) {
      setError(errorLine(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog paste-dialog" aria-labelledby="paste-title" onClose={onClose}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <h2 id="paste-title">{t('paste.title')}</h2>
        <label className="dialog-field paste-field paste-text">
          {t('paste.text')}
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={10}
            autoFocus
            placeholder={t('paste.textPlaceholder')}
          />
        </label>
        <div className="paste-row">
          <label className="dialog-field paste-field">
            {t('paste.titleLabel')}
            <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('paste.titlePlaceholder')} />
          </label>
          <label className="dialog-field paste-field">
            {t('paste.url')}
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
          </label>
        </div>
        <div className="paste-row">
          <label className="dialog-field paste-field">
            {t('paste.published')}
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label className="dialog-field paste-field">
            {t('paste.language')}
            <select
              aria-label={t('paste.language')}
              value={lang}
              onChange={(e) => setLang(e.target.value as Lang | '')}
            >
              <option value="">
                {detected ? t('paste.detected', { lang: t(LANGUAGE_NAMES[detected]) }) : t('paste.detect')}
              </option>
              {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
                <option key={code} value={code}>
                  {t(name)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {error && (
          <p className="paste-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions paste-actions">
          <button type="button" onClick={onClose}>
            {t('paste.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('paste.importing') : t('paste.import')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * "Paste text": an article copied from a browser, with the metadata the clipboard loses (title, URL,
 * date). The language is detected as the text is typed, and can be set by hand.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { detectLanguage } from '../../../electron/archive/text.js';
import { api, errorLine, type ImportResult } from '../../api.js';

const LANGUAGE_NAMES = { kk: 'Kazakh', ru: 'Russian', en: 'English', other: 'Other' } as const;
type Lang = keyof typeof LANGUAGE_NAMES;

export function PasteDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: (r: ImportResult) => void }) {
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
      setError('Paste the article’s text first.');
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
    <dialog ref={ref} className="paste-dialog" aria-labelledby="paste-title" onClose={onClose}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <h2 id="paste-title">Paste an article</h2>
        <label className="paste-field paste-text">
          Article text
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={10} autoFocus placeholder="Paste the article’s text here" />
        </label>
        <div className="paste-row">
          <label className="paste-field">
            Title
            <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Default: the first line" />
          </label>
          <label className="paste-field">
            Web address
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
          </label>
        </div>
        <div className="paste-row">
          <label className="paste-field">
            Published
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label className="paste-field">
            Language
            <select aria-label="Language" value={lang} onChange={(e) => setLang(e.target.value as Lang | '')}>
              <option value="">{detected ? `Detected: ${LANGUAGE_NAMES[detected]}` : 'Detect from the text'}</option>
              {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
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
        <div className="paste-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

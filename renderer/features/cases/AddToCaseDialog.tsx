/**
 * "Add to case…" for one fact found elsewhere than in the reader (a search hit): choose an existing case,
 * or name a new one, in a modal dialog. Cases that already hold the fact are shown but cannot be chosen.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, errorLine } from '../../api.js';
import type { CaseSummary } from '../../../electron/api.js';
import { useI18n } from '../../i18n/i18n.js';
import './add-to-case.css';

const NEW_CASE = '__new__';

interface Props {
  factId: string;
  /** what the user recognises the fact by: its quote (or a snippet of it) and its article */
  quote: string;
  source: string;
  /** the dialog is done: `message` names the case the fact went to, null if cancelled */
  onDone: (message: string | null) => void;
}

export function AddToCaseDialog({ factId, quote, source, onDone }: Props) {
  const { t } = useI18n();
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleField = useRef<HTMLInputElement>(null);
  const caseField = useRef<HTMLSelectElement>(null);
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [choice, setChoice] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Cancel, Escape and success each end the dialog; the parent hears of it once.
  const ended = useRef(false);
  const end = (message: string | null) => {
    if (ended.current) return;
    ended.current = true;
    onDone(message);
  };

  useEffect(() => {
    dialog.current?.showModal();
    api()
      .listCases({})
      .then((found) => {
        setCases(found);
        if (found.length === 0) setChoice(NEW_CASE); // nothing to choose from: go straight to naming one
      })
      .catch((e: unknown) => setError(errorLine(e)));
  }, []);

  // the first field to fill, once the cases are there (while loading, the dialog holds only Cancel)
  useEffect(() => {
    if (cases === null) return;
    (choice === NEW_CASE ? titleField.current : caseField.current)?.focus();
  }, [cases, choice]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (choice === '') return setError(t('addToCase.chooseFirst'));
    if (choice === NEW_CASE && !title.trim()) {
      titleField.current?.focus();
      return setError(t('addToCase.needTitle'));
    }
    setBusy(true);
    setError(null);
    const isNew = choice === NEW_CASE;
    try {
      let caseId = choice;
      if (isNew) {
        const created = await api().createCase({ title: title.trim() });
        caseId = created.id;
        // should adding fail now, a second try goes to this case rather than creating another
        const { id, title: named, summary, status, createdAt, factIds } = created;
        setCases((known) => [...(known ?? []), { id, title: named, summary, status, createdAt, facts: factIds }]);
        setChoice(created.id);
      }
      const added = await api().addFactsToCase({ id: caseId, factIds: [factId] });
      end(t(isNew ? 'addToCase.created' : 'fact.addedToCase', { case: added.title }));
    } catch (err) {
      setError(errorLine(err));
      setBusy(false);
    }
  };

  return (
    // Escape closes a modal dialog natively; `onClose` turns that into a cancel.
    <dialog ref={dialog} className="dialog case-dialog" aria-labelledby={`${ids}-title`} onClose={() => end(null)}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <h2 id={`${ids}-title`}>{t('addToCase.title')}</h2>
        <figure className="case-dialog-fact">
          <blockquote>{quote}</blockquote>
          <figcaption>{source}</figcaption>
        </figure>
        <label className="dialog-field">
          {t('addToCase.case')}
          <select ref={caseField} value={choice} onChange={(e) => setChoice(e.target.value)} disabled={cases === null}>
            <option value="">{cases === null ? t('addToCase.loading') : t('fact.chooseCase')}</option>
            {cases?.map((c) => {
              const holds = c.facts.includes(factId);
              return (
                <option key={c.id} value={c.id} disabled={holds}>
                  {holds ? t('addToCase.holds', { title: c.title }) : c.title}
                </option>
              );
            })}
            <option value={NEW_CASE}>{t('addToCase.new')}</option>
          </select>
        </label>
        {choice === NEW_CASE && (
          <label className="dialog-field">
            {t('cases.newTitle')}
            <input ref={titleField} value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
        )}
        {error && (
          <p className="case-dialog-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="dialog-button" onClick={() => end(null)}>
            {t('fact.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={busy || cases === null}>
            {t('fact.addToCase')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

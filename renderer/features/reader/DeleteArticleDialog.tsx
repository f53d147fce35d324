/**
 * "Delete article…": a modal that says what goes with the article (how many facts, which cases lose
 * some) before anything is deleted. There is no undo, so the dialog asks first and names it all.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { api, errorLine, type ArticleDeletion, type ArticleDetail } from '../../api.js';
import { useI18n } from '../../i18n/i18n.js';

interface Props {
  detail: ArticleDetail;
  /** null: cancelled */
  onDone: (deleted: ArticleDeletion | null) => void;
}

export function DeleteArticleDialog({ detail, onDone }: Props) {
  const { t } = useI18n();
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [caseTitles, setCaseTitles] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { article, facts } = detail;
  const ended = useRef(false);
  const end = (deleted: ArticleDeletion | null) => {
    if (ended.current) return;
    ended.current = true;
    onDone(deleted);
  };

  useEffect(() => {
    dialog.current?.showModal();
    const held = new Set(facts.flatMap((f) => f.cases));
    api()
      .listCases({})
      .then((cases) => setCaseTitles(cases.filter((c) => held.has(c.id)).map((c) => c.title)))
      .catch((e: unknown) => setError(errorLine(e)));
  }, [facts]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      end(await api().deleteArticle({ id: article.id }));
    } catch (e) {
      setError(errorLine(e));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog delete-article-dialog"
      aria-labelledby={`${ids}-title`}
      onClose={() => end(null)}
    >
      <h2 id={`${ids}-title`}>{t('reader.deleteTitle')}</h2>
      <p className="delete-article-name">{article.title}</p>
      <p>{facts.length ? t('reader.deleteFacts', { n: facts.length }) : t('reader.deleteNoFacts')}</p>
      {facts.length > 0 && caseTitles !== null && (
        <p>
          {caseTitles.length
            ? t('reader.deleteCases', { cases: caseTitles.map((c) => `“${c}”`).join(', ') })
            : t('reader.deleteNoCases')}
        </p>
      )}
      <p>{t('reader.deleteFiles')}</p>
      {error && (
        <p className="dialog-status error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="dialog-button" onClick={() => end(null)} autoFocus>
          {t('fact.cancel')}
        </button>
        <button
          type="button"
          className="button-primary button-danger"
          disabled={busy || caseTitles === null}
          onClick={() => void confirm()}
        >
          {t('reader.deleteConfirm')}
        </button>
      </div>
    </dialog>
  );
}

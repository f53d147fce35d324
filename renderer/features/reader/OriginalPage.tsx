/**
 * The original page beside its text: page N of the source file as the core sends it (an image as it is,
 * a PDF page's or a TIFF page's scan as a PNG), to check the machine's reading against. The page follows
 * the quote the reader is at; the arrows move through the file.
 */
import { useEffect, useState } from 'react';
import { api, errorLine } from '../../api.js';
import type { Output } from '../../../electron/api.js';
import { useI18n } from '../../i18n/i18n.js';

type Shown = Output<'articlePage'>;

export function OriginalPage({
  articleId,
  page,
  onPage,
  onClose,
}: {
  articleId: string;
  page: number;
  onPage: (page: number) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<{ shown: Shown } | { error: string } | null>(null);
  useEffect(() => {
    let current = true;
    setState(null);
    api()
      .articlePage({ id: articleId, page })
      .then(
        (shown) => current && setState({ shown }),
        (e: unknown) => current && setState({ error: errorLine(e) }),
      );
    return () => {
      current = false;
    };
  }, [articleId, page]);
  const pages = state && 'shown' in state ? state.shown.pages : null;
  return (
    <aside className="original-page" aria-label={t('reader.original')}>
      <div className="original-head">
        <button
          type="button"
          onClick={() => onPage(page - 1)}
          disabled={page <= 1}
          aria-label={t('reader.originalPrev')}
        >
          ‹
        </button>
        <span>{pages ? t('reader.originalPageOf', { page, pages }) : t('reader.originalPage', { page })}</span>
        <button
          type="button"
          onClick={() => onPage(page + 1)}
          disabled={pages === null || page >= pages}
          aria-label={t('reader.originalNext')}
        >
          ›
        </button>
        <button type="button" className="original-close" onClick={onClose} aria-label={t('reader.originalClose')}>
          ×
        </button>
      </div>
      {!state ? (
        <p className="pane-message">{t('reader.originalLoading')}</p>
      ) : 'error' in state ? (
        <p className="pane-message error" role="alert">
          {state.error}
        </p>
      ) : (
        <img src={state.shown.dataUrl} alt={t('reader.originalAlt', { page })} />
      )}
    </aside>
  );
}

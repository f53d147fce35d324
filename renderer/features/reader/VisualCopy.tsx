/**
 * "As the page looked": the saved page's visual copy beside its text, the full-page PNG the core rendered
 * offline at import, with its SHA-256 so that it can be matched to the file in the archive.
 */
import { useEffect, useState } from 'react';
import { api, errorLine } from '../../api.js';
import type { Output } from '../../../electron/api.js';
import { useI18n } from '../../i18n/i18n.js';

type Shown = NonNullable<Output<'visualCopy'>>;

export function VisualCopy({ articleId, onClose }: { articleId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ shown: Shown } | { error: string } | null>(null);
  // fitted to the pane by default (the whole page at a glance); full size to read it
  const [full, setFull] = useState(false);
  useEffect(() => {
    let current = true;
    setState(null);
    api()
      .visualCopy({ id: articleId })
      .then(
        // the reader offers the copy only when the article records one; null means it went since
        (shown) => current && setState(shown ? { shown } : { error: t('reader.visualGone') }),
        (e: unknown) => current && setState({ error: errorLine(e) }),
      );
    return () => {
      current = false;
    };
  }, [articleId, t]);
  return (
    <aside className={`original-page visual-copy${full ? ' is-full' : ''}`} aria-label={t('reader.visual')}>
      <div className="original-head">
        <span>{t('reader.visual')}</span>
        <button
          type="button"
          aria-pressed={full}
          onClick={() => setFull((f) => !f)}
          disabled={!state || 'error' in state}
        >
          {t('reader.visualFullSize')}
        </button>
        <button type="button" className="original-close" onClick={onClose} aria-label={t('reader.visualClose')}>
          ×
        </button>
      </div>
      {!state ? (
        <p className="pane-message">{t('reader.visualLoading')}</p>
      ) : 'error' in state ? (
        <p className="pane-message error" role="alert">
          {state.error}
        </p>
      ) : (
        <>
          <dl className="visual-meta">
            <dt>{t('reader.visualHash')}</dt>
            <dd>
              <code>{state.shown.sha256}</code>
            </dd>
            <dd className="visual-made">
              {t('reader.visualMade', {
                at: `${state.shown.renderedAt.slice(0, 16).replace('T', ' ')} UTC`,
                engine: state.shown.engine,
              })}
              {state.shown.fullHeight !== null && (
                <> {t('reader.visualCut', { height: state.shown.height, full: state.shown.fullHeight })}</>
              )}
            </dd>
          </dl>
          <img
            src={state.shown.dataUrl}
            width={state.shown.width}
            height={state.shown.height}
            alt={t('reader.visualAlt')}
          />
        </>
      )}
    </aside>
  );
}

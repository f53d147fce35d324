/** Cases: the list (with "new case") and the open case with its summary and timeline. */
import { useCallback, useEffect, useState } from 'react';
import { api, errorLine } from '../../api.js';
import type { CaseSummary, CaseView, TimelineEntry } from '../../../electron/api.js';
import { CommunicationForm } from './CommunicationForm.js';
import { dateSortKey } from '../../../electron/shared/timeline.js';
import { ArticleLink } from '../../components/ArticleLink.js';
import { useI18n } from '../../i18n/i18n.js';
import { factHue } from '../reader/format.js';
import { Timeline } from './Timeline.js';
import { ShareCase } from '../team/ShareDialog.js';
import { useFactTypeLabel } from './useFactTypeLabel.js';
import './sections.css';

export function CasesSection({ onOpenArticle }: { onOpenArticle: (articleId: string, factId: string) => void }) {
  const { t } = useI18n();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => setCases(await api().listCases({})), []);
  useEffect(() => {
    reload().catch((e: unknown) => setError(errorLine(e)));
  }, [reload]);

  const create = async () => {
    try {
      const c = await api().createCase({ title });
      setTitle('');
      await reload();
      setOpenId(c.id);
    } catch (e) {
      setError(errorLine(e));
    }
  };

  return (
    <>
      <section className="list-pane" aria-label={t('section.cases')}>
        <header className="list-head">
          <h2 className="list-title">{t('cases.title')}</h2>
          <form
            className="form-row"
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <input
              aria-label={t('cases.newTitle')}
              placeholder={t('cases.newTitle')}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
            <button type="submit" disabled={!title.trim()}>
              {t('cases.create')}
            </button>
          </form>
          {error && (
            <p className="panel-error" role="alert">
              {error}
            </p>
          )}
        </header>
        {cases && cases.length === 0 && <p className="pane-message">{t('cases.empty')}</p>}
        <ul className="plain-list" aria-label={t('cases.title')}>
          {cases?.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={`plain-row${c.id === openId ? ' is-current' : ''}`}
                aria-current={c.id === openId ? 'true' : undefined}
                onClick={() => setOpenId(c.id)}
              >
                <span className="row-title">{c.title}</span>
                <span className="count">{t('cases.facts', { n: c.facts.length })}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <main className="detail-pane" key={openId ?? 'none'}>
        {openId ? (
          <CaseDetail id={openId} onChanged={() => void reload()} onOpenArticle={onOpenArticle} />
        ) : (
          <p className="pane-message detail-empty">{t('cases.choose')}</p>
        )}
      </main>
    </>
  );
}

function CaseDetail({
  id,
  onChanged,
  onOpenArticle,
}: {
  id: string;
  onChanged: () => void;
  onOpenArticle: (articleId: string, factId: string) => void;
}) {
  const { t, date } = useI18n();
  const typeLabel = useFactTypeLabel();
  const [view, setView] = useState<CaseView | null>(null);
  const [summary, setSummary] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api()
      .getCase({ id })
      .then((v) => {
        setView(v);
        setSummary(v.summary);
      })
      .catch((e: unknown) => setError(errorLine(e)));
  }, [id]);

  const run = async (work: () => Promise<CaseView>, message?: string) => {
    try {
      setView(await work());
      setError(null);
      if (message) setStatus(message);
      onChanged();
    } catch (e) {
      setError(errorLine(e));
    }
  };
  if (error && !view)
    return (
      <p className="pane-message error" role="alert">
        {error}
      </p>
    );
  if (!view) return null;

  const order = view.facts.map((f) => f.id);
  const swap = (i: number, j: number) => {
    const next = [...order];
    [next[i], next[j]] = [next[j]!, next[i]!];
    // facts no longer in the archive stay at the end of the stored order
    const rest = view.factIds.filter((x) => !next.includes(x));
    void run(() => api().reorderCase({ id, factIds: [...next, ...rest] }));
  };
  const sameDate = (a: TimelineEntry | undefined, b: TimelineEntry | undefined) =>
    !!a && !!b && dateSortKey(a.date) === dateSortKey(b.date);

  return (
    <article className="case-view" aria-labelledby="case-title">
      <div className="case-head">
        <h1 id="case-title">{view.title}</h1>
        <ShareCase caseId={view.id} title={view.title} />
      </div>
      <form
        className="summary-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => api().updateCase({ id, summary }), t('case.summarySaved'));
        }}
      >
        <label className="field">
          <span>{t('case.summary')}</span>
          <textarea value={summary} rows={3} onChange={(e) => setSummary(e.target.value)} />
        </label>
        <button type="submit" disabled={summary === view.summary}>
          {t('case.saveSummary')}
        </button>
        {status && (
          <span role="status" className="hint-inline">
            {status}
          </span>
        )}
      </form>
      {error && (
        <p className="panel-error" role="alert">
          {error}
        </p>
      )}
      <h2 className="case-h2">{t('case.timeline')}</h2>
      {view.facts.length === 0 ? (
        <div className="pane-message">
          <p>{t('case.noFacts')}</p>
          <p>{t('case.noFactsSearch')}</p>
        </div>
      ) : (
        <>
          <Timeline
            facts={view.facts}
            onPick={(fid) => document.getElementById(`entry-${fid}`)?.scrollIntoView({ block: 'center' })}
          />
          <p className="hint">{t('case.order')}</p>
          <ol className="case-facts" aria-label={t('case.timeline')}>
            {view.facts.map((f, i) => (
              <li key={f.id} id={`entry-${f.id}`} className="case-fact">
                <div className="case-fact-date">
                  <time className={f.date?.approximate ? 'is-approximate' : undefined}>
                    {f.date ? date(f.date) : t('case.undated')}
                  </time>
                </div>
                <div className="case-fact-body">
                  <span className={`fact-chip hue-${factHue(f.type)}`}>{typeLabel(f.type)}</span>
                  <span className={`status-chip status-${f.status}`}>{t(`status.${f.status}`)}</span>
                  <blockquote>{f.quote}</blockquote>
                  {f.people.length > 0 && (
                    <p className="case-fact-people">
                      {f.people.map((p) => (f.roles[p] ? `${p} (${t(`role.${f.roles[p]!}`)})` : p)).join(', ')}
                    </p>
                  )}
                  <p className="case-fact-source">
                    {t('case.source')}:{' '}
                    <ArticleLink article={f.article} onOpen={() => onOpenArticle(f.article.id, f.id)} />
                  </p>
                </div>
                <div className="case-fact-actions">
                  <button
                    type="button"
                    aria-label={t('case.moveUp', { quote: f.quote.slice(0, 40) })}
                    disabled={!sameDate(view.facts[i - 1], f)}
                    onClick={() => swap(i, i - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={t('case.moveDown', { quote: f.quote.slice(0, 40) })}
                    disabled={!sameDate(view.facts[i + 1], f)}
                    onClick={() => swap(i, i + 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={t('case.removeFact', { quote: f.quote.slice(0, 40) })}
                    onClick={() => void run(() => api().removeFactFromCase({ id, factId: f.id }))}
                  >
                    ×
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      <CommunicationForm
        key={`${view.id}:${view.facts.length}`}
        view={view}
        onSave={(patch) => void run(() => api().editCommunication({ id, ...patch }), t('case.un.saved'))}
      />
    </article>
  );
}

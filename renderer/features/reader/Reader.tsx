import { useEffect, useMemo, useState } from 'react';
import type { ArticleDetail } from '../../api.js';
import { FactMargin } from './FactMargin.js';
import { factHue, factTypeLabel, languageName, shortHash } from './format.js';
import { segmentText } from './segments.js';
import { useArticle } from './useArticle.js';
import './reader.css';

interface Props {
  id: string;
  /** a fact to bring into view once the article is shown (a search hit on a fact) */
  focusFactId: string | null;
}

export function Reader({ id, focusFactId }: Props) {
  const state = useArticle(id);
  if (state.status === 'loading') return <p className="pane-message">Opening the article…</p>;
  if (state.status === 'error') {
    return (
      <p className="pane-message error" role="alert">
        Could not open the article: {state.error}
      </p>
    );
  }
  return <ArticleView key={id} detail={state.detail} focusFactId={focusFactId} />;
}

function ArticleView({ detail, focusFactId }: { detail: ArticleDetail; focusFactId: string | null }) {
  const { article, text, facts } = detail;
  const { segments, unplaced } = useMemo(() => segmentText(text, facts), [text, facts]);
  const [activeFact, setActiveFact] = useState<string | null>(focusFactId);
  const lang = article.lang === 'other' ? undefined : article.lang;

  // A new search hit on a fact of this same article moves the focus to it.
  useEffect(() => {
    if (focusFactId) setActiveFact(focusFactId);
  }, [focusFactId]);

  useEffect(() => {
    if (activeFact) document.querySelector(`mark[data-facts~="${CSS.escape(activeFact)}"]`)?.scrollIntoView({ block: 'center' });
  }, [activeFact]);

  return (
    <article className="reader" aria-labelledby="reader-title">
      <header className="reader-head">
        <h1 id="reader-title" lang={lang}>
          {article.title}
        </h1>
        <p className="reader-meta" aria-label="Article details">
          {article.publisher && <span>{article.publisher}</span>}
          <span>{article.publishedAt ? <time dateTime={article.publishedAt}>{article.publishedAt}</time> : 'Undated'}</span>
          <span>{languageName(article.lang)}</span>
          <span title={`SHA-256 of the original file: ${article.sha256}`}>
            SHA-256 <code>{shortHash(article.sha256)}</code>
          </span>
        </p>
      </header>
      <div className="reader-body">
        <div className="reader-text" lang={lang}>
          {segments.map((s) =>
            s.facts.length === 0 ? (
              text.slice(s.start, s.end)
            ) : (
              <FactMark key={s.start} text={text.slice(s.start, s.end)} facts={s.facts} active={s.facts.some((f) => f.id === activeFact)} />
            ),
          )}
        </div>
        <FactMargin facts={facts} unplaced={unplaced} activeFact={activeFact} onPick={setActiveFact} />
      </div>
    </article>
  );
}

function FactMark({ text, facts, active }: { text: string; facts: ArticleDetail['facts']; active: boolean }) {
  // The innermost fact decides the colour: it is the most specific claim about this run of text.
  const inner = facts[facts.length - 1]!;
  return (
    <mark
      className={`fact hue-${factHue(inner.type)}${active ? ' is-active' : ''}`}
      data-facts={facts.map((f) => f.id).join(' ')}
      title={facts.map((f) => factTypeLabel(f.type)).join(', ')}
    >
      {text}
    </mark>
  );
}

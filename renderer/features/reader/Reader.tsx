import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, errorLine, type ArticleDeletion, type ArticleDetail, type FactView } from '../../api.js';
import { useI18n, type Say } from '../../i18n/i18n.js';
import { FactPanel, type PanelTarget } from '../annotate/FactPanel.js';
import { selectedRange, type Passage } from '../annotate/selection.js';
import { useCatalog } from '../annotate/useCatalog.js';
import { useReaderKeys } from '../annotate/useReaderKeys.js';
import { DeleteArticleDialog } from './DeleteArticleDialog.js';
import { SourcePanel } from './SourcePanel.js';
import { FactMargin } from './FactMargin.js';
import { factHue, factTypeLabel, shortHash } from './format.js';
import { locate, pageAt, segmentText } from './segments.js';
import { OriginalPage } from './OriginalPage.js';
import { VisualCopy } from './VisualCopy.js';
import { PageEditor } from './PageEditor.js';
import { pageSpan } from '../../../electron/shared/page-text.js';
import { useArticle } from './useArticle.js';
import './reader.css';

interface Props {
  id: string;
  /** a fact to bring into view once the article is shown (a search hit on a fact) */
  focusFactId: string | null;
  /** the article was deleted: the reader has nothing left to show */
  onDeleted: (deleted: ArticleDeletion) => void;
}

export function Reader({ id, focusFactId, onDeleted }: Props) {
  const [version, setVersion] = useState(0);
  const state = useArticle(id, version);
  const { t } = useI18n();
  if (state.status === 'loading') return <p className="pane-message">{t('reader.opening')}</p>;
  if (state.status === 'error') {
    return (
      <p className="pane-message error" role="alert">
        {t('reader.openError', { error: state.error })}
      </p>
    );
  }
  return (
    <ArticleView
      key={id}
      detail={state.detail}
      focusFactId={focusFactId}
      onChanged={() => setVersion((v) => v + 1)}
      onDeleted={onDeleted}
    />
  );
}

interface Toast {
  /** said when shown, so a language switch changes it too */
  say: Say;
  /** a deleted fact the toast offers to restore */
  undo?: FactView;
}

function ArticleView({
  detail,
  focusFactId,
  onChanged,
  onDeleted,
}: {
  detail: ArticleDetail;
  focusFactId: string | null;
  onChanged: () => void;
  onDeleted: (deleted: ArticleDeletion) => void;
}) {
  const { article, text, facts } = detail;
  const { t, lang: uiLang } = useI18n();
  const low = useMemo(() => article.ocr?.pages.flatMap((p) => p.lowConfidence) ?? [], [article.ocr]);
  const { segments, unplaced } = useMemo(() => segmentText(text, facts, low), [text, facts, low]);
  // the original page shown beside the text (scans only), or null
  const [original, setOriginal] = useState<number | null>(null);
  // the saved page's visual copy shown beside the text instead (one pane at a time)
  const [visual, setVisual] = useState(false);
  // the page whose text is open for correcting beside its original, or null
  const [editing, setEditing] = useState<number | null>(null);
  const [activeFact, setActiveFact] = useState<string | null>(focusFactId);
  const [panel, setPanel] = useState<PanelTarget | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const [deleting, setDeleting] = useState(false);
  // a passage selected while a fact is edited: offered as its new quote, not opened as a new fact
  const [selection, setSelection] = useState<Passage | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const catalog = useCatalog();
  const lang = article.lang === 'other' ? undefined : article.lang;
  // a highlight's tooltip names its type as the margin does: from the thesaurus, in the interface language
  const typeLabel = (type: string) =>
    catalog.factTypes.find((x) => x.id === type)?.labels[uiLang] ?? factTypeLabel(type);
  const published = article.publishedAt;

  const editFact = useCallback(
    (id: string) => {
      const fact = facts.find((f) => f.id === id);
      if (fact) setPanel({ mode: 'edit', fact, published });
    },
    [facts, published],
  );

  const onSelect = () => {
    const container = textRef.current;
    if (!container) return;
    const range = selectedRange(container, text);
    if (!range) return;
    const passage = { quote: text.slice(range.start, range.end), start: range.start };
    if (panel?.mode === 'edit') setSelection(passage);
    else setPanel({ mode: 'add', articleId: article.id, ...passage, published });
  };
  useEffect(() => setSelection(null), [panel]);

  const placed = useMemo(() => facts.filter((f) => !unplaced.includes(f)), [facts, unplaced]);
  /** The page of the quote the reader is at: the selected passage, else the current fact, else the first scanned page. */
  const pageHere = useCallback((): number => {
    const fact = facts.find((f) => f.id === activeFact);
    const at = selection?.start ?? (fact ? locate(text, fact)?.[0] : undefined);
    return at === undefined ? (article.ocr?.pages[0]?.page ?? 1) : pageAt(text, at);
  }, [facts, activeFact, selection, text, article.ocr]);
  const toggleOriginal = useCallback(() => {
    setVisual(false);
    setOriginal((o) => (o === null ? pageHere() : null));
  }, [pageHere]);
  const toggleVisual = useCallback(() => {
    setOriginal(null);
    setVisual((v) => !v);
  }, []);
  // an open original follows the fact the reader moves to
  useEffect(() => {
    const fact = facts.find((f) => f.id === activeFact);
    const at = fact && locate(text, fact);
    if (at) setOriginal((o) => (o === null ? o : pageAt(text, at[0])));
  }, [activeFact, facts, text]);
  const ocrPages = useMemo(() => (article.ocr?.pages ?? []).map((p) => p.page), [article.ocr]);
  const correctedPages = (article.ocr?.corrections ?? []).map((c) => c.page);
  const startCorrecting = () => {
    const here = original ?? pageHere();
    const page = ocrPages.includes(here) ? here : ocrPages[0];
    if (page === undefined) return;
    setPanel(null);
    setVisual(false);
    setOriginal(page);
    setEditing(page);
  };
  const editedSpan = editing === null ? undefined : pageSpan(text, editing);
  useReaderKeys({
    enabled: panel === null && editing === null,
    next: (step) => {
      if (placed.length === 0) return;
      const at = placed.findIndex((f) => f.id === activeFact);
      const i = at < 0 ? (step > 0 ? 0 : placed.length - 1) : (at + step + placed.length) % placed.length;
      setActiveFact(placed[i]!.id);
    },
    edit: () => activeFact && editFact(activeFact),
    original: article.ocr ? toggleOriginal : undefined,
    visual: article.visual ? toggleVisual : undefined,
  });

  const afterSave = (fact: FactView) => {
    setPanel(null);
    setActiveFact(fact.id);
    setToast({ say: (t) => t('fact.saved') });
    window.getSelection()?.removeAllRanges();
    void catalog.reload();
    onChanged();
  };
  const afterDelete = (fact: FactView) => {
    setPanel(null);
    setActiveFact(null);
    setToast({ say: (t) => t('fact.deleted'), undo: fact });
    onChanged();
  };
  const undo = async (fact: FactView) => {
    try {
      const back = await api().restoreFact(fact);
      setToast({ say: (t) => t('fact.restored') });
      setActiveFact(back.id);
      onChanged();
    } catch (e) {
      setToast({ say: (t) => t('error.prefix', { error: errorLine(e) }) });
    }
  };

  // A new search hit on a fact of this same article moves the focus to it.
  useEffect(() => {
    if (focusFactId) setActiveFact(focusFactId);
  }, [focusFactId]);

  useEffect(() => {
    if (activeFact)
      document.querySelector(`mark[data-facts~="${CSS.escape(activeFact)}"]`)?.scrollIntoView({ block: 'center' });
  }, [activeFact]);

  return (
    <article className="reader" aria-labelledby="reader-title">
      <header className="reader-head">
        <h1 id="reader-title" lang={lang}>
          {article.title}
        </h1>
        <p className="reader-meta" aria-label={t('reader.details')}>
          {article.publisher && <span>{article.publisher}</span>}
          <span>
            {article.publishedAt ? (
              <time dateTime={article.publishedAt}>{article.publishedAt}</time>
            ) : (
              t('reader.undated')
            )}
          </span>
          <span>{t(`lang.${article.lang}`)}</span>
          <span title={t('reader.sha', { sha: article.sha256 })}>
            SHA-256 <code>{shortHash(article.sha256)}</code>
          </span>
        </p>
        <SourcePanel
          article={article}
          onSaved={(say) => {
            setToast({ say });
            onChanged();
          }}
        />
        {article.ocr && (
          <p className="reader-ocr">
            <span>
              {t('reader.ocrNote', {
                pages: article.ocr.pages.length,
                confidence: Math.round(article.ocr.meanConfidence),
              })}
              {low.length > 0 && <> {t('reader.ocrLow', { n: low.length })}</>}
            </span>
            {correctedPages.length > 0 && (
              <span>{t('reader.correctedPages', { pages: correctedPages.join(', ') })}</span>
            )}
            <button type="button" aria-pressed={original !== null} onClick={toggleOriginal}>
              {t('reader.originalToggle')}
            </button>
            <button type="button" disabled={editing !== null} onClick={startCorrecting}>
              {t('reader.correctPage')}
            </button>
          </p>
        )}
        {article.visual && (
          <p className="reader-visual">
            <button type="button" aria-pressed={visual} onClick={toggleVisual}>
              {t('reader.visualToggle')}
            </button>
          </p>
        )}
        <button type="button" className="reader-delete" onClick={() => setDeleting(true)}>
          {t('reader.deleteArticle')}
        </button>
        {deleting && (
          <DeleteArticleDialog
            detail={detail}
            onDone={(deleted) => {
              setDeleting(false);
              if (deleted) onDeleted(deleted);
            }}
          />
        )}
      </header>
      <div
        className={`reader-body${panel ? ' is-annotating' : ''}${original !== null || visual ? ' has-original' : ''}`}
      >
        {editing !== null && editedSpan ? (
          <PageEditor
            key={`${editing}-${article.textSha256}`}
            articleId={article.id}
            page={editing}
            text={text.slice(editedSpan.start, editedSpan.end)}
            corrected={correctedPages.includes(editing)}
            onDone={(r) => {
              setEditing(null);
              if (!r) return;
              const n = r.lost.length;
              setToast({
                say: (t) =>
                  [
                    t(r.reverted ? 'reader.reverted' : 'reader.corrected', { page: r.page }),
                    n ? t('reader.correctLost', { n }) : '',
                  ]
                    .filter(Boolean)
                    .join('. '),
              });
              onChanged();
            }}
          />
        ) : (
          <div
            className="reader-text"
            lang={lang}
            ref={textRef}
            aria-label={t('fact.selectHint')}
            onMouseUp={onSelect}
            onKeyUp={(e) => e.shiftKey && onSelect()}
          >
            {segments.map((s) =>
              s.facts.length === 0 ? (
                s.low ? (
                  <LowWord key={s.start} text={text.slice(s.start, s.end)} />
                ) : (
                  text.slice(s.start, s.end)
                )
              ) : (
                <FactMark
                  key={s.start}
                  text={s.low ? <LowWord text={text.slice(s.start, s.end)} /> : text.slice(s.start, s.end)}
                  facts={s.facts}
                  typeLabel={typeLabel}
                  active={s.facts.some((f) => f.id === activeFact)}
                  onOpen={(id) => {
                    if (window.getSelection()?.isCollapsed === false) return; // a selection across a highlight adds a fact
                    setActiveFact(id);
                    editFact(id);
                  }}
                />
              ),
            )}
          </div>
        )}
        {original !== null && (
          <OriginalPage articleId={article.id} page={original} onPage={setOriginal} onClose={() => setOriginal(null)} />
        )}
        {visual && <VisualCopy articleId={article.id} onClose={() => setVisual(false)} />}
        {panel ? (
          <FactPanel
            key={panel.mode === 'edit' ? panel.fact.id : `add-${panel.start}-${panel.quote.length}`}
            target={panel}
            catalog={catalog}
            onSaved={afterSave}
            onDeleted={afterDelete}
            onClose={() => setPanel(null)}
            onMessage={(say) => setToast({ say })}
            selection={selection}
            onAddSelection={() =>
              selection && setPanel({ mode: 'add', articleId: article.id, ...selection, published })
            }
          />
        ) : (
          <FactMargin facts={facts} unplaced={unplaced} activeFact={activeFact} onPick={setActiveFact} />
        )}
      </div>
      {toast && (
        <div className="toast" role="status">
          <span>{toast.say(t)}</span>
          {toast.undo && (
            <button type="button" onClick={() => void undo(toast.undo!)}>
              {t('fact.undo')}
            </button>
          )}
          <button type="button" className="toast-close" aria-label={t('toast.close')} onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      )}
    </article>
  );
}

/** A word OCR was unsure of: marked so the researcher checks it against the original. */
function LowWord({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <span className="ocr-low" title={t('reader.lowConfidence')}>
      {text}
    </span>
  );
}

function FactMark({
  text,
  facts,
  typeLabel,
  active,
  onOpen,
}: {
  text: ReactNode;
  facts: ArticleDetail['facts'];
  typeLabel: (type: string) => string;
  active: boolean;
  onOpen: (id: string) => void;
}) {
  // The innermost fact decides the colour: it is the most specific claim about this run of text.
  const inner = facts[facts.length - 1]!;
  return (
    <mark
      className={`fact hue-${factHue(inner.type)}${active ? ' is-active' : ''}`}
      data-facts={facts.map((f) => f.id).join(' ')}
      title={facts.map((f) => typeLabel(f.type)).join(', ')}
      onClick={() => onOpen(inner.id)}
    >
      {text}
    </mark>
  );
}

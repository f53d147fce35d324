import { useEffect, useRef, useState, type Ref } from 'react';
import type { SearchHit } from '../../api.js';
import { AddToCaseDialog } from '../cases/AddToCaseDialog.js';
import { Highlighted } from '../../components/Highlighted.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { VirtualList } from '../../components/VirtualList.js';
import { SearchFilterBar } from './SearchFilters.js';
import { useSearch, type SearchFilters } from './useSearch.js';

// head, two lines of snippet, and a foot for the spelling note and "Add to case…"
const ROW_HEIGHT = 108;
/** the list's key for "Add to case…" on the selected fact hit */
const ADD_TO_CASE_KEY = 'c';

interface Props {
  query: string;
  selectedHit: string | null;
  onOpen: (hit: SearchHit) => void;
  listRef?: Ref<HTMLDivElement> | undefined;
}

export function SearchResults({ query, selectedHit, onOpen, listRef }: Props) {
  const [filters, setFilters] = useState<SearchFilters>({});
  return (
    <>
      <SearchFilterBar value={filters} onChange={setFilters} />
      <Results query={query} filters={filters} selectedHit={selectedHit} onOpen={onOpen} listRef={listRef} />
    </>
  );
}

function Results({ query, filters, selectedHit, onOpen, listRef }: Props & { filters: SearchFilters }) {
  const { t } = useI18n();
  const state = useSearch(query, filters);
  const [adding, setAdding] = useState<SearchHit | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useRef<HTMLDivElement | null>(null);
  // a confirmation belongs to the results it was given in
  useEffect(() => setNotice(null), [query, filters]);
  // Back where the user was once the dialog is gone (a modal dialog makes the list inert while open):
  // ↑/↓ and "c" go on from the same hit.
  const refocus = useRef(false);
  useEffect(() => {
    if (adding || !refocus.current) return;
    refocus.current = false;
    list.current?.focus();
  }, [adding]);

  if (state.status === 'idle' || state.status === 'searching')
    return <p className="pane-message">{t('search.searching')}</p>;
  if (state.status === 'error')
    return (
      <p className="pane-message error" role="alert">
        {t('search.failed', { error: state.error })}
      </p>
    );
  if (state.hits.length === 0) {
    return (
      <div className="pane-message empty">
        <p className="empty-title">{t('search.noMatches', { query: query.trim() })}</p>
        <p>{t('search.noMatchesHint')}</p>
      </div>
    );
  }
  const addToCase = (hit: SearchHit | undefined) => {
    if (hit?.kind !== 'fact') return;
    setNotice(null);
    setAdding(hit);
  };
  const done = (message: string | null) => {
    refocus.current = true;
    setAdding(null);
    if (message) setNotice(message);
  };
  return (
    <>
      <p className="list-count" aria-live="polite">
        {state.hits.length === 1 ? t('search.oneResult') : t('search.results', { n: state.hits.length })}
      </p>
      {notice && (
        <p className="list-notice" role="status">
          {notice}
        </p>
      )}
      <VirtualList
        ref={(el) => {
          list.current = el;
          if (typeof listRef === 'function') listRef(el);
          else if (listRef) listRef.current = el;
        }}
        items={state.hits}
        rowHeight={ROW_HEIGHT}
        label={t('search.list')}
        idPrefix="hit"
        getKey={(h) => `${h.kind}:${h.id}`}
        selectedKey={selectedHit}
        onSelect={onOpen}
        onOtherKey={(e, hit) => {
          if (e.key !== ADD_TO_CASE_KEY || e.ctrlKey || e.metaKey || e.altKey || hit?.kind !== 'fact') return;
          e.preventDefault();
          addToCase(hit);
        }}
        renderRow={(h) => <HitRow hit={h} onAddToCase={addToCase} />}
      />
      {adding && <AddToCaseDialog factId={adding.id} quote={adding.snippet} source={adding.title} onDone={done} />}
    </>
  );
}

function HitRow({ hit, onAddToCase }: { hit: SearchHit; onAddToCase: (hit: SearchHit) => void }) {
  const { t } = useI18n();
  const tier = hit.tier && hit.tier !== 'exact' && hit.tier !== 'stem' ? hit.tier : null;
  return (
    <div className="hit-row">
      <span className="hit-row-head">
        <span className={`hit-kind hit-kind-${hit.kind}`}>
          {hit.kind === 'fact' ? t('search.fact') : t('search.article')}
        </span>
        <span className="hit-title">{hit.title}</span>
      </span>
      <span className="hit-snippet">
        <Highlighted text={hit.snippet} ranges={hit.highlights} />
      </span>
      <span className="hit-row-foot">
        {tier && (
          <span className="hit-tier" title={t(TIER_HELP[tier])}>
            {t(TIER_LABEL[tier])}
          </span>
        )}
        {hit.translation && (
          <span className="hit-tier hit-translation">{t('search.viaTranslation', { lang: hit.translation })}</span>
        )}
        {hit.kind === 'fact' && (
          // Out of the tab order: the list is one tab stop, and its keyboard path to this is "c" on the hit.
          <button
            type="button"
            className="hit-action"
            tabIndex={-1}
            aria-keyshortcuts="C"
            title={t('addToCase.hint')}
            onClick={() => onAddToCase(hit)}
          >
            {t('addToCase.action')}
          </button>
        )}
      </span>
    </div>
  );
}

const TIER_LABEL = { folded: 'search.tierFolded', alias: 'search.tierAlias' } as const satisfies Record<
  string,
  MessageKey
>;
const TIER_HELP = { folded: 'search.tierFoldedHelp', alias: 'search.tierAliasHelp' } as const satisfies Record<
  string,
  MessageKey
>;

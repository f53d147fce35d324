import { useState, type Ref } from 'react';
import type { SearchHit } from '../../api.js';
import { Highlighted } from '../../components/Highlighted.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { VirtualList } from '../../components/VirtualList.js';
import { SearchFilterBar } from './SearchFilters.js';
import { useSearch, type SearchFilters } from './useSearch.js';

const ROW_HEIGHT = 92;

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
  if (state.status === 'idle' || state.status === 'searching') return <p className="pane-message">{t('search.searching')}</p>;
  if (state.status === 'error') return <p className="pane-message error" role="alert">{t('search.failed', { error: state.error })}</p>;
  if (state.hits.length === 0) {
    return (
      <div className="pane-message empty">
        <p className="empty-title">{t('search.noMatches', { query: query.trim() })}</p>
        <p>{t('search.noMatchesHint')}</p>
      </div>
    );
  }
  return (
    <>
      <p className="list-count" aria-live="polite">
        {state.hits.length === 1 ? t('search.oneResult') : t('search.results', { n: state.hits.length })}
      </p>
      <VirtualList
        ref={listRef}
        items={state.hits}
        rowHeight={ROW_HEIGHT}
        label={t('search.list')}
        idPrefix="hit"
        getKey={(h) => `${h.kind}:${h.id}`}
        selectedKey={selectedHit}
        onSelect={onOpen}
        renderRow={(h) => <HitRow hit={h} />}
      />
    </>
  );
}

function HitRow({ hit }: { hit: SearchHit }) {
  const { t } = useI18n();
  return (
    <div className="hit-row">
      <span className="hit-row-head">
        <span className={`hit-kind hit-kind-${hit.kind}`}>{hit.kind === 'fact' ? t('search.fact') : t('search.article')}</span>
        <span className="hit-title">{hit.title}</span>
        {hit.tier && hit.tier !== 'exact' && hit.tier !== 'stem' ? (
          <span className="hit-tier" title={t(TIER_HELP[hit.tier])}>
            {t(TIER_LABEL[hit.tier])}
          </span>
        ) : null}
      </span>
      <span className="hit-snippet">
        <Highlighted text={hit.snippet} ranges={hit.highlights} />
      </span>
    </div>
  );
}

const TIER_LABEL = { folded: 'search.tierFolded', alias: 'search.tierAlias' } as const satisfies Record<string, MessageKey>;
const TIER_HELP = { folded: 'search.tierFoldedHelp', alias: 'search.tierAliasHelp' } as const satisfies Record<string, MessageKey>;

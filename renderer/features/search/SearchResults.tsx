import { useState, type Ref } from 'react';
import type { SearchHit } from '../../api.js';
import { Highlighted } from '../../components/Highlighted.js';
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
  const state = useSearch(query, filters);
  if (state.status === 'idle' || state.status === 'searching') return <p className="pane-message">Searching…</p>;
  if (state.status === 'error') return <p className="pane-message error" role="alert">Search failed: {state.error}</p>;
  if (state.hits.length === 0) {
    return (
      <div className="pane-message empty">
        <p className="empty-title">No matches for “{query.trim()}”</p>
        <p>Try fewer words or fewer filters. Any spelling works: Zhakishev finds Жәкішевтің; Жәкіш* finds every word that starts so.</p>
      </div>
    );
  }
  return (
    <>
      <p className="list-count" aria-live="polite">
        {state.hits.length === 1 ? '1 result' : `${state.hits.length} results`}
      </p>
      <VirtualList
        ref={listRef}
        items={state.hits}
        rowHeight={ROW_HEIGHT}
        label="Search results"
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
  return (
    <div className="hit-row">
      <span className="hit-row-head">
        <span className={`hit-kind hit-kind-${hit.kind}`}>{hit.kind === 'fact' ? 'Fact' : 'Article'}</span>
        <span className="hit-title">{hit.title}</span>
        {hit.tier && hit.tier !== 'exact' && hit.tier !== 'stem' ? (
          <span className="hit-tier" title={TIER_HELP[hit.tier]}>
            {TIER_LABEL[hit.tier]}
          </span>
        ) : null}
      </span>
      <span className="hit-snippet">
        <Highlighted text={hit.snippet} ranges={hit.highlights} />
      </span>
    </div>
  );
}

const TIER_LABEL = { folded: 'other spelling', alias: 'other name' } as const;
const TIER_HELP = {
  folded: 'Matched in another script or spelling (Джакишев for Жәкішев)',
  alias: 'Matched another name of the same place, person or organization (Усть-Каменогорск for Өскемен)',
} as const;

import type { Ref } from 'react';
import type { SearchHit } from '../../api.js';
import { Highlighted } from '../../components/Highlighted.js';
import { VirtualList } from '../../components/VirtualList.js';
import { useSearch } from './useSearch.js';

const ROW_HEIGHT = 92;

interface Props {
  query: string;
  selectedHit: string | null;
  onOpen: (hit: SearchHit) => void;
  listRef?: Ref<HTMLDivElement> | undefined;
}

export function SearchResults({ query, selectedHit, onOpen, listRef }: Props) {
  const state = useSearch(query);
  if (state.status === 'idle' || state.status === 'searching') return <p className="pane-message">Searching…</p>;
  if (state.status === 'error') return <p className="pane-message error" role="alert">Search failed: {state.error}</p>;
  if (state.hits.length === 0) {
    return (
      <div className="pane-message empty">
        <p className="empty-title">No matches for “{query.trim()}”</p>
        <p>Try fewer words, or the start of a name (Жексебаев finds Жексебаевтың).</p>
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
      </span>
      <span className="hit-snippet">
        <Highlighted text={hit.snippet} ranges={hit.highlights} />
      </span>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { api, errorLine, type SearchHit } from '../../api.js';
import type { Input } from '../../../electron/api.js';

export type SearchFilters = NonNullable<Input<'search'>['filters']>;

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'error'; error: string }
  | { status: 'done'; hits: SearchHit[] };

/** Waits for typing to pause: one query per pause, not per key. */
const DEBOUNCE_MS = 120;
const LIMIT = 200;

export function useSearch(query: string, filters: SearchFilters = {}): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    const text = query.trim();
    if (!text) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState((s) => (s.status === 'done' ? s : { status: 'searching' }));
    const timer = setTimeout(() => {
      api()
        .search({ text, limit: LIMIT, filters: JSON.parse(filterKey) as SearchFilters })
        .then(
          (hits) => current && setState({ status: 'done', hits }),
          (e: unknown) => current && setState({ status: 'error', error: errorLine(e) }),
        );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, filterKey]);
  return state;
}

import { useEffect, useState } from 'react';
import { api, errorLine, type SearchHit } from '../../api.js';

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'error'; error: string }
  | { status: 'done'; hits: SearchHit[] };

/** Waits for typing to pause: the first engine reads every text per query. */
const DEBOUNCE_MS = 180;
const LIMIT = 200;

export function useSearch(query: string): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
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
        .search({ text, limit: LIMIT })
        .then(
          (hits) => current && setState({ status: 'done', hits }),
          (e: unknown) => current && setState({ status: 'error', error: errorLine(e) }),
        );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  return state;
}

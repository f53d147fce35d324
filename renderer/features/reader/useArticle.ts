import { useEffect, useState } from 'react';
import { api, errorLine, type ArticleDetail } from '../../api.js';

export type ArticleState =
  { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; detail: ArticleDetail };

/** `version`: bump it to read the article again (after a fact was saved or deleted). */
export function useArticle(id: string, version = 0): ArticleState {
  const [state, setState] = useState<ArticleState>({ status: 'loading' });
  useEffect(() => {
    // A slow answer for an article the user has already left must not replace the current one.
    let current = true;
    // a re-read keeps showing the article (and its scroll position) until the new one arrives
    if (version === 0) setState({ status: 'loading' });
    api()
      .getArticle({ id })
      .then(
        (detail) => current && setState({ status: 'ready', detail }),
        (e: unknown) => current && setState({ status: 'error', error: errorLine(e) }),
      );
    return () => {
      current = false;
    };
  }, [id, version]);
  return state;
}

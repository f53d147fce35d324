import { useEffect, useState } from 'react';
import { api, errorLine, type ArticleDetail } from '../../api.js';

export type ArticleState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; detail: ArticleDetail };

export function useArticle(id: string): ArticleState {
  const [state, setState] = useState<ArticleState>({ status: 'loading' });
  useEffect(() => {
    // A slow answer for an article the user has already left must not replace the current one.
    let current = true;
    setState({ status: 'loading' });
    api()
      .getArticle({ id })
      .then(
        (detail) => current && setState({ status: 'ready', detail }),
        (e: unknown) => current && setState({ status: 'error', error: errorLine(e) }),
      );
    return () => {
      current = false;
    };
  }, [id]);
  return state;
}

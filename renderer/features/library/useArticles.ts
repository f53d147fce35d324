import { useCallback, useEffect, useState } from 'react';
import { api, errorLine, type ArticleRow } from '../../api.js';

export interface Library {
  /** null while the first load runs */
  articles: ArticleRow[] | null;
  error: string | null;
  reload: () => Promise<void>;
}

export function useArticles(): Library {
  const [articles, setArticles] = useState<ArticleRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setArticles(await api().listArticleRows({}));
      setError(null);
    } catch (e) {
      setError(errorLine(e));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { articles, error, reload };
}

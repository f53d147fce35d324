import { useCallback, useEffect, useState } from 'react';
import { api, errorLine, type Article } from '../../api.js';

export interface Library {
  /** null while the first load runs */
  articles: Article[] | null;
  error: string | null;
  reload: () => Promise<void>;
}

export function useArticles(): Library {
  const [articles, setArticles] = useState<Article[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setArticles(await api().listArticles({}));
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

import type { Ref } from 'react';
import type { Article } from '../../api.js';
import { VirtualList } from '../../components/VirtualList.js';
import { languageName } from '../reader/format.js';
import './library.css';

const ROW_HEIGHT = 64;

interface Props {
  articles: Article[] | null;
  error: string | null;
  selectedId: string | null;
  onOpen: (id: string) => void;
  listRef?: Ref<HTMLDivElement> | undefined;
}

export function ArticleList({ articles, error, selectedId, onOpen, listRef }: Props) {
  if (error) return <p className="pane-message error" role="alert">Could not load the library: {error}</p>;
  if (articles === null) return <p className="pane-message">Loading the library…</p>;
  if (articles.length === 0) {
    return (
      <div className="pane-message empty">
        <p className="empty-title">No articles yet — import a file</p>
        <p>Use “Import files” or “Paste text” above, or drop files here. The original file is kept byte for byte as evidence.</p>
      </div>
    );
  }
  return (
    <VirtualList
      ref={listRef}
      items={articles}
      rowHeight={ROW_HEIGHT}
      label="Articles"
      idPrefix="article"
      getKey={(a) => a.id}
      selectedKey={selectedId}
      onSelect={(a) => onOpen(a.id)}
      renderRow={(a) => <ArticleRow article={a} />}
    />
  );
}

function ArticleRow({ article }: { article: Article }) {
  const meta = [article.publisher, article.publishedAt ?? 'undated', languageName(article.lang)].filter(Boolean).join(' · ');
  return (
    <div className="article-row">
      <span className="article-row-title" lang={article.lang === 'other' ? undefined : article.lang}>
        {article.title}
      </span>
      <span className="article-row-meta">{meta}</span>
    </div>
  );
}

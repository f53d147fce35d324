import type { Ref } from 'react';
import type { ArticleRow as Row } from '../../api.js';
import { VirtualList } from '../../components/VirtualList.js';
import { useI18n } from '../../i18n/i18n.js';
import './library.css';

const ROW_HEIGHT = 64;

interface Props {
  articles: Row[] | null;
  error: string | null;
  selectedId: string | null;
  onOpen: (id: string) => void;
  listRef?: Ref<HTMLDivElement> | undefined;
}

export function ArticleList({ articles, error, selectedId, onOpen, listRef }: Props) {
  const { t } = useI18n();
  if (error)
    return (
      <p className="pane-message error" role="alert">
        {t('library.loadError', { error })}
      </p>
    );
  if (articles === null) return <p className="pane-message">{t('library.loading')}</p>;
  if (articles.length === 0) {
    return (
      <div className="pane-message empty">
        <p className="empty-title">{t('library.emptyTitle')}</p>
        <p>{t('library.emptyText')}</p>
      </div>
    );
  }
  return (
    <VirtualList
      ref={listRef}
      items={articles}
      rowHeight={ROW_HEIGHT}
      label={t('library.list')}
      idPrefix="article"
      getKey={(a) => a.id}
      selectedKey={selectedId}
      onSelect={(a) => onOpen(a.id)}
      renderRow={(a) => <ArticleRow article={a} />}
    />
  );
}

function ArticleRow({ article }: { article: Row }) {
  const { t } = useI18n();
  const meta = [article.publisher, article.publishedAt ?? t('library.undated'), t(`lang.${article.lang}`)]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className="article-row">
      <span className="article-row-title" lang={article.lang === 'other' ? undefined : article.lang}>
        {article.title}
      </span>
      <span className="article-row-meta">{meta}</span>
    </div>
  );
}

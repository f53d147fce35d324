/**
 * The three panes: sections, a list (the library, or search results while a query is typed),
 * and the detail (the reader). State lives here only where two panes share it: the open article and the query.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleDeletion, ImportResult, SearchHit } from './api.js';
import { ImportButton } from './features/import/ImportButton.js';
import { ArticleList } from './features/library/ArticleList.js';
import { useArticles } from './features/library/useArticles.js';
import { Reader } from './features/reader/Reader.js';
import { SearchBox } from './features/search/SearchBox.js';
import { SearchResults } from './features/search/SearchResults.js';
import { Sidebar, type Section } from './Sidebar.js';
import { CasesSection } from './features/cases/CasesSection.js';
import { EntitiesSection } from './features/entities/EntitiesSection.js';
import { TagsSection } from './features/tags/TagsSection.js';
import { TeamSection } from './features/team/TeamSection.js';
import { useI18n } from './i18n/i18n.js';
import { useGlobalShortcuts } from './useGlobalShortcuts.js';

interface Open {
  articleId: string;
  /** set when opened from a search hit, to keep that hit selected and bring a fact into view */
  hitKey: string | null;
  factId: string | null;
}

export function App() {
  const library = useArticles();
  const [open, setOpen] = useState<Open | null>(null);
  /** what the detail pane says when nothing is open after a change (an article deleted) */
  const [notice, setNotice] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const searching = query.trim() !== '';
  const [section, setSection] = useState<Section>('library');
  const { t } = useI18n();

  const focusSearch = useCallback(() => {
    setSection('library');
    searchRef.current?.focus();
    searchRef.current?.select();
    // the search box is in the library's list pane: after a section switch it exists on the next
    // frame. Only focus it then if it is not focused yet: selecting again would swallow what the
    // user has typed since.
    requestAnimationFrame(() => {
      const box = searchRef.current;
      if (box && document.activeElement !== box) {
        box.focus();
        box.select();
      }
    });
  }, []);

  useGlobalShortcuts(focusSearch);

  const openArticle = useCallback((articleId: string) => setOpen({ articleId, hitKey: null, factId: null }), []);
  useEffect(() => {
    if (open) setNotice(null);
  }, [open]);
  const openHit = useCallback(
    (hit: SearchHit) =>
      setOpen({
        articleId: hit.articleId,
        hitKey: `${hit.kind}:${hit.id}`,
        factId: hit.kind === 'fact' ? hit.id : null,
      }),
    [],
  );
  const { reload } = library;
  const onImported = useCallback(
    async (result: ImportResult) => {
      await reload();
      setQuery('');
      openArticle(result.article.id);
    },
    [reload, openArticle],
  );
  const onDeleted = useCallback(
    async (deleted: ArticleDeletion) => {
      setOpen(null);
      setNotice(t('reader.deleted', { title: deleted.article.title, n: deleted.factIds.length }));
      await reload();
    },
    [reload, t],
  );

  const openFromSection = useCallback((articleId: string, factId: string | null) => {
    setSection('library');
    setOpen({ articleId, hitKey: null, factId });
  }, []);

  if (section !== 'library') {
    return (
      <div className="app">
        <Sidebar articleCount={library.articles?.length ?? null} section={section} onSection={setSection} />
        {section === 'cases' && <CasesSection onOpenArticle={openFromSection} />}
        {section === 'entities' && <EntitiesSection onOpenArticle={openFromSection} />}
        {section === 'tags' && <TagsSection />}
        {section === 'team' && <TeamSection onReceived={reload} />}
      </div>
    );
  }

  return (
    <div className="app">
      <Sidebar articleCount={library.articles?.length ?? null} section={section} onSection={setSection} />
      <section className="list-pane" aria-label={searching ? 'Search' : 'Library'}>
        <header className="list-head">
          <SearchBox ref={searchRef} value={query} onChange={setQuery} onDown={() => listRef.current?.focus()} />
          <div className="list-title-row">
            <h2 className="list-title">{searching ? t('app.searchResults') : t('app.library')}</h2>
            <ImportButton onImported={(r) => void onImported(r)} />
          </div>
        </header>
        {searching ? (
          <SearchResults query={query} selectedHit={open?.hitKey ?? null} onOpen={openHit} listRef={listRef} />
        ) : (
          <ArticleList
            articles={library.articles}
            error={library.error}
            selectedId={open?.articleId ?? null}
            onOpen={openArticle}
            listRef={listRef}
          />
        )}
      </section>
      {/* keyed by article: a newly opened article starts at its top, not at the last one's scroll offset */}
      <main className="detail-pane" key={open?.articleId ?? 'none'}>
        {open ? (
          <Reader id={open.articleId} focusFactId={open.factId} onDeleted={(d) => void onDeleted(d)} />
        ) : (
          <NothingOpen empty={library.articles?.length === 0} notice={notice} />
        )}
      </main>
    </div>
  );
}

function NothingOpen({ empty, notice }: { empty: boolean; notice: string | null }) {
  const { t } = useI18n();
  return (
    <div className="pane-message empty detail-empty">
      {notice && (
        <p className="detail-notice" role="status">
          {notice}
        </p>
      )}
      {empty ? (
        <>
          <p className="empty-title">{t('app.emptyTitle')}</p>
          <p>{t('app.emptyText')}</p>
        </>
      ) : (
        <>
          <p className="empty-title">{t('app.chooseTitle')}</p>
          <p>
            <kbd>↑</kbd> <kbd>↓</kbd> {t('app.chooseText', { key: '/' })}
          </p>
        </>
      )}
    </div>
  );
}

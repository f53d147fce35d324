import { useEffect, useState } from 'react';
import { api } from './api.js';
import { DossierExport } from './features/dossier/DossierExport.js';
import { useI18n } from './i18n/i18n.js';
import { LanguageSelect } from './i18n/LanguageSelect.js';
import { SecurityButtons } from './features/session/SecurityDialog.js';

export type Section = 'library' | 'cases' | 'entities' | 'tags' | 'team';
const SECTIONS: readonly Section[] = ['library', 'cases', 'entities', 'tags', 'team'];

/** Sections (saved searches arrive with their feature), the interface language, the shortcuts. */
export function Sidebar({
  articleCount,
  section = 'library',
  onSection,
}: {
  articleCount: number | null;
  section?: Section;
  onSection?: (s: Section) => void;
}) {
  const version = useVersion();
  const { t } = useI18n();
  return (
    <nav className="sidebar" aria-label="Sections">
      <div className="brand">
        <span className="brand-name">Aqiqat</span>
        <span className="brand-tag">{t('sidebar.tagline')}</span>
      </div>
      <ul className="sections">
        {SECTIONS.map((s) => (
          <li key={s}>
            <button
              type="button"
              className={`section${s === section ? ' is-current' : ''}`}
              aria-current={s === section ? 'page' : undefined}
              onClick={() => onSection?.(s)}
            >
              <span>{t(`section.${s}`)}</span>
              {s === 'library' && articleCount !== null && <span className="count">{articleCount}</span>}
            </button>
          </li>
        ))}
      </ul>
      <DossierExport />
      <SecurityButtons />
      <LanguageSelect />
      <section className="shortcuts" aria-label={t('shortcuts.title')}>
        <dl>
          <dt>
            <kbd>/</kbd>
          </dt>
          <dd>{t('shortcuts.search')}</dd>
          <dt>
            <kbd>Ctrl+Enter</kbd>
          </dt>
          <dd>{t('shortcuts.save')}</dd>
          <dt>
            <kbd>j</kbd> <kbd>k</kbd>
          </dt>
          <dd>{t('shortcuts.next')}</dd>
          <dt>
            <kbd>e</kbd>
          </dt>
          <dd>{t('fact.edit')}</dd>
          <dt>
            <kbd>c</kbd>
          </dt>
          <dd>{t('shortcuts.addToCase')}</dd>
        </dl>
      </section>
      <p className="sidebar-foot">
        <span className="offline-dot" aria-hidden="true" /> {t('sidebar.offline')}
        {/* on a line of its own when the words are long, never a dangling "·" */}
        {version && (
          <>
            {' '}
            <span className="nowrap">· v{version}</span>
          </>
        )}
      </p>
    </nav>
  );
}

function useVersion(): string | null {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    // The version is decoration: if the call fails, the footer simply omits it.
    api()
      .archiveInfo({})
      .then((info) => setVersion(info.version))
      .catch(() => undefined);
  }, []);
  return version;
}

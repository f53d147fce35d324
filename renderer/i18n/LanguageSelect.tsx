import { useI18n } from './i18n.js';
import { DICTIONARIES, LANGS, type Lang } from '../../electron/shared/i18n/index.js';
import './language-select.css';

/** One option per language, each named in itself: the interface's and the dossier's language menus. */
export function LanguageOptions() {
  return LANGS.map((l) => (
    <option key={l} value={l}>
      {DICTIONARIES[l].ui['lang.name']}
    </option>
  ));
}

/** The interface language (the sidebar and the lock screen). */
export function LanguageSelect({ className = '' }: { className?: string }) {
  const { t, lang, setLang } = useI18n();
  return (
    <label className={`lang-select ${className}`.trim()}>
      <span>{t('settings.language')}</span>
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        <LanguageOptions />
      </select>
    </label>
  );
}

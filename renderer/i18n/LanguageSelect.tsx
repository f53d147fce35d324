import { useI18n } from './i18n.js';
import { DICTIONARIES, LANGS, type Lang } from '../../electron/shared/i18n/index.js';
import './language-select.css';

/** The interface language, each named in itself (the sidebar and the lock screen). */
export function LanguageSelect({ className = '' }: { className?: string }) {
  const { t, lang, setLang } = useI18n();
  return (
    <label className={`lang-select ${className}`.trim()}>
      <span>{t('settings.language')}</span>
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        {LANGS.map((l) => (
          <option key={l} value={l}>
            {DICTIONARIES[l].ui['lang.name']}
          </option>
        ))}
      </select>
    </label>
  );
}

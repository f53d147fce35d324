/** The interface language: chosen in the sidebar, kept in localStorage, first taken from the system. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { EventDate } from '../../electron/api.js';
import { setErrorLanguage } from '../api.js';
import { formatEventDate } from '../../electron/shared/timeline.js';
import { DICTIONARIES, LANGS, uiMessages, type Lang, type MessageKey } from '../../electron/shared/i18n/index.js';

export type { Lang, MessageKey };

const STORAGE_KEY = 'aqiqat.lang';

/** The saved choice, else the first system language we have (kk, ru, en), else English. */
export function initialLang(saved: string | null, system: readonly string[]): Lang {
  if (saved && (LANGS as readonly string[]).includes(saved)) return saved as Lang;
  for (const tag of system) {
    const base = tag.toLowerCase().split('-')[0];
    if (base && (LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return 'en';
}

export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
/** A message said in whatever language is current when it is shown (a toast outlives a language switch). */
export type Say = (t: T) => string;

/** t() for one language: the string for `key`, its `{name}` placeholders filled from `vars`. */
export function translator(lang: Lang): T {
  const messages = uiMessages(lang);
  return (key, vars) =>
    messages[key].replace(/\{(\w+)\}/g, (m, name: string) => (vars && name in vars ? String(vars[name]) : m));
}

/** Dates for one language, written as the dossier writes them ("5 марта 2020 г."). */
export function dateFormatter(lang: Lang, t: T = translator(lang)): I18n['date'] {
  const words = DICTIONARIES[lang].dates;
  return (d) => (d ? formatEventDate(d, words) : t('fact.noDate'));
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: T;
  /** a date as precisely as it is known, month names in the interface language */
  date: (d: EventDate | null | undefined) => string;
}

const Context = createContext<I18n | null>(null);

function readSaved(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage can be unavailable (a locked-down profile): the choice then lasts the session
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() =>
    initialLang(readSaved(), navigator.languages ?? [navigator.language]),
  );
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* see readSaved */
    }
  }, []);
  const value = useMemo<I18n>(() => {
    setErrorLanguage(lang);
    const t = translator(lang);
    return { lang, setLang, t, date: dateFormatter(lang, t) };
  }, [lang, setLang]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(Context);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

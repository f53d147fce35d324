/** The three dictionaries by language, and the interface's flat message list built from them. */
import { en, type Dictionary, type UiKey } from './en.js';
import { kk } from './kk.js';
import { ru } from './ru.js';
import type { FactRole } from '../../core/model.js';

export type { DateWords, Dictionary, DossierWords, ThesaurusTypeId, UiKey } from './en.js';

export type Lang = 'en' | 'kk' | 'ru';
export const LANGS: readonly Lang[] = ['en', 'kk', 'ru'];
export const DICTIONARIES: Readonly<Record<Lang, Dictionary>> = { en, kk, ru };

/** What the interface's t() takes: its own strings, and the roles it shares with the dossier. */
export type MessageKey = UiKey | `role.${FactRole}`;

/** The interface's strings in `lang`, roles included, as one flat map. */
export function uiMessages(lang: Lang): Readonly<Record<MessageKey, string>> {
  const d = DICTIONARIES[lang];
  const roles = Object.fromEntries(Object.entries(d.roles).map(([role, word]) => [`role.${role}`, word]));
  return { ...d.ui, ...(roles as Record<`role.${FactRole}`, string>) };
}

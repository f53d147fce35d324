/** The three dictionaries by language, and the interface's flat message list built from them. */
import { en, type Dictionary, type UiKey } from './en.js';
import { kk } from './kk.js';
import { ru } from './ru.js';
import type { FactRole } from '../../core/model.js';
import type { AcquiredFrom, FactStatus, SourceType } from '../provenance.js';

export type { DateWords, Dictionary, DossierWords, ProvenanceWords, ThesaurusTypeId, UiKey } from './en.js';

export type Lang = 'en' | 'kk' | 'ru';
export const LANGS: readonly Lang[] = ['en', 'kk', 'ru'];
export const DICTIONARIES: Readonly<Record<Lang, Dictionary>> = { en, kk, ru };

/** What the interface's t() takes: its own strings, and the roles and provenance words it shares with the dossier. */
export type MessageKey =
  UiKey | `role.${FactRole}` | `sourceType.${SourceType}` | `acquiredFrom.${AcquiredFrom}` | `status.${FactStatus}`;

/** The interface's strings in `lang`, roles included, as one flat map. */
export function uiMessages(lang: Lang): Readonly<Record<MessageKey, string>> {
  const d = DICTIONARIES[lang];
  const prefixed = (prefix: string, words: Readonly<Record<string, string>>) =>
    Object.fromEntries(Object.entries(words).map(([id, word]) => [`${prefix}.${id}`, word]));
  return {
    ...d.ui,
    ...prefixed('role', d.roles),
    ...prefixed('sourceType', d.provenance.sourceTypes),
    ...prefixed('acquiredFrom', d.provenance.acquiredFrom),
    ...prefixed('status', d.provenance.statuses),
  } as Record<MessageKey, string>;
}

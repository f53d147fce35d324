/**
 * The dossier's words in each language: its part of the shared dictionaries (electron/shared/i18n),
 * with the dates and roles the interface shows the same way.
 */
import { DICTIONARIES, type DateWords, type DossierWords, type Dictionary } from '../../shared/i18n/index.js';
import type { DossierLang } from './types.js';

export interface Labels extends DossierWords {
  dates: DateWords;
  roles: Dictionary['roles'];
  provenance: Dictionary['provenance'];
}

const labelsOf = (d: Dictionary): Labels => ({
  ...d.dossier,
  dates: d.dates,
  roles: d.roles,
  provenance: d.provenance,
});

export const LABELS: Readonly<Record<DossierLang, Labels>> = {
  en: labelsOf(DICTIONARIES.en),
  kk: labelsOf(DICTIONARIES.kk),
  ru: labelsOf(DICTIONARIES.ru),
};

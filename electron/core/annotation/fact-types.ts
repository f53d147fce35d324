/** The fact-type thesaurus (its ids and labels are in the dictionaries) plus the types a user added in this archive. */
import { z } from 'zod';
import { DICTIONARIES, type ThesaurusTypeId } from '../../shared/i18n/index.js';
import { AqiqatError } from '../errors.js';
import { FACT_TYPE_ID, FactTypeSchema, type ArchiveFile, type FactType } from '../model.js';

const ids = Object.keys(DICTIONARIES.en.factTypes) as ThesaurusTypeId[];
/** Validated once: an id the schema refuses is a bug and must fail loudly in the tests. */
export const THESAURUS: readonly FactType[] = z.array(FactTypeSchema).parse(
  ids.map((id) => ({
    id,
    labels: {
      en: DICTIONARIES.en.factTypes[id],
      kk: DICTIONARIES.kk.factTypes[id],
      ru: DICTIONARIES.ru.factTypes[id],
    },
  })),
);

/** The thesaurus first (its order is the menu's), then the archive's own types. */
export function allFactTypes(meta: ArchiveFile): FactType[] {
  const known = new Set(THESAURUS.map((t) => t.id));
  return [...THESAURUS, ...meta.factTypes.filter((t) => !known.has(t.id))];
}

/** Make `id` a known type: a new one is added to the archive, labelled with its own name. Mutates `meta`. */
export function ensureFactType(meta: ArchiveFile, id: string): boolean {
  if (!FACT_TYPE_ID.test(id)) throw new AqiqatError('fact.bad-type', { type: id }, 'usage');
  if (THESAURUS.some((t) => t.id === id) || meta.factTypes.some((t) => t.id === id)) return false;
  const label = id.replace(/-/g, ' ');
  meta.factTypes.push({ id, labels: { en: label, kk: label, ru: label } });
  return true;
}

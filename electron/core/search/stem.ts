/**
 * Inflection: light Kazakh suffix stripping (written once, in key space, so that Cyrillic and Latin
 * Kazakh share it) and Russian stemming (Snowball for common nouns, a proper-noun rule for names).
 *
 * Kazakh: the longest suffix of the table is stripped while at least MIN_STEM key letters remain and
 * the rest holds a vowel, at most 4 times; every step is kept (пикеттерге → piketerge, piketer,
 * piket), so a base word that happens to end in a suffix-like string stems the same way inflected
 * or not. A protected key (a gazetteer place such as Алматы = almati, which would lose -ti) stops it.
 * Not stripped on purpose: bare -ы/-і (Алматы → Алмат, a given name), bare -нда/-нде (Өскеменде
 * → oskeme), accusative -ын/-ін, personal possessives, and derivational endings (-лық, -шы, -сыз),
 * which change the meaning. Known false merges: a name that is another name plus a suffix-like
 * ending (Ерден ~ Ер, guarded only by the 4-letter minimum); a town name ending in -ды.
 *
 * Russian: Snowball (snowball-stemmers) only for lower-case words without Kazakh letters: it
 * gives пикет for пикеты/пикетов/пикетах, but Джакишев → джакиш while Джакишева → джакишев, and
 * Касымов → касым collides with the given name Касым. Capitalised words get the proper-noun rule:
 * surname endings (-ов/-ев/-ин + case ending) keep the surname, otherwise one short case ending
 * goes if 4 letters stay; never a bare -ы/-и.
 */
import snowball from 'snowball-stemmers';
import { fold, norm, type Folded } from './fold.js';

export const MIN_STEM = 4;

/** Kazakh endings in key space (fold of the Cyrillic variants, see ../../shared/notes/kazakh-search.md). */
const KAZAKH_SUFFIXES = [
  // genitive
  'nin',
  'din',
  'tin',
  'inin',
  'sinin',
  // dative
  'ga',
  'ge',
  'ka',
  'ke',
  'ina',
  'ine',
  'sina',
  'sine',
  // accusative
  'ni',
  'di',
  'ti',
  // locative
  'da',
  'de',
  'ta',
  'te',
  'inda',
  'inde',
  'sinda',
  'sinde',
  // ablative
  'dan',
  'den',
  'tan',
  'ten',
  'nan',
  'nen',
  'inan',
  'inen',
  'sinan',
  'sinen',
  // instrumental
  'men',
  'ben',
  'pen',
  'menen',
  'benen',
  'penen',
  // locative-attributive (Алматыдағы)
  'dagi',
  'degi',
  'tagi',
  'tegi',
  'indagi',
  'indegi',
  // plural, plural + possessive, 3rd-person possessive after a vowel
  'lar',
  'ler',
  'dar',
  'der',
  'tar',
  'ter',
  'lari',
  'leri',
  'dari',
  'deri',
  'tari',
  'teri',
  'si',
].sort((a, b) => b.length - a.length);

const hasVowel = (s: string) => /[aeiou]/.test(s);

/**
 * The lengths (in key letters) of the successive Kazakh stems of a folded, not yet normalised key,
 * longest first, the whole key not included.
 */
export function kazakhStems(key: string, isProtected: (normKey: string) => boolean = () => false): number[] {
  const out: number[] = [];
  let k = key;
  for (let pass = 0; pass < 4; pass++) {
    if (isProtected(norm(k))) break;
    const fits = KAZAKH_SUFFIXES.filter(
      (s) => k.length - s.length >= MIN_STEM && k.endsWith(s) && hasVowel(k.slice(0, -s.length)),
    );
    // longest first, unless a shorter one leaves a protected name (Алматының: -ның, not -ының)
    const suffix = fits.find((s) => isProtected(norm(k.slice(0, -s.length)))) ?? fits[0];
    if (!suffix) break;
    k = k.slice(0, -suffix.length);
    out.push(k.length);
  }
  return out;
}

const russian = snowball.newStemmer('russian');

const SURNAME = /^(.{2,}(?:ов|ев|ёв|ин|ын))(?:а|у|ым|ом|е|ой|ых|ыми|ы)$/;
const PROPER_ENDINGS = [
  'ами',
  'ями',
  'ах',
  'ях',
  'ам',
  'ям',
  'ом',
  'ем',
  'ой',
  'ей',
  'ым',
  'им',
  'ых',
  'их',
  'ою',
  'ею',
  'а',
  'я',
  'у',
  'ю',
  'е',
];

/** The Russian stem of a lower-cased Cyrillic word, or null when none applies. */
export function russianStem(lower: string, capitalised: boolean): string | null {
  if (capitalised) {
    const surname = SURNAME.exec(lower);
    if (surname) return surname[1]!;
    const ending = PROPER_ENDINGS.find((e) => lower.endsWith(e) && lower.length - e.length >= MIN_STEM);
    return ending ? lower.slice(0, -ending.length) : null;
  }
  const stem = russian.stem(lower);
  return stem.length >= MIN_STEM - 1 && stem !== lower ? stem : null;
}

/** Surface prefix that folds to the first `keyLength` letters of `folded`. */
export function surfacePrefix(surface: string, folded: Folded, keyLength: number): string {
  if (keyLength <= 0) return '';
  return surface.slice(0, folded.ends[keyLength - 1] ?? surface.length);
}

export { fold };

/**
 * Inflection: light Kazakh suffix stripping (written once, in key space, so that Cyrillic and Latin
 * Kazakh share it) and Russian stemming (Snowball for common nouns, a proper-noun rule for names).
 *
 * Kazakh: the longest suffix of the table is stripped while at least MIN_STEM key letters remain and
 * the rest holds a vowel, at most 4 times; every step is kept (пикеттерге → piketerge, piketer,
 * piket), so a base word that happens to end in a suffix-like string stems the same way inflected
 * or not. A protected key (a gazetteer place such as Алматы = almati, which would lose -ti) stops it.
 * Possessives (-ым, -м, -ың, -ы, -ымыз, -ыңыз, -сын, -ң …) are stripped where the letters say Kazakh
 * (POSSESSIVE_SUFFIXES; a Kazakh letter, or a spelling Russian does not have: analyze.ts); before a vowel-initial ending the stem's к/қ/п was written г/ғ/б, so the
 * analyzer also indexes the dictionary stem (бостандығынан → бостандық, айыбы → айып). Every
 * reading of an ambiguous ending is kept (мәссағаны: -ны and -ы). 3 letters may stay after an
 * ending of 4 or more (сотында → сот). An ending is taken only after the sounds it follows: -ка/-та/-ты
 * not after a vowel or м н ң л р (воронка is no ворон's), -ны only after a vowel, and й counts as a
 * consonant (сарайы is сарай's, сәуегейсі no one's). Not stripped on purpose: bare -нда/-нде (Өскеменде → oskeme),
 * a bare -ы/-і that would leave a gazetteer place (таразы ≠ Тараз), and derivational endings
 * (-лық, -шы, -сыз), which change the meaning. Known false merges: a name that is another name
 * plus a suffix-like ending (Ерден ~ Ер, guarded only by the length minimum); a town name ending in -ды.
 *
 * Russian: Snowball (snowball-stemmers) for words without Kazakh letters (from a common noun spelled as
 * Russian never is, only a cut tail Kazakh has too: жырым → жыр, диуана ≁ диуан): it gives пикет for
 * пикеты/пикетов/пикетах, but Джакишев → джакиш while Джакишева → джакишев, and Касымов → касым
 * collides with the given name Касым. Capitalised words get the proper-noun rule (surname endings
 * -ов/-ев/-ин + case ending keep the surname, otherwise one case ending goes if 4 letters stay, or 3
 * shaped like a short name: Аяну → аян; never a bare -ы/-и), and Snowball too unless they look like
 * a surname or end like a given name (a title's first word: Тюрьмы ~ тюрьма). Snowball's undoubling
 * of a final нн is undone (колонна keeps колонн, so it does not meet колония's колон). A stem Snowball took
 * from a verb's ending carries VERB_MARK, so that it meets only verb forms (жазала ≁ жаза); so does one from
 * -ит, a verb's or a noun's, whose noun keeps its whole word (бандит ≁ банда).
 */
import { createRequire } from 'node:module';
import type snowball from 'snowball-stemmers';
import { fold, norm, type Folded } from './fold.js';

export const MIN_STEM = 4;

/** Kazakh endings in key space: the fold of their Cyrillic variants. */
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

/**
 * Possessive endings (and the accusative after one). Those starting with ы/і are taken where that
 * letter is ы or і (never и: қазақи is not қазақ's), but -ым, -ын and bare -ы also end Russian words
 * (новым, Птицын, пикеты): in a word without Kazakh letters (Cyrillic әғқңөұүһі or Kazakh Latin)
 * only Kazakh's own і counts, or the ending is long enough to be Kazakh only (-ымыз, -ыңыз).
 */
const POSSESSIVE_SUFFIXES = [
  // 1st person: -ым/-ім, -ымыз/-іміз, after a vowel -м, -мыз/-міз
  'im',
  'imiz',
  'm',
  'miz',
  // 2nd person: -ың/-ің (also the accusative -ын/-ін after a possessive), polite -ыңыз/-іңіз
  'in',
  'iniz',
  // 3rd person after a consonant: бостандығы, айыбы; after a vowel + accusative: бағасын
  'i',
  'sin',
  // 2nd person after a vowel: -ң, -ңыз/-ңіз (only where the letter is ң: Өскемен keeps its н)
  'n',
  'niz',
];
const NG_SUFFIXES = new Set(['n', 'niz']);
/** need a Kazakh-looking word, or і */
const SHORT_POSSESSIVES = new Set(['im', 'in', 'i', 'm']);
const KAZAKH_ALL = [...KAZAKH_SUFFIXES, ...POSSESSIVE_SUFFIXES].sort((a, b) => b.length - a.length);

const KAZAKH_ENDINGS = new Set(KAZAKH_ALL);
/** Is this surface tail one Kazakh ending of the table? */
export const isKazakhEnding = (tail: string): boolean => KAZAKH_ENDINGS.has(fold(tail).key);

const hasVowel = (s: string) => /[aeiou]/.test(s);
/** key letters after which Kazakh endings start with a voiced consonant */
const SONOROUS_KEY = new Set(['a', 'e', 'i', 'o', 'u', 'm', 'n', 'l', 'r']);
const isVowelKey = (c: string | undefined) => c !== undefined && 'aeiou'.includes(c);
const POSSESSIVE = new Set(POSSESSIVE_SUFFIXES);

/** `first`: the surface letter the ending starts with. */
function possessiveFits(suffix: string, first: string, kazakhLetters: boolean): boolean {
  if (suffix[0] === 'i' && first === 'и') return false;
  if (!SHORT_POSSESSIVES.has(suffix)) return true;
  return kazakhLetters || first === 'і' || first === 'ы';
}

/**
 * Before a vowel-initial ending a stem's final к/қ is written г/ғ and п is written б (бостандық →
 * бостандығы, айып → айыбы): the stem as the dictionary writes it, or null.
 */
export function unmutated(stem: string): string | null {
  const last = stem[stem.length - 1];
  const back = last === undefined ? undefined : UNMUTATE[last];
  return back === undefined ? null : stem.slice(0, -1) + back;
}
const UNMUTATE: Record<string, string> = { g: 'k', b: 'p', ғ: 'қ', г: 'к', б: 'п', ğ: 'q' };

/**
 * The lengths (in key letters) of the successive Kazakh stems of a folded, not yet normalised key,
 * longest first, the whole key not included.
 */
export function kazakhStems(
  key: string,
  isProtected: (normKey: string) => boolean = () => false,
  kazakhLetters = false,
  /** the surface letter a key letter came from (ң and ы/і decide some endings) */
  surfaceAt: (index: number) => string = () => '',
  /** a capitalised word: a name of 3 letters keeps its stem before any ending but a bare letter (Аруның → ару) */
  name = false,
): number[] {
  const out: number[] = [];
  let k = key;
  for (let pass = 0; pass < 4; pass++) {
    if (isProtected(norm(k))) break;
    const fits = KAZAKH_ALL.filter(
      (s) =>
        // 3 letters stay after a long ending (сотында → сот, қолының → қол)
        k.length - s.length >= (s.length >= 4 || (name && s.length >= 2) ? MIN_STEM - 1 : MIN_STEM) &&
        // Kazakh stems end in в only in surnames (Жәкішевке): правда is not прав + -да
        (!k.endsWith(`v${s}`) || /[oe]v$/.test(k.slice(0, -s.length))) &&
        k.endsWith(s) &&
        hasVowel(k.slice(0, -s.length)) &&
        // -сы/-сі only after a vowel (ақынсы is not ақын's; й is a consonant: сәуегейсі is not
        // сәуегей's), bare -ы/-і only after a consonant
        (s !== 'si' || (isVowelKey(k[k.length - 3]) && surfaceAt(k.length - 3) !== 'й')) &&
        (s !== 'sin' || (isVowelKey(k[k.length - 4]) && surfaceAt(k.length - 4) !== 'й')) &&
        (s !== 'i' || !isVowelKey(k[k.length - 2]) || surfaceAt(k.length - 2) === 'й') &&
        // endings in к/т follow a voiceless consonant, never a vowel or м, н, ң, л, р (воронка is
        // not ворон + -ка: that dative is ворон + -ға)
        (!/^[kt]/.test(s) || !SONOROUS_KEY.has(k[k.length - s.length - 1] ?? '')) &&
        // the accusative -ны/-ні only after a vowel (колонны is not колон's: that is колонды)
        (s !== 'ni' || isVowelKey(k[k.length - 3])) &&
        (!/^m/.test(s) || s === 'men' || s === 'menen' || isVowelKey(k[k.length - s.length - 1])) &&
        (!NG_SUFFIXES.has(s) ||
          (isVowelKey(k[k.length - s.length - 1]) && /[ңñ]/.test(surfaceAt(k.length - s.length)))) &&
        (!POSSESSIVE.has(s) || possessiveFits(s, surfaceAt(k.length - s.length), kazakhLetters)) &&
        // a bare -ы/-і does not make a place of a common noun (таразы, scales, is not Тараз)
        (s !== 'i' || !isProtected(norm(k.slice(0, -1)))),
    );
    // longest first, unless a shorter one leaves a protected name (Алматының: -ның, not -ының)
    const suffix = fits.find((s) => isProtected(norm(k.slice(0, -s.length)))) ?? fits[0];
    if (!suffix) break;
    // the other readings of this ending too, without going on from them (мәссағаны: -ны or -ы),
    // unless one leaves a protected name (Алматының is not Алмат's)
    if (!isProtected(norm(k.slice(0, -suffix.length))))
      for (const other of fits) if (other !== suffix) out.push(k.length - other.length);
    k = k.slice(0, -suffix.length);
    out.push(k.length);
  }
  return [...new Set(out)];
}

// Snowball's one file holds every language (870 KB, ~100 ms to load): required when a word is first
// stemmed, so that a process that only lists the archive never pays for it
let russian: ReturnType<typeof snowball.newStemmer> | undefined;
const russianStemmer = () =>
  (russian ??= (createRequire(import.meta.url)('snowball-stemmers') as typeof snowball).newStemmer('russian'));

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

/**
 * A name keeps at least 4 letters when an ending goes, or 3 shaped like a short name (Аяну → аян,
 * Розе → роз, Айше → айш; not Ерге → ерг, Kazakh's dative, and not Касым → кас: -ым is the name's own).
 */
function properStemFits(stem: string, ending: string): boolean {
  if (stem.length >= MIN_STEM) return true;
  return (
    stem.length === 3 &&
    ending !== 'ым' &&
    (/^.[аеёиоуыэюя][бвгджзклмнпрстфхцчшщ]$/.test(stem) || /^[аеиоуыэә][йлмнр][бвджзлмнпрстфхцчшщ]$/.test(stem))
  );
}

/** The Russian stem of a lower-cased Cyrillic word, or null when none applies. */
export function russianStem(
  lower: string,
  capitalised: boolean,
  /** a stem that is a gazetteer name: a bare -ы does not lead to it (Таразы is not Тараз's) */
  isProtectedStem: (stem: string) => boolean = () => true,
): string | null {
  if (capitalised) {
    const surname = SURNAME.exec(lower);
    if (surname) return surname[1]!;
    // a feminine name's genitive (Даны, Сары stand for Дана, Сара), after a consonant
    const genitive = /^(.+[бвгджзклмнпрстфхцчшщ])ы$/.exec(lower);
    if (genitive && properStemFits(genitive[1]!, 'ы') && !isProtectedStem(genitive[1]!)) return genitive[1]!;
    const ending = PROPER_ENDINGS.find(
      (e) =>
        lower.endsWith(e) &&
        properStemFits(lower.slice(0, -e.length), e) &&
        // -им/-их end given names (Максим, Рахим); as endings they follow -ск-/-цк- (Вишневским)
        ((e !== 'им' && e !== 'их') || /[сц]к(им|их)$/.test(lower)),
    );
    return ending ? lower.slice(0, -ending.length) : null;
  }
  let stem = russianStemmer().stem(lower);
  // Snowball undoubles a final нн (колонна → колон), which makes колонна колония's: every form
  // keeps the нн, so the stem may too
  if (stem.endsWith('н') && lower.startsWith(`${stem}н`)) stem += 'н';
  if (stem.length < MIN_STEM - 1 || stem === lower) return null;
  const tail = lower.slice(stem.length);
  if (!lower.startsWith(stem)) return stem;
  // -ит/-ыт (-ите) after a consonant ends verbs (говорит) and nouns (бандит, лимите): the stem Snowball
  // cuts is the verb's only; the noun's forms keep the whole word (бандиты → бандит), so бандит ≁ банда
  return isVerbEnding(tail, stem) || AMBIGUOUS_IT.test(tail) ? stem + VERB_MARK : stem;
}

/**
 * Marks a stem Snowball took from a verb's ending: such a stem meets only other verb forms' stems,
 * never a noun's word or stem. Kazakh verbs made with -ла from nouns are written without Kazakh
 * letters (брошюрала, арнала, айдала): Snowball reads -ла as a Russian past tense and gives the noun
 * itself (брошюра), or the noun's stem (жабыла, жабы → жаб). Russian verbs keep matching each other
 * (читала ~ читать ~ читав).
 */
export const VERB_MARK = '~';

// after а/я (kept in the stem): past tense, infinitive, present, imperative, gerund; not the short
// participle's -н, -на, -ны, -но, which also end nouns in -ан (нальчан, хулигана)
const VERB_AFTER_A = new Set(
  ['ла', 'ете', 'йте', 'ли', 'й', 'л', 'ем', 'ло', 'ет', 'ют', 'ть', 'ешь', 'ю'].concat(['в', 'вши', 'вшись']),
);
// after a consonant: only the past tense, infinitive and gerund; -ит, -ен, -ю also end nouns (бандит, времен, землю)
const VERB_AFTER_CONSONANT = new Set(
  ['ила', 'ыла', 'ило', 'ыло', 'или', 'ыли', 'ил', 'ыл', 'ить', 'ыть'].concat([
    'ив',
    'ивши',
    'ившись',
    'ыв',
    'ывши',
    'ывшись',
  ]),
);

const AMBIGUOUS_IT = /^[иы]те?$/;
/** The noun reading Snowball's verb stem hides: лимите is лимит + -е (see russianStem). */
function nounOfAmbiguous(lower: string, stem: string | null): string | null {
  if (!stem?.endsWith(VERB_MARK)) return null;
  const tail = lower.slice(stem.length - VERB_MARK.length);
  return AMBIGUOUS_IT.test(tail) && tail.endsWith('е') ? lower.slice(0, -1) : null;
}

function isVerbEnding(tail: string, stem: string): boolean {
  const plain = tail.length > 2 && /(?:ся|сь)$/.test(tail) ? tail.slice(0, -2) : tail;
  return /[ая]$/.test(stem) ? VERB_AFTER_A.has(plain) : VERB_AFTER_CONSONANT.has(plain);
}

const SURNAME_BASE = /(?:ов|ев|ёв|ин|ын)$/;

/**
 * Every Russian stem the analyzer indexes: a capitalised word is a name or a common noun starting a
 * sentence, so it gets the proper-noun rule and Snowball (not for a surname: Касымов → касым would
 * meet the given name Касым); a gazetteer name only the proper-noun rule (Кызылорде → кызылорд).
 */
export function russianStems(
  lower: string,
  capitalised: boolean,
  protectedName: boolean,
  isProtectedStem?: (stem: string) => boolean,
): string[] {
  const out = new Set<string>();
  if (capitalised) {
    // a gazetteer name only loses a nominative -а/-я (Кызылорда ~ Кызылорде; Алма-Ате stays whole)
    const proper = !protectedName || /^[^-]+[ая]$/.test(lower) ? russianStem(lower, true, isProtectedStem) : null;
    if (proper) out.add(proper);
    // nor to a name's own -им/-ым/-ин/-ын (Максим is not Макс)
    if (!protectedName && !SURNAME.test(lower) && !SURNAME_BASE.test(lower) && !/(?:им|ым|ин|ын)$/.test(lower)) {
      // at least 4 letters: Snowball cuts given names short (Жания → жан)
      const common = russianStem(lower, false);
      if (common && common.replace(VERB_MARK, '').length >= MIN_STEM) out.add(common);
      const noun = nounOfAmbiguous(lower, common);
      if (noun) out.add(noun);
    }
  } else if (!protectedName) {
    const common = russianStem(lower, false);
    if (common) out.add(common);
    const noun = nounOfAmbiguous(lower, common);
    if (noun) out.add(noun);
  }
  // a -й stem before an ending: Абаю, Семее, фарисея stand for Абай, Семей, фарисей
  const y = /^(.+[аеоуыэя])(?:я|ю|е|ем|ям|ей|и|ях|ями|ям)$/.exec(lower);
  if (y && y[1]!.length >= 3) out.add(`${y[1]!}й`);
  // a name in -ия declined (Алии, Алию, Алией stand for Алия): its nominative, since its stem would
  // be another name (Али)
  const iya = capitalised ? /^(.{2,}и)(?:и|ю|ей|е)$/.exec(lower) : null;
  if (iya) out.add(`${iya[1]!}я`);
  out.delete(lower);
  return [...out];
}

/** Surface prefix that folds to the first `keyLength` letters of `folded`. */
export function surfacePrefix(surface: string, folded: Folded, keyLength: number): string {
  if (keyLength <= 0) return '';
  return surface.slice(0, folded.ends[keyLength - 1] ?? surface.length);
}

export { fold };

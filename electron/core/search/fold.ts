/**
 * Folding: one script-independent key per word, so that Жәкішев (kk), Джакишев (ru), Zhakishev and
 * Dzhakishev (en) and Jäkışev (kk Latin 2021) all become `jakixev`.
 *
 * The key alphabet is lower-case ASCII letters and digits. Cyrillic and Latin are separate branches
 * (a key letter such as `x` = ш must never go through the Latin table, where x → ks):
 *
 *   Cyrillic: дж→j first, then а ә→a  б→b  в→v  г ғ→g  д→d  е э→e  ё→io  ж ҷ→j  з→z  и й і ы ӣ→i
 *             к қ→k  л→l  м→m  н ң→n  о ө→o  п→p  р→r  с→s  т→t  у ұ ү ў ӯ→u  ф→f  х һ ҳ→h
 *             ц→ts  ч→c  ш щ→x  ъ ь→(deleted)  ю→iu  я→ia
 *   Latin:    digraphs first, longest first, their output never re-mapped: shch→x dzh→j zh→j dj→j
 *             kh→h sh→x ch→c gh→g ya→ia yu→iu yo→io ye→ie, GOST's shh→x cz→ts, 2017's s'→x c'→c;
 *             then q→k ğ→g ä ə→a ö→o ū ü→u ı→i y→i ş š ŝ→x ç č→c ž→j ñ→n â→ia û→iu ë→io c→k
 *             w→u x→ks, j→i after a vowel and not before one; then any other accented letter loses
 *             its accent (NFD), and apostrophes and BGN's · are dropped (Qazaqstan’s is handled by
 *             the analyzer).
 *
 * norm() is applied to a key only after suffix stripping (stem.ts): collapse doubled letters
 * (Kassym = Қасым), drop a glide i before a vowel at the start or after a vowel (Nazarbayev =
 * Назарбаев, Yerlan = Ерлан), collapse again. Collapsing before stripping would turn
 * Өскеменнен (oskemen+nen) into oskemenen and lose -нен.
 *
 * Folding alone would merge і/ы/и/й, ұ/ү/у, ө/о, қ/к, ғ/г, ә/а, һ/х: құл (slave) = күл (ash). The
 * query keeps them apart when both words are in Kazakh script (query.ts), and joins a Kazakh word
 * only with a spelling that lost its letters (Russian кол, Latin kol for қол). Still merged: Ел
 * (country) = ель (fir), and names that differ only in those letters when one is in Russian spelling.
 * Ranking puts exact and same-script matches above folded ones. Not merged on purpose: ч/ш/ц
 * (c, x, ts) and е/а, whose merge would cost more precision than it gains (Мәжіліс ≠ Меджлис).
 */

/** A folded key, and for each key letter the end (exclusive) of the surface letters it came from. */
export interface Folded {
  key: string;
  ends: number[];
}

const CYRILLIC: Record<string, string> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  э: 'e',
  ё: 'io',
  ж: 'j',
  ҷ: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  і: 'i',
  ы: 'i',
  ӣ: 'i',
  к: 'k',
  қ: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ў: 'u',
  ӯ: 'u',
  ф: 'f',
  х: 'h',
  һ: 'h',
  ҳ: 'h',
  ц: 'ts',
  ч: 'c',
  ш: 'x',
  щ: 'x',
  ъ: '',
  ь: '',
  ю: 'iu',
  я: 'ia',
  // Ukrainian/Belarusian letters that turn up in names
  ї: 'i',
  є: 'e',
  ґ: 'g',
};

const LATIN_DIGRAPHS: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'x'],
  // GOST 7.79 (ASCII): щ shh, ц cz
  ['shh', 'x'],
  ['cz', 'ts'],
  // the Kazakh Latin of 2017 marks ш and ч with an apostrophe (S'ymkent)
  ...["'", '’', 'ʼ'].flatMap((a): Array<[string, string]> => [
    [`s${a}`, 'x'],
    [`c${a}`, 'c'],
  ]),
  ['dzh', 'j'],
  ['dž', 'j'],
  ['zh', 'j'],
  ['dj', 'j'],
  ['kh', 'h'],
  ['sh', 'x'],
  ['ch', 'c'],
  ['gh', 'g'],
  ['ya', 'ia'],
  ['yu', 'iu'],
  ['yo', 'io'],
  ['ye', 'ie'],
];

/** Mapped before accent stripping: NFD would turn ş into s and ç into c. */
const LATIN_SINGLE: Record<string, string> = {
  q: 'k',
  ğ: 'g',
  ä: 'a',
  ə: 'a',
  ö: 'o',
  ū: 'u',
  ü: 'u',
  ı: 'i',
  y: 'i',
  ý: 'i',
  ş: 'x',
  š: 'x',
  // ISO 9: щ ŝ, я â, ю û, ё ë
  ŝ: 'x',
  â: 'ia',
  û: 'iu',
  ë: 'io',
  ç: 'c',
  č: 'c',
  ž: 'j',
  ñ: 'n',
  ń: 'n',
  c: 'k',
  w: 'u',
  x: 'ks',
};

// with BGN's separator dot (Bazaray·ym) and GOST's ` for ь
const APOSTROPHES = new Set(["'", '’', 'ʼ', '‘', '`', '´', '·']);
const LATIN_VOWEL = /[aeiouyäöüūıə]/;

const CYRILLIC_LETTER = /[\u0400-\u04ff\u0500-\u052f]/;
const KAZAKH_LETTER = /[әғқңөұүһі]/;

export const hasCyrillic = (s: string): boolean => CYRILLIC_LETTER.test(s);
/** Letters only Kazakh (not Russian) uses: such a word is not given to the Russian stemmer. */
export const hasKazakhLetter = (lower: string): boolean => KAZAKH_LETTER.test(lower);

/**
 * Lower-casing right for Kazakh and Turkish-style Latin: İ → i (not i + combining dot), I → i
 * (Kazakh Latin uses ı for the back vowel, and both fold to i anyway).
 */
export function lowerWord(word: string): string {
  return word.normalize('NFC').replace(/İ/g, 'i').toLowerCase().normalize('NFC');
}

/** Fold one lower-cased word (see the table at the top). */
export function fold(lower: string): Folded {
  const out: string[] = [];
  const ends: number[] = [];
  const emit = (s: string, end: number) => {
    for (const ch of s) {
      out.push(ch);
      ends.push(end);
    }
    // a deleted letter (ь, ъ) belongs to the key letter before it
    if (s === '' && ends.length > 0) ends[ends.length - 1] = end;
  };
  let i = 0;
  while (i < lower.length) {
    const ch = lower[i]!;
    if (CYRILLIC_LETTER.test(ch)) {
      if (ch === 'д' && lower[i + 1] === 'ж') {
        emit('j', i + 2);
        i += 2;
        continue;
      }
      emit(CYRILLIC[ch] ?? latinLetter(ch), i + 1);
      i++;
      continue;
    }
    const digraph = LATIN_DIGRAPHS.find(([from]) => lower.startsWith(from, i));
    if (digraph) {
      emit(digraph[1], i + digraph[0].length);
      i += digraph[0].length;
      continue;
    }
    // j after a vowel and not before one is й (GOST, ISO 9: Abaj, Sulejmenov), elsewhere ж (Jäkışev)
    // (before GOST's y' for ы too: Kajy'mov = Кайымов)
    const jIsY =
      ch === 'j' &&
      i > 0 &&
      LATIN_VOWEL.test(lower[i - 1]!) &&
      (!LATIN_VOWEL.test(lower[i + 1] ?? '') || /^y['’ʼ]/.test(lower.slice(i + 1)));
    emit(APOSTROPHES.has(ch) ? '' : jIsY ? 'i' : latinLetter(ch), i + 1);
    i++;
  }
  return { key: out.join(''), ends };
}

/** One Latin (or other) letter: the single-letter table, else the accent-free ASCII letter or digit, else nothing. */
function latinLetter(ch: string): string {
  const mapped = LATIN_SINGLE[ch];
  if (mapped !== undefined) return mapped;
  if (/[a-z0-9]/.test(ch)) return ch;
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
  return /^[a-z0-9]+$/.test(base) ? (LATIN_SINGLE[base] ?? base) : '';
}

const VOWELS = 'aeiou';
const isVowel = (c: string | undefined): boolean => c !== undefined && c !== '' && VOWELS.includes(c);

/**
 * Collapse doubled letters, drop glide i, collapse again (see the top of this file). A Russian
 * Snowball stem keeps its doubled letters (`doubles`): колонн- is not колон-.
 */
export function norm(key: string, doubles = false): string {
  const once = doubles ? key : collapse(key);
  let out = '';
  for (let i = 0; i < once.length; i++) {
    const c = once[i]!;
    // an i at the end has no next letter: it must not count as "before a vowel" ('aeiou'.includes('') is true)
    if (c === 'i' && isVowel(once[i + 1]) && (i === 0 || isVowel(once[i - 1]))) continue;
    out += c;
  }
  return doubles ? out : collapse(out);
}

/** Doubled letters become one; digits stay (2009 is not 209). */
function collapse(s: string): string {
  let out = '';
  for (const c of s) if (c !== out[out.length - 1] || (c >= '0' && c <= '9')) out += c;
  return out;
}

/** The whole fold → norm pipeline for one word, without stemming. */
export const foldKey = (word: string): string => norm(fold(lowerWord(word)).key);

/**
 * The text pipeline shared by index and query: tokens → lower-case → stems → folded keys.
 * Every distinct surface word is analysed once (cached): index size and speed depend on the
 * vocabulary, not on the corpus.
 */
import { fold, hasCyrillic, hasKazakhLetter, lowerWord, norm } from './fold.js';
import { isKazakhEnding, kazakhStems, russianStem, russianStems, surfacePrefix, unmutated, VERB_MARK } from './stem.js';
import { words } from './words.js';

export interface Token {
  /** as written */
  surface: string;
  start: number;
  end: number;
}

/** What one surface word can match (see query.ts for the tiers). */
export interface WordAnalysis {
  /** lower-cased surface: tier "exact" */
  lower: string;
  /** lower-cased surface stems, same script: tier "stem" (lower itself not included) */
  stems: string[];
  /** norm(fold(lower)): tier "folded" */
  key: string;
  /** folded keys of the stems (key itself not included) */
  keyStems: string[];
}

/**
 * Scripts where Unicode word boundaries need a dictionary (Intl.Segmenter); Kazakh, Russian and
 * Latin text splits the same with a letter-run regex, ~12× faster (Intl.Segmenter ran at ~4M
 * chars/s on Node 20, which made a 50k-article rebuild take minutes).
 */
// Thai, Lao, Tibetan, Myanmar, Khmer, kana, CJK: plain ranges (a \p{Script=…} class scanned ~5× slower)
const NEEDS_SEGMENTER = /[\u0e00-\u0eff\u0f00-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
// inside a word: apostrophes (Qazaqstan’s, S'ymkent), GOST's ` and BGN's · (Ruste`m, Bazaray·ym); at
// the end only after the 2017 Latin's y', s', c' (Aqsy' = Ақсу, where Aqsy is Ақсы; Danes' = Данеш)
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ`·][\p{L}\p{M}]+)*(?:(?<=[yscYSC])['’ʼ](?![\p{L}\p{M}\p{N}]))?/gu;
const HYPHENS = new Set(['-', '‐', '‑']);

export function tokenize(text: string): Token[] {
  let out: Token[];
  if (NEEDS_SEGMENTER.test(text)) {
    out = words(text).map((w) => ({ surface: w.word, start: w.start, end: w.end }));
  } else {
    out = [];
    for (const m of text.matchAll(WORD)) out.push({ surface: m[0], start: m.index, end: m.index + m[0].length });
  }
  return withCompounds(text, out);
}

/**
 * The matching tokens around the first match only (for a snippet), reading the text no further
 * than `reach` characters past it: most of a long text is never tokenized.
 */
export function firstMatches(text: string, isMatch: (t: Token) => boolean, reach = 110): Token[] {
  if (NEEDS_SEGMENTER.test(text)) return tokenize(text).filter(isMatch);
  const out: Token[] = [];
  let limit = Infinity;
  let runStart = -1;
  let prev: Token | null = null;
  const offer = (t: Token) => {
    if (!isMatch(t)) return;
    out.push(t);
    if (limit === Infinity) limit = t.end + reach;
  };
  // a copy: a shared /g regex keeps lastIndex, and matchAll (tokenize) would start from it
  const re = new RegExp(WORD);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t: Token = { surface: m[0], start: m.index, end: m.index + m[0].length };
    if (t.start > limit) break;
    const joined = prev !== null && t.start === prev.end + 1 && HYPHENS.has(text[prev.end]!);
    if (joined) {
      if (runStart < 0) runStart = prev!.start;
    } else if (runStart >= 0) {
      offer({ surface: text.slice(runStart, prev!.end), start: runStart, end: prev!.end });
      runStart = -1;
    }
    offer(t);
    prev = t;
  }
  if (runStart >= 0 && prev) offer({ surface: text.slice(runStart, prev.end), start: runStart, end: prev.end });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Hyphenated names are also one token: Усть-Каменогорске, Алма-Ата, Нұр-Сұлтан (each part stays a
 * token too), so a gazetteer entry and a Latin spelling without the hyphen can meet them.
 */
function withCompounds(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    out.push(first);
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1]!.start === tokens[j]!.end + 1 && HYPHENS.has(text[tokens[j]!.end]!))
      j++;
    if (j > i) {
      const last = tokens[j]!;
      out.push({ surface: text.slice(first.start, last.end), start: first.start, end: last.end });
    }
  }
  return out;
}

const ENGLISH_POSSESSIVE = /['’]s$/;
const CAPITAL = /^\p{Lu}/u;

export class Analyzer {
  readonly #cache = new Map<string, WordAnalysis>();

  /** `protectedKeys`: folded keys never stemmed (gazetteer places). */
  constructor(readonly protectedKeys: ReadonlySet<string> = new Set()) {}

  /** Analyse a surface word; capitalisation picks the Russian proper-noun rule. */
  analyze(surface: string): WordAnalysis {
    const capitalised = CAPITAL.test(surface);
    const cacheKey = capitalised ? `^${surface.toLowerCase()}` : surface.toLowerCase();
    let hit = this.#cache.get(cacheKey);
    if (!hit) {
      hit = this.#analyze(lowerWord(surface).replace(/[‐‑]/g, '-'), capitalised);
      if (this.#cache.size > 500_000) this.#cache.clear();
      this.#cache.set(cacheKey, hit);
    }
    return hit;
  }

  #analyze(lower: string, capitalised: boolean): WordAnalysis {
    const stems = new Set<string>();
    const keyStems = new Set<string>();
    const own = this.#stemsOf(lower, capitalised, stems, keyStems);
    // ё is written е as often as not: the е spelling's analysis too (заключённых ~ заключенный)
    if (lower.includes('ё')) {
      const plain = lower.replace(/ё/g, 'е');
      stems.add(plain);
      keyStems.add(this.#stemsOf(plain, capitalised, stems, keyStems));
    }
    stems.delete(lower);
    keyStems.delete(own);
    keyStems.delete('');
    return { lower, stems: [...stems], key: own, keyStems: [...keyStems] };
  }

  /** Adds the surface stems and folded stem keys of one spelling; returns its folded key. */
  #stemsOf(lower: string, capitalised: boolean, stems: Set<string>, keyStems: Set<string>): string {
    const cyrillic = hasCyrillic(lower);
    let base = lower;
    if (!cyrillic && ENGLISH_POSSESSIVE.test(lower)) {
      base = lower.slice(0, -2);
      stems.add(base);
    }
    const folded = fold(base.replace(/-/g, ''));
    const key = norm(folded.key);
    const compact = base.replace(/-/g, '');
    const isProtected = (k: string) => this.protectedKeys.has(k);
    const isProtectedStem = (surfaceStem: string) => isProtected(norm(fold(surfaceStem).key));
    // a common noun spelled as Russian never is Kazakh without Kazakh letters; a name is declined the
    // Russian way whatever its spelling (Бахытжану)
    const kazakhSpelling = cyrillic && !capitalised && !hasKazakhLetter(lower) && NOT_RUSSIAN.test(lower);
    const kazakhLetters = cyrillic ? hasKazakhLetter(lower) || kazakhSpelling : KAZAKH_LATIN.test(lower);
    const addStem = (surfaceStem: string) => {
      if (surfaceStem && surfaceStem !== lower)
        stems.add(base.includes('-') ? rehyphenate(base, surfaceStem) : surfaceStem);
    };
    const surfaceAt = (i: number) => compact[(folded.ends[i] ?? 0) - 1] ?? '';
    for (const length of kazakhStems(folded.key, isProtected, kazakhLetters, surfaceAt, capitalised)) {
      const keyStem = folded.key.slice(0, length);
      const surfaceStem = surfacePrefix(compact, folded, length);
      addStem(surfaceStem);
      keyStems.add(norm(keyStem));
      // a vowel-initial ending voiced the stem's last consonant: бостандығы → бостандық
      if (VOWEL_KEY.test(folded.key[length] ?? '')) {
        const k = unmutated(keyStem);
        const s = unmutated(surfaceStem);
        if (k) keyStems.add(norm(k));
        if (s) addStem(s);
      }
    }
    if (cyrillic && (!kazakhLetters || kazakhSpelling)) {
      const ru = russianStems(base, capitalised, isProtected(key), isProtectedStem).filter(
        (r) =>
          // a common noun that is a place plus an ending is not that place (таразы, scales ≠ Тараз)
          (capitalised || !isProtected(norm(fold(r).key))) &&
          // a Kazakh word loses only what Snowball cuts that Kazakh has too (жырым → жыр, not диуана → диуан)
          (!kazakhSpelling || (base.startsWith(r) && isKazakhEnding(base.slice(r.length)))),
      );
      for (const r of ru) {
        stems.add(r);
        // a capitalised word's stem loses doubled letters (Анна, Ana), not a final one (Колонна ≁ колония)
        const k = russianKey(r, !capitalised || /(.)\1$/.test(r));
        keyStems.add(k);
        const fleeting = k.endsWith(VERB_MARK) ? null : withoutFleetingVowel(k);
        if (fleeting) keyStems.add(fleeting);
      }
      // not in surnames: Касымов is no Касымв
      const fleeting = capitalised && /(ов|ев|ин|ын)$/.test(base) ? null : withoutFleetingVowel(key);
      if (fleeting) keyStems.add(fleeting);
      // Russian spelling writes қ as х or к (Бахытжан, Бакытжан = Бақытжан)
      if (capitalised && key.includes('h')) {
        keyStems.add(key.replace(/h/g, 'k'));
        for (const r of ru) keyStems.add(russianKey(r, false).replace(/h/g, 'k'));
      }
    }
    if (cyrillic && kazakhLetters && capitalised) {
      // a name in Kazakh letters declined the Russian way (Ақлима ~ Аклиму) by keys; in Kazakh letters
      // too (Қайрат ~ Қайрату) by the name rule's surface stem, which keeps the letters
      const name = isProtected(key) ? null : russianStem(base, true, isProtectedStem);
      for (const r of russianStems(base, true, isProtected(key), isProtectedStem)) {
        keyStems.add(russianKey(r, false));
        // the name rule's stem, or the nominative of a -й or -ия name (Қарасая ~ Қарасай)
        if (r === name || /[йя]$/.test(r)) addStem(r);
      }
    }
    // a stem ending in -й loses it before an ending: Мамай → Мамая, Семей → Семее (keys mamaia → mama)
    if ((capitalised || cyrillic) && /[aeiou]i$/.test(key) && /[йyji]$/.test(lower) && key.length >= 4)
      keyStems.add(norm(key.slice(0, -1)));
    if (!cyrillic) {
      // other readings of Latin letters; each is a key, and a surname's stem if capitalised
      const plain = base.replace(/-/g, '');
      const readings = [key];
      // x is х in GOST 7.79 (Axat = Ахат), ks in English
      if (lower.includes('x')) readings.push(norm(fold(plain.replace(/x/g, 'h')).key));
      // jy is жы in the Kazakh Latin of 2021 (Kajym = Кажым), йы in the common schemes (Gulajymov = Гулайымов)
      if (/[aeiou]jy/.test(lower)) readings.push(norm(fold(plain.replace(/([aeiou])jy/g, '$1iy')).key));
      // y' is ы in GOST 7.79 but у in the Kazakh Latin of 2017 (S'ymkent, Ny'rsy'ltan)
      if (/y['’ʼ]/.test(lower)) readings.push(norm(fold(plain.replace(/y['’ʼ]/g, 'u')).key));
      // 's is English's possessive, or GOST's y's (Karmy's = Кармыс)
      if (plain !== lower.replace(/-/g, '')) readings.push(norm(fold(lower.replace(/-/g, '')).key));
      // a final apostrophe is the 2017 Latin's (Danes' = Данеш) or English's plural possessive (lawyers')
      if (/['’ʼ]$/.test(plain)) {
        addStem(base.slice(0, -1));
        readings.push(norm(fold(plain.slice(0, -1)).key));
      }
      for (const [i, k] of readings.entries()) {
        if (i > 0) keyStems.add(k);
        if (!capitalised) continue;
        // a surname in Latin letters, declined the Russian way (Toregozhina ~ Торегожиной)
        const surname = LATIN_SURNAME.exec(k);
        if (surname) keyStems.add(surname[1]!);
        // a name's nominative -a (Kyzylorda ~ Кызылорде, Astana ~ Астане)
        else if (/[^aeiou]a$/.test(k) && k.length >= 5) keyStems.add(k.slice(0, -1));
      }
    }
    return key;
  }
}

const VOWEL_KEY = /^[aeiou]$/;
/**
 * Spellings Russian does not have: ы after ж ш ч щ к г х (Russian writes жир, шить, кит), ы first or
 * after a vowel, у between vowels (Kazakh's у is also a glide: ауыл, диуана).
 */
const NOT_RUSSIAN = /[жшчщкгх]ы|(?:^|[аеёиоуыэюя])ы|[аеёиоуыэюя]у[аеёиоуыэюя]/;

/** The folded key of a Russian stem; a verb's stem keeps its mark (stem.ts, VERB_MARK). */
function russianKey(stem: string, doubles: boolean): string {
  const verb = stem.endsWith(VERB_MARK);
  const plain = (verb ? stem.slice(0, -VERB_MARK.length) : stem).replace(/-/g, '');
  return norm(fold(plain).key, doubles) + (verb ? VERB_MARK : '');
}
/** Kazakh Latin letters English and Russian romanizations do not use. */
const KAZAKH_LATIN = /[äğıöüūşñə]/;
const LATIN_SURNAME = /^(.{2,}(?:ov|ev|in))(?:a|u|om|im|e|oi|ih|imi|i)$/;

/**
 * Russian fleeting vowels: тюрьма/тюрем, пытка/пыток, орденок/орденка, панамец/панамца — a key
 * ending consonant + o/e + consonant also stands for the form without that vowel.
 */
function withoutFleetingVowel(key: string): string | null {
  const m = /^(.*[^aeiou])[oe](ts|[^aeiou])$/.exec(key);
  return m && m[1]!.length >= 3 && /[aeiou]/.test(m[1]!) ? m[1]! + m[2]! : null;
}

/** A stem of the hyphen-free word, hyphens put back where they were (усть-каменогорск). */
function rehyphenate(withHyphens: string, stem: string): string {
  let out = '';
  let k = 0;
  for (const ch of withHyphens) {
    if (k >= stem.length) break;
    if (ch === '-') out += ch;
    else {
      out += ch;
      k++;
    }
  }
  return out;
}

/**
 * Redaction: a person's name and aliases, in the inflected and transliterated forms a news text uses,
 * become "[redacted]". It errs on the side of hiding too much (a namesake, a word that shares a long
 * stem): a redacted dossier must never leak the name.
 *
 * A small matcher of its own: each name word becomes a pattern that also accepts
 * - Kazakh case and plural endings and Russian declension (Жәкішевтің, Жакишева, Жакишевым),
 * - the other Cyrillic spelling (Жәкішев ⇄ Жакишев ⇄ Джакишев),
 * - Latin transliterations (Zhakishev, Dzhakishev, Jäkışev), so that URLs and English text are covered.
 * The search pipeline (search/fold, stem) may replace this once it exists.
 */
import type { DossierData } from './types.js';

export const REDACTED = '[redacted]';

/** Same letter in the other Cyrillic orthography (Kazakh ⇄ Russian). */
const CYRILLIC_EQUIV: Record<string, string> = {
  а: 'аә', ә: 'әа', о: 'оө', ө: 'өо', у: 'уұү', ұ: 'ұу', ү: 'үу', к: 'кқ', қ: 'қк', г: 'гғ', ғ: 'ғг', н: 'нң', ң: 'ңн',
  х: 'хһ', һ: 'һх', и: 'иіый', і: 'іиы', ы: 'ыиі', е: 'еёэ', ё: 'ёе', э: 'эе', й: 'йи',
};

/** Latin spellings of each Cyrillic letter (ISO-like, BGN/PCGN, Kazakh Latin 2017/2021, French-style). */
const LATIN: Record<string, readonly string[]> = {
  а: ['a'], ә: ['a', 'ä', 'ae', 'á'], б: ['b'], в: ['v', 'w'], г: ['g', 'gh'], ғ: ['g', 'gh', 'ğ', 'ǵ'], д: ['d'],
  е: ['e', 'ye', 'ie'], ё: ['e', 'yo', 'io', 'jo'], ж: ['zh', 'j', 'ž', 'dzh', 'dj'], з: ['z'], и: ['i', 'y', 'ı', 'iy'],
  й: ['y', 'i', 'j', 'ı'], і: ['i', 'ı'], к: ['k'], қ: ['q', 'k'], л: ['l'], м: ['m'], н: ['n'], ң: ['n', 'ng', 'ñ', 'ń'],
  о: ['o'], ө: ['o', 'ö', 'ó', 'oe'], п: ['p'], р: ['r'], с: ['s'], т: ['t'], у: ['u', 'w', 'ý', 'ú', 'y', 'ou'],
  ұ: ['u', 'ū', 'ú'], ү: ['u', 'ü', 'ú', 'ue'], ф: ['f'], х: ['kh', 'h', 'x'], һ: ['h'], ц: ['ts', 'c', 'tz'],
  ч: ['ch', 'ç', 'č', 'tch'], ш: ['sh', 'ş', 'š', 'ch'], щ: ['shch', 'sch', 'ş'], ъ: [''], ы: ['y', 'ı', 'i'],
  ь: ['', "'"], э: ['e'], ю: ['yu', 'iu', 'ju', 'yw'], я: ['ya', 'ia', 'ja', 'ıa'],
};

/** Latin letters and their diacritic variants (a name typed without diacritics still finds Jäkışev). */
const LATIN_EQUIV: Record<string, string> = { a: 'aäáà', o: 'oöó', u: 'uüúūý', i: 'iıìí', g: 'gğǵ', s: 'sşš', c: 'cç', n: 'nñń', z: 'zž', e: 'eéè', y: 'yý' };

/** Kazakh case/plural/possessive endings and Russian declension, for short name words only. */
const ENDINGS = [
  'дың', 'дің', 'тың', 'тің', 'ның', 'нің', 'ға', 'ге', 'қа', 'ке', 'на', 'не', 'ны', 'ні', 'ды', 'ді', 'ты', 'ті', 'да', 'де', 'та', 'те',
  'нда', 'нде', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'мен', 'бен', 'пен', 'лар', 'лер', 'дар', 'дер', 'тар', 'тер', 'ның',
  'а', 'я', 'у', 'ю', 'ом', 'ем', 'ым', 'им', 'е', 'ой', 'ей', 'ы', 'и', 'ых', 'их', 'ыми', 'ими', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'о', 'н',
];

const LETTER = '[\\p{L}\\p{M}]';
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
/** Stems this long take any ending of up to 7 letters (Kazakh stacks them: -тер-дің); shorter ones a listed ending. */
const FREE_ENDING_STEM = 4;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isCyrillic = (w: string) => /\p{Script=Cyrillic}/u.test(w);

/** Strip a final vowel, soft sign or й: Жакишева → Жакишев, Әлия → Әли (the ending comes back as a suffix). */
export function stem(word: string): string {
  const w = word.toLowerCase();
  const stripped = w.replace(/[аяыиеоуьйәіёэюaeiouyı]$/u, '');
  return stripped.length >= 3 ? stripped : w;
}

function cyrillicPattern(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if ((ch === 'д' && s[i + 1] === 'ж') || ch === 'ж') {
      // Russian Дж- is Kazakh Ж-
      out += '(?:дж|ж)';
      if (ch === 'д') i++;
    } else out += CYRILLIC_EQUIV[ch] ? `[${CYRILLIC_EQUIV[ch]}]` : escapeRe(ch);
  }
  return out;
}

function latinFromCyrillic(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === 'д' && s[i + 1] === 'ж') {
      out += '(?:dzh|dj|j|zh)';
      i++;
      continue;
    }
    const alts = LATIN[ch];
    out += alts ? `(?:${alts.map(latinPattern).join('|')})` : escapeRe(ch);
  }
  return out;
}

function latinPattern(s: string): string {
  return [...s].map((ch) => (LATIN_EQUIV[ch] ? `[${LATIN_EQUIV[ch]}]` : escapeRe(ch))).join('');
}

function wordPattern(word: string): string {
  const s = stem(word);
  const body = isCyrillic(s) ? `(?:${cyrillicPattern(s)}|${latinFromCyrillic(s)})` : latinPattern(s);
  const ending = s.length >= FREE_ENDING_STEM ? `${LETTER}{0,7}` : `(?:${ENDINGS.map(cyrillicPattern).join('|')})?`;
  return `${NOT_LETTER_BEFORE}${body}${ending}${NOT_LETTER_AFTER}`;
}

/** The words of the names worth matching: letters only, two or more (initials are handled after matching). */
export function nameWords(names: readonly string[]): string[] {
  const words = new Set<string>();
  for (const name of names) for (const w of name.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? []) if (w.length >= 2) words.add(w);
  return [...words];
}

export interface Redactor {
  readonly active: boolean;
  /** `text` with every matched name replaced by [redacted] */
  apply(text: string): string;
  /** does `text` still contain a form of a redacted name? (tests, and a last check before printing) */
  finds(text: string): boolean;
}

export function makeRedactor(names: readonly string[]): Redactor {
  const words = nameWords(names);
  if (words.length === 0) return { active: false, apply: (t) => t, finds: () => false };
  // longest first, so that a longer name word wins over a shorter one it contains
  const source = words.sort((a, b) => b.length - a.length).map(wordPattern).join('|');
  const re = new RegExp(source, 'giu');
  const probe = new RegExp(source, 'iu');
  return {
    active: true,
    apply(text) {
      const t = text.normalize('NFC');
      const replaced = t.replace(re, REDACTED);
      if (replaced === t) return text;
      return (
        replaced
          // "М. [redacted]", "[redacted] М.": initials would narrow it down
          .replace(/(?:\p{Lu}\.\s?){1,3}\[redacted\]/gu, REDACTED)
          .replace(/\[redacted\](?:\s\p{Lu}\.(?!\p{L})){1,3}/gu, REDACTED)
          // "[redacted] [redacted]" (first name and surname) is one person
          .replace(/\[redacted\](?:[\s\u00a0-]+\[redacted\])+/gu, REDACTED)
      );
    },
    finds: (text) => probe.test(text.normalize('NFC')),
  };
}

/** The dossier with every archive string passed through the redactor and the redacted people left out of the index. */
export function redactDossier(data: DossierData, redactor: Redactor, redactedNames: readonly string[]): DossierData {
  if (!redactor.active) return data;
  const r = (s: string) => redactor.apply(s);
  const rn = (s: string | null) => (s === null ? null : r(s));
  const gone = new Set(redactedNames.map((n) => n.normalize('NFC').toLowerCase()));
  const names = (list: string[]) => [...new Set(list.map(r))];
  return {
    ...data,
    title: r(data.title),
    summary: r(data.summary),
    facts: data.facts.map((f) => ({
      ...f,
      quote: r(f.quote),
      people: names(f.people),
      places: names(f.places),
      organizations: names(f.organizations),
      roles: f.roles && Object.fromEntries(Object.entries(f.roles).map(([name, role]) => [r(name), role])),
    })),
    entities: data.entities
      .filter((e) => !gone.has(e.name.normalize('NFC').toLowerCase()) && r(e.name) !== REDACTED)
      .map((e) => ({ ...e, name: r(e.name), aliases: e.aliases.map(r) })),
    sources: data.sources.map((s) => ({ ...s, title: r(s.title), publisher: rn(s.publisher), url: rn(s.url) })),
  };
}

/**
 * Redaction: a person's name and aliases, in the inflected and transliterated forms a news text uses,
 * become "[redacted]". It errs on the side of hiding too much (a namesake, a word that shares a long
 * stem): a redacted dossier must never leak the name. What it misses, the reader's check (leaks.ts)
 * finds in the printed document, and the dossier is refused.
 *
 * A small matcher of its own, run on the folded text (fold.ts: invisible characters, look-alike
 * letters, line-break hyphens and %XX undone) and mapped back to the original. Each name word becomes
 * a pattern that also accepts
 * - Kazakh case and plural endings and Russian declension (Жәкішевтің, Жакишева, Жакишевым),
 * - the other Cyrillic spelling (Жәкішев ⇄ Жакишев ⇄ Джакишев),
 * - Latin transliterations (Zhakishev, Dzhakishev, Jäkışev), so that URLs and English text are covered,
 * - for a name stored in Latin, its Cyrillic spellings (Yerlan Bekov → Ерлан Беков).
 */
import { foldText } from './fold.js';
import type { CaptureRecord } from '../model.js';
import type { DossierData } from './types.js';

export const REDACTED = '[redacted]';

/** Same letter in the other Cyrillic orthography (Kazakh ⇄ Russian); й and ё arrive folded, as и and е. */
const CYRILLIC_EQUIV: Record<string, string> = {
  а: 'аә',
  ә: 'әа',
  о: 'оө',
  ө: 'өо',
  у: 'уұү',
  ұ: 'ұу',
  ү: 'үу',
  к: 'кқ',
  қ: 'қк',
  г: 'гғ',
  ғ: 'ғг',
  н: 'нң',
  ң: 'ңн',
  х: 'хһ',
  һ: 'һх',
  и: 'иіы',
  і: 'іиы',
  ы: 'ыиі',
  е: 'еэ',
  э: 'эе',
};

/** Latin spellings of each Cyrillic letter (ISO-like, BGN/PCGN, Kazakh Latin 2017/2021, French-style). */
const LATIN: Record<string, readonly string[]> = {
  а: ['a'],
  ә: ['a', 'ä', 'ae', 'á'],
  б: ['b'],
  в: ['v', 'w'],
  г: ['g', 'gh'],
  ғ: ['g', 'gh', 'ğ', 'ǵ'],
  д: ['d'],
  // е and и stand for the folded ё and й too
  е: ['e', 'ye', 'ie', 'yo', 'io', 'jo'],
  ж: ['zh', 'j', 'ž', 'dzh', 'dj'],
  з: ['z'],
  и: ['i', 'y', 'ı', 'iy', 'j'],
  і: ['i', 'ı'],
  к: ['k'],
  қ: ['q', 'k'],
  л: ['l'],
  м: ['m'],
  н: ['n'],
  ң: ['n', 'ng', 'ñ', 'ń'],
  о: ['o'],
  ө: ['o', 'ö', 'ó', 'oe'],
  п: ['p'],
  р: ['r'],
  с: ['s'],
  т: ['t'],
  у: ['u', 'w', 'ý', 'ú', 'y', 'ou'],
  ұ: ['u', 'ū', 'ú'],
  ү: ['u', 'ü', 'ú', 'ue'],
  ф: ['f'],
  х: ['kh', 'h', 'x'],
  һ: ['h'],
  ц: ['ts', 'c', 'tz'],
  ч: ['ch', 'ç', 'č', 'tch'],
  ш: ['sh', 'ş', 'š', 'ch'],
  щ: ['shch', 'sch', 'ş'],
  ъ: [''],
  ы: ['y', 'ı', 'i'],
  ь: ['', "'"],
  э: ['e'],
  ю: ['yu', 'iu', 'ju', 'yw'],
  я: ['ya', 'ia', 'ja', 'ıa'],
};

/** The folded text has no diacritics left, but ı (Kazakh, Turkish) is a letter of its own. */
const LATIN_EQUIV: Record<string, string> = { i: 'iı', ı: 'ıi' };

/** Cyrillic spellings of Latin letter groups, longest first (a Latin-only name must hide its Cyrillic forms too). */
const FROM_LATIN: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['shch', ['щ', 'шч']],
  ['dzh', ['дж', 'ж']],
  ['sch', ['щ', 'ш']],
  ['tch', ['ч']],
  ['zh', ['ж']],
  ['kh', ['х', 'һ', 'кх']],
  ['ch', ['ч', 'ш']],
  ['sh', ['ш', 'сх']],
  ['ts', ['ц', 'тс']],
  ['tz', ['ц']],
  ['gh', ['ғ', 'г', 'гх']],
  ['ng', ['ң', 'нг']],
  ['dj', ['дж', 'ж']],
  ['ya', ['я', 'йа', 'ья', 'иа', 'ия']],
  ['yu', ['ю', 'йу', 'ью', 'иу']],
  ['yo', ['ё', 'йо', 'ьо', 'е']],
  ['ye', ['е', 'йе', 'ье', 'э']],
  ['ia', ['я', 'иа', 'ия']],
  ['iu', ['ю', 'иу']],
  ['ie', ['е', 'ие']],
  ['iy', ['ий', 'ый', 'и']],
  ['ou', ['у']],
  ['ae', ['ә', 'ае']],
  ['oe', ['ө', 'ое']],
  ['ue', ['ү', 'уе']],
  ['a', ['а', 'ә']],
  ['b', ['б']],
  ['c', ['ц', 'к', 'с']],
  ['d', ['д']],
  ['e', ['е', 'э', 'ә']],
  ['f', ['ф']],
  ['g', ['г', 'ғ']],
  ['h', ['х', 'һ']],
  ['i', ['и', 'і', 'ы', 'й']],
  ['ı', ['ы', 'і']],
  ['j', ['ж', 'й', 'дж']],
  ['k', ['к', 'қ']],
  ['l', ['л']],
  ['m', ['м']],
  ['n', ['н', 'ң']],
  ['o', ['о', 'ө']],
  ['p', ['п']],
  ['q', ['қ', 'к']],
  ['r', ['р']],
  ['s', ['с', 'ш']],
  ['t', ['т']],
  ['u', ['у', 'ұ', 'ү', 'ю']],
  ['v', ['в']],
  ['w', ['в', 'у']],
  ['x', ['х', 'кс']],
  ['y', ['ы', 'й', 'и', 'і', 'у']],
  ['z', ['з', 'ж']],
];

/** Kazakh case/plural/possessive endings and Russian declension, for short name words only. */
const ENDINGS = [
  'дың',
  'дің',
  'тың',
  'тің',
  'ның',
  'нің',
  'ға',
  'ге',
  'қа',
  'ке',
  'на',
  'не',
  'ны',
  'ні',
  'ды',
  'ді',
  'ты',
  'ті',
  'да',
  'де',
  'та',
  'те',
  'нда',
  'нде',
  'дан',
  'ден',
  'тан',
  'тен',
  'нан',
  'нен',
  'мен',
  'бен',
  'пен',
  'лар',
  'лер',
  'дар',
  'дер',
  'тар',
  'тер',
  'ның',
  'а',
  'я',
  'у',
  'ю',
  'ом',
  'ем',
  'ым',
  'им',
  'е',
  'ой',
  'ей',
  'ы',
  'и',
  'ых',
  'их',
  'ыми',
  'ими',
  'ам',
  'ям',
  'ах',
  'ях',
  'ов',
  'ев',
  'о',
  'н',
  // English possessive, once the apostrophe is folded away (Ali's)
  's',
];

const LETTER = '[\\p{L}\\p{M}]';
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
/** Stems this long take any ending (Kazakh stacks them: -тар-дікі-ндегі); shorter ones a listed ending. */
const FREE_ENDING_STEM = 4;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A table's spelling as the folded text has it (no diacritics). */
const plain = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');
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

/** The Latin spellings of one Cyrillic letter, as patterns. */
const latinOf = (ch: string): string[] => [...new Set((LATIN[ch] ?? []).map(plain))].map(latinPattern);

/** A Cyrillic word letter by letter: each letter in either orthography or a Latin spelling (a pasted word may mix scripts). */
function fromCyrillic(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if ((ch === 'д' && s[i + 1] === 'ж') || ch === 'ж') {
      // Russian Дж- is Kazakh Ж-
      out += `(?:дж|ж|dzh|dj|${latinOf('ж').join('|')})`;
      if (ch === 'д') i++;
      continue;
    }
    const latin = latinOf(ch);
    out += latin.length ? `(?:${[cyrillicPattern(ch), ...latin].join('|')})` : cyrillicPattern(ch);
  }
  return out;
}

function latinPattern(s: string): string {
  return [...s].map((ch) => (LATIN_EQUIV[ch] ? `[${LATIN_EQUIV[ch]}]` : escapeRe(ch))).join('');
}

/** A Latin word by letter groups, greedily, longest first: each group as written or as one of its Cyrillic spellings. */
function fromLatin(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const hit = FROM_LATIN.find(([latin]) => s.startsWith(latin, i));
    if (!hit) {
      out += escapeRe(s[i]!);
      i++;
      continue;
    }
    out += `(?:${[latinPattern(hit[0]), ...hit[1].map(cyrillicPattern)].join('|')})`;
    i += hit[0].length;
  }
  return out;
}

function wordPattern(word: string): string {
  const s = stem(word);
  const body = isCyrillic(s) ? fromCyrillic(s) : fromLatin(s);
  const ending = s.length >= FREE_ENDING_STEM ? `${LETTER}*` : `(?:${ENDINGS.map(cyrillicPattern).join('|')})?`;
  return `${NOT_LETTER_BEFORE}${body}${ending}${NOT_LETTER_AFTER}`;
}

/** The words of the names worth matching: letters only, two or more (initials are handled after matching). */
export function nameWords(names: readonly string[]): string[] {
  const words = new Set<string>();
  for (const name of names)
    for (const w of foldText(name)
      .oneScript.toLowerCase()
      .match(/\p{L}+/gu) ?? [])
      if (w.length >= 2) words.add(w);
  return [...words];
}

export interface Redactor {
  readonly active: boolean;
  /** `text` with every matched name replaced by [redacted] */
  apply(text: string): string;
}

export function makeRedactor(names: readonly string[]): Redactor {
  const words = nameWords(names);
  if (words.length === 0) return { active: false, apply: (t) => t };
  // longest first, so that a longer name word wins over a shorter one it contains
  const source = words
    .sort((a, b) => b.length - a.length)
    .map(wordPattern)
    .join('|');
  const re = new RegExp(source, 'giu');
  return {
    active: true,
    apply(text) {
      const folded = foldText(text);
      // both readings (as typed, and look-alikes mapped into one script) have the same positions
      const spans = [folded.text, folded.oneScript]
        .flatMap((t) => [...t.matchAll(re)])
        .filter((m) => m[0].length > 0)
        .map((m) => [folded.start[m.index]!, folded.end[m.index + m[0].length - 1]!] as const)
        .sort((a, b) => a[0] - b[0] || b[1] - a[1]);
      if (spans.length === 0) return text;
      let replaced = '';
      let done = 0;
      for (const [from, to] of spans) {
        if (from >= done) replaced += text.slice(done, from) + REDACTED;
        done = Math.max(done, to);
      }
      replaced += text.slice(done);
      return (
        replaced
          // "М. [redacted]", "[redacted] М.": initials would narrow it down
          .replace(/(?:\p{Lu}\.\s?){1,3}\[redacted\]/gu, REDACTED)
          .replace(/\[redacted\](?:\s\p{Lu}\.(?!\p{L})){1,3}/gu, REDACTED)
          // "[redacted] [redacted]" (first name and surname) is one person
          .replace(/\[redacted\](?:[\s\u00a0-]+\[redacted\])+/gu, REDACTED)
      );
    },
  };
}

/** The dossier with every archive string passed through the redactor and the redacted people left out of the index. */
export function redactDossier(data: DossierData, redactor: Redactor, redactedNames: readonly string[]): DossierData {
  if (!redactor.active) return data;
  const r = (s: string) => redactor.apply(s);
  const rn = (s: string | null) => (s === null ? null : r(s));
  const gone = new Set(redactedNames.map((n) => n.normalize('NFC').toLowerCase()));
  const names = (list: string[]) => [...new Set(list.map(r))];
  // an archive's own fact type can be named after a person; it shows in the chronology and its bookmarks
  const typeLabels =
    data.typeLabels &&
    Object.fromEntries(
      Object.entries(data.typeLabels).map(([id, l]) => [id, { en: r(l.en), kk: r(l.kk), ru: r(l.ru) }]),
    );
  return {
    ...data,
    title: r(data.title),
    summary: r(data.summary),
    typeLabels,
    facts: data.facts.map((f) => ({
      ...f,
      // a type without a label is shown as its id
      type: typeLabels?.[f.type] ? f.type : r(f.type),
      quote: r(f.quote),
      people: names(f.people),
      places: names(f.places),
      organizations: names(f.organizations),
      roles: f.roles && Object.fromEntries(Object.entries(f.roles).map(([name, role]) => [r(name), role])),
      translations:
        f.translations &&
        Object.fromEntries(
          Object.entries(f.translations).map(([lang, t]) => [lang, t && { ...t, text: r(t.text), by: r(t.by) }]),
        ),
      note: f.note === undefined ? undefined : r(f.note),
      verificationNote: f.verificationNote === undefined ? undefined : r(f.verificationNote),
    })),
    communication: data.communication && {
      ...data.communication,
      state: r(data.communication.state),
      otherProcedures: r(data.communication.otherProcedures),
      consent: Object.fromEntries(
        Object.entries(data.communication.consent).map(([name, c]) => [r(name), { ...c, by: r(c.by) }]),
      ),
      responsibility: Object.fromEntries(
        Object.entries(data.communication.responsibility).map(([name, why]) => [r(name), r(why)]),
      ),
    },
    entities: data.entities
      .filter((e) => !gone.has(e.name.normalize('NFC').toLowerCase()) && r(e.name) !== REDACTED)
      .map((e) => ({ ...e, name: r(e.name), aliases: e.aliases.map(r) })),
    sources: data.sources.map((s) => ({
      ...s,
      title: r(s.title),
      publisher: rn(s.publisher),
      url: rn(s.url),
      capture: s.capture && redactCapture(s.capture, r),
      // a screenshot can show a redacted name, and no text check reads an image: only the hashes stay
      visual: s.visual && { pngSha256: s.visual.pngSha256, pdfSha256: s.visual.pdfSha256 },
    })),
  };
}

/** Every text of a capture record through the redactor: who captured it, from where, the notes. */
function redactCapture(c: CaptureRecord, r: (s: string) => string): CaptureRecord {
  const texts = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? r(v) : v]));
  return {
    asserted: texts(c.asserted) as CaptureRecord['asserted'],
    machine: texts(c.machine) as CaptureRecord['machine'],
  };
}

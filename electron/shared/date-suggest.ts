/**
 * Date help: find the event date a passage states, in Kazakh, Russian or English,
 * for the user to confirm. Pure and dependency-free so the renderer runs it as the user selects text.
 * A month or day without a year takes the year of the article's publication (or the year before, when
 * that would put the event after the article: "в декабре" in an October article is last December);
 * "биыл" / "в этом году" / "this year" and "өткен жылы" / "в прошлом году" / "last year" are read the same way.
 */
import type { EventDate } from '../core/model.js';
import { kk } from './i18n/kk.js';

type DatePrecision = EventDate['precision'];

export interface DateSuggestion extends EventDate {
  /** the words the date was read from, and where they are in the passage [textStart, textEnd) */
  text: string;
  textStart: number;
  textEnd: number;
}

/** Kazakh case and possessive endings after a month name: қазанда, қазанның, қыркүйектегі, қарашада, қазанында… */
const KK_ENDING =
  '(?:ы|і|сы|сі)?(?:да|де|та|те|нда|нде|ға|ге|қа|ке|на|не|ны|ні|ның|нің|дың|дің|тың|тің|дан|ден|тан|тен|нан|нен)?(?:ғы|гі)?';
/** Kazakh month names take their endings unchanged: the names themselves are the stems. */
const KK = kk.dates.months;
const RU = [
  'январ[ьяе]',
  'феврал[ьяе]',
  'март[ае]?',
  'апрел[ьяе]',
  'ма[йяе]',
  'июн[ьяе]',
  'июл[ьяе]',
  'август[ае]?',
  'сентябр[ьяе]',
  'октябр[ьяе]',
  'ноябр[ьяе]',
  'декабр[ьяе]',
];
const EN = [
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'march|mar',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sept?(?:ember)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
];
const MONTHS: Array<{ re: RegExp; month: number; needsNumber: boolean }> = [
  ...KK.map((stem, i) => ({ re: new RegExp(`^${stem}${KK_ENDING}$`, 'u'), month: i + 1, needsNumber: false })),
  ...RU.map((stem, i) => ({ re: new RegExp(`^(?:${stem})$`, 'u'), month: i + 1, needsNumber: false })),
  // "may" and "march" are also verbs: only with a day or a year beside them
  ...EN.map((stem, i) => ({ re: new RegExp(`^(?:${stem})$`, 'u'), month: i + 1, needsNumber: i === 2 || i === 4 })),
];

const THIS_YEAR = /^(?:биыл|биылғы)$/u;
const LAST_YEAR = /^(?:былтыр|былтырғы)$/u;
const PHRASES: Array<{ re: RegExp; kind: 'this-year' | 'last-year' | 'last-month' }> = [
  { re: /(?:осы|ағымдағы)\s+жыл(?:ы|дың|ғы)|в\s+этом\s+году|в\s+текущем\s+году|this\s+year/giu, kind: 'this-year' },
  { re: /өткен\s+жыл(?:ы|дың|ғы)?|в\s+прошлом\s+году|last\s+year/giu, kind: 'last-year' },
  { re: /өткен\s+ай(?:да|дың|ғы)?|в\s+прошлом\s+месяце|last\s+month/giu, kind: 'last-month' },
];

interface Token {
  word: string;
  start: number;
  end: number;
  num: number | null;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/\d+|[\p{L}]+/gu)].map((m) => ({
    word: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
    num: /^\d+$/.test(m[0]) ? Number(m[0]) : null,
  }));
}

const monthOf = (t: Token | undefined) => (t && t.num === null ? MONTHS.find((m) => m.re.test(t.word)) : undefined);
const isYear = (t: Token | undefined): t is Token & { num: number } =>
  !!t && t.num !== null && t.word.length === 4 && t.num >= 1900 && t.num <= 2099;
const isDay = (t: Token | undefined): t is Token & { num: number } =>
  !!t && t.num !== null && t.word.length <= 2 && t.num >= 1 && t.num <= 31;
const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Every date the passage states, in text order. `published` is the article's YYYY-MM-DD, if known. */
export function findDates(passage: string, published?: string | null): DateSuggestion[] {
  const pub =
    published && /^\d{4}-\d{2}-\d{2}$/.test(published)
      ? { y: Number(published.slice(0, 4)), m: Number(published.slice(5, 7)), d: Number(published.slice(8, 10)) }
      : null;
  const out: DateSuggestion[] = [];
  const used = new Set<number>(); // token indexes already read as part of a date
  const add = (y: number, m: number | null, d: number | null, start: number, end: number, approximate = false) => {
    if (m !== null && d !== null && d > daysIn(y, m)) return;
    const precision: DatePrecision = d !== null ? 'day' : m !== null ? 'month' : 'year';
    const value = `${y}${m !== null ? `-${pad(m)}` : ''}${d !== null ? `-${pad(d)}` : ''}`;
    out.push({ value, precision, approximate, text: passage.slice(start, end), textStart: start, textEnd: end });
  };

  // numeric: 16.10.2020, 2020-10-16
  for (const m of passage.matchAll(
    /\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b|\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/gu,
  )) {
    const [y, mo, d] = m[3] ? [Number(m[3]), Number(m[2]), Number(m[1])] : [Number(m[4]), Number(m[5]), Number(m[6])];
    if (mo >= 1 && mo <= 12 && d >= 1) add(y, mo, d, m.index, m.index + m[0].length);
  }
  const numericSpans = out.map((s) => [s.textStart, s.textEnd] as const);
  const inNumeric = (t: Token) => numericSpans.some(([s, e]) => t.start >= s && t.end <= e);

  const toks = tokens(passage);
  const relYear = (i: number): number | null => {
    for (let k = Math.max(0, i - 3); k <= Math.min(toks.length - 1, i + 1); k++) {
      if (THIS_YEAR.test(toks[k]!.word)) return pub?.y ?? null;
      if (LAST_YEAR.test(toks[k]!.word)) return pub ? pub.y - 1 : null;
    }
    return null;
  };

  toks.forEach((t, i) => {
    const month = monthOf(t);
    if (!month || inNumeric(t)) return;
    let day: (Token & { num: number }) | undefined;
    let year: (Token & { num: number }) | undefined;
    let first = i;
    let last = i;
    const before = toks[i - 1];
    const after = toks[i + 1];
    if (isDay(before) && !used.has(i - 1)) {
      day = before;
      first = i - 1;
    } else if (isDay(after)) {
      day = after; // October 16; қазанның 16-сы
      last = i + 1;
    }
    // the year: after (October 2020, 16 октября 2020 года) or before (2020 жылғы 16 қазанда)
    for (const k of [last + 1, last + 2, first - 1, first - 2]) {
      const candidate = toks[k];
      if (isYear(candidate) && !used.has(k)) {
        year = candidate;
        first = Math.min(first, k);
        last = Math.max(last, k);
        break;
      }
    }
    if (month.needsNumber && !day && !year) return;
    let y = year?.num ?? relYear(first);
    if (y === null && pub) {
      y = pub.y;
      // without a year, a month after the article's is last year's
      const later = month.month > pub.m || (month.month === pub.m && day !== undefined && day.num > pub.d);
      if (later) y -= 1;
    }
    if (y === null) return;
    for (let k = first; k <= last; k++) used.add(k);
    add(y, month.month, day?.num ?? null, toks[first]!.start, toks[last]!.end);
  });

  // a year on its own: 2009 жылы, в 2009 году, in 2009
  toks.forEach((t, i) => {
    if (used.has(i) || !isYear(t) || inNumeric(t)) return;
    used.add(i);
    const next = toks[i + 1];
    const end = next && /^(?:жыл|год|г$|year)/u.test(next.word) ? next.end : t.end;
    add(t.num, null, null, t.start, end);
  });

  if (pub) {
    for (const p of PHRASES) {
      for (const m of passage.matchAll(p.re)) {
        // "биыл қыркүйекте" is already a month; the phrase alone says only the year or month
        if (out.some((s) => s.textStart <= m.index + m[0].length && m.index <= s.textEnd + 12)) continue;
        if (p.kind === 'this-year') add(pub.y, null, null, m.index, m.index + m[0].length);
        else if (p.kind === 'last-year') add(pub.y - 1, null, null, m.index, m.index + m[0].length);
        else add(pub.m === 1 ? pub.y - 1 : pub.y, pub.m === 1 ? 12 : pub.m - 1, null, m.index, m.index + m[0].length);
      }
    }
    toks.forEach((t, i) => {
      // "биыл қыркүйекте" was read as a month of this year already
      if (used.has(i) || out.some((s) => t.start <= s.textEnd + 12 && s.textStart <= t.end + 12)) return;
      if (THIS_YEAR.test(t.word)) add(pub.y, null, null, t.start, t.end);
      else if (LAST_YEAR.test(t.word)) add(pub.y - 1, null, null, t.start, t.end);
    });
  }
  return out.sort((a, b) => a.textStart - b.textStart);
}

/** The date to offer for a passage: the first it states, if any. */
export function suggestDate(passage: string, published?: string | null): DateSuggestion | null {
  return findDates(passage, published)[0] ?? null;
}

/**
 * A seeded synthetic corpus for the benchmark: Kazakh/Russian-looking news articles (~3 KB of text),
 * each with 5 facts whose quotes are real substrings of its text. Deterministic for a seed, and random
 * access: article i depends only on (seed, i), so a kept archive can be measured again without
 * regenerating everything before it.
 */

/** mulberry32: a tiny 32-bit PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** murmur3 finaliser over (seed, i, salt): independent streams per article. */
function mix(seed: number, i: number, salt = 0): number {
  let h = (seed ^ Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

type Rng = () => number;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const pad2 = (n: number) => String(n).padStart(2, '0');
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Zipf(s = 1) sampler over ranks 0..n-1. */
class Zipf {
  readonly #cdf: Float64Array;
  constructor(n: number) {
    this.#cdf = new Float64Array(n);
    let sum = 0;
    for (let k = 0; k < n; k++) this.#cdf[k] = sum += 1 / (k + 1);
    for (let k = 0; k < n; k++) this.#cdf[k]! /= sum;
  }
  sample(r: Rng): number {
    const u = r();
    let lo = 0;
    let hi = this.#cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const CONSONANTS = [
  'б',
  'д',
  'ж',
  'з',
  'к',
  'қ',
  'л',
  'м',
  'н',
  'ң',
  'п',
  'р',
  'с',
  'т',
  'ш',
  'ғ',
  'й',
  'г',
  'в',
  'х',
  'һ',
];
const VOWELS = ['а', 'ә', 'е', 'ы', 'і', 'о', 'ө', 'ұ', 'ү', 'у', 'и'];
const FIRST_NAMES = [
  'Асқар',
  'Бауыржан',
  'Ғалым',
  'Дәурен',
  'Ерлан',
  'Жанболат',
  'Қайрат',
  'Мақсат',
  'Нұрлан',
  'Серік',
  'Талғат',
  'Өмірзақ',
  'Айгүл',
  'Әсел',
  'Гүлжан',
  'Динара',
  'Жұлдыз',
  'Мәдина',
  'Нұргүл',
  'Сәуле',
  'Ұлболсын',
  'Шынар',
  'Айжан',
  'Роза',
  'Максим',
  'Ольга',
  'Сергей',
  'Татьяна',
  'Владимир',
  'Елена',
];
const FEMALE = new Set([
  'Айгүл',
  'Әсел',
  'Гүлжан',
  'Динара',
  'Жұлдыз',
  'Мәдина',
  'Нұргүл',
  'Сәуле',
  'Ұлболсын',
  'Шынар',
  'Айжан',
  'Роза',
  'Ольга',
  'Татьяна',
  'Елена',
]);
const SURNAMES = [
  'Әбілов',
  'Байжанов',
  'Дүйсенов',
  'Жақиянов',
  'Қасымов',
  'Мұқанов',
  'Нұрғалиев',
  'Оспанов',
  'Сәрсенбаев',
  'Тоқаев',
  'Үсенов',
  'Шәкенов',
  'Ысқақов',
  'Құдайбергенов',
  'Иванов',
  'Козлов',
  'Ғабдуллин',
  'Есенов',
  'Бекмұхамбетов',
  'Жұмабаев',
];
const PUBLISHERS = [
  ['Azattyq', 'azattyq.example.kz'],
  ['Vlast.kz', 'vlast.example.kz'],
  ['KazTAG', 'kaztag.example.kz'],
  ['Informburo', 'informburo.example.kz'],
  ['Orda.kz', 'orda.example.kz'],
  ['Kursiv', 'kursiv.example.kz'],
] as const;
export const FACT_TYPES = [
  'detention',
  'sentence',
  'protest',
  'parole-denied',
  'un-decision',
  'health',
  'trial',
  'statement',
];
const TAGS = [
  'violations/arbitrary-detention',
  'violations/torture',
  'violations/freedom-of-speech',
  'violations/fair-trial',
  'violations/freedom-of-assembly',
  'region/almaty',
  'region/astana',
  'region/mangystau',
  'region/zhanaozen',
  'region/shymkent',
  'theme/journalists',
  'theme/activists',
  'theme/religion',
  'theme/labour',
  'theme/land',
  'source/court',
  'source/ombudsman',
];

export interface GenFact {
  quote: string;
  type: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  date?: string;
  people: string[];
  tags: string[];
  note: string;
}

export interface GenArticle {
  index: number;
  /** file name for importArticle (.txt) */
  name: string;
  text: string;
  title: string;
  url: string;
  publisher: string;
  publishedAt: string;
  lang: 'kk' | 'ru';
  facts: GenFact[];
}

export const FACTS_PER_ARTICLE = 5;

export class Corpus {
  readonly words: string[];
  readonly people: string[];
  readonly #wordZipf: Zipf;
  readonly #peopleZipf: Zipf;

  constructor(
    readonly seed: number,
    { vocabulary = 20_000, peopleCount = 600 } = {},
  ) {
    const r = mulberry32(mix(seed, 0, 1));
    const words = new Set<string>();
    while (words.size < vocabulary) {
      let w = '';
      const syllables = int(r, 1, 4);
      for (let s = 0; s < syllables; s++) {
        if (s === 0 && r() < 0.3) w += pick(r, VOWELS);
        w += pick(r, CONSONANTS) + pick(r, VOWELS);
        if (r() < 0.35) w += pick(r, CONSONANTS);
      }
      if (w.length >= 2) words.add(w);
    }
    this.words = [...words];
    const people = new Set<string>();
    while (people.size < Math.min(peopleCount, FIRST_NAMES.length * SURNAMES.length)) {
      const first = pick(r, FIRST_NAMES);
      let last = pick(r, SURNAMES);
      if (FEMALE.has(first)) last = `${last}а`; // Әбілова, Ғабдуллина
      people.add(`${first} ${last}`);
    }
    this.people = [...people];
    this.#wordZipf = new Zipf(this.words.length);
    this.#peopleZipf = new Zipf(this.people.length);
  }

  #word(r: Rng): string {
    return this.words[this.#wordZipf.sample(r)]!;
  }

  person(r: Rng): string {
    return this.people[this.#peopleZipf.sample(r)]!;
  }

  #sentence(r: Rng): string {
    const n = int(r, 6, 16);
    const parts: string[] = [];
    for (let k = 0; k < n; k++) {
      const x = r();
      let w: string;
      if (x < 0.03) w = this.person(r);
      else if (x < 0.05) w = `${int(r, 1995, 2025)} жылы`;
      else if (x < 0.06) w = `«${this.#word(r)}»`;
      else w = this.#word(r);
      if (k < n - 1 && r() < 0.08) w += ',';
      parts.push(w);
    }
    return `${cap(parts.join(' '))}.`;
  }

  /** Article i: the same (seed, i) always gives the same article. */
  article(i: number): GenArticle {
    const r = mulberry32(mix(this.seed, i, 2));
    const lang = r() < 0.6 ? 'kk' : 'ru';
    const [publisher, site] = pick(r, PUBLISHERS);
    const year = int(r, 2005, 2025);
    const month = int(r, 1, 12);
    const day = int(r, 1, 28);
    const titleWords: string[] = [];
    for (let k = int(r, 5, 9); k > 0; k--) titleWords.push(this.#word(r));
    const title = cap(titleWords.join(' '));
    const url = `https://${site}/${lang}/news/${year}/${pad2(month)}/${titleWords.slice(0, 3).join('-')}-${i}`;

    const target = int(r, 2600, 3400);
    const paragraphs: string[] = [];
    let length = 0;
    while (length < target) {
      const sentences: string[] = [];
      for (let k = int(r, 3, 6); k > 0; k--) sentences.push(this.#sentence(r));
      const p = sentences.join(' ');
      paragraphs.push(p);
      length += p.length + 2;
    }
    // The source line makes every text unique (article ids are content hashes).
    const text = `${paragraphs.join('\n\n')}\n\n${publisher}: ${url}`;

    const facts: GenFact[] = [];
    for (let k = 0; k < FACTS_PER_ARTICLE; k++) facts.push(this.#fact(r, text));
    return {
      index: i,
      name: `article-${i}.txt`,
      text,
      title,
      url,
      publisher,
      publishedAt: `${year}-${pad2(month)}-${pad2(day)}`,
      lang,
      facts,
    };
  }

  /** Extra facts for an article (the timed saves): independent of the 5 stored ones. */
  extraFact(article: GenArticle, k: number): GenFact {
    return this.#fact(mulberry32(mix(this.seed, article.index, 1000 + k)), article.text);
  }

  #fact(r: Rng, text: string): GenFact {
    // a passage of 60–220 characters starting and ending at word boundaries
    const bodyEnd = text.lastIndexOf('\n\n');
    let start = Math.floor(r() * Math.max(1, bodyEnd - 300));
    while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
    let end = Math.min(bodyEnd, start + int(r, 60, 220));
    while (end < bodyEnd && !/\s/.test(text[end]!)) end++;
    const quote = text.slice(start, end).trim();
    const dx = r();
    const year = int(r, 2005, 2025);
    const date =
      dx < 0.3
        ? undefined
        : dx < 0.45
          ? `${year}`
          : dx < 0.6
            ? `${year}-${pad2(int(r, 1, 12))}`
            : `${year}-${pad2(int(r, 1, 12))}-${pad2(int(r, 1, 28))}`;
    const people = [this.person(r), this.person(r)];
    const tags = [pick(r, TAGS)];
    if (r() < 0.5) tags.push(pick(r, TAGS));
    const note = r() < 0.2 ? this.#sentence(r) : '';
    const fact: GenFact = { quote, type: pick(r, FACT_TYPES), people, tags, note };
    if (date !== undefined) fact.date = date;
    return fact;
  }
}

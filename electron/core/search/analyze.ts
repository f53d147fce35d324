/**
 * The text pipeline shared by index and query: tokens → lower-case → stems → folded keys.
 * Every distinct surface word is analysed once (cached): index size and speed depend on the
 * vocabulary, not on the corpus.
 */
import { fold, hasCyrillic, hasKazakhLetter, lowerWord, norm } from './fold.js';
import { kazakhStems, russianStem, surfacePrefix } from './stem.js';
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
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
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
    for (const length of kazakhStems(folded.key, isProtected)) {
      const surfaceStem = surfacePrefix(compact, folded, length);
      if (surfaceStem && surfaceStem !== lower)
        stems.add(base.includes('-') ? rehyphenate(base, surfaceStem) : surfaceStem);
      keyStems.add(norm(folded.key.slice(0, length)));
    }
    if (cyrillic && !hasKazakhLetter(lower) && !isProtected(key)) {
      const ru = russianStem(base, capitalised);
      if (ru) {
        stems.add(ru);
        keyStems.add(norm(fold(ru.replace(/-/g, '')).key));
      }
    }
    stems.delete(lower);
    keyStems.delete(key);
    keyStems.delete('');
    return { lower, stems: [...stems], key, keyStems: [...keyStems] };
  }
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

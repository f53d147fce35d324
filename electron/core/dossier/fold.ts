/**
 * Text as a reader reads it, for finding names: invisible format characters (soft hyphen, zero-width
 * space, word joiner, bidi marks) and combining marks dropped, compatibility forms (NBSP, fullwidth,
 * ligatures) unfolded, a word hyphenated across a line break ("Жексе- баев") or marked with apostrophes
 * (Ja'kis'ev) joined, %XX in URLs and
 * punycode host labels decoded. Each character of the folded text remembers the span of the original it
 * came from, so a match can be cut out of the original.
 */
import { domainToUnicode } from 'node:url';
import { oneScript } from './confusables.js';

export interface Folded {
  /** as typed */
  text: string;
  /** the same, with look-alike letters mapped into each word's main script */
  oneScript: string;
  /** per UTF-16 unit of `text`: where its original span starts and ends */
  start: number[];
  end: number[];
}

/** Format characters, and the letters and symbols that print as nothing (Hangul fillers, the blank Braille cell). */
const FORMAT = /^[\p{Cf}\u115f\u1160\u3164\uffa0\u2800]$/u;
const MARK = /^\p{M}$/u;
const LETTER = /^\p{L}$/u;
const HYPHEN = /^[-\u2010\u2011\u2012\u2013]$/;
const APOSTROPHE = /^['\u2019\u02bc\u2018`]$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const PERCENT_RUN = /(?:%[0-9a-fA-F]{2})+/y;

/** "%D0%96%D0%B5…" at `at`: the decoded characters with the span of each, or null. */
function percentRun(s: string, at: number): Array<[string, number, number]> | null {
  PERCENT_RUN.lastIndex = at;
  const run = PERCENT_RUN.exec(s);
  if (!run) return null;
  const bytes = run[0]
    .slice(1)
    .split('%')
    .map((h) => parseInt(h, 16));
  const out: Array<[string, number, number]> = [];
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const len = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
    let ch: string | null = null;
    if (len > 0 && i + len <= bytes.length) {
      try {
        ch = UTF8.decode(new Uint8Array(bytes.slice(i, i + len)));
      } catch {
        ch = null;
      }
    }
    if (ch === null) break;
    out.push([ch, at + 3 * i, at + 3 * (i + len)]);
    i += len;
  }
  return out.length ? out : null;
}

/** The reader's characters of `s`, each with its original span (before the script pass). */
function readerChars(s: string): Array<[string, number, number]> {
  const out: Array<[string, number, number]> = [];
  const lastIsLetter = () => out.length > 0 && LETTER.test(out.at(-1)![0]);
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    if (ch === '%') {
      const decoded = percentRun(s, i);
      if (decoded) {
        for (const [c, a, b] of decoded) for (const [d] of readerChars(c)) out.push([d, a, b]);
        i = decoded.at(-1)![2];
        continue;
      }
    }
    const puny = /^xn--[a-z0-9-]+/i.exec(s.slice(i, i + 64));
    if (puny && !lastIsLetter()) {
      const label = domainToUnicode(puny[0]);
      if (label && label !== puny[0]) {
        for (const [c] of readerChars(label)) out.push([c, i, i + puny[0].length]);
        i += puny[0].length;
        continue;
      }
    }
    if (FORMAT.test(ch)) {
      i = next;
      continue;
    }
    // Kazakh Latin of 2017 marks letters with an apostrophe (Ja'kis'evtin'): it is part of the letter, not a break
    const before = out.at(-1)?.[0] ?? '';
    const after = next < s.length ? String.fromCodePoint(s.codePointAt(next)!) : '';
    if (APOSTROPHE.test(ch) && LETTER.test(before) && (LETTER.test(after) || /[nsgcaou]/i.test(before))) {
      // at the end of a word it goes with its letter
      if (!LETTER.test(after)) out.at(-1)![2] = next;
      i = next;
      continue;
    }
    if (HYPHEN.test(ch) && lastIsLetter()) {
      const gap = /^\s+/u.exec(s.slice(next, next + 16));
      const after = gap ? s.codePointAt(next + gap[0].length) : undefined;
      if (gap && after !== undefined && LETTER.test(String.fromCodePoint(after))) {
        i = next + gap[0].length;
        continue;
      }
    }
    const plain = [...ch.normalize('NFKD')].filter((c) => !MARK.test(c) && !FORMAT.test(c));
    if (plain.length === 0) {
      // a combining mark of its own goes with the letter before it
      if (out.length) out.at(-1)![2] = next;
    } else for (const c of plain) for (let k = 0; k < c.length; k++) out.push([c[k]!, i, next]);
    i = next;
  }
  return out;
}

export function foldText(s: string): Folded {
  const chars = readerChars(s);
  const text = chars.map(([c]) => c).join('');
  return {
    text,
    oneScript: text.replace(/\p{L}+/gu, oneScript),
    start: chars.map(([, a]) => a),
    end: chars.map(([, , b]) => b),
  };
}

/**
 * Quote anchors (W3C Web Annotation TextQuote + TextPosition selectors) and finding a quote in a text.
 * A quote typed in a terminal or copied from a PDF often differs from the stored text in white space
 * and typographic quotes only, so matching tolerates exactly those differences and nothing else.
 */
import type { Anchor } from '../model.js';

const CONTEXT = 32;

export function anchorAt(text: string, start: number, end: number): Anchor {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    start,
    end,
  };
}

/** Characters treated as one class when matching a typed quote. */
function canon(ch: string): string {
  if (/\s/.test(ch)) return ' ';
  if ('«»“”„"‟'.includes(ch)) return '"';
  if ("‘’‚'‛`".includes(ch)) return "'";
  if ('–—‒―'.includes(ch)) return '-';
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch; // keep one char per char so offsets map back
}

interface Canonical {
  text: string;
  /** offsets[i] = index in the original of canonical char i; one extra entry for the end */
  offsets: number[];
}

/** Canonical form with white-space runs collapsed, keeping a map back to the original offsets. */
function canonical(s: string): Canonical {
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = canon(s[i]!);
    if (c === ' ' && (text.endsWith(' ') || text === '')) continue;
    text += c;
    offsets.push(i);
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    offsets.pop();
  }
  offsets.push(s.length);
  return { text, offsets };
}

/** Where `quote` occurs in `text`: exactly, else up to white space, quote marks and letter case. */
export function findQuote(text: string, quote: string, near = 0): { start: number; end: number } | null {
  const q = quote.trim();
  if (q === '') return null;
  const exact = nearestIndex(text, q, near);
  if (exact >= 0) return { start: exact, end: exact + q.length };
  const t = canonical(text);
  const cq = canonical(q).text;
  const at = nearestIndex(t.text, cq, near);
  if (at < 0) return null;
  const start = t.offsets[at]!;
  const end = t.offsets[at + cq.length - 1]! + 1;
  return { start, end };
}

function nearestIndex(haystack: string, needle: string, near: number): number {
  let best = -1;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
    if (i > near) break;
  }
  return best;
}

/**
 * Re-anchor a stored anchor on a (possibly changed) text: the offsets if they still hold the quote,
 * else the occurrence whose prefix and suffix agree best, nearest the old position.
 */
export function resolveAnchor(text: string, anchor: Anchor): { start: number; end: number } | null {
  if (text.slice(anchor.start, anchor.end) === anchor.exact) return { start: anchor.start, end: anchor.end };
  let best: { start: number; end: number; score: number } | null = null;
  for (let i = text.indexOf(anchor.exact); i >= 0; i = text.indexOf(anchor.exact, i + 1)) {
    const end = i + anchor.exact.length;
    const score =
      commonSuffix(text.slice(Math.max(0, i - anchor.prefix.length), i), anchor.prefix) +
      commonPrefix(text.slice(end, end + anchor.suffix.length), anchor.suffix) -
      Math.abs(i - anchor.start) / 1e6;
    if (!best || score > best.score) best = { start: i, end, score };
  }
  return best ? { start: best.start, end: best.end } : findQuote(text, anchor.exact, anchor.start);
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * The passage of `text` most like `quote` (character-bigram Dice over word-aligned windows of the
 * quote's length), for the error message when a quote is not found.
 */
export function closestPassage(text: string, quote: string): string {
  const q = bigrams(canonical(quote).text);
  const words = [...text.matchAll(/\S+/g)];
  const want = quote.trim().length;
  let best = { score: -1, start: 0, end: 0 };
  // a huge text gets evenly spaced windows: the message must come quickly, not perfectly
  const step = Math.max(1, Math.ceil(words.length / 5000));
  for (let w = 0; w < words.length; w += step) {
    const start = words[w]!.index;
    let end = start;
    for (let k = w; k < words.length && end - start < want; k++) end = words[k]!.index + words[k]![0].length;
    const score = dice(q, bigrams(canonical(text.slice(start, end)).text));
    if (score > best.score) best = { score, start, end };
  }
  return text.slice(best.start, best.end).replace(/\s+/g, ' ');
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let inter = 0;
  let total = 0;
  for (const [g, n] of a) {
    inter += Math.min(n, b.get(g) ?? 0);
    total += n;
  }
  for (const n of b.values()) total += n;
  return total === 0 ? 0 : (2 * inter) / total;
}

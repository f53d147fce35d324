/**
 * Cut an article's text into runs, each covered by the same set of facts (and either inside or outside
 * a word OCR was unsure of), so facts can be drawn as <mark>s even when they overlap. Pure; the reader
 * renders the result.
 */
import type { FactView } from '../../api.js';

export interface Segment {
  start: number;
  end: number;
  /** the facts covering this run, outermost (earliest start, then longest) first */
  facts: FactView[];
  /** inside a word OCR read below its confidence threshold */
  low: boolean;
}

/**
 * Where a fact sits in the text: its stored offsets when they still hold its quote, else the quote's first
 * occurrence nearest the old offset (W3C TextQuote re-anchoring, for texts whose offsets drifted), else null.
 */
export function locate(text: string, fact: FactView): [number, number] | null {
  const { start, end, exact } = fact.anchor;
  if (end > start && text.slice(start, end) === exact) return [start, end];
  if (!exact) return null;
  let best = -1;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    if (best < 0 || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  return best < 0 ? null : [best, best + exact.length];
}

export function segmentText(
  text: string,
  facts: readonly FactView[],
  lowConfidence: readonly (readonly [number, number])[] = [],
): { segments: Segment[]; unplaced: FactView[] } {
  const placed: Array<{ fact: FactView; start: number; end: number }> = [];
  const unplaced: FactView[] = [];
  for (const fact of facts) {
    const at = locate(text, fact);
    if (at) placed.push({ fact, start: at[0], end: at[1] });
    else unplaced.push(fact);
  }
  placed.sort((a, b) => a.start - b.start || b.end - a.end);

  const cuts = new Set([0, text.length]);
  for (const p of placed) cuts.add(p.start).add(p.end);
  const low = lowConfidence.filter(([a, b]) => a < b && b <= text.length);
  for (const [a, b] of low) cuts.add(a).add(b);
  const bounds = [...cuts].sort((a, b) => a - b);

  const segments: Segment[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i]!;
    const end = bounds[i + 1]!;
    const covering = placed.filter((p) => p.start <= start && p.end >= end).map((p) => p.fact);
    segments.push({ start, end, facts: covering, low: low.some(([a, b]) => a <= start && b >= end) });
  }
  return { segments, unplaced };
}

/** The page a text offset is on: the last "[page N]" line at or before it (1 when there is none). */
export function pageAt(text: string, offset: number): number {
  let page = 1;
  for (const m of text.slice(0, Math.max(0, offset) + 1).matchAll(/^\[page (\d+)\]$/gm)) page = Number(m[1]);
  return page;
}

/** Unicode word segmentation (Intl.Segmenter): Kazakh and Russian words stay whole. */
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * Intl.Segmenter in Node 20 (V8 11.3, ICU 78) slows down quadratically past ~60k characters
 * (measured: 60k chars 0.3 s, 80k chars 5 s, 10 MB never finishes), so long texts are segmented in
 * chunks cut at white space, where no word can straddle the cut.
 */
const CHUNK = 4096;

export interface Word {
  word: string;
  /** lower-cased for matching */
  key: string;
  start: number;
  end: number;
}

export function words(text: string): Word[] {
  const out: Word[] = [];
  for (let from = 0; from < text.length;) {
    const to = chunkEnd(text, from);
    for (const s of segmenter.segment(text.slice(from, to))) {
      if (!s.isWordLike) continue;
      const start = from + s.index;
      out.push({ word: s.segment, key: s.segment.toLowerCase(), start, end: start + s.segment.length });
    }
    from = to;
  }
  return out;
}

/** End of the chunk starting at `from`: just after the last white space within CHUNK characters. */
function chunkEnd(text: string, from: number): number {
  const limit = from + CHUNK;
  if (limit >= text.length) return text.length;
  for (let i = limit; i > from + CHUNK / 2; i--) {
    if (/\s/.test(text[i - 1]!)) return i;
  }
  return limit; // a 2k-character "word" is not prose; cutting it is harmless
}

export const queryTerms = (query: string): string[] => [...new Set(words(query).map((w) => w.key))];

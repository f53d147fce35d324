/** Unicode word segmentation (Intl.Segmenter): Kazakh and Russian words stay whole. */
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

export interface Word {
  word: string;
  /** lower-cased for matching */
  key: string;
  start: number;
  end: number;
}

export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike) continue;
    out.push({ word: s.segment, key: s.segment.toLowerCase(), start: s.index, end: s.index + s.segment.length });
  }
  return out;
}

export const queryTerms = (query: string): string[] => [...new Set(words(query).map((w) => w.key))];

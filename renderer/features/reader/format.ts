/** Display strings for stored values; pure. Dates stay ISO-like: unambiguous in kk, ru and en alike. */
import type { FactView } from '../../api.js';

/** "2009", "2020-09", "2020-10-16"; approximate and missing dates in the words the caller gives ("c. 2009"). */
export function eventDate(
  date: FactView['date'],
  words: { approximate: (date: string) => string; none: string },
): string {
  if (!date) return words.none;
  const text = date.end ? `${date.value}/${date.end}` : date.value;
  return date.approximate ? words.approximate(text) : text;
}

/** "parole-denied" → "Parole denied", "un-decision" → "UN decision". */
export function factTypeLabel(type: string): string {
  if (!type) return 'Fact';
  const words = type.split(/[-_\s]+/).filter(Boolean);
  return words
    .map((w, i) => (w.length <= 2 ? w.toUpperCase() : i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** Known thesaurus types get fixed colours; others a stable one from their name (8 hues in CSS). */
const HUES: Record<string, number> = {
  detention: 0,
  sentence: 1,
  protest: 2,
  picket: 3,
  'parole-denied': 4,
  'un-decision': 5,
  health: 6,
};

export function factHue(type: string): number {
  const known = HUES[type];
  if (known !== undefined) return known;
  let h = 0;
  for (const ch of type) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return h % 8;
}

export const shortHash = (sha256: string): string => sha256.slice(0, 12);

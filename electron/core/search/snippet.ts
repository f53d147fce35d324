/** A short window of text around matches, with the matched ranges relative to the window. */
export interface Snippet {
  snippet: string;
  highlights: Array<[number, number]>;
}

/** `before`: how much text before the first match (a list shows two lines: keep the match in them). */
export function makeSnippet(
  text: string,
  matches: ReadonlyArray<{ start: number; end: number }>,
  radius = 80,
  before = radius,
): Snippet {
  const first = matches[0];
  if (!first) return { snippet: clip(text, 0, radius * 2), highlights: [] };
  let from = Math.max(0, first.start - before);
  let to = Math.min(text.length, first.end + radius);
  // widen to word boundaries so the snippet does not start or end mid-word
  while (from > 0 && /\S/.test(text[from - 1]!) && first.start - from < before + 20) from--;
  while (to < text.length && /\S/.test(text[to]!) && to - first.end < radius + 20) to++;
  const raw = text.slice(from, to);
  const lead = from > 0 ? '…' : '';
  const snippet = `${lead}${raw.replace(/\s/g, ' ')}${to < text.length ? '…' : ''}`;
  const highlights = matches
    .filter((m) => m.start >= from && m.end <= to)
    .map((m): [number, number] => [m.start - from + lead.length, m.end - from + lead.length]);
  return { snippet, highlights };
}

function clip(text: string, from: number, length: number): string {
  const s = text.slice(from, from + length).replace(/\s/g, ' ');
  return text.length > from + length ? `${s}…` : s;
}

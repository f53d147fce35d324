/** The reader's pure parts for machine-read text: words OCR was unsure of cut out as runs, the page at an offset. */
import { describe, expect, it } from 'vitest';
import type { FactView } from '../../../electron/api.js';
import { pageAt, segmentText } from '../../../renderer/features/reader/segments.js';

const TEXT = '[page 1]\nСот шешімі\n\n[page 2]\nЖәкішев өтініш берді.';
const fact = (exact: string) =>
  ({ id: exact, anchor: { exact, start: TEXT.indexOf(exact), end: TEXT.indexOf(exact) + exact.length } }) as FactView;

describe('reader: machine-read text', () => {
  it('marks the low-confidence words as runs of their own, inside facts too', () => {
    const low: [number, number][] = [
      [TEXT.indexOf('шешімі'), TEXT.indexOf('шешімі') + 6],
      [TEXT.indexOf('өтініш'), TEXT.indexOf('өтініш') + 6],
    ];
    const { segments } = segmentText(TEXT, [fact('Жәкішев өтініш берді.')], low);
    const runs = segments.map((s) => [TEXT.slice(s.start, s.end), s.low, s.facts.length]);
    expect(runs).toEqual([
      ['[page 1]\nСот ', false, 0],
      ['шешімі', true, 0],
      ['\n\n[page 2]\n', false, 0],
      ['Жәкішев ', false, 1],
      ['өтініш', true, 1],
      [' берді.', false, 1],
    ]);
    // offsets past the text (a stale record) are ignored, not drawn
    expect(segmentText(TEXT, [], [[5, 9999]]).segments.every((s) => !s.low)).toBe(true);
  });

  it('finds the page an offset is on from the [page N] lines', () => {
    expect(pageAt(TEXT, 0)).toBe(1);
    expect(pageAt(TEXT, TEXT.indexOf('шешімі'))).toBe(1);
    expect(pageAt(TEXT, TEXT.indexOf('Жәкішев'))).toBe(2);
    expect(pageAt('no markers', 3)).toBe(1);
  });
});

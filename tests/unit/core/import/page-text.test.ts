/** The pages of a paged text, one replaced, and quotes and marked words moved with it (pure). */
import { describe, expect, it } from 'vitest';
import { anchorAt } from '../../../../electron/core/annotation/anchor.js';
import { moveAnchor, movedRanges } from '../../../../electron/core/import/page-text.js';
import { pageSpan, pageSpans, withPage } from '../../../../electron/shared/page-text.js';

const TEXT = '[page 1]\n\nСот үкім шығарды.\n\n[page 2]\n\nЖәкішев өтініш бepдi.\n\n[page 3]\n\nШағым беріледі.';

describe('page text', () => {
  it('finds each page without its marker line and blank lines, an empty page as a point after its marker', () => {
    const spans = pageSpans(TEXT);
    expect(spans.map((s) => [s.page, TEXT.slice(s.start, s.end)])).toEqual([
      [1, 'Сот үкім шығарды.'],
      [2, 'Жәкішев өтініш бepдi.'],
      [3, 'Шағым беріледі.'],
    ]);
    const empty = '[page 1]\n\n[page 2]\n\nбар';
    expect(pageSpan(empty, 1)).toEqual({ page: 1, marker: 8, start: 8, end: 8 });
    expect(pageSpan(empty, 9)).toBeUndefined();
    expect(pageSpans('no pages here')).toEqual([]);
  });

  it('replaces one page, keeping every [page N] line; an empty page gets its blank line', () => {
    const fixed = withPage(TEXT, pageSpan(TEXT, 2)!, 'Жәкішев өтініш берді.');
    expect(fixed).toBe(TEXT.replace('бepдi', 'берді'));
    const empty = '[page 1]\n\n[page 2]\n\nбар';
    const filled = withPage(empty, pageSpan(empty, 1)!, 'жаңа');
    expect(filled).toBe('[page 1]\n\nжаңа\n\n[page 2]\n\nбар');
    expect(withPage(filled, pageSpan(filled, 1)!, '')).toBe(empty);
  });

  it('moves a quote after the page, finds one on it again, loses one whose words are gone', () => {
    const before = pageSpan(TEXT, 2)!;
    const next = withPage(TEXT, before, 'Сотталған Жәкішев өтініш берді.');
    const after = pageSpan(next, 2)!;
    const at = (s: string) => anchorAt(TEXT, TEXT.indexOf(s), TEXT.indexOf(s) + s.length);
    // before the page: untouched
    expect(moveAnchor(at('үкім'), next, before, after)).toEqual({ anchor: at('үкім') });
    // after it: shifted by what the page grew
    const later = moveAnchor(at('Шағым'), next, before, after);
    expect('anchor' in later && next.slice(later.anchor.start, later.anchor.end)).toBe('Шағым');
    // on it, still there
    const kept = moveAnchor(at('Жәкішев өтініш'), next, before, after);
    expect(kept).toEqual({ anchor: anchorAt(next, next.indexOf('Жәкішев'), next.indexOf('Жәкішев') + 14) });
    // on it, the misread word corrected away: lost, even though another page could hold it
    expect(moveAnchor(at('бepдi'), next, before, after)).toEqual({ lost: true });
  });

  it('moves marked words after the page and drops those on it', () => {
    const before = pageSpan(TEXT, 2)!;
    const next = withPage(TEXT, before, 'Жәкішев өтініш берді, бірақ бас тартты.');
    const after = pageSpan(next, 2)!;
    const word = (t: string, w: string): [number, number] => [t.indexOf(w), t.indexOf(w) + w.length];
    const moved = movedRanges([word(TEXT, 'үкім'), word(TEXT, 'бepдi'), word(TEXT, 'Шағым')], before, after);
    expect(moved).toEqual([word(next, 'үкім'), word(next, 'Шағым')]);
  });
});

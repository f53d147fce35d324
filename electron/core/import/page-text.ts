/**
 * Quotes and marked words of a paged text moved when one page's text is replaced (pure; the pages
 * themselves: shared/page-text.ts). The correction of a page by hand (corrections.ts) builds on it.
 */
import type { Anchor } from '../model.js';
import { anchorAt, resolveAnchor } from '../annotation/anchor.js';
import type { PageSpan } from '../../shared/page-text.js';

export type Moved = { anchor: Anchor } | { lost: true };

/**
 * Where a quote of the old text is in `newText`, when only the page at `before` (old text) / `after`
 * (new text) changed: before it, the same place; after it, shifted; on it, found again in the new page
 * (by its quote, prefix and suffix), else lost.
 */
export function moveAnchor(anchor: Anchor, newText: string, before: PageSpan, after: PageSpan): Moved {
  const delta = after.end - before.end;
  if (anchor.end <= before.start) return { anchor };
  if (anchor.start >= before.end) return { anchor: anchorAt(newText, anchor.start + delta, anchor.end + delta) };
  const lo = Math.min(anchor.start, after.start);
  const hi = anchor.end > before.end ? anchor.end + delta : after.end;
  const found = resolveAnchor(newText.slice(lo, hi), { ...anchor, start: anchor.start - lo, end: anchor.end - lo });
  return found ? { anchor: anchorAt(newText, lo + found.start, lo + found.end) } : { lost: true };
}

/** Offsets [start, end) of the old text moved past a changed page; those on it are dropped. */
export function movedRanges(
  ranges: readonly (readonly [number, number])[],
  before: PageSpan,
  after: PageSpan,
): [number, number][] {
  const delta = after.end - before.end;
  const out: [number, number][] = [];
  for (const [s, e] of ranges) {
    if (e <= before.start) out.push([s, e]);
    else if (s >= before.end) out.push([s + delta, e + delta]);
  }
  return out;
}

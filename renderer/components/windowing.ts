/** Which rows of a fixed-row-height list are in view: pure, so it can be unit-tested without a DOM. */
export interface WindowInput {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewport: number;
  overscan: number;
}

/** [first, last) row indexes to render. */
export function visibleRange({ count, rowHeight, scrollTop, viewport, overscan }: WindowInput): {
  first: number;
  last: number;
} {
  if (count === 0 || rowHeight <= 0) return { first: 0, last: 0 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

/**
 * Text offsets of a DOM selection inside the reader's text container. The container holds the article
 * text exactly (plain text nodes and <mark> runs), so counting characters of text nodes in document
 * order gives the same offsets the core stores.
 */
export function offsetIn(container: Node, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === node) return total + offset;
    total += (n.textContent ?? '').length;
  }
  // the point is an element boundary: count the text of its first `offset` children
  if (node.nodeType === Node.ELEMENT_NODE) {
    let before = 0;
    const w2 = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    const stop = node.childNodes[offset] ?? null;
    for (let n = w2.nextNode(); n; n = w2.nextNode()) {
      if (stop && (stop === n || stop.contains(n))) return before;
      before += (n.textContent ?? '').length;
    }
    return before;
  }
  return null;
}

/** A passage selected in the reader: its text and where it starts in the article text. */
export interface Passage {
  quote: string;
  start: number;
}

/** The selected range as [start, end) offsets in the container's text, trimmed of white space; null if none. */
export function selectedRange(container: HTMLElement, text: string): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0);
  let start = offsetIn(container, r.startContainer, r.startOffset);
  let end = offsetIn(container, r.endContainer, r.endOffset);
  if (start === null || end === null) return null;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

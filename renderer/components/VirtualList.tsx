/**
 * A listbox that renders only the rows in view: the library may hold 50,000 articles, and a DOM row per
 * article would make every keystroke slow. Rows have one fixed height, which keeps the windowing arithmetic
 * trivial (no measuring). Keyboard: ↑/↓, PageUp/PageDown, Home/End move the selection; Enter re-opens.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { visibleRange } from './windowing.js';

interface Props<T> {
  items: readonly T[];
  /** row height in CSS pixels; must match the row's CSS */
  rowHeight: number;
  label: string;
  /** unique per list, used for the rows' element ids (aria-activedescendant) */
  idPrefix: string;
  getKey: (item: T) => string;
  renderRow: (item: T) => ReactNode;
  selectedKey: string | null;
  onSelect: (item: T) => void;
  /** a key the list does not use, with the selected item (a list's own shortcuts, e.g. "c" for a case) */
  onOtherKey?: ((e: KeyboardEvent<HTMLDivElement>, selected: T | undefined) => void) | undefined;
  ref?: Ref<HTMLDivElement> | undefined;
}

const OVERSCAN = 6;

export function VirtualList<T>({
  items,
  rowHeight,
  label,
  idPrefix,
  getKey,
  renderRow,
  selectedKey,
  onSelect,
  onOtherKey,
  ref,
}: Props<T>) {
  const scroller = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const selectedIndex = selectedKey === null ? -1 : items.findIndex((item) => getKey(item) === selectedKey);

  // Track the visible height so the window grows with the pane.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    setViewport(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  // Keep the selected row in view when it changes (keyboard, or an import that selects a new article).
  useEffect(() => {
    const el = scroller.current;
    if (!el || selectedIndex < 0) return;
    const top = selectedIndex * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  }, [selectedIndex, rowHeight]);

  const move = (to: number) => {
    const item = items[Math.max(0, Math.min(items.length - 1, to))];
    if (item !== undefined) onSelect(item);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in steps) move(selectedIndex < 0 ? 0 : selectedIndex + (steps[e.key] ?? 0));
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Enter' && selectedIndex >= 0) move(selectedIndex);
    else return onOtherKey?.(e, items[selectedIndex]);
    e.preventDefault();
  };

  const { first, last } = visibleRange({ count: items.length, rowHeight, scrollTop, viewport, overscan: OVERSCAN });
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const item = items[i] as T;
    const key = getKey(item);
    rows.push(
      <div
        key={key}
        id={`${idPrefix}-${i}`}
        role="option"
        aria-selected={i === selectedIndex}
        aria-setsize={items.length}
        aria-posinset={i + 1}
        className="vlist-row"
        // a DOM property (CSSOM), not an inline style element, so the CSP allows it
        style={{ transform: `translateY(${i * rowHeight}px)`, height: rowHeight }}
        onClick={() => onSelect(item)}
      >
        {renderRow(item)}
      </div>,
    );
  }
  const activeRendered = selectedIndex >= first && selectedIndex < last;

  return (
    <div
      ref={(el) => {
        scroller.current = el;
        if (typeof ref === 'function') ref(el);
        else if (ref) ref.current = el;
      }}
      className="vlist"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={activeRendered ? `${idPrefix}-${selectedIndex}` : undefined}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div className="vlist-spacer" style={{ height: items.length * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}

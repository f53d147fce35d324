import { useEffect } from 'react';

/** j / k: next / previous highlight; e: edit the current one; o: the original page (scans); v: the page as it looked (saved pages). Not while typing, nor with the panel open. */
export function useReaderKeys({
  enabled,
  next,
  edit,
  original,
  visual,
}: {
  enabled: boolean;
  next: (step: 1 | -1) => void;
  edit: () => void;
  original?: (() => void) | undefined;
  visual?: (() => void) | undefined;
}): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLElement &&
        (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'j') next(1);
      else if (e.key === 'k') next(-1);
      else if (e.key === 'e') edit();
      else if (e.key === 'o' && original) original();
      else if (e.key === 'v' && visual) visual();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, next, edit, original, visual]);
}

import { useEffect, useRef } from 'react';
import { api } from '../../api.js';

/** At most one "the user is here" per this many ms: the idle lock counts in minutes. */
const TOUCH_EVERY_MS = 20_000;
const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/** Tell main that the user typed, clicked, moved or scrolled, so the idle lock starts counting again. */
export function useActivity(enabled: boolean): void {
  const last = useRef(0);
  useEffect(() => {
    if (!enabled) return;
    const onActivity = () => {
      const now = Date.now();
      if (now - last.current < TOUCH_EVERY_MS) return;
      last.current = now;
      // a failed touch only means the lock may come a little early
      api()
        .touch({})
        .catch(() => undefined);
    };
    for (const name of EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [enabled]);
}

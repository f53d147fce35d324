/**
 * The renderer's only door to the archive: `window.aqiqat`, put there by the preload (contextBridge) in
 * the app and by a Playwright binding in the e2e tests. Types only; nothing of electron/ is bundled here.
 */
import type { AqiqatApi } from '../electron/api.js';
import { LOCKED_MESSAGE } from '../electron/session-status.js';

export type {
  AqiqatApi,
  Article,
  ArticleDeletion,
  ArticleDetail,
  FactView,
  ImportResult,
  SearchHit,
} from '../electron/api.js';

declare global {
  interface Window {
    readonly aqiqat: AqiqatApi;
  }
}

/** Fired when a call was refused because the archive is locked: the session gate shows the lock screen. */
export const LOCKED_EVENT = 'aqiqat:locked';

let watched: { client: AqiqatApi; api: AqiqatApi } | null = null;

export function api(): AqiqatApi {
  // Checked on use, not at load, so a missing preload shows as an error line rather than a blank window.
  if (!window.aqiqat) throw new Error('the archive is not connected (window.aqiqat is missing)');
  if (watched?.client !== window.aqiqat) watched = { client: window.aqiqat, api: watchLocked(window.aqiqat) };
  return watched.api;
}

/**
 * The same calls, each reporting a "locked" refusal (the idle lock struck between two polls) so the
 * whole app gives way to the lock screen at once. A copy, not a Proxy: the client is frozen, and a
 * Proxy may not change what a frozen property reads.
 */
function watchLocked(client: AqiqatApi): AqiqatApi {
  const out: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [name, call] of Object.entries(
    client as unknown as Record<string, (input: unknown) => Promise<unknown>>,
  )) {
    out[name] = async (input) => {
      try {
        return await call(input);
      } catch (e) {
        if (e instanceof Error && e.message === LOCKED_MESSAGE) window.dispatchEvent(new Event(LOCKED_EVENT));
        throw e;
      }
    };
  }
  return out as unknown as AqiqatApi;
}

/** One line for the UI from anything thrown by a call. */
export function errorLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0] ?? text;
}

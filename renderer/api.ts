/**
 * The renderer's only door to the archive: `window.aqiqat`, put there by the preload (contextBridge) in
 * the app and by a Playwright binding in the e2e tests. Types only; nothing of electron/ is bundled here.
 */
import type { AqiqatApi } from '../electron/api.js';

export type { AqiqatApi, Article, ArticleDetail, FactView, ImportResult, SearchHit } from '../electron/api.js';

declare global {
  interface Window {
    readonly aqiqat: AqiqatApi;
  }
}

export function api(): AqiqatApi {
  // Checked on use, not at load, so a missing preload shows as an error line rather than a blank window.
  if (!window.aqiqat) throw new Error('the archive is not connected (window.aqiqat is missing)');
  return window.aqiqat;
}

/** One line for the UI from anything thrown by a call. */
export function errorLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0] ?? text;
}

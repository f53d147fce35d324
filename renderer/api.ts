/**
 * The renderer's only door to the archive: `window.aqiqat`, put there by the preload (contextBridge) in
 * the app and by a Playwright binding in the e2e tests. Types only; nothing of electron/ is bundled here.
 */
import type { AqiqatApi } from '../electron/api.js';
import { CallError } from '../electron/api.js';
import type { ErrorData } from '../electron/shared/error-codes.js';
import { errorText, type ErrorLang } from '../electron/shared/i18n/errors.js';

export type {
  AqiqatApi,
  Article,
  ArticleRow,
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
 * The same calls, each failing with a CallError (the preload's plain error data made one again) and
 * reporting a "locked" refusal (the idle lock struck between two polls) so the whole app gives way to
 * the lock screen at once. A copy, not a Proxy: the client is frozen, and a Proxy may not change what a
 * frozen property reads.
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
        const error = asCallError(e);
        if (error instanceof CallError && error.code === 'session.locked')
          window.dispatchEvent(new Event(LOCKED_EVENT));
        throw error;
      }
    };
  }
  return out as unknown as AqiqatApi;
}

function asCallError(e: unknown): unknown {
  if (e instanceof CallError) return e;
  const d = e as Partial<ErrorData> | null;
  return typeof d?.code === 'string' && typeof d.message === 'string' && typeof d.params === 'object'
    ? new CallError(d as ErrorData)
    : e;
}

/**
 * The interface language, as I18nProvider last set it: errors are worded in it where they are caught,
 * in handlers and effects that do not otherwise need the language.
 */
let errorLang: ErrorLang = 'en';
export function setErrorLanguage(lang: ErrorLang): void {
  errorLang = lang;
}

/** The code of a refused call (to act on a refusal, never on its words); null for anything else. */
export function errorCode(e: unknown): ErrorData['code'] | null {
  return e instanceof CallError ? e.code : null;
}

/** One line for the UI from anything thrown by a call: a refusal by its code, in the interface language. */
export function errorLine(e: unknown): string {
  const text = e instanceof CallError ? errorText(errorLang, e) : e instanceof Error ? e.message : String(e);
  return text.split('\n')[0] ?? text;
}

/**
 * Errors a user can act on, pure so that every layer can throw and recognize them. Each has a code and
 * the parameters of its text (error-codes.ts); `message` is its English text, one line shown as is (CLI
 * stderr). The app shows the code in the interface language. Anything else thrown is a bug (core/errors.ts
 * says how it is shown).
 */
import type { ErrorCode, ErrorData, ErrorParams } from './error-codes.js';
import { ERROR_TEXTS } from './i18n/errors.js';

export type { ErrorCode, ErrorData, ErrorParams } from './error-codes.js';

export type ErrorKind = 'usage' | 'input' | 'not-found' | 'archive' | 'conflict';

export class AqiqatError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly params: ErrorParams[C],
    readonly kind: ErrorKind = 'input',
  ) {
    super((ERROR_TEXTS.en[code] as (p: ErrorParams[C]) => string)(params));
    this.name = 'AqiqatError';
  }

  /** What crosses IPC: code, parameters and English line, each made safe to show (see `visible`). */
  toData(): ErrorData {
    return { code: this.code, params: visibleParams(this.params), message: visible(this.message) } as ErrorData;
  }
}

export const isAqiqatError = (e: unknown): e is AqiqatError => e instanceof AqiqatError;

/**
 * Control and bidi-override characters (from a hostile file name, say) shown as \u escapes: a message
 * stays one line and cannot drive the terminal (ANSI escapes) or reorder what the reader sees.
 */
export function visible(s: string): string {
  return s.replace(
    /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The parameters as the interface interpolates them: every string (in lists too) through `visible`. */
function visibleParams(params: object): object {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] =
      typeof v === 'string'
        ? visible(v)
        : Array.isArray(v)
          ? v.map((x) => (typeof x === 'string' ? visible(x) : x))
          : v;
  }
  return out;
}

/**
 * Errors a user can act on, pure so that every layer can throw and recognize them. `message` is one line
 * shown as is (CLI stderr, app toast); anything else thrown is a bug (core/errors.ts says how it is shown).
 */
export type ErrorKind = 'usage' | 'input' | 'not-found' | 'archive' | 'conflict';

export class AqiqatError extends Error {
  constructor(
    message: string,
    readonly kind: ErrorKind = 'input',
  ) {
    super(message);
    this.name = 'AqiqatError';
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

/**
 * Errors a user can act on. `message` is one line shown as is (CLI stderr, app toast);
 * anything else thrown is a bug and is reported as "internal error" without a stack.
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

/** A one-line message for any thrown value, never a stack trace. */
export function userMessage(e: unknown): string {
  if (isAqiqatError(e)) return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return `internal error: ${detail.split('\n')[0]}`;
}

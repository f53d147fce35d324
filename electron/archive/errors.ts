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

/** A file the system would not let us read (permissions, a failing disk): not damage to its content. */
export class FileReadError extends AqiqatError {
  constructor(message: string) {
    super(message, 'archive');
  }
}

/** A file written by a newer Aqiqat: not damage, so no backup is offered in its place. */
export class NewerSchemaError extends AqiqatError {
  constructor(message: string) {
    super(message, 'archive');
  }
}

/**
 * archive.json cannot be read as an archive (invalid JSON, wrong schema, fails to authenticate). The
 * message says where the last good copy is; `snapshot` lets the app offer to put it back.
 */
export class DamagedArchiveError extends AqiqatError {
  constructor(
    readonly detail: string,
    readonly snapshot: { file: string; takenAt: string } | null,
    hint: string,
  ) {
    super(`${detail} ${hint}`, 'archive');
  }
}

export const isAqiqatError = (e: unknown): e is AqiqatError => e instanceof AqiqatError;

/** What a full disk (or a used-up quota) says, wherever a write fails. */
export const DISK_FULL = 'the disk is full: free some space, or write to another disk, and try again';

/** A write failed for want of space; `what` says which ("could not save the archive: "). */
export class DiskFullError extends AqiqatError {
  constructor(what = '') {
    super(`${what}${DISK_FULL}`, 'archive');
  }
}

export const isDiskFull = (e: unknown): boolean => {
  if (e instanceof DiskFullError) return true;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
};

/** Why a file operation failed, short: "disk full", or the system's code ("EBUSY"), else its message. */
export function systemReason(e: unknown): string {
  if (isDiskFull(e)) return 'disk full';
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code ?? (e instanceof Error ? e.message : String(e));
}

/** A one-line message for any thrown value, never a stack trace. */
export function userMessage(e: unknown): string {
  if (isAqiqatError(e)) return visible(e.message);
  if (isDiskFull(e)) return DISK_FULL;
  const detail = e instanceof Error ? e.message : String(e);
  return `internal error: ${visible(detail.split('\n')[0]!)}`;
}

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

/** The core's errors: the shared ones, plus those of files and disks, and how any thrown value is shown. */
import { AqiqatError, isAqiqatError, visible } from '../shared/errors.js';

export { AqiqatError, isAqiqatError, visible, type ErrorKind } from '../shared/errors.js';

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

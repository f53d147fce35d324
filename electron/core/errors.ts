/** The core's errors: the shared ones, plus those of files and disks, and how any thrown value is shown. */
import type { ErrorData } from '../shared/error-codes.js';
import { AqiqatError, isAqiqatError, visible } from '../shared/errors.js';
import { ERROR_TEXTS } from '../shared/i18n/errors.js';

export {
  AqiqatError,
  isAqiqatError,
  visible,
  type ErrorCode,
  type ErrorData,
  type ErrorKind,
  type ErrorParams,
} from '../shared/errors.js';

/** A file the system would not let us read (permissions, a failing disk): not damage to its content. */
export class FileReadError extends AqiqatError<'file.unreadable' | 'restore.current-unreadable'> {}

/** A file written by a newer Aqiqat: not damage, so no backup is offered in its place. */
export class NewerSchemaError extends AqiqatError<'storage.newer-schema'> {
  constructor(params: { file: string; version: number; supported: number }) {
    super('storage.newer-schema', params, 'archive');
  }
}

/**
 * archive.json cannot be read as an archive (invalid JSON, wrong schema, fails to authenticate). The
 * message says where the last good copy is; `snapshot` lets the app offer to put it back.
 */
export class DamagedArchiveError extends AqiqatError<'archive.damaged'> {
  constructor(
    /** what is wrong with it */
    readonly damage: AqiqatError,
    readonly snapshot: { file: string; takenAt: string } | null,
    /** the snapshot's file as the message names it, relative to the archive */
    shown: string,
  ) {
    super(
      'archive.damaged',
      { detail: damage.message, snapshot: snapshot && { shown, file: snapshot.file, takenAt: snapshot.takenAt } },
      'archive',
    );
  }
}

/** What a full disk (or a used-up quota) says, wherever a write fails. */
export const DISK_FULL = ERROR_TEXTS.en['disk.full']({});

/** A write failed for want of space; `code` says which write, when it matters. */
export class DiskFullError extends AqiqatError<'disk.full' | 'disk.full-saving' | 'disk.full-audit'> {
  constructor(code: 'disk.full' | 'disk.full-saving' | 'disk.full-audit' = 'disk.full') {
    super(code, {}, 'archive');
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

/** Any thrown value as one of ours: a full disk says so, anything else is an internal error in one line. */
function asAqiqatError(e: unknown): AqiqatError {
  if (isAqiqatError(e)) return e;
  if (isDiskFull(e)) return new DiskFullError();
  const detail = e instanceof Error ? e.message : String(e);
  return new AqiqatError('internal', { detail: detail.split('\n')[0]! });
}

/** A one-line message for any thrown value, never a stack trace. */
export function userMessage(e: unknown): string {
  return visible(asAqiqatError(e).message);
}

/** Any thrown value as it crosses IPC: its code, parameters and English line. */
export function errorData(e: unknown): ErrorData {
  return asAqiqatError(e).toData();
}

/**
 * What the renderer knows of the app's hold on the archive (session.ts). Types only: the renderer
 * bundles this file, and it must not pull the core in with it.
 */
import type { ErrorData } from './shared/error-codes.js';

export interface SessionStatus {
  /** locked: an encrypted archive whose key is not in memory; every archive call is refused */
  locked: boolean;
  encrypted: boolean;
  /** why it is locked: at start, by the user, or after idle minutes */
  lockedBy: 'start' | 'user' | 'idle' | null;
  /** idle minutes before the app locks (encrypted, open archives); null: never, or unknown while locked */
  idleLockMinutes: number | null;
  /** an encryption was interrupted: some files are still plain until it is finished (at the next unlock) */
  unfinishedEncryption: boolean;
  /** archive.json could not be read: what is wrong (in English, and as data the interface words), and when the snapshot the app can put back was taken */
  problem: { message: string; error: ErrorData; snapshotTakenAt: string | null } | null;
}

/** The answer to encrypting: the status, and the plain copies restores kept beside the archive that encryption cannot reach. */
export interface EncryptedStatus extends SessionStatus {
  plainCopies: string[];
}

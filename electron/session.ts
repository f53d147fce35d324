/**
 * The app's hold on one archive folder: open, or locked (an encrypted archive whose key left memory).
 * Every archive call runs through use(); lock, unlock and encrypt run alone, after the calls in flight
 * have finished, so locking never cuts a write in half. Plain Node: main.ts and the e2e binding drive
 * the same object. Why the lock closes the archive (releasing its single-writer lock) rather than
 * holding it: a locked app is not using the archive, and the CLI may then open it.
 */
import { Archive, noArchiveError, type OpenOptions } from './core/archive.js';
import { restoreLeftovers } from './core/storage/swap.js';
import { checkPassphrase } from './core/protection/crypto.js';
import { plainRestoreCopies } from './core/protection/encrypt.js';
import { restoreArchiveJson } from './core/protection/backup.js';
import { layoutOf } from './core/storage/layout.js';
import { replacementSnapshots } from './core/protection/snapshots.js';
import type { AuditInput } from './core/protection/audit.js';
import { AqiqatError, DamagedArchiveError, FileReadError } from './core/errors.js';
import { createSampleArchive } from './core/import/sample.js';
import type { EncryptedStatus, SessionStatus } from './session-status.js';

export type Clock = () => number;

export class ArchiveSession {
  #archive: Archive | null;
  #encrypted: boolean;
  #lockedBy: SessionStatus['lockedBy'];
  #lastActivity: number;
  /** archive.json is damaged: nothing opens until the latest snapshot is put back (or a backup, by the CLI) */
  #damage: DamagedArchiveError | null = null;
  /** the recovery screen chose to put the latest snapshot back into an encrypted archive: done at unlock */
  #putBackAtUnlock = false;
  /** settles when the last lock/unlock/encrypt queued is done; calls wait on it */
  #gate: Promise<void> = Promise.resolve();
  /** how many lock/unlock/encrypt are queued or running */
  #exclusive = 0;
  readonly #inflight = new Set<Promise<unknown>>();
  readonly #lockListeners: Array<() => void> = [];
  /** audit entries that came while locked (a dossier saved from a dialog left open): written at unlock */
  readonly #pendingAudit: Array<{ entry: AuditInput; at: Date }> = [];

  private constructor(
    readonly root: string,
    archive: Archive | null,
    encrypted: boolean,
    private readonly now: Clock,
  ) {
    this.#archive = archive;
    this.#encrypted = encrypted;
    this.#lockedBy = archive ? null : 'start';
    this.#lastActivity = now();
  }

  /**
   * The app's start: an encrypted archive waits locked for its passphrase, a plain one opens, and
   * a folder without an archive gets the sample (first run) — unless a restore left copies of an
   * archive beside it: then the user's archive is likely one of them, and the error names them.
   */
  static async start(root: string, sampleDir: string, now: Clock = Date.now): Promise<ArchiveSession> {
    if (await Archive.exists(root)) {
      if (await Archive.isEncrypted(root)) return new ArchiveSession(root, null, true, now);
      const session = new ArchiveSession(root, null, false, now);
      // damaged: the session starts at the recovery screen; anything else cannot start the app
      await session.#openArchive({}).catch((e: unknown) => {
        if (!(e instanceof DamagedArchiveError)) throw e;
      });
      return session;
    }
    if ((await restoreLeftovers(root)).length > 0) throw await noArchiveError(root);
    return new ArchiveSession(root, await createSampleArchive(root, sampleDir), false, now);
  }

  /** A session over an archive already open (tests, tools). */
  static of(archive: Archive, now: Clock = Date.now): ArchiveSession {
    return new ArchiveSession(archive.root, archive, archive.encrypted, now);
  }

  async status(): Promise<SessionStatus> {
    await this.checkIdle();
    while (this.#exclusive > 0) await this.#gate;
    return this.#status();
  }

  /**
   * The user did something (typed, clicked, scrolled): the idle clock starts again — unless the idle
   * time has already run out (a laptop waking from sleep): then whoever moved the mouse gets the lock.
   */
  async touch(): Promise<void> {
    if (this.#idleExpired()) await this.lock('idle');
    else if (this.#archive) this.#lastActivity = this.now();
  }

  /** Called after every lock (the app closes windows that show archive content, e.g. a dossier preview). */
  onLock(listener: () => void): void {
    this.#lockListeners.push(listener);
  }

  /** Run one archive call; refused while locked. Any call counts as activity. */
  async use<T>(fn: (archive: Archive) => T | Promise<T>): Promise<T> {
    // synchronous up to registering the call when nothing is pending, so a lock asked for after
    // this call was made always waits for it
    if (this.#idleExpired()) await this.lock('idle');
    while (this.#exclusive > 0) await this.#gate;
    const archive = this.#archive;
    if (!archive) throw new AqiqatError('session.locked', {}, 'input');
    this.#lastActivity = this.now();
    const call = (async () => fn(archive))();
    this.#inflight.add(call);
    try {
      return await call;
    } finally {
      this.#inflight.delete(call);
      // only when no call holds shards it may still change
      if (this.#inflight.size === 0) archive.trimCache();
    }
  }

  /** Add to the archive's audit log, now or (while locked) at the next unlock: the line is never lost. */
  async audit(entry: AuditInput, at = new Date()): Promise<void> {
    this.#pendingAudit.push({ entry, at });
    if (this.#archive && this.#exclusive === 0) await this.#flushAudit(this.#archive);
  }

  async #flushAudit(archive: Archive): Promise<void> {
    while (this.#pendingAudit.length > 0) {
      const { entry, at } = this.#pendingAudit[0]!;
      await archive.recordAudit(entry, at);
      this.#pendingAudit.shift();
    }
  }

  /** Lock when the archive has been idle longer than its setting; main.ts calls this on a timer. */
  async checkIdle(): Promise<boolean> {
    if (!this.#idleExpired()) return false;
    await this.lock('idle');
    return true;
  }

  #idleExpired(): boolean {
    const minutes = this.#archive?.idleLockMinutes ?? null;
    return minutes !== null && this.now() - this.#lastActivity >= minutes * 60_000;
  }

  lock(by: 'user' | 'idle' = 'user'): Promise<SessionStatus> {
    return this.#alone(async () => {
      if (!this.#encrypted) throw new AqiqatError('session.not-encrypted-lock', {}, 'usage');
      // an idle lock queued behind a long call: the user may have come back meanwhile
      if (this.#archive && (by === 'user' || this.#idleExpired())) {
        const archive = this.#archive;
        this.#archive = null;
        this.#lockedBy = by;
        try {
          await archive.close();
        } finally {
          for (const listener of this.#lockListeners) listener();
        }
      }
      return this.#status();
    });
  }

  unlock(passphrase: string): Promise<SessionStatus> {
    return this.#alone(async () => {
      if (!this.#archive) {
        // a wrong passphrase throws here and nothing changes: still locked
        // a snapshot chosen on the recovery screen is sealed anew as archive.json, which needs the key
        if (this.#putBackAtUnlock) await this.#putBackSnapshot(passphrase);
        this.#putBackAtUnlock = false;
        const archive = await this.#openArchive({ passphrase });
        if (archive.unfinishedEncryption) this.#opened(await this.#finishEncryption(archive, passphrase));
        await this.#flushAudit(this.#archive!);
      }
      return this.#status();
    });
  }

  /** Encrypt the open plain archive in place (or finish an interrupted run), then go on with it open. */
  encrypt(passphrase: string): Promise<EncryptedStatus> {
    return this.#alone(async () => {
      const archive = this.#open();
      if (this.#encrypted && !archive.unfinishedEncryption)
        throw new AqiqatError('session.already-encrypted', {}, 'usage');
      checkPassphrase(passphrase);
      this.#archive = null;
      try {
        this.#opened((await archive.encrypt(passphrase)).archive);
      } catch (e) {
        // archive.encrypt closed it; open the folder as it now is: plain still, or encrypted with this
        // passphrase but unfinished (finished at the next unlock, or by trying again here)
        this.#encrypted = await Archive.isEncrypted(this.root);
        await this.#openArchive(this.#encrypted ? { passphrase } : {}).catch(() => (this.#lockedBy = 'start'));
        throw e;
      }
      this.#encrypted = true;
      return { ...this.#status(), plainCopies: await plainRestoreCopies(this.root) };
    });
  }

  /** Seal what an interrupted encryption left plain; if that fails again, go on with the archive as it is. */
  async #finishEncryption(archive: Archive, passphrase: string): Promise<Archive> {
    try {
      return (await archive.encrypt(passphrase)).archive;
    } catch {
      return Archive.open(this.root, { passphrase });
    }
  }

  changePassphrase(current: string, next: string, rekey = false): Promise<SessionStatus> {
    return this.#alone(async () => {
      if (!rekey) {
        await this.#open().changePassphrase(current, next);
        return this.#status();
      }
      const archive = this.#open();
      let started = false;
      try {
        this.#opened(
          await archive.rekey(current, next, () => {
            started = true;
            this.#archive = null;
          }),
        );
      } catch (e) {
        if (!started) throw e; // a wrong passphrase: nothing changed, still open
        // archive.rekey closed it: open the folder with whichever passphrase it now takes (a re-key
        // that got as far as the new key file is finished by that open), else show the lock screen
        await this.#openArchive({ passphrase: current })
          .catch(() => this.#openArchive({ passphrase: next }))
          .catch(() => (this.#lockedBy = 'start'));
        throw e;
      }
      return this.#status();
    });
  }

  setIdleLock(minutes: number | null): Promise<SessionStatus> {
    return this.use(async (archive) => {
      await archive.setIdleLock(minutes);
      return this.#status();
    });
  }

  /**
   * Put the latest snapshot of archive.json back in place of a damaged one (which is kept in backups/),
   * then open the archive again: a plain one at once, an encrypted one at the lock screen.
   */
  restoreSnapshot(): Promise<SessionStatus> {
    return this.#alone(async () => {
      if (!this.#damage?.snapshot) throw new AqiqatError('session.no-snapshot', {}, 'usage');
      if (this.#encrypted) this.#putBackAtUnlock = true;
      else await this.#putBackSnapshot();
      this.#damage = null;
      if (!this.#encrypted) await this.#openArchive({});
      return this.#status();
    });
  }

  /** The newest snapshot that passes the check restoreArchiveJson makes. */
  async #putBackSnapshot(passphrase?: string): Promise<void> {
    let refusal: unknown = null;
    for (const snapshot of await replacementSnapshots(layoutOf(this.root))) {
      try {
        await restoreArchiveJson(snapshot.file, this.root, undefined, passphrase);
        return;
      } catch (e) {
        // a snapshot that fails its check is damaged too; anything else (the current file unreadable) stops here
        if (!(e instanceof AqiqatError) || e.kind !== 'archive' || e instanceof FileReadError) throw e;
        refusal ??= e; // that snapshot is damaged too: try the one before it
      }
    }
    throw refusal ?? new AqiqatError('session.no-snapshot', {}, 'usage');
  }

  /** Release the archive for good (the app quits). */
  close(): Promise<void> {
    return this.#alone(async () => {
      const archive = this.#archive;
      this.#archive = null;
      await archive?.close();
    });
  }

  /** Open the folder into this session; a damaged archive.json is remembered for the recovery screen. */
  async #openArchive(options: OpenOptions): Promise<Archive> {
    try {
      const archive = await Archive.open(this.root, options);
      this.#damage = null;
      this.#opened(archive);
      return archive;
    } catch (e) {
      if (e instanceof DamagedArchiveError) this.#damage = e;
      throw e;
    }
  }

  /** The archive is open now: calls are served, and the idle clock starts. */
  #opened(archive: Archive): void {
    this.#archive = archive;
    this.#lockedBy = null;
    this.#lastActivity = this.now();
  }

  #open(): Archive {
    if (!this.#archive) throw new AqiqatError('session.locked', {}, 'input');
    return this.#archive;
  }

  #status(): SessionStatus {
    return {
      locked: this.#archive === null,
      encrypted: this.#encrypted,
      lockedBy: this.#archive ? null : this.#lockedBy,
      idleLockMinutes: this.#archive?.idleLockMinutes ?? null,
      unfinishedEncryption: this.#archive?.unfinishedEncryption ?? false,
      problem: this.#damage
        ? {
            message: this.#damage.damage.message,
            error: this.#damage.damage.toData(),
            snapshotTakenAt: this.#damage.snapshot?.takenAt ?? null,
          }
        : null,
    };
  }

  /** Run `fn` with no archive call in flight and none starting until it is done. */
  async #alone<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.#gate;
    let release!: () => void;
    this.#gate = new Promise<void>((resolve) => (release = resolve));
    this.#exclusive++;
    try {
      await previous;
      await Promise.allSettled([...this.#inflight]);
      return await fn();
    } finally {
      this.#exclusive--;
      release();
    }
  }
}

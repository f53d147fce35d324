/** What every CLI command module gets: output, the archive, option helpers. */
import { Option, type Command } from 'commander';
import { Archive } from '../core/archive.js';
import type { AuditInput } from '../core/protection/audit.js';
import { AqiqatError, DISK_FULL } from '../core/errors.js';
import { defaultArchiveDir } from '../core/storage/paths.js';
import { passphraseFor } from './passphrase.js';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => Promise<Buffer>;
  env: NodeJS.ProcessEnv;
  /** a batch's live progress line on stderr ('' clears it); absent when nobody watches */
  progress?: ((line: string) => void) | undefined;
}

export interface Cli {
  io: Io;
  /** the archive folder: --archive, else $AQIQAT_ARCHIVE, else the app's */
  dir: () => string;
  open: () => Promise<Archive>;
  /** --json: one JSON value; else the human form */
  print: (asJson: boolean | undefined, value: unknown, human: () => string) => void;
  /**
   * The audit line of something that leaves the archive (a dossier, an export). On a full disk it is
   * a note, not a failure: moving the archive's contents to another disk is what that disk's owner
   * needs to do.
   */
  recordExport: (archive: Archive, entry: AuditInput, what: string) => Promise<void>;
  /** the note of an export whose audit line the full disk refused */
  unaudited: (what: string) => void;
}

export function makeCli(program: Command, io: Io): Cli {
  const dir = () => program.opts<{ archive?: string }>().archive ?? defaultArchiveDir(io.env);
  const unaudited = (what: string) => io.err(`note: the audit log could not record this ${what} (${DISK_FULL})`);
  return {
    io,
    dir,
    open: async () => {
      const archive = await Archive.open(dir(), { passphrase: await passphraseFor(dir(), io.env) });
      if (archive.unfinishedEncryption)
        io.err(
          'note: encrypting this archive was interrupted and some files are still unencrypted; run `aqiqat encrypt` to finish',
        );
      if (archive.openWarning) io.err(`note: ${archive.openWarning}`);
      return archive;
    },
    print: (asJson, value, human) => io.out(asJson ? JSON.stringify(value) : human()),
    recordExport: async (archive, entry, what) => {
      if (!(await archive.recordExport(entry))) unaudited(what);
    },
    unaudited,
  };
}

/** Exit with a code, having already said why. */
export class Quiet extends Error {
  constructor(readonly code: number) {
    super('');
  }
}

export const collect = (value: string, previous: string[] = []) => [...previous, value];
export const jsonOption = () => new Option('--json', 'print one JSON value');

export function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new AqiqatError('cli.not-positive', { name }, 'usage');
  return n;
}

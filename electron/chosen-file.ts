/** Writing the file the user chose in a save dialog, for the shell's calls that save one. */
import { AqiqatError } from './core/errors.js';
import { writeFileAtomic } from './core/storage/atomic.js';

/** The codes whose text names the file and the system's reason, one per kind of thing saved. */
export type ChosenFileCode = 'file.cannot-write' | 'dossier.cannot-save';

/** A folder the user picked may refuse the file (read-only, full, gone): one line, not "internal error". */
export async function writeChosenFile(code: ChosenFileCode, file: string, data: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(file, data);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code;
    if (typeof reason !== 'string') throw e;
    throw new AqiqatError(code, { file, reason });
  }
}

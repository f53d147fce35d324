/**
 * The files being parsed are noted in the archive folder (import.parsing) for as long as they are.
 * If the process dies meanwhile (the kernel's out-of-memory killer, a parser's native crash), the note
 * stays, and every later import refuses that file with one line instead of dying at it again: the rest
 * of a folder goes in. A parse that ends in any other way, refused or failed, takes its note away.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AqiqatError } from '../../errors.js';
import type { ArchiveStore } from '../../storage/store.js';

export const UNFINISHED_FILE = 'import.parsing';

interface Notes {
  /** left by a process that died while parsing them */
  dead: Set<string>;
  parsing: Set<string>;
  /** writes of the note, one after another */
  queue: Promise<void>;
}

const notes = new WeakMap<ArchiveStore, Promise<Notes>>();

function notesOf(store: ArchiveStore): Promise<Notes> {
  let n = notes.get(store);
  if (!n) {
    n = readFile(path.join(store.layout.root, UNFINISHED_FILE), 'utf8')
      .catch(() => '')
      .then((text) => ({
        dead: new Set(text.split('\n').filter(Boolean)),
        parsing: new Set<string>(),
        queue: Promise.resolve(),
      }));
    notes.set(store, n);
  }
  return n;
}

function save(store: ArchiveStore, n: Notes): Promise<void> {
  const file = path.join(store.layout.root, UNFINISHED_FILE);
  // no fsync: the note has to outlive the process, not the machine
  n.queue = n.queue
    .catch(() => undefined)
    .then(() => {
      const keys = [...n.dead, ...n.parsing];
      return keys.length ? writeFile(file, `${keys.join('\n')}\n`) : rm(file, { force: true });
    });
  return n.queue;
}

/**
 * Run `parse` for the file stored as `source` (its name in sources/: a hash, keyed when the archive is
 * encrypted, so the note names nothing), noted while it runs.
 */
export async function parseNoted<T>(
  store: ArchiveStore,
  source: string,
  name: string,
  parse: () => Promise<T>,
): Promise<T> {
  const key = path.basename(store.codec.locate(source));
  const n = await notesOf(store);
  if (n.dead.has(key)) {
    throw new AqiqatError('import.skipped-unfinished', { name, file: UNFINISHED_FILE });
  }
  n.parsing.add(key);
  try {
    await save(store, n);
    return await parse();
  } finally {
    n.parsing.delete(key);
    // the parse's own outcome stands: a note left behind only skips this file in a later import
    await save(store, n).catch(() => undefined);
  }
}

/**
 * Tests only: the store behind an `Archive`, for tests that inspect or sabotage storage itself. The
 * product never uses it: the core's modules are handed the store by the façade, and the CLI and the
 * shell go through the façade (`.dependency-cruiser.cjs` forbids this file to everything but the façade).
 */
import type { Archive } from '../archive.js';
import type { ArchiveStore } from './store.js';

let door: ((archive: Archive) => ArchiveStore) | undefined;

/** Called once by the façade, which alone can read its private store. */
export function installStoreDoor(open: (archive: Archive) => ArchiveStore): void {
  door = open;
}

export function storeForTests(archive: Archive): ArchiveStore {
  if (!door) throw new Error('the Archive class was not loaded');
  return door(archive);
}

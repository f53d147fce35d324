/**
 * The files of a drop: plain files as they are, folders walked recursively (known types only, hidden
 * entries skipped) through the File and Directory Entries API that Chromium and Electron offer.
 */
import { canImport } from '../../../electron/shared/formats.js';

export async function filesFromDrop(data: DataTransfer): Promise<File[]> {
  const entries = Array.from(data.items ?? [])
    .filter((i) => i.kind === 'file')
    .map((i) => i.webkitGetAsEntry?.() ?? null);
  // a synthetic DataTransfer (and some platforms) has no entries: use the flat file list
  if (entries.length === 0 || entries.some((e) => e === null)) return Array.from(data.files);
  const out: File[] = [];
  for (const entry of entries) await walk(entry!, out, true);
  return out;
}

async function walk(entry: FileSystemEntry, out: File[], top: boolean): Promise<void> {
  if (!top && entry.name.startsWith('.')) return;
  if (entry.isFile) {
    // a file dropped by itself is always tried (and fails with its reason if unknown)
    if (top || canImport(entry.name))
      out.push(await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail)));
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries returns the folder in pieces until an empty one
  for (;;) {
    const piece = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (piece.length === 0) break;
    children.push(...piece);
  }
  children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const child of children) await walk(child, out, false);
}

/**
 * The import formats, by file extension: the core's extractors (core/import/extract/index.ts) are keyed by
 * this list, the app's file picker offers it, and folder walks in the CLI and in the app keep only these.
 */
export const IMPORT_EXTENSIONS = ['txt', 'md', 'text', 'html', 'htm', 'xhtml', 'mhtml', 'mht', 'docx', 'pdf'] as const;
export type ImportExtension = (typeof IMPORT_EXTENSIONS)[number];

/** For the file picker's `accept`. */
export const ACCEPT = IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',');

/** The lower-case extension of a file name; a name without one is taken as text (stdin, pasted text). */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  // ".bashrc" has no extension, as node's path.extname says
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : 'txt';
}

export const canImport = (name: string): boolean =>
  (IMPORT_EXTENSIONS as readonly string[]).includes(extensionOf(name));

/** What the core can import (electron/archive/extract/index.ts); folders contribute only these. */
export const IMPORT_EXTENSIONS = ['txt', 'md', 'text', 'html', 'htm', 'xhtml', 'mhtml', 'mht', 'docx', 'pdf'] as const;

export const ACCEPT = IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',');

export function isImportable(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && (IMPORT_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase());
}

/**
 * Size limits on what comes in from outside. A news article is kilobytes; a limit stops a wrong or
 * hostile file (a 100 MB dump, a disk image) before it is read into memory. Configurable for the
 * rare large document: AQIQAT_MAX_IMPORT_MB (the app and the CLI read it at start).
 */
export const DEFAULT_MAX_IMPORT_MB = 50;

export function maxImportBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AQIQAT_MAX_IMPORT_MB?.trim();
  const mb = raw ? Number(raw) : DEFAULT_MAX_IMPORT_MB;
  // a nonsense value falls back to the default rather than to "no limit"
  return Number.isFinite(mb) && mb > 0 && mb <= 4096 ? Math.floor(mb * 1024 * 1024) : DEFAULT_MAX_IMPORT_MB * 1024 * 1024;
}

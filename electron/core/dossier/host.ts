/**
 * The dossier as the app asks for it (IPC): a case, language, paper, people to redact → the preview
 * HTML, or a saved PDF. What only the app has (a printer, a save dialog, a preview window) comes in
 * as a DossierHost, so the handlers stay testable with the Chromium printer and a temp folder.
 */
import type { Archive } from '../archive.js';
import { exportEntry, type AuditInput } from '../protection/audit.js';
import { AqiqatError } from '../errors.js';
import { printDossier, type Dossier } from './dossier.js';
import type { Printer } from './pdf.js';
import type { DossierLook, Template } from './types.js';

export interface DossierHost {
  printer: Printer;
  /** ask where to save (suggested file name): the chosen path, or null if the user cancelled; the caller writes it */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** show the dossier HTML in a locked window (no script, no network) */
  preview?(html: string, title: string): Promise<void>;
}

export interface AppDossierRequest extends DossierLook {
  caseId: string;
  compiledBy?: string | undefined;
  template?: Template | undefined;
}

export interface DossierPreview {
  html: string;
  title: string;
  facts: number;
  sources: number;
}

export interface SavedDossier {
  /** where it was saved, or null when the user cancelled the dialog */
  path: string | null;
  bytes: number;
  facts: number;
}

function build(archive: Archive, r: AppDossierRequest): Promise<Dossier> {
  return archive.dossier({
    case: r.caseId,
    lang: r.lang,
    paper: r.paper,
    compiledBy: r.compiledBy,
    redact: r.redact,
    redactSources: r.redactSources,
    attribution: r.attribution,
    template: r.template,
  });
}

/** A file name from the title: letters of any script kept, the rest dashes. */
export function pdfFileName(title: string): string {
  const base = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'dossier'}.pdf`;
}

export async function previewDossier(
  archive: Archive,
  r: AppDossierRequest,
  host?: DossierHost,
): Promise<DossierPreview> {
  const d = await build(archive, r);
  await host?.preview?.(d.html, d.title);
  return { html: d.html, title: d.title, facts: d.facts, sources: d.sources };
}

/** A dossier printed, not yet saved: saving asks the user where (a dialog that may stay open a long time). */
export interface PrintedDossier {
  pdf: Uint8Array;
  fileName: string;
  caseId: string;
  facts: number;
}

export async function printDossierPdf(
  archive: Archive,
  r: AppDossierRequest,
  host?: DossierHost,
): Promise<PrintedDossier> {
  if (!host) throw new AqiqatError('dossier.needs-app', {});
  const d = await build(archive, r);
  const pdf = await printDossier(d, host.printer, d.paper);
  return { pdf, fileName: pdfFileName(d.title), caseId: d.caseId!, facts: d.facts };
}

/** The audit log's line for a saved dossier: the SHA-256 of the very bytes written. */
export function savedDossierEntry(printed: PrintedDossier, savedAt: string): AuditInput {
  return exportEntry('dossier PDF', printed.pdf, printed.caseId, savedAt);
}

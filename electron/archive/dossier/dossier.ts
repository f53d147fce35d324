/** A dossier end to end: select → collect → redact → HTML → (optionally) PDF. */
import { AqiqatError } from '../errors.js';
import type { ArchiveStore } from '../store.js';
import { collectDossier, personNames, type DossierSelection } from './data.js';
import { dossierFonts } from './fonts.js';
import { buildDossierHtml, type BuiltDossier } from './html.js';
import { setPdfInfo } from './pdf-info.js';
import type { Printer } from './pdf.js';
import { makeRedactor, redactDossier } from './redact.js';
import type { DossierLang, Paper } from './types.js';

export interface DossierRequest extends DossierSelection {
  lang: DossierLang;
  paper: Paper;
  compiledBy: string;
  /** people (name, alias or id) whose every name is replaced by [redacted] */
  redact: readonly string[];
  redactSources: boolean;
  generatedAt?: Date | undefined;
  /** embed fonts (false only for quick HTML in tests) */
  fonts?: boolean | undefined;
}

export interface DossierResult extends BuiltDossier {
  facts: number;
  sources: number;
  generatedAt: Date;
  compiledBy: string;
}

export async function buildDossier(store: ArchiveStore, req: DossierRequest): Promise<DossierResult> {
  const data = await collectDossier(store, req);
  const names = req.redact.flatMap((p) => personNames(store, p));
  const redactor = makeRedactor(names);
  const redacted = redactDossier(data, redactor, names);
  const generatedAt = req.generatedAt ?? new Date();
  const built = buildDossierHtml(
    redacted,
    { lang: req.lang, paper: req.paper, generatedAt, compiledBy: req.compiledBy, redactSources: req.redactSources, redacted: names.length > 0 },
    req.fonts === false ? undefined : dossierFonts(),
  );
  // last check on what a reader will see (the cover's compiled-by line is typed, not redacted)
  if (redactor.active && redactor.finds(visibleText(built.html) + visibleText(built.footerTemplate) + ' ' + built.title)) {
    throw new AqiqatError('a redacted name is still in the dossier (check --compiled-by and --title); nothing was written');
  }
  return { ...built, facts: data.facts.length, sources: data.sources.length, generatedAt, compiledBy: req.compiledBy };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
/** The text of our own HTML (styles and tags dropped, our five escapes undone). */
export function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}

/** The PDF of a built dossier, with its Info dictionary (title, author, creation date) set. */
export async function printDossier(d: DossierResult, printer: Printer, paper: Paper): Promise<Uint8Array> {
  const pdf = await printer.print({ html: d.html, footerTemplate: d.footerTemplate, paper });
  return setPdfInfo(pdf, { title: d.title, author: d.compiledBy, subject: 'Aqiqat dossier', creationDate: d.generatedAt });
}

/** A dossier end to end: select → collect → redact → HTML → (optionally) PDF. */
import { AqiqatError } from '../errors.js';
import type { ArchiveStore } from '../storage/store.js';
import { collectDossier, personNames, selectionOf, type DossierSelection, type FactChoice } from './data.js';
import { dossierFonts } from './fonts.js';
import { buildDossierHtml, type BuiltDossier } from './html.js';
import { findName, htmlReadable, nameStems, pdfReadable } from './leaks.js';
import type { Printer } from './pdf.js';
import { makeRedactor, redactDossier } from './redact.js';
import { LABELS } from './labels.js';
import type { DossierLang, DossierLook, Paper, Template } from './types.js';
import { buildUnCommunicationHtml } from './un-communication.js';

export interface DossierRequest extends DossierSelection {
  lang: DossierLang;
  paper: Paper;
  compiledBy: string;
  /** people (name, alias or id) whose every name is replaced by [redacted] */
  redact: readonly string[];
  redactSources: boolean;
  /** say under each fact who recorded it and last changed it (names colleagues: off unless asked) */
  attribution?: boolean | undefined;
  generatedAt?: Date | undefined;
  /** embed fonts (false only for quick HTML in tests) */
  fonts?: boolean | undefined;
  /** the layout: the case dossier (default) or a UN communication */
  template?: Template | undefined;
}

export interface DossierResult extends BuiltDossier {
  facts: number;
  sources: number;
  generatedAt: Date;
  compiledBy: string;
  lang: DossierLang;
  /** every spelling of the redacted people, for the reader's check of the printed PDF */
  redactedNames: string[];
}

/** Refuses a finished dossier (HTML or PDF, as read back) that still shows a redacted name. */
function refuseIfNamed(texts: readonly string[], names: readonly string[]): void {
  const word = findName(texts, nameStems(names));
  if (word !== null) throw new AqiqatError('dossier.redaction-leak', { word });
}

export async function buildDossier(store: ArchiveStore, req: DossierRequest): Promise<DossierResult> {
  const data = await collectDossier(store, req, { attribution: req.attribution });
  const names = req.redact.flatMap((p) => personNames(store, p));
  const redactor = makeRedactor(names);
  const redacted = redactDossier(data, redactor, names);
  const generatedAt = req.generatedAt ?? new Date();
  const builder = req.template === 'un-communication' ? buildUnCommunicationHtml : buildDossierHtml;
  const built = builder(
    redacted,
    {
      lang: req.lang,
      paper: req.paper,
      generatedAt,
      compiledBy: req.compiledBy,
      redactSources: req.redactSources,
      redacted: names.length > 0,
    },
    req.fonts === false ? undefined : dossierFonts(),
  );
  // the reader's check on the document as a browser reads it (the cover's compiled-by line is typed, not redacted)
  if (names.length > 0)
    refuseIfNamed(
      [...(await htmlReadable(built.html)), ...(await htmlReadable(built.footerTemplate)), built.title],
      names,
    );
  return {
    ...built,
    facts: data.facts.length,
    sources: data.sources.length,
    generatedAt,
    compiledBy: req.compiledBy,
    lang: req.lang,
    redactedNames: names,
  };
}

/** What a dossier is when nobody says otherwise: the app's and the CLI's defaults. */
export const DOSSIER_DEFAULTS = { lang: 'en', paper: 'a4', compiledBy: '—', format: 'pdf' } as const satisfies {
  lang: DossierLang;
  paper: Paper;
  compiledBy: string;
  format: 'pdf' | 'html';
};

/** A dossier as asked for: which facts (a case, else these, else all) and how; all else defaults. */
export interface DossierAsk extends FactChoice, DossierLook {
  /** default: the case's title, or the language's "facts dossier" */
  title?: string | undefined;
  /** default: the case's summary */
  summary?: string | undefined;
  compiledBy?: string | undefined;
  generatedAt?: Date | undefined;
  fonts?: boolean | undefined;
  template?: Template | undefined;
}

export interface Dossier extends DossierResult {
  caseId: string | null;
  paper: Paper;
}

/** Nothing to put in the dossier; `caseId`: the case that has no facts yet, if a case was asked for. */
export class EmptyDossierError extends AqiqatError<'dossier.case-empty' | 'dossier.no-facts'> {
  constructor(
    readonly caseId: string | null,
    caseTitle: string,
  ) {
    super(caseId !== null ? 'dossier.case-empty' : 'dossier.no-facts', caseId !== null ? { title: caseTitle } : {});
  }
}

/** The one dossier builder: a request with its defaults filled in → the built dossier. */
export async function makeDossier(store: ArchiveStore, ask: DossierAsk): Promise<Dossier> {
  const lang = ask.lang ?? DOSSIER_DEFAULTS.lang;
  const paper = ask.paper ?? DOSSIER_DEFAULTS.paper;
  const selection = await selectionOf(store, ask, LABELS[lang].factsDossier);
  if (selection.factIds.length === 0) throw new EmptyDossierError(selection.caseId, selection.title);
  const built = await buildDossier(store, {
    ...selection,
    title: ask.title?.trim() || selection.title,
    summary: ask.summary ?? selection.summary,
    lang,
    paper,
    compiledBy: ask.compiledBy?.trim() || DOSSIER_DEFAULTS.compiledBy,
    redact: ask.redact ?? [],
    redactSources: ask.redactSources ?? false,
    attribution: ask.attribution,
    generatedAt: ask.generatedAt,
    fonts: ask.fonts,
    template: ask.template,
  });
  return { ...built, caseId: selection.caseId, paper };
}

/**
 * The PDF of a built dossier: printed until its contents' page numbers are right (`paging.ts`), then
 * finished as PDF/A-2b with its bookmarks and metadata (`finish.ts`); read back and refused if it
 * shows a redacted name, text, bookmarks and metadata alike.
 */
export async function printDossier(d: DossierResult, printer: Printer, paper: Paper): Promise<Uint8Array> {
  // pdf-lib is loaded when a PDF is made, not by every process that can make one
  const [{ printPaged }, { finishPdf }] = await Promise.all([import('./paging.js'), import('./finish.js')]);
  const paged = await printPaged(printer, { html: d.html, footerTemplate: d.footerTemplate, paper });
  const pdf = await finishPdf(paged.pdf, {
    info: {
      title: d.title,
      author: d.compiledBy,
      subject: 'Aqiqat dossier',
      creationDate: d.generatedAt,
      lang: d.lang,
    },
    outline: paged.plan.outline,
    landings: paged.landings,
  });
  if (d.redactedNames.length > 0) {
    const read = await pdfReadable(pdf).catch((e: unknown) => {
      throw new AqiqatError('dossier.redaction-unchecked', {
        reason: String((e as Error).message ?? e).split('\n')[0]!,
      });
    });
    refuseIfNamed(read, d.redactedNames);
  }
  return pdf;
}

/** dossier, export */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { writeFileAtomic } from '../core/storage/atomic.js';
import { DOSSIER_DEFAULTS, EmptyDossierError, printDossier, type Dossier } from '../core/dossier/dossier.js';
import { toCsv } from '../core/dossier/export.js';
import { chromiumPrinter } from '../core/dossier/pdf.js';
import {
  DOSSIER_LANGS,
  PAPERS,
  TEMPLATES,
  type DossierLang,
  type Paper,
  type Template,
} from '../core/dossier/types.js';
import { exportEntry } from '../core/protection/audit.js';
import { counted } from './format.js';
import { AqiqatError } from '../core/errors.js';
import type { FactChoice } from '../core/dossier/data.js';
import { collect, jsonOption, type Cli } from './context.js';

interface DossierOpts {
  out?: string;
  lang: DossierLang;
  redact?: string[];
  redactSources?: boolean;
  attribution?: boolean;
  format: 'pdf' | 'html';
  paper: Paper;
  facts?: string;
  title?: string;
  summary?: string;
  compiledBy?: string;
  template: Template;
  json?: boolean;
}

const splitIds = (s: string) => s.split(/[\s,]+/).filter(Boolean);

/** Which facts: a case's, --facts ID,ID… or (neither) every fact of the archive. */
function factChoice(caseRef: string | undefined, facts: string | undefined): FactChoice {
  if (caseRef !== undefined) {
    if (facts !== undefined) throw new AqiqatError('cli.case-or-facts', {}, 'usage');
    return { case: caseRef };
  }
  if (facts === undefined) return {};
  const ids = splitIds(facts);
  if (ids.length === 0) throw new AqiqatError('cli.facts-empty', {}, 'usage');
  return { facts: ids };
}

async function writeOut(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path.resolve(file), data);
  } catch (e) {
    throw new AqiqatError('file.cannot-write', { file, reason: (e as Error).message.split('\n')[0]! });
  }
}

export function registerDossierCommands(program: Command, cli: Cli): void {
  program
    .command('dossier')
    .description('a case dossier as PDF (or print HTML): cover, people, chronology with citations, sources with hashes')
    .argument('[case]', 'the case (id or title); without it: --facts, or every fact')
    .option('--facts <ids>', 'instead of a case: these facts, comma-separated (default: every fact)')
    .requiredOption('--out <file>', 'where to write the PDF or HTML (- for HTML on standard output)')
    .addOption(
      new Option('--lang <lang>', 'language of the dossier’s labels (quotes stay in their original language)')
        .choices(DOSSIER_LANGS)
        .default(DOSSIER_DEFAULTS.lang),
    )
    .option(
      '--redact <person>',
      'replace this person’s name and aliases, in all their forms, by [redacted] (repeatable)',
      collect,
    )
    .option(
      '--redact-sources',
      'leave out the sources’ URLs, publishers, dates and hashes (each can find a public article)',
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['pdf', 'html']).default(DOSSIER_DEFAULTS.format),
    )
    .addOption(new Option('--paper <size>', 'paper size').choices(PAPERS).default(DOSSIER_DEFAULTS.paper))
    .option('--title <title>', 'the dossier’s title')
    .option('--summary <text>', 'a summary for the first page')
    .option('--compiled-by <name>', 'who compiled it (cover page and PDF author)')
    .option(
      '--attribution',
      'under each fact, which archive identity recorded it and last changed it (names colleagues: leave it out of dossiers that travel far)',
    )
    .addOption(
      new Option(
        '--template <name>',
        'the layout: the case dossier, or a communication to the UN (the OHCHR forms’ sections, with a checklist of what is missing)',
      )
        .choices(TEMPLATES)
        .default('dossier'),
    )
    .addOption(jsonOption())
    .action(async (caseRef: string | undefined, o: DossierOpts) => {
      if (o.format === 'pdf' && o.out === '-') throw new AqiqatError('cli.pdf-needs-out', {}, 'usage');
      if (caseRef !== undefined && o.facts !== undefined) throw new AqiqatError('cli.case-or-facts', {}, 'usage');
      const archive = await cli.open();
      let dossier: Dossier;
      try {
        dossier = await archive.dossier({
          ...factChoice(caseRef, o.facts),
          title: o.title,
          summary: o.summary,
          lang: o.lang,
          paper: o.paper,
          compiledBy: o.compiledBy,
          redact: o.redact,
          redactSources: o.redactSources,
          attribution: o.attribution,
          template: o.template,
        });
      } catch (e) {
        // on the command line, name the command that adds facts to a case
        if (e instanceof EmptyDossierError && e.caseId !== null)
          throw new AqiqatError('dossier.case-empty-cli', { caseId: e.caseId });
        throw e;
      }
      let written: string | Uint8Array;
      if (o.format === 'html') {
        if (o.out === '-') cli.io.out(dossier.html);
        else await writeOut(o.out!, dossier.html);
        written = dossier.html;
      } else {
        const printer = chromiumPrinter(cli.io.env);
        try {
          written = await printDossier(dossier, printer, dossier.paper);
          await writeOut(o.out!, written);
        } finally {
          await printer.close();
        }
      }
      const where = o.out === '-' ? 'standard output' : path.resolve(o.out!);
      await cli.recordExport(
        archive,
        exportEntry(`dossier ${o.format.toUpperCase()}`, written, dossier.caseId, where),
        'dossier',
      );
      const bytes = typeof written === 'string' ? Buffer.byteLength(written) : written.length;
      if (o.out === '-') return;
      const summary = {
        out: path.resolve(o.out!),
        format: o.format,
        case: dossier.caseId,
        facts: dossier.facts,
        sources: dossier.sources,
        bytes,
        redacted: o.redact ?? [],
      };
      cli.print(o.json, summary, () => {
        const lines = [
          `wrote ${summary.out}: ${counted(dossier.facts, 'fact')}, ${counted(dossier.sources, 'source')} (${(bytes / 1024).toFixed(0)} KB)`,
        ];
        // a URL often spells the name too (…/zhakishev-picket); they are redacted, but say how to drop them
        if (o.redact?.length && !o.redactSources)
          lines.push(
            'note: source URLs, publishers, dates and hashes are kept (names in them are redacted); --redact-sources leaves them out',
          );
        // what no redaction hides: a quote from a public article leads back to it
        if (o.redact?.length)
          lines.push('note: quotes are verbatim; a web search for one can find the public article and the name');
        return lines.join('\n');
      });
    });

  program
    .command('export')
    .description('facts with their article metadata as JSON or CSV (UTF-8 with BOM, for spreadsheets)')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .option('--case <case>', 'only the facts of this case (id or title), in its timeline order')
    .option('--facts <ids>', 'only these facts, comma-separated (default: every fact)')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (o: { format: 'json' | 'csv'; case?: string; facts?: string; out?: string }) => {
      const archive = await cli.open();
      const { rows, caseId } = await archive.exportFacts(factChoice(o.case, o.facts));
      const text = o.format === 'csv' ? toCsv(rows) : JSON.stringify(rows, null, o.out ? 2 : undefined);
      // the bytes as written: the CSV on standard output loses its last line break
      const written = o.out || o.format !== 'csv' ? text : text.replace(/\r\n$/, '');
      await cli.recordExport(
        archive,
        exportEntry(
          `${o.format.toUpperCase()} export of ${rows.length} facts`,
          written,
          caseId,
          o.out ? path.resolve(o.out) : 'standard output',
        ),
        'export',
      );
      if (o.out) {
        await writeOut(o.out, text);
        cli.io.err(`wrote ${rows.length} facts to ${path.resolve(o.out)}`);
      } else cli.io.out(written);
    });
}

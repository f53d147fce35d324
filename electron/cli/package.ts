/** package, verify-package: the signed evidence package of a case, and its check (no archive needed). */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { writeFileAtomic } from '../core/storage/atomic.js';
import { DOSSIER_DEFAULTS, EmptyDossierError } from '../core/dossier/dossier.js';
import { chromiumPrinter } from '../core/dossier/pdf.js';
import { DOSSIER_LANGS, PAPERS, type DossierLang, type Paper } from '../core/dossier/types.js';
import { exportEntry } from '../core/protection/audit.js';
import { verifyPackageFile, type PackageReport } from '../core/package/verify.js';
import { AqiqatError } from '../core/errors.js';
import { counted } from './format.js';
import { collect, jsonOption, type Cli } from './context.js';

interface PackageOpts {
  out: string;
  lang: DossierLang;
  paper: Paper;
  redact?: string[];
  redactSources?: boolean;
  title?: string;
  summary?: string;
  compiledBy?: string;
  json?: boolean;
}

/** What a valid package proves and what it does not, as the CLI says it (verify.html says the same). */
export function reportLines(r: PackageReport): string[] {
  const time =
    r.time.stamped === false
      ? 'time: not stamped (nothing in the package proves when it was made)'
      : `time: the manifest existed at ${r.time.time}, stamped by ${r.time.authority} (certificate sha256 ${r.time.certificateFingerprint}${
          r.time.trusted === null
            ? '; not checked against a trusted authority: give --ca'
            : r.time.trusted
              ? '; chains to the certificate given'
              : ''
        })`;
  return [
    `valid: ${r.file}`,
    `signer: ${r.signer.name}, key fingerprint ${r.signer.fingerprint}`,
    `proven: the ${counted(r.files, 'file')} are unchanged since they were signed`,
    'proven: they were signed with the key of that fingerprint (compare it with the signer by phone, group by group)',
    `proven: ${counted(r.quotesChecked, 'quote')} match their source texts, character for character, at their offsets`,
    time,
    ...(r.quotesUnchecked > 0
      ? [`note: ${counted(r.quotesUnchecked, 'quote')} of redacted facts or left-out texts are not checked`]
      : []),
    'not proven: that the content is true (the sources say what they say)',
    'not proven: that the key was not stolen or used by someone else',
  ];
}

export function registerPackageCommands(program: Command, cli: Cli): void {
  program
    .command('package')
    .description(
      'a signed evidence package of a case: dossier PDF, sources byte for byte, texts, manifest, signature, verify.html',
    )
    .argument('<case>', 'the case (id or title)')
    .requiredOption('--out <file>', 'the package to write (case.aqpkg)')
    .addOption(
      new Option('--lang <lang>', 'language of the dossier and of verify.html')
        .choices(DOSSIER_LANGS)
        .default(DOSSIER_DEFAULTS.lang),
    )
    .addOption(new Option('--paper <size>', 'paper size').choices(PAPERS).default(DOSSIER_DEFAULTS.paper))
    .option(
      '--redact <person>',
      'replace this person’s names by [redacted]; the originals, and texts showing the name, are left out (repeatable)',
      collect,
    )
    .option('--redact-sources', 'leave out the sources’ URLs, publishers, dates and hashes')
    .option('--title <title>', 'the dossier’s title')
    .option('--summary <text>', 'a summary for the first page')
    .option('--compiled-by <name>', 'who compiled it (cover page and PDF author)')
    .addOption(jsonOption())
    .action(async (caseRef: string, o: PackageOpts) => {
      const archive = await cli.open();
      const printer = chromiumPrinter(cli.io.env);
      let built;
      try {
        built = await archive.package(
          {
            case: caseRef,
            lang: o.lang,
            paper: o.paper,
            redact: o.redact,
            redactSources: o.redactSources,
            title: o.title,
            summary: o.summary,
            compiledBy: o.compiledBy,
          },
          printer,
        );
      } catch (e) {
        if (e instanceof EmptyDossierError && e.caseId !== null)
          throw new AqiqatError('dossier.case-empty-cli', { caseId: e.caseId });
        throw e;
      } finally {
        await printer.close();
      }
      const out = path.resolve(o.out);
      try {
        await writeFileAtomic(out, built.zip);
      } catch (e) {
        throw new AqiqatError('file.cannot-write', { file: o.out, reason: (e as Error).message.split('\n')[0]! });
      }
      await cli.recordExport(archive, exportEntry('evidence package', built.zip, built.caseId, out), 'package');
      const { zip, ...rest } = built;
      const summary = { out, bytes: zip.length, ...rest };
      cli.print(o.json, summary, () =>
        [
          `wrote ${out}: ${counted(built.facts, 'fact')}, ${counted(built.articles, 'source')} (${(zip.length / 1024).toFixed(0)} KB)`,
          `signed by key ${built.fingerprint}; manifest sha256 ${built.manifestSha256}`,
          ...(built.leftOut > 0
            ? [`note: ${counted(built.leftOut, 'original or text')} left out because they show a redacted name`]
            : []),
        ].join('\n'),
      );
    });

  program
    .command('verify-package')
    .description('check an evidence package (no archive needed): every hash, the signature, each quote at its offsets')
    .argument('<file>', 'the .aqpkg file')
    .option('--ca <file>', 'the certificates (PEM or DER) a timestamp’s authority must chain to')
    .addOption(jsonOption())
    .action(async (file: string, o: { json?: boolean; ca?: string }) => {
      const report = await verifyPackageFile(file, { ca: o.ca });
      cli.print(o.json, report, () => reportLines(report).join('\n'));
    });
}

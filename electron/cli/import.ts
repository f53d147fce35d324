/** `aqiqat import` (files, folders, stdin; progress and a summary) and `aqiqat lang`. */
import { Argument, type Command } from 'commander';
import { collectFiles, summaryLine, type BatchItem } from '../core/import/batch.js';
import { AqiqatError } from '../core/errors.js';
import { articleLine } from './format.js';
import { LanguageSchema, type Article, type Language } from '../core/model.js';
import { jsonOption, Quiet, type Cli } from './context.js';
import type { Archive } from '../core/archive.js';
import { chromiumPageRenderer } from '../core/visual/chromium.js';
import type { PageRenderer } from '../core/visual/page.js';
import { visualNote } from '../core/visual/visual.js';
import { OCR_LANGUAGES, type OcrLanguage, type OcrMode } from '../shared/formats.js';

/** `aqiqat import`'s options, as commander parses them. */
export interface ImportOptions {
  title?: string;
  url?: string;
  published?: string;
  publisher?: string;
  lang?: Language;
  sourceType?: string;
  page?: string;
  json?: boolean;
  ocr?: OcrMode;
  ocrLang?: string;
  /** false: no visual copy (--no-visual) */
  visual?: boolean;
}

/** `--ocr-lang kk,ru,en`: the languages a scan is read in. */
export function ocrLanguages(value: string | undefined): OcrLanguage[] {
  if (value === undefined) return [...OCR_LANGUAGES];
  const langs = value.split(',').map((l) => l.trim().toLowerCase());
  for (const lang of langs)
    if (!(OCR_LANGUAGES as readonly string[]).includes(lang))
      throw new AqiqatError('import.ocr-bad-language', { lang, known: OCR_LANGUAGES.join(', ') }, 'usage');
  return [...new Set(langs)] as OcrLanguage[];
}

export async function runImport(cli: Cli, args: string[], o: ImportOptions): Promise<void> {
  const files = await collectFiles(args);
  if (files.length === 0) throw new AqiqatError('import.no-files', { paths: args.join(', ') });
  if (o.title && files.length > 1) throw new AqiqatError('cli.title-one-file', {}, 'usage');
  const ocr = { mode: o.ocr ?? 'auto', languages: ocrLanguages(o.ocrLang) } as const;
  const archive = await cli.open();
  // Chromium starts only when a saved page comes
  const renderer = o.visual === false ? undefined : chromiumPageRenderer(cli.io.env);
  try {
    await importWith(cli, archive, files, o, ocr, renderer);
  } finally {
    await renderer?.close();
  }
}

async function importWith(
  cli: Cli,
  archive: Archive,
  files: string[],
  o: ImportOptions,
  ocr: { mode: OcrMode; languages: OcrLanguage[] },
  renderer: PageRenderer | undefined,
): Promise<void> {
  const progress = files.length > 1 ? cli.io.progress : undefined;
  const started = Date.now();
  let current = 0;
  const { items, summary } = await archive.importFiles(files, {
    defaults: {
      title: o.title,
      url: o.url,
      publishedAt: o.published,
      publisher: o.publisher,
      lang: o.lang,
      ocr,
      // a scan takes seconds a page: its pages are shown even for one file
      onPage: (page, pages) =>
        cli.io.progress?.(
          `${files.length > 1 ? `file ${current + 1}/${files.length}: ` : ''}reading page ${page}/${pages} by OCR`,
        ),
      sourceType: o.sourceType,
      page: o.page,
      renderer,
    },
    stdin: cli.io.stdin,
    onItem: (item) => {
      progress?.(''); // the live line is cleared first: a chunk's lines would start after it
      if (!o.json) report(cli, item);
      if (item.status === 'failed') cli.io.err(`aqiqat: ${item.error}`);
      const note = item.status === 'imported' && item.article ? visualNote(item.article) : null;
      if (note) cli.io.err(`aqiqat: ${note}`);
    },
    onProgress: (done, total) => {
      current = done;
      progress?.(
        `importing ${done}/${total} files (${Math.round((done / Math.max(1, (Date.now() - started) / 1000)) * 10) / 10}/s)`,
      );
    },
  });
  if (files.length > 1) progress?.('');
  else cli.io.progress?.('');
  if (o.json) cli.io.out(JSON.stringify(items));
  else if (files.length > 1) cli.io.out(summaryLine(summary));
  if (summary.failed > 0) throw new Quiet(1);
}

function report(cli: Cli, item: BatchItem): void {
  const a = item.article;
  if (!a) return;
  if (item.status === 'imported') {
    cli.io.out(`imported ${a.id}  ${a.title}`);
    const captured = captureLine(a);
    if (captured) cli.io.out(captured);
  } else if (item.status === 'duplicate') cli.io.out(`already in the archive: ${a.id}  ${a.title}`);
  else if (item.status === 'linked')
    cli.io.out(`same text as ${a.id}  ${a.title}: ${item.file} added as another source`);
}

/** A web capture's own record, under its import line: when and what it captured, and how far its package holds. */
export function captureLine(a: Article): string | null {
  const m = a.capture?.machine;
  if (!m?.warcTargetUri) return null;
  const parts = [`  captured ${m.warcDate ?? '(no WARC-Date)'}  ${m.warcTargetUri}`];
  if (m.warcSoftware) parts.push(`by ${m.warcSoftware}`);
  if (m.waczHashes === 'hold') parts.push('package hashes hold');
  if (m.waczHashes === 'broken') parts.push(`PACKAGE HASHES DO NOT HOLD (${m.waczHashBroken ?? '?'})`);
  if (m.waczSigner) parts.push(`signed by ${m.waczSigner} (signature ${m.waczSignature ?? 'unchecked'})`);
  // a WACZ brings in every page it lists; a WARC its first, the others by --page
  if ((m.warcPages ?? 1) > 1)
    parts.push(`the capture lists ${m.warcPages} pages${a.sourceExt === 'wacz' ? '' : '; others with --page URL'}`);
  return parts.join('; ');
}

export function registerImportCommands(program: Command, cli: Cli): void {
  program
    .command('lang')
    .description('set the language of an article (detection is a guess)')
    .argument('<id>', 'article id (or its first digits)')
    .addArgument(new Argument('<lang>', 'language').choices(LanguageSchema.options))
    .addOption(jsonOption())
    .action(async (id: string, lang: Language, o: { json?: boolean }) => {
      const article = await (await cli.open()).setArticleLanguage(id, lang);
      cli.print(o.json, article, () => articleLine(article));
    });
}

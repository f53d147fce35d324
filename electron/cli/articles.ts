/** init, import, articles, show, article correct, article delete */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { Archive } from '../core/archive.js';
import { AqiqatError } from '../core/errors.js';
import { articleDetail, articleLine, factLine } from './format.js';
import { listCommand } from './list-command.js';
import { runImport, type ImportOptions } from './import.js';
import { OCR_MODES } from '../shared/formats.js';
import { LanguageSchema } from '../core/model.js';
import { createSampleArchive } from '../core/import/sample.js';
import { jsonOption, positiveInt, type Cli } from './context.js';
import { newPassphrase } from './passphrase.js';
import { registerArticleEdit } from './provenance.js';
import { SOURCE_TYPES } from '../shared/provenance.js';
import { chromiumPageRenderer } from '../core/visual/chromium.js';
import { visualNote } from '../core/visual/visual.js';

/** data/sample of this package, found upwards from this module (run from dist/ or from source). */
function sampleDir(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'data', 'sample');
    if (existsSync(path.join(candidate, 'sample.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new AqiqatError('cli.sample-missing', {}, 'archive');
  }
}

async function readTextInput(file: string): Promise<string> {
  try {
    return await readFile(path.resolve(file), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AqiqatError('file.no-such', { file }, 'input');
    throw new AqiqatError('file.unreadable', { file, reason: (e as Error).message.split('\n')[0]! }, 'input');
  }
}

export function registerArticleCommands(program: Command, cli: Cli): void {
  program
    .command('init')
    .description('create an empty archive (or one with the sample article: --sample)')
    .option('--sample', 'fill it with the sample article and its facts')
    .option('--encrypt', 'encrypt everything it stores (passphrase: $AQIQAT_PASSPHRASE or asked)')
    .addOption(jsonOption())
    .action(async (o: { sample?: boolean; encrypt?: boolean; json?: boolean }) => {
      const options = o.encrypt
        ? { encrypt: true, passphrase: await newPassphrase(cli.io.env, 'AQIQAT_PASSPHRASE') }
        : {};
      const archive = o.sample
        ? await createSampleArchive(cli.dir(), sampleDir(), options)
        : await Archive.create(cli.dir(), options);
      cli.print(o.json, { archive: archive.root }, () => `created an archive in ${archive.root}`);
    });

  program
    .command('import')
    .description(
      'import articles (.txt .md .html .htm .mhtml .docx .pdf; web captures .warc .warc.gz .wacz; scans and photos .jpg .png .tif .webp by OCR) from files and folders, or standard input with -',
    )
    .argument(
      '<files...>',
      'files or folders to import (folders: recursively, known types only), or - for standard input',
    )
    .option('--title <title>', 'title (default: the first line of the text)')
    .option('--url <url>', 'where the article was published')
    .option('--published <YYYY-MM-DD>', 'publication date')
    .option('--publisher <name>', 'publisher')
    .addOption(new Option('--lang <lang>', 'language (default: detected)').choices(LanguageSchema.options))
    .addOption(
      new Option(
        '--ocr <mode>',
        'read scans and photos by OCR: auto (pages without text), always (every PDF page), never',
      ).choices(OCR_MODES),
    )
    .option('--ocr-lang <langs>', 'the languages of scans, comma-separated (default: kk,ru,en)')
    .addOption(new Option('--source-type <type>', 'what kind of source it is').choices(SOURCE_TYPES))
    .option('--page <url>', 'a web capture (.warc, .warc.gz, .wacz): the captured page to import (default: the first)')
    .option('--no-visual', 'make no visual copy of saved web pages (made by default, offline in Chromium)')
    .addOption(jsonOption())
    .action(async (files: string[], o: ImportOptions) => {
      await runImport(cli, files, o);
    });

  listCommand(program.command('articles').description('list the articles, newest first'), cli, {
    list: (archive) => archive.listArticleRows(),
    listWhole: (archive) => archive.listArticles(),
    line: articleLine,
    none: 'no articles yet; add one with `aqiqat import FILE`',
  });

  program
    .command('show')
    .description('show one article: metadata, facts and text')
    .argument('<id>', 'article id (or its first digits)')
    .addOption(jsonOption())
    .action(async (id: string, o: { json?: boolean }) => {
      const { article, text, facts } = await (await cli.open()).getArticle(id);
      cli.print(o.json, { ...article, text, facts }, () =>
        [articleDetail(article), facts.length ? `\nfacts:\n${facts.map(factLine).join('\n')}` : '', `\n${text}`].join(
          '\n',
        ),
      );
    });

  program
    .command('render')
    .description('make the visual copy of a saved web page (offline, in Chromium): as the page looked')
    .argument('<id>', 'article id (or its first digits)')
    .option('--force', 'render it again even if it has one')
    .addOption(jsonOption())
    .action(async (id: string, o: { force?: boolean; json?: boolean }) => {
      const archive = await cli.open();
      const renderer = chromiumPageRenderer(cli.io.env);
      try {
        const r = await archive.renderArticle(id, renderer, o.force === true);
        const v = r.article.visual!;
        cli.print(o.json, r, () =>
          r.status === 'exists'
            ? `${r.article.id} already has a visual copy (png ${v.png.sha256}); --force renders it again`
            : `visual copy of ${r.article.id}: png ${v.png.sha256}, pdf ${v.pdf.sha256}`,
        );
        const note = visualNote(r.article);
        if (note && r.status === 'made') cli.io.err(`aqiqat: ${note}`);
      } finally {
        await renderer.close();
      }
    });

  const article = program.command('article').description('edit the provenance of an article, or delete it');
  registerArticleEdit(article, cli);
  article
    .command('correct')
    .description(
      "correct the text of a page read by OCR (kept beside the machine's reading, audited; the original file is not touched), or --revert to the machine's reading",
    )
    .argument('<id>', 'article id (or its first digits)')
    .requiredOption('--page <n>', 'the page', (v) => positiveInt(v, '--page'))
    .option('--text <text>', 'the corrected text of the page')
    .option('--file <file>', 'read the corrected text from a UTF-8 file')
    .option('--revert', "go back to the machine's reading of the page")
    .addOption(jsonOption())
    .action(async (id: string, o: { page: number; text?: string; file?: string; revert?: boolean; json?: boolean }) => {
      const given = [o.text !== undefined, o.file !== undefined, o.revert === true].filter(Boolean).length;
      if (given !== 1) throw new AqiqatError('correct.what', {}, 'usage');
      const text = o.revert ? null : (o.text ?? (await readTextInput(o.file!)));
      const r = await (await cli.open()).correctPage(id, o.page, text);
      cli.print(o.json, r, () => {
        const what = r.reverted ? "put back to the machine's reading" : 'corrected';
        const moved = r.moved.length ? `; ${r.moved.length} fact${r.moved.length === 1 ? '' : 's'} found again` : '';
        return `page ${r.page} of ${r.article.id} ${what}${moved}`;
      });
      for (const f of r.lost)
        cli.io.err(`aqiqat: fact ${f}: its quote is not in page ${r.page} as corrected; it is flagged, not deleted`);
    });
  article
    .command('delete')
    .description(
      'delete an article with its facts (taken out of their cases too); its text and source files go unless another article names them',
    )
    .argument('<id>', 'article id (or its first digits)')
    .addOption(jsonOption())
    .action(async (id: string, o: { json?: boolean }) => {
      const d = await (await cli.open()).deleteArticle(id);
      const facts = `${d.factIds.length} fact${d.factIds.length === 1 ? '' : 's'}`;
      const cases = d.cases.length ? `; removed from ${d.cases.map((c) => `${c.id} “${c.title}”`).join(', ')}` : '';
      cli.print(
        o.json,
        d,
        () =>
          `deleted article ${d.article.id} “${d.article.title}” (sha256 ${d.article.sha256}) and its ${facts}${cases}`,
      );
    });
}

/** init, import, articles, show */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { Archive } from '../archive.js';
import { readImportFile, type ImportInput } from '../articles.js';
import { AqiqatError, userMessage } from '../errors.js';
import { articleDetail, articleLine, factLine } from '../format.js';
import { LanguageSchema } from '../model.js';
import { createSampleArchive } from '../sample.js';
import { jsonOption, Quiet, type Cli } from './context.js';
import { newPassphrase } from './passphrase.js';

/** data/sample of this package, found upwards from this module (run from dist/ or from source). */
function sampleDir(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'data', 'sample');
    if (existsSync(path.join(candidate, 'sample.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new AqiqatError('the sample archive (data/sample) is missing from this installation', 'archive');
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
      const options = o.encrypt ? { encrypt: true, passphrase: await newPassphrase(cli.io.env, 'AQIQAT_PASSPHRASE') } : {};
      const archive = o.sample ? await createSampleArchive(cli.dir(), sampleDir(), options) : await Archive.create(cli.dir(), options);
      cli.print(o.json, { archive: archive.root }, () => `created an archive in ${archive.root}`);
    });

  program
    .command('import')
    .description('import articles from .txt files, or from standard input with -')
    .argument('<files...>', 'files to import, or - for standard input')
    .option('--title <title>', 'title (default: the first line of the text)')
    .option('--url <url>', 'where the article was published')
    .option('--published <YYYY-MM-DD>', 'publication date')
    .option('--publisher <name>', 'publisher')
    .addOption(new Option('--lang <lang>', 'language (default: detected)').choices(LanguageSchema.options))
    .addOption(jsonOption())
    .action(async (files: string[], o: { title?: string; url?: string; published?: string; publisher?: string; lang?: 'kk' | 'ru' | 'en' | 'other'; json?: boolean }) => {
      if (o.title && files.length > 1) throw new AqiqatError('--title names one article; import the files one by one', 'usage');
      const archive = await cli.open();
      const results: Array<{ file: string; status: string; article?: unknown; error?: string }> = [];
      let failed = 0;
      for (const file of files) {
        try {
          const input: ImportInput = file === '-' ? { bytes: await cli.io.stdin(), name: 'stdin' } : await readImportFile(file);
          const r = await archive.importArticle({ ...input, title: o.title, url: o.url, publishedAt: o.published, publisher: o.publisher, lang: o.lang });
          results.push({ file, status: r.status, article: r.article });
          if (!o.json) cli.io.out(r.status === 'imported' ? `imported ${r.article.id}  ${r.article.title}` : `already in the archive: ${r.article.id}  ${r.article.title}`);
        } catch (e) {
          if (e instanceof AqiqatError && e.kind === 'usage') throw e;
          failed++;
          results.push({ file, status: 'failed', error: userMessage(e) });
          cli.io.err(`aqiqat: ${userMessage(e)}`);
        }
      }
      if (o.json) cli.io.out(JSON.stringify(results));
      if (failed > 0) throw new Quiet(1);
    });

  program
    .command('articles')
    .description('list the articles, newest first')
    .addOption(jsonOption())
    .action(async (o: { json?: boolean }) => {
      const articles = await (await cli.open()).listArticles();
      cli.print(o.json, articles, () => (articles.length ? articles.map(articleLine).join('\n') : 'no articles yet; add one with `aqiqat import FILE`'));
    });

  program
    .command('show')
    .description('show one article: metadata, facts and text')
    .argument('<id>', 'article id (or its first digits)')
    .addOption(jsonOption())
    .action(async (id: string, o: { json?: boolean }) => {
      const { article, text, facts } = await (await cli.open()).getArticle(id);
      cli.print(o.json, { ...article, text, facts }, () =>
        [articleDetail(article), facts.length ? `\nfacts:\n${facts.map(factLine).join('\n')}` : '', `\n${text}`].join('\n'),
      );
    });

}

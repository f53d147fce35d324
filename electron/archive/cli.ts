/**
 * `aqiqat`: the archive from the command line. Output: human lines, or with --json exactly one JSON
 * value on stdout. Errors: one line on stderr, exit 1 (2 for usage), never a stack trace.
 */
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { Archive } from './archive.js';
import { MAX_IMPORT_BYTES, readImportFile, type ImportInput } from './articles.js';
import { AqiqatError, userMessage } from './errors.js';
import { articleDetail, articleLine, factLine, hitLine } from './format.js';
import { LanguageSchema } from './model.js';
import { defaultArchiveDir } from './paths.js';
import { createSampleArchive } from './sample.js';

declare const AQIQAT_VERSION: string | undefined;
const VERSION = typeof AQIQAT_VERSION === 'string' ? AQIQAT_VERSION : '0.0.0-dev';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => Promise<Buffer>;
  env: NodeJS.ProcessEnv;
}

const processIo: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  stdin: async () => {
    if (process.stdin.isTTY) throw new AqiqatError('`import -` reads the article from standard input: pipe text into it', 'usage');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      // stop reading early: importArticle refuses anything over the limit anyway
      if (size > MAX_IMPORT_BYTES) throw new AqiqatError(`standard input is over the import limit of ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  },
  env: process.env,
};

const collect = (value: string, previous: string[] = []) => [...previous, value];
const json = new Option('--json', 'print one JSON value');

export function buildProgram(io: Io): Command {
  const program = new Command('aqiqat')
    .description('Aqiqat: an offline archive of articles, quoted facts and cases')
    .version(VERSION, '-V, --version')
    .option('--archive <dir>', 'the archive folder (default: $AQIQAT_ARCHIVE, else the app’s archive)')
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
      // commander says "error: …"; make it our one line with a pointer to the help
      outputError: (s, write) => write(`aqiqat: ${s.split('\n')[0]!.replace(/^error: /, '')} (see \`aqiqat --help\`)`),
    })
    .exitOverride();

  const dir = () => (program.opts<{ archive?: string }>().archive ?? defaultArchiveDir(io.env));
  const open = () => Archive.open(dir());
  const print = (asJson: boolean | undefined, value: unknown, human: () => string) => io.out(asJson ? JSON.stringify(value) : human());

  program
    .command('init')
    .description('create an empty archive (or one with the sample article: --sample)')
    .option('--sample', 'fill it with the sample article and its facts')
    .addOption(json)
    .action(async (o: { sample?: boolean; json?: boolean }) => {
      const archive = o.sample ? await createSampleArchive(dir(), sampleDir()) : await Archive.create(dir());
      print(o.json, { archive: archive.root }, () => `created an archive in ${archive.root}`);
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
    .addOption(json)
    .action(async (files: string[], o: { title?: string; url?: string; published?: string; publisher?: string; lang?: 'kk' | 'ru' | 'en' | 'other'; json?: boolean }) => {
      if (o.title && files.length > 1) throw new AqiqatError('--title names one article; import the files one by one', 'usage');
      const archive = await open();
      const results: Array<{ file: string; status: string; article?: unknown; error?: string }> = [];
      let failed = 0;
      for (const file of files) {
        try {
          const input: ImportInput = file === '-' ? { bytes: await io.stdin(), name: 'stdin' } : await readImportFile(file);
          const r = await archive.importArticle({ ...input, title: o.title, url: o.url, publishedAt: o.published, publisher: o.publisher, lang: o.lang });
          results.push({ file, status: r.status, article: r.article });
          if (!o.json) io.out(r.status === 'imported' ? `imported ${r.article.id}  ${r.article.title}` : `already in the archive: ${r.article.id}  ${r.article.title}`);
        } catch (e) {
          if (e instanceof AqiqatError && e.kind === 'usage') throw e;
          failed++;
          results.push({ file, status: 'failed', error: userMessage(e) });
          io.err(`aqiqat: ${userMessage(e)}`);
        }
      }
      if (o.json) io.out(JSON.stringify(results));
      if (failed > 0) throw new Quiet(1);
    });

  program
    .command('articles')
    .description('list the articles, newest first')
    .addOption(json)
    .action(async (o: { json?: boolean }) => {
      const articles = await (await open()).listArticles();
      print(o.json, articles, () => (articles.length ? articles.map(articleLine).join('\n') : 'no articles yet; add one with `aqiqat import FILE`'));
    });

  program
    .command('show')
    .description('show one article: metadata, facts and text')
    .argument('<id>', 'article id (or its first digits)')
    .addOption(json)
    .action(async (id: string, o: { json?: boolean }) => {
      const { article, text, facts } = await (await open()).getArticle(id);
      print(o.json, { ...article, text, facts }, () =>
        [articleDetail(article), facts.length ? `\nfacts:\n${facts.map(factLine).join('\n')}` : '', `\n${text}`].join('\n'),
      );
    });

  const fact = program.command('fact').description('add or delete a fact');
  fact
    .command('add')
    .description('add a fact by quoting an article')
    .requiredOption('--article <id>', 'the article')
    .requiredOption('--quote <text>', 'the passage, exactly as in the article')
    .option('--type <type>', 'fact type, e.g. detention, sentence, parole-denied', 'statement')
    .option('--date <date>', 'event date: YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--approximate', 'the date is approximate')
    .option('--person <name>', 'a person involved (repeatable)', collect)
    .option('--place <name>', 'a place (repeatable)', collect)
    .option('--org <name>', 'an organization (repeatable)', collect)
    .option('--tag <path>', 'a tag such as violations/arbitrary-detention (repeatable)', collect)
    .option('--note <text>', 'a note')
    .addOption(json)
    .action(async (o: { article: string; quote: string; type: string; date?: string; approximate?: boolean; person?: string[]; place?: string[]; org?: string[]; tag?: string[]; note?: string; json?: boolean }) => {
      const f = await (await open()).addFact({
        articleId: o.article,
        quote: o.quote,
        type: o.type,
        date: o.date,
        approximate: o.approximate,
        people: o.person,
        places: o.place,
        organizations: o.org,
        tags: o.tag,
        note: o.note,
      });
      print(o.json, f, () => `added ${factLine(f)}`);
    });
  fact
    .command('delete')
    .description('delete a fact')
    .argument('<id>', 'fact id')
    .addOption(json)
    .action(async (id: string, o: { json?: boolean }) => {
      const f = await (await open()).deleteFact(id);
      print(o.json, f, () => `deleted ${f.id}`);
    });

  program
    .command('facts')
    .description('list facts, of all articles or of one')
    .option('--article <id>', 'only this article’s facts')
    .addOption(json)
    .action(async (o: { article?: string; json?: boolean }) => {
      const facts = await (await open()).listFacts(o.article);
      print(o.json, facts, () => (facts.length ? facts.map(factLine).join('\n') : 'no facts yet; add one with `aqiqat fact add`'));
    });

  program
    .command('search')
    .description('find words in titles, texts and fact quotes')
    .argument('<query...>', 'words to find (all must occur)')
    .option('--limit <n>', 'at most this many results', (v) => positiveInt(v, '--limit'), 50)
    .addOption(json)
    .action(async (query: string[], o: { limit: number; json?: boolean }) => {
      const hits = await (await open()).search(query.join(' '), o.limit);
      print(o.json, hits, () => (hits.length ? hits.map(hitLine).join('\n') : `nothing found for "${query.join(' ')}"`));
    });

  return program;
}

/** Exit with a code, having already said why. */
class Quiet extends Error {
  constructor(readonly code: number) {
    super('');
  }
}

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new AqiqatError(`${name} must be a positive whole number`, 'usage');
  return n;
}

function sampleDir(): string {
  // dist/cli/cli.js and electron/archive/cli.ts are both two levels below the package root
  return fileURLToPath(new URL('../../data/sample', import.meta.url));
}

/** Run the CLI; returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (io === processIo) {
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0); // `aqiqat articles | head`
    });
  }
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof Quiet) return e.code;
    if (e instanceof CommanderError) {
      // help and version are "errors" to commander; its message was already written
      return e.exitCode === 0 ? 0 : 2;
    }
    io.err(`aqiqat: ${userMessage(e)}`);
    return e instanceof AqiqatError && e.kind === 'usage' ? 2 : 1;
  }
}

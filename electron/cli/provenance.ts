/** `article edit`: an article's source type and the capture record the researcher asserts. */
import { Option, type Command } from 'commander';
import { AqiqatError } from '../core/errors.js';
import { articleDetail } from './format.js';
import { ACQUIRED_FROM, SOURCE_TYPES } from '../shared/provenance.js';
import { jsonOption, type Cli } from './context.js';

interface EditOptions {
  sourceType?: string;
  capturedBy?: string;
  capturedAt?: string;
  captureTool?: string;
  originalUrl?: string;
  acquiredFrom?: string;
  acquiredNote?: string;
  original?: boolean;
  copy?: boolean;
  json?: boolean;
}

/** "none" (or an empty value) clears a field. */
const orClear = (v: string | undefined) => (v === undefined ? undefined : v.trim() === 'none' ? null : v);

export function registerArticleEdit(article: Command, cli: Cli): void {
  article
    .command('edit')
    .description(
      'set an article’s source type and capture record (what the machine recorded at import cannot be changed); "none" clears a field',
    )
    .argument('<id>', 'article id (or its first digits)')
    .addOption(new Option('--source-type <type>', 'what kind of source it is').choices([...SOURCE_TYPES, 'none']))
    .option('--captured-by <name>', 'who captured or collected it')
    .option('--captured-at <time>', 'when: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+05:00]')
    .option('--capture-tool <tool>', 'with what (ArchiveWeb.page, a phone camera, “Save page as…”)')
    .option('--original-url <url>', 'the address it was captured from')
    .addOption(new Option('--acquired-from <how>', 'how it reached you').choices([...ACQUIRED_FROM, 'none']))
    .option('--acquired-note <text>', 'more on how it reached you (“Telegram, from the lawyer’s assistant”)')
    .option('--original', 'this file is the original')
    .option('--copy', 'this file is a copy of the original')
    .addOption(jsonOption())
    .action(async (id: string, o: EditOptions) => {
      if (o.original && o.copy) throw new AqiqatError('cli.original-copy', {}, 'usage');
      const a = await (
        await cli.open()
      ).editArticle(id, {
        sourceType: orClear(o.sourceType),
        capturedBy: orClear(o.capturedBy),
        capturedAt: orClear(o.capturedAt),
        tool: orClear(o.captureTool),
        originalUrl: orClear(o.originalUrl),
        acquiredFrom: orClear(o.acquiredFrom),
        acquiredNote: orClear(o.acquiredNote),
        original: o.original ? true : o.copy ? false : undefined,
      });
      cli.print(o.json, a, () => `edited ${a.id}\n${articleDetail(a)}`);
    });
}

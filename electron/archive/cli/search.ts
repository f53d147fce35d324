/** search */
import type { Command } from 'commander';
import { hitLine } from '../format.js';
import { jsonOption, positiveInt, type Cli } from './context.js';

export function registerSearchCommands(program: Command, cli: Cli): void {
  program
    .command('search')
    .description('find words in titles, texts and fact quotes')
    .argument('<query...>', 'words to find (all must occur)')
    .option('--limit <n>', 'at most this many results', (v) => positiveInt(v, '--limit'), 50)
    .addOption(jsonOption())
    .action(async (query: string[], o: { limit: number; json?: boolean }) => {
      const hits = await (await cli.open()).search(query.join(' '), o.limit);
      cli.print(o.json, hits, () => (hits.length ? hits.map(hitLine).join('\n') : `nothing found for "${query.join(' ')}"`));
    });

}

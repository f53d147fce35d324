/** reindex */
import type { Command } from 'commander';
import { jsonOption, type Cli } from './context.js';

export function registerReindexCommands(program: Command, cli: Cli): void {
  program
    .command('reindex')
    .description('build the search index again from the archive (progress on stderr)')
    .addOption(jsonOption())
    .action(async (o: { json?: boolean }) => {
      const archive = await cli.open();
      const started = performance.now();
      let last = 0;
      const status = await archive.reindex((done, total) => {
        // at most a line a second, and the last one
        const now = performance.now();
        if (done === total || now - last > 1000) {
          last = now;
          cli.io.err(`indexed ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} articles`);
        }
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      cli.print(
        o.json,
        { ...status, seconds: Number(seconds) },
        () =>
          `search index rebuilt: ${status.documents.toLocaleString('en-US')} articles and facts, ${status.words.toLocaleString('en-US')} distinct words, in ${seconds} s`,
      );
    });
}

/** A command that lists what the archive holds: one line each, or a hint when there is none; --json prints the array. */
import type { Command } from 'commander';
import type { Archive } from '../core/archive.js';
import { jsonOption, type Cli } from './context.js';
import { linesOr } from './format.js';

export function listCommand<T>(
  command: Command,
  cli: Cli,
  list: (archive: Archive) => readonly T[] | Promise<readonly T[]>,
  line: (item: T) => string,
  none: string,
): Command {
  return command.addOption(jsonOption()).action(async (o: { json?: boolean }) => {
    const items = await list(await cli.open());
    cli.print(o.json, items, () => linesOr(items, line, none));
  });
}

/** A command that lists what the archive holds: one line each, or a hint when there is none; --json prints the array. */
import type { Command } from 'commander';
import type { Archive } from '../core/archive.js';
import { jsonOption, type Cli } from './context.js';
import { linesOr } from './format.js';

export interface ListSpec<T> {
  list: (archive: Archive) => readonly T[] | Promise<readonly T[]>;
  /** what --json prints, when more than the lines show (default: `list`) */
  listWhole?: (archive: Archive) => readonly unknown[] | Promise<readonly unknown[]>;
  line: (item: T) => string;
  /** said when there is nothing to list: how to add the first one */
  none: string;
}

export function listCommand<T>(command: Command, cli: Cli, { list, listWhole, line, none }: ListSpec<T>): Command {
  return command.addOption(jsonOption()).action(async (o: { json?: boolean }) => {
    const archive = await cli.open();
    if (o.json && listWhole) return cli.print(true, await listWhole(archive), () => '');
    const items = await list(archive);
    cli.print(o.json, items, () => linesOr(items, line, none));
  });
}

/** tag list | rename | merge */
import type { Command } from 'commander';
import { tagTreeLines } from './format-annotate.js';
import { jsonOption, type Cli } from './context.js';

export function registerTagCommands(program: Command, cli: Cli): void {
  const tag = program.command('tag').description('hierarchical tags such as violations/arbitrary-detention');
  tag
    .command('list')
    .description('the tag tree with counts (facts and articles tagged here and below)')
    .addOption(jsonOption())
    .action(async (o: { json?: boolean }) => {
      const tree = await (await cli.open()).listTags();
      cli.print(o.json, tree, () =>
        tree.length
          ? tagTreeLines(tree).join('\n')
          : 'no tags yet; tag a fact with `aqiqat fact add … --tag violations/arbitrary-detention`',
      );
    });
  tag
    .command('rename')
    .description('rename a tag; its children move with it and every fact and article is retagged')
    .argument('<old>', 'the tag (full path, or a last level only one tag has)')
    .argument('<new>', 'the new path (must not exist yet: else use merge)')
    .addOption(jsonOption())
    .action(async (from: string, to: string, o: { json?: boolean }) => {
      const r = await (await cli.open()).renameTag(from, to);
      cli.print(o.json, r, () => `renamed ${r.from} → ${r.to}: ${r.facts} fact(s), ${r.articles} article(s) retagged`);
    });
  tag
    .command('merge')
    .description('merge a tag into another; its children move with it')
    .argument('<from>', 'the tag to merge away')
    .argument('<into>', 'the existing tag to keep')
    .addOption(jsonOption())
    .action(async (from: string, into: string, o: { json?: boolean }) => {
      const r = await (await cli.open()).mergeTag(from, into);
      cli.print(
        o.json,
        r,
        () => `merged ${r.from} into ${r.to}: ${r.facts} fact(s), ${r.articles} article(s) retagged`,
      );
    });
}

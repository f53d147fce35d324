/** case create | list | show | add-fact | remove-fact | reorder | summary | delete */
import type { Command } from 'commander';
import { caseDetail, caseLine } from './format-annotate.js';
import { listCommand } from './list-command.js';
import { jsonOption, type Cli } from './context.js';

export function registerCaseCommands(program: Command, cli: Cli): void {
  const kase = program.command('case').description('cases: facts gathered into a timeline');
  kase
    .command('create')
    .description('create a case')
    .argument('<title>', 'its title')
    .option('--summary <text>', 'a summary')
    .addOption(jsonOption())
    .action(async (title: string, o: { summary?: string; json?: boolean }) => {
      const c = await (await cli.open()).createCase(title, o.summary);
      cli.print(o.json, c, () => `created ${c.id}  ${c.title}`);
    });
  listCommand(kase.command('list').description('list the cases (facts: their ids)'), cli, {
    list: (archive) => archive.listCases(),
    line: caseLine,
    none: 'no cases yet; create one with `aqiqat case create TITLE`',
  });
  kase
    .command('show')
    .description('a case with its facts in timeline order')
    .argument('<case>', 'id or exact title')
    .addOption(jsonOption())
    .action(async (ref: string, o: { json?: boolean }) => {
      const c = await (await cli.open()).getCase(ref);
      cli.print(o.json, c, () => caseDetail(c));
    });
  kase
    .command('add-fact')
    .description('add facts to a case')
    .argument('<case>', 'id or exact title')
    .argument('<facts...>', 'fact ids')
    .addOption(jsonOption())
    .action(async (ref: string, facts: string[], o: { json?: boolean }) => {
      const c = await (await cli.open()).addFactsToCase(ref, facts);
      cli.print(o.json, c, () => `case ${c.id} has ${c.factIds.length} fact(s)`);
    });
  kase
    .command('remove-fact')
    .description('take a fact out of a case (the fact stays in the archive)')
    .argument('<case>', 'id or exact title')
    .argument('<fact>', 'fact id')
    .addOption(jsonOption())
    .action(async (ref: string, fact: string, o: { json?: boolean }) => {
      const c = await (await cli.open()).removeFactFromCase(ref, fact);
      cli.print(o.json, c, () => `case ${c.id} has ${c.factIds.length} fact(s)`);
    });
  kase
    .command('reorder')
    .description('set the order of a case’s facts (it breaks ties between facts of the same date)')
    .argument('<case>', 'id or exact title')
    .argument('<facts...>', 'every fact id of the case, in the new order')
    .addOption(jsonOption())
    .action(async (ref: string, facts: string[], o: { json?: boolean }) => {
      const c = await (await cli.open()).reorderCase(ref, facts);
      cli.print(o.json, c, () => caseDetail(c));
    });
  kase
    .command('summary')
    .description('set a case’s summary (and title)')
    .argument('<case>', 'id or exact title')
    .argument('<summary>', 'the summary text')
    .option('--title <title>', 'a new title')
    .addOption(jsonOption())
    .action(async (ref: string, summary: string, o: { title?: string; json?: boolean }) => {
      const c = await (await cli.open()).updateCase(ref, { summary, title: o.title });
      cli.print(o.json, c, () => caseDetail(c));
    });
  kase
    .command('delete')
    .description('delete a case (its facts stay in the archive)')
    .argument('<case>', 'id or exact title')
    .addOption(jsonOption())
    .action(async (ref: string, o: { json?: boolean }) => {
      const c = await (await cli.open()).deleteCase(ref);
      cli.print(o.json, c, () => `deleted case ${c.id}  ${c.title}`);
    });
}

/** entity add | list | show | merge | rename | alias */
import { Option, type Command } from 'commander';
import { entityLine, timelineLine } from './format-annotate.js';
import { linesOr } from './format.js';
import { EntityKindSchema, type EntityKind } from '../core/model.js';
import { collect, jsonOption, type Cli } from './context.js';

export function registerEntityCommands(program: Command, cli: Cli): void {
  const entity = program.command('entity').description('people, organizations and places');
  entity
    .command('add')
    .description('add a person, organization or place, with aliases in any script')
    .argument('<name>', 'the canonical name')
    .addOption(new Option('--kind <kind>', 'what it is').choices(EntityKindSchema.options).makeOptionMandatory())
    .option('--alias <name>', 'another spelling (repeatable)', collect)
    .addOption(jsonOption())
    .action(async (name: string, o: { kind: EntityKind; alias?: string[]; json?: boolean }) => {
      const e = await (await cli.open()).addEntity(name, o.kind, o.alias ?? []);
      cli.print(o.json, e, () => `added ${entityLine(e)}`);
    });
  entity
    .command('list')
    .description('list people, organizations and places')
    .addOption(new Option('--kind <kind>', 'only this kind').choices(EntityKindSchema.options))
    .addOption(jsonOption())
    .action(async (o: { kind?: EntityKind; json?: boolean }) => {
      const all = (await cli.open()).listEntities().filter((e) => !o.kind || e.kind === o.kind);
      cli.print(o.json, all, () =>
        linesOr(
          all,
          entityLine,
          'no people, organizations or places yet; add one with `aqiqat entity add NAME --kind person`',
        ),
      );
    });
  entity
    .command('show')
    .description('an entity with its facts (timeline order), articles and cases')
    .argument('<entity>', 'id or exact name (or alias)')
    .addOption(jsonOption())
    .action(async (ref: string, o: { json?: boolean }) => {
      const page = await (await cli.open()).getEntity(ref);
      cli.print(o.json, page, () =>
        [
          entityLine(page.entity),
          '',
          linesOr(page.facts, timelineLine, 'no facts name it yet'),
          page.cases.length ? `\ncases: ${page.cases.map((c) => `${c.id} ${c.title}`).join('; ')}` : '',
        ].join('\n'),
      );
    });
  entity
    .command('merge')
    .description('merge OTHER into KEEP: its facts follow, its names become aliases')
    .argument('<keep>', 'the entity to keep (id or exact name)')
    .argument('<other>', 'the entity to fold into it (id or exact name)')
    .addOption(jsonOption())
    .action(async (keep: string, other: string, o: { json?: boolean }) => {
      const r = await (await cli.open()).mergeEntities(keep, other);
      cli.print(o.json, r.entity, () => `merged into ${entityLine(r.entity)}; ${r.factsMoved} fact(s) moved`);
    });
  entity
    .command('rename')
    .description('give an entity a new canonical name')
    .argument('<entity>', 'id or exact name')
    .argument('<name>', 'the new name')
    .addOption(jsonOption())
    .action(async (ref: string, name: string, o: { json?: boolean }) => {
      const e = await (await cli.open()).renameEntity(ref, name);
      cli.print(o.json, e, () => `renamed: ${entityLine(e)}`);
    });
  entity
    .command('alias')
    .description('add other spellings of an entity’s name')
    .argument('<entity>', 'id or exact name')
    .argument('<aliases...>', 'the spellings to add')
    .addOption(jsonOption())
    .action(async (ref: string, aliases: string[], o: { json?: boolean }) => {
      const e = await (await cli.open()).addAliases(ref, aliases);
      cli.print(o.json, e, () => entityLine(e));
    });
}

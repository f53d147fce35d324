/** fact add, fact delete, facts */
import type { Command } from 'commander';
import { factLine } from '../format.js';
import { collect, jsonOption, type Cli } from './context.js';

export function registerFactCommands(program: Command, cli: Cli): void {
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
    .addOption(jsonOption())
    .action(async (o: { article: string; quote: string; type: string; date?: string; approximate?: boolean; person?: string[]; place?: string[]; org?: string[]; tag?: string[]; note?: string; json?: boolean }) => {
      const f = await (await cli.open()).addFact({
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
      cli.print(o.json, f, () => `added ${factLine(f)}`);
    });
  fact
    .command('delete')
    .description('delete a fact')
    .argument('<id>', 'fact id')
    .addOption(jsonOption())
    .action(async (id: string, o: { json?: boolean }) => {
      const f = await (await cli.open()).deleteFact(id);
      cli.print(o.json, f, () => `deleted ${f.id}`);
    });

  program
    .command('facts')
    .description('list facts, of all articles or of one')
    .option('--article <id>', 'only this article’s facts')
    .addOption(jsonOption())
    .action(async (o: { article?: string; json?: boolean }) => {
      const facts = await (await cli.open()).listFacts(o.article);
      cli.print(o.json, facts, () => (facts.length ? facts.map(factLine).join('\n') : 'no facts yet; add one with `aqiqat fact add`'));
    });

}

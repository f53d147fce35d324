/** case create | list | show | add-fact | remove-fact | reorder | summary | delete */
import type { Command } from 'commander';
import { caseDetail, caseLine } from './format-annotate.js';
import { listCommand } from './list-command.js';
import { collect, jsonOption, type Cli } from './context.js';
import { AqiqatError } from '../core/errors.js';
import { CONSENTS } from '../core/model.js';
import type { ConsentPatch } from '../core/annotation/communication.js';

/** "NAME=VALUE" options, split at the first "=" (a note may hold one). */
function pairs(options: string[] | undefined, code: 'cli.consent-syntax' | 'cli.responsible-syntax') {
  return options?.map((o) => {
    const at = o.indexOf('=');
    if (at <= 0) throw new AqiqatError(code, { option: o }, 'usage');
    return [o.slice(0, at).trim(), o.slice(at + 1).trim()] as const;
  });
}

interface CommunicationOptions {
  consent?: string[];
  consentBy?: string;
  consentDate?: string;
  responsible?: string[];
  right?: string[];
  state?: string;
  otherProcedures?: string;
  json?: boolean;
}

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
    .command('edit')
    .description('the case’s UN communication fields (each option given replaces that field)')
    .argument('<case>', 'id or exact title')
    .option(
      '--consent <person=status>',
      'an alleged victim’s consent to the communication: given, not-given or unknown (repeatable)',
      collect,
    )
    .option('--consent-by <name>', 'who gave (or refused) the consents of this command: the victim, a relative…')
    .option('--consent-date <date>', 'when: YYYY, YYYY-MM or YYYY-MM-DD')
    .option(
      '--responsible <person=why>',
      'why an alleged perpetrator is held responsible (repeatable; an empty text removes it)',
      collect,
    )
    .option(
      '--right <article>',
      'an article concerned, e.g. iccpr-9, cat-16 (repeatable; replaces the list; "none" clears it)',
      collect,
    )
    .option('--state <name>', 'the State concerned')
    .option('--other-procedures <text>', 'other international procedures seized of the matter (or "none")')
    .addOption(jsonOption())
    .action(async (ref: string, o: CommunicationOptions) => {
      const consent = pairs(o.consent, 'cli.consent-syntax')?.map(([name, status]): [string, ConsentPatch] => {
        if (!(CONSENTS as readonly string[]).includes(status))
          throw new AqiqatError('cli.consent-syntax', { option: `${name}=${status}` }, 'usage');
        return [name, { status: status as ConsentPatch['status'], by: o.consentBy, date: o.consentDate }];
      });
      const why = pairs(o.responsible, 'cli.responsible-syntax');
      const c = await (
        await cli.open()
      ).editCommunication(ref, {
        consent: consent && Object.fromEntries(consent),
        responsibility: why && Object.fromEntries(why),
        rights: o.right && (o.right.length === 1 && o.right[0] === 'none' ? [] : o.right),
        state: o.state,
        otherProcedures: o.otherProcedures,
      });
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

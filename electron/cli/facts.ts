/** fact add, fact delete, facts */
import { Option, type Command } from 'commander';
import { FACT_STATUSES } from '../shared/provenance.js';
import { factLine, linesOr } from './format.js';
import { AqiqatError } from '../core/errors.js';
import { TRANSLATION_LANGS, type FactRole, type TranslationLang } from '../core/model.js';
import { collect, jsonOption, type Cli } from './context.js';

/** `--role "Name=victim"` options → roles by name (checked against the roles list by the core). */
function parseRoles(options: string[] | undefined): Record<string, FactRole> | undefined {
  if (!options) return undefined;
  const roles: Record<string, FactRole> = {};
  for (const o of options) {
    const at = o.lastIndexOf('=');
    if (at <= 0) throw new AqiqatError('cli.role-syntax', { option: o }, 'usage');
    roles[o.slice(0, at).trim()] = o.slice(at + 1).trim() as FactRole;
  }
  return roles;
}

/** `--translation ru="…"` options → texts by language ('' removes that translation). */
function parseTranslations(options: string[] | undefined): Partial<Record<TranslationLang, string>> | undefined {
  if (!options) return undefined;
  const out: Partial<Record<TranslationLang, string>> = {};
  for (const o of options) {
    const at = o.indexOf('=');
    const lang = o.slice(0, Math.max(at, 0)).trim().toLowerCase();
    if (at <= 0 || !(TRANSLATION_LANGS as readonly string[]).includes(lang))
      throw new AqiqatError('cli.translation-syntax', { option: o }, 'usage');
    out[lang as TranslationLang] = o.slice(at + 1);
  }
  return out;
}

interface LinkOptions {
  person?: string[];
  place?: string[];
  org?: string[];
  tag?: string[];
  note?: string;
  role?: string[];
  status?: string;
  verificationNote?: string;
  corroboratedBy?: string[];
}

interface FactOptions extends LinkOptions {
  quote?: string;
  type?: string;
  date?: string;
  approximate?: boolean;
  json?: boolean;
}

/** The options `fact add` and `fact edit` share, named as the core names them. */
function linkFields(o: LinkOptions) {
  return {
    people: o.person,
    places: o.place,
    organizations: o.org,
    tags: o.tag,
    note: o.note,
    roles: parseRoles(o.role),
    ...verificationFields(o),
  };
}

/** --corroborated-by takes ids separated by spaces or commas; "none" clears the list. */
function verificationFields(o: LinkOptions) {
  const ids = o.corroboratedBy
    ?.flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return {
    status: o.status,
    verificationNote: o.verificationNote,
    corroboratedBy: ids && (ids.length === 1 && ids[0] === 'none' ? [] : ids),
  };
}

/** Adds the people, places, organizations, tags, note and roles options; in `edit` each given replaces the list. */
function withLinkOptions(command: Command, edit: boolean): Command {
  const many = edit ? 'repeatable; replaces the list' : 'repeatable';
  return command
    .option('--person <name>', `a person involved (${many})`, collect)
    .option('--place <name>', `a place (${many})`, collect)
    .option('--org <name>', `an organization (${many})`, collect)
    .option('--tag <path>', `a tag such as violations/arbitrary-detention (${many})`, collect)
    .option('--note <text>', edit ? 'the note' : 'a note')
    .option(
      '--role <name=role>',
      `a person’s role: victim, perpetrator, witness, source or other (${edit ? 'repeatable; replaces the roles' : 'repeatable'})`,
      collect,
    )
    .addOption(new Option('--status <status>', 'verification status (default: unverified)').choices(FACT_STATUSES))
    .option('--verification-note <text>', 'how it was checked (verified needs this or --corroborated-by)')
    .option(
      '--corroborated-by <ids...>',
      `facts of other articles that corroborate it${edit ? ' (replaces the list; "none" clears it)' : ''}`,
    )
    .addOption(jsonOption());
}

export function registerFactCommands(program: Command, cli: Cli): void {
  const fact = program.command('fact').description('add or delete a fact');
  withLinkOptions(
    fact
      .command('add')
      .description('add a fact by quoting an article')
      .requiredOption('--article <id>', 'the article')
      .requiredOption('--quote <text>', 'the passage, exactly as in the article')
      .option('--type <type>', 'fact type, e.g. detention, sentence, parole-denied', 'statement')
      .option('--date <date>', 'event date: YYYY, YYYY-MM or YYYY-MM-DD, or a range FROM/TO')
      .option('--approximate', 'the date is approximate'),
    false,
  ).action(async (o: FactOptions & { article: string; quote: string; type: string }) => {
    const f = await (
      await cli.open()
    ).addFact({
      articleId: o.article,
      quote: o.quote,
      type: o.type,
      date: o.date,
      approximate: o.approximate,
      ...linkFields(o),
    });
    cli.print(o.json, f, () => `${f.existing ? 'already in the archive:' : 'added'} ${factLine(f)}`);
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

  withLinkOptions(
    fact
      .command('edit')
      .description('change a fact: each option given replaces that field (a changed quote is re-anchored)')
      .argument('<id>', 'fact id')
      .option('--quote <text>', 'the passage, exactly as in the article')
      .option('--type <type>', 'fact type')
      .option('--date <date>', 'event date: YYYY, YYYY-MM or YYYY-MM-DD, or a range FROM/TO; "none" removes it')
      .option('--approximate', 'the date is approximate')
      .option('--exact', 'the date is not approximate')
      .option(
        '--translation <lang=text>',
        'the quote translated into kk, ru or en, e.g. ru="…" (repeatable; an empty text removes it)',
        collect,
      )
      .option('--translator <name>', 'who translated the texts of --translation (default: nobody named)'),
    true,
  ).action(async (id: string, o: FactOptions & { exact?: boolean; translation?: string[]; translator?: string }) => {
    if (o.approximate && o.exact) throw new AqiqatError('cli.approximate-exact', {}, 'usage');
    const f = await (
      await cli.open()
    ).editFact(id, {
      quote: o.quote,
      type: o.type,
      date: o.date === 'none' ? null : o.date,
      approximate: o.approximate ? true : o.exact ? false : undefined,
      ...linkFields(o),
      translations: parseTranslations(o.translation),
      translator: o.translator,
    });
    cli.print(o.json, f, () => `edited ${factLine(f)}`);
  });

  program
    .command('facts')
    .description('list facts, of all articles or of one')
    .option('--article <id>', 'only this article’s facts')
    .addOption(jsonOption())
    .action(async (o: { article?: string; json?: boolean }) => {
      const facts = await (await cli.open()).listFacts(o.article);
      cli.print(o.json, facts, () => linesOr(facts, factLine, 'no facts yet; add one with `aqiqat fact add`'));
    });
}

/** search */
import { Option, type Command } from 'commander';
import { AqiqatError } from '../core/errors.js';
import { hitLine, linesOr } from './format.js';
import { LanguageSchema } from '../core/model.js';
import { FACT_STATUSES, SOURCE_TYPES } from '../shared/provenance.js';
import { SearchFiltersSchema, type SearchFilters } from '../core/search/filters.js';
import { collect, jsonOption, positiveInt, type Cli } from './context.js';

interface SearchOptions {
  limit: number;
  json?: boolean;
  kind?: 'article' | 'fact';
  tag?: string[];
  case?: string;
  type?: string[];
  person?: string[];
  place?: string[];
  lang?: string[];
  eventFrom?: string;
  eventTo?: string;
  publishedFrom?: string;
  publishedTo?: string;
  sourceType?: string[];
  status?: string[];
}

export function registerSearchCommands(program: Command, cli: Cli): void {
  program
    .command('search')
    .description('find words in titles, texts and fact quotes, in any script (Zhakishev finds Жәкішевтің)')
    .argument('<query...>', 'words to find (all must occur); "a phrase" in quotes; Жәкіш* for a prefix')
    .option('--limit <n>', 'at most this many results', (v) => positiveInt(v, '--limit'), 50)
    .addOption(
      new Option('--kind <kind>', 'only articles or only facts').choices(
        SearchFiltersSchema.shape.kind.unwrap().options,
      ),
    )
    .option('--tag <path>', 'with this tag or a sub-tag (repeatable: all of them)', collect)
    .option('--case <case>', 'facts of this case (id or title), and their articles')
    .option('--type <type>', 'facts of this type (repeatable: any of them)', collect)
    .option('--person <name>', 'facts linked to this person, by name or alias (repeatable: all)', collect)
    .option('--place <name>', 'facts linked to this place, by name or alias (repeatable: all)', collect)
    .option('--lang <lang>', `articles in this language: ${LanguageSchema.options.join(', ')} (repeatable)`, collect)
    .option('--event-from <date>', 'facts whose event date is on or after YYYY[-MM[-DD]]')
    .option('--event-to <date>', 'facts whose event date is on or before YYYY[-MM[-DD]]')
    .option('--published-from <date>', 'published on or after YYYY[-MM[-DD]]')
    .option('--published-to <date>', 'published on or before YYYY[-MM[-DD]]')
    .option(
      '--source-type <type>',
      `articles of this source type, and their facts: ${SOURCE_TYPES.join(', ')} (repeatable: any)`,
      collect,
    )
    .option('--status <status>', `facts with this status: ${FACT_STATUSES.join(', ')} (repeatable: any)`, collect)
    .addOption(jsonOption())
    .action(async (query: string[], o: SearchOptions) => {
      const filters = toFilters(o);
      const hits = await (await cli.open()).searchFiltered({ text: query.join(' '), limit: o.limit, filters });
      cli.print(o.json, hits, () => linesOr(hits, hitLine, `nothing found for "${query.join(' ')}"`));
    });
}

function toFilters(o: SearchOptions): SearchFilters {
  const raw = {
    kind: o.kind,
    tags: o.tag,
    case: o.case,
    types: o.type,
    people: o.person,
    places: o.place,
    langs: o.lang,
    eventFrom: o.eventFrom,
    eventTo: o.eventTo,
    publishedFrom: o.publishedFrom,
    publishedTo: o.publishedTo,
    sourceTypes: o.sourceType,
    statuses: o.status,
  };
  const parsed = SearchFiltersSchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'filter');
    const flag = `--${name === 'people' ? 'person' : name === 'statuses' ? 'status' : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/s$/, '')}`;
    throw new AqiqatError('cli.invalid-option', { flag, issue: issue?.message ?? 'invalid value' }, 'usage');
  }
  return parsed.data;
}

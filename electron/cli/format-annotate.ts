/** Human-readable lines for entities, tags and cases (the --json output is the views themselves). */
import type { CaseSummary, CaseView, TimelineEntry } from '../core/archive.js';
import type { Entity } from '../core/model.js';
import type { TagNode } from '../core/annotation/tags.js';
import { formatEventDate } from '../shared/timeline.js';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const oneLine = (s: string, max: number) => {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function entityLine(e: Entity): string {
  return `${e.id}  ${pad(e.kind, 12)}  ${e.name}${e.aliases.length ? `  (${e.aliases.join(', ')})` : ''}`;
}

export function tagTreeLines(nodes: readonly TagNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${depth === 0 ? n.path : n.name}  ${n.total}${n.facts || n.articles ? ` (${n.facts} facts, ${n.articles} articles here)` : ''}`,
    ...tagTreeLines(n.children, depth + 1),
  ]);
}

export function caseLine(c: CaseSummary): string {
  return `${c.id}  ${pad(c.status, 6)}  ${pad(`${c.facts.length} facts`, 9)}  ${c.title}`;
}

export function timelineLine(f: TimelineEntry): string {
  const who = f.people.map((p) => (f.roles[p] ? `${p} (${f.roles[p]})` : p));
  const source = `${f.article.title}${f.article.publishedAt ? `, ${f.article.publishedAt}` : ''}`;
  return `${pad(formatEventDate(f.date), 17)}  ${pad(f.type, 14)}  «${oneLine(f.quote, 100)}»\n${' '.repeat(19)}${f.id}  ${oneLine(source, 60)}${who.length ? `  ${who.join(', ')}` : ''}`;
}

export function caseDetail(c: CaseView): string {
  const head = [`${c.id}  ${c.title}  (${c.status})`, c.summary ? `\n${c.summary}` : ''].join('');
  const body = c.facts.length
    ? c.facts.map(timelineLine).join('\n')
    : 'no facts yet; add some with `aqiqat case add-fact CASE FACT...`';
  const missing = c.missing > 0 ? `\n(${c.missing} fact(s) of this case were deleted)` : '';
  return `${head}\n\n${body}${missing}${c.communication ? `\n\n${communicationLines(c.communication)}` : ''}`;
}

/** The case's UN communication fields, one per line. */
function communicationLines(u: NonNullable<CaseView['communication']>): string {
  const consent = Object.entries(u.consent).map(
    ([name, c]) => `consent  ${name}: ${c.status}${c.by ? ` by ${c.by}` : ''}${c.date ? ` on ${c.date}` : ''}`,
  );
  const why = Object.entries(u.responsibility).map(([name, text]) => `responsible  ${name}: ${oneLine(text, 100)}`);
  return [
    ...consent,
    ...why,
    `rights  ${u.rights.join(', ') || '—'}`,
    `state  ${u.state || '—'}`,
    `other procedures  ${oneLine(u.otherProcedures, 100) || '—'}`,
  ].join('\n');
}

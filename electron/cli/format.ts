/** Human-readable lines for the CLI (the --json output is the views themselves). */
import type { FactView } from '../core/archive.js';
import type { Article, ArticleRow } from '../core/model.js';
import type { SearchHit } from '../core/search/engine.js';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** One line per item; `none` (saying how to add one) when there is none. */
export function linesOr<T>(items: readonly T[], line: (item: T) => string, none: string): string {
  return items.length ? items.map(line).join('\n') : none;
}

export function articleLine(a: ArticleRow): string {
  return `${a.id}  ${pad(a.publishedAt ?? '—', 10)}  ${pad(a.lang, 5)}  ${a.title}`;
}

export function articleDetail(a: Article): string {
  const rows: Array<[string, string | null]> = [
    ['id', a.id],
    ['title', a.title],
    ['language', a.lang],
    ['published', a.publishedAt],
    ['publisher', a.publisher],
    ['url', a.url],
    ['source', a.sourceName],
    ['sha256', a.sha256],
    ['text sha256', a.textSha256],
    ['imported', a.importedAt],
    ...provenanceRows(a),
  ];
  return rows
    .filter(([, v]) => v)
    .map(([k, v]) => `${pad(`${k}:`, 13)}${v}`)
    .join('\n');
}

/** Source type and capture record; what the machine recorded is marked so. */
function provenanceRows(a: Article): Array<[string, string | null]> {
  const c = a.capture?.asserted ?? {};
  const m = a.capture?.machine ?? {};
  const machine = (v: string | undefined) => (v ? `${v} (machine-recorded)` : null);
  const acquired = [c.acquiredFrom, c.acquiredNote].filter(Boolean).join(': ');
  return [
    ['source type', a.sourceType ?? null],
    ['captured by', c.capturedBy ?? null],
    ['captured at', c.capturedAt ?? null],
    ['tool', c.tool ?? null],
    ['capture url', c.originalUrl ?? null],
    ['acquired', acquired || null],
    ['original', c.original === undefined ? null : c.original ? 'original' : 'copy'],
    ['file time', machine(m.fileModifiedAt)],
    ['warc date', machine(m.warcDate)],
    ['warc uri', machine(m.warcTargetUri)],
    ['warc tool', machine(m.warcSoftware)],
    ['warc pages', machine(m.warcPages === undefined ? undefined : String(m.warcPages))],
    ['wacz hashes', machine(m.waczHashes === 'broken' ? `broken (${m.waczHashBroken ?? '?'})` : m.waczHashes)],
    ['wacz signer', machine(m.waczSigner && `${m.waczSigner}, signature ${m.waczSignature ?? 'unchecked'}`)],
    ['wacz signed', machine(m.waczSignedAt)],
  ];
}

export function factLine(f: FactView): string {
  const date = f.date ? `${f.date.value}${f.date.end ? `/${f.date.end}` : ''}${f.date.approximate ? '~' : ''}` : '—';
  const who = [...f.people, ...f.places, ...f.organizations];
  const translated = Object.keys(f.translations ?? {});
  const extra = [
    who.length ? who.join(', ') : '',
    f.tags.length ? `#${f.tags.join(' #')}` : '',
    translated.length ? `translated: ${translated.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('  ');
  const status = f.status && f.status !== 'unverified' ? `  [${f.status}]` : '';
  const lost = f.quoteLost ? `  [quote not in page ${f.quoteLost.page} as corrected]` : '';
  return `${f.id}  ${pad(date, 10)}  ${pad(f.type, 14)}  «${oneLine(f.quote, 100)}»${extra ? `  ${extra}` : ''}${status}${lost}`;
}

export function hitLine(h: SearchHit): string {
  let snippet = h.snippet;
  // mark matches with brackets, from the end so earlier offsets stay valid
  for (const [s, e] of [...h.highlights].reverse())
    snippet = `${snippet.slice(0, s)}[${snippet.slice(s, e)}]${snippet.slice(e)}`;
  const through = h.translation ? `  (matched its ${h.translation} translation)` : '';
  return `${pad(h.kind, 7)} ${h.id}  ${h.title}${through}\n         ${snippet}`;
}

function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "1 source", "2 sources": English counts for command-line messages. */
export const counted = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

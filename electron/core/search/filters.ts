/**
 * Search filters. Fact filters (case, fact type, person, place, event date) keep the facts that meet
 * them and the articles that have at least one such fact; article filters (language, published
 * date, source type) apply to a fact through its article; a fact's status is a fact filter. Tags: every tag given must be on the hit (a fact's own
 * tags; an article's tags or its facts' tags), a tag also matching its sub-tags (violations ⊃
 * violations/torture).
 */
import { z } from 'zod';
import { AqiqatError } from '../errors.js';
import { FactStatusSchema, LanguageSchema, SourceTypeSchema, type ArchiveFile, type EntityKind } from '../model.js';
import { foldKey } from './fold.js';
import type { SearchIndex } from './index.js';

const day = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');
const names = z.array(z.string().min(1).max(300)).max(50);

export const SearchFiltersSchema = z
  .object({
    kind: z.enum(['article', 'fact']).optional(),
    tags: names.optional(),
    /** a case id or title */
    case: z.string().min(1).max(300).optional(),
    /** fact types: any of them */
    types: names.optional(),
    /** names, aliases or ids of people: all of them */
    people: names.optional(),
    places: names.optional(),
    eventFrom: day.optional(),
    eventTo: day.optional(),
    publishedFrom: day.optional(),
    publishedTo: day.optional(),
    langs: z.array(LanguageSchema).max(10).optional(),
    /** the article's source type (a fact: its article's): any of them */
    sourceTypes: z.array(SourceTypeSchema).max(10).optional(),
    /** a fact's verification status (absent: unverified): any of them */
    statuses: z.array(FactStatusSchema).max(10).optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof SearchFiltersSchema>;

/** [first, last] day of a partial date, as YYYYMMDD numbers. */
export function dayRange(value: string): [number, number] {
  const [y, m, d] = value.split('-');
  const year = Number(y);
  if (d) return [Number(`${y}${m}${d}`), Number(`${y}${m}${d}`)];
  if (m) return [Number(`${y}${m}01`), Number(`${y}${m}31`)];
  return [year * 10000 + 101, year * 10000 + 1231];
}

function entityIds(meta: ArchiveFile, wanted: readonly string[], kind: EntityKind): string[][] {
  return wanted.map((name) => {
    const key = foldKey(name.replace(/[\s-]+/g, ''));
    const ids = meta.entities
      .filter(
        (e) =>
          e.kind === kind &&
          (e.id === name || [e.name, ...e.aliases].some((n) => foldKey(n.replace(/[\s-]+/g, '')) === key)),
      )
      .map((e) => e.id);
    if (ids.length === 0) throw new AqiqatError('search.no-such-entity', { kind, name }, 'not-found');
    return ids;
  });
}

const hasTag = (tags: readonly string[], want: string) => tags.some((t) => t === want || t.startsWith(`${want}/`));

/** What the index does not hold, read from the archive when a filter asks for it. */
export interface ProvenanceLookup {
  sourceTypeOf: (articleId: string) => string | undefined;
  statusOf: (factId: string) => string;
}

/** A predicate over document numbers; always true without filters. */
export function compileFilters(
  index: SearchIndex,
  filters: SearchFilters,
  meta: ArchiveFile,
  provenance?: ProvenanceLookup,
): (doc: number) => boolean {
  const f = SearchFiltersSchema.parse(filters);
  const tags = (f.tags ?? []).map((t) => t.trim().toLowerCase());
  const types = f.types ? new Set(f.types.map((t) => t.trim().toLowerCase())) : null;
  const people = f.people ? entityIds(meta, f.people, 'person') : [];
  const places = f.places ? entityIds(meta, f.places, 'place') : [];
  let caseFacts: Set<string> | null = null;
  if (f.case) {
    const want = f.case.trim().toLowerCase();
    const c = meta.cases.find((x) => x.id === f.case || x.title.trim().toLowerCase() === want);
    if (!c) throw new AqiqatError('search.no-such-case', { ref: f.case }, 'not-found');
    caseFacts = new Set(c.factIds);
  }
  const event =
    f.eventFrom || f.eventTo
      ? [f.eventFrom ? dayRange(f.eventFrom)[0] : 0, f.eventTo ? dayRange(f.eventTo)[1] : 99991231]
      : null;
  const published =
    f.publishedFrom || f.publishedTo
      ? [f.publishedFrom ? dayRange(f.publishedFrom)[0] : 0, f.publishedTo ? dayRange(f.publishedTo)[1] : 99991231]
      : null;
  const langs = f.langs ? new Set<string>(f.langs) : null;
  const sourceTypes = f.sourceTypes ? new Set<string>(f.sourceTypes) : null;
  const statuses = f.statuses ? new Set<string>(f.statuses) : null;
  if ((sourceTypes || statuses) && !provenance) throw new Error('provenance filters need the archive’s lookup');
  const factFilters =
    types !== null || people.length > 0 || places.length > 0 || caseFacts !== null || event !== null || !!statuses;

  const factOk = (no: number): boolean => {
    const d = index.doc(no);
    if (types && !types.has(d.type)) return false;
    if (caseFacts && !caseFacts.has(d.id)) return false;
    if (statuses && !statuses.has(provenance!.statusOf(d.id))) return false;
    for (const ids of [...people, ...places]) if (!ids.some((id) => d.entities.includes(id))) return false;
    if (event) {
      if (!d.date) return false;
      const [from, to] = dayRange(d.date);
      if (to < event[0]! || from > event[1]!) return false;
    }
    return true;
  };

  // articles that have a fact meeting the fact filters, and the tags their facts carry
  let articlesWithFact: Set<string> | null = null;
  const factTags = new Map<string, string[]>();
  if (factFilters || tags.length > 0) {
    articlesWithFact = new Set();
    for (let no = 0; no < index.docCount; no++) {
      if (index.deleted.has(no)) continue;
      const d = index.doc(no);
      if (d.kind !== 'fact') continue;
      if (factOk(no)) articlesWithFact.add(d.articleId);
      if (tags.length > 0 && d.tags.length > 0)
        factTags.set(d.articleId, [...(factTags.get(d.articleId) ?? []), ...d.tags]);
    }
  }

  if (!f.kind && tags.length === 0 && !factFilters && !published && !langs && !sourceTypes) return () => true;
  return (no) => {
    const d = index.doc(no);
    if (f.kind && d.kind !== f.kind) return false;
    if (langs && !langs.has(d.lang)) return false;
    if (sourceTypes && !sourceTypes.has(provenance!.sourceTypeOf(d.articleId) ?? '')) return false;
    if (published && (d.published === 0 || d.published < published[0]! || d.published > published[1]!)) return false;
    if (d.kind === 'fact') return (!factFilters || factOk(no)) && tags.every((t) => hasTag(d.tags, t));
    if (factFilters && !articlesWithFact!.has(d.id)) return false;
    return tags.every((t) => hasTag(d.tags, t) || hasTag(factTags.get(d.id) ?? [], t));
  };
}

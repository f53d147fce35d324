/**
 * From the archive to DossierData: the chosen facts in order, the entities they name (with aliases),
 * and their source articles with hashes. Reads the store; the HTML builder stays pure.
 */
import { findArticle } from '../articles.js';
import { AqiqatError } from '../errors.js';
import { shardOf } from '../layout.js';
import { FACT_ID, type Article, type Entity, type Fact } from '../model.js';
import type { ArchiveStore } from '../store.js';
import type { DossierData, DossierEntity, DossierFact, DossierSource } from './types.js';

export interface DossierSelection {
  caseId: string | null;
  title: string;
  summary: string;
  /** fact ids in the order the chronology must show them (a case's order); null: sort by event date */
  factIds: readonly string[];
  /** keep the given order (a case's timeline) instead of sorting by event date */
  keepOrder: boolean;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Chronological: by event date ("2009" before "2009-03"), undated last, then by source date and position. */
export function chronological(a: Fact, b: Fact, published: (f: Fact) => string): number {
  if (a.date && !b.date) return -1;
  if (!a.date && b.date) return 1;
  return cmp(a.date?.value ?? '', b.date?.value ?? '') || cmp(published(a), published(b)) || cmp(a.articleId, b.articleId) || a.anchor.start - b.anchor.start;
}

/** Facts by id, in the given order; a missing id is an error that names it. */
export async function loadFacts(store: ArchiveStore, ids: readonly string[]): Promise<Fact[]> {
  const out: Fact[] = [];
  for (const raw of ids) {
    const id = raw.trim();
    if (!FACT_ID.test(id)) throw new AqiqatError(`"${raw}" is not a fact id`, 'usage');
    const fact = (await store.factShard(shardOf(id))).data.facts.find((f) => f.id === id);
    if (!fact) throw new AqiqatError(`no fact ${id}`, 'not-found');
    out.push(fact);
  }
  return out;
}

export async function collectDossier(store: ArchiveStore, selection: DossierSelection): Promise<DossierData> {
  const facts = selection.factIds.length ? await loadFacts(store, [...new Set(selection.factIds)]) : [];
  const articles = new Map<string, Article>();
  for (const f of facts) if (!articles.has(f.articleId)) articles.set(f.articleId, await findArticle(store, f.articleId));
  if (!selection.keepOrder) facts.sort((a, b) => chronological(a, b, (f) => articles.get(f.articleId)!.publishedAt ?? ''));

  const byId = new Map(store.meta.data.entities.map((e) => [e.id, e]));
  const used: Entity[] = [];
  const seen = new Set<string>();
  const names = (ids: readonly string[]) =>
    ids.map((id) => {
      const e = byId.get(id);
      if (e && !seen.has(id)) {
        seen.add(id);
        used.push(e);
      }
      return e?.name ?? id;
    });
  const dossierFacts: DossierFact[] = facts.map((f) => {
    const article = articles.get(f.articleId)!;
    return {
      id: f.id,
      quote: f.anchor.exact,
      lang: article.lang,
      type: f.type,
      date: f.date,
      people: names(f.people),
      places: names(f.places),
      organizations: names(f.organizations),
      sourceId: article.id,
    };
  });
  const entities: DossierEntity[] = used
    .map((e) => ({ kind: e.kind, name: e.name, aliases: [...e.aliases] }))
    .sort((a, b) => a.name.localeCompare(b.name, 'kk'));
  const sources: DossierSource[] = [...articles.values()].map((a) => ({
    id: a.id,
    title: a.title,
    publisher: a.publisher,
    publishedAt: a.publishedAt,
    url: a.url,
    importedAt: a.importedAt,
    sha256: a.sha256,
    textSha256: a.textSha256,
    lang: a.lang,
  }));
  return { caseId: selection.caseId, title: selection.title, summary: selection.summary, facts: dossierFacts, entities, sources };
}

/** The person to redact, by name, alias or id, with every spelling the archive knows. */
export function personNames(store: ArchiveStore, nameOrId: string): string[] {
  const key = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  const k = key(nameOrId);
  const person = store.meta.data.entities.find((e) => e.kind === 'person' && (e.id === nameOrId || key(e.name) === k || e.aliases.some((a) => key(a) === k)));
  if (!person) throw new AqiqatError(`no person "${nameOrId}" in the archive; --redact takes a person's name, alias or id`, 'usage');
  return [person.name, ...person.aliases];
}

/** Facts: quoted passages of an article, typed, dated and linked (DESIGN §2). */
import { anchorAt, closestPassage, findQuote } from './anchor.js';
import { findArticle, readArticleText } from './articles.js';
import { parseEventDate } from './dates.js';
import { ensureEntity } from './entities.js';
import { AqiqatError } from './errors.js';
import { newFactId } from './ids.js';
import { shardOf } from './layout.js';
import { FACT_ID, type EntityKind, type Fact } from './model.js';
import type { ArchiveStore } from './store.js';
import { ensureTags, normalizeTag } from './tags.js';

export interface FactInput {
  articleId: string;
  quote: string;
  type?: string | undefined;
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  date?: string | undefined;
  approximate?: boolean | undefined;
  people?: readonly string[] | undefined;
  places?: readonly string[] | undefined;
  organizations?: readonly string[] | undefined;
  tags?: readonly string[] | undefined;
  note?: string | undefined;
  /** where the user selected the passage, to pick the right one of repeated quotes */
  near?: number | undefined;
}

export const DEFAULT_FACT_TYPE = 'statement';

export function normalizeFactType(input: string | undefined): string {
  const type = (input ?? DEFAULT_FACT_TYPE).trim().toLowerCase();
  if (!/^[\p{L}\p{N}][\p{L}\p{N}-]{0,39}$/u.test(type)) {
    throw new AqiqatError(`fact type "${input}" must be one word like detention or parole-denied`, 'usage');
  }
  return type;
}

export async function addFact(store: ArchiveStore, input: FactInput, now = new Date()): Promise<Fact> {
  const article = await findArticle(store, input.articleId);
  const type = normalizeFactType(input.type);
  const date = input.date ? parseEventDate(input.date, input.approximate ?? false) : null;
  const tags = (input.tags ?? []).map(normalizeTag);
  const text = await readArticleText(store, article);
  const at = findQuote(text, input.quote, input.near);
  if (!at) {
    if (input.quote.trim() === '') throw new AqiqatError('the quote is empty', 'usage');
    throw new AqiqatError(`the quote is not in article ${article.id}; the closest passage is: "${closestPassage(text, input.quote)}"`);
  }
  const meta = store.meta.data;
  let metaChanged = false;
  const link = (names: readonly string[] | undefined, kind: EntityKind) => {
    const ids = (names ?? [])
      .filter((n) => n.trim())
      .map((n) => {
        const { entity, created } = ensureEntity(meta, n, kind);
        metaChanged ||= created;
        return entity.id;
      });
    return [...new Set(ids)];
  };
  const stamp = now.toISOString();
  const fact: Fact = {
    id: newFactId(article.id),
    articleId: article.id,
    anchor: anchorAt(text, at.start, at.end),
    type,
    date,
    people: link(input.people, 'person'),
    places: link(input.places, 'place'),
    organizations: link(input.organizations, 'organization'),
    tags: [...new Set(tags)],
    note: input.note?.trim() ?? '',
    createdAt: stamp,
    updatedAt: stamp,
  };
  if (ensureTags(meta, fact.tags) > 0) metaChanged = true;
  // archive.json first: a crash between the two writes leaves an unused entity, never a fact
  // that names an entity nobody can resolve.
  if (metaChanged) await store.save(store.meta);
  const shard = await store.factShard(shardOf(article.id));
  shard.data.facts.push(fact);
  await store.save(shard);
  await store.emit({ type: 'fact-added', fact });
  return fact;
}

export async function listFacts(store: ArchiveStore, articleId?: string): Promise<Fact[]> {
  if (articleId === undefined) return store.allFacts();
  const article = await findArticle(store, articleId);
  const shard = await store.factShard(shardOf(article.id));
  return shard.data.facts.filter((f) => f.articleId === article.id);
}

export async function deleteFact(store: ArchiveStore, id: string): Promise<Fact> {
  const factId = id.trim();
  if (!FACT_ID.test(factId)) throw new AqiqatError(`"${id}" is not a fact id`, 'usage');
  const shard = await store.factShard(shardOf(factId));
  const index = shard.data.facts.findIndex((f) => f.id === factId);
  if (index < 0) throw new AqiqatError(`no fact ${factId}`, 'not-found');
  const [fact] = shard.data.facts.splice(index, 1);
  await store.save(shard);
  // then forget it in cases: a crash in between leaves a dangling id that readers skip
  const cases = store.meta.data.cases.filter((c) => c.factIds.includes(factId));
  for (const c of cases) c.factIds = c.factIds.filter((f) => f !== factId);
  if (cases.length > 0) await store.save(store.meta);
  await store.emit({ type: 'fact-deleted', fact: fact! });
  return fact!;
}

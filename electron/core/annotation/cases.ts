/**
 * Cases: a title, a summary and an ordered list of facts. The stored order is the user's;
 * the timeline (timeline.ts) sorts by event date and keeps that order among facts of the same date.
 */
import { AqiqatError } from '../errors.js';
import { newCaseId } from '../storage/ids.js';
import { shardOf } from '../storage/layout.js';
import { FACT_ID, type ArchiveFile, type Case, type Fact } from '../model.js';
import type { ArchiveStore } from '../storage/store.js';

const key = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** A case by id or by its exact title (letter case and white space aside). */
export function resolveCase(meta: ArchiveFile, ref: string): Case {
  const r = ref.trim();
  const byId = meta.cases.find((c) => c.id === r);
  if (byId) return byId;
  const byTitle = meta.cases.filter((c) => key(c.title) === key(r));
  if (byTitle.length === 1) return byTitle[0]!;
  if (byTitle.length > 1) throw new AqiqatError('case.ambiguous', { ref, ids: byTitle.map((c) => c.id) }, 'conflict');
  throw new AqiqatError('case.not-found', { ref }, 'not-found');
}

function cleanTitle(title: string): string {
  const t = title.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (t === '') throw new AqiqatError('case.title-empty', {}, 'usage');
  if (t.length > 500) throw new AqiqatError('case.title-too-long', {}, 'usage');
  return t;
}

export async function createCase(store: ArchiveStore, title: string, summary = '', now = new Date()): Promise<Case> {
  const meta = store.meta.data;
  const t = cleanTitle(title);
  let id = newCaseId();
  while (meta.cases.some((c) => c.id === id)) id = newCaseId();
  const c: Case = { id, title: t, summary: summary.trim(), factIds: [], status: 'open', createdAt: now.toISOString() };
  meta.cases.push(c);
  await store.save(store.meta);
  await store.emit({ type: 'case-created', case: c });
  return c;
}

/** Change the title, summary or status of a case. */
export async function updateCase(
  store: ArchiveStore,
  ref: string,
  patch: { title?: string | undefined; summary?: string | undefined; status?: Case['status'] | undefined },
): Promise<Case> {
  const c = resolveCase(store.meta.data, ref);
  if (patch.title !== undefined) c.title = cleanTitle(patch.title);
  if (patch.summary !== undefined) c.summary = patch.summary.trim();
  if (patch.status !== undefined) c.status = patch.status;
  await store.save(store.meta);
  await store.emit({ type: 'case-updated', case: c });
  return c;
}

export async function deleteCase(store: ArchiveStore, ref: string): Promise<Case> {
  const meta = store.meta.data;
  const c = resolveCase(meta, ref);
  meta.cases = meta.cases.filter((x) => x !== c);
  await store.save(store.meta);
  await store.emit({ type: 'case-deleted', case: c });
  return c;
}

/** The facts of `ids` that exist, by id (a case may hold ids of facts deleted since: they are skipped). */
export async function loadFacts(store: ArchiveStore, ids: readonly string[]): Promise<Map<string, Fact>> {
  const out = new Map<string, Fact>();
  const shards = new Map<number, string[]>();
  for (const id of ids) {
    if (!FACT_ID.test(id)) continue;
    const n = shardOf(id);
    shards.set(n, [...(shards.get(n) ?? []), id]);
  }
  // shards are read in parallel: a case's facts usually come from many articles, hence many shards
  const read = await Promise.all(
    [...shards].map(async ([n, wanted]) => ({ want: new Set(wanted), shard: await store.factShard(n) })),
  );
  for (const { want, shard } of read) for (const f of shard.data.facts) if (want.has(f.id)) out.set(f.id, f);
  return out;
}

/** Append facts (those already in the case are skipped); every id must name an existing fact. */
export async function addFactsToCase(
  store: ArchiveStore,
  ref: string,
  factIds: readonly string[],
): Promise<{ case: Case; added: string[] }> {
  const c = resolveCase(store.meta.data, ref);
  const ids = [...new Set(factIds.map((f) => f.trim()))];
  for (const id of ids) if (!FACT_ID.test(id)) throw new AqiqatError('fact.bad-id', { ref: id }, 'usage');
  const found = await loadFacts(store, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new AqiqatError('fact.not-found', { ids: missing }, 'not-found');
  const added = ids.filter((id) => !c.factIds.includes(id));
  c.factIds.push(...added);
  if (added.length > 0) await store.save(store.meta);
  for (const factId of added) await store.emit({ type: 'case-fact-added', case: c, factId });
  return { case: c, added };
}

export async function removeFactFromCase(store: ArchiveStore, ref: string, factId: string): Promise<Case> {
  const c = resolveCase(store.meta.data, ref);
  const id = factId.trim();
  if (!c.factIds.includes(id))
    throw new AqiqatError('case.fact-not-in-case', { factId: id, caseId: c.id }, 'not-found');
  c.factIds = c.factIds.filter((f) => f !== id);
  await store.save(store.meta);
  await store.emit({ type: 'case-fact-removed', case: c, factId: id });
  return c;
}

/** Put the case's facts in this order; the list must hold exactly the case's facts. */
export async function reorderCase(store: ArchiveStore, ref: string, factIds: readonly string[]): Promise<Case> {
  const c = resolveCase(store.meta.data, ref);
  const given = factIds.map((f) => f.trim());
  const same =
    given.length === c.factIds.length &&
    new Set(given).size === given.length &&
    given.every((f) => c.factIds.includes(f));
  if (!same) throw new AqiqatError('case.bad-order', { n: c.factIds.length, caseId: c.id }, 'usage');
  c.factIds = given;
  await store.save(store.meta);
  await store.emit({ type: 'case-reordered', case: c });
  return c;
}

/** People, organizations and places: found by name or alias, created on first mention. */
import { AqiqatError } from '../errors.js';
import { newEntityId } from '../storage/ids.js';
import type { ArchiveFile, Entity, EntityKind, Fact } from '../model.js';
import { rewriteFacts } from '../storage/shard-walk.js';
import type { ArchiveStore } from '../storage/store.js';

const key = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

interface EntityIndex {
  count: number;
  byId: Map<string, Entity>;
  /** by name or alias key: every entity so called, in archive order */
  byKey: Map<string, Entity[]>;
}

/**
 * Lookups by id and by name, built once per entity list: a scan per lookup made every fact save
 * cost O(people in the archive). Kept per array, so a list replaced (a reload, a merge) is indexed
 * afresh and an entity pushed shows in the length; a rename or a new alias must call entitiesChanged.
 */
const indexes = new WeakMap<Entity[], EntityIndex>();

function entityIndex(meta: ArchiveFile): EntityIndex {
  const cached = indexes.get(meta.entities);
  if (cached && cached.count === meta.entities.length) return cached;
  const index: EntityIndex = { count: meta.entities.length, byId: new Map(), byKey: new Map() };
  for (const e of meta.entities) {
    if (!index.byId.has(e.id)) index.byId.set(e.id, e);
    for (const k of new Set([e.name, ...e.aliases].map(key))) {
      const list = index.byKey.get(k);
      if (list) list.push(e);
      else index.byKey.set(k, [e]);
    }
  }
  indexes.set(meta.entities, index);
  return index;
}

/** Names or aliases of an entity in `meta` changed in place: the next lookup re-indexes. */
export function entitiesChanged(meta: ArchiveFile): void {
  indexes.delete(meta.entities);
}

/** The first entity (of `kind`, if given) with this id, else with this name or alias. */
export function findEntity(meta: ArchiveFile, nameOrId: string, kind?: EntityKind): Entity | undefined {
  const index = entityIndex(meta);
  const byId = index.byId.get(nameOrId);
  const named = (index.byKey.get(key(nameOrId)) ?? []).filter((e) => kind === undefined || e.kind === kind);
  // archive order decides between an id match and a name match, as one scan would
  const candidates = byId && (kind === undefined || byId.kind === kind) ? [byId, ...named] : named;
  if (candidates.length <= 1) return candidates[0];
  const at = (e: Entity) => meta.entities.indexOf(e);
  return candidates.reduce((a, b) => (at(b) < at(a) ? b : a));
}

/** The entity of that kind with this name or alias; a new one if there is none. Mutates `meta`. */
export function ensureEntity(meta: ArchiveFile, name: string, kind: EntityKind): { entity: Entity; created: boolean } {
  const existing = findEntity(meta, name, kind);
  if (existing) return { entity: existing, created: false };
  const entity: Entity = {
    id: newEntityId(),
    kind,
    name: name.normalize('NFC').trim().replace(/\s+/g, ' '),
    aliases: [],
  };
  meta.entities.push(entity);
  return { entity, created: true };
}

export function entityNames(meta: ArchiveFile, ids: readonly string[]): string[] {
  const { byId } = entityIndex(meta);
  return ids.map((id) => byId.get(id)?.name ?? id);
}

/** Exactly one entity by id, or by name/alias (of `kind` if given); a clear error otherwise. */
export function resolveEntity(meta: ArchiveFile, ref: string, kind?: EntityKind): Entity {
  const r = ref.trim();
  const byId = meta.entities.find((e) => e.id === r);
  if (byId) return byId;
  const k = key(r);
  const byName = meta.entities.filter((e) => (kind === undefined || e.kind === kind) && key(e.name) === k);
  const matches =
    byName.length > 0
      ? byName
      : meta.entities.filter((e) => (kind === undefined || e.kind === kind) && e.aliases.some((a) => key(a) === k));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new AqiqatError('entity.not-found', { ref, kind: kind ?? null }, 'not-found');
  throw new AqiqatError('entity.ambiguous', { ref, matches: matches.map((e) => `${e.id} ${e.kind}`) }, 'conflict');
}

const clean = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ');

/** The entity of `kind` already called `name` (as name or alias), other than `except`. */
function taken(meta: ArchiveFile, name: string, kind: EntityKind, except?: Entity): Entity | undefined {
  const k = key(name);
  return meta.entities.find(
    (e) => e !== except && e.kind === kind && (key(e.name) === k || e.aliases.some((a) => key(a) === k)),
  );
}

/** A new entity; refused if one of that kind already has the name or an alias. Mutates `meta`. */
export function addEntity(meta: ArchiveFile, name: string, kind: EntityKind, aliases: readonly string[] = []): Entity {
  const n = clean(name);
  if (n === '') throw new AqiqatError('entity.name-empty', {}, 'usage');
  const all = uniqueNames([n, ...aliases.map(clean).filter(Boolean)]);
  for (const a of all) {
    const other = taken(meta, a, kind);
    if (other) throw new AqiqatError('entity.name-taken', { name: a, id: other.id, other: other.name }, 'conflict');
  }
  const entity: Entity = { id: newEntityId(), kind, name: n, aliases: all.slice(1) };
  meta.entities.push(entity);
  return entity;
}

/** Rename; the new name leaves the aliases if it was one. Mutates `meta`. */
export function renameEntity(meta: ArchiveFile, ref: string, name: string): Entity {
  const entity = resolveEntity(meta, ref);
  const n = clean(name);
  if (n === '') throw new AqiqatError('entity.new-name-empty', {}, 'usage');
  const other = taken(meta, n, entity.kind, entity);
  if (other) throw new AqiqatError('entity.name-taken-merge', { name: n, id: other.id, other: other.name }, 'conflict');
  entity.name = n;
  entity.aliases = entity.aliases.filter((a) => key(a) !== key(n));
  entitiesChanged(meta);
  return entity;
}

/** Add aliases to an entity (those it already has are skipped). Mutates `meta`. */
export function addAliases(meta: ArchiveFile, ref: string, aliases: readonly string[]): Entity {
  const entity = resolveEntity(meta, ref);
  for (const a of aliases.map(clean).filter(Boolean)) {
    const other = taken(meta, a, entity.kind, entity);
    if (other)
      throw new AqiqatError('entity.name-taken-merge', { name: a, id: other.id, other: other.name }, 'conflict');
  }
  entity.aliases = uniqueNames([entity.name, ...entity.aliases, ...aliases.map(clean).filter(Boolean)]).slice(1);
  entitiesChanged(meta);
  return entity;
}

/**
 * Fold `other` into `keep` in archive.json: its name and aliases become keep's aliases and it is
 * removed. The caller moves the facts first (mergeEntities).
 */
export function absorbEntity(meta: ArchiveFile, keep: Entity, other: Entity): Entity {
  keep.aliases = uniqueNames([keep.name, ...keep.aliases, other.name, ...other.aliases]).slice(1);
  meta.entities = meta.entities.filter((e) => e !== other);
  entitiesChanged(meta);
  return keep;
}

/** Names without repeats (compared as the finder compares them), first spelling kept. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = key(n);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Merge `otherRef` into `keepRef`: every fact naming the other names the kept one instead (its role
 * too, unless the kept one already has a role there), the aliases are united, the other is removed.
 * Fact shards are written first: a crash midway leaves both entities, and running the merge again
 * finishes it.
 */
export async function mergeEntities(
  store: ArchiveStore,
  keepRef: string,
  otherRef: string,
): Promise<{ entity: Entity; factsMoved: number }> {
  const meta = store.meta.data;
  const keep = resolveEntity(meta, keepRef);
  const other = resolveEntity(meta, otherRef);
  if (keep === other) throw new AqiqatError('entity.same', { a: keepRef, b: otherRef }, 'usage');
  if (keep.kind !== other.kind)
    throw new AqiqatError('entity.merge-kinds', { from: other.kind, into: keep.kind }, 'usage');
  const swap = (ids: string[]) => [...new Set(ids.map((id) => (id === other.id ? keep.id : id)))];
  const changed = await rewriteFacts(store, (f) => {
    const named = f.people.includes(other.id) || f.places.includes(other.id) || f.organizations.includes(other.id);
    if (!named) return null;
    const roles = { ...f.roles };
    const role = roles[other.id];
    delete roles[other.id];
    if (role !== undefined && roles[keep.id] === undefined) roles[keep.id] = role;
    return { ...f, people: swap(f.people), places: swap(f.places), organizations: swap(f.organizations), roles };
  });
  absorbEntity(meta, keep, other);
  await store.save(store.meta);
  await store.emit({ type: 'entity-merged', entity: keep, merged: other, facts: changed.length });
  for (const c of changed) await store.emit({ type: 'fact-updated', ...c });
  return { entity: keep, factsMoved: changed.length };
}

/** The facts that name an entity (all kinds of link). */
export async function factsOfEntity(store: ArchiveStore, entityId: string): Promise<Fact[]> {
  const facts = await store.allFacts();
  return facts.filter(
    (f) => f.people.includes(entityId) || f.places.includes(entityId) || f.organizations.includes(entityId),
  );
}

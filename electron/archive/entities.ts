/** People, organizations and places: found by name or alias, created on first mention. */
import { newEntityId } from './ids.js';
import type { ArchiveFile, Entity, EntityKind } from './model.js';

const key = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

export function findEntity(meta: ArchiveFile, nameOrId: string, kind?: EntityKind): Entity | undefined {
  const k = key(nameOrId);
  return meta.entities.find(
    (e) => (kind === undefined || e.kind === kind) && (e.id === nameOrId || key(e.name) === k || e.aliases.some((a) => key(a) === k)),
  );
}

/** The entity of that kind with this name or alias; a new one if there is none. Mutates `meta`. */
export function ensureEntity(meta: ArchiveFile, name: string, kind: EntityKind): { entity: Entity; created: boolean } {
  const existing = findEntity(meta, name, kind);
  if (existing) return { entity: existing, created: false };
  const entity: Entity = { id: newEntityId(), kind, name: name.normalize('NFC').trim().replace(/\s+/g, ' '), aliases: [] };
  meta.entities.push(entity);
  return { entity, created: true };
}

export function entityNames(meta: ArchiveFile, ids: readonly string[]): string[] {
  const byId = new Map(meta.entities.map((e) => [e.id, e.name]));
  return ids.map((id) => byId.get(id) ?? id);
}

/** Facts: quoted passages of an article, typed, dated and linked. */
import { ownFingerprint, readIdentity, UNNAMED } from '../protection/identity.js';
import { isDeepStrictEqual } from 'node:util';
import { anchorAt, closestPassage, findQuote, resolveAnchor } from './anchor.js';
import { findArticle, readArticleText } from '../import/articles.js';
import { auditInputOf } from '../protection/audit.js';
import { parseEventDate } from '../../shared/dates.js';
import { ensureEntity, findEntity } from './entities.js';
import { AqiqatError } from '../errors.js';
import { newFactId } from '../storage/ids.js';
import { shardOf } from '../storage/layout.js';
import { ensureFactType } from './fact-types.js';
import {
  FACT_ID,
  FactRoleSchema,
  type ArchiveFile,
  type EntityKind,
  type Fact,
  type FactRole,
  type TranslationLang,
  type Translations,
} from '../model.js';
import type { ArchiveStore } from '../storage/store.js';
import { ensureTags, normalizeTag } from './tags.js';
import {
  applyVerification,
  touchesVerification,
  unlinkCorroborations,
  withVerification,
  type VerificationFields,
} from './verification.js';

/** The fields of a fact as `fact add` takes them; `fact edit` takes the same ones, each optional. */
interface FactFields extends VerificationFields {
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
  /** a person's role in the event, by the name given in `people` */
  roles?: Readonly<Record<string, FactRole>> | undefined;
}

export interface FactInput extends FactFields {
  articleId: string;
}

export const DEFAULT_FACT_TYPE = 'statement';

export function normalizeFactType(input: string | undefined): string {
  const type = (input ?? DEFAULT_FACT_TYPE).trim().toLowerCase();
  if (!/^[\p{L}\p{N}][\p{L}\p{N}-]{0,39}$/u.test(type)) {
    throw new AqiqatError('fact.bad-type', { type: String(input) }, 'usage');
  }
  return type;
}

/**
 * Add a fact. One identical to a fact already there (same article, anchor and fields: a retry after a
 * crash or a double click) is not added twice: that fact is returned, with `existing`.
 */
export async function addFact(
  store: ArchiveStore,
  input: FactInput,
  now = new Date(),
): Promise<{ fact: Fact; existing: boolean }> {
  const article = await findArticle(store, input.articleId);
  const type = normalizeFactType(input.type);
  const date = input.date ? parseEventDate(input.date, input.approximate ?? false) : null;
  const tags = (input.tags ?? []).map(normalizeTag);
  checkRoles(input.people ?? [], input.roles);
  const text = await readArticleText(store, article);
  const at = findQuote(text, input.quote, input.near);
  if (!at) {
    if (input.quote.trim() === '') throw new AqiqatError('fact.quote-empty', {}, 'usage');
    throw new AqiqatError('fact.quote-not-found', {
      articleId: article.id,
      closest: closestPassage(text, input.quote),
    });
  }
  const verification = await applyVerification(store, { id: null, articleId: article.id }, {}, input);
  const meta = store.meta.data;
  const linker = entityLinker(meta);
  const link = linker.link;
  const stamp = now.toISOString();
  const by = await ownFingerprint(store);
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
    roles: {},
    ...verification,
    ...(by ? { createdBy: by, updatedBy: by } : {}),
  };
  fact.roles = linker.roles(input.people ?? [], input.roles);
  let metaChanged = linker.changed();
  if (ensureTags(meta, fact.tags) > 0) metaChanged = true;
  if (ensureFactType(meta, type)) metaChanged = true;
  const shard = await store.factShard(shardOf(article.id));
  // a shard holds thousands of facts in a large archive: compare in full only those on the same quote
  const same = shard.data.facts.find(
    (f) => f.articleId === fact.articleId && f.anchor.exact === fact.anchor.exact && sameFact(f, fact),
  );
  // (a name created just now cannot be on a fact already there, so `same` implies nothing new to save)
  if (same) {
    // a retry after a kill between the save and the audit line: the line is written now
    const { entries } = await store.audit.readAll();
    if (!entries.some((e) => e.action === 'fact-added' && e.factId === same.id))
      await store.audit.record(auditInputOf({ type: 'fact-added', fact: same }));
    return { fact: same, existing: true };
  }
  // archive.json first: a crash between the two writes leaves an unused entity, never a fact
  // that names an entity nobody can resolve.
  if (metaChanged) await store.save(store.meta);
  shard.data.facts.push(fact);
  await store.save(shard);
  await store.emit({ type: 'fact-added', fact });
  return { fact, existing: false };
}

/** Everything but id and times: what makes two facts the same statement. */
function sameFact(a: Fact, b: Fact): boolean {
  const strip = ({ id: _id, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, ...rest }: Fact) => rest;
  return isDeepStrictEqual(canonical(strip(a)), canonical(strip(b)));
}

/** Lists whose order carries no meaning, sorted; keys sorted (roles) by isDeepStrictEqual itself. */
function canonical(f: Omit<Fact, 'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy'>) {
  const sorted = (xs: readonly string[]) => [...xs].sort();
  return { ...f, tags: sorted(f.tags), places: sorted(f.places), organizations: sorted(f.organizations) };
}

export async function listFacts(store: ArchiveStore, articleId?: string): Promise<Fact[]> {
  if (articleId === undefined) return store.allFacts();
  const article = await findArticle(store, articleId);
  const shard = await store.factShard(shardOf(article.id));
  return shard.data.facts.filter((f) => f.articleId === article.id);
}

export async function deleteFact(store: ArchiveStore, id: string): Promise<Fact> {
  const factId = id.trim();
  if (!FACT_ID.test(factId)) throw new AqiqatError('fact.bad-id', { ref: id }, 'usage');
  const shard = await store.factShard(shardOf(factId));
  const index = shard.data.facts.findIndex((f) => f.id === factId);
  if (index < 0) throw new AqiqatError('fact.not-found', { ids: [factId] }, 'not-found');
  const fact = shard.data.facts[index]!;
  // out of its cases first: a crash in between leaves the fact outside them, which the retry deletes,
  // never a case naming a fact that is gone
  const cases = store.meta.data.cases.filter((c) => c.factIds.includes(factId));
  for (const c of cases) c.factIds = c.factIds.filter((f) => f !== factId);
  if (cases.length > 0) await store.save(store.meta);
  const unlinked = await unlinkCorroborations(store, new Set([factId]));
  const at = shard.data.facts.findIndex((f) => f.id === factId); // the unlinking may have replaced entries
  shard.data.facts.splice(at, 1);
  await store.save(shard);
  for (const c of cases) await store.emit({ type: 'case-fact-removed', case: c, factId });
  for (const u of unlinked) await store.emit({ type: 'fact-updated', ...u });
  await store.emit({ type: 'fact-deleted', fact });
  return fact;
}

/** Links names to entities (creating them on first mention) and remembers whether archive.json changed. */
function entityLinker(meta: ArchiveFile) {
  let changed = false;
  const link = (names: readonly string[] | undefined, kind: EntityKind): string[] => {
    const ids = (names ?? [])
      .filter((n) => n.trim())
      .map((n) => {
        const { entity, created } = ensureEntity(meta, n, kind);
        changed ||= created;
        return entity.id;
      });
    return [...new Set(ids)];
  };
  /** roles by person name → by entity id; a role for someone not among `people` is a usage error */
  const roles = (
    people: readonly string[],
    byName: Readonly<Record<string, string>> | undefined,
  ): Record<string, FactRole> => {
    const out: Record<string, FactRole> = {};
    for (const [name, role] of Object.entries(byName ?? {})) {
      const parsed = FactRoleSchema.safeParse(role);
      if (!parsed.success) throw new AqiqatError('fact.bad-role', { role, roles: FactRoleSchema.options }, 'usage');
      const entity = findEntity(meta, name, 'person');
      const listed = entity && people.some((p) => findEntity(meta, p, 'person') === entity);
      if (!entity || !listed) throw new AqiqatError('fact.role-not-person', { name }, 'usage');
      out[entity.id] = parsed.data;
    }
    return out;
  };
  return { link, roles, changed: () => changed };
}

/** Every field optional, and allowed to be given as undefined (exactOptionalPropertyTypes). */
type Optional<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * What `fact edit` may change: any field of `fact add`; absent means unchanged, a null date clears it.
 * `near` is where the user selected a changed quote.
 */
export interface FactPatch extends Optional<Omit<FactFields, 'date'>> {
  date?: string | null | undefined;
  /** the quote's translation per language, and who made it (absent: `translator`, else as before); an empty text removes it */
  translations?: Partial<Record<TranslationLang, string | { text: string; by?: string | undefined }>> | undefined;
  /** who translated the texts of `translations` that do not name one */
  translator?: string | undefined;
}

/** Translations after a patch: each given language set (by `translator`, now) or, if empty, removed. */
function patchTranslations(
  current: Translations | undefined,
  texts: FactPatch['translations'],
  translator: string | undefined,
  at: string,
  signer: string | undefined,
): Translations | undefined {
  const next: Translations = { ...current };
  for (const [lang, given] of Object.entries(texts ?? {}) as Array<
    [TranslationLang, NonNullable<FactPatch['translations']>[TranslationLang]]
  >) {
    const { text: raw, by } = typeof given === 'string' ? { text: given, by: undefined } : given!;
    const text = raw.normalize('NFC').trim();
    if (text === '') delete next[lang];
    else next[lang] = { text, by: (by ?? translator)?.trim() ?? current?.[lang]?.by ?? signer ?? '', at };
  }
  return Object.keys(next).length > 0 ? next : undefined;
}

/**
 * Change a fact. A changed quote is found again in the article (near the old place, or `near`) and
 * re-anchored; linked names are created on first mention as in addFact. Roles of people who stay are
 * kept unless new roles are given.
 */
export async function editFact(
  store: ArchiveStore,
  id: string,
  patch: FactPatch,
  now = new Date(),
): Promise<{ fact: Fact; previous: Fact }> {
  const factId = id.trim();
  if (!FACT_ID.test(factId)) throw new AqiqatError('fact.bad-id', { ref: id }, 'usage');
  const shard = await store.factShard(shardOf(factId));
  const index = shard.data.facts.findIndex((f) => f.id === factId);
  if (index < 0) throw new AqiqatError('fact.not-found', { ids: [factId] }, 'not-found');
  const previous = shard.data.facts[index]!;
  const next: Fact = { ...previous };
  if (patch.type !== undefined) next.type = normalizeFactType(patch.type);
  if (patch.date === null || patch.date === '') next.date = null;
  else if (patch.date !== undefined) next.date = parseEventDate(patch.date, patch.approximate ?? false);
  else if (patch.approximate !== undefined && next.date) next.date = { ...next.date, approximate: patch.approximate };
  if (patch.tags !== undefined) next.tags = [...new Set(patch.tags.map(normalizeTag))];
  if (patch.roles !== undefined && patch.people !== undefined) checkRoles(patch.people, patch.roles);
  if (patch.note !== undefined) next.note = patch.note.trim();
  if (patch.quote !== undefined && patch.quote.trim() !== previous.anchor.exact) {
    const article = await findArticle(store, previous.articleId);
    const text = await readArticleText(store, article);
    const at = findQuote(text, patch.quote, patch.near ?? previous.anchor.start);
    if (!at) {
      if (patch.quote.trim() === '') throw new AqiqatError('fact.quote-empty', {}, 'usage');
      throw new AqiqatError('fact.quote-not-found', {
        articleId: article.id,
        closest: closestPassage(text, patch.quote),
      });
    }
    next.anchor = anchorAt(text, at.start, at.end);
  }
  const meta = store.meta.data;
  const linker = entityLinker(meta);
  if (patch.people !== undefined) next.people = linker.link(patch.people, 'person');
  if (patch.places !== undefined) next.places = linker.link(patch.places, 'place');
  if (patch.organizations !== undefined) next.organizations = linker.link(patch.organizations, 'organization');
  if (patch.roles !== undefined) {
    const names = patch.people ?? entityNamesOf(meta, next.people);
    next.roles = linker.roles(names, patch.roles);
  } else {
    next.roles = Object.fromEntries(Object.entries(previous.roles).filter(([pid]) => next.people.includes(pid)));
  }
  const edited = touchesVerification(patch)
    ? withVerification(next, await applyVerification(store, { id: factId, articleId: next.articleId }, next, patch))
    : next;
  edited.updatedAt = now.toISOString();
  const by = await ownFingerprint(store);
  if (by) edited.updatedBy = by;
  if (patch.translations !== undefined) {
    // a new translation with no translator named is the archive's signer's, when it has a name
    const id = patch.translator === undefined ? await readIdentity(store.layout.root, store.codec) : null;
    const translations = patchTranslations(
      previous.translations,
      patch.translations,
      patch.translator,
      edited.updatedAt,
      id && id.name !== UNNAMED ? id.name : undefined,
    );
    if (translations) edited.translations = translations;
    else delete edited.translations;
  }
  let metaChanged = linker.changed();
  if (ensureTags(meta, edited.tags) > 0) metaChanged = true;
  if (ensureFactType(meta, edited.type)) metaChanged = true;
  if (metaChanged) await store.save(store.meta);
  shard.data.facts[index] = edited;
  await store.save(shard);
  await store.emit({ type: 'fact-updated', fact: edited, previous });
  return { fact: edited, previous };
}

function entityNamesOf(meta: ArchiveFile, ids: readonly string[]): string[] {
  return ids.map((id) => meta.entities.find((e) => e.id === id)?.name ?? id);
}

const nameKey = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Before anything is linked: every role is a known one and names someone among `people`. */
export function checkRoles(people: readonly string[], roles: Readonly<Record<string, string>> | undefined): void {
  const names = new Set(people.map(nameKey));
  for (const [name, role] of Object.entries(roles ?? {})) {
    if (!FactRoleSchema.safeParse(role).success)
      throw new AqiqatError('fact.bad-role', { role, roles: FactRoleSchema.options }, 'usage');
    if (!names.has(nameKey(name))) throw new AqiqatError('fact.role-not-person', { name }, 'usage');
  }
}

/** A deleted fact as the UI holds it for undo: the view's fields, with names for entities. */
export interface RestoreInput {
  id: string;
  articleId: string;
  anchor: Fact['anchor'];
  type: string;
  date: Fact['date'];
  people: readonly string[];
  places: readonly string[];
  organizations: readonly string[];
  tags: readonly string[];
  note: string;
  roles: Readonly<Record<string, FactRole>>;
  translations?: Translations | undefined;
  createdAt: string;
  /** cases it was in */
  cases: readonly string[];
  status?: Fact['status'];
  verificationNote?: string | undefined;
  corroboratedBy?: readonly string[] | undefined;
}

/** Undo a delete: the same id, re-anchored on the text, re-linked by name, back in its cases. */
export async function restoreFact(store: ArchiveStore, input: RestoreInput, now = new Date()): Promise<Fact> {
  if (!FACT_ID.test(input.id) || !input.id.startsWith(`${input.articleId}-`))
    throw new AqiqatError('fact.bad-id-for-article', { id: input.id, articleId: input.articleId }, 'usage');
  const article = await findArticle(store, input.articleId);
  const shard = await store.factShard(shardOf(article.id));
  if (shard.data.facts.some((f) => f.id === input.id))
    throw new AqiqatError('fact.exists', { id: input.id }, 'conflict');
  checkRoles(input.people, input.roles);
  const text = await readArticleText(store, article);
  const at = resolveAnchor(text, input.anchor);
  if (!at) throw new AqiqatError('fact.quote-lost', { id: input.id });
  const meta = store.meta.data;
  const linker = entityLinker(meta);
  const fact: Fact = {
    id: input.id,
    articleId: article.id,
    anchor: anchorAt(text, at.start, at.end),
    type: normalizeFactType(input.type),
    date: input.date,
    people: linker.link(input.people, 'person'),
    places: linker.link(input.places, 'place'),
    organizations: linker.link(input.organizations, 'organization'),
    tags: [...new Set(input.tags.map(normalizeTag))],
    note: input.note,
    createdAt: input.createdAt,
    updatedAt: now.toISOString(),
    roles: {},
    ...(await restoredVerification(store, input)),
  };
  const by = await ownFingerprint(store);
  if (by) fact.updatedBy = by;
  fact.roles = linker.roles(input.people, input.roles);
  if (input.translations && Object.keys(input.translations).length > 0) fact.translations = input.translations;
  ensureTags(meta, fact.tags);
  ensureFactType(meta, fact.type);
  const cases = meta.cases.filter((c) => input.cases.includes(c.id) && !c.factIds.includes(fact.id));
  for (const c of cases) c.factIds.push(fact.id);
  await store.save(store.meta);
  shard.data.facts.push(fact);
  await store.save(shard);
  await store.emit({ type: 'fact-added', fact });
  for (const c of cases) await store.emit({ type: 'case-fact-added', case: c, factId: fact.id });
  return fact;
}

/** The verification an undone fact had; links to facts deleted since are dropped, not refused. */
async function restoredVerification(store: ArchiveStore, input: RestoreInput): Promise<Partial<Fact>> {
  const by: string[] = [];
  for (const id of input.corroboratedBy ?? []) {
    if (!FACT_ID.test(id) || id === input.id) continue;
    const other = (await store.factShard(shardOf(id))).data.facts.find((f) => f.id === id);
    if (other && other.articleId !== input.articleId && !by.includes(id)) by.push(id);
  }
  return {
    ...(input.status && input.status !== 'unverified' ? { status: input.status } : {}),
    ...(input.verificationNote?.trim() ? { verificationNote: input.verificationNote.trim() } : {}),
    ...(by.length ? { corroboratedBy: by } : {}),
  };
}

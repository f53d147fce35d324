/**
 * The merge of a received bundle into an archive, pure: the archive's state in, the new state and the
 * list of changes out (what `--plan` prints, what the audit log records). Three-way by hashes: the
 * common version of a thing is the hash both sides last exchanged (the bundle's `bases`, else this
 * archive's `team.synced`); a side whose version differs from it changed it. One side changed: that
 * side wins. Both: a conflict, the local version kept and theirs stored beside it, never overwritten.
 */
import { entitiesChanged } from '../annotation/entities.js';
import { AqiqatError } from '../errors.js';
import { foldKey } from '../search/fold.js';
import { emptyTeam, type ArchiveFile, type Article, type Case, type Conflict, type Fact } from '../model.js';
import { hashOf, keys, type Bundle } from './format.js';
import { clipAtWord } from '../../shared/text.js';

export interface LocalState {
  meta: ArchiveFile;
  facts: ReadonlyMap<string, Fact>;
  articles: ReadonlyMap<string, Article>;
}

export type ChangeKind = 'fact' | 'article' | 'case' | 'entity' | 'tag';
export interface Change {
  action: 'add' | 'update' | 'delete' | 'conflict' | 'suggest';
  kind: ChangeKind;
  id: string;
  summary: string;
}

export interface Merged {
  meta: ArchiveFile;
  /** facts to write (added or replaced) and to remove */
  putFacts: Fact[];
  deleteFacts: string[];
  addArticles: Article[];
  changes: Change[];
}

export interface MergeContext {
  bundleSha: string;
  now: string;
  newConflictId: () => string;
}

const nameKey = (name: string) =>
  name
    .normalize('NFC')
    .split(/[\s\p{P}]+/u)
    .filter(Boolean)
    .map(foldKey)
    .join(' ');

const clash = (id: string) => new AqiqatError('team.id-clash', { id }, 'input');

export function mergeBundle(local: LocalState, bundle: Bundle, ctx: MergeContext): Merged {
  const meta: ArchiveFile = structuredClone(local.meta);
  const team = (meta.team ??= emptyTeam());
  const out: Merged = { meta, putFacts: [], deleteFacts: [], addArticles: [], changes: [] };
  const change = (action: Change['action'], kind: ChangeKind, id: string, summary: string) =>
    out.changes.push({ action, kind, id, summary });
  const base = (key: string): string | undefined => bundle.bases[key] ?? team.synced[key];
  const openConflict = (c: Omit<Conflict, 'id' | 'bundle' | 'from' | 'at'>) => {
    const theirs = hashOf(c.theirs);
    // the same disagreement from a later bundle is not listed twice
    if (team.conflicts.some((x) => x.kind === c.kind && x.subject === c.subject && hashOf(x.theirs) === theirs)) return;
    team.conflicts.push({
      ...c,
      id: ctx.newConflictId(),
      bundle: ctx.bundleSha,
      from: bundle.sender.fingerprint,
      at: ctx.now,
    } as Conflict);
    change(c.kind === 'entity-match' ? 'suggest' : 'conflict', kindOf(c.kind), c.subject, c.kind);
  };

  // ——— entities: by id; a new one whose name matches a local one is a suggested merge ———
  for (const e of bundle.entities) {
    const mine = meta.entities.find((x) => x.id === e.id);
    if (mine) {
      // never exchanged and not one name in common: two archives drew the same random id for two people
      const exchanged = base(keys.entity(e.id)) !== undefined;
      const theirKeys = new Set([e.name, ...e.aliases].map(nameKey));
      if (mine.kind !== e.kind || (!exchanged && ![mine.name, ...mine.aliases].some((n) => theirKeys.has(nameKey(n)))))
        throw clash(e.id);
      team.synced[keys.entity(e.id)] ??= hashOf(e);
      const names = [e.name, ...e.aliases].filter((n) => n !== mine.name && !mine.aliases.includes(n));
      if (names.length) {
        mine.aliases.push(...names);
        entitiesChanged(meta);
        change('update', 'entity', e.id, `${mine.name}: + ${names.join(', ')}`);
      }
      continue;
    }
    meta.entities.push(structuredClone(e));
    team.synced[keys.entity(e.id)] = hashOf(e);
    change('add', 'entity', e.id, e.name);
    const theirKeys = new Set([e.name, ...e.aliases].map(nameKey));
    const like = meta.entities.find(
      (x) => x.id !== e.id && x.kind === e.kind && [x.name, ...x.aliases].some((n) => theirKeys.has(nameKey(n))),
    );
    if (like) openConflict({ kind: 'entity-match', subject: e.id, local: like, theirs: e });
  }

  // ——— tags and fact types: added when missing ———
  const tagPaths = new Set(meta.tags.map((t) => t.path));
  for (const t of bundle.tags)
    if (!tagPaths.has(t)) {
      meta.tags.push({ path: t });
      tagPaths.add(t);
      change('add', 'tag', t, t);
    }
  for (const ft of bundle.factTypes) if (!meta.factTypes.some((x) => x.id === ft.id)) meta.factTypes.push(ft);

  // ——— articles: the same source bytes are the same article ———
  for (const a of bundle.articles) {
    const mine = local.articles.get(a.id);
    if (!mine) {
      out.addArticles.push(a);
      change('add', 'article', a.id, a.title);
      continue;
    }
    if (mine.sha256 !== a.sha256) throw clash(a.id);
    if (hashOf(articleMetadata(mine)) !== hashOf(articleMetadata(a)))
      openConflict({ kind: 'article', subject: a.id, local: mine, theirs: a });
  }

  // ——— facts ———
  const known = (id: string) => local.facts.has(id);
  for (const f of bundle.facts) {
    const key = keys.fact(f.id);
    const theirs = hashOf(f);
    const mine = local.facts.get(f.id);
    if (!mine) {
      const had = team.synced[key];
      if (had === undefined) {
        out.putFacts.push(f);
        team.synced[key] = theirs;
        change('add', 'fact', f.id, clipAtWord(f.anchor.exact));
      } else if (theirs !== (bundle.bases[key] ?? had)) {
        // deleted here, edited there
        openConflict({ kind: 'fact', subject: f.id, local: null, theirs: f });
      }
      continue;
    }
    if (mine.createdAt !== f.createdAt || (mine.createdBy && f.createdBy && mine.createdBy !== f.createdBy))
      throw clash(f.id);
    const ours = hashOf(mine);
    if (ours === theirs) {
      team.synced[key] = theirs;
      continue;
    }
    const common = base(key);
    if (common !== undefined && ours === common) {
      out.putFacts.push(f);
      team.synced[key] = theirs;
      change('update', 'fact', f.id, clipAtWord(f.anchor.exact));
    } else if (common !== undefined && theirs === common) {
      // only we changed it: ours stands
    } else openConflict({ kind: 'fact', subject: f.id, local: mine, theirs: f });
  }
  for (const d of bundle.deleted) {
    const mine = local.facts.get(d.id);
    if (!mine) continue;
    if (hashOf(mine) === d.base) {
      out.deleteFacts.push(d.id);
      delete team.synced[keys.fact(d.id)];
      change('delete', 'fact', d.id, clipAtWord(mine.anchor.exact));
    } else openConflict({ kind: 'fact', subject: d.id, local: mine, theirs: null });
  }
  const gone = new Set(out.deleteFacts);
  const exists = (id: string) => !gone.has(id) && (known(id) || out.putFacts.some((f) => f.id === id));

  // ——— cases: facts united; title, summary and order three-way ———
  for (const c of bundle.cases) {
    const mine = meta.cases.find((x) => x.id === c.id);
    if (!mine) {
      meta.cases.push({ ...structuredClone(c), factIds: c.factIds.filter(exists) });
      for (const k of [keys.caseTitle(c.id), keys.caseSummary(c.id), keys.caseOrder(c.id)])
        team.synced[k] = hashOf(caseField(c, k));
      change('add', 'case', c.id, c.title);
      continue;
    }
    if (mine.createdAt !== c.createdAt) throw clash(c.id);
    const before = hashOf(mine);
    for (const [k, field] of [
      [keys.caseTitle(c.id), 'title'],
      [keys.caseSummary(c.id), 'summary'],
    ] as const) {
      const ours = hashOf(mine[field]);
      const theirs = hashOf(c[field]);
      if (ours === theirs) continue;
      const common = base(k);
      if (common === ours) {
        mine[field] = c[field];
        team.synced[k] = theirs;
      } else if (common !== theirs)
        openConflict({
          kind: field === 'title' ? 'case-title' : 'case-summary',
          subject: c.id,
          local: mine[field],
          theirs: c[field],
        });
    }
    // order: the facts both have, in each side's order
    const kOrder = keys.caseOrder(c.id);
    const theirIds = c.factIds.filter(exists);
    const added = theirIds.filter((id) => !mine.factIds.includes(id));
    const ours = hashOf(mine.factIds);
    const common = base(kOrder);
    if (common === ours) mine.factIds = [...theirIds, ...mine.factIds.filter((id) => !theirIds.includes(id))];
    else {
      const shared = (ids: readonly string[], other: readonly string[]) => ids.filter((id) => other.includes(id));
      if (
        common !== hashOf(c.factIds) &&
        hashOf(shared(mine.factIds, theirIds)) !== hashOf(shared(theirIds, mine.factIds))
      )
        openConflict({ kind: 'case-order', subject: c.id, local: [...mine.factIds], theirs: c.factIds });
      mine.factIds.push(...added);
    }
    mine.factIds = mine.factIds.filter((id) => !gone.has(id));
    if (mine.factIds.length === theirIds.length && hashOf(mine.factIds) === hashOf(theirIds))
      team.synced[kOrder] = hashOf(c.factIds);
    if (!mine.communication && c.communication) mine.communication = c.communication;
    if (hashOf(mine) !== before) change('update', 'case', c.id, mine.title);
  }
  for (const c of meta.cases) if (gone.size) c.factIds = c.factIds.filter((id) => !gone.has(id));
  return out;
}

/** What of an article's metadata two archives may disagree on (not its bytes, not its import time). */
/**
 * What researchers say of an article, on which two archives can differ: the rest follows from its bytes or is
 * each archive's own (its import time, other files with its text, its visual copy, its reading of a scan), and
 * taking it from another archive would name files this one does not have.
 */
export const articleMetadata = (a: Article) => ({
  title: a.title,
  url: a.url,
  publisher: a.publisher,
  publishedAt: a.publishedAt,
  lang: a.lang,
  tags: a.tags,
  note: a.note,
  author: a.author ?? null,
  sourceType: a.sourceType ?? null,
  asserted: a.capture?.asserted ?? {},
});

const caseField = (c: Case, key: string) =>
  key.endsWith(':title') ? c.title : key.endsWith(':summary') ? c.summary : c.factIds;

const kindOf = (k: Conflict['kind']): ChangeKind =>
  k === 'fact' ? 'fact' : k === 'article' ? 'article' : k === 'entity-match' ? 'entity' : 'case';

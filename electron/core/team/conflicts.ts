/**
 * Conflicts a receive left (team.conflicts): listed with both versions, resolved by the user. Keeping
 * the local version makes theirs the common one (the next exchange carries ours as an edit of it);
 * keeping theirs writes it through the same events as any edit, so the audit log and the index follow.
 */
import { AqiqatError } from '../errors.js';
import { deleteFact } from '../annotation/facts.js';
import { mergeEntities } from '../annotation/entities.js';
import { shardOf } from '../storage/layout.js';
import type { Article, Conflict } from '../model.js';
import type { ArchiveStore } from '../storage/store.js';
import { hashOf, keys } from './format.js';
import { articleMetadata } from './merge.js';

export type Keep = 'local' | 'theirs' | 'merge' | 'separate';
export const choicesOf = (c: Conflict): Keep[] =>
  c.kind === 'entity-match' ? ['merge', 'separate'] : ['local', 'theirs'];

export const listConflicts = (store: ArchiveStore): Conflict[] => store.meta.data.team?.conflicts ?? [];

export async function resolveConflict(store: ArchiveStore, id: string, keep: Keep): Promise<Conflict> {
  const team = store.meta.data.team;
  const c = team?.conflicts.find((x) => x.id === id.trim());
  if (!team || !c) throw new AqiqatError('team.conflict-not-found', { id }, 'not-found');
  if (!choicesOf(c).includes(keep))
    throw new AqiqatError('team.conflict-bad-choice', { id: c.id, choices: choicesOf(c).join('|') }, 'usage');
  const theirs = keep === 'theirs' || keep === 'merge';
  if (c.kind === 'fact') await resolveFact(store, c, theirs);
  else if (c.kind === 'article' && theirs) {
    const shard = await store.articleShard(shardOf(c.subject));
    const at = shard.data.articles.findIndex((a) => a.id === c.subject);
    if (at >= 0) {
      const previous = shard.data.articles[at]!;
      const { author: _a, sourceType: _s, ...own } = previous;
      const { author, sourceType, asserted, ...said } = articleMetadata(c.theirs);
      const article: Article = {
        ...own,
        ...said,
        ...(author === null ? {} : { author }),
        ...(sourceType === null ? {} : { sourceType }),
        ...(previous.capture || Object.keys(asserted).length > 0
          ? { capture: { asserted, machine: previous.capture?.machine ?? {} } }
          : {}),
      };
      shard.data.articles[at] = article;
      await store.save(shard);
      await store.emit({ type: 'article-updated', article, previous });
    }
  } else if (c.kind === 'case-title' || c.kind === 'case-summary' || c.kind === 'case-order') {
    const k = c.kind === 'case-title' ? keys.caseTitle : c.kind === 'case-summary' ? keys.caseSummary : keys.caseOrder;
    const kase = store.meta.data.cases.find((x) => x.id === c.subject);
    if (kase && theirs) {
      if (c.kind === 'case-title') kase.title = c.theirs;
      else if (c.kind === 'case-summary') kase.summary = c.theirs;
      else
        kase.factIds = [
          ...c.theirs.filter((f) => kase.factIds.includes(f)),
          ...kase.factIds.filter((f) => !c.theirs.includes(f)),
        ];
    }
    team.synced[k(c.subject)] = hashOf(c.theirs);
  } else if (c.kind === 'entity-match' && keep === 'merge') {
    await mergeEntities(store, c.local.id, c.theirs.id);
  }
  // mergeEntities and the fact writes reload nothing of team: the conflict is taken out of the live list
  const live = store.meta.data.team!;
  live.conflicts = live.conflicts.filter((x) => x.id !== c.id);
  await store.save(store.meta);
  await store.audit.record({
    action: 'conflict-resolved',
    summary: `${c.id} ${c.kind} ${c.subject}: kept ${keep}`,
    sha256: c.bundle,
    ...(c.kind === 'fact' ? { factId: c.subject } : {}),
  });
  return c;
}

async function resolveFact(
  store: ArchiveStore,
  c: Extract<Conflict, { kind: 'fact' }>,
  theirs: boolean,
): Promise<void> {
  const team = store.meta.data.team!;
  const key = keys.fact(c.subject);
  if (!theirs) {
    if (c.theirs) team.synced[key] = hashOf(c.theirs);
    return;
  }
  const shard = await store.factShard(shardOf(c.subject));
  const at = shard.data.facts.findIndex((f) => f.id === c.subject);
  if (!c.theirs) {
    if (at >= 0) await deleteFact(store, c.subject);
    delete store.meta.data.team!.synced[key];
    return;
  }
  const fact = c.theirs;
  if (at >= 0) {
    const previous = shard.data.facts[at]!;
    shard.data.facts[at] = fact;
    await store.save(shard);
    await store.emit({ type: 'fact-updated', fact, previous });
  } else {
    shard.data.facts.push(fact);
    await store.save(shard);
    await store.emit({ type: 'fact-added', fact });
  }
  store.meta.data.team!.synced[key] = hashOf(fact);
}

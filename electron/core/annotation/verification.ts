/**
 * A fact's verification: its status (unverified by default), a short note on how it was checked, and
 * the facts of other articles that corroborate it. A status that claims a check (corroborated,
 * verified) needs a corroborating fact or a note; a fact cannot corroborate itself or be corroborated
 * by its own article (the same source says nothing new).
 */
import { AqiqatError } from '../errors.js';
import { FACT_ID, type Fact } from '../model.js';
import { shardOf } from '../storage/layout.js';
import type { ArchiveStore } from '../storage/store.js';
import { parseFactStatus, STATUSES_NEEDING_SUPPORT } from '../../shared/provenance.js';

export interface VerificationFields {
  /** unverified, corroborated, verified or disputed */
  status?: string | undefined;
  /** empty clears it */
  verificationNote?: string | undefined;
  /** fact ids; an empty list clears it */
  corroboratedBy?: readonly string[] | undefined;
}

type Verification = Pick<Fact, 'status' | 'verificationNote' | 'corroboratedBy'>;

export const touchesVerification = (f: VerificationFields): boolean =>
  f.status !== undefined || f.verificationNote !== undefined || f.corroboratedBy !== undefined;

/**
 * The verification fields of a fact (`self`: its id, null before it has one) once `patch` is applied
 * to `base`, every corroborating id checked. Unverified, no note and no links are stored as absent.
 */
export async function applyVerification(
  store: ArchiveStore,
  self: { id: string | null; articleId: string },
  base: Verification,
  patch: VerificationFields,
): Promise<Verification> {
  const status = patch.status !== undefined ? parseFactStatus(patch.status) : (base.status ?? 'unverified');
  const note = patch.verificationNote !== undefined ? patch.verificationNote.trim() : (base.verificationNote ?? '');
  let by = base.corroboratedBy ?? [];
  if (patch.corroboratedBy !== undefined) {
    by = [];
    for (const raw of patch.corroboratedBy) {
      const id = raw.trim();
      if (!FACT_ID.test(id)) throw new AqiqatError('fact.bad-id', { ref: raw }, 'usage');
      if (id === self.id) throw new AqiqatError('fact.corroboration-self', {}, 'usage');
      const other = (await store.factShard(shardOf(id))).data.facts.find((f) => f.id === id);
      if (!other) throw new AqiqatError('fact.not-found', { ids: [id] }, 'not-found');
      if (other.articleId === self.articleId) throw new AqiqatError('fact.corroboration-same-article', { id }, 'usage');
      if (!by.includes(id)) by.push(id);
    }
  }
  if (STATUSES_NEEDING_SUPPORT.includes(status) && by.length === 0 && note === '')
    throw new AqiqatError('fact.needs-support', { status }, 'usage');
  return {
    ...(status !== 'unverified' ? { status } : {}),
    ...(note ? { verificationNote: note } : {}),
    ...(by.length ? { corroboratedBy: by } : {}),
  };
}

/** A fact with its verification fields replaced (absent ones removed). */
export function withVerification(fact: Fact, v: Verification): Fact {
  const { status: _s, verificationNote: _n, corroboratedBy: _c, ...rest } = fact;
  return { ...rest, ...v };
}

/**
 * Take deleted facts out of every other fact's corroboration list. Saved before the facts themselves
 * go, so a crash leaves a fact without a link, never a link to nothing; returns the facts changed, to
 * be told (audit, index) once the delete is saved.
 */
export async function unlinkCorroborations(
  store: ArchiveStore,
  gone: ReadonlySet<string>,
): Promise<Array<{ fact: Fact; previous: Fact }>> {
  const changed: Array<{ fact: Fact; previous: Fact }> = [];
  if (gone.size === 0) return changed;
  const touched = new Set<number>();
  for (const shardNo of await store.factShardsMentioning(gone)) {
    const shard = await store.factShard(shardNo);
    shard.data.facts.forEach((previous, index) => {
      if (gone.has(previous.id) || !previous.corroboratedBy?.some((id) => gone.has(id))) return;
      const by = previous.corroboratedBy.filter((id) => !gone.has(id));
      const next: Fact = { ...previous };
      if (by.length) next.corroboratedBy = by;
      else delete next.corroboratedBy;
      shard.data.facts[index] = next;
      touched.add(shardNo);
      changed.push({ fact: next, previous });
    });
  }
  for (const n of touched) await store.save(await store.factShard(n));
  return changed;
}

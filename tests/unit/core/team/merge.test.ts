/** The three-way merge alone (pure): deletions against edits, case summaries and orders, ids that clash. */
import { describe, expect, it } from 'vitest';
import {
  emptyArchiveFile,
  emptyTeam,
  type Article,
  type Case,
  type Entity,
  type Fact,
} from '../../../../electron/core/model.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, hashOf, keys, type Bundle } from '../../../../electron/core/team/format.js';
import { mergeBundle, type LocalState } from '../../../../electron/core/team/merge.js';
import { AqiqatError } from '../../../../electron/core/errors.js';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-02-01T00:00:00.000Z';
const ART = 'ab12cd34ef56';
const SHA = `${ART}${'0'.repeat(52)}`;

const article = (over: Partial<Article> = {}): Article => ({
  id: ART,
  title: 'Суд отказал',
  url: null,
  publisher: null,
  publishedAt: null,
  lang: 'ru',
  sha256: SHA,
  sourceExt: 'txt',
  sourceName: null,
  textSha256: '1'.repeat(64),
  textLength: 20,
  importedAt: T0,
  tags: [],
  note: '',
  ...over,
});

const fact = (suffix: string, over: Partial<Fact> = {}): Fact => ({
  id: `${ART}-${suffix}`,
  articleId: ART,
  anchor: { exact: 'Суд отказал', prefix: '', suffix: '', start: 0, end: 11 },
  type: 'statement',
  date: null,
  people: [],
  places: [],
  organizations: [],
  tags: [],
  note: '',
  createdAt: T0,
  updatedAt: T0,
  roles: {},
  createdBy: 'AAAA',
  updatedBy: 'AAAA',
  ...over,
});

const kase = (over: Partial<Case> = {}): Case => ({
  id: 'c-abcde',
  title: 'Жәкішев ісі',
  summary: 'first',
  factIds: [],
  status: 'open',
  createdAt: T0,
  ...over,
});

const person = (over: Partial<Entity> = {}): Entity => ({
  id: 'e-abcd1234',
  kind: 'person',
  name: 'Мұхтар Жәкішев',
  aliases: [],
  ...over,
});

function local(facts: Fact[], parts: { cases?: Case[]; entities?: Entity[]; synced?: Record<string, string> } = {}) {
  const meta = emptyArchiveFile(T0, 256);
  meta.cases = parts.cases ?? [];
  meta.entities = parts.entities ?? [];
  meta.team = { ...emptyTeam(), synced: parts.synced ?? {} };
  return {
    meta,
    facts: new Map(facts.map((f) => [f.id, f])),
    articles: new Map([[ART, article()]]),
  } satisfies LocalState;
}

const bundle = (over: Partial<Bundle>): Bundle => ({
  format: BUNDLE_FORMAT,
  version: BUNDLE_VERSION,
  createdAt: T1,
  sender: {
    name: 'Bolat',
    fingerprint: 'BBBB',
    signKey: `${'A'.repeat(43)}=`,
    recipient: 'age1xpcapfm5sfyth6zhhppeyu8e509s62x80alfnny6whjwtw730qjsdjvfms',
  },
  to: [],
  cases: [],
  facts: [],
  deleted: [],
  articles: [],
  entities: [],
  tags: [],
  factTypes: [],
  bases: {},
  files: {},
  ...over,
});

let n = 0;
const ctx = { bundleSha: 'f'.repeat(64), now: T1, newConflictId: () => `k-${++n}` };

describe('a fact deleted on one side and edited on the other', () => {
  const base = fact('aaaaaa', { note: 'as exchanged' });
  const edited = fact('aaaaaa', { note: 'edited', updatedAt: T1, updatedBy: 'BBBB' });

  it('deleted here, edited there: a conflict with both versions (ours null), nothing written', () => {
    const m = mergeBundle(
      local([], { synced: { [keys.fact(base.id)]: hashOf(base) } }),
      bundle({ facts: [edited] }),
      ctx,
    );
    expect(m.putFacts).toEqual([]);
    expect(m.changes).toEqual([expect.objectContaining({ action: 'conflict', kind: 'fact', id: base.id })]);
    expect(m.meta.team!.conflicts).toEqual([
      expect.objectContaining({ kind: 'fact', subject: base.id, local: null, theirs: edited }),
    ]);
  });

  it('deleted here, unchanged there: it stays deleted, no conflict', () => {
    const m = mergeBundle(
      local([], { synced: { [keys.fact(base.id)]: hashOf(base) } }),
      bundle({ facts: [base] }),
      ctx,
    );
    expect(m.putFacts).toEqual([]);
    expect(m.changes).toEqual([]);
  });

  it('edited here, deleted there: a conflict (theirs null), ours kept', () => {
    const m = mergeBundle(local([edited]), bundle({ deleted: [{ id: base.id, base: hashOf(base) }] }), ctx);
    expect(m.deleteFacts).toEqual([]);
    expect(m.meta.team!.conflicts).toEqual([
      expect.objectContaining({ kind: 'fact', subject: base.id, local: edited, theirs: null }),
    ]);
  });

  it('unchanged here, deleted there: deleted, and out of its cases', () => {
    const c = kase({ factIds: [base.id] });
    const m = mergeBundle(
      local([base], { cases: [c] }),
      bundle({ deleted: [{ id: base.id, base: hashOf(base) }] }),
      ctx,
    );
    expect(m.deleteFacts).toEqual([base.id]);
    expect(m.meta.cases[0]!.factIds).toEqual([]);
    expect(m.meta.team!.conflicts).toEqual([]);
  });
});

describe("a case's summary and order", () => {
  const f1 = fact('aaaaa1');
  const f2 = fact('aaaaa2');
  const f3 = fact('aaaaa3');
  const common = kase({ factIds: [f1.id, f2.id, f3.id] });
  const synced = {
    [keys.caseTitle(common.id)]: hashOf(common.title),
    [keys.caseSummary(common.id)]: hashOf(common.summary),
    [keys.caseOrder(common.id)]: hashOf(common.factIds),
  };
  const facts = [f1, f2, f3];

  it('summary changed on both sides: listed with both, ours kept', () => {
    const m = mergeBundle(
      local(facts, { cases: [{ ...common, summary: 'ours' }], synced }),
      bundle({ cases: [{ ...common, summary: 'theirs' }], facts }),
      ctx,
    );
    expect(m.meta.cases[0]!.summary).toBe('ours');
    expect(m.changes).toContainEqual(expect.objectContaining({ action: 'conflict', kind: 'case', id: common.id }));
    expect(m.meta.team!.conflicts).toEqual([
      expect.objectContaining({ kind: 'case-summary', subject: common.id, local: 'ours', theirs: 'theirs' }),
    ]);
  });

  it('summary changed on their side only: theirs taken, nothing listed', () => {
    const m = mergeBundle(
      local(facts, { cases: [common], synced }),
      bundle({ cases: [{ ...common, summary: 'theirs' }], facts }),
      ctx,
    );
    expect(m.meta.cases[0]!.summary).toBe('theirs');
    expect(m.meta.team!.conflicts).toEqual([]);
  });

  it('order changed on both sides, differently: listed with both orders, ours kept', () => {
    const ours = [f3.id, f1.id, f2.id];
    const theirs = [f2.id, f1.id, f3.id];
    const m = mergeBundle(
      local(facts, { cases: [{ ...common, factIds: ours }], synced }),
      bundle({ cases: [{ ...common, factIds: theirs }], facts }),
      ctx,
    );
    expect(m.meta.cases[0]!.factIds).toEqual(ours);
    expect(m.meta.team!.conflicts).toEqual([
      expect.objectContaining({ kind: 'case-order', subject: common.id, local: ours, theirs }),
    ]);
  });

  it('order changed on their side only: theirs taken', () => {
    const theirs = [f2.id, f1.id, f3.id];
    const m = mergeBundle(
      local(facts, { cases: [common], synced }),
      bundle({ cases: [{ ...common, factIds: theirs }], facts }),
      ctx,
    );
    expect(m.meta.cases[0]!.factIds).toEqual(theirs);
    expect(m.meta.team!.conflicts).toEqual([]);
  });
});

/**
 * Ids are random (storage/ids.ts: a fact is its article's id and 6 base-36 characters, an entity 8, a case 5)
 * or an article's source hash, so two archives can draw the same id for two things: that is refused.
 */
describe('an id naming different things in two archives', () => {
  const refused = (run: () => unknown) => {
    let err: unknown;
    try {
      run();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AqiqatError);
    expect((err as AqiqatError).code).toBe('team.id-clash');
  };

  it('a fact of another creation time or creator', () => {
    const mine = fact('cccccc');
    refused(() => mergeBundle(local([mine]), bundle({ facts: [{ ...mine, createdAt: T1 }] }), ctx));
    refused(() => mergeBundle(local([mine]), bundle({ facts: [{ ...mine, createdBy: 'BBBB' }] }), ctx));
  });

  it('a case of another creation time', () => {
    refused(() => mergeBundle(local([], { cases: [kase()] }), bundle({ cases: [kase({ createdAt: T1 })] }), ctx));
  });

  it('an article of other bytes', () => {
    refused(() => mergeBundle(local([]), bundle({ articles: [article({ sha256: `${ART}${'9'.repeat(52)}` })] }), ctx));
  });

  it('an entity of another kind, or never exchanged and with no name in common', () => {
    const mine = person();
    refused(() =>
      mergeBundle(local([], { entities: [mine] }), bundle({ entities: [{ ...mine, kind: 'place' }] }), ctx),
    );
    refused(() =>
      mergeBundle(local([], { entities: [mine] }), bundle({ entities: [{ ...mine, name: 'Роза Тулетаева' }] }), ctx),
    );
  });

  it('the same entity renamed after an exchange is not a clash: the new name becomes an alias', () => {
    const mine = person();
    const m = mergeBundle(
      local([], { entities: [mine], synced: { [keys.entity(mine.id)]: hashOf(mine) } }),
      bundle({ entities: [{ ...mine, name: 'Mukhtar Zhakishev' }] }),
      ctx,
    );
    expect(m.meta.entities).toEqual([{ ...mine, aliases: ['Mukhtar Zhakishev'] }]);
  });

  it('the same entity never exchanged but with a name in common (across scripts) is the same', () => {
    const mine = person();
    const m = mergeBundle(
      local([], { entities: [mine] }),
      bundle({ entities: [{ ...mine, name: 'Мухтар Жакишев', aliases: ['Mukhtar Zhakishev'] }] }),
      ctx,
    );
    expect(m.meta.entities[0]!.aliases).toEqual(['Мухтар Жакишев', 'Mukhtar Zhakishev']);
  });
});

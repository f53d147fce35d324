/**
 * Teams over the real CLI: A shares to B, B changes and shares back, A receives; --since; bad bundles refused,
 * nothing written. The three archives, their keys and A's first bundle to B are made once (fifteen CLI runs)
 * and copied per test. Timeouts allow for a loaded machine: a CLI run takes 2–4 s there.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, tempDir } from '../../helpers.js';
import { aqiqat, expectOneLineError } from '../../cli-driver.js';

/** The archive's files but backups/: every open takes a snapshot there, whatever the command does after. */
const files = async (dir: string) => new Map([...(await snapshot(dir))].filter(([k]) => !k.startsWith('backups/')));

const TEXT = 'Суд отказал Жәкішеву в УДО. Өскемен колониясы находится далеко.\n';
const json = (args: string[]) => {
  const r = aqiqat([...args, '--json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

async function makePair() {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'aqiqat-team-pair-'));
  const A = ['--archive', path.join(scratch, 'a')];
  const B = ['--archive', path.join(scratch, 'b')];
  const C = ['--archive', path.join(scratch, 'c')];
  for (const X of [A, B, C]) {
    expect(aqiqat([...X, 'init']).code).toBe(0);
    expect(aqiqat([...X, 'identity']).code).toBe(0);
  }
  for (const [X, name] of [
    [A, 'a'],
    [B, 'b'],
  ] as const)
    expect(aqiqat([...X, 'identity', 'export', '--contact', '--out', path.join(scratch, `${name}.key`)]).code).toBe(0);
  expect(aqiqat([...A, 'contact', 'add', 'Bolat', path.join(scratch, 'b.key')]).code).toBe(0);
  expect(aqiqat([...B, 'contact', 'add', 'Aigul', path.join(scratch, 'a.key')]).code).toBe(0);
  await writeFile(path.join(scratch, 'art.txt'), TEXT);
  const article = json([...A, 'import', path.join(scratch, 'art.txt')])[0].article.id as string;
  const fact = json([...A, 'fact', 'add', '--article', article, '--quote', 'Суд отказал', '--person', 'Мұхтар Жәкішев'])
    .id as string;
  const kase = json([...A, 'case', 'create', 'Жәкішев ісі']).id as string;
  expect(aqiqat([...A, 'case', 'add-fact', kase, fact]).code).toBe(0);
  // A's first bundle to B, not yet received: every test starts from it
  expect(aqiqat([...A, 'share', kase, '--to', 'Bolat', '--out', path.join(scratch, 'to-b.age')]).code).toBe(0);
  return { scratch, A, B, C, article, fact, kase };
}

type Pair = Awaited<ReturnType<typeof makePair>>;
let made: Pair;
beforeAll(async () => {
  made = await makePair();
}, 240_000);
afterAll(() => made && rm(made.scratch, { recursive: true, force: true }));

/** The archives as made, in a fresh folder of this test's own. */
async function pair(): Promise<Pair> {
  const scratch = await tempDir();
  await cp(made.scratch, scratch, { recursive: true });
  const at = (name: string) => ['--archive', path.join(scratch, name)];
  return { ...made, scratch, A: at('a'), B: at('b'), C: at('c') };
}

describe('teams', () => {
  it('shares a case to B, merges what B changed back into A with the one conflict listed, and a repeat changes nothing', async () => {
    const { scratch, A, B, article, fact, kase } = await pair();
    const b1 = path.join(scratch, 'to-b.age');
    // no plaintext word of the case in the bundle
    const raw = await readFile(b1);
    for (const word of ['Суд', 'Жәкішев', 'Өскемен', 'statement', 'aqiqat-bundle'])
      expect(raw.includes(Buffer.from(word))).toBe(false);
    const plan = json([...B, 'receive', b1, '--plan']);
    expect(plan.changes.map((c: { kind: string }) => c.kind).sort()).toEqual(['article', 'case', 'entity', 'fact']);
    expect(json([...B, 'facts'])).toEqual([]);
    json([...B, 'receive', b1]);
    expect(json([...B, 'facts']).map((f: { id: string }) => f.id)).toEqual([fact]);
    expect(await readFile(path.join(scratch, 'b', 'sources', `${json([...B, 'articles'])[0].sha256}.txt`))).toEqual(
      Buffer.from(TEXT),
    );

    // B: a new fact, an edit, a merged person; A edits the same fact
    const added = json([
      ...B,
      'fact',
      'add',
      '--article',
      article,
      '--quote',
      'Өскемен колониясы',
      '--person',
      'Жәкішев М.',
    ]).id;
    expect(aqiqat([...B, 'case', 'add-fact', kase, added]).code).toBe(0);
    expect(aqiqat([...B, 'fact', 'edit', fact, '--note', 'B: checked with the lawyer']).code).toBe(0);
    expect(aqiqat([...B, 'entity', 'merge', 'Мұхтар Жәкішев', 'Жәкішев М.']).code).toBe(0);
    expect(aqiqat([...A, 'fact', 'edit', fact, '--note', 'A: from the court record']).code).toBe(0);
    const a1 = path.join(scratch, 'to-a.age');
    expect(aqiqat([...B, 'share', kase, '--to', 'Aigul', '--out', a1]).code).toBe(0);
    const r = json([...A, 'receive', a1]);
    expect(r.signer.contact).toBe('Bolat');
    const facts = json([...A, 'facts']);
    expect(facts.map((f: { id: string }) => f.id).sort()).toEqual([fact, added].sort());
    expect(facts.find((f: { id: string }) => f.id === added).people).toEqual(['Мұхтар Жәкішев']);
    expect(facts.find((f: { id: string }) => f.id === fact).note).toBe('A: from the court record');
    expect(json([...A, 'case', 'show', kase]).facts.length).toBe(2);
    const conflicts = json([...A, 'conflicts']);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'fact', subject: fact });
    expect(conflicts[0].local.note).toBe('A: from the court record');
    expect(conflicts[0].theirs.note).toBe('B: checked with the lawyer');
    expect(conflicts[0].theirs.updatedBy).toBe(json([...B, 'identity']).fingerprint);

    // a third receive of either bundle changes nothing
    const before = await snapshot(path.join(scratch, 'a'));
    expect(json([...A, 'receive', a1]).already).toBe(true);
    expect(json([...B, 'receive', b1]).already).toBe(true);
    expect(await snapshot(path.join(scratch, 'a'))).toEqual(before);

    // resolved: theirs
    expect(aqiqat([...A, 'conflict', 'resolve', conflicts[0].id, '--keep', 'theirs']).code).toBe(0);
    expect(json([...A, 'facts']).find((f: { id: string }) => f.id === fact).note).toBe('B: checked with the lawyer');
    expect(json([...A, 'conflicts'])).toEqual([]);
    const log = json([...A, 'log']) as { action: string; sha256?: string }[];
    expect(log.some((e) => e.action === 'bundle-received' && e.sha256 === r.sha256)).toBe(true);
    expect(aqiqat([...A, 'verify']).code).toBe(0);
  }, 240_000);

  it('refuses a flipped byte, a bundle for someone else, a wrong passphrase, a truncated one, a non-bundle and an unknown signer: one line, nothing written', async () => {
    const { scratch, A, B, C, kase } = await pair();
    const b1 = path.join(scratch, 'to-b.age');
    const bytes = await readFile(b1);
    const cases: Array<[string, Buffer, RegExp, string[]]> = [];
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 100]! ^= 1;
    cases.push(['flipped', flipped, /damaged or cut short/, B]);
    cases.push(['truncated', bytes.subarray(0, bytes.length - 40), /damaged or cut short/, B]);
    cases.push(['plain', Buffer.from('not a bundle'), /not an Aqiqat bundle/, B]);
    cases.push(['other', bytes, /this bundle is not for this archive/, C]);
    for (const [name, data, pattern, X] of cases) {
      const file = path.join(scratch, `${name}.age`);
      await writeFile(file, data);
      const dir = X[1]!;
      const before = await files(dir);
      expectOneLineError(aqiqat([...X, 'receive', file]), pattern);
      expect(await files(dir)).toEqual(before);
    }
    const pb = path.join(scratch, 'pass.age');
    const env = { AQIQAT_BUNDLE_PASSPHRASE: 'бір екі үш төрт бес' };
    expect(aqiqat([...A, 'share', kase, '--passphrase', '--out', pb], { env }).code).toBe(0);
    const before = await files(C[1]!);
    expectOneLineError(
      aqiqat([...C, 'receive', pb, '--passphrase', '--accept-unknown'], { env: { AQIQAT_BUNDLE_PASSPHRASE: 'wrong' } }),
      /wrong passphrase/,
    );
    expectOneLineError(aqiqat([...C, 'receive', pb]), /encrypted with a passphrase/, 2);
    expectOneLineError(aqiqat([...C, 'receive', pb, '--passphrase'], { env }), /unknown signer [A-Z2-7 ]+/);
    expect(await files(C[1]!)).toEqual(before);
    expect(
      JSON.parse(aqiqat([...C, 'receive', pb, '--passphrase', '--accept-unknown', '--json'], { env }).stdout).changes
        .length,
    ).toBeGreaterThan(0);
  }, 240_000);
  it('--since an earlier bundle sends only what changed since; an unknown earlier bundle is refused', async () => {
    const { scratch, A, B, article, fact, kase } = await pair();
    const b1 = path.join(scratch, 'to-b.age');
    json([...B, 'receive', b1]);
    const same = json([...A, 'share', kase, '--to', 'Bolat', '--since', b1, '--out', path.join(scratch, 'same.age')]);
    expect(same).toMatchObject({ cases: 1, facts: 0, articles: 0, entities: 0 });

    expect(aqiqat([...A, 'fact', 'edit', fact, '--note', 'A: the date is confirmed']).code).toBe(0);
    const added = json([
      ...A,
      'fact',
      'add',
      '--article',
      article,
      '--quote',
      'Өскемен колониясы',
      '--place',
      'Өскемен',
    ]).id;
    expect(aqiqat([...A, 'case', 'add-fact', kase, added]).code).toBe(0);
    const b2 = path.join(scratch, 'second.age');
    const second = json([...A, 'share', kase, '--to', 'Bolat', '--since', b1, '--out', b2]);
    // the edited fact and the new one, the new place; not the article nor the person B already has
    expect(second).toMatchObject({ cases: 1, facts: 2, articles: 0, entities: 1 });
    const r = json([...B, 'receive', b2]);
    expect(
      r.changes
        .filter((c: { kind: string }) => c.kind === 'fact')
        .map((c: { action: string }) => c.action)
        .sort(),
    ).toEqual(['add', 'update']);
    const facts = json([...B, 'facts']);
    expect(facts.find((f: { id: string }) => f.id === fact).note).toBe('A: the date is confirmed');
    expect(facts.map((f: { id: string }) => f.id).sort()).toEqual([fact, added].sort());
    expect(json([...B, 'conflicts'])).toEqual([]);

    // a bundle this archive did not write (B's receive of it, or any file) cannot be the base
    const foreign = path.join(scratch, 'foreign.age');
    expect(aqiqat([...B, 'share', kase, '--to', 'Aigul', '--out', foreign]).code).toBe(0);
    expectOneLineError(
      aqiqat([...A, 'share', kase, '--to', 'Bolat', '--since', foreign, '--out', path.join(scratch, 'x.age')]),
      /is not a bundle this archive shared/,
    );
  }, 240_000);
});

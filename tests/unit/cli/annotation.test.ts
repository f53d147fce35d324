import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aqiqat, expectOneLineError } from '../cli-driver.js';
import { SEED_ARTICLE, tempDir } from '../helpers.js';

const run = (dir: string, args: string[]) => aqiqat(['--archive', dir, ...args]);
const json = (dir: string, args: string[]) => {
  const r = run(dir, [...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

async function seeded() {
  const dir = path.join(await tempDir(), 'a');
  expect(run(dir, ['init']).code).toBe(0);
  const [{ article }] = json(dir, ['import', SEED_ARTICLE, '--published', '2020-10-20']);
  return { dir, id: article.id as string };
}

describe('aqiqat entity / tag / case / fact edit', () => {
  it('entity add, list, merge, rename with --json', async () => {
    const { dir, id } = await seeded();
    const a = json(dir, ['entity', 'add', 'Мұхтар Жәкішев', '--kind', 'person', '--alias', 'Mukhtar Dzhakishev']);
    expect(Object.keys(a).sort()).toEqual(['aliases', 'id', 'kind', 'name']);
    expect(a).toMatchObject({ kind: 'person', name: 'Мұхтар Жәкішев', aliases: ['Mukhtar Dzhakishev'] });
    const b = json(dir, ['entity', 'add', 'Мухтар Джакишев', '--kind', 'person']);
    const fact = json(dir, [
      'fact',
      'add',
      '--article',
      id,
      '--quote',
      '2009 жылы 14 жылға сотталған',
      '--person',
      'Мухтар Джакишев',
      '--role',
      'Мухтар Джакишев=victim',
    ]);
    expect(fact.roles).toEqual({ 'Мухтар Джакишев': 'victim' });
    const merged = json(dir, ['entity', 'merge', 'Mukhtar Dzhakishev', b.id]);
    expect(merged).toMatchObject({ id: a.id, aliases: ['Mukhtar Dzhakishev', 'Мухтар Джакишев'] });
    expect(json(dir, ['entity', 'list']).map((e: { id: string }) => e.id)).toEqual([a.id]);
    expect(json(dir, ['facts'])[0]).toMatchObject({
      people: ['Мұхтар Жәкішев'],
      roles: { 'Мұхтар Жәкішев': 'victim' },
    });
    expect(json(dir, ['entity', 'rename', a.id, 'Mukhtar Zhakishev'])).toMatchObject({ name: 'Mukhtar Zhakishev' });
    expect(run(dir, ['entity', 'list']).stdout).toMatch(new RegExp(`^${a.id}  person +Mukhtar Zhakishev  \\(`));
    expectOneLineError(run(dir, ['entity', 'merge', 'Nobody', a.id]), /Nobody/);
    expect(run(dir, ['entity', 'add', 'X', '--kind', 'planet']).code).toBe(2);
  });

  it('tag list, rename, merge', async () => {
    const { dir, id } = await seeded();
    json(dir, [
      'fact',
      'add',
      '--article',
      id,
      '--quote',
      '2009 жылы 14 жылға сотталған',
      '--tag',
      'violations/unfair-trial',
    ]);
    json(dir, [
      'fact',
      'add',
      '--article',
      id,
      '--quote',
      'Оның наразылық шарасы 4 қазанда басталған.',
      '--tag',
      'actions/picket',
    ]);
    const tree = json(dir, ['tag', 'list']);
    expect(tree.map((n: { path: string; total: number }) => [n.path, n.total])).toEqual([
      ['actions', 1],
      ['violations', 1],
    ]);
    expect(json(dir, ['tag', 'rename', 'violations', 'abuses'])).toEqual({
      from: 'violations',
      to: 'abuses',
      facts: 1,
      articles: 0,
    });
    expect(json(dir, ['tag', 'merge', 'actions', 'abuses'])).toMatchObject({ from: 'actions', to: 'abuses', facts: 1 });
    expect(run(dir, ['tag', 'list']).stdout).toBe(
      'abuses  2\n  picket  1 (1 facts, 0 articles here)\n  unfair-trial  1 (1 facts, 0 articles here)\n',
    );
    expect(run(dir, ['tag', 'merge', 'abuses', 'nowhere']).code).toBe(1);
  });

  it('case create, add-fact, show in timeline order, remove-fact, list; fact edit', async () => {
    const { dir, id } = await seeded();
    const f1 = json(dir, [
      'fact',
      'add',
      '--article',
      id,
      '--quote',
      'Оның наразылық шарасы 4 қазанда басталған.',
      '--type',
      'protest',
      '--date',
      '2020-10-04',
    ]);
    const f2 = json(dir, [
      'fact',
      'add',
      '--article',
      id,
      '--quote',
      '2009 жылы 14 жылға сотталған',
      '--type',
      'sentence',
      '--date',
      '2009',
    ]);
    const c = json(dir, ['case', 'create', 'Жәкішев ісі', '--summary', 'Sentenced in 2009.']);
    expect(c).toMatchObject({ title: 'Жәкішев ісі', summary: 'Sentenced in 2009.', facts: [] });
    expect(c.id).toMatch(/^c-[0-9a-z]{5}$/);
    json(dir, ['case', 'add-fact', 'Жәкішев ісі', f1.id, f2.id]);
    const shown = json(dir, ['case', 'show', c.id]);
    for (const k of ['id', 'title', 'summary', 'facts']) expect(shown).toHaveProperty(k);
    expect(shown.facts.map((f: { id: string }) => f.id)).toEqual([f2.id, f1.id]);
    expect(run(dir, ['case', 'show', c.id]).stdout).toMatch(/2009 +sentence[\s\S]*4 October 2020 +protest/);
    expect(json(dir, ['case', 'list'])).toEqual([expect.objectContaining({ id: c.id, facts: [f1.id, f2.id] })]);
    json(dir, ['case', 'remove-fact', c.id, f1.id]);
    expect(json(dir, ['case', 'show', c.id]).facts).toHaveLength(1);

    const edited = json(dir, [
      'fact',
      'edit',
      f2.id,
      '--date',
      '2009-08',
      '--approximate',
      '--type',
      'trial',
      '--person',
      'Мұхтар Жәкішев',
      '--role',
      'Мұхтар Жәкішев=victim',
    ]);
    expect(edited).toMatchObject({
      id: f2.id,
      type: 'trial',
      date: { value: '2009-08', precision: 'month', approximate: true },
      people: ['Мұхтар Жәкішев'],
      roles: { 'Мұхтар Жәкішев': 'victim' },
    });
    expect(json(dir, ['fact', 'edit', f2.id, '--date', 'none']).date).toBeNull();
    expect(run(dir, ['fact', 'edit', f2.id, '--role', 'nobody']).code).toBe(2);
    expect(run(dir, ['fact', 'edit', f2.id, '--date', '2009-13']).code).toBe(2);
    expect(run(dir, ['case', 'show', 'nope']).stderr).toBe('aqiqat: no case "nope"; see `aqiqat case list`\n');
  });
});

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { aqiqat, expectOneLineError } from '../cli-driver.js';

describe('aqiqat search and reindex', () => {
  it('finds the sample article by a Latin spelling, with filters, --limit and --json', async () => {
    const dir = path.join(await tempDir(), 'demo');
    expect(aqiqat(['--archive', dir, 'init', '--sample']).code).toBe(0);
    const hits = JSON.parse(aqiqat(['--archive', dir, 'search', 'Zhakishev', '--json']).stdout) as Array<
      Record<string, unknown>
    >;
    expect(hits.length).toBeGreaterThan(1);
    for (const h of hits)
      expect(Object.keys(h)).toEqual(
        expect.arrayContaining(['kind', 'id', 'articleId', 'score', 'snippet', 'title', 'highlights']),
      );
    const facts = JSON.parse(
      aqiqat(['--archive', dir, 'search', 'Zhakishev', '--kind', 'fact', '--type', 'parole-denied', '--json']).stdout,
    );
    expect(facts).toHaveLength(1);
    expect(facts[0].snippet).toContain('Өскемендегі');
    const one = JSON.parse(aqiqat(['--archive', dir, 'search', 'Жәкіш*', '--limit', '1', '--json']).stdout);
    expect(one).toHaveLength(1);
    const human = aqiqat(['--archive', dir, 'search', 'Oskemen', '--place', 'Өскемен']);
    expect(human.stdout).toMatch(/\[Өскемендегі\]/);
    expect(
      JSON.parse(aqiqat(['--archive', dir, 'search', 'Zhakishev', '--published-from', '2021', '--json']).stdout),
    ).toEqual([]);
  });

  it('reindexes with progress on stderr, and refuses bad filters in one line', async () => {
    const dir = path.join(await tempDir(), 'demo');
    expect(aqiqat(['--archive', dir, 'init', '--sample']).code).toBe(0);
    const r = aqiqat(['--archive', dir, 'reindex']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/indexed 1 of 1 articles/);
    expect(r.stdout).toMatch(/search index rebuilt: \d+ articles and facts/);
    expectOneLineError(
      aqiqat(['--archive', dir, 'search', 'x', '--event-from', 'yesterday']),
      /--event-from: a date is YYYY/,
      2,
    );
    expectOneLineError(aqiqat(['--archive', dir, 'search', 'x', '--lang', 'xx']), /--lang/, 2);
    expectOneLineError(aqiqat(['--archive', dir, 'search', 'x', '--person', 'Nobody']), /no person named "Nobody"/);
    expectOneLineError(aqiqat(['--archive', dir, 'search', 'ж*']), /too short for a prefix/, 2);
    expectOneLineError(aqiqat(['--archive', dir, 'search', 'сөз '.repeat(400)]), /at most 1000/, 2);
  });

  it('rebuilds a corrupt index file without a word to the user', async () => {
    const dir = path.join(await tempDir(), 'demo');
    expect(aqiqat(['--archive', dir, 'init', '--sample']).code).toBe(0);
    expect(aqiqat(['--archive', dir, 'search', 'x']).code).toBe(0);
    await writeFile(path.join(dir, 'index', 'search.idx'), Buffer.from([0, 1, 2, 3]));
    const r = aqiqat(['--archive', dir, 'search', 'Dzhakishev', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(0);
  });
});

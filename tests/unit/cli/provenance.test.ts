/** Source types, capture records and fact status through the real CLI: round trips, filters, dossier, refusals. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aqiqat, expectOneLineError } from '../cli-driver.js';
import { SEED_ARTICLE, snapshot, tempDir } from '../helpers.js';

const run = (dir: string, args: string[]) => aqiqat(['--archive', dir, ...args]);
const json = (dir: string, args: string[]) => {
  const r = run(dir, [...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

const COURT = 'The Oskemen city court refused parole to Mukhtar Dzhakishev on 16 September 2020.\n';

/** Two articles of different sources: the sample news article and a court decision. */
async function twoSources() {
  const root = await tempDir();
  const dir = path.join(root, 'a');
  expect(run(dir, ['init']).code).toBe(0);
  const [{ article: news }] = json(dir, ['import', SEED_ARTICLE, '--source-type', 'news']);
  const courtFile = path.join(root, 'decision.txt');
  await writeFile(courtFile, COURT);
  const [{ article: court }] = json(dir, ['import', courtFile]);
  return { dir, news: news.id as string, court: court.id as string };
}

describe('source type and capture record', () => {
  it('round-trip through article edit and show --json; the machine-recorded file time is kept apart', async () => {
    const { dir, news, court } = await twoSources();
    expect(json(dir, ['show', news])).toMatchObject({ sourceType: 'news' });
    const shown = json(dir, ['show', court]);
    expect(shown.sourceType).toBeUndefined();
    expect(shown.capture.machine.fileModifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const edited = json(dir, [
      'article',
      'edit',
      court.slice(0, 6),
      '--source-type',
      'court-document',
      '--captured-by',
      'Aigerim N.',
      '--captured-at',
      '2020-09-17T10:30+06:00',
      '--capture-tool',
      'flatbed scanner',
      '--original-url',
      'https://sud.gov.kz/decision/1',
      '--acquired-from',
      'usb',
      '--acquired-note',
      'from the defence lawyer',
      '--copy',
    ]);
    expect(edited).toMatchObject({
      sourceType: 'court-document',
      capture: {
        asserted: {
          capturedBy: 'Aigerim N.',
          capturedAt: '2020-09-17T10:30+06:00',
          tool: 'flatbed scanner',
          originalUrl: 'https://sud.gov.kz/decision/1',
          acquiredFrom: 'usb',
          acquiredNote: 'from the defence lawyer',
          original: false,
        },
        machine: { fileModifiedAt: shown.capture.machine.fileModifiedAt },
      },
    });
    expect(json(dir, ['show', court])).toMatchObject({ sourceType: 'court-document', capture: edited.capture });
    // "none" clears; the rest stays
    const cleared = json(dir, ['article', 'edit', court, '--captured-by', 'none', '--original']);
    expect(cleared.capture.asserted.capturedBy).toBeUndefined();
    expect(cleared.capture.asserted).toMatchObject({ original: true, tool: 'flatbed scanner' });
    expect(run(dir, ['show', court]).stdout).toMatch(/file time: +\S+ \(machine-recorded\)/);

    const log = json(dir, ['log']) as Array<{ action: string; articleId?: string; summary?: string }>;
    const edits = log.filter((e) => e.action === 'article-updated' && e.articleId === court);
    expect(edits).toHaveLength(2);
    expect(edits[0]!.summary).toMatch(/sourceType court-document.*capturedBy Aigerim N\./);
    expect(edits[1]!.summary).toMatch(/capturedBy \(cleared\)/);
  });

  it('refuses bad values and machine-recorded fields with one line, writing nothing', async () => {
    const { dir, court } = await twoSources();
    const before = await snapshot(dir);
    expectOneLineError(run(dir, ['article', 'edit', court, '--captured-at', '2020-02-30']), /capture time/, 2);
    expectOneLineError(run(dir, ['article', 'edit', court, '--source-type', 'blog']), /blog/, 2);
    expectOneLineError(run(dir, ['article', 'edit', court, '--acquired-from', 'pigeon']), /pigeon/, 2);
    expectOneLineError(run(dir, ['article', 'edit', court, '--original', '--copy']), /contradict/, 2);
    expectOneLineError(run(dir, ['article', 'edit', court]), /nothing to change/, 2);
    expectOneLineError(run(dir, ['import', SEED_ARTICLE, '--source-type', 'rumour']), /rumour/, 2);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a hand-edited shard with an unknown source type is refused in one line, and left as it is', async () => {
    const { dir, court } = await twoSources();
    const shards = path.join(dir, 'shards');
    const name = (await snapshot(shards)).keys();
    const file = [...name].find((n) => n.endsWith('.articles.json') && n.startsWith(court.slice(0, 2)))!;
    const text = await readFile(path.join(shards, file), 'utf8');
    const hacked = text.replace(`"id":"${court}"`, `"sourceType":"gossip","id":"${court}"`);
    expect(hacked).not.toBe(text);
    await writeFile(path.join(shards, file), hacked);
    expectOneLineError(run(dir, ['show', court]), /shard|sourceType|invalid/i);
    expect(await readFile(path.join(shards, file), 'utf8')).toBe(hacked);
  });
});

describe('fact status', () => {
  async function withFacts() {
    const s = await twoSources();
    const newsFact = json(s.dir, [
      'fact',
      'add',
      '--article',
      s.news,
      '--quote',
      'Өскемендегі сот Жәкішевтің шартты түрде босату туралы өтінішін қанағаттандырмай',
      '--type',
      'parole-denied',
    ]);
    const sameArticle = json(s.dir, ['fact', 'add', '--article', s.news, '--quote', 'бір адамдық пикет өткізді']);
    const courtFact = json(s.dir, [
      'fact',
      'add',
      '--article',
      s.court,
      '--quote',
      'refused parole to Mukhtar Dzhakishev',
      '--type',
      'parole-denied',
      '--status',
      'verified',
      '--verification-note',
      'decision seen in the court registry',
    ]);
    return { ...s, newsFact: newsFact.id as string, sameArticle: sameArticle.id as string, courtFact };
  }

  it('round-trips status, note and corroboration; delete unlinks; search filters by status and source type', async () => {
    const { dir, newsFact, courtFact } = await withFacts();
    expect(courtFact).toMatchObject({
      status: 'verified',
      verificationNote: 'decision seen in the court registry',
      corroboratedBy: [],
    });
    const edited = json(dir, ['fact', 'edit', newsFact, '--status', 'corroborated', '--corroborated-by', courtFact.id]);
    expect(edited).toMatchObject({ status: 'corroborated', corroboratedBy: [courtFact.id] });
    expect(json(dir, ['facts']).find((f: { id: string }) => f.id === newsFact)).toMatchObject(edited);
    expect(run(dir, ['facts']).stdout).toMatch(/\[corroborated\]/);

    const hits = (args: string[]) =>
      (json(dir, ['search', ...args]) as Array<{ kind: string; id: string }>).map((h) => `${h.kind}:${h.id}`).sort();
    expect(hits(['parole', '--kind', 'fact', '--status', 'verified'])).toEqual([`fact:${courtFact.id}`]);
    expect(hits(['Жәкішевтің', '--kind', 'fact', '--status', 'corroborated'])).toEqual([`fact:${newsFact}`]);
    expect(hits(['Жәкішевтің', '--kind', 'fact', '--status', 'disputed'])).toEqual([]);
    expect(hits(['пикет', '--kind', 'fact', '--status', 'unverified'])).toHaveLength(1);
    expect(hits(['refused', '--source-type', 'news'])).toEqual([]);
    expect(run(dir, ['article', 'edit', courtFact.articleId, '--source-type', 'court-document']).code).toBe(0);
    expect(hits(['refused', '--source-type', 'court-document', '--source-type', 'news'])).toEqual(
      [`article:${courtFact.articleId}`, `fact:${courtFact.id}`].sort(),
    );
    expectOneLineError(run(dir, ['search', 'x', '--status', 'maybe']), /--status/, 2);

    // deleting the corroborating fact takes it out of the other's list (audited)
    expect(run(dir, ['fact', 'delete', courtFact.id]).code).toBe(0);
    expect(json(dir, ['facts']).find((f: { id: string }) => f.id === newsFact).corroboratedBy).toEqual([]);
    const log = json(dir, ['log']) as Array<{ action: string; factId?: string }>;
    expect(log.at(-2)).toMatchObject({ action: 'fact-updated', factId: newsFact });
    expect(log.at(-1)).toMatchObject({ action: 'fact-deleted', factId: courtFact.id });
  });

  it('refuses verified without support, same-article and self links, in one line, writing nothing', async () => {
    const { dir, news, newsFact, sameArticle, courtFact } = await withFacts();
    const before = await snapshot(dir);
    const verified = run(dir, ['fact', 'edit', newsFact, '--status', 'verified']);
    expectOneLineError(verified, /needs a corroborating fact \(--corroborated-by FACT-ID\) or a verification note/, 2);
    expectOneLineError(
      run(dir, ['fact', 'add', '--article', news, '--quote', 'Тәуелсіздік монументі', '--status', 'verified']),
      /--verification-note/,
      2,
    );
    expectOneLineError(
      run(dir, ['fact', 'edit', newsFact, '--corroborated-by', sameArticle]),
      /same article: a corroborating fact must come from another source/,
      2,
    );
    expectOneLineError(run(dir, ['fact', 'edit', newsFact, '--corroborated-by', newsFact]), /itself/, 2);
    expectOneLineError(run(dir, ['fact', 'edit', newsFact, '--corroborated-by', `${news}-zzzzzz`]), /zzzzzz/);
    expectOneLineError(run(dir, ['fact', 'edit', newsFact, '--status', 'true']), /--status/, 2);
    // clearing the note of a verified fact that has no corroboration leaves it unsupported: refused too
    expectOneLineError(run(dir, ['fact', 'edit', courtFact.id, '--verification-note', '']), /verified needs/, 2);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a hand-edited fact with an unknown status is refused in one line', async () => {
    const { dir, courtFact } = await withFacts();
    const shards = path.join(dir, 'shards');
    const file = [...(await snapshot(shards)).keys()].find(
      (n) => n.endsWith('.facts.json') && n.startsWith(courtFact.articleId.slice(0, 2)),
    )!;
    const text = await readFile(path.join(shards, file), 'utf8');
    const hacked = text.replace('"status":"verified"', '"status":"probably"');
    expect(hacked).not.toBe(text);
    await writeFile(path.join(shards, file), hacked);
    expectOneLineError(run(dir, ['facts']), /shard|status|invalid/i);
  });

  it('the dossier shows statuses, corroboration, capture record and source types; CSV carries them', async () => {
    const { dir, news, court, newsFact, courtFact } = await withFacts();
    json(dir, ['fact', 'edit', newsFact, '--status', 'corroborated', '--corroborated-by', courtFact.id]);
    json(dir, ['article', 'edit', court, '--source-type', 'court-document', '--captured-by', 'Aigerim N.', '--copy']);
    const c = json(dir, ['case', 'create', 'Жәкішев ісі']);
    json(dir, ['case', 'add-fact', c.id, newsFact, courtFact.id]);
    const html = run(dir, ['dossier', c.id, '--format', 'html', '--out', '-', '--lang', 'en']).stdout;
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toMatch(/Corroborated .*Corroborated by facts: 2/);
    expect(text).toMatch(/Verified .*Verification: decision seen in the court registry/);
    expect(text).toMatch(/News report \[1\].*Court document \[2\]/);
    expect(text).toMatch(/Captured by Aigerim N\. .*Original or copy copy/);
    expect(text).toMatch(/File time \(machine-recorded\) \d{4}-/);
    expect(text).not.toMatch(/Every source of this dossier is a news report/);
    const ru = run(dir, ['dossier', c.id, '--format', 'html', '--out', '-', '--lang', 'ru']).stdout;
    expect(ru).toContain('Судебный документ');
    expect(ru).toContain('Подтверждён другими');

    // a case resting on news alone says so on its cover
    const newsOnly = json(dir, ['case', 'create', 'Only the press']);
    json(dir, ['case', 'add-fact', newsOnly.id, newsFact]);
    const kk = run(dir, ['dossier', newsOnly.id, '--format', 'html', '--out', '-', '--lang', 'kk']).stdout;
    expect(kk).toContain('Осы досьенің барлық дереккөзі — жаңалық хабарлары');
    expect(news).toBeTruthy();

    const csv = run(dir, ['export', '--format', 'csv', '--case', c.id]).stdout;
    const [cols, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
    const cell = (row: string[], name: string) => row[cols!.indexOf(name)];
    const courtRow = rows.find((r) => r[0] === courtFact.id)!;
    expect(cell(courtRow, 'status')).toBe('verified');
    expect(cell(courtRow, 'source_type')).toBe('court-document');
    expect(cell(courtRow, 'captured_by')).toBe('Aigerim N.');
    expect(cell(courtRow, 'original_or_copy')).toBe('copy');
    expect(
      cell(
        rows.find((r) => r[0] === newsFact)!,
        'corroborated_by',
      ),
    ).toBe(courtFact.id);
  });
});

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted && c === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && (c === '\n' || (c === '\r' && csv[i + 1] === '\n'))) {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (c === '\r') i++;
    } else {
      cell += c;
    }
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

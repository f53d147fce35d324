/**
 * Chain of custody: verify holds the metadata to the texts and to the audit log, the log's end to
 * audit.head; articles can be deleted, and every change of who is named where is logged.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { parseAudit } from '../../../../electron/core/protection/audit.js';
import { SEED_ARTICLE, tempDir } from '../../helpers.js';
import { aqiqatWith } from '../../cli-driver.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';

const PASS = 'custody test passphrase';

const aqiqat = aqiqatWith({ env: { AQIQAT_PASSPHRASE: PASS, AQIQAT_TEST_SCRYPT_LOG2N: '12' } });

const sha256 = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');

async function sampleArchive(encrypt = false): Promise<{ dir: string; A: string[] }> {
  const dir = path.join(await tempDir(), 'archive');
  expect(aqiqat(['--archive', dir, 'init', '--sample', ...(encrypt ? ['--encrypt'] : [])]).code).toBe(0);
  return { dir, A: ['--archive', dir] };
}

function verify(A: string[]): {
  code: number | null;
  report: {
    problems: Array<{ file: string; problem: string; detail: string }>;
    notes: string[];
    auditTornLines: number;
  };
} {
  const r = aqiqat([...A, 'verify', '--json']);
  return { code: r.code, report: JSON.parse(r.stdout) };
}

/** Read, change and write back the one facts or articles shard of the sample. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped on purpose: the tests plant what the schema refuses
async function editShard(dir: string, kind: 'facts' | 'articles', edit: (d: any) => void): Promise<void> {
  const name = (await readdir(path.join(dir, 'shards'))).find((n) => n.endsWith(`.${kind}.json`))!;
  const file = path.join(dir, 'shards', name);
  const d = JSON.parse(await readFile(file, 'utf8'));
  edit(d);
  await writeFile(file, JSON.stringify(d));
}

describe('verify holds the metadata to the texts and the audit log', () => {
  it('a quote planted in a shard, or moved off its text, is a problem', async () => {
    const { dir, A } = await sampleArchive();
    expect(verify(A).code).toBe(0);
    await editShard(dir, 'facts', (d) => {
      d.facts[0].anchor.exact = 'Жексебаев полицейлерге пара берді';
    });
    const planted = verify(A);
    expect(planted.code).toBe(1);
    expect(planted.report.problems).toEqual([
      expect.objectContaining({
        problem: 'quote',
        detail: expect.stringContaining('Жексебаев полицейлерге пара берді'),
      }),
    ]);
    await editShard(dir, 'facts', (d) => {
      const { exact } = d.facts[1].anchor;
      d.facts[0].anchor = {
        ...d.facts[1].anchor,
        start: d.facts[1].anchor.start + 1,
        end: d.facts[1].anchor.end + 1,
        exact,
      };
    });
    expect(verify(A).report.problems.map((p) => p.problem)).toEqual(['quote']);
  });

  it('a text and source rewritten with their hashes updated no longer match the audit log', async () => {
    const { dir, A } = await sampleArchive();
    const [article] = JSON.parse(aqiqat([...A, 'articles', '--json']).stdout);
    const text = (await readFile(path.join(dir, 'texts', `${article.textSha256}.txt`), 'utf8')).replaceAll(
      'Асхат Жексебаев',
      'Ерлан Подставной',
    );
    const source = Buffer.from(text);
    await writeFile(path.join(dir, 'texts', `${sha256(text)}.txt`), text);
    await writeFile(path.join(dir, 'sources', `${sha256(source)}.txt`), source);
    await editShard(dir, 'articles', (d) => {
      d.articles[0].sha256 = sha256(source);
      d.articles[0].textSha256 = sha256(text);
    });
    const r = aqiqat([...A, 'verify']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /metadata: shards\/\w\w\.articles\.json: article \w{12}: its id is not the one its source's SHA-256 [0-9a-f]{64} gives it/,
    );
    expect(r.stdout).toMatch(/its source SHA-256 \w{64} is not the \w{64} the audit log recorded/);
    expect(r.stdout).toMatch(/its text SHA-256 \w{64} is not the \w{64} the audit log recorded/);
  });

  it('an article no article-added line names is a problem', async () => {
    const { dir, A } = await sampleArchive();
    const log = path.join(dir, 'audit.log');
    const entries = parseAudit(await readFile(log, 'utf8')).entries;
    expect(entries.some((e) => e.action === 'article-added' && e.textSha256)).toBe(true);
    await editShard(dir, 'articles', (d) => {
      d.articles.push({ ...d.articles[0], id: 'ffffffffffff', sha256: 'f'.repeat(64), title: 'planted' });
    });
    expect(verify(A).report.problems.map((p) => p.detail)).toContainEqual(
      expect.stringMatching(/^article ffffffffffff has no article-added line in the audit log/),
    );
  });

  it('ids of deleted facts left in a case are told, not failed', async () => {
    const { dir, A } = await sampleArchive();
    const file = path.join(dir, 'archive.json');
    const meta = JSON.parse(await readFile(file, 'utf8'));
    const gone = `${meta.cases[0].factIds[0].split('-')[0]}-zzzzzz`;
    meta.cases[0].factIds.push(gone);
    await writeFile(file, JSON.stringify(meta));
    const r = verify(A);
    expect(r.code).toBe(0);
    expect(r.report.notes).toEqual([expect.stringContaining(gone)]);
    expect(JSON.parse(aqiqat([...A, 'case', 'show', meta.cases[0].id, '--json']).stdout).missing).toBe(1);
  });
});

describe('the end of the audit log is checked against audit.head', () => {
  const lines = async (dir: string) =>
    (await readFile(path.join(dir, 'audit.log'), 'utf8')).split('\n').filter(Boolean);
  const write = (dir: string, ls: string[], end = '\n') => writeFile(path.join(dir, 'audit.log'), ls.join('\n') + end);

  it('cutting the last line is found, and stays found after later changes', async () => {
    const { dir, A } = await sampleArchive();
    const all = await lines(dir);
    await write(dir, all.slice(0, -1));
    const cut = verify(A);
    expect(cut.code).toBe(1);
    expect(cut.report.problems).toEqual([
      expect.objectContaining({ problem: 'audit-end', detail: expect.stringMatching(/lines were cut from its end/) }),
    ]);
    expect(aqiqat([...A, 'entity', 'add', 'Later Person', '--kind', 'person']).code).toBe(0);
    const later = verify(A);
    expect(later.code).toBe(1);
    expect(later.report.problems[0]!.detail).toMatch(
      /the log was found not to end where audit\.head said: the log has \d+ lines/,
    );
  });

  it('a garbled last line is not taken for a crash, but a torn line after the head is', async () => {
    const { dir, A } = await sampleArchive();
    const all = await lines(dir);
    await write(dir, [...all.slice(0, -1), all.at(-1)!.slice(0, 30)], '');
    expect(verify(A).report.problems.map((p) => p.problem)).toContain('audit-end');
    await write(dir, all);
    await appendFile(path.join(dir, 'audit.log'), '{"seq":99,"at":"2026');
    const torn = verify(A);
    expect(torn.code).toBe(0);
    expect(torn.report.auditTornLines).toBe(1);
    expect(aqiqat([...A, 'verify']).stdout).toMatch(/intact \(1 line torn by a crash, marked so\)/);
  });

  it('a line appended after the head (a crash before the head was written) is accepted and told', async () => {
    const { dir, A } = await sampleArchive();
    const head = await readFile(path.join(dir, 'audit.head'));
    expect(aqiqat([...A, 'entity', 'add', 'Somebody', '--kind', 'person']).code).toBe(0);
    await writeFile(path.join(dir, 'audit.head'), head);
    const r = verify(A);
    expect(r.code).toBe(0);
    expect(r.report.notes).toEqual([expect.stringMatching(/1 line after the end audit\.head records/)]);
  });

  it('a deleted audit.log or audit.head, or a re-chained plain log without its head, is a problem', async () => {
    const { dir, A } = await sampleArchive();
    const log = await readFile(path.join(dir, 'audit.log'), 'utf8');
    await rm(path.join(dir, 'audit.log'));
    const noLog = verify(A)
      .report.problems.map((p) => p.detail)
      .join('\n');
    expect(noLog).toMatch(/the audit log is missing/);
    expect(noLog).toMatch(/lines were cut/);
    await writeFile(path.join(dir, 'audit.log'), log);
    await rm(path.join(dir, 'audit.head'));
    expect(verify(A).report.problems).toEqual([
      expect.objectContaining({ file: 'audit.head', detail: expect.stringMatching(/audit\.head is missing/) }),
    ]);
    // drop every case-fact-added line and chain the rest again, as a forger without the head would
    await writeFile(path.join(dir, 'audit.log'), log);
    const kept = log
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .filter((e) => e.action !== 'case-fact-added');
    let prev = '0'.repeat(64);
    const rechained = kept.map((e, i) => {
      const line = JSON.stringify({ ...e, seq: i + 1, prev });
      prev = sha256(line);
      return line;
    });
    await write(dir, rechained);
    aqiqat([...A, 'articles']); // only reads: the head is not rewritten by opening
    const r = verify(A);
    expect(r.code).toBe(1);
    expect(r.report.problems.map((p) => p.problem)).toContain('audit-end');
  });

  it('a log from an older version (no head, no head-started line) is told, and checked from its next change', async () => {
    const { dir, A } = await sampleArchive();
    const all = await lines(dir);
    expect(JSON.parse(all[0]!).action).toBe('audit-head-started');
    let prev = '0'.repeat(64);
    const legacy = all.slice(1).map((l, i) => {
      const line = JSON.stringify({ ...JSON.parse(l), seq: i + 1, prev });
      prev = sha256(line);
      return line;
    });
    await write(dir, legacy);
    await rm(path.join(dir, 'audit.head'));
    const old = verify(A);
    expect(old.code).toBe(0);
    expect(old.report.notes).toEqual([expect.stringMatching(/written by an older version and has no audit\.head yet/)]);
    expect(aqiqat([...A, 'entity', 'add', 'Somebody', '--kind', 'person']).code).toBe(0);
    const log = JSON.parse(aqiqat([...A, 'log', '--json']).stdout);
    expect(log.slice(-2).map((e: { action: string }) => e.action)).toEqual(['audit-head-missing', 'entity-added']);
    expect(verify(A).code).toBe(0);
    await rm(path.join(dir, 'audit.head'));
    expect(verify(A).report.problems).toEqual([
      expect.objectContaining({
        file: 'audit.head',
        detail: 'audit.head is missing, so the end of the log cannot be checked',
      }),
    ]);
  });

  it('in an encrypted archive the head is sealed: a plain one, or a cut log, is refused', async () => {
    const { dir, A } = await sampleArchive(true);
    expect(verify(A).code).toBe(0);
    const head = await readFile(path.join(dir, 'audit.head'));
    expect(head.toString('utf8')).not.toMatch(/lines/);
    const all = await lines(dir);
    await write(dir, all.slice(0, -2));
    expect(verify(A).report.problems.map((p) => p.problem)).toEqual(['audit-end']);
    await write(dir, all);
    await writeFile(
      path.join(dir, 'audit.head'),
      JSON.stringify({ format: 'aqiqat-audit-head', lines: all.length - 2, last: sha256(all.at(-3)!) }),
    );
    expect(verify(A).report.problems).toEqual([
      expect.objectContaining({ detail: "audit.head is not sealed with the archive's key" }),
    ]);
  });
});

describe('aqiqat article delete', () => {
  it('deletes an article, its facts (out of their case), its files and index entries, and logs it', async () => {
    const { dir, A } = await sampleArchive();
    const extra = path.join(path.dirname(dir), 'pavlodar.txt');
    await writeFile(extra, 'Pavlodar court detained Aidos Sadykov.\n');
    const other = JSON.parse(aqiqat([...A, 'import', extra, '--json']).stdout)[0].article;
    // the same text from another file: kept as a further source of the sample article
    const [sample] = JSON.parse(aqiqat([...A, 'articles', '--json']).stdout).filter(
      (a: { id: string }) => a.id !== other.id,
    );
    const twin = path.join(path.dirname(dir), 'twin.md');
    await writeFile(twin, `${await readFile(SEED_ARTICLE, 'utf8')}\n\n`);
    expect(JSON.parse(aqiqat([...A, 'import', twin, '--json']).stdout)[0].status).toBe('linked');
    expect(aqiqat([...A, 'fact', 'add', '--article', other.id, '--quote', 'Pavlodar court']).code).toBe(0);
    const facts = JSON.parse(aqiqat([...A, 'facts', '--article', sample.id, '--json']).stdout);
    const [c] = JSON.parse(aqiqat([...A, 'case', 'list', '--json']).stdout);
    const inCase = c.facts.length;
    expect(inCase).toBeGreaterThan(0);
    expect(await readdir(path.join(dir, 'sources'))).toHaveLength(3);

    const r = aqiqat([...A, 'article', 'delete', sample.id.slice(0, 6)]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      `deleted article ${sample.id} “${sample.title}” (sha256 ${sample.sha256}) and its ${facts.length} facts; removed from ${c.id} “${c.title}”\n`,
    );
    expect(JSON.parse(aqiqat([...A, 'articles', '--json']).stdout).map((a: { id: string }) => a.id)).toEqual([
      other.id,
    ]);
    expect(JSON.parse(aqiqat([...A, 'facts', '--json']).stdout).map((f: { articleId: string }) => f.articleId)).toEqual(
      [other.id],
    );
    expect(JSON.parse(aqiqat([...A, 'case', 'show', c.id, '--json']).stdout)).toMatchObject({
      factIds: [],
      missing: 0,
    });
    expect((await readdir(path.join(dir, 'sources'))).sort()).toEqual([`${other.sha256}.txt`]);
    expect(await readdir(path.join(dir, 'texts'))).toEqual([`${other.textSha256}.txt`]);
    expect(JSON.parse(aqiqat([...A, 'search', 'Жәкішев', '--json']).stdout)).toEqual([]);
    expect(JSON.parse(aqiqat([...A, 'search', 'Pavlodar', '--json']).stdout)).toHaveLength(2);

    const log = JSON.parse(aqiqat([...A, 'log', '--json']).stdout) as Array<{
      action: string;
      articleId?: string;
      factId?: string;
      caseId?: string;
      sha256?: string;
    }>;
    expect(log.at(-1)).toMatchObject({ action: 'article-deleted', articleId: sample.id, sha256: sample.sha256 });
    expect(
      log
        .filter((e) => e.action === 'fact-deleted')
        .map((e) => e.factId)
        .sort(),
    ).toEqual(facts.map((f: { id: string }) => f.id).sort());
    expect(log.filter((e) => e.action === 'case-fact-removed' && e.caseId === c.id)).toHaveLength(inCase);
    expect(aqiqat([...A, 'verify']).code).toBe(0);

    // the same bytes can come back as a new article
    expect(JSON.parse(aqiqat([...A, 'import', SEED_ARTICLE, '--json']).stdout)[0]).toMatchObject({
      status: 'imported',
      article: { id: sample.id },
    });
    expect(aqiqat([...A, 'verify']).code).toBe(0);
    const missing = aqiqat([...A, 'article', 'delete', 'abcdef123456']);
    expect(missing).toMatchObject({ code: 1, stderr: 'aqiqat: no article abcdef123456\n' });
    expect(aqiqat([...A, 'article', 'delete', 'x']).stderr).toBe('aqiqat: "x" is not an article id\n');
  });

  it('works in an encrypted archive: its keyed files go, the other article stays readable', async () => {
    const { dir, A } = await sampleArchive(true);
    const extra = path.join(path.dirname(dir), 'pavlodar.txt');
    await writeFile(extra, 'Pavlodar court detained Aidos Sadykov.\n');
    const other = JSON.parse(aqiqat([...A, 'import', extra, '--json']).stdout)[0].article;
    const [sample] = JSON.parse(aqiqat([...A, 'articles', '--json']).stdout).filter(
      (a: { id: string }) => a.id !== other.id,
    );
    expect(aqiqat([...A, 'article', 'delete', sample.id, '--json']).code).toBe(0);
    expect(await readdir(path.join(dir, 'texts'))).toHaveLength(1);
    expect(await readdir(path.join(dir, 'sources'))).toHaveLength(1);
    expect(JSON.parse(aqiqat([...A, 'show', other.id, '--json']).stdout).text).toContain('Pavlodar court');
    expect(aqiqat([...A, 'verify']).code).toBe(0);
  });

  it('search still loads after the last article is deleted', async () => {
    const { A } = await sampleArchive();
    expect(JSON.parse(aqiqat([...A, 'search', 'пикет', '--json']).stdout).length).toBeGreaterThan(0);
    const [article] = JSON.parse(aqiqat([...A, 'articles', '--json']).stdout);
    expect(aqiqat([...A, 'article', 'delete', article.id]).code).toBe(0);
    for (let i = 0; i < 2; i++)
      expect(aqiqat([...A, 'search', 'пикет', '--json'])).toMatchObject({ code: 0, stdout: '[]\n', stderr: '' });
    expect(aqiqat([...A, 'reindex']).code).toBe(0);
    expect(aqiqat([...A, 'search', 'пикет', '--json'])).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('keeps a text file another article still names', async () => {
    const dir = path.join(await tempDir(), 'a');
    let archive = await Archive.create(dir);
    const { article: first } = await archive.importArticle({
      bytes: Buffer.from('Одна и та же заметка.\n'),
      name: 'a.txt',
    });
    await archive.close();
    // an article from before same-text links were kept has no text key, so the same text imports again
    await editShard(dir, 'articles', (d) => {
      delete d.articles[0].textKey;
    });
    archive = await Archive.open(dir);
    const { article: second, status } = await archive.importArticle({
      bytes: Buffer.from('Одна и та же заметка.\r\n'),
      name: 'b.txt',
    });
    expect(status).toBe('imported');
    expect(second.textSha256).toBe(first.textSha256);
    await archive.deleteArticle(first.id);
    expect((await archive.getArticle(second.id)).text).toBe('Одна и та же заметка.');
    await archive.close();
  });
});

describe('the audit log and its observers', () => {
  it('logs entity add, rename, aliases and merge, and tag rename and merge', async () => {
    const { A } = await sampleArchive();
    const before = JSON.parse(aqiqat([...A, 'log', '--json']).stdout).length;
    const run = (...args: string[]) => expect(aqiqat([...A, ...args]).stderr).toBe('');
    run('entity', 'add', 'Ерлан Беков', '--kind', 'person');
    run('entity', 'rename', 'Ерлан Беков', 'Yerlan Bekov');
    run('entity', 'alias', 'Yerlan Bekov', 'Ерлан Беков');
    run('entity', 'add', 'Bekov', '--kind', 'person');
    run('entity', 'merge', 'Yerlan Bekov', 'Bekov');
    const [tag] = JSON.parse(aqiqat([...A, 'tag', 'list', '--json']).stdout);
    run('tag', 'rename', tag.path, 'renamed');
    run(
      'tag',
      'merge',
      'renamed',
      JSON.parse(aqiqat([...A, 'tag', 'list', '--json']).stdout).find((t: { path: string }) => t.path !== 'renamed')
        .path,
    );
    const log = JSON.parse(aqiqat([...A, 'log', '--json']).stdout) as Array<{
      action: string;
      summary?: string;
      entityId?: string;
    }>;
    const tail = log.slice(before).filter((e) => e.action.startsWith('entity-') || e.action.startsWith('tag-'));
    expect(tail.map((e) => e.action)).toEqual([
      'entity-added',
      'entity-renamed',
      'entity-aliases-added',
      'entity-added',
      'entity-merged',
      'tag-renamed',
      'tag-merged',
    ]);
    expect(tail[1]).toMatchObject({ summary: 'Ерлан Беков → Yerlan Bekov', entityId: expect.stringMatching(/^e-/) });
    expect(tail[4]!.summary).toMatch(/^Bekov \(e-\w+\) → Yerlan Bekov, 0 facts$/);
    expect(tail[5]!.summary).toMatch(new RegExp(`^${tag.path} → renamed, \\d+ facts?, \\d+ articles?$`));
    expect(aqiqat([...A, 'log']).stdout).toMatch(/entity-renamed {2}entity e-\w+ {2}“Ерлан Беков → Yerlan Bekov”/);
  });

  it('the same fact added twice (a retry) is there once, and said to exist', async () => {
    const { A } = await sampleArchive();
    const [article] = JSON.parse(aqiqat([...A, 'articles', '--json']).stdout);
    const add = [
      'fact',
      'add',
      '--article',
      article.id,
      '--quote',
      '2009 жылы',
      '--person',
      'Адам Бір',
      '--tag',
      'x/y',
      '--tag',
      'a',
    ];
    const first = JSON.parse(aqiqat([...A, ...add, '--json']).stdout);
    expect(first.existing).toBeUndefined();
    const again = aqiqat([...A, ...add.slice(0, -4), '--tag', 'a', '--tag', 'x/y']);
    expect(again.stdout).toMatch(new RegExp(`^already in the archive: ${first.id} `));
    const facts = JSON.parse(aqiqat([...A, 'facts', '--json']).stdout).filter(
      (f: { quote: string }) => f.quote === '2009 жылы',
    );
    expect(facts).toHaveLength(1);
    // another field makes it another fact
    expect(aqiqat([...A, ...add, '--note', 'second']).stdout).toMatch(/^added /);
  });

  it('a retry of a fact add killed before its audit line writes the line', async () => {
    const dir = path.join(await tempDir(), 'a');
    const archive = await Archive.create(dir);
    const { article } = await archive.importArticle({ bytes: await readFile(SEED_ARTICLE), name: 'seed.txt' });
    const input = { articleId: article.id, quote: '2009 жылы 14 жылға сотталған', people: ['Мұхтар Жәкішев'] };
    // as if killed after the save: the audit listener never ran
    const record = storeForTests(archive).audit.recordAll.bind(storeForTests(archive).audit);
    storeForTests(archive).audit.recordAll = async () => [];
    const fact = await archive.addFact(input);
    storeForTests(archive).audit.recordAll = record;
    const logged = async () =>
      (await storeForTests(archive).audit.readAll()).entries.filter(
        (e) => e.action === 'fact-added' && e.factId === fact.id,
      );
    expect(await logged()).toHaveLength(0);
    expect(await archive.addFact(input)).toMatchObject({ id: fact.id, existing: true });
    expect(await logged()).toHaveLength(1);
    expect(await archive.addFact(input)).toMatchObject({ id: fact.id, existing: true });
    expect(await logged()).toHaveLength(1);
    await archive.close();
  });

  it('an observer that fails (the index on a full disk) fails neither the change nor its audit line', async () => {
    const dir = path.join(await tempDir(), 'a');
    const archive = await Archive.create(dir);
    const { article } = await archive.importArticle({ bytes: await readFile(SEED_ARTICLE), name: 'seed.txt' });
    storeForTests(archive).events.on(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    const fact = await archive.addFact({ articleId: article.id, quote: '2009 жылы 14 жылға сотталған' });
    const { entries } = await storeForTests(archive).audit.readAll();
    expect(entries.at(-1)).toMatchObject({ action: 'fact-added', factId: fact.id });
    await archive.close();
  });

  it('the real index failing to write its journal fails neither the change nor its audit line', async () => {
    const dir = path.join(await tempDir(), 'a');
    const archive = await Archive.create(dir);
    const { article } = await archive.importArticle({ bytes: await readFile(SEED_ARTICLE), name: 'seed.txt' });
    expect((await archive.search('Жексебаев')).length).toBeGreaterThan(0);
    // the journal's place taken by a folder: every append to it fails, as on a full disk
    const journal = path.join(dir, 'index', 'search.journal');
    await rm(journal, { force: true });
    await mkdir(journal);
    const fact = await archive.addFact({ articleId: article.id, quote: '2009 жылы 14 жылға сотталған' });
    expect((await storeForTests(archive).audit.readAll()).entries.at(-1)).toMatchObject({
      action: 'fact-added',
      factId: fact.id,
    });
    await archive.close();
    await rm(journal, { recursive: true });
    const reopened = await Archive.open(dir);
    expect((await reopened.searchFiltered({ text: '2009', filters: { kind: 'fact' } })).map((h) => h.id)).toEqual([
      fact.id,
    ]);
    await reopened.close();
  });

  it('a fact delete that stops midway never leaves a case naming a fact that is gone', async () => {
    const dir = path.join(await tempDir(), 'a');
    const archive = await Archive.create(dir);
    const { article } = await archive.importArticle({ bytes: await readFile(SEED_ARTICLE), name: 'seed.txt' });
    const fact = await archive.addFact({ articleId: article.id, quote: '2009 жылы 14 жылға сотталған' });
    const c = await archive.createCase('Case');
    await archive.addFactsToCase(c.id, [fact.id]);
    // the second write of the delete fails, as a crash there would stop it
    const save = storeForTests(archive).save.bind(storeForTests(archive));
    let writes = 0;
    storeForTests(archive).save = async (db) => {
      if (++writes === 2) throw new Error('killed');
      return save(db);
    };
    await expect(archive.deleteFact(fact.id)).rejects.toThrow('killed');
    storeForTests(archive).save = save;
    await archive.close();
    const reopened = await Archive.open(dir);
    const ids = new Set((await reopened.listFacts()).map((f) => f.id));
    for (const k of reopened.listCases()) for (const id of k.facts) expect(ids.has(id)).toBe(true);
    if (ids.has(fact.id)) await reopened.deleteFact(fact.id); // the retry finishes it
    expect(await reopened.listFacts()).toEqual([]);
    await reopened.close();
  });
});

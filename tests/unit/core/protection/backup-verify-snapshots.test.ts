/** Backups, restore, verify, snapshots and the audit log, through the real CLI. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { entriesOfCase, parseAudit, type AuditEntry } from '../../../../electron/core/protection/audit.js';
import { SEED_ARTICLE, snapshot, tempDir } from '../../helpers.js';
import { aqiqat, expectOneLineError } from '../../cli-driver.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';

async function sampleArchive(): Promise<{ dir: string; scratch: string; A: string[] }> {
  const scratch = await tempDir();
  const dir = path.join(scratch, 'archive');
  expect(aqiqat(['--archive', dir, 'init', '--sample']).code).toBe(0);
  return { dir, scratch, A: ['--archive', dir] };
}

/** Flip one bit of a file in place. */
async function flipByte(file: string, at = 10): Promise<void> {
  const bytes = await readFile(file);
  bytes[at] = bytes[at]! ^ 0x01;
  await writeFile(file, bytes);
}

const sourceOf = async (dir: string) => path.join(dir, 'sources', (await readdir(path.join(dir, 'sources')))[0]!);

describe('aqiqat backup and restore', () => {
  it('round-trips the whole archive through one file, keeping the replaced archive', async () => {
    const { scratch, A } = await sampleArchive();
    const out = path.join(scratch, 'archive.aqbackup');
    const b = aqiqat([...A, 'backup', '--out', out, '--json']);
    expect(b.code).toBe(0);
    const result = JSON.parse(b.stdout);
    expect(result.files).toBeGreaterThanOrEqual(5);
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    const facts = aqiqat([...A, 'facts', '--json']).stdout;
    // the header and manifest are plain text, with a SHA-256 per file
    const manifest = JSON.parse((await readFile(out, 'utf8')).split('\n')[1]!);
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['archive.json', 'audit.log']),
    );

    const factId = JSON.parse(facts)[0].id;
    expect(aqiqat([...A, 'fact', 'delete', factId]).code).toBe(0);
    const r = aqiqat([...A, 'restore', out, '--json']);
    expect(r.code).toBe(0);
    const { previous } = JSON.parse(r.stdout);
    expect(aqiqat([...A, 'facts', '--json']).stdout).toBe(facts);
    expect(aqiqat(['--archive', previous, 'facts', '--json']).stdout).not.toBe(facts); // nothing lost: the replaced archive is kept
    expect(JSON.parse(aqiqat([...A, 'log', '--json']).stdout).at(-1)).toMatchObject({
      action: 'archive-restored',
      sha256: result.sha256,
    });
    // the backup carries audit.head, so the restored log's end is checked, not only noted as unknown
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain('audit.head');
    const verified = aqiqat([...A, 'verify']);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/ends where audit\.head says/);
    expect(JSON.parse(aqiqat([...A, 'log', '--json']).stdout).map((e: { action: string }) => e.action)).not.toContain(
      'audit-head-missing',
    );
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const { dir, scratch, A } = await sampleArchive();
    const out = path.join(scratch, 'b.aqbackup');
    expect(aqiqat([...A, 'backup', '--out', out]).code).toBe(0);
    const size = (await readFile(out)).length;
    await flipByte(out, size - 20);
    const before = await snapshot(dir);
    expectOneLineError(
      aqiqat([...A, 'restore', out]),
      /b\.aqbackup is damaged: .* does not match its SHA-256; nothing was restored/,
    );
    await writeFile(out, (await readFile(out)).subarray(0, size - 5));
    expectOneLineError(aqiqat([...A, 'restore', out]), /is damaged: it is \d+ bytes, its manifest says \d+/);
    expect(await snapshot(dir)).toEqual(before);
    expect(await readdir(scratch)).toEqual(['archive', 'b.aqbackup']);
  });

  it('refuses a backup whose manifest names a path outside the archive', async () => {
    const { dir, scratch, A } = await sampleArchive();
    const data = Buffer.from('pwned');
    const { createHash } = await import('node:crypto');
    const manifest = {
      format: 'aqiqat-backup',
      version: 1,
      createdAt: '2026-01-01T00:00:00Z',
      files: [{ path: '../../evil.sh', size: 5, sha256: createHash('sha256').update(data).digest('hex') }],
    };
    const evil = path.join(scratch, 'evil.aqbackup');
    await writeFile(evil, Buffer.concat([Buffer.from(`AQIQAT-BACKUP 1\n${JSON.stringify(manifest)}\n`), data]));
    const before = await snapshot(dir);
    expectOneLineError(
      aqiqat([...A, 'restore', evil]),
      /manifest is not valid \(or names a path outside the archive\)/,
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('does not overwrite a file without --force, nor write into the archive', async () => {
    const { dir, scratch, A } = await sampleArchive();
    const out = path.join(scratch, 'exists');
    await writeFile(out, 'keep me');
    expectOneLineError(aqiqat([...A, 'backup', '--out', out]), /exists; choose another name or add --force/, 2);
    expect(await readFile(out, 'utf8')).toBe('keep me');
    expectOneLineError(aqiqat([...A, 'backup', '--out', path.join(dir, 'b')]), /outside the archive folder/, 2);
  });
});

describe('aqiqat verify', () => {
  it('passes a sound archive and catches a flipped byte in a stored source', async () => {
    const { dir, A } = await sampleArchive();
    const ok = aqiqat([...A, 'verify', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ articles: 1, filesChecked: 2, problems: [] });
    await flipByte(await sourceOf(dir));
    const bad = aqiqat([...A, 'verify']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^changed: sources\/[0-9a-f]{64}\.txt: the source of article [0-9a-f]{12} has SHA-256/);
    expect(bad.stderr).toBe('aqiqat: 1 problem found; restore the files from a backup\n');
  });

  it('catches a removed or edited line of the audit log', async () => {
    const { dir, A } = await sampleArchive();
    const log = path.join(dir, 'audit.log');
    const lines = (await readFile(log, 'utf8')).split('\n');
    lines.splice(2, 1);
    await writeFile(log, lines.join('\n'));
    const r = aqiqat([...A, 'verify', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems[0]).toMatchObject({ file: 'audit.log', problem: 'audit-chain' });
  });
});

describe('archive.json snapshots', () => {
  it('refuses a corrupted archive.json naming the latest snapshot, and restore puts it back', async () => {
    const { dir, A } = await sampleArchive();
    expect(aqiqat([...A, 'articles']).code).toBe(0); // an open takes a snapshot when archive.json changed
    const factsBefore = JSON.parse(aqiqat([...A, 'facts', '--json']).stdout);
    expect(factsBefore.length).toBeGreaterThan(0);
    const [snap] = JSON.parse(aqiqat([...A, 'snapshots', '--json']).stdout);
    expect(snap.file).toMatch(/backups\/archive-\d{8}T\d{9}Z-open\.json$/);
    const file = path.join(dir, 'archive.json');
    await writeFile(file, '{"schemaVersion":1,"entities":[');
    const r = aqiqat([...A, 'facts']);
    expectOneLineError(
      r,
      /archive\.json is not valid JSON; it was left untouched\..*The latest snapshot is backups\/archive-.*-open\.json .*aqiqat restore .*archive-.*\.json/,
    );
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion":1,"entities":[');
    const restored = aqiqat([...A, 'restore', snap.file, '--json']);
    expect(restored.code).toBe(0);
    const { previous } = JSON.parse(restored.stdout);
    expect(await readFile(previous, 'utf8')).toBe('{"schemaVersion":1,"entities":['); // the damaged one is kept
    expect(JSON.parse(aqiqat([...A, 'facts', '--json']).stdout)).toEqual(factsBefore);
  });

  it('keeps the newest N snapshots', async () => {
    const { A } = await sampleArchive();
    expect(aqiqat([...A, 'snapshots', '--keep', '2']).code).toBe(0);
    const article = JSON.parse(aqiqat([...A, 'articles', '--json']).stdout)[0].id;
    for (let i = 0; i < 4; i++) {
      expect(
        aqiqat([...A, 'fact', 'add', '--article', article, '--quote', '2009 жылы', '--person', `Адам ${i}`]).code,
      ).toBe(0);
    }
    expect(JSON.parse(aqiqat([...A, 'snapshots', '--json']).stdout)).toHaveLength(2);
    expectOneLineError(aqiqat([...A, 'snapshots', '--keep', '0']), /--keep must be a positive/, 2);
  });
});

describe('audit log', () => {
  it('records who added and deleted which fact, chained by hashes', async () => {
    const dir = path.join(await tempDir(), 'a');
    const archive = await Archive.create(dir);
    const { article } = await archive.importArticle({ bytes: await readFile(SEED_ARTICLE), name: 'seed.txt' });
    const fact = await archive.addFact({ articleId: article.id, quote: '2009 жылы 14 жылға сотталған' });
    await archive.deleteFact(fact.id);
    await archive.close();
    const { entries, broken } = parseAudit(await readFile(path.join(dir, 'audit.log'), 'utf8'));
    expect(broken).toEqual([]);
    expect(entries.map((e) => [e.seq, e.action])).toEqual([
      [1, 'audit-head-started'],
      [2, 'archive-created'],
      [3, 'article-added'],
      [4, 'fact-added'],
      [5, 'fact-deleted'],
    ]);
    expect(entries[3]).toMatchObject({
      factId: fact.id,
      articleId: article.id,
      summary: '2009 жылы 14 жылға сотталған',
    });
    expect(entries[1]!.actor).toMatch(/@.* \(cli\)$/);
    const log = JSON.parse(aqiqat(['--archive', dir, 'log', '--json']).stdout);
    expect(log).toHaveLength(5);
  });

  it('survives a line torn by a crash: the next entry starts on its own line', async () => {
    const dir = path.join(await tempDir(), 'a');
    await (await Archive.create(dir)).close();
    const file = path.join(dir, 'audit.log');
    await writeFile(file, `${await readFile(file, 'utf8')}{"seq":2,"at":"2026`);
    const archive = await Archive.open(dir);
    await storeForTests(archive).audit.record({ action: 'export-made', caseId: 'c1', sha256: 'a'.repeat(64) });
    await archive.close();
    const { entries, broken, torn } = parseAudit(await readFile(file, 'utf8'));
    expect(entries.map((e) => e.action)).toEqual([
      'audit-head-started',
      'archive-created',
      'audit-line-torn',
      'export-made',
    ]);
    expect(broken).toEqual([]); // a crash, told apart from a cut made by hand …
    expect(torn).toBe(1);
    const cut = (await readFile(file, 'utf8')).split('\n');
    cut[0] = cut[0]!.slice(0, 20);
    expect(parseAudit(cut.join('\n')).broken[0]).toMatch(/line 1 is not a valid entry/); // … which is reported
  });

  it('filters by case: the case’s own entries and those of its facts', () => {
    const e = (seq: number, action: string, extra: Partial<AuditEntry>): AuditEntry => ({
      seq,
      at: '',
      actor: 'a',
      action,
      prev: '0'.repeat(64),
      ...extra,
    });
    const entries = [
      e(1, 'fact-added', { factId: 'f1' }),
      e(2, 'fact-added', { factId: 'f2' }),
      e(3, 'case-fact-added', { caseId: 'c1', factId: 'f2' }),
      e(4, 'fact-added', { factId: 'f3' }),
      e(5, 'export-made', { caseId: 'c1' }),
      e(6, 'export-made', { caseId: 'c2' }),
    ];
    expect(entriesOfCase(entries, 'c1', ['f3']).map((x) => x.seq)).toEqual([2, 3, 4, 5]);
  });
});

describe('protect commands', () => {
  it('have --help', () => {
    for (const cmd of ['backup', 'restore', 'verify', 'log', 'snapshots']) {
      const r = aqiqat([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout).toMatch(/^Usage: aqiqat/);
    }
  });
});

/**
 * The first append of a process finds where the log ended from audit.head's byte length, reading only
 * the log's end; whatever does not match there (lines after the head, a torn line, a changed or cut
 * end, a head written before it recorded bytes) is handled as when the whole log is read.
 */
import { appendFile, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_FILE,
  AUDIT_HEAD_FILE,
  AuditLog,
  HEAD_MISMATCH_ACTION,
  TORN_ACTION,
  headOf,
  parseAudit,
} from '../../../../electron/core/protection/audit.js';
import { tempDir } from '../../helpers.js';

const note = (summary: string) => ({ action: 'article-imported', summary }) as const;

async function logWith(n: number): Promise<{ dir: string; log: string; head: string }> {
  const dir = await tempDir();
  const first = new AuditLog(dir, 'tester');
  for (let i = 0; i < n; i++) await first.record(note(`entry ${i} Қазақ`));
  return { dir, log: path.join(dir, AUDIT_FILE), head: path.join(dir, AUDIT_HEAD_FILE) };
}

const headOnDisk = async (file: string) =>
  JSON.parse(await readFile(file, 'utf8')) as { lines: number; last: string; bytes?: number };

async function whole(log: string) {
  const read = parseAudit(await readFile(log, 'utf8'));
  return { actions: read.entries.map((e) => e.action), seqs: read.entries.map((e) => e.seq), broken: read.broken };
}

describe('the audit log read from its end', () => {
  it('a later process continues the chain: seq, prev, and the head counts lines and bytes', async () => {
    const { dir, log, head } = await logWith(3);
    expect((await headOnDisk(head)).bytes).toBe((await stat(log)).size);
    await new AuditLog(dir, 'tester').record(note('from a second process'));
    const read = await whole(log);
    expect(read.seqs).toEqual([1, 2, 3, 4, 5]); // the first append of all notes that the head starts
    expect(read.broken).toEqual([]);
    expect(await headOnDisk(head)).toMatchObject({ lines: 5, bytes: (await stat(log)).size });
  });

  it('lines after the head (a crash before the head was written) are counted and chained', async () => {
    const { dir, log, head } = await logWith(2);
    const before = await readFile(head);
    await new AuditLog(dir, 'tester').record(note('appended, then the power went'));
    await writeFile(head, before);
    await new AuditLog(dir, 'tester').record(note('after the restart'));
    const read = await whole(log);
    expect(read.broken).toEqual([]);
    expect(read.actions).not.toContain(HEAD_MISMATCH_ACTION);
    expect(read.seqs).toEqual([1, 2, 3, 4, 5]);
    expect((await headOnDisk(head)).lines).toBe(5);
  });

  it('a torn last line is marked by the next append', async () => {
    const { dir, log } = await logWith(2);
    await appendFile(log, '{"seq":4,"at":"2026-');
    await new AuditLog(dir, 'tester').record(note('after the crash'));
    const read = parseAudit(await readFile(log, 'utf8'));
    expect(read.torn).toBe(1);
    expect(read.broken).toEqual([]);
    expect(read.entries.map((e) => e.action)).toContain(TORN_ACTION);
  });

  it('a changed last line, a cut end and a log replaced by another are noted', async () => {
    for (const spoil of [
      async (log: string) => {
        const raw = await readFile(log, 'utf8');
        await writeFile(log, raw.replace(/entry 2/g, 'entry X')); // same length, last line changed
      },
      async (log: string) => truncate(log, (await stat(log)).size - 10),
      async (log: string) => writeFile(log, `${'x'.repeat((await stat(log)).size + 50)}\n`),
    ]) {
      const { dir, log } = await logWith(3);
      await spoil(log);
      await new AuditLog(dir, 'tester').record(note('after the change'));
      const actions = parseAudit(await readFile(log, 'utf8')).entries.map((e) => e.action);
      expect(actions).toContain(HEAD_MISMATCH_ACTION);
    }
  });

  it('a head written without the log length still works, and the next one records it', async () => {
    const { dir, log, head } = await logWith(2);
    const { bytes: _bytes, ...old } = await headOnDisk(head);
    await writeFile(head, JSON.stringify({ format: 'aqiqat-audit-head', ...old }));
    await new AuditLog(dir, 'tester').record(note('after an upgrade'));
    const read = await whole(log);
    expect(read.actions).not.toContain(HEAD_MISMATCH_ACTION);
    expect(read.seqs).toEqual([1, 2, 3, 4]);
    expect((await headOnDisk(head)).bytes).toBe((await stat(log)).size);
  });

  /** What end() must say: headOf the whole log, and its last line that parses. */
  async function fromWholeLog(log: string) {
    const raw = await readFile(log, 'utf8');
    const lines = raw.split('\n').filter(Boolean);
    const last = parseAudit(raw).entries.at(-1);
    const line = lines.findLast((l) => parseAudit(l).entries[0]?.seq === last?.seq);
    const sha256 = line ? createHash('sha256').update(line).digest('hex') : null;
    return { head: headOf(raw), latest: last ? { seq: last.seq, sha256 } : null };
  }

  it('end() says what reading the whole log would: after appends, lines after the head, a torn line, an old head', async () => {
    const cases: Array<(dir: string, log: string, head: string) => Promise<unknown>> = [
      async () => undefined,
      async (dir, _log, head) => {
        const before = await readFile(head);
        await new AuditLog(dir, 'tester').record(note('appended, then the power went'));
        await writeFile(head, before);
      },
      async (_dir, log) => appendFile(log, '{"seq":4,"at":"2026-'),
      async (_dir, _log, head) => {
        const { bytes: _bytes, ...old } = await headOnDisk(head);
        await writeFile(head, JSON.stringify({ format: 'aqiqat-audit-head', ...old }));
      },
    ];
    for (const make of cases) {
      const { dir, log, head } = await logWith(3);
      await make(dir, log, head);
      const audit = new AuditLog(dir, 'tester');
      expect(await audit.end()).toEqual(await fromWholeLog(log));
      expect(await audit.latest()).toEqual((await fromWholeLog(log)).latest);
    }
    expect(await new AuditLog(await tempDir(), 'tester').end()).toEqual({
      head: { lines: 0, last: '0'.repeat(64) },
      latest: null,
    });
  });

  it('end() reads the log from where audit.head says it ended, not from its start', async () => {
    const { dir, log, head } = await logWith(3);
    const raw = await readFile(log, 'utf8');
    // a newline put into the first line: a whole read would count one line more
    await writeFile(log, raw.replace('entry 0', 'entry\n0'));
    const { head: end } = await new AuditLog(dir, 'tester').end();
    expect(end.lines).toBe((await headOnDisk(head)).lines);
    expect(headOf(await readFile(log, 'utf8')).lines).toBe(end.lines + 1);
  });
});

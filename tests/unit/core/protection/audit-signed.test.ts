/**
 * The signed audit head (audit.signed): signed at every backup, package, dossier and export, so lines cut
 * off the log's end show in `verify` even when an older audit.head that the shorter log satisfies is put back.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers.js';
import { aqiqat } from '../../cli-driver.js';

async function archive() {
  const scratch = await tempDir();
  const dir = path.join(scratch, 'archive');
  expect(aqiqat(['--archive', dir, 'init', '--sample']).code).toBe(0);
  return { scratch, dir, A: ['--archive', dir] };
}
const read = (dir: string, f: string) => readFile(path.join(dir, f));
const problems = (A: string[]) => {
  const r = aqiqat([...A, 'verify', '--json']);
  return {
    code: r.code,
    problems: JSON.parse(r.stdout).problems as { file: string; problem: string; detail: string }[],
  };
};

describe('signed audit head', () => {
  it('is written by a backup and an export, and cutting the log back to an older head then fails verify', async () => {
    const { scratch, dir, A } = await archive();
    expect(aqiqat([...A, 'backup', '--out', path.join(scratch, 'one.aqbak')]).code).toBe(0);
    const signed = JSON.parse((await read(dir, 'audit.signed')).toString());
    const log = (await read(dir, 'audit.log')).toString();
    expect(signed.lines).toBe(log.trimEnd().split('\n').length);
    expect(signed.fingerprint).toBe(JSON.parse(aqiqat([...A, 'identity', '--json']).stdout).fingerprint);
    // the state someone would like to go back to: the log and its head as they were
    const [oldLog, oldHead] = [await read(dir, 'audit.log'), await read(dir, 'audit.head')];
    expect(aqiqat([...A, 'case', 'create', 'Кейін қосылған іс']).code).toBe(0);
    expect(aqiqat([...A, 'export', '--out', path.join(scratch, 'facts.json')]).code).toBe(0);
    expect(JSON.parse((await read(dir, 'audit.signed')).toString()).lines).toBeGreaterThan(signed.lines);
    expect(problems(A).code).toBe(0);

    await writeFile(path.join(dir, 'audit.log'), oldLog);
    await writeFile(path.join(dir, 'audit.head'), oldHead);
    const cut = problems(A);
    expect(cut.code).toBe(1);
    expect(cut.problems).toEqual([
      expect.objectContaining({
        file: 'audit.log',
        problem: 'audit-signature',
        detail: expect.stringMatching(/lines were cut from its end/),
      }),
    ]);
  });

  it('a signature that does not verify, a deleted audit.signed or a deleted key fails verify', async () => {
    const { scratch, dir, A } = await archive();
    expect(aqiqat([...A, 'backup', '--out', path.join(scratch, 'b.aqbak')]).code).toBe(0);
    const file = path.join(dir, 'audit.signed');
    const good = await readFile(file);
    const forged = JSON.parse(good.toString());
    forged.lines -= 1; // an older head, with the newer head's signature
    await writeFile(file, JSON.stringify(forged));
    expect(problems(A).problems).toEqual([
      expect.objectContaining({
        file: 'audit.signed',
        problem: 'audit-signature',
        detail: expect.stringMatching(/does not verify/),
      }),
    ]);
    await rm(file);
    expect(problems(A).problems).toEqual([
      expect.objectContaining({ file: 'audit.signed', detail: expect.stringMatching(/missing/) }),
    ]);
    await writeFile(file, good);
    await rm(path.join(dir, 'identity.json'));
    expect(problems(A).problems).toEqual([
      expect.objectContaining({ file: 'identity.json', detail: expect.stringMatching(/missing/) }),
    ]);
  });
});

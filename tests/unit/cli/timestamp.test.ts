import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, tempDir } from '../helpers.js';
import { aqiqat, expectOneLineError } from '../cli-driver.js';
import { startLocalTsa, type LocalTsa } from '../tsa-fixture.js';

let tsa: LocalTsa;
beforeAll(() => {
  tsa = startLocalTsa();
}, 60_000);
afterAll(() => tsa?.cleanup());

const sha = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');

async function sampleArchive(env: NodeJS.ProcessEnv = {}): Promise<{ dir: string; work: string; A: string[] }> {
  const work = await tempDir();
  const dir = path.join(work, 'demo');
  expect(aqiqat(['--archive', dir, 'init', '--sample'], { env }).code).toBe(0);
  return { dir, work, A: ['--archive', dir] };
}

/** The authority's answer to a request file, written beside it. */
async function answer(tsq: string, out = tsq.replace(/\.tsq$/, '.tsr')): Promise<string> {
  await writeFile(out, tsa.reply(new Uint8Array(await readFile(tsq))));
  return out;
}

/** A stand-in evidence package: a ZIP whose manifest.json is the signed document. */
async function standInPackage(file: string, manifest = '{"case":"c-1","files":[]}'): Promise<string> {
  await writeFile(
    file,
    zipSync({
      'manifest.json': strToU8(manifest),
      'sources/a.txt': strToU8('Суд отказал в УДО.'),
      'manifest.sig': strToU8('signature'),
    }),
  );
  return manifest;
}

describe('aqiqat timestamp', () => {
  it('audit: request → the local authority → attach → list → verify, and a cut log fails verify', async () => {
    const { dir, work, A } = await sampleArchive();
    const tsq = path.join(work, 'audit.tsq');
    const req = aqiqat([...A, 'timestamp', 'request', '--audit', '--out', tsq]);
    expect(req.code).toBe(0);
    const log = (await readFile(path.join(dir, 'audit.log'), 'utf8')).trimEnd().split('\n');
    const last = sha(log[log.length - 1]!);
    expect(req.stdout).toContain(`sha256 ${last}`);
    expect(req.stdout).toContain(`curl -H 'Content-Type: application/timestamp-query' --data-binary @${tsq}`);
    expect(req.stdout).toContain('aqiqat timestamp attach');
    // what was written is a TimeStampReq for that hash, as openssl reads it
    expect(execFileSync('openssl', ['ts', '-query', '-in', tsq, '-text']).toString()).toMatch(/Hash Algorithm: sha256/);
    const der = execFileSync('openssl', ['asn1parse', '-inform', 'DER', '-in', tsq]).toString();
    expect(der).toContain(`[HEX DUMP]:${last.toUpperCase()}`);

    const tsr = await answer(tsq);
    const attached = aqiqat([...A, 'timestamp', 'attach', tsr, '--ca', tsa.caFile, '--json']);
    expect(attached.code, attached.stderr).toBe(0);
    const r = JSON.parse(attached.stdout);
    expect(r.stamp).toMatchObject({ target: 'audit', seq: log.length, sha256: last, trusted: true });
    expect(r.stamp.authority).toBe('CN=Aqiqat Test TSA, O=Aqiqat tests');
    expect(Math.abs(Date.parse(r.stamp.time) - Date.now())).toBeLessThan(120_000);

    const list = JSON.parse(aqiqat([...A, 'timestamp', 'list', '--json']).stdout);
    expect(list.stamps).toHaveLength(1);
    expect(list.pending).toHaveLength(0);
    expect(aqiqat([...A, 'timestamp', 'list']).stdout).toMatch(/audit line \d+ {2}CN=Aqiqat Test TSA.*trusted/);
    // attached and audited
    const entries = JSON.parse(aqiqat([...A, 'log', '--json']).stdout);
    expect(entries.at(-1)).toMatchObject({ action: 'timestamp-attached', sha256: last });

    const ok = aqiqat([...A, 'verify']);
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toContain('1 timestamp checks out');

    // cut the stamped line and what followed, and write a head that agrees (anyone can, in a plain
    // archive): only the timestamp still shows the cut
    const cut = log.slice(0, -1);
    await writeFile(path.join(dir, 'audit.log'), `${cut.join('\n')}\n`);
    await writeFile(
      path.join(dir, 'audit.head'),
      JSON.stringify({ format: 'aqiqat-audit-head', lines: cut.length, last: sha(cut.at(-1)!) }),
    );
    const bad = aqiqat([...A, 'verify', '--json']);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout);
    expect(report.problems.map((p: { problem: string }) => p.problem)).toEqual(['timestamp']);
    expect(report.problems[0].detail).toMatch(/audit line \d+.*no longer in the log: the log was cut/);
  });

  it('package: the manifest is stamped and the stamp added to the package, which openssl then checks', async () => {
    const { work, A } = await sampleArchive();
    const pkg = path.join(work, 'case.aqpkg');
    const manifest = await standInPackage(pkg);
    const tsq = path.join(work, 'case.tsq');
    const req = aqiqat([...A, 'timestamp', 'request', '--package', pkg, '--out', tsq, '--json']);
    expect(req.code, req.stderr).toBe(0);
    expect(JSON.parse(req.stdout)).toMatchObject({ target: 'package', sha256: sha(manifest), file: 'case.aqpkg' });
    const tsr = await answer(tsq);
    const attached = aqiqat([...A, 'timestamp', 'attach', tsr, '--package', pkg, '--ca', tsa.caFile]);
    expect(attached.code, attached.stderr).toBe(0);
    expect(attached.stdout).toContain('added to');
    const files = unzipSync(new Uint8Array(await readFile(pkg)));
    expect(Object.keys(files).sort()).toEqual(
      ['manifest.json', 'manifest.sig', 'sources/a.txt', 'timestamps/manifest.tsr'].sort(),
    );
    expect(Buffer.from(files['manifest.json']!).toString()).toBe(manifest);
    await writeFile(path.join(work, 'm.tsr'), files['timestamps/manifest.tsr']!);
    await writeFile(path.join(work, 'm.json'), files['manifest.json']!);
    const out = execFileSync('openssl', ['ts', '-verify', '-in', 'm.tsr', '-data', 'm.json', '-CAfile', tsa.caFile], {
      cwd: work,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out.toString()).toContain('Verification: OK');
    // the same answer again: nothing new, said so
    expect(aqiqat([...A, 'timestamp', 'attach', tsr, '--package', pkg]).stdout).toMatch(/^already attached/);
    expect(JSON.parse(aqiqat([...A, 'timestamp', 'list', '--json']).stdout).stamps).toHaveLength(1);
  });

  it('refusals are one line and write nothing: another hash, not requested, untrusted, garbage, tampered', async () => {
    const { dir, work, A } = await sampleArchive();
    const pkg = path.join(work, 'case.aqpkg');
    await standInPackage(pkg);
    const other = path.join(work, 'other.aqpkg');
    await standInPackage(other, '{"case":"another"}');
    const tsq = path.join(work, 'case.tsq');
    expect(aqiqat([...A, 'timestamp', 'request', '--package', pkg, '--out', tsq]).code).toBe(0);
    const otherTsq = path.join(work, 'other.tsq');
    expect(aqiqat([...A, 'timestamp', 'request', '--package', other, '--out', otherTsq]).code).toBe(0);
    const tsr = await answer(tsq);
    const otherTsr = await answer(otherTsq);

    // an open after a change snapshots archive.json into backups/: let that happen before comparing
    expect(aqiqat([...A, 'timestamp', 'list']).code).toBe(0);
    const before = await snapshot(dir);
    const pkgBefore = await readFile(pkg);
    // a response for another hash (the other package's) given for this package
    expectOneLineError(
      aqiqat([...A, 'timestamp', 'attach', otherTsr, '--package', pkg]),
      /the timestamp is for another hash/,
    );
    // a response to a request this archive never made
    const foreign = path.join(work, 'foreign.tsr');
    await writeFile(foreign, tsa.reply(tsa.query(strToU8('something else'))));
    expectOneLineError(aqiqat([...A, 'timestamp', 'attach', foreign]), /no timestamp request of this archive/);
    // an authority that does not chain to the CA given
    expectOneLineError(
      aqiqat([...A, 'timestamp', 'attach', tsr, '--package', pkg, '--ca', tsa.otherCaFile]),
      /does not chain to the trusted certificate/,
    );
    // a CA file that is not a certificate
    expectOneLineError(aqiqat([...A, 'timestamp', 'attach', tsr, '--ca', pkg]), /is not a certificate|not an RFC 3161/);
    // an error page saved as the response; an empty one; a tampered signature
    const garbage = path.join(work, 'garbage.tsr');
    await writeFile(garbage, '<html>502 Bad Gateway</html>');
    expectOneLineError(aqiqat([...A, 'timestamp', 'attach', garbage]), /not an RFC 3161 timestamp response/);
    await writeFile(garbage, '');
    expectOneLineError(aqiqat([...A, 'timestamp', 'attach', garbage]), /not an RFC 3161 timestamp response/);
    const tampered = Buffer.from(await readFile(tsr));
    tampered[tampered.length - 10]! ^= 0xff;
    await writeFile(garbage, tampered);
    expectOneLineError(aqiqat([...A, 'timestamp', 'attach', garbage, '--package', pkg]), /signature is not valid/);
    // a package that is not one
    expectOneLineError(aqiqat([...A, 'timestamp', 'attach', tsr, '--package', garbage]), /not an evidence package/);
    expectOneLineError(aqiqat([...A, 'timestamp', 'attach', path.join(work, 'missing.tsr')]), /no such file|missing/);
    expect(await snapshot(dir)).toEqual(before);
    expect(await readFile(pkg)).toEqual(pkgBefore);

    // the request's syntax: one target, a new file
    expectOneLineError(
      aqiqat([...A, 'timestamp', 'request', '--out', path.join(work, 'x.tsq')]),
      /--audit or --package/,
      2,
    );
    expectOneLineError(
      aqiqat([...A, 'timestamp', 'request', '--audit', '--package', pkg, '--out', path.join(work, 'x.tsq')]),
      /--audit or --package/,
      2,
    );
    expectOneLineError(aqiqat([...A, 'timestamp', 'request', '--audit', '--out', tsq]), /exists/, 2);
    expectOneLineError(
      aqiqat([...A, 'timestamp', 'request', '--package', garbage, '--out', path.join(work, 'y.tsq')]),
      /not an evidence package/,
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a stamp edited in archive.json is reported by verify', async () => {
    const { dir, work, A } = await sampleArchive();
    const tsq = path.join(work, 'audit.tsq');
    expect(aqiqat([...A, 'timestamp', 'request', '--audit', '--out', tsq]).code).toBe(0);
    expect(aqiqat([...A, 'timestamp', 'attach', await answer(tsq)]).code).toBe(0);
    const file = path.join(dir, 'archive.json');
    const meta = JSON.parse(await readFile(file, 'utf8'));
    const token = Buffer.from(meta.timestamps.stamps[0].token, 'base64');
    token[token.length - 5]! ^= 0x01;
    meta.timestamps.stamps[0].token = token.toString('base64');
    await writeFile(file, JSON.stringify(meta));
    const r = aqiqat([...A, 'verify', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems).toEqual([
      expect.objectContaining({ problem: 'timestamp', detail: expect.stringMatching(/signature is not valid/) }),
    ]);
  });

  it('in an encrypted archive the stamps are sealed with archive.json', async () => {
    const env = { AQIQAT_PASSPHRASE: 'correct horse battery staple' };
    const { dir, work, A } = await sampleArchive();
    expect(aqiqat([...A, 'encrypt'], { env }).code).toBe(0);
    const tsq = path.join(work, 'audit.tsq');
    expect(aqiqat([...A, 'timestamp', 'request', '--audit', '--out', tsq], { env }).code).toBe(0);
    const attached = aqiqat([...A, 'timestamp', 'attach', await answer(tsq), '--json'], { env });
    expect(attached.code, attached.stderr).toBe(0);
    const serial = JSON.parse(attached.stdout).stamp.serial as string;
    expect(await readFile(path.join(dir, 'archive.json'), 'latin1')).not.toMatch(/timestamps|CN=Aqiqat/);
    expect(JSON.parse(aqiqat([...A, 'timestamp', 'list', '--json'], { env }).stdout).stamps[0].serial).toBe(serial);
    expect(aqiqat([...A, 'verify'], { env }).code).toBe(0);
  });

  it('a stamp made before encrypt re-sealed the log is a note, not a cut', async () => {
    const env = { AQIQAT_PASSPHRASE: 'correct horse battery staple' };
    const { work, A } = await sampleArchive();
    const tsq = path.join(work, 'audit.tsq');
    expect(aqiqat([...A, 'timestamp', 'request', '--audit', '--out', tsq]).code).toBe(0);
    expect(aqiqat([...A, 'timestamp', 'attach', await answer(tsq)]).code).toBe(0);
    expect(aqiqat([...A, 'encrypt'], { env }).code).toBe(0);
    const r = aqiqat([...A, 'verify', '--json'], { env });
    expect(r.code, r.stdout).toBe(0);
    expect(JSON.parse(r.stdout).notes).toEqual(
      expect.arrayContaining([expect.stringMatching(/covers the log as it was before it was re-sealed at seq \d+/)]),
    );
  });
});

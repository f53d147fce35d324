/**
 * Evidence packages end to end through the real CLI: `package` from the sample case, then
 * `verify-package`, `unzip` and `sha256sum -c`; every kind of tampering and hostile ZIP fails in one
 * line naming the file, in under 5 s, writing nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHash, createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { createDeflateRaw } from 'node:zlib';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, tempDir } from '../../helpers.js';
import { aqiqat, expectOneLineError, type CliResult } from '../../cli-driver.js';
import { PACKAGE_LIMITS } from '../../../../electron/core/package/format.js';
import { makeTimestampRequest } from '../../../../electron/core/protection/timestamp.js';
import { addStampToPackage } from '../../../../electron/core/package/stamp.js';
import { startLocalTsa } from '../../tsa-fixture.js';

let scratch: string;
let dir: string;
let pkg: string;
let entries: Record<string, Uint8Array>;
let fingerprint: string;
const A = () => ['--archive', dir];

// one package for the whole file (printing it takes seconds): its folder outlives each test's temp folders
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'aqiqat-pkg-'));
  dir = path.join(scratch, 'archive');
  expect(aqiqat([...A(), 'init', '--sample']).code).toBe(0);
  expect(aqiqat([...A(), 'identity', '--name', 'Бюро (sample)']).code).toBe(0);
  pkg = path.join(scratch, 'case.aqpkg');
  const caseId = JSON.parse(aqiqat([...A(), 'case', 'list', '--json']).stdout)[0].id as string;
  const r = aqiqat([...A(), 'package', caseId, '--out', pkg, '--json']);
  expect(r.code, r.stderr).toBe(0);
  fingerprint = JSON.parse(r.stdout).fingerprint;
  entries = unzipSync(new Uint8Array(await readFile(pkg)));
}, 120_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

const names = () => Object.keys(entries);
const source = () => names().find((n) => n.startsWith('sources/'))!;
const text = () => names().find((n) => n.startsWith('texts/'))!;

/** A copy of the package with these entries changed (undefined: removed), written as a new ZIP. */
async function variant(name: string, change: Record<string, Uint8Array | undefined>): Promise<string> {
  const next: Record<string, Uint8Array> = { ...entries };
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  const file = path.join(scratch, name);
  await writeFile(file, zipSync(next));
  return file;
}

const flip = (b: Uint8Array, at = Math.floor(b.length / 2)) => {
  const c = Uint8Array.from(b);
  c[at] = c[at]! ^ 0x01;
  return c;
};

/** verify-package from an empty folder with no archive anywhere: it must fail in one line, fast, writing nothing. */
async function refused(file: string, pattern: RegExp): Promise<CliResult> {
  const cwd = await tempDir();
  const before = await snapshot(scratch);
  const t = Date.now();
  const r = spawnSync(process.execPath, [path.resolve('build/aqiqat.js'), 'verify-package', file], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, AQIQAT_ARCHIVE: path.join(cwd, 'no-archive-here') },
  });
  const result = { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
  expect(Date.now() - t).toBeLessThan(5000);
  expectOneLineError(result, pattern);
  expect(await snapshot(cwd)).toEqual(new Map());
  expect(await snapshot(scratch)).toEqual(before);
  return result;
}

function sha256sumCheck(file: string): { code: number | null; out: string } {
  const out = path.join(path.dirname(file), `${path.basename(file)}.d`);
  spawnSync('rm', ['-rf', out]);
  const unzip = spawnSync('unzip', ['-q', file, '-d', out], { encoding: 'utf8' });
  expect(unzip.status, unzip.stderr).toBe(0);
  const r = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('aqiqat package → verify-package', () => {
  it('passes verify-package, unzip, sha256sum -c and openssl, with no archive, and says what is and is not proven', async () => {
    const cwd = await tempDir();
    const r = spawnSync(process.execPath, [path.resolve('build/aqiqat.js'), 'verify-package', pkg], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, AQIQAT_ARCHIVE: path.join(cwd, 'none') },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`signer: Бюро (sample), key fingerprint ${fingerprint}`);
    expect(r.stdout).toMatch(/proven: 10 quotes match their source texts/);
    expect(r.stdout).toMatch(/^time: not stamped/m);
    expect(r.stdout).toMatch(/not proven: that the content is true/);
    expect(r.stdout).toMatch(/not proven: that the key was not stolen/);
    expect(await snapshot(cwd)).toEqual(new Map());
    expect(JSON.parse(aqiqat([...A(), 'identity', '--json']).stdout).fingerprint).toBe(fingerprint);

    const sums = sha256sumCheck(pkg);
    expect(sums.code, sums.out).toBe(0);
    expect(sums.out).toContain('manifest.sig: OK');
    expect(sums.out).toContain(`${source()}: OK`);
    const out = `${pkg}.d`;
    await writeFile(
      path.join(scratch, 'sig.bin'),
      Buffer.from((await readFile(path.join(out, 'manifest.sig'), 'utf8')).trim(), 'base64'),
    );
    const ossl = spawnSync(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        'public-key.pem',
        '-rawin',
        '-in',
        'manifest.json',
        '-sigfile',
        path.join(scratch, 'sig.bin'),
      ],
      { cwd: out, encoding: 'utf8' },
    );
    expect(ossl.stdout + ossl.stderr).toContain('Signature Verified Successfully');
  });

  it('holds the case, the signer, every file with its hash, the facts with offsets, the audit head; sources byte for byte', async () => {
    const m = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8'));
    expect(m).toMatchObject({
      format: 'aqiqat-evidence-package',
      version: 1,
      signer: { name: 'Бюро (sample)', fingerprint },
    });
    expect(m.case.title).toBe('Мұхтар Жәкішев ісі');
    expect(m.files.map((f: { path: string }) => f.path).sort()).toEqual(
      names()
        .filter((n) => !['manifest.json', 'manifest.sig', 'SHA256SUMS'].includes(n))
        .sort(),
    );
    expect(m.facts).toHaveLength(10);
    const t = Buffer.from(entries[text()]!).toString('utf8');
    for (const f of m.facts) expect(t.slice(f.start, f.end)).toBe(f.quote);
    expect(m.audit.lines).toBeGreaterThan(0);
    expect(m.redaction).toEqual({ redacted: false, sourcesDetailsLeftOut: false, leftOut: [] });
    const original = await readFile(path.resolve('data/sample/seed-article-kk.txt'));
    expect(Buffer.from(entries[source()]!).equals(original)).toBe(true);
    for (const n of names()) expect(n).toMatch(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/);
    const log = JSON.parse(aqiqat([...A(), 'log', '--json']).stdout) as { action: string; summary?: string }[];
    expect(log.at(-1)).toMatchObject({ action: 'export-made' });
    expect(log.at(-1)!.summary).toMatch(/^evidence package → /);
  });

  it('one flipped byte in any file fails verify-package and sha256sum -c, both naming the file', async () => {
    const m = Buffer.from(entries['manifest.json']!).toString('utf8');
    const cases: [string, Uint8Array][] = [
      [source(), flip(entries[source()]!)],
      [text(), flip(entries[text()]!)],
      ['dossier.pdf', flip(entries['dossier.pdf']!)],
      // a byte of a value, so the manifest stays valid JSON: only the signature tells
      ['manifest.json', flip(entries['manifest.json']!, m.indexOf('"created": "') + 13)],
      ['manifest.sig', flip(entries['manifest.sig']!, 5)],
      ['public-key.pem', flip(entries['public-key.pem']!, 40)],
      ['verify.html', flip(entries['verify.html']!)],
    ];
    for (const [name, bytes] of cases) {
      const file = await variant(`flip-${name.replace(/\W/g, '_')}.aqpkg`, { [name]: bytes });
      await refused(file, new RegExp(`invalid: ${name.replace(/[.]/g, '\\.')}`));
      const sums = sha256sumCheck(file);
      expect(sums.code).not.toBe(0);
      expect(sums.out).toContain(`${name}: FAILED`);
    }
    const sumsFile = await variant('flip-sums.aqpkg', { SHA256SUMS: flip(entries.SHA256SUMS!, 3) });
    await refused(sumsFile, /invalid: SHA256SUMS/);
  });

  it('refuses a swapped source, a forged signature, another key, a missing, an extra or a duplicated file', async () => {
    await refused(
      await variant('swap.aqpkg', { [source()]: entries[text()]! }),
      new RegExp(`invalid: ${source().replace(/[.]/g, '\\.')} is not the file that was signed`),
    );
    const other = generateKeyPairSync('ed25519');
    const forged = sign(null, entries['manifest.json']!, other.privateKey).toString('base64');
    await refused(
      await variant('forged.aqpkg', { 'manifest.sig': strToU8(`${forged}\n`) }),
      /invalid: manifest\.sig: the signature/,
    );
    const pem = other.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await refused(
      await variant('other-key.aqpkg', { 'manifest.sig': strToU8(`${forged}\n`), 'public-key.pem': strToU8(pem) }),
      /invalid: public-key\.pem is not the signer's public key/,
    );
    await refused(
      await variant('missing.aqpkg', { [text()]: undefined }),
      new RegExp(`invalid: ${text().replace(/[.]/g, '\\.')} is listed in the manifest but missing`),
    );
    await refused(
      await variant('extra.aqpkg', { 'sources/extra.txt': strToU8('planted') }),
      /invalid: sources\/extra\.txt is in the package but not in its signed manifest/,
    );
    // two entries of one name (a placeholder of the same length renamed in the bytes): `unzip` would show the second
    const placeholder = `texts/${'z'.repeat(text().length - 10)}.txt`;
    const file = path.join(scratch, 'twice.aqpkg');
    const zip = Buffer.from(zipSync({ ...entries, [placeholder]: strToU8('x') }));
    await writeFile(file, Buffer.from(zip.toString('latin1').replaceAll(placeholder, text()), 'latin1'));
    await refused(file, new RegExp(`invalid: ${text().replace(/[.]/g, '\\.')} is in the package twice`));
  });

  it('a timestamp added later under timestamps/ is checked: its time and authority, refused for another hash', async () => {
    const tsa = startLocalTsa();
    try {
      const manifest = entries['manifest.json']!;
      const digest = createHash('sha256').update(manifest).digest();
      const answer = tsa.reply(makeTimestampRequest(digest).der, { token: true });
      const file = path.join(scratch, 'stamped.aqpkg');
      await writeFile(file, addStampToPackage(new Uint8Array(await readFile(pkg)), answer));
      const r = aqiqat(['verify-package', file]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(
        /^time: the manifest existed at \d{4}-\d{2}-\d{2}T.*stamped by .*Aqiqat tests.*give --ca/m,
      );
      const trusted = aqiqat(['verify-package', file, '--ca', tsa.caFile]);
      expect(trusted.stdout).toMatch(/chains to the certificate given/);
      expectOneLineError(
        aqiqat(['verify-package', file, '--ca', tsa.otherCaFile]),
        /invalid: timestamps\/manifest\.tsr: /,
      );
      // an answer for another hash, and bytes that are no answer at all
      const other = tsa.reply(makeTimestampRequest(createHash('sha256').update('another').digest()).der, {
        token: true,
      });
      const wrong = path.join(scratch, 'stamped-other.aqpkg');
      await writeFile(wrong, addStampToPackage(new Uint8Array(await readFile(pkg)), other));
      expectOneLineError(aqiqat(['verify-package', wrong]), /invalid: timestamps\/manifest\.tsr: .*another hash/);
      const junk = await variant('stamped-junk.aqpkg', { 'timestamps/manifest.tsr': strToU8('token bytes') });
      expectOneLineError(aqiqat(['verify-package', junk]), /invalid: timestamps\/manifest\.tsr: /);
    } finally {
      tsa.cleanup();
    }
  });

  it('refuses a manifest (validly signed) naming ../x or /etc/x, and ZIP entries with such names', async () => {
    const id = JSON.parse(await readFile(path.join(dir, 'identity.json'), 'utf8'));
    const key = createPrivateKey({
      key: {
        kty: 'OKP',
        crv: 'Ed25519',
        d: Buffer.from(id.sign.privateKey, 'base64').toString('base64url'),
        x: Buffer.from(id.sign.publicKey, 'base64').toString('base64url'),
      },
      format: 'jwk',
    });
    for (const bad of ['../x', '/etc/x']) {
      const m = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8'));
      m.files.push({ path: bad, size: 1, sha256: '0'.repeat(64), role: 'source' });
      const bytes = strToU8(JSON.stringify(m));
      const sig = strToU8(sign(null, bytes, key).toString('base64'));
      const file = await variant(`path-${bad.length}.aqpkg`, { 'manifest.json': bytes, 'manifest.sig': sig });
      await refused(file, new RegExp(`invalid: ${bad.replace(/[.]/g, '\\.')}: a path outside the package`));
      const zip = Buffer.from(zipSync({ ...entries, [`zz${'x'.repeat(bad.length - 2)}`]: strToU8('x') }));
      const named = path.join(scratch, `entry-${bad.length}.aqpkg`);
      await writeFile(
        named,
        Buffer.from(zip.toString('latin1').replaceAll(`zz${'x'.repeat(bad.length - 2)}`, bad), 'latin1'),
      );
      await refused(named, new RegExp(`invalid: ${bad.replace(/[.]/g, '\\.')}: a path outside the package`));
    }
  });

  it('refuses ZIP bombs (declared huge, or declared small and inflating huge) without inflating them', async () => {
    const huge = PACKAGE_LIMITS.entryBytes + 1024 * 1024;
    const deflated = await deflateZeros(huge);
    expect(deflated.length).toBeLessThan(2 * 1024 * 1024);
    await refused(
      await bombZip('bomb.aqpkg', deflated, huge),
      /invalid: texts\/bomb\.txt would unpack to more than 536870912 bytes/,
    );
    await refused(
      await bombZip('liar.aqpkg', deflated, 1000),
      /invalid: texts\/bomb\.txt would unpack to more than 1000 bytes/,
    );
  });

  it('refuses a truncated file, a non-ZIP file and an empty one in one line', async () => {
    const bytes = await readFile(pkg);
    for (const cut of [Math.floor(bytes.length / 2), bytes.length - 10]) {
      const file = path.join(scratch, `cut-${cut}.aqpkg`);
      await writeFile(file, bytes.subarray(0, cut));
      await refused(file, /invalid: cut-\d+\.aqpkg: the ZIP file is damaged/);
    }
    const pdf = path.join(scratch, 'not.aqpkg');
    await writeFile(pdf, entries['dossier.pdf']!);
    await refused(pdf, /invalid: not\.aqpkg is not an evidence package/);
    const empty = path.join(scratch, 'empty.aqpkg');
    await writeFile(empty, '');
    await refused(empty, /invalid: empty\.aqpkg is not an evidence package/);
    await refused(path.join(scratch, 'nope.aqpkg'), /nope\.aqpkg: no such file/);
  });
});

describe('a redacted package', () => {
  it('leaves out the originals and the texts that show the name, says so, shows the name nowhere, and verifies', async () => {
    const out = path.join(scratch, 'redacted.aqpkg');
    const caseId = JSON.parse(aqiqat([...A(), 'case', 'list', '--json']).stdout)[0].id as string;
    const r = aqiqat([...A(), 'package', caseId, '--out', out, '--redact', 'Мұхтар Жәкішев', '--redact-sources']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/left out because they show a redacted name/);
    const got = unzipSync(new Uint8Array(await readFile(out)));
    expect(Object.keys(got).filter((n) => n.startsWith('sources/') || n.startsWith('texts/'))).toEqual([]);
    const m = JSON.parse(Buffer.from(got['manifest.json']!).toString('utf8'));
    expect(m.redaction.redacted).toBe(true);
    expect(m.redaction.leftOut.map((x: { what: string }) => x.what).sort()).toEqual(['source', 'text']);
    const manifest = Buffer.from(got['manifest.json']!).toString('utf8');
    expect(manifest).not.toMatch(/Жәкішев|Жакишев|Zhakishev/i);
    expect(m.facts.some((f: { redacted: boolean }) => f.redacted)).toBe(true);
    const v = aqiqat(['verify-package', out]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/note: \d+ quotes? of redacted facts or left-out texts are not checked/);
  });
});

/** `n` zero bytes, deflated in slices (the bomb is made without holding it). */
async function deflateZeros(n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const d = createDeflateRaw({ level: 9 });
  d.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => d.on('end', resolve));
  const slice = Buffer.alloc(1024 * 1024);
  for (let left = n; left > 0; left -= slice.length) {
    if (!d.write(left >= slice.length ? slice : slice.subarray(0, left))) await new Promise((r) => d.once('drain', r));
  }
  d.end();
  await done;
  return Buffer.concat(chunks);
}

/** A package's entries plus texts/bomb.txt: `deflated` with `declared` as its size in both headers. */
async function bombZip(name: string, deflated: Buffer, declared: number): Promise<string> {
  const file = path.join(scratch, name);
  // an empty stored placeholder, then patched: method 8, sizes, and the deflated bytes in place of nothing
  const zipped = Buffer.from(zipSync({ 'texts/bomb.txt': strToU8(''), ...entries }, { level: 0 }));
  // the bomb is the first entry: local header at 0, its data right after the 30 + name bytes
  const nameLen = zipped.readUInt16LE(26);
  const dataAt = 30 + nameLen + zipped.readUInt16LE(28);
  const local = Buffer.from(zipped.subarray(0, dataAt));
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declared, 22);
  const rest = Buffer.from(zipped.subarray(dataAt));
  // central directory entries and the end record sit in `rest`; shift their offsets by the bomb's length
  const eocd = rest.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const dirAt = rest.readUInt32LE(eocd + 16) - dataAt;
  rest.writeUInt32LE(rest.readUInt32LE(eocd + 16) + deflated.length, eocd + 16);
  for (let at = dirAt; at < eocd;) {
    const off = rest.readUInt32LE(at + 42);
    if (off === 0) {
      rest.writeUInt16LE(8, at + 10);
      rest.writeUInt32LE(deflated.length, at + 20);
      rest.writeUInt32LE(declared, at + 24);
    } else rest.writeUInt32LE(off + deflated.length, at + 42);
    at += 46 + rest.readUInt16LE(at + 28) + rest.readUInt16LE(at + 30) + rest.readUInt16LE(at + 32);
  }
  await writeFile(file, Buffer.concat([local, deflated, rest]));
  return file;
}

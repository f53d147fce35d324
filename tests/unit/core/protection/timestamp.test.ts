import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answeredBy,
  checkTimestampResponse,
  makeTimestampRequest,
  readTimestampRequest,
} from '../../../../electron/core/protection/timestamp.js';
import { MANIFEST_STAMP as PACKAGE_STAMP } from '../../../../electron/core/package/format.js';
import { addStampToPackage, stampOfPackage } from '../../../../electron/core/package/stamp.js';
import { AqiqatError } from '../../../../electron/core/errors.js';
import { startLocalTsa, type LocalTsa } from '../../tsa-fixture.js';

const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest();
const pem = (file: string) => new Uint8Array(readFileSync(file));

/** The one-line error a promise rejects with, by code. */
async function refusal(p: Promise<unknown>): Promise<AqiqatError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AqiqatError);
  expect((e as Error).message).not.toContain('\n');
  return e as AqiqatError;
}

let tsa: LocalTsa;
beforeAll(() => {
  tsa = startLocalTsa();
}, 60_000);
afterAll(() => tsa?.cleanup());

describe('RFC 3161 against a local openssl authority', () => {
  it('request → reply → check gives the time, authority, serial, policy and fingerprint', async () => {
    const hash = sha('manifest bytes');
    const req = makeTimestampRequest(hash);
    expect(readTimestampRequest(req.der)).toEqual({ sha256: hash.toString('hex'), nonce: req.nonce });
    // openssl reads our request as a valid one: SHA-256, a nonce, the certificate asked for
    writeFileSync(path.join(tsa.dir, 'ours.tsq'), req.der);
    const text = execFileSync('openssl', ['ts', '-query', '-in', 'ours.tsq', '-text'], { cwd: tsa.dir }).toString();
    expect(text).toMatch(/Hash Algorithm: sha256/);
    expect(text).toMatch(/Certificate required: yes/);
    const before = Date.now();
    const resp = tsa.reply(req.der);
    const stamp = await checkTimestampResponse(resp, hash, { nonce: req.nonce, trusted: [pem(tsa.caFile)] });
    expect(stamp.trusted).toBe(true);
    expect(stamp.authority).toBe('CN=Aqiqat Test TSA, O=Aqiqat tests');
    expect(stamp.policy).toBe('1.2.3.4.1');
    expect(stamp.sha256).toBe(hash.toString('hex'));
    expect(stamp.nonce).toBe(req.nonce);
    expect(Math.abs(Date.parse(stamp.time) - before)).toBeLessThan(60_000);
    const tsaDer = execFileSync('openssl', ['x509', '-in', path.join(tsa.dir, 'tsa.pem'), '-outform', 'DER']);
    expect(stamp.certificateFingerprint).toBe(sha(tsaDer).toString('hex'));
    expect(stamp.serial).toMatch(/^[0-9a-f]+$/);
    // without trust anchors: checked, but not trusted
    expect((await checkTimestampResponse(resp, hash)).trusted).toBe(false);
    // the bare token (openssl -token_out) checks the same
    const token = tsa.reply(req.der, { token: true });
    expect((await checkTimestampResponse(token, hash, { nonce: req.nonce })).sha256).toBe(hash.toString('hex'));
  });

  it('a reply for another hash is refused', async () => {
    const other = tsa.reply(makeTimestampRequest(sha('another manifest')).der);
    const e = await refusal(checkTimestampResponse(other, sha('manifest bytes')));
    expect(e.code).toBe('timestamp.other-hash');
    expect(answeredBy(other).sha256).toBe(sha('another manifest').toString('hex'));
  });

  it('a reply to another request for the same hash (another nonce) is refused', async () => {
    const hash = sha('same');
    const first = makeTimestampRequest(hash);
    const second = makeTimestampRequest(hash);
    const e = await refusal(checkTimestampResponse(tsa.reply(second.der), hash, { nonce: first.nonce }));
    expect(e.code).toBe('timestamp.wrong-nonce');
  });

  it('a changed byte in what is signed is refused with one line; elsewhere, never more than one line', async () => {
    const hash = sha('tamper');
    const req = makeTimestampRequest(hash);
    const resp = Buffer.from(tsa.reply(req.der));
    // where the signed parts lie: the TSTInfo, the signer certificate, the signed attributes, the signature
    const token = (await checkTimestampResponse(resp, hash)).token;
    const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(Uint8Array.from(token).buffer).content });
    const si = signed.signerInfos[0]!;
    const parts = [
      signed.encapContentInfo.eContent!.getValue(),
      // the certificate's signed part: its outer header is not covered by the authority's signature
      (signed.certificates![0] as pkijs.Certificate).tbsView,
      si.signedAttrs!.encodedValue.slice(2),
      si.signature.valueBlock.valueHexView,
    ].map((b) => {
      const at = resp.indexOf(Buffer.from(b instanceof ArrayBuffer ? new Uint8Array(b) : b));
      expect(at).toBeGreaterThan(0);
      return [at, at + b.byteLength] as const;
    });
    const signedByte = (i: number) => parts.some(([a, b]) => i >= a && i < b);
    const codes = new Set<string>();
    let refusedSigned = 0;
    for (let i = 0; i < resp.length; i += 5) {
      const bad = Uint8Array.from(resp);
      bad[i]! ^= 0x01;
      const r = await checkTimestampResponse(bad, hash, { nonce: req.nonce, trusted: [pem(tsa.caFile)] }).then(
        () => 'accepted',
        (e: unknown) => (e instanceof AqiqatError && !e.message.includes('\n') ? e.code : `not one line: ${String(e)}`),
      );
      // the envelope (lengths, the digest list, other certificates) is not signed; a change there that
      // still parses leaves the same proof
      if (signedByte(i)) expect(r, `byte ${i} of a signed part changed`).not.toBe('accepted');
      if (r !== 'accepted') {
        expect(r).toMatch(/^timestamp\./);
        codes.add(r);
        if (signedByte(i)) refusedSigned++;
      }
    }
    expect(refusedSigned).toBeGreaterThan(100);
    expect(codes).toContain('timestamp.bad-signature');
  }, 120_000);

  it('a token whose authority does not chain to the trusted CA is reported', async () => {
    const hash = sha('trust');
    const resp = tsa.reply(makeTimestampRequest(hash).der);
    const e = await refusal(checkTimestampResponse(resp, hash, { trusted: [pem(tsa.otherCaFile)] }));
    expect(e.code).toBe('timestamp.not-trusted');
    expect(e.message).toContain('Aqiqat Test TSA');
  });

  it('a signer certificate not marked for time stamping is refused', async () => {
    const hash = sha('eku');
    const forged = await tsa.signedWithoutEku(hash);
    expect((await refusal(checkTimestampResponse(forged, hash))).code).toBe('timestamp.not-a-tsa');
  });

  it('a rejection, garbage, an empty file and a truncated response are one line each', async () => {
    const hash = sha('x');
    // openssl refuses a request for an unsupported digest with a "rejection" response
    writeFileSync(path.join(tsa.dir, 'x.txt'), 'x');
    const sha1Req = execFileSync('openssl', ['ts', '-query', '-data', 'x.txt', '-sha1', '-cert'], { cwd: tsa.dir });
    const rejected = tsa.reply(new Uint8Array(sha1Req));
    expect((await refusal(checkTimestampResponse(rejected, hash))).code).toBe('timestamp.not-granted');
    const resp = tsa.reply(makeTimestampRequest(hash).der);
    for (const bad of [new Uint8Array(), strToU8('<html>502 Bad Gateway</html>'), resp.slice(0, resp.length - 40)])
      expect((await refusal(checkTimestampResponse(bad, hash))).code).toBe('timestamp.malformed');
    // a request is not a response
    expect((await refusal(checkTimestampResponse(makeTimestampRequest(hash).der, hash))).code).toMatch(/^timestamp\./);
  });

  it('openssl checks a token made for our request too (what the README tells a lawyer)', () => {
    const data = strToU8('{"manifest": true}');
    const req = makeTimestampRequest(sha(data));
    const resp = tsa.reply(req.der);
    writeFileSync(path.join(tsa.dir, 'check.tsr'), resp);
    writeFileSync(path.join(tsa.dir, 'check.json'), data);
    const out = execFileSync(
      'openssl',
      ['ts', '-verify', '-in', 'check.tsr', '-data', 'check.json', '-CAfile', tsa.caFile],
      {
        cwd: tsa.dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(out.toString()).toMatch(/Verification: OK/);
  });
});

describe('a stamp in a package', () => {
  const pkg = (files: Record<string, string>) =>
    zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));

  it('the manifest hash is stamped, the stamp added as timestamps/manifest.tsr, every other byte kept', async () => {
    const manifest = '{"files":[{"path":"sources/a.txt"}]}';
    const zip = pkg({ 'manifest.json': manifest, 'sources/a.txt': 'Суд отказал в УДО.', 'signature.sig': 'sig' });
    const { manifestSha256, stamp } = stampOfPackage(zip);
    expect(manifestSha256).toBe(sha(manifest).toString('hex'));
    expect(stamp).toBeNull();
    const req = makeTimestampRequest(Buffer.from(manifestSha256, 'hex'));
    const token = (await checkTimestampResponse(tsa.reply(req.der), manifestSha256, { nonce: req.nonce })).token;
    const stamped = addStampToPackage(zip, token);
    const files = unzipSync(stamped);
    expect(Object.keys(files).sort()).toEqual(
      ['manifest.json', 'signature.sig', 'sources/a.txt', PACKAGE_STAMP].sort(),
    );
    expect(Buffer.from(files['sources/a.txt']!).toString()).toBe('Суд отказал в УДО.');
    const again = stampOfPackage(stamped);
    expect(again.manifestSha256).toBe(manifestSha256);
    const check = await checkTimestampResponse(again.stamp!, manifestSha256, { trusted: [pem(tsa.caFile)] });
    expect(check.trusted).toBe(true);
    // and `openssl ts -verify` reads the stored .tsr against the manifest
    writeFileSync(path.join(tsa.dir, 'pkg.tsr'), again.stamp!);
    writeFileSync(path.join(tsa.dir, 'pkg-manifest.json'), manifest);
    const out = execFileSync(
      'openssl',
      ['ts', '-verify', '-in', 'pkg.tsr', '-data', 'pkg-manifest.json', '-CAfile', tsa.caFile],
      {
        cwd: tsa.dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(out.toString()).toMatch(/Verification: OK/);
  });

  it('not a ZIP, no manifest, a manifest whose size lies, a bomb: one line each', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(AqiqatError);
        expect((e as Error).message).not.toContain('\n');
        return (e as AqiqatError).code;
      }
      return 'accepted';
    };
    expect(err(() => stampOfPackage(strToU8('not a zip')))).toBe('timestamp.not-a-package');
    expect(err(() => stampOfPackage(pkg({ 'other.json': '{}' })))).toBe('timestamp.not-a-package');
    // a table of contents that says the manifest is shorter than it is: fflate would cut it, the CRC shows it
    const lying = Buffer.from(pkg({ 'manifest.json': '{"a": "a long manifest"}' }));
    const eocd = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cd = lying.readUInt32LE(eocd + 16);
    lying.writeUInt32LE(4, cd + 24);
    lying.writeUInt32LE(4, 22);
    expect(err(() => stampOfPackage(lying))).toBe('timestamp.not-a-package');
    // a manifest that unpacks to 100 MB from a few hundred KB
    const bomb = zipSync({ 'manifest.json': [new Uint8Array(100 * 1024 * 1024), { level: 9 }] });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const t = Date.now();
    expect(err(() => stampOfPackage(bomb))).toBe('timestamp.not-a-package');
    expect(Date.now() - t).toBeLessThan(5000);
  });
});

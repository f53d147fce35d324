/** The archive's signing identity: made once, sealed when encrypted, carried by backup and restore, audited. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { snapshot, tempDir } from '../../helpers.js';
import { aqiqatWith, expectOneLineError } from '../../cli-driver.js';

const PASS = 'identity кілт сөзі';
const aqiqat = aqiqatWith({ env: { AQIQAT_PASSPHRASE: PASS, AQIQAT_TEST_SCRYPT_LOG2N: '12' } });
const FINGERPRINT = /^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/;

async function archive(encrypt = false) {
  const scratch = await tempDir();
  const dir = path.join(scratch, 'archive');
  expect(aqiqat(['--archive', dir, 'init', ...(encrypt ? ['--encrypt'] : [])]).code).toBe(0);
  return { scratch, dir, A: ['--archive', dir] };
}
const identityOf = (A: string[]) => JSON.parse(aqiqat([...A, 'identity', '--json']).stdout);

describe('identity', () => {
  it('is made once on first need, shown with a fingerprint of the exported key, and renamed with an audit line', async () => {
    const { A, scratch } = await archive();
    const first = identityOf(A);
    expect(first.fingerprint).toMatch(FINGERPRINT);
    expect(identityOf(A).fingerprint).toBe(first.fingerprint);
    const renamed = JSON.parse(aqiqat([...A, 'identity', '--name', '  Қазақстан құқық бюросы ', '--json']).stdout);
    expect(renamed).toMatchObject({ name: 'Қазақстан құқық бюросы', fingerprint: first.fingerprint });
    const out = path.join(scratch, 'key.pem');
    expect(aqiqat([...A, 'identity', 'export', '--pem', '--out', out]).code).toBe(0);
    const pem = await readFile(out, 'utf8');
    expect(aqiqat([...A, 'identity', 'export', '--pem']).stdout.trim()).toBe(pem.trim());
    const raw = createPublicKey(pem).export({ format: 'der', type: 'spki' }).subarray(-32);
    const { fingerprintOf } = await import('../../../../electron/shared/fingerprint.js');
    expect(fingerprintOf(createHash('sha256').update(raw).digest())).toBe(first.fingerprint);
    const log = JSON.parse(aqiqat([...A, 'log', '--json']).stdout) as { action: string; summary?: string }[];
    expect(log.filter((e) => e.action === 'identity-created')).toHaveLength(1);
    expect(log.find((e) => e.action === 'identity-renamed')?.summary).toBe('unnamed → Қазақстан құқық бюросы');
    expect(aqiqat([...A, 'identity']).stdout).toContain(`fingerprint ${first.fingerprint}`);
    expect(aqiqat([...A, 'verify']).code).toBe(0);
  });

  it('refuses a bad name in one line and changes nothing', async () => {
    const { A, dir } = await archive();
    identityOf(A);
    const before = await snapshot(dir);
    for (const name of ['', '   ', 'two\nlines', 'x'.repeat(201)])
      expectOneLineError(aqiqat([...A, 'identity', '--name', name]), /signing name must be one line/, 2);
    const after = await snapshot(dir);
    for (const f of ['identity.json', 'audit.log', 'audit.signed']) expect(after.get(f)).toBe(before.get(f));
  });

  it('is sealed in an encrypted archive (no key in clear), survives a re-key, and a plain one put there is refused', async () => {
    const { A, dir } = await archive(true);
    const { fingerprint } = identityOf(A);
    const stored = await readFile(path.join(dir, 'identity.json'));
    expect(stored.subarray(0, 6).toString()).toBe('AQENC2');
    expect(stored.toString('latin1')).not.toContain('Ed25519');
    const next = 'тағы бір кілт сөз';
    const rekey = aqiqat([...A, 'passphrase', '--rekey'], { env: { AQIQAT_NEW_PASSPHRASE: next } });
    expect(rekey.code, rekey.stderr).toBe(0);
    const B = { env: { AQIQAT_PASSPHRASE: next } };
    expect(JSON.parse(aqiqat([...A, 'identity', '--json'], B).stdout).fingerprint).toBe(fingerprint);
    expect(aqiqat([...A, 'verify'], B).code).toBe(0);
    const plain = await archive();
    identityOf(plain.A);
    await writeFile(path.join(dir, 'identity.json'), await readFile(path.join(plain.dir, 'identity.json')));
    expectOneLineError(aqiqat([...A, 'identity'], B), /identity\.json is not sealed/);
  });

  it('a plain archive that gets encrypted seals its identity; a damaged one is one line', async () => {
    const { A, dir } = await archive();
    const { fingerprint } = identityOf(A);
    expect(aqiqat([...A, 'encrypt']).code).toBe(0);
    expect((await readFile(path.join(dir, 'identity.json'))).subarray(0, 6).toString()).toBe('AQENC2');
    expect(identityOf(A).fingerprint).toBe(fingerprint);
    const damaged = await archive();
    identityOf(damaged.A);
    const id = JSON.parse(await readFile(path.join(damaged.dir, 'identity.json'), 'utf8'));
    id.sign.publicKey = Buffer.alloc(32, 7).toString('base64'); // not the private key's
    await writeFile(path.join(damaged.dir, 'identity.json'), JSON.stringify(id));
    expectOneLineError(aqiqat([...damaged.A, 'identity']), /identity\.json, the archive's signing key, is damaged/);
  });

  it('a backup carries the key and restore brings it back', async () => {
    const { A, scratch } = await archive(true);
    const { fingerprint } = JSON.parse(aqiqat([...A, 'identity', '--name', 'Bureau', '--json']).stdout);
    const backup = path.join(scratch, 'archive.aqbak');
    expect(aqiqat([...A, 'backup', '--out', backup]).code).toBe(0);
    const other = path.join(scratch, 'restored');
    const r = aqiqat(['--archive', other, 'restore', backup]);
    expect(r.code, r.stderr).toBe(0);
    expect(identityOf(['--archive', other])).toMatchObject({ fingerprint, name: 'Bureau' });
    expect(aqiqat(['--archive', other, 'verify']).code).toBe(0);
  });
});

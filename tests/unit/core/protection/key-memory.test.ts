/**
 * Key material is not left in buffers for the garbage collector: the key derived from the passphrase
 * and the data key's intermediate copies are zeroed once used, and a closed archive's keys too.
 */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/** Every key scrypt derives and every buffer a decipher hands out, to look at after the call. */
const derived: Buffer[] = [];
const deciphered: Buffer[] = [];
vi.mock('node:crypto', async (original) => {
  const real = await original<typeof import('node:crypto')>();
  return {
    ...real,
    scrypt: (...args: unknown[]) => {
      const callback = args.pop() as (e: Error | null, key: Buffer) => void;
      (real.scrypt as (...a: unknown[]) => void)(...args, (e: Error | null, key: Buffer) => {
        if (key) derived.push(key);
        callback(e, key);
      });
    },
    createDecipheriv: (...args: Parameters<typeof real.createDecipheriv>) => {
      const decipher = real.createDecipheriv(...args);
      const update = decipher.update.bind(decipher) as (data: Buffer) => Buffer;
      (decipher as unknown as { update: (data: Buffer) => Buffer }).update = (data) => {
        const out = update(data);
        deciphered.push(out);
        return out;
      };
      return decipher;
    },
  };
});

const { newKeyFile, rewrap, unlock } = await import('../../../../electron/core/protection/crypto.js');
const { Archive } = await import('../../../../electron/core/archive.js');
const { tempDir } = await import('../../helpers.js');

const zeroed = (b: Buffer) => b.every((x) => x === 0);
const PASS = 'a passphrase of some words';

describe('key material in memory', () => {
  it('the passphrase key is zeroed after sealing and unlocking; a wrong passphrase leaves nothing either', async () => {
    process.env.AQIQAT_TEST_SCRYPT_LOG2N = '12';
    derived.length = 0;
    const { keyFile } = await newKeyFile(PASS);
    const dataKey = await unlock(keyFile, PASS);
    await expect(unlock(keyFile, 'not the passphrase')).rejects.toThrow(/wrong passphrase/);
    await rewrap(keyFile, PASS, 'another passphrase here');
    expect(derived.length).toBe(5);
    expect(derived.every(zeroed)).toBe(true);
    expect(zeroed(dataKey)).toBe(false);
  });

  it('closing an encrypted archive zeroes its data key and every decrypted copy of it', async () => {
    const dir = path.join(await tempDir(), 'a');
    const created = await Archive.create(dir, { encrypt: true, passphrase: PASS });
    await created.close();
    deciphered.length = 0;
    const archive = await Archive.open(dir, { passphrase: PASS });
    await archive.listArticles();
    const keys = deciphered.filter((b) => b.length === 32);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some(zeroed)).toBe(false);
    await archive.close();
    expect(keys.every(zeroed)).toBe(true);
  });
});

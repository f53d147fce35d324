/**
 * `aqiqat verify-package FILE`: needs no archive. Reads the file (refused above the package limit before
 * it is read), unpacks it with the guarded reader, runs the one check (check.ts) with Node's crypto, and
 * checks the time if the package carries a timestamp.
 */
import { createHash, verify } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { AqiqatError } from '../errors.js';
import { publicKeyOf } from '../protection/identity.js';
import { checkPackage, type PackageCrypto, type PackageVerdict } from './check.js';
import { PACKAGE_LIMITS } from './format.js';
import { readPackageZip } from './zip-read.js';

export const nodePackageCrypto: PackageCrypto = {
  sha256: async (data) => createHash('sha256').update(data).digest(),
  verify: async (key, data, signature) => {
    try {
      return verify(null, data, publicKeyOf(key), signature);
    } catch {
      return false;
    }
  },
};

/** What the package says about its time: nothing, or a timestamp (checked where the stamp check plugs in). */
export type TimeCheck =
  { stamped: false } | { stamped: 'unchecked' } | { stamped: true; time: string; authority: string };

/**
 * The proof of time: an RFC 3161 token over SHA-256(manifest.json) in timestamps/manifest.tsr. This is
 * the one place its check plugs in; until then a token is reported as present but not checked.
 */
export async function checkPackageTime(stamp: Uint8Array | null, manifestBytes: Uint8Array): Promise<TimeCheck> {
  void manifestBytes;
  return stamp === null ? { stamped: false } : { stamped: 'unchecked' };
}

export interface PackageReport extends Omit<PackageVerdict, 'manifestBytes' | 'stamp'> {
  file: string;
  time: TimeCheck;
}

async function readLimited(file: string, max: number): Promise<Uint8Array> {
  const name = path.basename(file);
  const h = await open(file, 'r').catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'ENOENT'
      ? new AqiqatError('file.no-such', { file })
      : new AqiqatError('file.unreadable', { file, reason: e.code ?? e.message });
  });
  try {
    const { size } = await h.stat();
    if (size > max) throw new AqiqatError('package.too-big', { file: name, max });
    const bytes = Buffer.alloc(size);
    let done = 0;
    while (done < size) {
      const { bytesRead } = await h.read(bytes, done, size - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return bytes.subarray(0, done);
  } catch (e) {
    if (e instanceof AqiqatError) throw e;
    throw new AqiqatError('file.unreadable', { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  } finally {
    await h.close();
  }
}

export async function verifyPackageFile(file: string): Promise<PackageReport> {
  const bytes = await readLimited(file, PACKAGE_LIMITS.packageBytes);
  const entries = readPackageZip(bytes, path.basename(file));
  const { manifestBytes, stamp, ...verdict } = await checkPackage(entries, nodePackageCrypto);
  return { ...verdict, file: path.resolve(file), time: await checkPackageTime(stamp, manifestBytes) };
}

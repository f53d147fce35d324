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

/** a certificate file is a few KB; a CA bundle well under this */
const CA_FILE_LIMIT = 4_000_000;
import { checkPackage, type PackageCrypto, type PackageVerdict } from './check.js';
import { MANIFEST_STAMP, PACKAGE_LIMITS } from './format.js';
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

/** What the package says about its time: nothing, or a checked RFC 3161 timestamp over its manifest. */
export type TimeCheck =
  | { stamped: false }
  | { stamped: true; time: string; authority: string; certificateFingerprint: string; trusted: boolean | null };

/**
 * The proof of time: an RFC 3161 token over SHA-256(manifest.json) in timestamps/manifest.tsr. A token
 * for another hash, badly signed or malformed fails the package with its one line; with `trusted`
 * certificates the authority must chain to one of them (null: not asked).
 */
export async function checkPackageTime(
  stamp: Uint8Array | null,
  manifestBytes: Uint8Array,
  trusted?: readonly Uint8Array[],
): Promise<TimeCheck> {
  if (stamp === null) return { stamped: false };
  const sha256 = createHash('sha256').update(manifestBytes).digest();
  // PKI.js is loaded for a stamped package only
  const { checkTimestampResponse } = await import('../protection/timestamp.js');
  const s = await checkTimestampResponse(stamp, sha256, trusted ? { trusted } : {}).catch((e: unknown) => {
    throw e instanceof AqiqatError
      ? new AqiqatError('package.stamp-invalid', { file: MANIFEST_STAMP, reason: e.message })
      : e;
  });
  return {
    stamped: true,
    time: s.time,
    authority: s.authority,
    certificateFingerprint: s.certificateFingerprint,
    trusted: trusted ? s.trusted : null,
  };
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

/** `ca`: a file of certificates (PEM or DER) a timestamp's authority must chain to. */
export async function verifyPackageFile(file: string, opts: { ca?: string | undefined } = {}): Promise<PackageReport> {
  const { certificates } = await import('../protection/timestamp.js');
  const trusted = opts.ca ? certificates(await readLimited(opts.ca, CA_FILE_LIMIT), path.basename(opts.ca)) : undefined;
  const bytes = await readLimited(file, PACKAGE_LIMITS.packageBytes);
  return { ...(await verifyPackageBytes(bytes, path.basename(file), trusted)), file: path.resolve(file) };
}

/** The same check on bytes already read (the app reads the file the user picks); `name` names it in errors. */
export async function verifyPackageBytes(
  bytes: Uint8Array,
  name: string,
  trusted?: readonly Uint8Array[],
): Promise<PackageReport> {
  if (bytes.length > PACKAGE_LIMITS.packageBytes)
    throw new AqiqatError('package.too-big', { file: name, max: PACKAGE_LIMITS.packageBytes });
  const entries = readPackageZip(bytes, name);
  const { manifestBytes, stamp, ...verdict } = await checkPackage(entries, nodePackageCrypto);
  return { ...verdict, file: name, time: await checkPackageTime(stamp, manifestBytes, trusted) };
}

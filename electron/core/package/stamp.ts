/**
 * A package's proof of time: `timestamps/manifest.tsr`, a DER TimeStampResp (status granted + the token)
 * over SHA-256 of `manifest.json`'s bytes, the form `openssl ts -verify -in manifest.tsr -data
 * manifest.json` reads. Pure: the package is read with the guarded reader, rewritten with fflate.
 */
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { AqiqatError } from '../../shared/errors.js';
import { responseOfToken } from '../protection/timestamp.js';
import { MANIFEST, MANIFEST_STAMP, PACKAGE_LIMITS } from './format.js';
import { readPackageZip } from './zip-read.js';

/** What the manifest and its stamp may unpack to: far less than a source may. */
const MAX_MANIFEST = 64 * 1024 * 1024;

/** The guarded reader's refusal, worded as "not an evidence package" for a stamp's caller. */
function read(zip: Uint8Array, keep?: (name: string) => number | false): Map<string, Uint8Array> {
  try {
    return readPackageZip(zip, 'package', PACKAGE_LIMITS, keep);
  } catch (e) {
    if (e instanceof AqiqatError) throw new AqiqatError('timestamp.not-a-package', { detail: e.message });
    throw e;
  }
}

/** A package's manifest hash (what a stamp covers) and the stamp it carries, if any. */
export function stampOfPackage(zip: Uint8Array): { manifestSha256: string; stamp: Uint8Array | null } {
  const files = read(zip, (n) => (n === MANIFEST || n === MANIFEST_STAMP ? MAX_MANIFEST : false));
  const manifest = files.get(MANIFEST);
  if (!manifest) throw new AqiqatError('timestamp.not-a-package', { detail: `it has no ${MANIFEST}` });
  return {
    manifestSha256: createHash('sha256').update(manifest).digest('hex'),
    stamp: files.get(MANIFEST_STAMP) ?? null,
  };
}

/**
 * The package with `timestamps/manifest.tsr` set to this token (as a TimeStampResp); every other entry
 * keeps its bytes, so the manifest's hashes and signature still hold.
 */
export function addStampToPackage(zip: Uint8Array, tokenDer: Uint8Array): Uint8Array {
  stampOfPackage(zip);
  const entries: Record<string, [Uint8Array, { level: 6 }]> = {};
  for (const [name, data] of read(zip)) if (name !== MANIFEST_STAMP) entries[name] = [data, { level: 6 }];
  entries[MANIFEST_STAMP] = [responseOfToken(tokenDer), { level: 6 }];
  return zipSync(entries);
}

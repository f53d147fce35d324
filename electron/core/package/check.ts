/**
 * Checking an unpacked package, the one logic of `aqiqat verify-package` and of verify.html: the
 * signer's key against the manifest, the signature over manifest.json's bytes, every listed file's size
 * and SHA-256, no file missing or unlisted, SHA256SUMS as the files make it, each quote at its offsets.
 * Pure: the hashing and the signature check come in (Node's crypto, or WebCrypto in a browser). The first
 * thing wrong is thrown as one AqiqatError naming the file; the order makes it the file that was changed.
 */
import { AqiqatError } from '../../shared/errors.js';
import { fingerprintOf } from '../../shared/fingerprint.js';
import {
  isSafePackagePath,
  MANIFEST,
  MANIFEST_STAMP,
  ManifestSchema,
  outsideManifest,
  outsideSums,
  PUBLIC_KEY,
  SIGNATURE,
  SUMS,
  sumsText,
  type Manifest,
} from './format.js';

export interface PackageCrypto {
  sha256(data: Uint8Array): Promise<Uint8Array>;
  /** Ed25519: `signature` over `data` by the raw 32-byte public key */
  verify(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

export interface PackageVerdict {
  manifest: Manifest;
  manifestBytes: Uint8Array;
  signer: { name: string; fingerprint: string };
  /** files whose SHA-256 matched the signed manifest (itself, its signature and SHA256SUMS aside) */
  files: number;
  quotesChecked: number;
  /** quotes with a redacted name, or whose text was left out: not checkable against a text */
  quotesUnchecked: number;
  /** the bytes of timestamps/manifest.tsr, if a timestamp was added */
  stamp: Uint8Array | null;
}

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The raw key of an Ed25519 SubjectPublicKeyInfo in PEM (its DER is a fixed 12-byte prefix and the key). */
const SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
export function ed25519FromPem(pem: string): Uint8Array | null {
  const m = /^-----BEGIN PUBLIC KEY-----\s+([A-Za-z0-9+/=\s]+?)\s*-----END PUBLIC KEY-----\s*$/.exec(pem);
  if (!m) return null;
  let der: Uint8Array;
  try {
    der = Uint8Array.from(atob(m[1]!.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  if (der.length !== 44 || SPKI_PREFIX.some((b, i) => der[i] !== b)) return null;
  return der.subarray(12);
}

function base64Bytes(text: string): Uint8Array | null {
  const t = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(t)) return null;
  try {
    return Uint8Array.from(atob(t), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

const text = (bytes: Uint8Array | undefined): string | null => {
  if (!bytes) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
};

export async function checkPackage(
  entries: ReadonlyMap<string, Uint8Array>,
  crypto: PackageCrypto,
): Promise<PackageVerdict> {
  const sha = async (b: Uint8Array) => hex(await crypto.sha256(b));
  const manifestBytes = entries.get(MANIFEST);
  if (!manifestBytes) throw new AqiqatError('package.file-missing', { file: MANIFEST });
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(text(manifestBytes) ?? '\u0000'));
  } catch (e) {
    const issue = (e as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
    const reason = issue ? `${issue.path.join('.')}: ${issue.message}` : 'not JSON';
    throw new AqiqatError('package.manifest-invalid', { file: MANIFEST, reason });
  }

  // the key must be the one the manifest names, and must have signed exactly these manifest bytes
  const key = ed25519FromPem(text(entries.get(PUBLIC_KEY)) ?? '');
  if (!key)
    throw new AqiqatError(entries.has(PUBLIC_KEY) ? 'package.key-invalid' : 'package.file-missing', {
      file: PUBLIC_KEY,
    });
  const fingerprint = fingerprintOf(await crypto.sha256(key));
  if (fingerprint !== manifest.signer.fingerprint) throw new AqiqatError('package.key-invalid', { file: PUBLIC_KEY });
  const sigBytes = entries.get(SIGNATURE);
  if (!sigBytes) throw new AqiqatError('package.file-missing', { file: SIGNATURE });
  const signature = base64Bytes(text(sigBytes) ?? '');
  if (!signature || signature.length !== 64 || !(await crypto.verify(key, manifestBytes, signature))) {
    // which of the two changed: SHA256SUMS, if it is intact, says
    const sums = parseSums(text(entries.get(SUMS)) ?? '');
    const manifestChanged = sums.get(MANIFEST) !== undefined && sums.get(MANIFEST) !== (await sha(manifestBytes));
    throw new AqiqatError('package.signature-invalid', { file: manifestChanged ? MANIFEST : SIGNATURE });
  }

  // every listed file, as signed
  const listed = new Set<string>();
  for (const f of manifest.files) {
    if (!isSafePackagePath(f.path) || outsideManifest(f.path))
      throw new AqiqatError('package.unsafe-path', { file: f.path });
    if (listed.has(f.path)) throw new AqiqatError('package.file-twice', { file: f.path });
    listed.add(f.path);
    const bytes = entries.get(f.path);
    if (!bytes) throw new AqiqatError('package.file-missing', { file: f.path });
    if (bytes.length !== f.size || (await sha(bytes)) !== f.sha256)
      throw new AqiqatError('package.file-changed', { file: f.path });
  }
  if (!listed.has(PUBLIC_KEY)) throw new AqiqatError('package.file-unlisted', { file: PUBLIC_KEY });
  for (const p of [...entries.keys()].sort())
    if (!listed.has(p) && !outsideManifest(p)) throw new AqiqatError('package.file-unlisted', { file: p });

  // SHA256SUMS: exactly what the files make it (the manifest's own lines are covered by the signature above)
  const sumsBytes = entries.get(SUMS);
  if (!sumsBytes) throw new AqiqatError('package.file-missing', { file: SUMS });
  const expected = sumsText(
    await Promise.all(
      [...entries.keys()]
        .filter((p) => !outsideSums(p))
        .map(async (p) => ({ path: p, sha256: await sha(entries.get(p)!) })),
    ),
  );
  if (text(sumsBytes) !== expected) throw new AqiqatError('package.sums-invalid', { file: SUMS });

  // each quote is the text at its offsets
  const textOf = new Map<string, string>();
  for (const a of manifest.articles) {
    if (a.text === null) continue;
    if (!listed.has(a.text)) throw new AqiqatError('package.file-missing', { file: a.text });
    const t = text(entries.get(a.text));
    if (t === null) throw new AqiqatError('package.file-changed', { file: a.text });
    textOf.set(a.id, t);
  }
  let quotesChecked = 0;
  let quotesUnchecked = 0;
  for (const f of manifest.facts) {
    const t = textOf.get(f.article);
    if (f.redacted || t === undefined) {
      quotesUnchecked++;
      continue;
    }
    if (f.end > t.length || f.start >= f.end || t.slice(f.start, f.end) !== f.quote) {
      const article = manifest.articles.find((a) => a.id === f.article)!;
      throw new AqiqatError('package.quote-mismatch', { file: article.text!, fact: f.id });
    }
    quotesChecked++;
  }
  return {
    manifest,
    manifestBytes,
    signer: { name: manifest.signer.name, fingerprint },
    files: manifest.files.length,
    quotesChecked,
    quotesUnchecked,
    stamp: entries.get(MANIFEST_STAMP) ?? null,
  };
}

/** SHA256SUMS lines by path (for telling which file a bad signature is about). */
function parseSums(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of raw.split('\n')) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (m) out.set(m[2]!, m[1]!);
  }
  return out;
}

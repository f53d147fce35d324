/**
 * The fingerprint of a signing key as people read it: the first 20 bytes of the SHA-256 of the raw
 * 32-byte Ed25519 public key, in base32 (RFC 4648, no padding: letters and 2-7, nothing to confuse
 * when spoken), in groups of four. 160 bits: a second key with the same fingerprint is out of reach.
 * Pure: the CLI, the app and the package's verify.html all show it the same way (each hashes).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export const FINGERPRINT_BYTES = 20;

export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** The fingerprint of a key whose SHA-256 is `digest`: 8 groups of 4, e.g. "K3QZ 7M2A …". */
export function fingerprintOf(digest: Uint8Array): string {
  return (base32(digest.subarray(0, FINGERPRINT_BYTES)).match(/.{1,4}/g) ?? []).join(' ');
}

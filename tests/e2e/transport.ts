/**
 * The one thing the Playwright binding needs beyond the preload: `page.exposeFunction` sends JSON, which
 * would turn a Uint8Array into {"0":…,"1":…}. So the page encodes byte arrays as {[BYTES]: base64} and Node
 * decodes them back into a Uint8Array — what contextBridge would have delivered — before dispatch.
 * No platform APIs beyond btoa/atob, so the same file runs in the page (bundled) and in Node.
 */
const BYTES = '$aqiqat:bytes';

export function encodeInput(input: unknown): string {
  return JSON.stringify(input, (_key, value: unknown) =>
    value instanceof Uint8Array ? { [BYTES]: toBase64(value) } : value,
  );
}

export function decodeInput(payload: string): unknown {
  return JSON.parse(payload, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && BYTES in value) {
      const b64 = (value as Record<string, unknown>)[BYTES];
      if (typeof b64 === 'string') return fromBase64(b64);
    }
    return value;
  });
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // chunked: String.fromCharCode(...bytes) overflows the call stack on large files
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(b64: string): Uint8Array {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

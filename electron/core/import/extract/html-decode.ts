/**
 * HTML bytes → string. Saved pages from older Kazakh and Russian sites are often windows-1251, so the
 * page's own declaration (BOM, <meta charset>, http-equiv) is honoured; without one, strict UTF-8.
 */
import { AqiqatError } from '../../errors.js';

export function sniffCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // the declaration must be in the first 1024 bytes (HTML spec prescan); latin1 keeps byte offsets
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

export function decodeHtml(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new AqiqatError('import.empty', { name });
  const declared = sniffCharset(bytes);
  let label = declared ?? 'utf-8';
  try {
    new TextDecoder(label);
  } catch {
    throw new AqiqatError('import.unknown-charset', { name, charset: declared! });
  }
  if (label === 'utf-16le' || label === 'utf-16be' || label === 'utf-16') label = declared ?? label;
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new AqiqatError(declared ? 'import.bad-charset' : 'import.bad-charset-undeclared', { name, charset: label });
  }
}

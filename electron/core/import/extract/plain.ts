/** .txt / .md: the bytes are the text (strict UTF-8). */
import { decodeUtf8 } from '../../../shared/text.js';
import type { Extracted } from './types.js';

export async function extractPlain(bytes: Uint8Array, name: string): Promise<Extracted> {
  return { text: decodeUtf8(bytes, name), meta: {} };
}

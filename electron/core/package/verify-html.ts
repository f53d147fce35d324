/**
 * verify.html as built: `build/build-node.mjs` bundles verify-page.ts (with fflate and the error texts)
 * into one self-contained page and hands it to the Node bundles as a constant; run from the sources
 * (the unit tests), it is read from dist/, where the same build wrote it.
 */
import { readFile } from 'node:fs/promises';
import { AqiqatError } from '../errors.js';

declare const AQIQAT_VERIFY_HTML: string | undefined;

export async function verifyPageHtml(): Promise<string> {
  if (typeof AQIQAT_VERIFY_HTML === 'string') return AQIQAT_VERIFY_HTML;
  const built = new URL('../../../dist/package/verify.html', import.meta.url);
  return readFile(built, 'utf8').catch(() => {
    throw new AqiqatError('internal', { detail: 'verify.html is not built: run `node build/build-node.mjs`' });
  });
}

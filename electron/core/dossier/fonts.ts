/**
 * The dossier's fonts: Noto Sans (regular, bold) embedded as base64 @font-face, so that Kazakh
 * (ә ғ қ ң ө ұ ү һ і) and Russian print the same on every machine and the PDF names no system font.
 * Read at run time from @fontsource/noto-sans (a `dependency`: the renderer bundles the same files,
 * one pinned copy, its OFL licence beside it). Kazakh needs both cyrillic (і, ұ) and cyrillic-ext (ә ғ қ ң ө ү һ).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AqiqatError } from '../errors.js';

/** unicode-range values copied from @fontsource/noto-sans 5.3.0 (400.css) */
const SUBSETS: Record<string, string> = {
  'cyrillic-ext': 'U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F',
  cyrillic: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116',
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
};

export type Weight = 400 | 700;

let fontDir: string | null = null;
function dir(): string {
  if (fontDir) return fontDir;
  try {
    const pkg = createRequire(import.meta.url).resolve('@fontsource/noto-sans/package.json');
    fontDir = path.join(path.dirname(pkg), 'files');
  } catch {
    throw new AqiqatError('dossier.font-package-missing', {}, 'archive');
  }
  return fontDir;
}

const cache = new Map<string, string>();

/** @font-face rules for `family` in the given weights, every subset base64-embedded. */
export function fontCss(family: string, weights: readonly Weight[] = [400, 700]): string {
  const key = `${family}|${weights.join(',')}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const rules = weights.flatMap((w) =>
    Object.entries(SUBSETS).map(([subset, range]) => {
      const file = path.join(dir(), `noto-sans-${subset}-${w}-normal.woff2`);
      let data: Buffer;
      try {
        data = readFileSync(file);
      } catch {
        throw new AqiqatError('dossier.font-file-missing', { file: path.basename(file) }, 'archive');
      }
      return `@font-face{font-family:'${family}';font-style:normal;font-weight:${w};font-display:block;unicode-range:${range};src:url(data:font/woff2;base64,${data.toString('base64')}) format('woff2')}`;
    }),
  );
  const css = rules.join('\n');
  cache.set(key, css);
  return css;
}

/** The fonts of a dossier: the page's (regular + bold) and the footer's (regular only: the footer is a separate document). */
export function dossierFonts(): { page: string; footer: string } {
  return { page: fontCss('DossierSans'), footer: fontCss('FooterSans', [400]) };
}

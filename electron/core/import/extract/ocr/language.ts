/**
 * Which Cyrillic language a page read by OCR is in, from the reading itself: a page is read with the model
 * of the language its document was last found in, and read again with the other model when the reading
 * says it was the wrong one. Each model marks the other language plainly (measured on the bench's pages):
 * the Kazakh model reads a Kazakh page with some 8 % of its Cyrillic letters Kazakh-only (ә, ғ, қ, ң, ө,
 * ұ, ү, һ, і) and a Russian page with none; the Russian reading (Belarusian and Ukrainian models) reads a
 * Kazakh page with some 7 % і or ў (Kazakh і, Belarusian ў for ұ/ү) and a Russian page with 0–0.1 %.
 */
import type { CyrillicLanguage } from './engine.js';

/** Below this many Cyrillic letters a page (a stamp, a signature, a table of numbers) says nothing. */
const MIN_LETTERS = 100;
/** The share of marker letters that tells the languages apart: far from both sides of the measured rates. */
const SHARE = 0.02;

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const MARKS: Record<CyrillicLanguage, RegExp> = {
  kk: /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g,
  ru: /[іўІЎ]/g,
};

/** The language of a page read `as` kk or ru, or undefined when the page has too few letters to tell. */
export function languageOfReading(text: string, as: CyrillicLanguage): CyrillicLanguage | undefined {
  const letters = text.match(CYRILLIC)?.length ?? 0;
  if (letters < MIN_LETTERS) return undefined;
  const marks = text.match(MARKS[as])?.length ?? 0;
  // read as Kazakh: Kazakh letters mean Kazakh; read as Russian: і and ў mean the page was Kazakh
  return marks / letters >= SHARE ? 'kk' : 'ru';
}

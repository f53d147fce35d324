/** Pure text helpers of the import pipeline: decoding, normalisation, title and language. */
import { AqiqatError } from './errors.js';
import type { Language } from '../core/model.js';

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/** Decode UTF-8 strictly: binary or another encoding is refused, never silently mangled. */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new AqiqatError('import.empty', { name });
  if (bytes.includes(0)) throw new AqiqatError('import.binary', { name });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AqiqatError('import.not-utf8', { name });
  }
  return text;
}

/** One canonical form for stored text: NFC, \n line ends, no control characters, trimmed. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

/**
 * A file's own metadata (title, author, publisher, address) as one line: line breaks and tabs become
 * spaces, other control characters (C0, DEL, C1: a page's `&#27;]0;…` terminal escapes) go.
 */
export function cleanLine(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\t\n\r\u000b\u000c\u2028\u2029]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export function titleFromText(text: string, max = 160): string {
  const line =
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * kk when Kazakh-only letters are present (a few per thousand letters: a Russian text quoting one
 * Kazakh name stays ru), else ru for mostly Cyrillic, en for mostly Latin.
 */
export function detectLanguage(text: string): Language {
  const sample = text.slice(0, 20000);
  const cyr = sample.match(CYRILLIC)?.length ?? 0;
  const lat = sample.match(LATIN)?.length ?? 0;
  const kk = sample.match(KAZAKH_LETTERS)?.length ?? 0;
  if (cyr === 0 && lat === 0) return 'other';
  if (cyr >= lat) return kk / cyr > 0.005 ? 'kk' : 'ru';
  return 'en';
}

/**
 * A one-line summary of at most `max` characters: white space folded, cut at the last word boundary that
 * fits, with "…" when anything was cut. A single word longer than `max` is cut inside it (there is no
 * boundary to keep). Counts code points, so no surrogate pair is split.
 */
export function clipAtWord(text: string, max = 60): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  const room = chars.slice(0, max - 1).join('');
  // a boundary right after the room counts too: the word before it is whole
  const space = chars[max - 1] === ' ' ? room.length : room.lastIndexOf(' ');
  const kept = space > 0 ? room.slice(0, space) : room;
  return `${kept.replace(/[\s\p{P}]+$/u, '') || kept}…`;
}

/**
 * The reader's check: does a finished dossier (the printed PDF, or the HTML file) still show a redacted
 * name? It reads what a reader gets — the PDF's text layer, Info and XMP metadata, link targets and
 * outline; the HTML's text and attribute values — and compares words by a sound-alike key instead of the
 * redaction matcher's patterns, so the two do not share blind spots: every Cyrillic and Latin spelling
 * of a letter becomes one key letter (ж = zh = j = dzh, қ = к = q, ы = і = и = y …), and a word is
 * suspect when it starts with a name word's key stem. Errs towards refusing.
 */
import { domainToUnicode } from 'node:url';
import { oneScript } from './confusables.js';

/** Precomposed Latin letters whose diacritic changes the sound (ş is ш, not s). */
const SOUNDS: Record<string, string> = {
  ş: 'ш',
  š: 'ш',
  ç: 'ш',
  č: 'ш',
  ž: 'ж',
  ğ: 'г',
  ǵ: 'г',
  ñ: 'н',
  ń: 'н',
  ä: 'а',
  ö: 'о',
  ü: 'у',
  ı: 'и',
};

/** Latin letter groups first, then single letters, to the key alphabet (Russian letters, one per sound). */
const LATIN_GROUPS: Array<[RegExp, string]> = [
  [/shch|sch|tch|ch|sh/g, 'ш'],
  [/dzh|dj|zh|j/g, 'ж'],
  [/gh/g, 'г'],
  [/kh|h|x/g, 'х'],
];
const KEY: Record<string, string> = {
  а: 'а',
  ә: 'а',
  б: 'б',
  в: 'в',
  г: 'г',
  ғ: 'г',
  д: 'д',
  е: 'е',
  э: 'е',
  ё: 'ио',
  ж: 'ж',
  з: 'з',
  и: 'и',
  і: 'и',
  ы: 'и',
  й: 'и',
  к: 'к',
  қ: 'к',
  л: 'л',
  м: 'м',
  н: 'н',
  ң: 'н',
  о: 'о',
  ө: 'о',
  п: 'п',
  р: 'р',
  с: 'с',
  т: 'т',
  у: 'у',
  ұ: 'у',
  ү: 'у',
  ў: 'у',
  ф: 'ф',
  х: 'х',
  һ: 'х',
  ц: 'тс',
  ч: 'ш',
  ш: 'ш',
  щ: 'ш',
  ъ: '',
  ь: '',
  ю: 'иу',
  я: 'иа',
  ј: 'ж',
  ѕ: 'з',
  a: 'а',
  b: 'б',
  c: 'с',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  i: 'и',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  y: 'и',
  z: 'з',
};
const VOWEL = /[аеиоу]/;

/** A word's sound-alike key (lowercase letters in, key letters out). */
export function soundKey(word: string): string {
  let w = '';
  for (const ch of word) w += SOUNDS[ch] ?? ch;
  w = w.normalize('NFD').replace(/\p{M}/gu, '');
  // Kazakh Latin of 2017: s' is ш, c' is ч; elsewhere the apostrophe only marks the letter (a' is ә)
  w = w.replace(/[sc]['\u2019\u02bc\u2018`]/g, 'ш').replace(/['\u2019\u02bc\u2018`]/g, '');
  for (const [re, to] of LATIN_GROUPS) w = w.replace(re, to);
  let key = '';
  for (const ch of w) key += KEY[ch] ?? ch;
  key = key.replace(/дж/g, 'ж').replace(/(.)\1+/gu, '$1');
  // a glide before a vowel comes and goes between spellings (Yerlan/Ерлан, Aliya/Әлия, Kaliyev/Калиев)
  return key.replace(/и(?=[аеоу])/g, '');
}

/** Text as a reader sees it: %XX and punycode decoded, compatibility forms unfolded, invisible characters dropped, line-break hyphens joined. */
function readable(text: string): string {
  let t = text;
  for (let round = 0; round < 3 && /%[0-9a-f]{2}/i.test(t); round++) {
    t = t.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return new TextDecoder().decode(Uint8Array.from(run.slice(1).split('%'), (h) => parseInt(h, 16)));
      }
    });
  }
  t = t.replace(/xn--[a-z0-9-]+/gi, (label) => domainToUnicode(label) || label);
  return (
    t
      .normalize('NFKC')
      // format characters, and what prints as nothing (Hangul fillers, the blank Braille cell)
      .replace(/[\p{Cf}\u115f\u1160\u3164\uffa0\u2800]/gu, '')
      .replace(/(\p{L}\p{M}*)[-\u2010\u2011\u2012\u2013]\s+(?=\p{L})/gu, '$1')
  );
}

interface Word {
  shown: string;
  /** the key as written, and with look-alike letters read in the word's main script (Epлан with a Latin p) */
  keys: string[];
}

const word = (shown: string): Word => {
  const bare = shown.replace(/\p{M}/gu, '');
  return { shown, keys: [...new Set([soundKey(bare.toLowerCase()), soundKey(oneScript(bare).toLowerCase())])] };
};

function words(text: string): Word[] {
  const found = readable(text).match(/[\p{L}\p{M}]+(?:['\u2019\u02bc\u2018`][\p{L}\p{M}]+)*/gu) ?? [];
  const out = found.map(word);
  // a name spelled out letter by letter (Ж е к с е б а е в, Ж.Е.К.С.Е.Б.А.Е.В) is read as one word
  let run: string[] = [];
  for (const w of [...found, '']) {
    if (w.replace(/\p{M}/gu, '').length === 1) run.push(w);
    else {
      if (run.length >= 3) out.push(word(run.join('')));
      run = [];
    }
  }
  return out;
}

/** Endings a short name takes right after its stem (Russian declension; Kazakh after a consonant), as keys. */
const AFTER_STEM = new Set(
  [
    'а',
    'у',
    'е',
    'и',
    'о',
    'ом',
    'ем',
    'им',
    'ой',
    'ей',
    'ых',
    'их',
    'ыми',
    'ими',
    'ам',
    'ах',
    'ов',
    'ев',
    'ы',
    'ты',
    'ды',
    'тың',
    'дың',
    'ға',
    'қа',
    'ке',
    'ге',
    'да',
    'та',
    'дан',
    'тан',
    'мен',
    'бен',
    'пен',
    'дар',
    'тар',
    'лар',
  ].map(soundKey),
);
/** Kazakh endings after a name's own final vowel (Алма → Алманың, Алмаға), as keys. */
const AFTER_VOWEL = new Set(['', 'н', 'ны', 'ның', 'ға', 'ге', 'на', 'да', 'дан', 'мен', 'лар', 'сы'].map(soundKey));
const STEM_ANY_ENDING = 4;
const STEM_INSIDE_WORD = 7;

export interface NameStem {
  stem: string;
  name: string;
}

/** The key stems of every word (two letters or more) of the redacted names. */
export function nameStems(names: readonly string[]): NameStem[] {
  const out: NameStem[] = [];
  for (const name of names)
    for (const w of words(name)) {
      let stem = w.keys.at(-1)!;
      if (stem.length < 2) continue;
      while (stem.length > 3 && VOWEL.test(stem.at(-1)!)) stem = stem.slice(0, -1);
      if (!out.some((s) => s.stem === stem)) out.push({ stem, name });
    }
  return out;
}

function suspect(k: string, s: NameStem): boolean {
  if (s.stem.length >= STEM_INSIDE_WORD && k.includes(s.stem)) return true;
  if (!k.startsWith(s.stem)) return false;
  const rest = k.slice(s.stem.length);
  if (s.stem.length >= STEM_ANY_ENDING || rest === '') return true;
  // two key letters (Ян, Ай) are half the words of a language: only the word itself
  if (s.stem.length < 3) return false;
  return AFTER_STEM.has(rest) || (VOWEL.test(rest[0]!) && AFTER_VOWEL.has(rest.slice(1)));
}

/** The first word of `texts` that reads as a redacted name, or null. Lines are also read joined (a name wrapped at a line end). */
export function findName(texts: readonly string[], stems: readonly NameStem[]): string | null {
  if (stems.length === 0) return null;
  for (const text of texts)
    for (const variant of [text, text.replace(/\s*\n\s*/g, '')])
      for (const w of words(variant)) if (stems.some((s) => w.keys.some((k) => suspect(k, s)))) return w.shown;
  return null;
}

/** What a reader sees of a PDF, page by page, then its metadata and link targets. */
export async function pdfReadable(pdf: Uint8Array): Promise<string[]> {
  // pdf.js wants a DOMMatrix class at load, never for text (see extract/pdf.ts)
  if (!('DOMMatrix' in globalThis))
    Object.defineProperty(globalThis, 'DOMMatrix', { value: class DOMMatrix {}, configurable: true, writable: true });
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const out: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      out.push(text);
      for (const a of (await page.getAnnotations()) as Array<Record<string, unknown>>) {
        const strings = [
          a.url,
          a.unsafeUrl,
          (a.contentsObj as { str?: unknown } | undefined)?.str,
          (a.titleObj as { str?: unknown } | undefined)?.str,
          a.fieldValue,
        ];
        out.push(strings.filter((s): s is string => typeof s === 'string').join('\n'));
      }
      page.cleanup();
    }
    const meta = await doc.getMetadata();
    out.push(
      Object.values(meta.info as Record<string, unknown>)
        .filter((v) => typeof v === 'string')
        .join('\n'),
    );
    out.push(meta.metadata?.getRaw?.() ?? '');
    const outline = (await doc.getOutline()) ?? [];
    const titles = (items: typeof outline): string[] => items.flatMap((i) => [i.title, ...titles(i.items)]);
    out.push(titles(outline).join('\n'));
    return out;
  } finally {
    await doc.destroy();
  }
}

/** What a reader (or a browser) gets of an HTML document: its text, one line per text node, and every attribute value. */
export async function htmlReadable(html: string): Promise<string[]> {
  const { DOMParser } = await import('linkedom');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const texts: string[] = [];
  const attrs: string[] = [];
  const walk = (node: {
    nodeType: number;
    nodeName: string;
    textContent: string | null;
    childNodes: ArrayLike<unknown>;
    attributes?: ArrayLike<{ value: string }>;
  }) => {
    if (node.nodeType === 3) texts.push(node.textContent ?? '');
    if (node.nodeName === 'STYLE') return;
    for (const a of Array.from(node.attributes ?? [])) attrs.push(a.value);
    for (const child of Array.from(node.childNodes)) walk(child as typeof node);
  };
  walk(doc as unknown as Parameters<typeof walk>[0]);
  return [texts.join('\n'), attrs.join('\n')];
}

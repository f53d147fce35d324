/**
 * What both generators (generate.mjs, generate-more.mjs) share: the deterministic split and samples,
 * and readers for Debian's hunspell dictionaries and GeoNames catalogues.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** FNV-1a: the split and every sample hang on it, not on Math.random. */
export function fnv(s) {
  let h = 0x811c9dc5;
  for (const ch of s) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
/** 30 % of the groups (a lemma and all its forms) are held out; the split never changes. */
export const splitOf = (group) => (fnv(`split:${group}`) % 10 < 3 ? 'heldout' : 'dev');
export const sample = (list, n, salt) =>
  [...list].sort((a, b) => fnv(`${salt}:${a}`) - fnv(`${salt}:${b}`) || (a < b ? -1 : 1)).slice(0, n);
export const uniq = (xs) => [...new Set(xs)];

export const SH = (cmd, args, input) => execFileSync(cmd, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
/** Bulk transliteration through a tool: one word a line in, one a line out. */
export function throughTool(words, cmd, args) {
  const out = SH(cmd, args, words.join('\n') + '\n').split('\n');
  return new Map(words.map((w, i) => [w, out[i]]));
}
export const uconv = (words, id) => throughTool(words, 'uconv', ['-x', id]);

/** Hunspell .aff suffix rules: flag → [{strip, add, cond}]. */
export function readAff(file) {
  const rules = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^SFX (\S+) (\S+) (\S+) (\S+)\s*$/.exec(line);
    if (!m || /^[YN]$/.test(m[3])) continue;
    const [, flag, strip, add, cond] = m;
    const list = rules.get(flag) ?? [];
    list.push({ strip: strip === '0' ? '' : strip, add: add === '0' ? '' : add, cond: new RegExp(`${cond}$`, 'u') });
    rules.set(flag, list);
  }
  return rules;
}
/** The forms one flag gives a word (hunspell applies every rule whose condition holds). */
export function applyFlag(rules, flag, word) {
  const out = [];
  for (const r of rules.get(flag) ?? [])
    if (r.cond.test(word) && word.endsWith(r.strip)) out.push(word.slice(0, word.length - r.strip.length) + r.add);
  return uniq(out);
}
export const readDic = (file) =>
  readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .slice(1)
    .map((l) => {
      const [w, flags = ''] = l.trim().split('/');
      return { w, flags };
    })
    .filter((x) => x.w);

/** GeoNames names by id, from the .mo catalogues Debian ships (msgid = geoname id). */
export function geonames(lang) {
  const po = SH('msgunfmt', [`/usr/share/locale/${lang}/LC_MESSAGES/geonames.mo`]);
  const out = new Map();
  let id = null;
  for (const line of po.split('\n')) {
    const a = /^msgid "(\d+)"$/.exec(line);
    if (a) id = a[1];
    const b = /^msgstr "(.+)"$/.exec(line);
    if (b && id) {
      out.set(id, b[1]);
      id = null;
    }
  }
  return out;
}
/** Kazakhstan's geoname ids (GeoNames numbers a country's places in blocks). */
export const isKazakhstan = (id) =>
  (id >= 1516000 && id < 1527000) || (id >= 1537000 && id < 1538000) || (id >= 607000 && id < 611000);

// flags in hunspell-kk: A plural; B C D E 1st/2nd-person possessives; F 3rd-person possessive;
// G genitive, H dative, I accusative, J locative, K ablative, L instrumental (lower case: the same after the plural)
export const KK_CASE = ['G', 'H', 'I', 'J', 'K', 'L'];
export const KK_POSS = ['B', 'C', 'D', 'E', 'F'];
export const KK_PLURAL = ['A', 'g', 'h', 'j', 'k'];
export const KK_AFF = '/usr/share/hunspell/kk_KZ.aff';
export const KK_DIC = '/usr/share/hunspell/kk_KZ.dic';
export const RU_DIC = '/usr/share/hunspell/ru_RU.dic';
/** Kazakh letters → the Russian letters a Russian spelling writes for them. */
export const toRussianLetters = (w) =>
  w.replace(/[әғқңөұүһі]/gu, (c) => ({ ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'ы' })[c]);

export const KK_2017 = {
  // the Kazakh Latin alphabet of 26 October 2017 (decree No. 569): apostrophes
  а: 'a',
  ә: "a'",
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: "g'",
  д: 'd',
  е: 'e',
  ж: 'j',
  з: 'z',
  и: "i'",
  й: "i'",
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: "n'",
  о: 'o',
  ө: "o'",
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: "y'",
  ұ: 'u',
  ү: "u'",
  ф: 'f',
  х: 'h',
  һ: 'h',
  ц: 'ts',
  ч: "c'",
  ш: "s'",
  щ: "s'",
  ы: 'y',
  і: 'i',
  э: 'e',
  ю: "i'y'",
  я: "i'a",
  ъ: '',
  ь: '',
};
export const KK_2021 = {
  // the Kazakh Latin alphabet of 2021 (the draft with diacritics)
  а: 'a',
  ә: 'ä',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'ğ',
  д: 'd',
  е: 'e',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ñ',
  о: 'o',
  ө: 'ö',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'ū',
  ү: 'ü',
  ф: 'f',
  х: 'h',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'ş',
  щ: 'ş',
  ы: 'y',
  і: 'ı',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  ъ: '',
  ь: '',
};
/** Romanize by a letter table, keeping capitals. */
export const byTable = (table) => (w) =>
  [...w]
    .map((ch) => {
      const low = ch.toLowerCase();
      const out = table[low] ?? low;
      return ch !== low ? out.charAt(0).toUpperCase() + out.slice(1) : out;
    })
    .join('');

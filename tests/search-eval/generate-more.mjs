#!/usr/bin/env node
/**
 * More pairs for the kinds generate.mjs leaves thin, from Debian's sources alone (no npm package):
 *
 *   node tests/search-eval/generate-more.mjs
 *
 * Needs Debian: hunspell-kk hunspell-ru libgeonames-common icu-devtools (uconv) gettext (msgunfmt).
 * Writes more-pairs.{dev,heldout}.jsonl beside itself, split by the same groups as generate.mjs
 * (a name or a place is in the same part in both files). Deterministic.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyFlag,
  byTable,
  geonames,
  isKazakhstan,
  KK_2017,
  KK_2021,
  KK_AFF,
  KK_CASE,
  KK_DIC,
  readAff,
  readDic,
  RU_DIC,
  splitOf,
  toRussianLetters,
  uconv,
} from './sources.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pairs = { dev: [], heldout: [] };
const seen = new Set();
function pair(c, q, f, group, src) {
  if (!q || !f || q === f) return;
  const id = `${c}\t${q}\t${f}`;
  if (seen.has(id)) return;
  seen.add(id);
  pairs[splitOf(group)].push({ c, q, f, src });
}

const kkAff = readAff(KK_AFF);
const kkDic = readDic(KK_DIC);
const kkWords = new Set(kkDic.map((x) => x.w));
const kkCases = (word) => KK_CASE.flatMap((flag) => applyFlag(kkAff, flag, word));
const capital = (w) => w.charAt(0).toUpperCase() + w.slice(1);

// ---------- қ written х or к in Russian spelling, against the name's Kazakh case forms ----------
// (the same spellings and groups as generate.mjs's name-kh)
// the group as generate.mjs names it (its spelling keeps a capital Қ: Қаламкас)
const groupSpelling = (w) => toRussianLetters(w).replace(/і/g, 'и');
// the spelling itself, capital letters included (Каламкас, Каламхас)
const ruSpelling = (w) => capital(toRussianLetters(w.toLowerCase()).replace(/і/g, 'и'));
const ruSpellingKh = (w) => ruSpelling(w.toLowerCase().replace(/қ/gu, 'х'));
const kkNames = kkDic.filter((x) => /^[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+$/u.test(x.w)).map((x) => x.w);
for (const given of kkNames) {
  const kh = ruSpellingKh(given);
  const ru = ruSpelling(given);
  if (kh === ru) continue;
  const group = `name:${groupSpelling(given)}`;
  const src = 'hunspell-kk names + rules, қ as х or к in Russian spelling';
  pair('name-kh-case', kh, ru, group, src);
  pair('name-kh-case', ru, kh, group, src);
  pair('name-kh-case', given, kh, group, src);
  for (const f of kkCases(given.toLowerCase())) {
    pair('name-kh-case', kh, given[0] + f.slice(1), group, src);
    pair('name-kh-case', ru, given[0] + f.slice(1), group, src);
  }
}

// ---------- Kazakhstan's places in Kazakh Latin: BGN's ng for ң, 2017's apostrophes, 2021's marks ----------
const geo = { kk: geonames('kk'), ru: geonames('ru') };
const places = [...geo.kk.keys()]
  .filter((id) => isKazakhstan(Number(id)) && geo.ru.has(id))
  .map((id) => ({ id, kk: geo.kk.get(id), ru: geo.ru.get(id) }))
  .filter((p) => /^[\p{L}-]+$/u.test(p.kk) && /[әғқңөұүһі]/u.test(p.kk));
const bgn = uconv(
  places.map((p) => p.kk),
  'Kazakh-Latin/BGN',
);
for (const p of places) {
  const group = `place:${p.id}`;
  // the place declined the Kazakh way (Жаңаөзенде), found from its Latin name
  const forms = kkCases(p.kk.toLowerCase()).map((f) => p.kk[0] + f.slice(1));
  for (const [scheme, latin] of [
    ['BGN', bgn.get(p.kk)],
    ['2017', byTable(KK_2017)(p.kk)],
    ['2021', byTable(KK_2021)(p.kk)],
  ]) {
    if (!latin || /[\u0400-\u04ff]/u.test(latin)) continue;
    const src = `GeoNames (CC-BY-4.0) kk name, Kazakh Latin ${scheme === 'BGN' ? 'ICU Kazakh-Latin/BGN' : scheme}`;
    pair('latin-place', latin, p.kk, group, src);
    pair('latin-place', p.kk, latin, group, src);
    for (const f of forms) pair('latin-place', latin, f, group, `${src} + hunspell-kk rules`);
  }
}

// ---------- a place's name and another dictionary word that is it plus a letter or two ----------
// Kazakh: the longer word is a hunspell-kk entry and the place's name is none (so the longer word is
// not one of its forms: арал + ы is the island's possessive). Russian: endings that make another
// word, never a case ending of the name (Тараз + а is Тараза).
const isKkBase = (w) => ![1, 2, 3].some((n) => [...w].length - n >= 3 && kkWords.has(w.slice(0, -n)));
const ruWords = new Set(
  readDic(RU_DIC)
    .map((x) => x.w)
    .filter((w) => /^[а-яё]+$/u.test(w)),
);
for (const id of [...geo.kk.keys()].filter((i) => isKazakhstan(Number(i)))) {
  const group = `place:${id}`;
  const kk = geo.kk.get(id);
  if (/^[\p{L}]{3,}$/u.test(kk) && !kkWords.has(kk.toLowerCase()))
    for (const extra of ['ы', 'і', 'а', 'е', 'лы', 'лі', 'шы', 'ші', 'сы', 'сі', 'ла', 'ле']) {
      const longer = kk.toLowerCase() + extra;
      if (kkWords.has(longer) && isKkBase(longer))
        pair('not-place-noun', kk, longer, group, 'GeoNames kk + hunspell-kk');
    }
  const ru = geo.ru.get(id);
  if (ru && /^[\p{L}]{3,}$/u.test(ru))
    for (const extra of ['ка', 'ик', 'ок', 'ец', 'ица', 'ина', 'ник', 'ия']) {
      const longer = ru.toLowerCase() + extra;
      if (ruWords.has(longer)) pair('not-place-noun', ru, longer, group, 'GeoNames ru + hunspell-ru');
    }
}

for (const part of ['dev', 'heldout']) {
  pairs[part].sort((a, b) => (a.c < b.c ? -1 : a.c > b.c ? 1 : 0));
  writeFileSync(
    path.join(here, `more-pairs.${part}.jsonl`),
    pairs[part].map((p) => JSON.stringify(p)).join('\n') + '\n',
  );
}
const counts = {};
for (const part of ['dev', 'heldout'])
  for (const p of pairs[part]) counts[`${p.c} ${part}`] = (counts[`${p.c} ${part}`] ?? 0) + 1;
console.log(counts);

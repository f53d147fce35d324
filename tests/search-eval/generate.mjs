#!/usr/bin/env node
/**
 * Builds the search evaluation set from outside sources (none of it written by the team; see README.md):
 *
 *   node tests/search-eval/generate.mjs --deps /tmp/search-gen/node_modules
 *
 * Needs, outside this repository (test data only, never shipped or installed into node_modules):
 *   npm (in a private prefix): az petrovich lvovich cyrillic-to-translit-js transliteration iso9_1995
 *   Debian: hunspell-kk hunspell-ru libgeonames-common icu-devtools (uconv) liblingua-translit-perl gettext
 *
 * Writes pairs.{dev,heldout}.jsonl, articles.{dev,heldout}.json beside itself and
 * data/geonames-aliases.json (place names GeoNames gives in kk and ru that no spelling rule joins).
 * Deterministic: the same sources give the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyFlag,
  byTable,
  fnv,
  geonames,
  isKazakhstan,
  KK_2017,
  KK_2021,
  KK_AFF,
  KK_CASE,
  KK_DIC,
  KK_PLURAL,
  KK_POSS,
  readAff,
  readDic,
  RU_DIC,
  sample,
  splitOf,
  throughTool,
  toRussianLetters,
  uconv,
  uniq,
} from './sources.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const depsAt = process.argv.indexOf('--deps');
const deps = depsAt > 0 ? process.argv[depsAt + 1] : '/tmp/search-gen/node_modules';
const need = createRequire(path.join(deps, 'x.js'));
const Az = need('az');
const petrovich = need('petrovich');
const lvovich = need('lvovich');
const cyrTranslit = need('cyrillic-to-translit-js');
const { transliterate } = need('transliteration');
const iso9npm = need('iso9_1995');

const pairs = { dev: [], heldout: [] };
const seen = new Set();
/** One pair: query `q` must (or, for a "not-" category, must not) find the word `f`. */
function pair(c, q, f, group, src) {
  if (!q || !f || q === f) return;
  const id = `${c}\t${q}\t${f}`;
  if (seen.has(id)) return;
  seen.add(id);
  pairs[splitOf(group)].push({ c, q, f, src, g: group });
}

// ---------- sources ----------
const perlTranslit = (words, table) =>
  throughTool(words, 'perl', [
    '-MLingua::Translit',
    '-CSD',
    '-ne',
    `BEGIN{$t=Lingua::Translit->new("${table}")} print $t->translit($_)`,
  ]);

// ---------- Kazakh: hunspell-kk nouns and its suffix rules ----------
const KK_LETTERS = /^[а-яёәғқңөұүһі]+$/u;
const kkAff = readAff(KK_AFF);
const kkDic = readDic(KK_DIC);
const kkNouns = kkDic
  .filter((x) => x.flags.includes('F') && KK_LETTERS.test(x.w) && [...x.w].length >= 3)
  .map((x) => x.w);
const kkNames = kkDic.filter((x) => /^[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+$/u.test(x.w)).map((x) => x.w);
const kkAllForms = new Map();
const formsOfKk = (w) => {
  let f = kkAllForms.get(w);
  if (!f) {
    f = new Map();
    for (const flag of [...KK_CASE, ...KK_POSS, ...KK_PLURAL]) f.set(flag, applyFlag(kkAff, flag, w));
    kkAllForms.set(w, f);
  }
  return f;
};
/** After the 3rd-person possessive the cases take -н-: бостандығы → бостандығынан, сотында. */
function possessiveCases(poss) {
  const vowels = poss.match(/[аәеиоөұүыіуэюя]/gu) ?? [];
  const back = /[аоұы]/u.test(vowels[vowels.length - 1] ?? 'а');
  return back
    ? [`${poss}ның`, `${poss}на`, `${poss}н`, `${poss}нда`, `${poss}нан`, `${poss}мен`]
    : [`${poss}нің`, `${poss}не`, `${poss}н`, `${poss}нде`, `${poss}нен`, `${poss}мен`];
}

for (const w of sample(kkNouns, 600, 'kk-nouns')) {
  const f = formsOfKk(w);
  const src = 'hunspell-kk';
  for (const flag of KK_CASE) for (const form of f.get(flag)) pair('kk-case', w, form, `kk:${w}`, src);
  for (const flag of KK_POSS) for (const form of f.get(flag)) pair('kk-possessive', w, form, `kk:${w}`, src);
  for (const flag of KK_PLURAL) for (const form of f.get(flag)) pair('kk-plural', w, form, `kk:${w}`, src);
  for (const poss of f.get('F'))
    for (const form of possessiveCases(poss)) pair('kk-possessive-case', w, form, `kk:${w}`, `${src} (F) + case`);
}

const kkSet = new Set(kkNouns);
// the dictionary also lists inflected and cut forms (мақсатын, деректерд): only a word no shorter entry starts
const isBase = (w) => ![1, 2, 3].some((n) => [...w].length - n >= 3 && kkSet.has(w.slice(0, -n)));
// Kazakh look-alikes: different dictionary words that differ only in Kazakh letters (құл / күл, қол / көл).
const byPlain = new Map();
for (const w of kkNouns) {
  const k = toRussianLetters(w).replace(/и/g, 'ы');
  byPlain.set(k, [...(byPlain.get(k) ?? []), w]);
}
// both written with Kazakh letters: a word without any may be a Russian spelling of the other (кулак, құлақ)
const KK_ONLY = /[әғқңөұүһі]/u;
const lookalikes = [...byPlain.values()]
  .map((g) => g.filter((w) => KK_ONLY.test(w) && isBase(w)))
  .filter((g) => g.length > 1);
for (const g of sample(
  lookalikes.map((x) => x.join(' ')),
  500,
  'kk-lookalike',
)) {
  const [a, b] = g.split(' ');
  const group = `kk:${[a, b].sort()[0]}`;
  pair('not-kk-lookalike', a, b, group, 'hunspell-kk');
  pair('not-kk-lookalike', b, a, group, 'hunspell-kk');
  const bForm = formsOfKk(b).get('J')[0];
  if (bForm) pair('not-kk-lookalike', a, bForm, group, 'hunspell-kk (J)');
}
// A dictionary word that is another plus a few letters but none of its forms (ақын / ақынсы).
await new Promise((resolve) => Az.Morph.init(path.join(deps, 'az/dicts'), resolve));
// Not a form by the grammar either, where hunspell-kk's rules give none or the other vowel harmony:
// the 3rd-person possessive is -ы/-і after a consonant and -сы/-сі after a vowel in either harmony
// (министрі, факті, комиссиясы: the rules give министр and факт no possessive, комиссия комиссиясі);
// nor a Russian case form OpenCorpora's dictionary knows (полка is полк's genitive, механика механик's).
const KK_VOWEL_END = /[аәеиоөұүыіэюя]$/u;
const isPossessive = (w, longer) => longer.slice(w.length).replace('і', 'ы') === (KK_VOWEL_END.test(w) ? 'сы' : 'ы');
const isRussianForm = (w, longer) =>
  Az.Morph(longer).some((x) => x.parser === 'Dictionary' && x.tag.POS === 'NOUN' && x.normalize().word === w);
// nor a word that is itself another entry's possessive (+ case) with its stem voiced, which isBase
// cannot see (өтімділігін is өтімділік's possessive accusative)
const kkEntries = new Set(kkDic.map((x) => x.w));
const VOICED = { г: 'к', ғ: 'қ', б: 'п' };
const POSSESSIVE_CASE = /(?<=.{4})([гғб])[ыі](?:н|на|не|нда|нде|нан|нен|ның|нің)$/u;
const isVoicedForm = (w) => {
  const m = POSSESSIVE_CASE.exec(w);
  return m !== null && kkEntries.has(w.slice(0, m.index) + VOICED[m[1]]);
};
const kkLonger = [];
for (const w of kkNouns) {
  if ([...w].length < 4 || !isBase(w) || isVoicedForm(w)) continue;
  const forms = new Set([...formsOfKk(w).values()].flat());
  for (const extra of ['ы', 'і', 'а', 'е', 'лы', 'лі', 'шы', 'ші', 'сы', 'сі', 'ла', 'ле']) {
    const longer = w + extra;
    if (!kkSet.has(longer) || forms.has(longer) || isPossessive(w, longer) || isRussianForm(w, longer)) continue;
    kkLonger.push(`${w} ${longer}`);
  }
}
for (const g of sample(kkLonger, 400, 'kk-longer')) {
  const [a, b] = g.split(' ');
  pair('not-kk-derived', a, b, `kk:${a}`, 'hunspell-kk');
}

// ---------- Russian: hunspell-ru nouns inflected by az (OpenCorpora) ----------
const ruDic = readDic(RU_DIC)
  .map((x) => x.w)
  .filter((w) => /^[а-яё]{4,}$/u.test(w));
const CASES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'];
function ruNoun(w) {
  const p = Az.Morph(w).find((x) => x.tag.POS === 'NOUN' && x.tag.nomn && x.tag.sing && x.normalize().word === w);
  if (!p) return null;
  const forms = [];
  for (const n of ['sing', 'plur']) for (const c of CASES) forms.push(p.inflect([n, c])?.word);
  return uniq(forms.filter(Boolean)).filter((f) => f !== w);
}
const ruNouns = [];
for (const w of sample(ruDic, 6000, 'ru-nouns')) {
  const forms = ruNoun(w);
  if (forms && forms.length >= 3) ruNouns.push([w, forms]);
  if (ruNouns.length >= 500) break;
}
const withYo = [];
for (const w of sample(
  ruDic.filter((x) => x.includes('ё')),
  600,
  'ru-yo',
)) {
  const forms = ruNoun(w);
  if (forms && forms.length >= 3) withYo.push([w, forms]);
  if (withYo.length >= 100) break;
}
for (const [w, forms] of ruNouns) {
  for (const f of forms) pair('ru-noun', w, f, `ru:${w}`, 'az (OpenCorpora)');
  // the first word of a title is capitalised
  const f = forms[fnv(w) % forms.length];
  pair('ru-capital', w, f.charAt(0).toUpperCase() + f.slice(1), `ru:${w}`, 'az (OpenCorpora), capitalised');
}
for (const [w, forms] of withYo)
  for (const f of forms) {
    // texts and queries write ё as е as often as not
    pair('ru-yo', w.replace(/ё/g, 'е'), f, `ru:${w}`, 'az (OpenCorpora), ё written е');
    pair('ru-yo', w, f.replace(/ё/g, 'е'), `ru:${w}`, 'az (OpenCorpora), ё written е');
  }
// Distinct nouns that start alike (колония / колонна, право / правда): neither a prefix of the other.
const ruByPrefix = new Map();
const ruLemmas = [];
for (const w of sample(ruDic, 30000, 'ru-distinct')) {
  if (!Az.Morph(w).some((x) => x.tag.POS === 'NOUN' && x.tag.nomn && x.normalize().word === w)) continue;
  ruLemmas.push(w);
}
for (const w of ruLemmas) {
  const k = w.slice(0, 4);
  ruByPrefix.set(k, [...(ruByPrefix.get(k) ?? []), w]);
}
const isDictionaryNoun = (w) =>
  Az.Morph(w).some((x) => x.parser === 'Dictionary' && x.tag.POS === 'NOUN' && x.normalize().word === w);
const ruDistinct = [];
for (const g of ruByPrefix.values()) {
  for (let i = 0; i + 1 < g.length; i++) {
    const [a, b] = [g[i], g[i + 1]];
    if (a.startsWith(b) || b.startsWith(a) || a.replace(/ё/g, 'е') === b.replace(/ё/g, 'е')) continue;
    if (Az.Morph(b).some((x) => x.normalize().word === a)) continue;
    // both nouns by OpenCorpora's dictionary, not by az's guess from the ending (сорбируется is a verb,
    // обосабливаемый a participle: the same verb's forms as сорбирующий, обосабливающийся)
    if (![a, b].every(isDictionaryNoun)) continue;
    ruDistinct.push(`${a} ${b}`);
  }
}
for (const g of sample(ruDistinct, 600, 'ru-distinct-pairs')) {
  const [a, b] = g.split(' ');
  const group = `ru:${a}`;
  pair('not-ru-distinct', a, b, group, 'hunspell-ru + az');
  const bForms = ruNoun(b);
  if (bForms?.[0]) pair('not-ru-distinct', a, bForms[0], group, 'hunspell-ru + az');
}

// ---------- names: hunspell-kk's given names, declined by petrovich; surnames made from them ----------
const RU_CASES = ['genitive', 'dative', 'accusative', 'instrumental', 'prepositional'];
const ruSpelling = (w) => toRussianLetters(w).replace(/і/g, 'и');
// Russian spelling writes қ as х about as often as к (Бақытжан: Бакытжан, Бахытжан)
const ruSpellingKh = (w) => ruSpelling(w.replace(/қ/gu, 'х'));
const names = [];
for (const given of kkNames) {
  const gender = lvovich.getFirstnameGender(ruSpelling(given)) ?? 'male';
  names.push({ given, gender });
}
const latinOf = new Map();
const surnames = [];
for (const { given, gender } of names) {
  const ru = ruSpelling(given);
  const group = `name:${ru}`;
  const g = gender === 'female' ? petrovich.female : petrovich.male;
  for (const c of RU_CASES) {
    pair('name-given', ru, g.first[c](ru), group, 'hunspell-kk names + petrovich');
    if (ru !== given) pair('name-given', given, g.first[c](ru), group, 'hunspell-kk names + petrovich');
  }
  for (const flag of KK_CASE)
    for (const f of applyFlag(kkAff, flag, given.toLowerCase()))
      pair('name-kk-case', given, given[0] + f.slice(1), group, 'hunspell-kk names + hunspell-kk rules');
  if (ruSpellingKh(given) !== ru)
    pair('name-kh', given, ruSpellingKh(given), group, 'hunspell-kk names, қ as х in Russian spelling');
  if (/[бвгджзклмнпрстфхцчшщ]$/u.test(ru) && ru.length >= 3) {
    const base = /[жшчщц]$/u.test(ru) ? `${ru}ев` : `${ru}ов`;
    surnames.push(base);
    for (const [sex, s] of [
      ['male', base],
      ['female', `${base}а`],
    ]) {
      const decl = petrovich[sex].last;
      for (const c of RU_CASES) pair('name-surname', s, decl[c](s), `surname:${base}`, 'petrovich');
    }
  }
}
// Short names that start another name: Макс / Максим, Аман / Аманбай
const nameList = uniq(names.map((n) => ruSpelling(n.given)));
const genderOf = new Map(names.map((n) => [ruSpelling(n.given), n.gender]));
const isCaseOf = (form, name) => {
  const g = genderOf.get(name) === 'female' ? petrovich.female : petrovich.male;
  return RU_CASES.some((c) => g.first[c](name) === form);
};
for (const a of nameList)
  for (const b of nameList)
    // and not one's Russian case of the other (Малика is Малик's genitive, Шарипа Шарип's)
    if (a !== b && b.startsWith(a) && !isCaseOf(b, a) && !isCaseOf(a, b)) {
      pair('not-name-prefix', a, b, `name:${a}`, 'hunspell-kk names');
      pair('not-name-prefix', b, a, `name:${a}`, 'hunspell-kk names');
    }

// ---------- romanizations of names (Latin query ↔ Cyrillic text) ----------
const ruWords = uniq([...nameList, ...surnames, ...surnames.map((s) => `${s}а`)]);
const kkWords = uniq(kkNames);
const schemes = [
  ['latin-bgn', uconv(ruWords, 'Russian-Latin/BGN'), 'ICU Russian-Latin/BGN'],
  ['latin-gost', perlTranslit(ruWords, 'GOST 7.79 RUS'), 'Lingua::Translit GOST 7.79 RUS'],
  ['latin-iso9', perlTranslit(ruWords, 'ISO 9'), 'Lingua::Translit ISO 9'],
  ['latin-common', new Map(ruWords.map((w) => [w, cyrTranslit().transform(w)])), 'cyrillic-to-translit-js'],
  ['latin-common', new Map(ruWords.map((w) => [w, iso9npm.convertToLatin(w)])), 'iso9_1995'],
];
const kkSchemes = [
  ['latin-bgn', uconv(kkWords, 'Kazakh-Latin/BGN'), 'ICU Kazakh-Latin/BGN'],
  ['latin-kk2017', new Map(kkWords.map((w) => [w, byTable(KK_2017)(w)])), 'Kazakh Latin 2017 (decree 569)'],
  ['latin-kk2021', new Map(kkWords.map((w) => [w, byTable(KK_2021)(w)])), 'Kazakh Latin 2021'],
  ['latin-common', new Map(kkWords.map((w) => [w, transliterate(w)])), 'transliteration (npm)'],
];
for (const [c, table, src] of [...schemes, ...kkSchemes]) {
  for (const [cyr, lat] of table) {
    // a tool that leaves Kazakh letters as they are (Ғabit) gives no romanization
    if (!lat || lat === cyr || /[\u0400-\u04ff]/u.test(lat)) continue;
    latinOf.set(cyr, lat);
    // a surname is its own group (the given name it comes from must not find it)
    const group = /(ов|ев)а?$/u.test(cyr) ? `surname:${ruSpelling(cyr).replace(/а$/u, '')}` : `name:${ruSpelling(cyr)}`;
    pair(c, cyr, lat, group, src);
    pair(c, lat, cyr, group, src);
    // a Latin query against a declined Russian form (Toregozhina → Торегожиной)
    if (/(ов|ев)а?$/u.test(cyr)) {
      const sex = cyr.endsWith('а') ? 'female' : 'male';
      for (const cs of ['genitive', 'instrumental'])
        pair(c, lat, petrovich[sex].last[cs](cyr), group, `${src} + petrovich`);
    }
  }
}

// ---------- places: GeoNames (en, kk, ru), declined by lvovich; the alias table ----------
const geo = { en: geonames('en'), kk: geonames('kk'), ru: geonames('ru') };
const places = [...geo.kk.keys()]
  .filter((id) => isKazakhstan(Number(id)) && geo.ru.has(id) && geo.en.has(id))
  .map((id) => ({ id, en: geo.en.get(id), kk: geo.kk.get(id), ru: geo.ru.get(id) }))
  .filter((p) => [p.en, p.kk, p.ru].every((n) => /^[\p{L}-]+( [\p{L}-]+)?$/u.test(n)));
const aliasGroups = [];
for (const p of places) {
  const group = `place:${p.id}`;
  const names = uniq([p.en, p.kk, p.ru]);
  for (const a of names) for (const b of names) pair('place-geonames', a, b, group, 'GeoNames (CC-BY-4.0)');
  if (!p.ru.includes(' ')) {
    for (const f of [lvovich.cityIn(p.ru), lvovich.cityFrom(p.ru)])
      if (f && f !== p.ru) for (const q of names) pair('place-ru-case', q, f, group, 'GeoNames + lvovich');
  }
  // every place with more than one name: spelling rules join some (Almaty = Алматы), GeoNames the rest
  // (Арал = Аральск, Zhosaly = Джусалы); the gazetteer also keeps its names from being stemmed
  if (names.length > 1) aliasGroups.push({ kind: 'place', names });
}
// A place name and a common noun that is the name plus a letter or two (Тараз / таразы)
const nounsByStart = new Map();
for (const w of [...kkNouns, ...ruLemmas]) nounsByStart.set(w, true);
for (const p of places)
  for (const name of uniq([p.kk, p.ru])) {
    const low = name.toLowerCase();
    for (const extra of ['ы', 'і', 'а', 'и', 'ь', 'ка', 'ик', 'ок'])
      if (nounsByStart.has(low + extra))
        pair('not-place-noun', name, low + extra, `place:${p.id}`, 'GeoNames + hunspell');
  }

// ---------- articles: sentences of generated forms, with planted look-alikes ----------
function articlesOf(part) {
  const positives = pairs[part].filter((p) => !p.c.startsWith('not-') && !/^[A-Za-z]/.test(p.f));
  const negatives = pairs[part].filter((p) => p.c.startsWith('not-'));
  const byGroup = new Map();
  for (const p of positives) byGroup.set(p.g, [...(byGroup.get(p.g) ?? []), p]);
  const groups = sample([...byGroup.keys()], 1200, `articles-${part}`);
  const articles = [];
  const cases = [];
  const forms = (g) =>
    new Set(
      byGroup
        .get(g)
        .flatMap((p) => [p.f, p.q])
        .map((x) => x.toLowerCase()),
    );
  const N = Math.min(120, Math.floor(groups.length / 8));
  for (let a = 0; a < N; a++) {
    const chosen = groups.slice(a * 8, a * 8 + 8);
    const words = chosen.map((g) => {
      const list = byGroup.get(g);
      return list[fnv(`${part}:${a}:${g}`) % list.length];
    });
    const text = [];
    for (let i = 0; i < words.length; i += 2) {
      const s = words.slice(i, i + 2).map((p) => p.f);
      text.push(`${s.join(' ')} туралы хабар.`);
    }
    articles.push({ id: `a${a}`, title: words[0].f, text: text.join(' ') });
    for (const p of words) cases.push({ q: p.q, c: p.c, hits: [`a${a}`], notHit: [] });
  }
  // the expected hits of a query: every article holding a form of its group
  for (const cs of cases) {
    const g = positives.find((p) => p.q === cs.q && p.c === cs.c).g;
    const own = forms(g);
    cs.hits = articles
      .filter((ar) =>
        `${ar.title} ${ar.text}`
          .toLowerCase()
          .split(/[\s.]+/)
          .some((w) => own.has(w)),
      )
      .map((ar) => ar.id);
  }
  // planted must-not words: an article holding only the look-alike of the query
  // by the pair, not its place in the list: a pair added or dropped elsewhere leaves the others' draw
  const byId = new Map(negatives.map((n) => [`${n.c}\t${n.q}\t${n.f}`, n]));
  const negSample = sample([...byId.keys()], 200, `articles-neg-${part}`).map((id) => byId.get(id));
  negSample.forEach((n, i) => {
    const id = `n${i}`;
    articles.push({ id, title: `Хабар ${i + 1}`, text: `${n.f} туралы хабар.` });
    cases.push({ q: n.q, c: n.c, hits: [], notHit: [id] });
  });
  return { articles, cases };
}

// ---------- write ----------
const write = (file, s) => writeFileSync(path.join(here, file), s);
for (const part of ['dev', 'heldout']) {
  pairs[part].sort((a, b) => (a.c < b.c ? -1 : a.c > b.c ? 1 : 0));
  write(`pairs.${part}.jsonl`, pairs[part].map(({ g: _group, ...p }) => JSON.stringify(p)).join('\n') + '\n');
  write(`articles.${part}.json`, JSON.stringify(articlesOf(part), null, 0) + '\n');
}
writeFileSync(
  path.join(root, 'data/geonames-aliases.json'),
  JSON.stringify(
    {
      schemaVersion: 1,
      source:
        'GeoNames (geonames.org), CC-BY-4.0, from Debian libgeonames-common; written by tests/search-eval/generate.mjs',
      groups: aliasGroups,
    },
    null,
    2,
  ) + '\n',
);
const counts = {};
for (const part of ['dev', 'heldout'])
  for (const p of pairs[part]) counts[`${p.c} ${part}`] = (counts[`${p.c} ${part}`] ?? 0) + 1;
console.log(counts, `aliases: ${aliasGroups.length}`);

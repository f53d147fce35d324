import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../../../../electron/core/dossier/labels.js';
import { findName, nameStems } from '../../../../electron/core/dossier/leaks.js';
import { makeRedactor, REDACTED } from '../../../../electron/core/dossier/redact.js';
import { SEED_ARTICLE } from '../../helpers.js';

const r = makeRedactor(['Мұхтар Жәкішев', 'Мухтар Джакишев']);

describe('redaction matcher', () => {
  it.each([
    ['2015 жылы Жәкішевтің шағымын', `2015 жылы ${REDACTED} шағымын`],
    ['Жәкішевтердің', REDACTED],
    ['Мұхтарға хат', `${REDACTED} хат`],
    ['Мухтара Джакишева осудили', `${REDACTED} осудили`],
    ['суд над Жакишевым', `суд над ${REDACTED}`],
    ['М. Жәкішев сотталды', `${REDACTED} сотталды`],
    ['Мұхтар Жәкішевті қолдап', `${REDACTED} қолдап`],
    ['https://example.org/kk/zhakishev-picket', `https://example.org/kk/${REDACTED}-picket`],
    ['Jäkışevtıñ isi', `${REDACTED} isi`],
    ['the Dzhakishev case', `the ${REDACTED} case`],
    ["Kazakh Latin of 2017: Ja'kis'evtin' isi", `Kazakh Latin of 2017: ${REDACTED} isi`],
    ['Zhakishev’s lawyer', `${REDACTED} lawyer`],
    ['ЖӘКІШЕВ', REDACTED],
  ])('%s', (input, expected) => {
    expect(r.apply(input)).toBe(expected);
    expect(findName([r.apply(input)], nameStems(['Мұхтар Жәкішев', 'Мухтар Джакишев']))).toBeNull();
  });

  it('leaves other people and ordinary words alone', () => {
    for (const t of ['Асхат Жексебаев', 'Өскемендегі сот', 'Алматыда пикет', 'Қазақстан билігін'])
      expect(r.apply(t)).toBe(t);
  });

  it('does nothing without names', () => {
    const none = makeRedactor([]);
    expect(none.active).toBe(false);
    expect(none.apply('Жәкішев')).toBe('Жәкішев');
  });
});

const askhat = makeRedactor(['Асхат Жексебаев']);
const bekov = makeRedactor(['Yerlan Bekov']);
const R = REDACTED;

describe('redaction of hidden, split and disguised spellings', () => {
  it.each([
    ['soft hyphen', 'Белсенді Жексе\u00adбаев ұсталды', `Белсенді ${R} ұсталды`],
    ['zero-width space', 'Полиция Жексе\u200bбаевты', `Полиция ${R}`],
    ['word joiner', 'Жексе\u2060баевқа хат', `${R} хат`],
    ['zero-width joiner and bidi mark', 'Жек\u200dсе\u200fбаев', R],
    ['a Latin look-alike', 'Активист Жeксебаев', `Активист ${R}`],
    ['Latin look-alikes in a Russian declension', 'суд над Жeксeбaeвым', `суд над ${R}`],
    ['Cyrillic look-alikes in a Latin spelling', 'the Zhеksеbауеv case', `the ${R} case`],
    ['mixed scripts', 'Zhekseбаеву', R],
    ['a line-break hyphen', 'Сот Жексе- баевтың ісін', `Сот ${R} ісін`],
    ['a line-break hyphen with a newline', 'Сот Жексе-\nбаевтың ісін', `Сот ${R} ісін`],
    ['a long Kazakh suffix chain', 'Жексебаевтардікіндегі жиналыс', `${R} жиналыс`],
    ['NBSP between the names', 'Асхат\u00a0Жексебаев келді', `${R} келді`],
    ['a combining accent', 'Жексеба\u0301ев', R],
    ['a decomposed й', 'Жексебаеви\u0306', R],
    ['uppercase', 'ЖЕКСЕБАЕВТЫҢ ісі', `${R} ісі`],
    ['Russian Дж', 'Джексебаева оштрафовали', `${R} оштрафовали`],
    ['fullwidth Latin', 'Ｚｈｅｋｓｅｂａｙｅｖ said', `${R} said`],
    [
      'a percent-encoded URL',
      'https://x.kz/2021/%D0%96%D0%B5%D0%BA%D1%81%D0%B5%D0%B1%D0%B0%D0%B5%D0%B2-%D2%9B',
      `https://x.kz/2021/${R}-%D2%9B`,
    ],
    [
      'a lowercase percent-encoded URL',
      'https://x.kz/%d0%96%d0%b5%d0%ba%d1%81%d0%b5%d0%b1%d0%b0%d0%b5%d0%b2',
      `https://x.kz/${R}`,
    ],
    ['a punycode host', 'http://xn--80abejacc7a4d.kz/', `http://${R}.kz/`],
    [
      'a long percent-encoded path',
      `https://x.kz/${'%D0%B0'.repeat(40)}-%D0%96%D0%B5%D0%BA%D1%81%D0%B5%D0%B1%D0%B0%D0%B5%D0%B2`,
      `https://x.kz/${'%D0%B0'.repeat(40)}-${R}`,
    ],
    ['a Hangul filler', 'Жексе\u3164баев', R],
    ['a variation selector', 'Жексе\ufe0fбаев', R],
    ['a Greek look-alike', 'Ζheksebayev', R],
  ])('%s', (_, input, expected) => {
    expect(askhat.apply(input)).toBe(expected);
    expect(findName([askhat.apply(input)], nameStems(['Асхат Жексебаев']))).toBeNull();
  });

  it.each([
    ['Алматыда белсенді Ерлан Беков 2022 жылы ұсталды', `Алматыда белсенді ${R} 2022 жылы ұсталды`],
    ['Ерлан Бековты полиция ұстады', `${R} полиция ұстады`],
    ['Ерланның інісі', `${R} інісі`],
    ['Бекову предъявили обвинение', `${R} предъявили обвинение`],
    ['Ерлана Бекова задержали', `${R} задержали`],
    ['YERLAN BEKOV', R],
  ])('a Latin-only name in Cyrillic: %s', (input, expected) => {
    expect(bekov.apply(input)).toBe(expected);
  });

  it.each([
    ['Fyodorov', R],
    ['Федоров', R],
    ['Qairat', R],
    ['Qajrat', R],
  ])('ё and й in their Latin spellings: %s', (input, expected) => {
    expect(makeRedactor(['Қайрат Фёдоров']).apply(input)).toBe(expected);
  });

  it('leaves other words alone', () => {
    for (const t of [
      'Серік Бекетов',
      'Жексенов',
      'Баев',
      'Алматыда пикет',
      'https://x.kz/%D2%9B%D0%B0%D0%B9%D1%82%D0%B0',
      'Ерулан',
    ]) {
      expect(askhat.apply(t)).toBe(t);
      expect(bekov.apply(t)).toBe(t);
    }
  });
});

describe('the reader’s check', () => {
  const stems = nameStems(['Асхат Жексебаев']);
  it.each([
    'Жексе\u00adбаев',
    'Жексе\u200bбаевты',
    'Жeксебаев',
    'Жексе- баев',
    'Жексе-\nбаевтың',
    'Жексебаевтардікіндегі',
    'Zheksebayev',
    'Dzheksebaev',
    'Jeksebaev',
    'ЖЕКСЕБАЕВ',
    'Ｚｈｅｋｓｅｂａｙｅｖ',
    'Жексеба\u0301ев',
    'Zhekseбаеву',
    'https://x.kz/%D0%96%D0%B5%D0%BA%D1%81%D0%B5%D0%B1%D0%B0%D0%B5%D0%B2',
    'https://x.kz/%25D0%2596%25D0%25B5%25D0%25BA%25D1%2581%25D0%25B5%25D0%25B1%25D0%25B0%25D0%25B5%25D0%25B2',
    'http://xn--80abejacc7a4d.kz',
    'Асхатқа',
    'Askhatqa',
    'Жексеба\nевтың',
    'Жексе\u3164баев',
    'Жексе\ufe0fбаев',
    'Ж е к с е б а е в',
    "Jeksebaevtin'",
    'Zheksebayev’s',
    'Ж.Е.К.С.Е.Б.А.Е.В',
    'Ζheksebayev',
  ])('finds %j', (text) => {
    expect(findName([text], stems)).not.toBeNull();
  });

  it('finds a Latin-only name in Cyrillic and the other way round', () => {
    expect(findName(['Алматыда белсенді Ерлан Беков'], nameStems(['Yerlan Bekov']))).toBe('Ерлан');
    expect(findName(['Бековты полиция ұстады'], nameStems(['Yerlan Bekov']))).toBe('Бековты');
    expect(findName(['the Zhakishev case'], nameStems(['Мұхтар Жәкішев']))).toBe('Zhakishev');
    expect(findName(["Ja'kis'evtin' isi"], nameStems(['Мұхтар Жәкішев']))).toBe("Ja'kis'evtin");
  });

  it('does not refuse what the matcher redacted: short names, names that are words, a real article and every label', () => {
    const texts = [
      readFileSync(SEED_ARTICLE, 'utf8'),
      JSON.stringify(LABELS),
      'Суд в Алматы; Бакиев, Алиев и Сейтказиев выступили свидетелями. Ана мен бала, айыппұл, алты жыл. The court in Almaty; anyone may appeal.',
    ];
    for (const name of [
      'Ерлан',
      'Серік',
      'Нұрлан',
      'Әсел',
      'Ольга',
      'Иванов',
      'Тоқаев',
      'Yerlan Bekov',
      'Али',
      'Ян',
      'Ай',
      'Ким',
      'Алма',
      'Ана',
      'Бала',
      'Азат',
    ]) {
      const r = makeRedactor([name]);
      expect(
        findName(
          texts.map((t) => r.apply(t)),
          nameStems([name]),
        ),
        name,
      ).toBeNull();
    }
  });

  it('passes other people and ordinary words', () => {
    const text = [
      'Серік Бекетов, Жексенов, Баев, Асылбек және Алматы; Мухтаров емес. [redacted] [redacted]. https://x.kz/%D2%9B%D0%B0%D0%B9%D1%82%D0%B0 0a1b2c3d4e5f',
    ];
    expect(findName(text, stems)).toBeNull();
    expect(findName(text, nameStems(['Yerlan Bekov']))).toBeNull();
    expect(findName(['anything'], [])).toBeNull();
  });
});

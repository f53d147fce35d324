import { describe, expect, it } from 'vitest';
import { Analyzer, tokenize } from '../../../../electron/core/search/analyze.js';
import { fold, foldKey, lowerWord, norm } from '../../../../electron/core/search/fold.js';
import { protectedKeys, SHIPPED_GAZETTEER } from '../../../../electron/core/search/gazetteer.js';
import { kazakhStems, russianStem } from '../../../../electron/core/search/stem.js';

const analyzer = new Analyzer(protectedKeys([SHIPPED_GAZETTEER]));
/** Every key a word can match at the folded tier. */
const keys = (w: string) => {
  const a = analyzer.analyze(w);
  return [a.key, ...a.keyStems];
};
const meet = (a: string, b: string) => keys(a).some((k) => keys(b).includes(k));

describe('fold', () => {
  it('gives one key to a name in Kazakh, Russian, English and Kazakh Latin spellings', () => {
    for (const w of [
      'Жәкішев',
      'Джакишев',
      'Жакишев',
      'Zhakishev',
      'Dzhakishev',
      'Jakishev',
      'Jäkışev',
      'JÄKIŞEV',
      'ЖӘКІШЕВ',
    ]) {
      expect(foldKey(w), w).toBe('jakixev');
    }
  });

  it('folds Өскемен / Оскемен / Oskemen / Öskemen together', () => {
    for (const w of ['Өскемен', 'Оскемен', 'Oskemen', 'Öskemen', 'ӨСКЕМЕН']) expect(foldKey(w), w).toBe('oskemen');
  });

  it('maps the Kazakh letters to their plain pairs', () => {
    expect(foldKey('Қасым')).toBe(foldKey('Kassym'));
    expect(foldKey('Qasym')).toBe('kasim');
    expect(foldKey('Ғалым')).toBe(foldKey('Galym'));
    expect(foldKey('Ghalym')).toBe('galim');
    expect(foldKey('Ұлболсын')).toBe(foldKey('Ulbolsyn'));
    expect(foldKey('Үсенов')).toBe(foldKey('Üsenov'));
    expect(foldKey('Һәм')).toBe(foldKey('хам'));
    expect(foldKey('Khamit')).toBe(foldKey('Хамит'));
    expect(foldKey('Шынар')).toBe(foldKey('Shynar'));
    expect(foldKey('Şynar')).toBe('xinar');
    expect(foldKey('Чокин')).toBe(foldKey('Chokin'));
    expect(foldKey('Çokin')).toBe('cokin');
  });

  it('treats я/ю/ё, ya/yu/yo and the glide the same way', () => {
    expect(foldKey('Nazarbayev')).toBe(foldKey('Назарбаев'));
    expect(foldKey('Tokayev')).toBe(foldKey('Токаев'));
    expect(foldKey('Yerlan')).toBe(foldKey('Ерлан'));
    expect(foldKey('Марьям')).toBe(foldKey('Maryam'));
    expect(foldKey('Юлия')).toBe(foldKey('Yuliya'));
  });

  it('deletes soft and hard signs and apostrophes, collapses doubled letters', () => {
    expect(foldKey('Гурьев')).toBe(foldKey('Gurev'));
    expect(foldKey('съезд')).toBe('sezd');
    expect(foldKey('Kassym')).toBe('kasim');
    expect(foldKey('Мария')).toBe(foldKey('Mariia'));
    expect(foldKey("Qazaq'stan")).toBe('kazakstan');
  });

  it('avoids the known bugs of the prototype', () => {
    // 1. Cyrillic ш → x must not go through the Latin x → ks rule
    expect(foldKey('Шымкент')).toBe('ximkent');
    // 2. a digraph's output is not re-mapped (sh → x, not ks)
    expect(foldKey('Shymkent')).toBe('ximkent');
    // Cyrillic сх is not the Latin digraph kh
    expect(foldKey('Исхаков')).toBe('ishakov');
    // 5. an i at the end of a word is not a glide (Абай stays abai)
    expect(foldKey('Абай')).toBe('abai');
    expect(norm('abai')).toBe('abai');
    // Latin x is ks, c is k
    expect(foldKey('Alexandr')).toBe('aleksandr');
  });

  it('lower-cases dotted and dotless I as Kazakh Latin needs', () => {
    expect(lowerWord('İSTANBUL')).toBe('istanbul');
    expect(foldKey('JÄKIŞEV')).toBe(foldKey('jäkışev'));
  });

  it('keeps ч, ш, ц and е, а apart (no merge on purpose)', () => {
    expect(foldKey('чай')).not.toBe(foldKey('шай'));
    expect(foldKey('Мәжіліс')).not.toBe(foldKey('Меджлис'));
    expect(fold('цех').key).toBe('tseh');
  });

  it('survives odd Unicode: combining marks, emoji, digits, empty', () => {
    expect(foldKey('Zha\u0301kishev')).toBe('jakixev');
    expect(foldKey('😀')).toBe('');
    expect(foldKey('')).toBe('');
    expect(foldKey('2009')).toBe('2009');
    expect(foldKey('\u0000\uffff')).toBe('');
  });
});

describe('Kazakh suffix stripping', () => {
  const stems = (w: string) => keys(w);
  it('strips case, plural and possessive endings in both harmonies', () => {
    expect(stems('Жәкішевті')).toContain('jakixev');
    expect(stems('Жәкішевтің')).toContain('jakixev');
    expect(stems('Жәкішевке')).toContain('jakixev');
    expect(stems('Жәкішевпен')).toContain('jakixev');
    expect(stems('Jäkışevtıñ')).toContain('jakixev');
    expect(stems('пикеттерге')).toEqual(expect.arrayContaining(['piketerge', 'piketer', 'piket']));
    expect(stems('Өскеменде')).toContain('oskemen');
    expect(stems('Өскемендегі')).toContain('oskemen');
    expect(stems('Шымкентте')).toContain('ximkent');
  });

  it('collapses doubled letters only after stripping (Өскеменнен keeps oskemen)', () => {
    expect(stems('Өскеменнен')).toContain('oskemen');
    expect(stems('Өскеменнен')).not.toContain('oskeme');
  });

  it('does not strip bare -нда/-нде, bare -ы/-і, or below 4 letters', () => {
    expect(stems('Өскеменде')).not.toContain('oskeme');
    expect(stems('Алматы')).toEqual(['almati']);
    expect(stems('Алматыда')).toContain('almati');
    expect(stems('Алматыда')).not.toContain('alma');
    expect(stems('Ерге')).toEqual(['erge']);
    expect(stems('әке')).toEqual(['ake']);
  });

  it('never strips a protected gazetteer name', () => {
    // Шортанды: -ды is an accusative after н
    expect(kazakhStems('shortandi', (k) => k === 'shortandi')).toEqual([]);
    expect(kazakhStems('shortandi')).toEqual([7]);
  });

  it('takes an ending only after the sounds it follows', () => {
    // after a vowel the accusative is -ны, not -ты (Алматы is no Алма + -ты)
    expect(kazakhStems('almati')).toEqual([]);
    expect(kazakhStems('almani')).toEqual([4]);
    // after н the dative is -ға, not -ка (воронка); after т it is -ка (пикетке)
    expect(kazakhStems('voronka')).toEqual([]);
    expect(kazakhStems('piketke')).toEqual([5]);
    // -ны only after a vowel (колонны), -сі not after й (сәуегейсі), bare -і after й (сарайы)
    expect(kazakhStems('kolonni')).toEqual([]);
    expect(
      kazakhStems(
        'sauegeisi',
        () => false,
        true,
        (i) => 'сәуегейсі'[i] ?? '',
      ),
    ).not.toContain(7);
    expect(
      kazakhStems(
        'saraii',
        () => false,
        true,
        (i) => 'сарайы'[i] ?? '',
      ),
    ).toContain(5);
  });
});

describe('Russian stemming', () => {
  it('uses Snowball for common nouns', () => {
    expect(russianStem('пикеты', false)).toBe('пикет');
    expect(russianStem('пикетов', false)).toBe('пикет');
    expect(meet('пикетах', 'пикет')).toBe(true);
  });

  it('keeps a surname whole in every case, unlike Snowball', () => {
    for (const w of ['Джакишева', 'Джакишеву', 'Джакишевым', 'Джакишеве'])
      expect(russianStem(w.toLowerCase(), true), w).toBe('джакишев');
    expect(russianStem('назарбаевым', true)).toBe('назарбаев');
    expect(meet('Токаеву', 'Токаев')).toBe(true);
  });

  it('does not merge a surname with a given name, or a city with a name', () => {
    expect(meet('Касымов', 'Касым')).toBe(false);
    expect(meet('Алматы', 'Алмат')).toBe(false);
    expect(meet('Алма-Ате', 'Алмат')).toBe(false);
  });
});

describe('tokenize', () => {
  it('keeps Kazakh words whole and adds hyphenated compounds', () => {
    expect(tokenize('Усть-Каменогорске «Қазатомпром» ұлттық').map((t) => t.surface)).toEqual([
      'Усть',
      'Усть-Каменогорске',
      'Каменогорске',
      'Қазатомпром',
      'ұлттық',
    ]);
  });

  it('falls back to Intl.Segmenter for scripts without spaces', () => {
    expect(tokenize('東京 Алматы').map((t) => t.surface)).toEqual(['東京', 'Алматы']);
  });

  it('gives offsets into the original text', () => {
    const text = '  Жәкішевтің шағымы';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.surface);
  });
});

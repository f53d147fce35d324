// Pure logic of the annotation UI: the timeline's scale and the interface language's default.
import { describe, expect, it } from 'vitest';
import { LABELS } from '../../../electron/core/dossier/labels.js';
import { FACT_ROLES, type EventDate } from '../../../electron/core/model.js';
import { timelineScale } from '../../../renderer/features/cases/timeline-scale.js';
import { dateFormatter, initialLang, translator } from '../../../renderer/i18n/i18n.js';
import { formatEventDate as dossierDate } from '../../../electron/core/dossier/html.js';
import { DICTIONARIES, LANGS, uiMessages } from '../../../electron/shared/i18n/index.js';

const MESSAGES = { en: uiMessages('en'), kk: uiMessages('kk'), ru: uiMessages('ru') };

const d = (value: string, approximate = false): EventDate => ({
  value,
  precision: value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day',
  approximate,
});

describe('timeline scale', () => {
  it('shows only years with facts, wider where there are more, a gap mark where years are skipped', () => {
    const s = timelineScale([d('2009'), d('2015'), d('2020-08'), d('2020-09'), d('2020-10-04'), d('2020-10-16')]);
    expect(s.bands.map((b) => [b.year, b.gapBefore])).toEqual([
      [2009, false],
      [2015, true],
      [2020, true],
    ]);
    expect(s.bands.map((b) => Math.round(b.width))).toEqual([22, 22, 56]); // weights 2 : 2 : 5
    expect(s.bands.reduce((sum, b) => sum + b.width, 0)).toBeCloseTo(100);
  });

  it('draws a year over its band, a month over its days, a day as one day; in time order', () => {
    const s = timelineScale([d('2009'), d('2020-10'), d('2020-10-16')]);
    const [yl, yw] = s.span(d('2009'));
    expect(yl).toBeCloseTo(s.bands[0]!.left);
    expect(yw).toBeCloseTo(s.bands[0]!.width);
    const [ml, mw] = s.span(d('2020-10'));
    const [dl, dw] = s.span(d('2020-10-16'));
    expect(mw).toBeGreaterThan(dw * 30);
    expect(dl).toBeGreaterThan(ml);
    expect(dl + dw).toBeLessThan(ml + mw);
    expect(s.at('2020-12-31')).toBeLessThanOrEqual(100);
  });

  it("gives a range's last year a band, so the range ends where it should", () => {
    const s = timelineScale([{ value: '2009', precision: 'year', approximate: false, end: '2011' }, d('2015')]);
    expect(s.bands.map((b) => b.year)).toEqual([2009, 2011, 2015]);
    const [l, w] = s.span({ value: '2009', precision: 'year', approximate: false, end: '2011' });
    expect(l).toBeCloseTo(0);
    expect(l + w).toBeCloseTo(s.bands[1]!.left + s.bands[1]!.width);
  });
});

describe('interface language', () => {
  it('keeps a saved choice, else takes the first system language it has, else English', () => {
    expect(initialLang('ru', ['kk-KZ'])).toBe('ru');
    expect(initialLang(null, ['de-DE', 'kk-KZ', 'ru'])).toBe('kk');
    expect(initialLang('xx', ['RU-ru'])).toBe('ru');
    expect(initialLang(null, ['fr'])).toBe('en');
  });

  it('has every string in all three languages, with the same placeholders', () => {
    for (const key of Object.keys(MESSAGES.en) as Array<keyof typeof MESSAGES.en>) {
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const lang of ['kk', 'ru'] as const) {
        expect(MESSAGES[lang][key], `${lang} ${key}`).toBeTruthy();
        expect(vars(MESSAGES[lang][key]), `${lang} ${key}`).toEqual(vars(MESSAGES.en[key]));
      }
    }
  });
});

describe('one vocabulary for the interface and the dossier', () => {
  it('names each role and month the same way on screen and in the dossier, in every language', () => {
    for (const lang of ['en', 'kk', 'ru'] as const) {
      for (const role of FACT_ROLES) expect(translator(lang)(`role.${role}`)).toBe(LABELS[lang].roles[role]);
      expect(DICTIONARIES[lang].dates.months).toEqual(LABELS[lang].dates.months);
    }
  });

  it('writes a year, a month and a day on screen as the dossier does, the month after a day in its case', () => {
    for (const lang of LANGS)
      for (const value of ['2009', '2020-03', '2020-03-05', '2020-10-16'])
        expect(dateFormatter(lang)(d(value)), `${lang} ${value}`).toBe(dossierDate(d(value), LABELS[lang]));
    expect(dateFormatter('ru')(d('2020-03-05'))).toBe('5 марта 2020 г.');
    expect(dateFormatter('ru')(d('2020-03'))).toBe('март 2020 г.');
    expect(dateFormatter('kk')(d('2020-10-16'))).toBe('2020 ж. 16 қазан');
    expect(dateFormatter('en')(null)).toBe('undated');
  });

  it('writes days of one month as one span, in the order of each language', () => {
    const span: EventDate = { value: '2020-10-04', end: '2020-10-14', precision: 'day', approximate: false };
    expect(dateFormatter('en')(span)).toBe('4–14 October 2020');
    expect(dateFormatter('ru')(span)).toBe('4–14 октября 2020 г.');
    expect(dateFormatter('kk')(span)).toBe('2020 ж. 4–14 қазан');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDates, suggestDate } from '../../../electron/shared/date-suggest.js';
import { SEED_ARTICLE } from '../helpers.js';

const PUB = '2020-10-20';
const lines = readFileSync(SEED_ARTICLE, 'utf8').split('\n');
const line = (start: string) => lines.find((l) => l.startsWith(start))!;

/** [passage, expected value, expected precision, text read] with the article published 2020-10-20 */
const CASES: Array<[string, string | null, string?, string?]> = [
  // the sample article's sentences
  [line('16 қазанда Алматыда'), '2020-10-16', 'day', '16 қазанда'],
  [line('Оның наразылық шарасы'), '2020-10-04', 'day', '4 қазанда'],
  [line('Мұхтар Жәкішев «Венада'), '2009', 'year', '2009 жылы'],
  [line('2015 жылы'), '2015', 'year', '2015 жылы'],
  [line('Биыл қыркүйекте'), '2020-09', 'month', 'қыркүйекте'],
  [line('Белсенді тамызда'), '2020-08', 'month', 'тамызда'],
  [line('Биыл тамызда'), '2020-08', 'month', 'тамызда'],
  [line('Өткен айда'), '2020-09', 'month', 'Өткен айда'],
  [line('Ал полицейлер'), null],
  [line('Құқық қорғаушылар түзген'), null], // "20-дан астам адам" is a count, not a date
  // Kazakh
  ['2020 жылғы 16 қазанда сот отырысы өтті', '2020-10-16', 'day', '2020 жылғы 16 қазанда'],
  ['қазанның 16-сы күні ұсталды', '2020-10-16', 'day', 'қазанның 16'],
  ['желтоқсанда қамауға алынды', '2019-12', 'month', 'желтоқсанда'], // after October 2020: last December
  ['2019 жылдың наурызындағы шешім', '2019-03', 'month'],
  ['шілдедегі сот отырысы', '2020-07', 'month'],
  ['былтыр сотталды', '2019', 'year', 'былтыр'],
  ['5 мамырда босатылды', '2020-05-05', 'day'],
  ['31 ақпанда', null], // no such day
  // Russian
  ['В сентябре суд отказал в УДО', '2020-09', 'month', 'сентябре'],
  ['16 октября 2020 года он вышел на пикет', '2020-10-16', 'day', '16 октября 2020'],
  ['в 2009 году был осуждён на 14 лет', '2009', 'year', '2009 году'],
  ['Его задержали 3 мая', '2020-05-03', 'day'],
  ['в прошлом году комитет ООН', '2019', 'year'],
  ['задержан 12.08.2019 в Алматы', '2019-08-12', 'day', '12.08.2019'],
  // English
  ['On 16 October he began a picket', '2020-10-16', 'day', '16 October'],
  ['On October 4, 2020, the protest began', '2020-10-04', 'day', 'October 4, 2020'],
  ['In September 2020 the court refused parole', '2020-09', 'month', 'September 2020'],
  ['He was sentenced in 2009 to 14 years', '2009', 'year', '2009'],
  ['They may be released soon', null], // "may" as a verb
  ['released on 2 May', '2020-05-02', 'day'],
  ['last month the police warned him', '2020-09', 'month'],
];

describe('date suggestion', () => {
  it.each(CASES)('%s → %s', (passage, value, precision, text) => {
    const s = suggestDate(passage, PUB);
    if (value === null) {
      expect(s).toBeNull();
      return;
    }
    expect(s).toMatchObject({ value, approximate: false });
    if (precision) expect(s!.precision).toBe(precision);
    if (text) expect(s!.text).toBe(text);
    expect(passage.slice(s!.textStart, s!.textEnd)).toBe(s!.text);
  });

  it('needs a publication date for a day or month without a year, and lists every date in order', () => {
    expect(suggestDate('16 қазанда пикет өтті', null)).toBeNull();
    expect(suggestDate('2020 жылы 16 қазанда', null)).toMatchObject({ value: '2020-10-16' });
    expect(
      findDates('2009 жылы сотталған, 2015 жылы БҰҰ шешім шығарды, 16 қазанда пикет', PUB).map((d) => d.value),
    ).toEqual(['2009', '2015', '2020-10-16']);
  });

  it('survives hostile input quickly', () => {
    expect(suggestDate('', PUB)).toBeNull();
    expect(suggestDate('1'.repeat(100000), PUB)).toBeNull();
    expect(suggestDate('қазан '.repeat(2000), 'not a date')).toBeNull();
  });
});

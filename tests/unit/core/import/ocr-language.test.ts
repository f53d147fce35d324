/** The language of an OCR reading, from the letters each model leaves on the page it read. */
import { describe, expect, it } from 'vitest';
import { languageOfReading } from '../../../../electron/core/import/extract/ocr/language.js';

const KAZAKH =
  'Сот отырысында Мұхтар Жәкішев өзінің кінәсін мойындамайтынын мәлімдеді. Оның қорғаушысы іс материалдарында қайшылықтар көп екенін айтты.';
const RUSSIAN =
  'Судебная коллегия рассмотрела апелляционную жалобу зашитника осужденного и пришла к выводу, что ходатайство отклонено обоснованно.';
// the same Kazakh sentences as the Belarusian model reads them: Kazakh-only letters become near ones, і stays
const KAZAKH_AS_BELARUSIAN =
  'Сот отырысында Мухтар Жакішев озінің кінасін мойындамайтынын малімдеді. Оньщ коргаушысы іс материалдарында кайшылыктар коп екенін айтты.';

describe('languageOfReading', () => {
  it('a Kazakh reading with Kazakh letters is Kazakh, without them Russian', () => {
    expect(languageOfReading(KAZAKH, 'kk')).toBe('kk');
    expect(languageOfReading(RUSSIAN, 'kk')).toBe('ru');
  });
  it('a Russian reading with і or ў was a Kazakh page; without them it is Russian', () => {
    expect(languageOfReading(KAZAKH_AS_BELARUSIAN, 'ru')).toBe('kk');
    expect(languageOfReading(RUSSIAN, 'ru')).toBe('ru');
    // one stray і in a Russian page is noise, not Kazakh
    expect(languageOfReading(RUSSIAN.replace('и ', 'і '), 'ru')).toBe('ru');
  });
  it('says nothing of a page with too few letters (a stamp, numbers, Latin text)', () => {
    expect(languageOfReading('Қазақстан Республикасы', 'kk')).toBeUndefined();
    expect(languageOfReading('No. 2-1457/2024, 12.03.2024 '.repeat(20), 'ru')).toBeUndefined();
  });
});

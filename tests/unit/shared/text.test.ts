import { describe, expect, it } from 'vitest';
import { decodeUtf8, detectLanguage, normalizeText, titleFromText } from '../../../electron/shared/text.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeUtf8', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Өскемен')]), 'a.txt')).toBe('Өскемен');
  });
  it('refuses empty, binary and non-UTF-8 input with the file name', () => {
    expect(() => decodeUtf8(new Uint8Array(), 'a.txt')).toThrow('a.txt is empty');
    expect(() => decodeUtf8(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'b.txt')).toThrow(
      /b\.txt looks binary/,
    );
    // "Привет" in Windows-1251
    expect(() => decodeUtf8(new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), 'c.txt')).toThrow(
      /c\.txt is not UTF-8/,
    );
  });
});

describe('normalizeText', () => {
  it('makes NFC, \\n line ends and trims', () => {
    const decomposed = 'и\u0306'; // й as и + combining breve
    expect(normalizeText(`  ${decomposed}\r\nб\rв\t \n`)).toBe('й\nб\nв');
  });
  it('removes control characters but keeps tabs and newlines', () => {
    expect(normalizeText('a\u0007b\tc\nd')).toBe('ab\tc\nd');
  });
});

describe('titleFromText', () => {
  it('takes the first non-empty line', () => {
    expect(titleFromText('\n\n  Заголовок  \nтекст')).toBe('Заголовок');
  });
  it('cuts a long first line at a word boundary', () => {
    const title = titleFromText(`${'сөз '.repeat(100)}`, 40);
    expect(title.length).toBeLessThanOrEqual(41);
    expect(title.endsWith('сөз…')).toBe(true);
  });
});

describe('detectLanguage', () => {
  it('tells Kazakh by its own letters', () => {
    expect(detectLanguage('Биыл қыркүйекте Өскемендегі сот Жәкішевтің өтінішін қанағаттандырмады.')).toBe('kk');
  });
  it('keeps a Russian text that quotes one Kazakh name Russian', () => {
    const ru = 'Суд в Усть-Каменогорске отказал в условно-досрочном освобождении. '.repeat(20);
    expect(detectLanguage(`${ru} (Жәкішев)`)).toBe('ru');
  });
  it('tells English and other scripts', () => {
    expect(detectLanguage('The court denied parole in September.')).toBe('en');
    expect(detectLanguage('12345 — 678')).toBe('other');
  });
});

import { describe, expect, it } from 'vitest';
import { clipAtWord, decodeUtf8, detectLanguage, normalizeText, titleFromText } from '../../../electron/shared/text.js';

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

describe('clipAtWord', () => {
  it('leaves a short text whole, its white space folded', () => {
    expect(clipAtWord('Суд  отказал\nв УДО.')).toBe('Суд отказал в УДО.');
    expect(clipAtWord('')).toBe('');
  });

  it('cuts a long Cyrillic text at a word boundary, with an ellipsis, within the limit', () => {
    const text = 'Мұхтар Жәкішев 2009 жылы 14 жылға сотталған, сот шешімін Өскемен қалалық соты шығарды';
    const clipped = clipAtWord(text);
    expect(Array.from(clipped).length).toBeLessThanOrEqual(60);
    expect(clipped.endsWith('…')).toBe(true);
    const kept = clipped.slice(0, -1);
    // every kept word is a whole word of the text, in order
    expect(text.startsWith(kept)).toBe(true);
    expect(text[kept.length]).toMatch(/[\s,]/);
    expect(clipped).toBe('Мұхтар Жәкішев 2009 жылы 14 жылға сотталған, сот шешімін…');
  });

  it('drops the punctuation the cut leaves at the end', () => {
    expect(clipAtWord('one two, three', 10)).toBe('one two…');
  });

  it('keeps the last word when the boundary falls right after it', () => {
    expect(clipAtWord('abcd efgh ijkl', 10)).toBe('abcd efgh…');
  });

  it('cuts a single word longer than the limit inside it', () => {
    const word = 'Жексебаевтың'.repeat(10);
    const clipped = clipAtWord(word);
    expect(Array.from(clipped)).toHaveLength(60);
    expect(clipped).toBe(`${Array.from(word).slice(0, 59).join('')}…`);
  });

  it('never splits a surrogate pair', () => {
    const clipped = clipAtWord('😀'.repeat(70), 10);
    expect(clipped).toBe(`${'😀'.repeat(9)}…`);
  });
});

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallError } from '../../../electron/api.js';
import type { ErrorCode } from '../../../electron/shared/error-codes.js';
import { AqiqatError } from '../../../electron/shared/errors.js';
import { ERROR_TEXTS, errorText, type ErrorLang } from '../../../electron/shared/i18n/errors.js';

const LANGS: ErrorLang[] = ['en', 'kk', 'ru'];
const CODES = Object.keys(ERROR_TEXTS.en) as ErrorCode[];
const ELECTRON = path.resolve(import.meta.dirname, '../../../electron');

/** Sample parameters that record which names a text reads: lists, kinds and the snapshot get their shape. */
function recording(): { params: Record<string, unknown>; read: Set<string> } {
  const read = new Set<string>();
  const sample = (key: string): unknown => {
    if (['ids', 'paths', 'matches', 'roles', 'left', 'rights', 'types', 'values', 'statuses'].includes(key))
      return [`«${key}1»`, `«${key}2»`];
    if (['kind', 'into'].includes(key)) return 'place';
    if (key === 'from') return 'person';
    if (key === 'folder') return true;
    if (key === 'snapshot') return { shown: 'backups/s.json', file: '/a/backups/s.json', takenAt: '2024-01-01' };
    return `«${key}»`;
  };
  const params = new Proxy({} as Record<string, unknown>, {
    get: (_, key) => {
      if (typeof key !== 'string') return undefined;
      read.add(key);
      return sample(key);
    },
  });
  return { params, read };
}

/** The product's source, but for the code list and the texts themselves. */
async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'i18n') out.push(...(await sources(p)));
    else if (p.endsWith('.ts') && entry.name !== 'error-codes.ts') out.push(await readFile(p, 'utf8'));
  }
  return out;
}

/** Texts made of parameters only, the same in every language. */
const PARAMETERS_ONLY: ErrorCode[] = ['cli.invalid-option'];

describe('error texts', () => {
  it('every code has a one-line text in every language, reading the same parameters as the English one', () => {
    expect(CODES.length).toBeGreaterThan(150);
    for (const lang of LANGS) expect(Object.keys(ERROR_TEXTS[lang]).sort()).toEqual([...CODES].sort());
    for (const code of CODES) {
      const en = recording();
      const english = (ERROR_TEXTS.en[code] as (p: unknown) => string)(en.params);
      for (const lang of ['kk', 'ru'] as const) {
        const other = recording();
        const text = (ERROR_TEXTS[lang][code] as (p: unknown) => string)(other.params);
        expect(text, `${lang} ${code}`).not.toMatch(/undefined|\[object|\n/);
        if (!PARAMETERS_ONLY.includes(code)) expect(text, `${lang} ${code}`).not.toBe(english);
        expect([...other.read].sort(), `${lang} ${code} reads the parameters English reads`).toEqual(
          [...en.read].sort(),
        );
      }
      expect(english, code).not.toMatch(/undefined|\[object|\n/);
    }
  });

  it('every code is used by the product, and every code thrown is known', async () => {
    const text = (await sources(ELECTRON)).join('\n');
    const thrown = [...text.matchAll(/new AqiqatError\(\s*'([a-z0-9.-]+)'/g)].map((m) => m[1]!);
    expect(thrown.length).toBeGreaterThan(150);
    expect(thrown.filter((c) => !(CODES as string[]).includes(c))).toEqual([]);
    // a code may also be thrown through a subclass, a ternary or a function that builds the error
    const named = new Set([...text.matchAll(/'([a-z]+(?:\.[a-z0-9-]+)?)'/g)].map((m) => m[1]!));
    expect(CODES.filter((c) => !named.has(c))).toEqual([]);
  });

  it('an AqiqatError keeps its code and parameters, and its message is the English text', () => {
    const e = new AqiqatError('case.not-found', { ref: 'Іс' }, 'not-found');
    expect(e).toMatchObject({ code: 'case.not-found', params: { ref: 'Іс' }, kind: 'not-found' });
    expect(e.message).toBe('no case "Іс"; see `aqiqat case list`');
    expect(errorText('kk', e)).toBe('«Іс» ісі жоқ; `aqiqat case list` қараңыз');
    expect(errorText('ru', e)).toBe('дела «Іс» нет; см. `aqiqat case list`');
  });

  it('what crosses IPC is made safe to show, parameters too', () => {
    const e = new AqiqatError('import.empty', { name: 'a\u001b[31m.txt' });
    const data = e.toData();
    expect(data).toEqual({
      code: 'import.empty',
      params: { name: 'a\\u001b[31m.txt' },
      message: 'a\\u001b[31m.txt is empty',
    });
    expect(errorText('kk', new CallError(data))).toBe('a\\u001b[31m.txt бос');
  });

  it('an unknown code or parameters of the wrong shape fall back to the English line', () => {
    expect(errorText('kk', { code: 'newer.code', params: {}, message: 'from a newer main' })).toBe('from a newer main');
    expect(errorText('ru', { code: 'fact.not-found', params: { ids: 'not a list' }, message: 'no fact x' })).toBe(
      'no fact x',
    );
  });
});

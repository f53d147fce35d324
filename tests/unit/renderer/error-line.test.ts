// How the interface words a failed call: by its code, in the interface language, and a lock by its code.
import { afterEach, describe, expect, it } from 'vitest';
import { makeClient } from '../../../electron/api.js';
import { AqiqatError } from '../../../electron/core/errors.js';
import { CallError } from '../../../electron/api.js';
import { api, errorLine, LOCKED_EVENT, setErrorLanguage } from '../../../renderer/api.js';

const locked = new AqiqatError('session.locked', {}).toData();

describe('errorLine', () => {
  afterEach(() => setErrorLanguage('en'));

  it('words a refusal by its code in the interface language, parameters filled in', async () => {
    const client = makeClient(async () => ({
      ok: false,
      error: new AqiqatError('import.pdf-password', { name: 'іс.pdf' }).toData(),
    }));
    const refusal = await client.listArticles({}).catch((e: unknown) => e);
    expect(errorLine(refusal)).toBe('іс.pdf is password-protected; remove the password and import it again');
    setErrorLanguage('kk');
    expect(errorLine(refusal)).toBe('іс.pdf құпия сөзбен қорғалған; құпия сөзді алып тастап, қайта импорттаңыз');
    setErrorLanguage('ru');
    expect(errorLine(refusal)).toBe('іс.pdf защищён паролем; снимите пароль и импортируйте снова');
  });

  it('a lock is known by its code, whatever the English says', async () => {
    setErrorLanguage('kk');
    const client = makeClient(async () => ({ ok: false, error: { ...locked, message: 'reworded' } }));
    const refusal = await client.lock({}).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'session.locked', message: 'reworded' });
    expect(errorLine(refusal)).toBe('мұрағат құлыпталған; қайта ашу үшін құпия сөзді енгізіңіз');
  });

  it('anything else thrown is shown as its first line', () => {
    setErrorLanguage('kk');
    expect(errorLine(new Error('the archive is not connected\nstack'))).toBe('the archive is not connected');
  });
});

describe('api()', () => {
  it("makes the preload's plain error data a CallError again, and reports a lock by its code", async () => {
    const events: string[] = [];
    // the preload rejects with plain data: the contextBridge would keep only an Error's message
    const aqiqat = makeClient(
      async () => ({ ok: false, error: locked }),
      (error) => error,
    );
    Object.assign(globalThis, { window: { aqiqat, dispatchEvent: (e: Event) => events.push(e.type) } });
    try {
      const refusal = await api()
        .listArticles({})
        .catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(CallError);
      expect(refusal).toMatchObject({ code: 'session.locked', params: {} });
      expect(events).toEqual([LOCKED_EVENT]);
    } finally {
      Reflect.deleteProperty(globalThis, 'window');
    }
  });
});

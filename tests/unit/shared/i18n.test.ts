// The dictionaries: complete in every language, and the screen and the dossier using the same words.
import { describe, expect, it } from 'vitest';
import { DICTIONARIES, LANGS, uiMessages } from '../../../electron/shared/i18n/index.js';

describe('the dictionaries', () => {
  it('give every dossier word in every language, counts with their number', () => {
    for (const lang of LANGS) {
      // the UN template's words are a group of their own (with the consent states and the rights' names)
      const { un, ...words } = DICTIONARIES[lang].dossier;
      const all: Array<[string, unknown]> = Object.entries(words);
      for (const [k, w] of Object.entries(un))
        if (typeof w === 'object') for (const [k2, w2] of Object.entries(w)) all.push([`un.${k}.${k2}`, w2]);
        else all.push([`un.${k}`, w]);
      for (const [key, word] of all) {
        const text = typeof word === 'function' ? (word as (n: number) => string)(7) : (word as string);
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        if (typeof word === 'function') expect(text, `${lang} ${key}`).toContain('7');
      }
      for (const [id, label] of Object.entries(DICTIONARIES[lang].factTypes))
        expect(label.trim(), `${lang} ${id}`).not.toBe('');
    }
  });

  it('name a thing on screen as the dossier names it, in every language', () => {
    for (const lang of LANGS) {
      const ui = uiMessages(lang);
      const dossier = DICTIONARIES[lang].dossier;
      expect(ui['cases.facts'].replace('{n}', '3'), lang).toBe(dossier.factCount(3));
      expect(ui['reader.circa'].replace('{date}', '2009'), lang).toBe(`${dossier.approximately} 2009`);
      expect(ui['library.undated'], lang).toBe(dossier.undated);
      expect(ui['fact.noDate'], lang).toBe(dossier.undated);
      expect(ui['case.summary'], lang).toBe(dossier.summary);
      expect(ui['kind.persons'], lang).toBe(dossier.people);
      expect(ui['kind.places'], lang).toBe(dossier.places);
      expect(ui['kind.organizations'], lang).toBe(dossier.organizations);
      expect(ui['entity.aliases'], lang).toBe(dossier.aliases);
      expect(ui['dossier.compiledBy'], lang).toBe(dossier.compiledBy);
      expect(ui['reader.sha'].replace('{sha}', 'ab12'), lang).toBe(`${dossier.sha256Original}: ab12`);
      expect(ui['paste.published'], lang).toBe(dossier.published);
      expect(ui['paste.titleLabel'], lang).toBe(dossier.title);
      expect(ui['case.source'], lang).toBe(dossier.source);
      expect(ui['entity.facts'], lang).toBe(dossier.mentionedIn);
    }
  });
});

// Translations beside the quotes and the UN template's checklist, on the HTML builders directly.
import { describe, expect, it } from 'vitest';
import { buildDossierHtml, untranslatedCount } from '../../../../electron/core/dossier/html.js';
import { findName, htmlReadable, nameStems } from '../../../../electron/core/dossier/leaks.js';
import { makeRedactor, redactDossier } from '../../../../electron/core/dossier/redact.js';
import type { DossierData, DossierOptions } from '../../../../electron/core/dossier/types.js';
import { buildUnCommunicationHtml, missingItems } from '../../../../electron/core/dossier/un-communication.js';
import { sampleData } from './fixture.js';

const opts = (o: Partial<DossierOptions> = {}): DossierOptions => ({
  lang: 'en',
  paper: 'a4',
  generatedAt: new Date('2026-11-26T08:00:00Z'),
  compiledBy: 'A. Researcher',
  ...o,
});
const AT = '2026-11-30T10:00:00.000Z';
const text = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

function translated(): DossierData {
  const d = sampleData();
  d.facts[0]!.translations = {
    en: { text: 'Sentenced in 2009 to 14 years; Zhakishev appealed.', by: 'Dana', at: AT },
    ru: { text: 'Джакишев осуждён в 2009 году на 14 лет', by: 'Мухтар Джакишев', at: AT },
  };
  return d;
}

describe('translations in the dossier', () => {
  it('prints the quote exactly, then its translation into the dossier’s language, marked and by whom', () => {
    const d = translated();
    const en = text(buildDossierHtml(d, opts()).html);
    expect(en).toContain(
      '2009 жылы 14 жылға сотталған Translation (kk → en) by Dana Sentenced in 2009 to 14 years; Zhakishev appealed.',
    );
    // the English quote needs none; the second Kazakh quote has none: the cover counts 1
    expect(untranslatedCount(d, 'en')).toBe(1);
    expect(en).toContain('1 quote has no translation into English');
    const ru = text(buildDossierHtml(d, opts({ lang: 'ru' })).html);
    expect(ru).toContain('Перевод (kk → ru), переводчик: Мухтар Джакишев Джакишев осуждён');
    expect(ru).toContain('без перевода на русский: 2');
    expect(ru).not.toContain('Sentenced in 2009');
    // a Kazakh dossier prints no translation of a Kazakh quote, and counts only the English one
    const kk = text(buildDossierHtml(d, opts({ lang: 'kk' })).html);
    expect(kk).not.toContain('Аударма (kk');
    expect(untranslatedCount(d, 'kk')).toBe(1);
  });

  it('redacts a name inside a translation and a translator’s name; the reader’s check finds nothing', async () => {
    const names = ['Мұхтар Жәкішев', 'Мухтар Джакишев', 'Mukhtar Dzhakishev'];
    const d = redactDossier(translated(), makeRedactor(names), names);
    for (const lang of ['en', 'ru'] as const) {
      const html = buildDossierHtml(d, opts({ lang, redacted: true })).html;
      expect(findName(await htmlReadable(html), nameStems(names))).toBeNull();
    }
    expect(d.facts[0]!.translations!.en!.text).toBe('Sentenced in 2009 to 14 years; [redacted] appealed.');
    expect(d.facts[0]!.translations!.ru!.by).toBe('[redacted]');
    // without redaction the same check does find the name: the test can fail
    const plain = buildDossierHtml(translated(), opts({ lang: 'en' })).html;
    expect(findName(await htmlReadable(plain), nameStems(names))).not.toBeNull();
  });
});

describe('the UN communication template', () => {
  it('names what is missing, and less as the case is filled in', () => {
    const d = translated();
    const all = missingItems(d, 'en');
    expect(all).toEqual([
      'the consent or authorization of Мұхтар Жәкішев',
      'the alleged perpetrator(s): a person with the role “perpetrator” in a fact',
      'the State concerned',
      'the articles alleged to have been violated',
      '1 quote without a translation',
      'whether the matter was submitted to another international procedure',
    ]);
    d.facts[1]!.translations = { en: { text: 'The court refused parole.', by: '', at: AT } };
    d.facts[1]!.roles = { 'Мұхтар Жәкішев': 'victim', 'Өскемен соты': 'perpetrator' };
    d.communication = {
      consent: { 'Мұхтар Жәкішев': { status: 'given', by: 'his wife', date: '2021' } },
      responsibility: { 'Өскемен соты': 'refused parole' },
      rights: ['iccpr-9'],
      state: 'Kazakhstan',
      otherProcedures: 'none',
    };
    expect(missingItems(d, 'en')).toEqual([]);
    const html = text(buildUnCommunicationHtml(d, opts()).html);
    expect(html).toContain('Nothing that the archive can check is missing.');
    expect(html).toMatch(/Мұхтар Жәкішев .* given given by: his wife date: 2021/);
    // a consent not given is still missing
    d.communication.consent['Мұхтар Жәкішев']!.status = 'not-given';
    expect(missingItems(d, 'en')).toEqual(['the consent or authorization of Мұхтар Жәкішев']);
  });

  it('gives every section an id and an h2, in the forms’ order, in each language', () => {
    for (const lang of ['en', 'kk', 'ru'] as const) {
      const html = buildUnCommunicationHtml(sampleData(), opts({ lang })).html;
      const ids = [...html.matchAll(/<section id="([^"]+)"><h2[^>]*>(\d+)\. /g)].map((m) => `${m[2]} ${m[1]}`);
      expect(ids).toEqual([
        '1 victims',
        '2 perpetrators',
        '3 state',
        '4 rights',
        '5 remedies',
        '6 other-procedures',
        '7 chronology',
        '8 sources',
      ]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, type ExportRow } from '../../../../electron/core/dossier/export.js';

const row = (quote: string): ExportRow => ({
  factId: 'f1',
  date: '2009',
  datePrecision: 'year',
  dateApproximate: false,
  type: 'sentence',
  quote,
  people: ['Мұхтар Жәкішев', 'Б'],
  places: [],
  organizations: [],
  tags: [],
  note: '',
  translations: {},
  article: {
    id: 'a1',
    title: 'Т',
    publisher: null,
    publishedAt: null,
    url: null,
    lang: 'kk',
    sha256: 'x',
    textSha256: 'y',
    importedAt: 'z',
    sourceType: 'court-document',
    capture: { asserted: { capturedBy: 'A. Researcher', original: false }, machine: { fileModifiedAt: 'm' } },
  },
  status: 'verified',
  verificationNote: 'checked with the court',
  corroboratedBy: [],
});

describe('CSV export', () => {
  it('quotes per RFC 4180 and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const bad of ['+1', '-1', '@SUM(A1)', '\tx']) expect(csvCell(bad).replace(/^"/, '')).toMatch(/^'/);
  });

  it('is UTF-8 with a BOM and CRLF rows, Cyrillic intact', () => {
    const csv = toCsv([row('Жәкішевтің, «шағымы»')]);
    expect(csv.startsWith('\uFEFFfact_id,date,')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"Жәкішевтің, «шағымы»"');
    expect(lines[1]).toContain('Мұхтар Жәкішев; Б');
  });

  it('has a text and a translator column per translation language', () => {
    const r = { ...row('Сотталды'), translations: { ru: { text: 'Осуждён, «строго»', by: 'А. Б.', at: 'z' } } };
    const [head, line] = toCsv([r]).split('\r\n');
    const cells = head!.split(',');
    expect(cells).toEqual(
      expect.arrayContaining(['translation_kk', 'translation_ru', 'translator_ru', 'translation_en']),
    );
    const at = cells.indexOf('translation_ru');
    expect(cells[at + 1]).toBe('translator_ru');
    expect(line).toContain('"Осуждён, «строго»",А. Б.');
  });

  it('carries the provenance columns after the older ones', () => {
    const [head, line] = toCsv([row('q')]).split('\r\n');
    const cells = Object.fromEntries(head!.split(',').map((h, i) => [h, line!.split(',')[i]]));
    expect(head!.startsWith('\uFEFFfact_id,date,date_precision,date_approximate,type,quote,')).toBe(true);
    expect(head!.indexOf('imported_at')).toBeLessThan(head!.indexOf('source_type'));
    expect(cells).toMatchObject({
      status: 'verified',
      verification_note: 'checked with the court',
      source_type: 'court-document',
      captured_by: 'A. Researcher',
      original_or_copy: 'copy',
      machine_file_time: 'm',
    });
  });
});

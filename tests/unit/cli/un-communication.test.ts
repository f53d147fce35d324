// The UN communication template end to end: case edit, dossier --template un-communication, the printed PDF
// read back with pdftotext (as a reader of the PDF gets it), redaction of its new fields.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findName, nameStems } from '../../../electron/core/dossier/leaks.js';
import { aqiqat, expectOneLineError } from '../cli-driver.js';
import { tempDir } from '../helpers.js';

interface Fact {
  id: string;
  type: string;
  quote: string;
}

async function sample() {
  const dir = path.join(await tempDir(), 'demo');
  expect(aqiqat(['--archive', dir, 'init', '--sample']).code).toBe(0);
  const A = ['--archive', dir];
  const json = (args: string[]) => {
    const r = aqiqat([...A, ...args, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout);
  };
  const [kase] = json(['case', 'list']) as Array<{ id: string; facts: string[] }>;
  const facts = (json(['facts']) as Fact[]).filter((f) => kase!.facts.includes(f.id));
  return { dir, A, json, caseId: kase!.id, facts };
}

const pdftotext = (file: string) =>
  execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const english = (i: number) => `English translation number ${i} of this quote.`;

describe('aqiqat dossier --template un-communication', () => {
  it('prints the forms’ sections in order, consent, remedies in order, the checklist, quotes with translations', async () => {
    const { dir, A, json, caseId, facts } = await sample();
    facts.forEach((f, i) =>
      json(['fact', 'edit', f.id, '--translation', `en=${english(i)}`, '--translator', 'Dana Translator']),
    );
    const parole = facts.find((f) => f.type === 'parole-denied')!;
    json(['fact', 'edit', parole.id, '--note', 'Parole refused; he stays in prison.']);
    const edited = json([
      'case',
      'edit',
      caseId,
      '--consent',
      'Mukhtar Zhakishev=given',
      '--consent-by',
      'his wife, by signed letter',
      '--consent-date',
      '2021-03-01',
      '--right',
      'iccpr-14',
      '--right',
      'iccpr-9',
      '--state',
      'Kazakhstan',
    ]);
    expect(edited.communication).toMatchObject({
      consent: { 'Мұхтар Жәкішев': { status: 'given', by: 'his wife, by signed letter', date: '2021-03-01' } },
      rights: ['iccpr-9', 'iccpr-14'],
      state: 'Kazakhstan',
    });
    const out = path.join(dir, '..', 'un.pdf');
    const r = aqiqat([...A, 'dossier', caseId, '--template', 'un-communication', '--lang', 'en', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = pdftotext(out);

    const sections = [
      '1. Alleged victim(s)',
      '2. Alleged perpetrator(s)',
      '3. State concerned and places',
      '4. Articles alleged to have been violated',
      '5. Exhaustion of domestic remedies',
      '6. Application to other international procedures',
      '7. Facts of the complaint, in chronological order',
      '8. Supporting documentation (sources)',
    ];
    // each heading after the contents list, in the forms' order
    const body = text.slice(text.indexOf(sections.at(-1)!) + sections.at(-1)!.length);
    const at = sections.map((s) => body.indexOf(s));
    expect(at.every((n) => n >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);

    // a bookmark for each section, in the same order, the facts beneath the chronology's
    if (!('DOMMatrix' in globalThis))
      Object.defineProperty(globalThis, 'DOMMatrix', { value: class DOMMatrix {}, configurable: true, writable: true });
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(out)), verbosity: 0 }).promise;
    const outline = ((await doc.getOutline()) ?? []) as Array<{ title: string; items: unknown[] }>;
    await doc.destroy();
    expect(outline.map((o) => o.title)).toEqual(sections);
    expect(outline[6]!.items.length).toBe(facts.length);

    // the checklist on the cover names what is missing, and only that
    const cover = text.slice(0, text.indexOf('Contents'));
    expect(cover).toContain('Still missing before submission');
    expect(cover).toContain('the consent or authorization of Асхат Жексебаев');
    expect(cover).toContain('the alleged perpetrator(s): a person with the role');
    expect(cover).not.toContain('the consent or authorization of Мұхтар Жәкішев');
    expect(cover).not.toContain('the articles alleged to have been violated');
    expect(cover).not.toContain('domestic remedies');
    expect(cover).not.toContain('without a translation');

    // victims with their consent status
    const victims = body.slice(at[0]!, at[1]!);
    expect(victims).toMatch(/Мұхтар Жәкішев .*given given by: his wife, by signed letter date: 2021-03-01/);
    expect(victims).toMatch(/Асхат Жексебаев .*unknown/);
    expect(body.slice(at[3]!, at[4]!)).toMatch(/ICCPR art\. 9 .*ICCPR art\. 14 /);

    // remedies in date order, with the outcome (the fact's note)
    const remedies = body.slice(at[4]!, at[5]!);
    const sentence = facts.find((f) => f.type === 'sentence')!;
    expect(remedies.indexOf(sentence.quote)).toBeGreaterThan(0);
    expect(remedies.indexOf(parole.quote)).toBeGreaterThan(remedies.indexOf(sentence.quote));
    expect(remedies).toContain('Parole refused; he stays in prison.');
    expect(remedies).not.toContain(facts.find((f) => f.type === 'picket')!.quote);

    // every Kazakh quote exactly, and right after it its English translation, marked as one
    const chronology = body.slice(at[6]!, at[7]!);
    facts.forEach((f, i) => {
      const q = chronology.indexOf(f.quote);
      expect(q, f.quote).toBeGreaterThan(0);
      const after = chronology.slice(q + f.quote.length, q + f.quote.length + 200);
      expect(after.trimStart().startsWith(`Translation (kk → en) by Dana Translator ${english(i)}`), after).toBe(true);
    });
  });

  it('a redacted communication hides the name in translations, consent and responsibility notes', async () => {
    const { dir, A, json, caseId, facts } = await sample();
    const warned = facts.find((f) => f.type === 'intimidation')!;
    json([
      'fact',
      'edit',
      warned.id,
      '--person',
      'Асхат Жексебаев',
      '--person',
      'Ерлан Беков',
      '--role',
      'Асхат Жексебаев=victim',
      '--role',
      'Ерлан Беков=perpetrator',
      '--translation',
      'en=Akimat officials came to Zheksebayev and told him the picket was illegal.',
      '--translator',
      'Askhat Zheksebayev’s cousin',
    ]);
    json([
      'case',
      'edit',
      caseId,
      '--consent',
      'Асхат Жексебаев=given',
      '--consent-by',
      'Askhat Zheksebayev himself',
      '--responsible',
      'Ерлан Беков=ordered Jeksebaev to stop his picket',
      '--other-procedures',
      'The Zheksebayev family wrote to the Working Group on Arbitrary Detention.',
    ]);
    const out = path.join(dir, '..', 'un-redacted.pdf');
    const r = aqiqat([
      ...A,
      'dossier',
      caseId,
      '--template',
      'un-communication',
      '--lang',
      'en',
      '--redact',
      'Асхат Жексебаев',
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = pdftotext(out);
    const names = ['Асхат Жексебаев', 'Askhat Zheksebayev', 'Asqat Jeksebaev'];
    expect(findName([text], nameStems(names))).toBeNull();
    expect(text).toContain('ordered [redacted] to stop his picket');
    expect(text).toContain('Akimat officials came to [redacted] and told him');
    expect(text).toContain('The [redacted] family wrote to the Working Group');
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(findName([info], nameStems(names))).toBeNull();
  });

  it('refuses bad case edits in one line and writes nothing; a hand-edited right is refused at open', async () => {
    const { dir, A, caseId } = await sample();
    const file = path.join(dir, 'archive.json');
    const before = await readFile(file);
    expectOneLineError(aqiqat([...A, 'case', 'edit', caseId, '--consent', 'Мұхтар Жәкішев=maybe']), /--consent/, 2);
    expectOneLineError(aqiqat([...A, 'case', 'edit', caseId, '--consent', 'no-equals-sign']), /--consent/, 2);
    expectOneLineError(aqiqat([...A, 'case', 'edit', caseId, '--right', 'iccpr-99']), /unknown right "iccpr-99"/, 2);
    expectOneLineError(
      aqiqat([...A, 'case', 'edit', caseId, '--consent', 'Мұхтар Жәкішев=given', '--consent-date', '21.03.2021']),
      /consent date/,
      2,
    );
    // consent only for an alleged victim, responsibility only for an alleged perpetrator
    expectOneLineError(
      aqiqat([...A, 'case', 'edit', caseId, '--responsible', 'Мұхтар Жәкішев=because']),
      /is not a perpetrator/,
      2,
    );
    expectOneLineError(aqiqat([...A, 'case', 'edit', caseId, '--consent', 'Nobody=given']), /Nobody/);
    expect(await readFile(file)).toEqual(before);

    const meta = JSON.parse(before.toString('utf8'));
    meta.cases[0].communication = {
      consent: {},
      responsibility: {},
      rights: ['iccpr-99'],
      state: '',
      otherProcedures: '',
    };
    await writeFile(file, JSON.stringify(meta));
    expectOneLineError(aqiqat([...A, 'case', 'list']), /archive\.json/);
  });
});

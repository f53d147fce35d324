// Translations of quotes on the command line: fact edit --translation, export, search through a translation.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aqiqat, expectOneLineError } from '../cli-driver.js';
import { tempDir } from '../helpers.js';

interface Fact {
  id: string;
  type: string;
  quote: string;
  updatedAt: string;
  translations?: Record<string, { text: string; by: string; at: string }>;
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
  const facts = json(['facts']) as Fact[];
  return { dir, A, json, sentence: facts.find((f) => f.type === 'sentence')! };
}

describe('aqiqat fact edit --translation', () => {
  it('sets, keeps, replaces and removes translations, with the translator', async () => {
    const { json, sentence } = await sample();
    const one = json([
      'fact',
      'edit',
      sentence.id,
      '--translation',
      'ru=В 2009 году приговорён к 14 годам',
      '--translation',
      'en=Sentenced in 2009 to 14 years',
      '--translator',
      'Айгүл Серікова',
    ]) as Fact;
    expect(one.quote).toBe(sentence.quote);
    expect(one.translations).toMatchObject({
      ru: { text: 'В 2009 году приговорён к 14 годам', by: 'Айгүл Серікова' },
      en: { text: 'Sentenced in 2009 to 14 years', by: 'Айгүл Серікова' },
    });
    // another language later, by nobody named: the others stay
    const two = json(['fact', 'edit', sentence.id, '--translation', 'kk=2009 жылы сотталды']) as Fact;
    expect(two.translations!.kk!.by).toBe('');
    expect(two.translations!.ru!.text).toBe('В 2009 году приговорён к 14 годам');
    // a changed text keeps its translator unless another is named
    const three = json([
      'fact',
      'edit',
      sentence.id,
      '--translation',
      'en=In 2009 he was sentenced to 14 years',
    ]) as Fact;
    expect(three.translations!.en).toMatchObject({
      text: 'In 2009 he was sentenced to 14 years',
      by: 'Айгүл Серікова',
    });
    // an empty text removes it
    const four = json(['fact', 'edit', sentence.id, '--translation', 'en=', '--translation', 'kk=']) as Fact;
    expect(Object.keys(four.translations!)).toEqual(['ru']);
    const none = json(['fact', 'edit', sentence.id, '--translation', 'ru=']) as Fact;
    expect(none.translations).toBeUndefined();
  });

  it('a new translation with no translator named is the archive signer’s, once the signer has a name', async () => {
    const { A, json, sentence } = await sample();
    expect(aqiqat([...A, 'identity', '--name', 'Дана Аудармашы']).code).toBe(0);
    const one = json(['fact', 'edit', sentence.id, '--translation', 'en=Sentenced in 2009']) as Fact;
    expect(one.translations!.en!.by).toBe('Дана Аудармашы');
    // a named translator still wins, and an edit keeps who translated it
    const two = json(['fact', 'edit', sentence.id, '--translation', 'ru=Осуждён', '--translator', 'А. Б.']) as Fact;
    expect(two.translations!.ru!.by).toBe('А. Б.');
    const three = json(['fact', 'edit', sentence.id, '--translation', 'ru=Осуждён в 2009 году']) as Fact;
    expect(three.translations!.ru!.by).toBe('А. Б.');
  });

  it('refuses a bad --translation in one line and changes nothing', async () => {
    const { dir, A, json, sentence } = await sample();
    const before = await readFile(path.join(dir, 'archive.json'));
    for (const bad of ['de=Verurteilt', 'В 2009 году', '=text', 'other=x'])
      expectOneLineError(
        aqiqat([...A, 'fact', 'edit', sentence.id, '--translation', bad, '--note', 'x']),
        /must be LANG=TEXT/,
        2,
      );
    const after = (json(['facts']) as Fact[]).find((f) => f.id === sentence.id)!;
    expect(after.updatedAt).toBe(sentence.updatedAt);
    expect(after.translations).toBeUndefined();
    expect(await readFile(path.join(dir, 'archive.json'))).toEqual(before);
  });

  it('exports translations in JSON and CSV, and search finds a Kazakh fact by its Russian translation', async () => {
    const { A, json, sentence } = await sample();
    json(['fact', 'edit', sentence.id, '--translation', 'ru=Приговорён к четырнадцати годам', '--translator', 'Н. Н.']);
    const rows = JSON.parse(aqiqat([...A, 'export', '--format', 'json']).stdout) as Array<{
      factId: string;
      translations: Fact['translations'];
    }>;
    expect(rows.find((r) => r.factId === sentence.id)!.translations!.ru).toMatchObject({
      text: 'Приговорён к четырнадцати годам',
      by: 'Н. Н.',
    });
    expect(rows.filter((r) => r.factId !== sentence.id).every((r) => Object.keys(r.translations!).length === 0)).toBe(
      true,
    );
    const csv = aqiqat([...A, 'export', '--format', 'csv']).stdout;
    expect(csv.split('\r\n')[0]).toContain('translation_ru,translator_ru');
    expect(csv).toContain('Приговорён к четырнадцати годам,Н. Н.');

    // a Russian word no Kazakh quote has: only the translation can match, and the hit says so
    const hits = json(['search', 'четырнадцати']) as Array<{ id: string; translation?: string; snippet: string }>;
    expect(hits.map((h) => h.id)).toEqual([sentence.id]);
    expect(hits[0]).toMatchObject({ translation: 'ru', snippet: 'Приговорён к четырнадцати годам' });
    expect(aqiqat([...A, 'search', 'четырнадцать']).stdout).toContain('(matched its ru translation)');
    // a word of the original quote: a hit of the quote, not of the translation
    const own = json(['search', 'сотталған', '--kind', 'fact']) as Array<{ id: string; translation?: string }>;
    expect(own.find((h) => h.id === sentence.id)!.translation).toBeUndefined();
    // removed: no longer found
    json(['fact', 'edit', sentence.id, '--translation', 'ru=']);
    expect(json(['search', 'четырнадцати'])).toEqual([]);
  });
});

describe('a hand-edited translation', () => {
  it('in a shard (an unknown language, an empty text) is refused in one line, naming the file', async () => {
    const { dir, A, sentence } = await sample();
    const shard = path.join(dir, 'shards', `${sentence.id.slice(0, 2)}.facts.json`);
    const original = await readFile(shard, 'utf8');
    for (const bad of [
      { de: { text: 'Verurteilt', by: '', at: '2026-11-30T10:00:00.000Z' } },
      { ru: { text: '', by: '', at: '2026-11-30T10:00:00.000Z' } },
    ]) {
      const data = JSON.parse(original) as { facts: Array<Fact & { translations?: unknown }> };
      data.facts.find((f) => f.id === sentence.id)!.translations = bad;
      await writeFile(shard, JSON.stringify(data));
      expectOneLineError(aqiqat([...A, 'facts']), /facts\.json/);
    }
  });
});

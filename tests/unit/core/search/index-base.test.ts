/** A base loaded from disk answers as the index that wrote it: string columns read in place, lookups by binary search. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../../../electron/core/search/analyze.js';
import { SearchIndex, Strings, type DocMeta } from '../../../../electron/core/search/index.js';
import { CorruptIndex, encodeBase, loadBase } from '../../../../electron/core/search/persist.js';
import { tempDir } from '../../helpers.js';

const doc = (id: string, over: Partial<DocMeta> = {}): DocMeta => ({
  kind: id.includes('-') ? 'fact' : 'article',
  id,
  articleId: id.split('-')[0]!,
  published: 20240101,
  lang: 'kk',
  title: id.includes('-') ? '' : `Тақырып ${id} 🙂`,
  textSha256: '',
  type: id.includes('-') ? 'detention' : '',
  date: '',
  start: 0,
  end: 0,
  tags: [],
  entities: [],
  ...over,
});

const words = (...w: string[]) => new Map(w.map((x) => [x, 1]));

async function written(index: SearchIndex): Promise<{ file: string; loaded: SearchIndex }> {
  const file = path.join(await tempDir(), 'search.idx');
  await writeFile(file, encodeBase(index, 'a', 'e', {}));
  const loaded = new SearchIndex(new Analyzer());
  await loadBase(file, loaded, 'a');
  return { file, loaded };
}

function sample(): SearchIndex {
  const index = new SearchIndex(new Analyzer());
  // added out of id order, so that document numbers and id order differ
  index.addDoc(doc('cc', { tags: ['t1', 't2'] }), words('сот', 'бостандығы'));
  index.addDoc(doc('aa'), words('сот', 'Астана'));
  index.addDoc(doc('cc-2'), words('сот'));
  index.addDoc(doc('bb'), words('колония'));
  index.addDoc(doc('cc-1', { entities: ['e1'] }), words('қол'));
  index.addDoc(doc('aa-1'), words('көл'));
  return index;
}

describe('Strings', () => {
  it('reads back every string, empty ones, Cyrillic and astral characters included', () => {
    const items = ['', 'бостандығынан', '', 'Ж', '🙂x', 'end'];
    const s = Strings.of(items);
    expect(s.length).toBe(items.length);
    expect(Array.from({ length: s.length }, (_, i) => s.at(i))).toEqual(items);
    expect(s.at(-1)).toBeUndefined();
    expect(s.at(items.length)).toBeUndefined();
    expect(s.wellFormed()).toBe(true);
    expect(s.wellFormed(true)).toBe(false);
  });

  it('tells offsets that go backwards or past the bytes', () => {
    const { bytes } = Strings.encode(['ab', 'cd']);
    expect(new Strings(bytes, Uint32Array.from([2, 4])).wellFormed(true)).toBe(true);
    expect(new Strings(bytes, Uint32Array.from([3, 2])).wellFormed()).toBe(false);
    expect(new Strings(bytes, Uint32Array.from([2, 5])).wellFormed()).toBe(false);
    expect(new Strings(bytes, Uint32Array.from([2, 3])).wellFormed()).toBe(false);
  });
});

describe('a loaded base', () => {
  it('finds documents by id and words by spelling as the index that wrote it', async () => {
    const index = sample();
    const { loaded } = await written(index);
    expect(loaded.docCount).toBe(6);
    for (const id of ['aa', 'aa-1', 'bb', 'cc', 'cc-1', 'cc-2']) {
      const no = loaded.docNo(id);
      expect(no, id).toBeDefined();
      expect(loaded.doc(no!)).toEqual(index.doc(index.docNo(id)!));
      expect(loaded.articleIdOf(no!)).toBe(id.split('-')[0]);
    }
    expect(loaded.docNo('ab')).toBeUndefined();
    expect(loaded.docNo('')).toBeUndefined();
    for (let v = 0; v < loaded.vocabSize; v++) expect(loaded.knownVocabId(loaded.word(v))).toBe(v);
    expect(loaded.knownVocabId(index.word(index.knownVocabId('бостандығы')!))).toBeDefined();
    expect(loaded.knownVocabId('жоқ')).toBeUndefined();
  });

  it('orders ties by id without decoding, the same as comparing the ids', async () => {
    const { loaded } = await written(sample());
    for (let a = 0; a < loaded.docCount; a++)
      for (let b = 0; b < loaded.docCount; b++)
        expect(loaded.idBefore(a, b), `${a} ${b}`).toBe(loaded.docId(a) < loaded.docId(b));
  });

  it('lists an article with its facts, and forgets deleted ones until re-added', async () => {
    const { loaded } = await written(sample());
    const ids = (a: string) =>
      loaded
        .docsOfArticle(a)
        .map((n) => loaded.docId(n))
        .sort();
    expect(ids('cc')).toEqual(['cc', 'cc-1', 'cc-2']);
    expect(ids('c')).toEqual([]);
    expect(loaded.removeDoc('cc-1')).toBe(true);
    expect(loaded.removeDoc('cc-1')).toBe(false);
    expect(loaded.docNo('cc-1')).toBeUndefined();
    expect(ids('cc')).toEqual(['cc', 'cc-2']);
    const again = loaded.addDoc(doc('cc-1'), words('жаңа'));
    expect(loaded.docNo('cc-1')).toBe(again);
    expect(ids('cc')).toEqual(['cc', 'cc-1', 'cc-2']);
    expect(loaded.knownVocabId('жаңа')).toBe(loaded.vocabSize - 1);
    // and a compaction of the mixed index loads back to the same documents
    const { loaded: next } = await written(loaded);
    expect(
      next
        .docsOfArticle('cc')
        .map((n) => next.docId(n))
        .sort(),
    ).toEqual(['cc', 'cc-1', 'cc-2']);
    expect(next.docNo('cc-1')).toBeDefined();
    const postings: number[] = [];
    next.postings(next.knownVocabId('жаңа')!, (d) => postings.push(d));
    expect(postings).toEqual([next.docNo('cc-1')]);
  });

  it('refuses a file whose string offsets or id order were tampered with', async () => {
    const { file } = await written(sample());
    const bytes = await readFile(file);
    const headerLength = bytes.readUInt32LE(8);
    const header = JSON.parse(bytes.toString('utf8', 12, 12 + headerLength)) as {
      sections: Array<{ name: string; offset: number; length: number }>;
    };
    const at = (name: string) => 12 + headerLength + header.sections.find((s) => s.name === name)!.offset;
    const tamper = async (name: string, value: number) => {
      const copy = Buffer.from(bytes);
      copy.writeUInt32LE(value, at(name));
      await writeFile(file, copy);
      return loadBase(file, new SearchIndex(new Analyzer()), 'a');
    };
    await expect(tamper('ids.ends', 0)).rejects.toThrow(CorruptIndex);
    await expect(tamper('words.ends', 0xffffff)).rejects.toThrow(CorruptIndex);
    await expect(tamper('idOrder', 6)).rejects.toThrow(CorruptIndex);
    await expect(tamper('wordOrder', 0xffffffff)).rejects.toThrow(CorruptIndex);
    await writeFile(file, bytes);
    await expect(loadBase(file, new SearchIndex(new Analyzer()), 'a')).resolves.toMatchObject({ epoch: 'e' });
  });
});

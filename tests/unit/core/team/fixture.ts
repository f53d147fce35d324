/**
 * Two archives that have worked on one case, built in-process (the CLI costs two seconds a call): A shared
 * the case to B, B received it and changed it, A changed it too, B shared back. `toA` waits to be received
 * by A; what it brings touches archive.json, several shards, new sources and texts, and two conflicts.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../../../electron/core/archive.js';

export interface TeamFixture {
  root: string;
  /** A before it receives toA, B after it shared it (folders; both archives closed) */
  a: string;
  b: string;
  toB: string;
  toA: string;
  articles: string[];
  facts: { shared: string[]; fromB: string; editedBoth: string; deletedByA: string };
  kase: string;
  /** a word only B's new fact has (to search for) */
  word: string;
  remove: () => Promise<void>;
}

const TEXTS = [
  'Суд отказал Жәкішеву в УДО. Өскемен колониясы находится далеко.\n',
  'Мұхтар Жәкішев 2009 жылы 14 жылға сотталған. Адвокат шағым түсірді.\n',
  'Правозащитники сообщили о пытках в колонии. Семья не получила ответа.\n',
];

async function write(archive: Archive, ask: Parameters<Archive['share']>[0], file: string): Promise<string> {
  const shared = await archive.share(ask);
  await writeFile(file, shared.bytes);
  await archive.recordShared(shared, path.basename(file));
  return file;
}

export async function teamFixture(): Promise<TeamFixture> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'aqiqat-team-'));
  const a = await Archive.create(path.join(root, 'a'));
  const b = await Archive.create(path.join(root, 'b'));
  await a.setIdentityName('Aigul');
  await b.setIdentityName('Bolat');
  await a.addContact('Bolat', Buffer.from(JSON.stringify(await b.identityKeyFile())), 'b.key');
  await b.addContact('Aigul', Buffer.from(JSON.stringify(await a.identityKeyFile())), 'a.key');

  const articles: string[] = [];
  for (const [i, text] of TEXTS.slice(0, 2).entries())
    articles.push((await a.importArticle({ bytes: Buffer.from(text), name: `a${i}.txt` })).article.id);
  const shared = [
    (await a.addFact({ articleId: articles[0]!, quote: 'Суд отказал', people: ['Мұхтар Жәкішев'] })).id,
    (await a.addFact({ articleId: articles[0]!, quote: 'Өскемен колониясы', places: ['Өскемен'] })).id,
    (await a.addFact({ articleId: articles[1]!, quote: '14 жылға сотталған', date: '2009', tags: ['trial'] })).id,
    (await a.addFact({ articleId: articles[1]!, quote: 'Адвокат шағым түсірді' })).id,
  ];
  const kase = (await a.createCase('Жәкішев ісі', 'the first summary')).id;
  await a.addFactsToCase(kase, shared);
  const toB = await write(a, { cases: [kase], to: ['Bolat'] }, path.join(root, 'to-b.age'));

  await b.receive({ file: toB });
  articles.push((await b.importArticle({ bytes: Buffer.from(TEXTS[2]!), name: 'b.txt' })).article.id);
  const fromB = (
    await b.addFact({ articleId: articles[2]!, quote: 'сообщили о пытках', people: ['Жәкішев М.'], tags: ['torture'] })
  ).id;
  await b.addFactsToCase(kase, [fromB]);
  await b.editFact(shared[0]!, { note: 'B: checked with the lawyer' });
  await b.editFact(shared[1]!, { note: 'B: the colony is UG-157/1' });
  await b.editFact(shared[3]!, { note: 'B: the appeal was filed in March' });
  await b.mergeEntities('Мұхтар Жәкішев', 'Жәкішев М.');
  await a.editFact(shared[0]!, { note: 'A: from the court record' });
  await a.deleteFact(shared[3]!);
  const toA = await write(b, { cases: [kase], to: ['Aigul'] }, path.join(root, 'to-a.age'));
  await a.close();
  await b.close();
  return {
    root,
    a: path.join(root, 'a'),
    b: path.join(root, 'b'),
    toB,
    toA,
    articles,
    facts: { shared, fromB, editedBoth: shared[0]!, deletedByA: shared[3]! },
    kase,
    word: 'пытках',
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** A copy of an archive folder, for one trial. */
export async function copyArchive(from: string, to: string): Promise<string> {
  await cp(from, to, { recursive: true });
  return to;
}

/**
 * A case citing the pages of a web capture travels whole: each page's article keeps its id (the file's hash
 * with the page's URL, checked on receipt), and its visual copy comes with it, the same bytes, so the
 * receiving archive never claims files it does not have.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { namedByItsBytes, pageArticleId } from '../../../../electron/core/storage/ids.js';
import { chromiumPageRenderer } from '../../../../electron/core/visual/chromium.js';
import { tempDir } from '../../helpers.js';
import { articlePage, makeWacz } from '../../wacz-fixture.js';

const renderer = chromiumPageRenderer();
afterAll(() => renderer.close());

const PAGES = ['https://news.example.kz/2026/03/sot', 'https://news.example.kz/2026/03/appeal'];

describe('sharing the pages of a web capture', () => {
  it('an article id is the one its bytes give it: the file hash, or the file hash with the page it records', () => {
    const sha256 = 'ab'.repeat(32);
    expect(namedByItsBytes({ id: sha256.slice(0, 12), sha256 })).toBe(true);
    const id = pageArticleId(sha256, PAGES[1]!);
    expect(namedByItsBytes({ id, sha256, capture: { machine: { waczPage: PAGES[1]! } } })).toBe(true);
    expect(namedByItsBytes({ id, sha256, capture: { machine: { waczPage: PAGES[0]! } } })).toBe(false);
    expect(namedByItsBytes({ id, sha256 })).toBe(false);
    expect(namedByItsBytes({ id: sha256.slice(0, 8), sha256 })).toBe(false);
  });

  it('brings each page under its own id, with its visual copy, the same bytes', async () => {
    const dir = await tempDir();
    const a = await Archive.create(path.join(dir, 'a'));
    const b = await Archive.create(path.join(dir, 'b'));
    await a.addContact('Bolat', Buffer.from(JSON.stringify(await b.identityKeyFile())), 'b.key');
    await b.addContact('Aigul', Buffer.from(JSON.stringify(await a.identityKeyFile())), 'a.key');

    const bytes = await makeWacz([
      { url: PAGES[0]!, body: articlePage('Сот шешімі Өскеменде'), date: '2026-03-14T09:26:53Z' },
      { url: PAGES[1]!, body: articlePage('Апелляция отклонена'), date: '2026-03-14T09:27:10Z' },
    ]);
    const first = await a.importArticle({ bytes, name: 'capture.wacz', renderer });
    const second = first.otherPages![0]!;
    expect(second.status).toBe('imported');
    if (second.status === 'failed') return;
    const page = second.article;
    expect(page.id).toBe(pageArticleId(page.sha256, PAGES[1]!));
    expect(page.capture?.machine.waczPage).toBe(PAGES[1]);
    expect(page.visual).toBeDefined();

    const text = (await a.getArticle(page.id)).text;
    const quote = /Апелляция отклонена/.exec(text)![0];
    const fact = await a.addFact({ articleId: page.id, quote });
    const kase = (await a.createCase('Апелляция', '')).id;
    await a.addFactsToCase(kase, [fact.id]);
    const shared = await a.share({ cases: [kase], to: ['Bolat'] });
    const bundle = path.join(dir, 'to-b.age');
    await writeFile(bundle, shared.bytes);

    await b.receive({ file: bundle });
    const got = await b.getArticle(page.id);
    expect(got.text).toBe(text);
    expect(got.article.visual?.png.sha256).toBe(page.visual!.png.sha256);
    expect(got.article.capture?.machine.waczPage).toBe(PAGES[1]);
    const png = await readFile(path.join(dir, 'b', 'sources', `${page.visual!.png.sha256}.png`));
    expect(png.equals(await readFile(path.join(dir, 'a', 'sources', `${page.visual!.png.sha256}.png`)))).toBe(true);
    const report = await b.verify();
    expect(report.problems).toEqual([]);
    await a.close();
    await b.close();
  }, 240_000);
});

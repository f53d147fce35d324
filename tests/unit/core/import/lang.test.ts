import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import type { ArchiveEvent } from '../../../../electron/core/storage/events.js';
import { aqiqat, expectOneLineError } from '../../cli-driver.js';
import { tempDir } from '../../helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('language', () => {
  it('is detected per article and can be overridden; observers hear of the change', async () => {
    const archive = await Archive.create(await tempDir());
    const events: ArchiveEvent[] = [];
    archive.store.events.on((e) => void events.push(e));
    const { article } = await archive.importArticle({ bytes: enc('Суд отказал Жакишеву в УДО.'), name: 'a.txt' });
    expect(article.lang).toBe('ru');
    const changed = await archive.setArticleLanguage(article.id.slice(0, 6), 'kk');
    expect(changed.lang).toBe('kk');
    expect(events.map((e) => e.type)).toEqual(['article-added', 'article-updated']);
    expect((await (await Archive.open(archive.root)).getArticle(article.id)).article.lang).toBe('kk');
  });

  it('`aqiqat lang` sets it from the command line and refuses an unknown language in one line', async () => {
    const dir = path.join(await tempDir(), 'a');
    const run = (args: string[], input = '') => aqiqat(['--archive', dir, ...args], { input });
    run(['init']);
    const [item] = JSON.parse(run(['import', '-', '--json'], 'Plain English text.').stdout) as Array<{
      article: { id: string; lang: string };
    }>;
    expect(item!.article.lang).toBe('en');
    const r = run(['lang', item!.article.id, 'other', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ lang: 'other' });
    expectOneLineError(run(['lang', item!.article.id, 'xx']), /xx/, 2);
  });
});

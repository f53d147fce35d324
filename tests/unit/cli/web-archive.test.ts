/** `aqiqat import` of web captures through the real CLI: the capture's time and URI said and kept, --page, refusals. */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aqiqat, expectOneLineError } from '../cli-driver.js';
import { snapshot, tempDir } from '../helpers.js';
import { articlePage, makeWacz, makeWarc, type CapturedFile } from '../wacz-fixture.js';

const run = (dir: string, args: string[]) => aqiqat(['--archive', dir, ...args]);

const pages: CapturedFile[] = [
  {
    url: 'https://news.example.kz/2026/03/sot',
    body: articlePage('Сот шешімі Өскеменде'),
    date: '2026-03-14T09:26:53Z',
  },
  {
    url: 'https://news.example.kz/2026/03/appeal',
    body: articlePage('Апелляция отклонена'),
    date: '2026-03-14T09:27:10Z',
  },
];

async function setUp() {
  const root = await tempDir();
  const dir = path.join(root, 'a');
  expect(run(dir, ['init']).code).toBe(0);
  const wacz = path.join(root, 'capture.wacz');
  await writeFile(wacz, await makeWacz(pages, { sign: true }));
  return { root, dir, wacz };
}

describe('aqiqat import of a web capture', () => {
  it('says the capture time and URI; show --json keeps them as machine-recorded fields', async () => {
    const { dir, wacz } = await setUp();
    const r = run(dir, ['import', wacz]);
    expect(r.stderr).toBe('');
    const [imported, captured, second] = r.stdout.trimEnd().split('\n');
    expect(second).toMatch(/^imported [0-9a-f]{12} {2}Апелляция отклонена$/);
    expect(imported).toMatch(/^imported [0-9a-f]{12} {2}Сот шешімі Өскеменде$/);
    expect(captured).toMatch(
      /^ {2}captured 2026-03-14T09:26:53\.000Z {2}https:\/\/news\.example\.kz\/2026\/03\/sot; by Aqiqat test builder 1\.0; package hashes hold; signed by key [A-Z2-7 ]+ \(signature valid\); the capture lists 2 pages$/,
    );
    const id = imported!.split(' ')[1]!;
    const shown = JSON.parse(run(dir, ['show', id, '--json']).stdout);
    expect(shown).toMatchObject({
      sourceExt: 'wacz',
      url: 'https://news.example.kz/2026/03/sot',
      capture: {
        machine: {
          warcDate: '2026-03-14T09:26:53.000Z',
          warcTargetUri: 'https://news.example.kz/2026/03/sot',
          warcSoftware: 'Aqiqat test builder 1.0',
          waczHashes: 'hold',
          waczSignature: 'valid',
        },
      },
    });
    expect(run(dir, ['show', id]).stdout).toMatch(/^warc date: {3}2026-03-14T09:26:53\.000Z \(machine-recorded\)$/m);
  });

  it('--page imports one page of the file as its own article; the whole file then adds the others, once', async () => {
    const { dir, wacz } = await setUp();
    const [{ article }] = JSON.parse(
      run(dir, ['import', wacz, '--page', pages[1]!.url, '--json', '--no-visual']).stdout,
    );
    expect(article).toMatchObject({
      title: 'Апелляция отклонена',
      capture: { machine: { warcTargetUri: pages[1]!.url } },
    });
    expect(run(dir, ['articles']).stdout.trimEnd().split('\n')).toHaveLength(1);
    const whole = JSON.parse(run(dir, ['import', wacz, '--json', '--no-visual']).stdout) as Array<
      Record<string, unknown>
    >;
    expect(whole.map((i) => [i.page, i.status])).toEqual([
      [pages[0]!.url, 'imported'],
      [pages[1]!.url, 'duplicate'],
    ]);
    expect(whole[1]!.article).toMatchObject({ id: article.id });
    expect(run(dir, ['articles']).stdout.trimEnd().split('\n')).toHaveLength(2);
    // the summary counts articles, and files as files
    const folder = path.join(path.dirname(wacz), 'captures');
    await mkdir(folder);
    await copyFile(wacz, path.join(folder, 'same.wacz'));
    const again = run(dir, ['import', wacz, folder, '--no-visual']);
    expect(again.stdout.trimEnd().split('\n').at(-1)).toBe(
      '0 imported, 4 already in the archive, 0 failed (2 of 2 files)',
    );
  });

  it('refuses a page the capture does not hold, --page on another format and a hostile archive: one line, nothing written', async () => {
    const { root, dir, wacz } = await setUp();
    run(dir, ['articles']); // the first open of an archive writes its open-time backup
    const before = await snapshot(dir);
    expectOneLineError(
      run(dir, ['import', wacz, '--page', 'https://other.example/']),
      /capture\.wacz holds no capture of https:\/\/other\.example\/\n?$/,
    );
    const text = path.join(root, 'note.txt');
    await writeFile(text, 'a note');
    expectOneLineError(run(dir, ['import', text, '--page', 'https://x.kz/']), /note\.txt is not a web archive/, 2);
    const cut = path.join(root, 'cut.warc.gz');
    const gz = await makeWarc(pages, { gzip: true });
    await writeFile(cut, gz.subarray(0, gz.length - 40));
    expectOneLineError(run(dir, ['import', cut]), /cut\.warc\.gz: its gzip data is broken/);
    expect(await snapshot(dir)).toEqual(before);
  });
});

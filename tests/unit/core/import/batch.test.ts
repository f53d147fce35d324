import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { collectFiles } from '../../../../electron/core/import/batch.js';
import { tempDir } from '../../helpers.js';
import { makeMixedFolder, makePdf } from './fixtures.js';
import { aqiqat } from '../../cli-driver.js';

/** The process is killed (as the kernel kills one out of memory) the moment die.pdf is handed to the parser thread. */
const DIE_AT_DIE_PDF = [
  '--import',
  "data:text/javascript,import{Worker}from'node:worker_threads';const post=Worker.prototype.postMessage;Worker.prototype.postMessage=function(m,...r){if(m&&m.name==='die.pdf')process.kill(process.pid,'SIGKILL');return post.call(this,m,...r)}",
];

describe('batch import', () => {
  it('imports a folder of 200 mixed files recursively from the CLI: progress, summary, failures alone', async () => {
    const root = await tempDir();
    const folder = path.join(root, 'in');
    const { broken } = await makeMixedFolder(folder, 200);
    const dir = path.join(root, 'archive');
    expect(aqiqat(['--archive', dir, 'init']).code).toBe(0);

    const r = aqiqat(['--archive', dir, 'import', folder], { env: { AQIQAT_PROGRESS: '1' } });
    expect(r.code).toBe(1); // two files failed
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('imported '))).toHaveLength(200);
    expect(lines.at(-1)).toBe('200 imported, 0 already in the archive, 2 failed (202 of 202 files)');
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('aqiqat: '));
    expect(errors).toEqual([
      expect.stringMatching(/^aqiqat: broken\.docx is not a readable \.docx \(it is not a ZIP file\)$/),
      expect.stringMatching(/^aqiqat: cp1251\.txt is not UTF-8 text/),
    ]);
    expect(r.stderr).toMatch(/^importing 202\/202 files \(/m);
    expect(r.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
    expect(broken).toHaveLength(2);

    const articles = JSON.parse(aqiqat(['--archive', dir, 'articles', '--json']).stdout) as Array<{
      sourceExt: string;
      title: string;
      publishedAt: string | null;
    }>;
    expect(articles).toHaveLength(200);
    expect(new Set(articles.map((a) => a.sourceExt))).toEqual(new Set(['txt', 'md', 'html', 'htm', 'docx']));
    expect(articles.filter((a) => a.sourceExt === 'html' && a.publishedAt !== null)).toHaveLength(40);

    // again, with --json: every file is a duplicate now
    const again = aqiqat(['--archive', dir, 'import', folder, '--json']);
    const items = JSON.parse(again.stdout) as Array<{ file: string; status: string; error?: string }>;
    expect(items.filter((i) => i.status === 'duplicate')).toHaveLength(200);
    expect(items.filter((i) => i.status === 'failed').map((i) => path.basename(i.file))).toEqual([
      'broken.docx',
      'cp1251.txt',
    ]);
  });

  it('skips hidden files and unknown types in folders, but reports an unknown file named directly', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'a', '.git'), { recursive: true });
    await writeFile(path.join(root, 'a', 'x.txt'), 'x');
    await writeFile(path.join(root, 'a', 'x.exe'), 'x');
    await writeFile(path.join(root, 'a', '.git', 'y.txt'), 'y');
    await writeFile(path.join(root, 'z.exe'), 'z');
    expect(await collectFiles([path.join(root, 'a'), path.join(root, 'z.exe')])).toEqual([
      path.join(root, 'a', 'x.txt'),
      path.join(root, 'z.exe'),
    ]);
    const dir = path.join(root, 'arch');
    aqiqat(['--archive', dir, 'init']);
    const r = aqiqat(['--archive', dir, 'import', path.join(root, 'z.exe')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'aqiqat: z.exe: .exe files cannot be imported; use .txt, .md, .html, .mhtml, .docx, .pdf or an image (.jpg, .png, .tif, .webp)',
    );
  });

  it('says "imported" only once saved, and a file that killed the process while being read is skipped with one line next time', async () => {
    const root = await tempDir();
    const folder = path.join(root, 'in');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a-before.txt'), 'ok article one');
    await writeFile(path.join(folder, 'die.pdf'), makePdf(['A page the parser never finishes']));
    await writeFile(path.join(folder, 'z-after.txt'), 'ok article two');
    const dir = path.join(root, 'archive');
    expect(aqiqat(['--archive', dir, 'init']).code).toBe(0);
    const titles = () =>
      (JSON.parse(aqiqat(['--archive', dir, 'articles', '--json']).stdout) as Array<{ title: string }>)
        .map((a) => a.title)
        .sort();

    const killed = aqiqat(['--archive', dir, 'import', folder], { node: DIE_AT_DIE_PDF });
    expect(killed.signal).toBe('SIGKILL');
    const saved = titles();
    // whatever it printed as imported is in the archive
    for (const line of killed.stdout.split('\n').filter((l) => l.startsWith('imported ')))
      expect(saved).toContain(line.replace(/^imported \w+ {2}/, ''));

    const again = aqiqat(['--archive', dir, 'import', folder]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(
      'aqiqat: die.pdf is skipped: an earlier import stopped unexpectedly while reading it (to try it again, delete import.parsing in the archive folder)',
    );
    expect(again.stdout.trimEnd().split('\n').at(-1)).toBe(
      `${2 - saved.length} imported, ${saved.length} already in the archive, 1 failed (3 of 3 files)`,
    );
    expect(titles()).toEqual(['ok article one', 'ok article two']);
    // still skipped later, alone or in the folder; any other file goes in
    expect(aqiqat(['--archive', dir, 'import', path.join(folder, 'die.pdf')]).stderr).toMatch(
      /^aqiqat: die\.pdf is skipped/,
    );
    await writeFile(path.join(folder, 'other.pdf'), makePdf(['Another page']));
    expect(aqiqat(['--archive', dir, 'import', path.join(folder, 'other.pdf')]).code).toBe(0);
  });

  it('stops between files when cancelled and keeps what was imported', async () => {
    const root = await tempDir();
    const files: string[] = [];
    for (let i = 0; i < 10; i++) {
      files.push(path.join(root, `${i}.txt`));
      await writeFile(files[i]!, `Мақала ${i}`);
    }
    const archive = await Archive.create(path.join(root, 'arch'));
    const abort = new AbortController();
    const { summary } = await archive.importFiles(files, {
      chunk: 3,
      onProgress: (done) => done === 4 && abort.abort(),
      signal: abort.signal,
    });
    expect(summary).toMatchObject({ total: 10, imported: 4, cancelled: true });
    const reopened = await Archive.open(path.join(root, 'arch'));
    expect(await reopened.listArticles()).toHaveLength(4);
  });
});

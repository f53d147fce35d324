/**
 * What loads at start: a process that opens an archive and lists it (`aqiqat articles`, the app's start,
 * the bench's list-after-start child) must not load the heavy packages only other commands use; they stay
 * behind `await import()` at their point of use (ARCHITECTURE.md, *What loads at start*).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aqiqat } from '../cli-driver.js';
import { tempDir } from '../helpers.js';
import { bundleImports } from './bundle-imports.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const HEAVY = [
  'pdf-lib',
  'linkedom',
  'age-encryption',
  'warcio',
  'mammoth',
  'pkijs',
  'tesseract.js',
  'better-sqlite3',
  'snowball-stemmers',
];

/** Node flags that log, one line each, the package of every bare specifier the process imports or requires. */
async function resolveLogger(dir: string): Promise<{ node: string[]; loaded: () => Promise<string[]> }> {
  const log = path.join(dir, 'resolved.log');
  await writeFile(log, '');
  // module.register's hooks see every import, the dynamic ones and those of packages included
  await writeFile(
    path.join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  if (!/^(\\.|\\/|node:|file:|data:)/.test(specifier)) appendFileSync(log, specifier + '\\n');
  return next(specifier, context);
}
`,
  );
  const register = path.join(dir, 'register.mjs');
  await writeFile(
    register,
    `import { register } from 'node:module';
register('./hooks.mjs', import.meta.url, { data: { log: ${JSON.stringify(log)} } });
`,
  );
  // and a require (stem.ts requires Snowball when it first stems), which those hooks do not see
  const cjs = path.join(dir, 'require-hook.cjs');
  await writeFile(
    cjs,
    `const Module = require('node:module');
const { appendFileSync } = require('node:fs');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (!/^(\\.|\\/|node:)/.test(request)) appendFileSync(${JSON.stringify(log)}, request + '\\n');
  return load.call(this, request, ...rest);
};
`,
  );
  const loaded = async () => {
    const lines = (await readFile(log, 'utf8')).split('\n').filter((l) => l !== '');
    return [...new Set(lines.map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!)))];
  };
  return { node: ['--require', cjs, '--import', register], loaded };
}

describe('what loads at start', () => {
  it('`aqiqat articles` lists an archive without loading a heavy package', async () => {
    const dir = await tempDir();
    const archive = path.join(dir, 'archive');
    const note = path.join(dir, 'note.txt');
    await writeFile(note, 'Court hearing in Oskemen\n\nThe appeal was denied.\n');
    expect(aqiqat(['--archive', archive, 'init']).code).toBe(0);
    expect(aqiqat(['--archive', archive, 'import', note]).code).toBe(0);

    const { node, loaded } = await resolveLogger(dir);
    const listed = aqiqat(['--archive', archive, 'articles', '--json'], { node });
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { title: string }[]).map((a) => a.title)).toEqual([
      'Court hearing in Oskemen',
    ]);
    const packages = await loaded();
    // the logger saw the packages the listing does need
    expect(packages).toEqual(expect.arrayContaining(['commander', 'lowdb']));
    expect(packages.filter((p) => HEAVY.includes(p))).toEqual([]);
    // and sees a package required later: a search stems its words with Snowball
    const searched = aqiqat(['--archive', archive, 'search', 'appeal'], { node });
    expect(searched.code, searched.stderr).toBe(0);
    expect(await loaded()).toContain('snowball-stemmers');
  });

  it('the app and the bench import no heavy package before their first line runs', () => {
    // the Electron binary cannot run here: the built bundles' static imports, chunks followed
    for (const bundle of ['dist/electron/main.js', 'dist/bench/bench.js']) {
      const { packages, files } = bundleImports(path.join(REPO, bundle), { dynamic: false });
      expect(files.length, `${bundle} is split into chunks`).toBeGreaterThan(1);
      expect(
        packages.filter((p) => HEAVY.includes(p)),
        bundle,
      ).toEqual([]);
    }
  });
});

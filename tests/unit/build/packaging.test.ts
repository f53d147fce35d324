/**
 * What `npm run dist` leaves out of the package, checked with electron-builder's own config loader and
 * node_modules file matcher (the build itself needs the Electron binary, which not every machine can
 * download), and that PDF import still works in a process where the left-out native module cannot load.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../electron/core/archive.js';
import { aqiqat } from '../cli-driver.js';
import { makePdf } from '../core/import/fixtures.js';
import { tempDir } from '../helpers.js';
import { bundleImports } from './bundle-imports.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

type Config = Record<string, unknown>;
type Filter = (file: string, stat: Pick<Stats, 'isDirectory' | 'isFile' | 'isSymbolicLink'>) => boolean;
interface Matcher {
  isEmpty(): boolean;
  createFilter(): Filter;
}
const logger = { isEnabled: false, add: () => undefined };
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig: (projectDir: string, configPath: string, options: null) => Promise<Config>;
  validateConfiguration: (config: Config, debugLogger: typeof logger) => Promise<void>;
};
const { getMainFileMatchers, getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
  getNodeModuleFileMatcher: (
    appDir: string,
    destination: string,
    expand: (p: string) => string,
    platformOptions: object,
    packager: { config: Config; debugLogger: typeof logger },
  ) => Matcher;
  getMainFileMatchers: (
    appDir: string,
    destination: string,
    expand: (p: string) => string,
    platformOptions: object,
    platformPackager: {
      info: {
        projectDir: string;
        buildResourcesDir: string;
        isPrepackedAppAsar: boolean;
        config: Config;
        debugLogger: typeof logger;
      };
    },
    outDir: string,
    isElectronCompile: boolean,
  ) => Matcher[];
};
const FILE = { isDirectory: () => false, isFile: () => true, isSymbolicLink: () => false };

/** The filter electron-builder applies to every file of the production node_modules it copies. */
async function nodeModulesFilter(): Promise<(relative: string) => boolean> {
  const config = await getConfig(REPO, 'build/electron-builder.yml', null);
  await validateConfiguration(config, logger);
  const matcher = getNodeModuleFileMatcher(REPO, '/out', (p) => p, {}, { config, debugLogger: logger });
  expect(matcher.isEmpty(), 'the config has exclusions that reach node_modules').toBe(false);
  const filter = matcher.createFilter();
  return (relative) => filter(path.join(REPO, relative), FILE);
}

/** The filter electron-builder applies to the app's own files (everything outside node_modules) that go into app.asar. */
async function appFilesFilter(): Promise<(relative: string) => boolean> {
  const config = await getConfig(REPO, 'build/electron-builder.yml', null);
  await validateConfiguration(config, logger);
  const info = { projectDir: REPO, buildResourcesDir: 'build', isPrepackedAppAsar: false, config, debugLogger: logger };
  const [matcher, ...more] = getMainFileMatchers(
    REPO,
    '/out',
    (p) => p,
    {},
    { info },
    path.join(REPO, 'release'),
    false,
  );
  expect(more).toEqual([]);
  const filter = matcher!.createFilter();
  return (relative) => filter(path.join(REPO, relative), FILE);
}

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(REPO, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => lstatSync(path.join(REPO, f)).isFile());
}

describe('the packaged app (build/electron-builder.yml)', () => {
  it('leaves out the optional native canvas modules and keeps what the app loads', async () => {
    const packaged = await nodeModulesFilter();
    // whatever @napi-rs packages this machine installed (the canvas and its platform binary)
    const napi = filesUnder('node_modules/@napi-rs');
    expect(
      napi.some((f) => f.endsWith('.node')),
      'pdfjs-dist installed its optional native canvas here',
    ).toBe(true);
    expect(napi.filter(packaged)).toEqual([]);
    expect(packaged('node_modules/canvas/build/Release/canvas.node')).toBe(false);
    expect(packaged('node_modules/pdfjs-dist/node_modules/@napi-rs/canvas/index.js')).toBe(false);
    for (const kept of [
      'node_modules/pdfjs-dist/legacy/build/pdf.mjs',
      'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs',
      'node_modules/linkedom/commonjs/canvas-shim.cjs',
      'node_modules/lowdb/package.json',
    ]) {
      expect(packaged(kept), kept).toBe(true);
    }
  });

  it('ships the OCR engine unpacked from app.asar and the trained data it reads, nothing downloaded', async () => {
    const config = await getConfig(REPO, 'build/electron-builder.yml', null);
    await validateConfiguration(config, logger);
    expect(config.asarUnpack).toEqual(['**/node_modules/tesseract.js/**', '**/node_modules/tesseract.js-core/**']);
    const packaged = await nodeModulesFilter();
    for (const kept of [
      'node_modules/tesseract.js/src/worker-script/index.js',
      'node_modules/tesseract.js/src/worker-script/node/getCore.js',
      'node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm',
      'node_modules/tesseract.js-core/tesseract-core-relaxedsimd-lstm.wasm.js',
      'node_modules/@tesseract.js-data/kaz/4.0.0_best_int/kaz.traineddata.gz',
      'node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
      'node_modules/@tesseract.js-data/bel/4.0.0_best_int/bel.traineddata.gz',
      'node_modules/@tesseract.js-data/ukr/4.0.0_best_int/ukr.traineddata.gz',
      'node_modules/utif/UTIF.js',
      'node_modules/@jsquash/webp/codec/dec/webp_dec.wasm',
    ])
      expect(packaged(kept), kept).toBe(true);
    expect(packaged('node_modules/@tesseract.js-data/kaz/4.0.0/kaz.traineddata.gz')).toBe(false);
    const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const name of [
      'tesseract.js',
      '@tesseract.js-data/kaz',
      '@tesseract.js-data/eng',
      '@tesseract.js-data/bel',
      '@tesseract.js-data/ukr',
      'utif',
      '@jsquash/webp',
    ])
      expect(Object.keys(pkg.dependencies)).toContain(name);
  });

  it('puts the parser thread in app.asar beside main.js, as an ES module, with every package it imports', async () => {
    // the app's bundles as `npm run dist` builds them
    const built = spawnSync(process.execPath, [path.join(REPO, 'build/build-node.mjs'), 'main', 'preload'], {
      encoding: 'utf8',
      cwd: REPO,
    });
    expect(built.status, built.stderr).toBe(0);
    const packaged = await appFilesFilter();
    // extract/isolated.ts starts the thread from the file beside the bundle that imports it
    for (const kept of [
      'dist/electron/main.js',
      'dist/electron/extract-worker.js',
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
      'package.json',
    ]) {
      expect(packaged(kept), kept).toBe(true);
    }
    for (const left of ['dist/electron/extract-worker.js.map', 'dist/cli/cli.js', 'electron/main.ts'])
      expect(packaged(left), left).toBe(false);
    // both bundles are ES modules by the packaged package.json alone (a .js file): without it the thread
    // would be read as CommonJS, fail on its first import, and every import would fail with it
    const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as {
      type?: string;
      main?: string;
      dependencies: Record<string, string>;
    };
    expect(pkg.type).toBe('module');
    expect(pkg.main).toBe('dist/electron/main.js');
    // what the bundles leave to node_modules must be a production dependency that the package keeps:
    // a dev dependency resolves here and fails only in the installed app
    const keptModules = await nodeModulesFilter();
    for (const bundle of ['dist/electron/main.js', 'dist/electron/extract-worker.js']) {
      const { packages, files } = bundleImports(path.join(REPO, bundle), { dynamic: true });
      // the chunks it loads are packaged beside it
      for (const file of files) expect(packaged(path.relative(REPO, file)), file).toBe(true);
      const imported = packages.filter((name) => name !== 'electron');
      expect(imported.length, bundle).toBeGreaterThan(0);
      for (const name of imported) {
        expect(Object.keys(pkg.dependencies), `${bundle} imports ${name}`).toContain(name);
        expect(keptModules(`node_modules/${name}/package.json`), `${name} is packaged`).toBe(true);
      }
    }
    expect(bundleImports(path.join(REPO, 'dist/electron/extract-worker.js'), { dynamic: true }).packages).toEqual(
      expect.arrayContaining(['linkedom', 'mammoth', 'pdfjs-dist']),
    );
  });

  it('imports a PDF when @napi-rs/canvas cannot be loaded, as in the package', async () => {
    const dir = await tempDir();
    const noCanvas = path.join(dir, 'no-canvas.cjs');
    // fails every require of the left-out modules, as a missing folder would
    await writeFile(
      noCanvas,
      `const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (/^(@napi-rs\\/|canvas$)/.test(request)) throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: 'MODULE_NOT_FOUND' });
  return resolve.call(this, request, ...rest);
};`,
    );
    const hidden = spawnSync(process.execPath, ['--require', noCanvas, '-e', "require('@napi-rs/canvas')"]);
    expect(hidden.status, 'the stand-in for the package hides the canvas').not.toBe(0);
    const run = (...args: string[]) => aqiqat(args, { node: ['--require', noCanvas] });

    const archiveDir = path.join(dir, 'archive');
    const pdf = path.join(dir, 'hearing.pdf');
    await writeFile(pdf, makePdf(['Court hearing in Oskemen', 'The appeal was denied.'], { leading: 30 }));
    expect(run('--archive', archiveDir, 'init').code).toBe(0);
    const imported = run('--archive', archiveDir, 'import', pdf);
    expect(imported.code, imported.stderr).toBe(0);
    // pdf.js says on stderr that it cannot draw pages ("Warning: Cannot polyfill `Path2D`…"); nothing else
    expect(imported.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('Warning: '))).toEqual([]);

    const archive = await Archive.open(archiveDir);
    try {
      const [article] = await archive.listArticles();
      expect(article?.title).toBe('Court hearing in Oskemen');
      expect((await archive.getArticle(article!.id)).text).toContain('The appeal was denied.');
    } finally {
      await archive.close();
    }
  });
});

// Bundles the Node side (Electron main and preload, the CLI, the benchmark) with esbuild.
// Plain Vite builds the renderer; electron-vite would add a layer and a version lock on Vite for
// a few small entry points that esbuild handles in ~100 ms.
// Usage: node build/build-node.mjs [main|preload|cli|bench ...]   (default: all)
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// verify.html, the page inside every evidence package: its script (fflate, the checker and the words
// bundled, minified) and style inlined into one file that needs no network. Built first: the Node
// bundles carry it as a constant, and dist/package/verify.html serves the unit tests run from sources.
const page = await build({
  entryPoints: ['electron/core/package/verify-page.ts'],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: true,
  write: false,
  logLevel: 'warning',
}).catch(() => process.exit(1));
const css = readFileSync(new URL('../electron/core/package/verify-page.css', import.meta.url), 'utf8');
// nothing in the script may close its element early
const script = page.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
const verifyHtml = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<title>Aqiqat</title><style>${css}</style></head>
<body><noscript>This page checks the package with JavaScript; allow it for this file.</noscript><script>${script}</script></body></html>
`;
mkdirSync(new URL('../dist/package/', import.meta.url), { recursive: true });
writeFileSync(new URL('../dist/package/verify.html', import.meta.url), verifyHtml);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { AQIQAT_VERSION: JSON.stringify(version), AQIQAT_VERIFY_HTML: JSON.stringify(verifyHtml) },
};

// npm packages stay external (they are `dependencies`, shipped by electron-builder), except in the
// preload: a sandboxed preload cannot require them, so it bundles what it imports (the zod-free contract).
// Each bundle that imports files carries the parser thread beside it (extract/isolated.ts finds it there).
// So does the index thread (search/build-thread.ts). One build per folder, split into shared chunks: what
// the core loads only when a command needs it (`await import()`) stays out of the process's start.
const folder = (dir, entry, source) => ({
  entryPoints: {
    [entry]: source,
    'extract-worker': 'electron/core/import/extract/worker.ts',
    'index-worker': 'electron/core/search/build-worker.ts',
  },
  outdir: dir,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  packages: 'external',
});
const targets = {
  main: folder('dist/electron', 'main', 'electron/main.ts'),
  preload: {
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  },
  cli: folder('dist/cli', 'cli', 'electron/cli/cli.ts'),
  bench: folder('dist/bench', 'bench', 'tests/bench/bench.ts'),
};

const wanted = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(targets);
const unknown = wanted.filter((name) => !(name in targets));
if (unknown.length > 0) {
  console.error(`build-node: unknown target ${unknown.join(', ')}; targets: ${Object.keys(targets).join(', ')}`);
  process.exit(2);
}
// esbuild prints its own errors; the stack of the rethrown error would only add noise
const results = await Promise.all(wanted.map((name) => build({ ...common, metafile: true, ...targets[name] }))).catch(
  () => process.exit(1),
);
// a chunk is named by its content's hash: those of earlier builds would stay beside the new ones. Removed
// after the build, not before, so that a build running beside this one never loses the files it wrote.
for (const [i, name] of wanted.entries()) {
  const { outdir } = targets[name];
  if (!outdir) continue;
  const written = new Set(Object.keys(results[i].metafile.outputs).map((file) => path.resolve(file)));
  for (const file of readdirSync(outdir)) {
    const full = path.resolve(outdir, file);
    if (/^chunk-.*\.js(\.map)?$/.test(file) && !written.has(full)) rmSync(full);
  }
}

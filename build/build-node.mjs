// Bundles the Node side (Electron main and preload, the CLI, the benchmark) with esbuild.
// Plain Vite builds the renderer; electron-vite would add a layer and a version lock on Vite for
// a few small entry points that esbuild handles in ~100 ms.
// Usage: node build/build-node.mjs [main|preload|cli|bench ...]   (default: all)
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { AQIQAT_VERSION: JSON.stringify(version) },
};

// npm packages stay external (they are `dependencies`, shipped by electron-builder), except in the
// preload: a sandboxed preload cannot require them, so it bundles what it imports (the zod-free contract).
// Each bundle that imports files carries the parser thread beside it (extract/isolated.ts finds it there).
const worker = (dir) => ({
  entryPoints: ['electron/core/import/extract/worker.ts'],
  outfile: `${dir}/extract-worker.js`,
  format: 'esm',
  packages: 'external',
});
const targets = {
  main: [
    { entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.js', format: 'esm', packages: 'external' },
    worker('dist/electron'),
  ],
  preload: {
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  },
  cli: [
    { entryPoints: ['electron/cli/cli.ts'], outfile: 'dist/cli/cli.js', format: 'esm', packages: 'external' },
    worker('dist/cli'),
  ],
  bench: [
    { entryPoints: ['tests/bench/bench.ts'], outfile: 'dist/bench/bench.js', format: 'esm', packages: 'external' },
    worker('dist/bench'),
  ],
};

const wanted = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(targets);
const unknown = wanted.filter((name) => !(name in targets));
if (unknown.length > 0) {
  console.error(`build-node: unknown target ${unknown.join(', ')}; targets: ${Object.keys(targets).join(', ')}`);
  process.exit(2);
}
// esbuild prints its own errors; the stack of the rethrown error would only add noise
await Promise.all(
  wanted.flatMap((name) => [targets[name]].flat().map((target) => build({ ...common, ...target }))),
).catch(() => process.exit(1));

/** Layer rules (ARCHITECTURE.md): checked in `npm test` by `npm run lint:layers`. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'a cycle hides which module owns what (a type-only import is erased at build time and may close one)',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'core-not-shell',
      severity: 'error',
      comment: 'the core is plain Node: it never imports Electron, the shell or the renderer',
      from: { path: '^electron/core/' },
      to: { path: ['^electron/[^/]+\\.ts$', '^electron/cli/', '^renderer/', '^node_modules/electron/'] },
    },
    {
      name: 'cli-only-core',
      severity: 'error',
      comment: 'the CLI sits beside the shell: it uses the core and the shared module, never Electron or the renderer',
      from: { path: '^electron/cli/' },
      to: { path: ['^electron/[^/]+\\.ts$', '^renderer/', '^node_modules/electron/'] },
    },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment:
        'the shared module runs in the renderer too: no Node built-ins, no packages, nothing of the core but its types',
      from: { path: '^electron/shared/' },
      to: {
        pathNot: '^electron/shared/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'renderer-not-node',
      severity: 'error',
      comment: 'the renderer runs sandboxed in Chromium: no Node built-ins, no Electron',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-only-contract',
      severity: 'error',
      comment: 'the renderer reaches the core only through the contract and the pure modules it shares',
      from: { path: '^renderer/' },
      to: {
        path: '^electron/',
        pathNot: ['^electron/api\\.ts$', '^electron/session-status\\.ts$', '^electron/shared/'],
      },
    },
    {
      name: 'preload-only-contract',
      comment:
        'the sandboxed preload bundles all it imports: only electron and the contract, which imports types only (no zod)',
      severity: 'error',
      from: { path: ['^electron/preload\\.ts$', '^electron/api\\.ts$'] },
      to: {
        pathNot: ['^electron/api\\.ts$', '(^|/)node_modules/electron/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'tests-not-imported',
      severity: 'error',
      comment: 'product code never depends on tests',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['^dist/', '^release/'] },
  },
};

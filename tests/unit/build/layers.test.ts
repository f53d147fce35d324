/**
 * The layer rules of .dependency-cruiser.cjs, run by `npm run lint` on the real tree, fail when a forbidden
 * import is planted: each case is a tiny tree in a temp folder, cruised with the repository's own config.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const DEPCRUISE = path.join(REPO, 'node_modules/.bin/depcruise');

/** Every module the cases import exists, so only the rules decide. */
const BASE: Record<string, string> = {
  'electron/core/archive.ts': 'export const archive = 1;\n',
  'electron/core/model.ts': 'export type Article = { id: string };\nexport const schema = 1;\n',
  'electron/cli/cli.ts': "import { archive } from '../core/archive.js';\nexport const cli = archive;\n",
  'electron/shared/dates.ts': 'export const parse = (s: string) => s;\n',
  'electron/api.ts': "export type { Article } from './core/model.js';\n",
  'electron/handlers.ts': "import { archive } from './core/archive.js';\nexport const handlers = archive;\n",
  'renderer/App.tsx': "import type { Article } from '../electron/api.js';\nexport type A = Article;\n",
};

async function cruise(planted: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const dir = await tempDir();
  const files = { ...BASE, ...planted };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.join(dir, path.dirname(file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  await writeFile(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
  );
  const r = spawnSync(
    DEPCRUISE,
    ['electron', 'renderer', '--config', path.join(REPO, '.dependency-cruiser.cjs'), '--output-type', 'err'],
    { cwd: dir, encoding: 'utf8' },
  );
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('layer rules', () => {
  it('pass the allowed imports', async () => {
    const r = await cruise({
      'renderer/dates.ts': "import { parse } from '../electron/shared/dates.js';\nexport const p = parse;\n",
      'electron/shared/types.ts': "import type { Article } from '../core/model.js';\nexport type B = Article;\n",
    });
    expect(r.out).not.toMatch(/error/);
    expect(r.code).toBe(0);
  });

  const PLANTED: [rule: string, file: string, text: string][] = [
    [
      'core-not-shell',
      'electron/core/x.ts',
      "import { handlers } from '../handlers.js';\nexport const x = handlers;\n",
    ],
    ['core-not-shell', 'electron/core/y.ts', "import { cli } from '../cli/cli.js';\nexport const y = cli;\n"],
    ['cli-only-core', 'electron/cli/x.ts', "import { handlers } from '../handlers.js';\nexport const x = handlers;\n"],
    [
      'shared-is-pure',
      'electron/shared/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    ],
    [
      'shared-is-pure',
      'electron/shared/y.ts',
      "import { schema } from '../core/model.js';\nexport const y = schema;\n",
    ],
    [
      'renderer-only-contract',
      'renderer/x.ts',
      "import { schema } from '../electron/core/model.js';\nexport const x = schema;\n",
    ],
    ['renderer-not-node', 'renderer/y.ts', "import path from 'node:path';\nexport const y = path;\n"],
    ['no-circular', 'electron/core/a.ts', "import { b } from './b.js';\nexport const a = () => b;\n"],
  ];

  it('fail each planted forbidden import, by its rule', async () => {
    const r = await cruise({
      ...Object.fromEntries(PLANTED.map(([, file, text]) => [file, text])),
      // closes the cycle a → b → a, reported once, at its first module
      'electron/core/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
    });
    expect(r.code).not.toBe(0);
    for (const [rule, file] of PLANTED) expect(r.out).toMatch(new RegExp(`${rule}: ${file.replace(/\./g, '\\.')} →`));
    // nothing else is flagged: the base tree and the allowed imports stay clean
    expect(r.out.match(/^\s*error /gm)).toHaveLength(PLANTED.length);
  });
});

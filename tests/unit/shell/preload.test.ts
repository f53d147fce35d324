/**
 * The preload runs sandboxed: it can require nothing but electron, so whatever it imports is bundled
 * into it. It needs only the method names and the client; zod (the schemas) stays in main.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHODS } from '../../../electron/api.js';

const REPO = path.resolve(import.meta.dirname, '../../..');

describe('the preload bundle', () => {
  it('is small, carries no zod, requires only electron, and exposes every method', async () => {
    execFileSync(process.execPath, ['build/build-node.mjs', 'preload'], { cwd: REPO, stdio: 'pipe' });
    const bundle = await readFile(path.join(REPO, 'dist/electron/preload.cjs'), 'utf8');
    expect(bundle.length).toBeLessThan(20_000);
    expect(bundle).not.toMatch(/zod|safeParse|ZodError/i);
    expect([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    for (const method of METHODS) expect(bundle).toContain(`"${method}"`);
  });
});

/** `aqiqat render` through the real CLI: a page imported without a visual copy gets one, audited; a text file is refused. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aqiqat, expectOneLineError } from '../cli-driver.js';
import { SEED_ARTICLE, tempDir } from '../helpers.js';

const run = (dir: string, args: string[]) => aqiqat(['--archive', dir, ...args]);
const json = (dir: string, args: string[]) => {
  const r = run(dir, [...args, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('aqiqat render', () => {
  it('makes the visual copy of a page imported without one, says it exists after, and audits it', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'a');
    expect(run(dir, ['init']).code).toBe(0);
    const page = path.join(root, 'page.html');
    await writeFile(
      page,
      '<html><head><title>Суд</title></head><body><p>Өскемен соты шешім шығарды.</p></body></html>',
    );
    const [{ article }] = json(dir, ['import', page, '--no-visual']);
    expect(article.visual).toBeUndefined();
    const made = json(dir, ['render', article.id]);
    expect(made.status).toBe('made');
    expect(made.article.visual.png.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(json(dir, ['show', article.id]).visual.pdf.sha256).toBe(made.article.visual.pdf.sha256);
    expect(json(dir, ['render', article.id]).status).toBe('exists');
    const log = run(dir, ['log']);
    expect(log.stdout).toContain('visual-made');

    const [{ article: text }] = json(dir, ['import', SEED_ARTICLE]);
    expectOneLineError(run(dir, ['render', text.id]), /is not a saved web page/, 2);
  });
});

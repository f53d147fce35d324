import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../electron/core/archive.js';
import { storeForTests } from '../../../electron/core/storage/test-door.js';
import { tempDir } from '../helpers.js';

describe('the archive behind its façade', () => {
  it('an Archive shows no store: its fields are private, and only the test door reaches it', async () => {
    const dir = path.join(await tempDir(), 'a');
    const archive = await Archive.create(dir);
    expect(Object.keys(archive)).toEqual([]);
    expect('store' in archive).toBe(false);
    expect(storeForTests(archive).layout.root).toBe(archive.root);
    await archive.close();
  });

  it('snapshots kept is a setting of the archive, and the older snapshots go at once', async () => {
    const dir = path.join(await tempDir(), 'a');
    const archive = await Archive.create(dir);
    for (const name of ['A', 'B', 'C']) {
      await archive.addEntity(name, 'person');
      await storeForTests(archive).snapshot(`before-${name.toLowerCase()}`);
    }
    const before = (await archive.snapshots()).length;
    expect(before).toBeGreaterThan(1);
    await archive.keepSnapshots(1);
    expect(await archive.snapshots()).toHaveLength(1);
    await archive.close();
    const reopened = await Archive.open(dir);
    expect(storeForTests(reopened).meta.data.backups).toEqual({ keep: 1 });
    await reopened.close();
  });
});

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
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

  it('a backup, and archive.json put back from a snapshot, are in the audit log with the SHA-256 of the file', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'a');
    const archive = await Archive.create(dir);
    await archive.addEntity('A', 'person');
    const out = path.join(root, 'a.aqbackup');
    const backup = await archive.backup(out);
    expect(backup).toMatchObject({ file: out, audited: true });
    expect((await archive.auditLog()).at(-1)).toMatchObject({
      action: 'backup-made',
      sha256: backup.sha256,
      summary: 'a.aqbackup',
    });
    await storeForTests(archive).snapshot('test');
    const [snapshot] = await archive.snapshots();
    await archive.close();
    await Archive.restoreArchiveJson(snapshot!.file, dir);
    const reopened = await Archive.open(dir);
    expect((await reopened.auditLog()).at(-1)).toMatchObject({
      action: 'archive-json-restored',
      sha256: createHash('sha256')
        .update(await readFile(snapshot!.file))
        .digest('hex'),
      summary: path.basename(snapshot!.file),
    });
    await reopened.close();
  });
});

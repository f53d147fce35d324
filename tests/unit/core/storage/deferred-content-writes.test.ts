import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import {
  deferContentSync,
  endContentDefer,
  flushContent,
  writeContent,
} from '../../../../electron/core/storage/content-writes.js';
import { tempDir } from '../../helpers.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';

describe('deferred content writes (batch import)', () => {
  it('puts nothing under its final name before the flush, and leaves no temp file when a chunk is abandoned', async () => {
    const archive = await Archive.create(await tempDir());
    const texts = storeForTests(archive).layout.textsDir;
    deferContentSync(storeForTests(archive));
    await writeContent(storeForTests(archive), path.join(texts, 'a.txt'), 'one');
    await writeContent(storeForTests(archive), path.join(texts, 'a.txt'), 'one'); // the same content twice in a chunk
    expect((await readdir(texts)).filter((n) => !n.startsWith('.'))).toEqual([]);
    await flushContent(storeForTests(archive));
    expect(await readFile(path.join(texts, 'a.txt'), 'utf8')).toBe('one');

    await writeContent(storeForTests(archive), path.join(texts, 'b.txt'), 'two');
    await endContentDefer(storeForTests(archive)); // e.g. a usage error aborted the chunk
    expect(await readdir(texts)).toEqual(['a.txt']);
    // back to immediate, synced writes
    await writeContent(storeForTests(archive), path.join(texts, 'c.txt'), 'three');
    expect(await readdir(texts)).toEqual(['a.txt', 'c.txt']);
  });
});

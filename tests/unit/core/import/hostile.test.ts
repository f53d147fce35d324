import { open } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { readImportFile } from '../../../../electron/core/import/articles.js';
import { extract } from '../../../../electron/core/import/extract/index.js';
import { tempDir } from '../../helpers.js';
import { makeDocx, makePdf } from './fixtures.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('hostile and odd input', () => {
  it('reduces a page nested 60,000 elements deep to its text instead of hanging or overflowing the stack', async () => {
    const html = `<html><body>${'<div>'.repeat(60_000)}deep text<script>alert(1)</script>${'</div>'.repeat(60_000)}</body></html>`;
    const { text } = await extract(enc(html), 'deep.html');
    expect(text).toBe('deep text');
  });

  it('titles an untitled PDF by its first line, never by a page marker', async () => {
    const { text, meta } = await extract(
      makePdf(['Court hearing in Oskemen', 'The appeal was denied.'], { leading: 30 }),
      'untitled.pdf',
    );
    expect(text).toBe('[page 1]\n\nCourt hearing in Oskemen\n\nThe appeal was denied.');
    expect(meta.title).toBe('Court hearing in Oskemen');
  });

  it('refuses a file over the import limit before reading it', async () => {
    const file = path.join(await tempDir(), 'huge.html');
    const handle = await open(file, 'w');
    await handle.truncate(51 * 1024 * 1024); // sparse: no 51 MB written to the disk
    await handle.close();
    await expect(readImportFile(file)).rejects.toThrow(/huge\.html is 51\.0 MB; the import limit is 50\.0 MB$/);
  });

  it('does not expand XML entities in a .docx (billion laughs)', async () => {
    const zip = await JSZip.loadAsync(await makeDocx([{ text: 'x' }]));
    const lol = [
      '<!ENTITY a "lollollollollollollollollollol">',
      ...Array.from(
        { length: 8 },
        (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`,
      ),
    ].join('');
    zip.file(
      'word/document.xml',
      `<?xml version="1.0"?><!DOCTYPE w:document [${lol}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Мәтін &i;</w:t></w:r></w:p></w:body></w:document>`,
    );
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const result = await extract(bytes, 'lol.docx').then(
      (r) => r.text,
      (e: Error) => e.message,
    );
    expect(result.length).toBeLessThan(1000); // either a clear error or the text without a billion "lol"s
  });

  it('a bad file in a batch fails alone; the CLI-style results name it', async () => {
    const archive = await Archive.create(await tempDir());
    const dir = await tempDir();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(dir, 'good.txt'), 'Жақсы мәтін');
    await writeFile(path.join(dir, 'bad.pdf'), '%PDF-1.7 nothing');
    const { items, summary } = await archive.importFiles([path.join(dir, 'bad.pdf'), path.join(dir, 'good.txt')]);
    expect(summary).toMatchObject({ imported: 1, failed: 1 });
    expect(items[0]).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^bad\.pdf is not a readable PDF/),
    });
  });
});

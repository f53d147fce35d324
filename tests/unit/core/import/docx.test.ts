import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { extract } from '../../../../electron/core/import/extract/index.js';
import { unpackZip } from '../../../../electron/core/import/extract/zip-guard.js';
import { tempDir } from '../../helpers.js';
import {
  makeDocx,
  makeHiddenEntryDocx,
  makeHugeTextDocx,
  makeManyEntries,
  makeRawZip,
  makeZipBomb,
} from './fixtures.js';

describe('DOCX import', () => {
  it('keeps headings and paragraphs as paragraphs; the title comes from the document properties', async () => {
    const bytes = await makeDocx(
      [
        { text: 'Мұхтар Жәкішевтің ісі', heading: 1 },
        { text: 'Өскемен қаласындағы сот шағымды қанағаттандырмады.' },
        { text: 'Адвокаттың пікірі', heading: 2 },
        { text: 'Адвокат <script>alert(1)</script> шешімге шағымданатынын айтты.' },
      ],
      { title: 'Жәкішев: сот шешімі' },
    );
    const { text, meta } = await extract(bytes, 'memo.docx');
    expect(text).toBe(
      'Мұхтар Жәкішевтің ісі\n\nӨскемен қаласындағы сот шағымды қанағаттандырмады.\n\nАдвокаттың пікірі\n\nАдвокат <script>alert(1)</script> шешімге шағымданатынын айтты.',
    );
    expect(meta.title).toBe('Жәкішев: сот шешімі');
    expect(meta.author).toBeUndefined(); // dc:creator is the file's author, not the article's
    const untitled = await extract(
      await makeDocx([{ text: 'Бірінші тақырып', heading: 1 }, { text: 'мәтін' }]),
      'a.docx',
    );
    expect(untitled.meta.title).toBe('Бірінші тақырып');
  });

  it('refuses a zip bomb by its real unpacked size, before mammoth sees it', async () => {
    const bomb = await makeZipBomb(64);
    expect(bomb.length).toBeLessThan(1024 * 1024); // 64 MB of zeros packs to well under 1 MB
    expect(() => unpackZip(bomb, 'bomb.docx', { maxEntries: 100, maxUnpacked: 16 * 1024 * 1024 })).toThrow(
      /^bomb\.docx unpacks to more than 16 MB; refused as a possible zip bomb$/,
    );
    // the sizes in the ZIP's table of contents lie: the cap still holds
    const lying = Buffer.from(bomb);
    for (let i = 0; i < lying.length - 4; i++) {
      if (lying.readUInt32LE(i) === 0x02014b50) lying.writeUInt32LE(10, i + 24); // uncompressed size := 10
    }
    expect(() => unpackZip(lying, 'lying.docx', { maxEntries: 100, maxUnpacked: 16 * 1024 * 1024 })).toThrow(
      /possible zip bomb/,
    );
  });

  it('refuses a ZIP whose table of contents holds more entries than its end record counts', async () => {
    const hidden = await makeHiddenEntryDocx();
    await expect(extract(hidden, 'hidden.docx')).rejects.toThrow(
      /^hidden\.docx is not a readable \.docx \(it holds word\/document\.xml twice\)$/,
    );
    // the same hidden bomb: 300 MB behind a 3-entry end record, refused without inflating it
    const bomb = await makeHiddenEntryDocx(300);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(extract(bomb, 'hiddenbomb.docx')).rejects.toThrow(/^hiddenbomb\.docx is not a readable \.docx/);
    // distinct names, the count still wrong: the end record is not believed either way
    const entry = (name: string) => ({ name, content: [Buffer.from('<a/>')] });
    const miscounted = await makeRawZip(
      [entry('[Content_Types].xml'), entry('word/document.xml'), entry('word/styles.xml')],
      { countInEnd: 2 },
    );
    expect(() => unpackZip(miscounted, 'count.docx')).toThrow(
      /^count\.docx is not a readable \.docx \(its table of contents lists 3 files but says 2\)$/,
    );
  });

  it('refuses a .docx with too many entries', async () => {
    await expect(extract(await makeManyEntries(2100), 'many.docx')).rejects.toThrow(
      /^many\.docx holds 21\d\d files inside; a \.docx over 2000 is refused as a possible zip bomb$/,
    );
  });

  it('gives broken and foreign files one clear line each, and writes nothing', async () => {
    const archive = await Archive.create(await tempDir());
    await expect(archive.importArticle({ bytes: new TextEncoder().encode('hello'), name: 'x.docx' })).rejects.toThrow(
      /^x\.docx is not a readable \.docx \(it is not a ZIP file\)$/,
    );
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await expect(
      archive.importArticle({ bytes: await zip.generateAsync({ type: 'uint8array' }), name: 'y.docx' }),
    ).rejects.toThrow(/^y\.docx is not a Word document/);
    const truncated = (await makeDocx([{ text: 'мәтін' }])).slice(0, 300);
    await expect(archive.importArticle({ bytes: truncated, name: 'cut.docx' })).rejects.toThrow(
      /^cut\.docx is not a readable \.docx/,
    );
    expect(await archive.listArticles()).toEqual([]);
  });

  it('refuses a text over 20 million characters with one line, whatever the format, and stores nothing', async () => {
    const archive = await Archive.create(await tempDir());
    const docx = await makeHugeTextDocx('Lead', 21);
    expect(docx.length).toBeLessThan(200 * 1024); // 21 MB of text from a small file
    await expect(archive.importArticle({ bytes: docx, name: 'huge.docx' })).rejects.toThrow(
      /^huge\.docx holds 22\.0 million characters of text; the limit is 20 million$/,
    );
    const txt = new TextEncoder().encode('сөз '.repeat(5_100_000));
    await expect(archive.importArticle({ bytes: txt, name: 'long.txt' })).rejects.toThrow(
      /^long\.txt holds 20\.4 million characters of text; the limit is 20 million$/,
    );
    expect(await archive.listArticles()).toEqual([]);
    await archive.close();
  });

  it('imports into the archive with the source kept byte for byte', async () => {
    const archive = await Archive.create(await tempDir());
    const bytes = await makeDocx([
      { text: 'Суд отказал в УДО', heading: 1 },
      { text: 'Суд отказал Джакишеву в условно-досрочном освобождении.' },
    ]);
    const { article } = await archive.importArticle({ bytes, name: 'note.docx' });
    expect(article).toMatchObject({
      title: 'Суд отказал в УДО',
      lang: 'ru',
      sourceExt: 'docx',
      sourceName: 'note.docx',
    });
  });
});

/** WARC and WACZ import: the builder checked by warcio's own parser, the captured page, its record, hostile archives. */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { unzipSync, zipSync } from 'fflate';
import { WARCParser } from 'warcio';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { capturedPage } from '../../../../electron/core/import/extract/web-archive.js';
import { pageArticleId } from '../../../../electron/core/storage/ids.js';
import type { Article } from '../../../../electron/core/model.js';
import { extract } from '../../../../electron/core/import/extract/index.js';
import { sourceFile } from '../../../../electron/core/storage/layout.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';
import { snapshot, tempDir } from '../../helpers.js';
import { articlePage, makeWacz, makeWarc, type CapturedFile } from '../../wacz-fixture.js';

const enc = (s: string) => new TextEncoder().encode(s);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

const capture: CapturedFile[] = [
  {
    url: 'https://news.example.kz/2026/03/sot',
    body: articlePage('Сот шешімі Өскеменде'),
    date: '2026-03-14T09:26:53Z',
  },
  { url: 'https://news.example.kz/logo.png', contentType: 'image/png', body: PNG, date: '2026-03-14T09:26:54Z' },
  {
    url: 'https://news.example.kz/2026/03/appeal',
    body: articlePage('Апелляция отклонена'),
    date: '2026-03-14T09:27:10Z',
  },
];

describe('the test builder writes real WARC', () => {
  it("warcio's parser reads its records back with their headers and bodies", async () => {
    const records = [];
    for await (const r of new WARCParser([await makeWarc(capture, { gzip: true })]))
      records.push({ type: r.warcType, uri: r.warcTargetURI, body: await r.readFully(true) });
    expect(records.map((r) => r.type)).toEqual([
      'warcinfo',
      'request',
      'response',
      'request',
      'response',
      'request',
      'response',
    ]);
    expect(records[4]).toMatchObject({ uri: 'https://news.example.kz/logo.png' });
    expect([...records[4]!.body]).toEqual([...PNG]);
  });
});

describe('capturedPage', () => {
  it('gives the first listed page, its WARC headers, the software and every captured resource by URL', async () => {
    const page = await capturedPage(await makeWacz(capture), 'capture.wacz');
    expect(page).toMatchObject({
      url: 'https://news.example.kz/2026/03/sot',
      date: '2026-03-14T09:26:53Z',
      software: 'Aqiqat test builder 1.0',
      pages: 2,
      wacz: { hashes: 'hold' },
    });
    expect(new TextDecoder().decode(page.html)).toContain('Сот шешімі Өскеменде');
    const logo = page.resources.find((r) => r.url.endsWith('logo.png'))!;
    expect(logo.contentType).toBe('image/png');
    expect([...logo.bytes]).toEqual([...PNG]);
  });

  it('takes the page asked for, through a redirect captured with it', async () => {
    const files: CapturedFile[] = [
      ...capture,
      { url: 'https://news.example.kz/a', status: 301, headers: { Location: '/2026/03/appeal' }, body: '' },
    ];
    const page = await capturedPage(await makeWacz(files), 'x.wacz', { page: 'https://news.example.kz/a' });
    expect(page.url).toBe('https://news.example.kz/2026/03/appeal');
    await expect(capturedPage(await makeWacz(files), 'x.wacz', { page: 'https://other.example/' })).rejects.toThrow(
      /^x\.wacz holds no capture of https:\/\/other\.example\/$/,
    );
  });

  it("says when datapackage.json's hashes do not hold, and names the signer of a signed package", async () => {
    const signed = await capturedPage(await makeWacz(capture, { sign: true }), 's.wacz');
    expect(signed.wacz).toMatchObject({ hashes: 'hold', signature: 'valid', signedAt: '2026-03-14T09:30:01Z' });
    expect(signed.wacz!.signer).toMatch(/^key [A-Z2-7]{4}( [A-Z2-7]{4}){7}$/);
    const tampered = await capturedPage(await makeWacz(capture, { sign: true, tamper: true }), 't.wacz');
    expect(tampered.wacz).toMatchObject({ hashes: 'broken', broken: 'archive/data.warc.gz', signature: 'valid' });
    // a signature that is not the key's over this hash
    const files = unzipSync(await makeWacz(capture, { sign: true }));
    const digest = JSON.parse(new TextDecoder().decode(files['datapackage-digest.json']));
    digest.signedData.signature = Buffer.alloc(96, 7).toString('base64');
    files['datapackage-digest.json'] = enc(JSON.stringify(digest));
    expect((await capturedPage(zipSync(files), 'f.wacz')).wacz).toMatchObject({ hashes: 'hold', signature: 'invalid' });
    // a datapackage.json changed after it was signed
    files['datapackage.json'] = enc(new TextDecoder().decode(files['datapackage.json']).replace('test capture', 'x'));
    expect((await capturedPage(zipSync(files), 'f.wacz')).wacz).toMatchObject({
      hashes: 'broken',
      broken: 'datapackage-digest.json',
    });
  });

  it('reads a plain .warc and a .warc.gz alike; without pages.jsonl the pages are its HTML responses', async () => {
    for (const [bytes, name] of [
      [await makeWarc(capture), 'c.warc'],
      [await makeWarc(capture, { gzip: true }), 'c.warc.gz'],
    ] as const) {
      const page = await capturedPage(bytes, name);
      expect(page).toMatchObject({ url: capture[0]!.url, pages: 2, software: 'Aqiqat test builder 1.0' });
      expect(page.wacz).toBeUndefined();
    }
  });
});

describe('import of a web archive', () => {
  it('imports the page as an article; the file is the source byte for byte; the capture is machine-recorded', async () => {
    const dir = await tempDir();
    const archive = await Archive.create(dir);
    const bytes = await makeWacz(capture, { sign: true });
    const { status, article } = await archive.importArticle({ bytes, name: 'capture.wacz' });
    expect(status).toBe('imported');
    expect(article).toMatchObject({
      title: 'Сот шешімі Өскеменде',
      url: 'https://news.example.kz/2026/03/sot',
      sourceExt: 'wacz',
      capture: {
        machine: {
          warcDate: '2026-03-14T09:26:53.000Z',
          warcTargetUri: 'https://news.example.kz/2026/03/sot',
          warcSoftware: 'Aqiqat test builder 1.0',
          warcPages: 2,
          waczHashes: 'hold',
          waczSignature: 'valid',
        },
      },
    });
    expect((await archive.getArticle(article.id)).text).toContain('адвокат шағым түсірді');
    const stored = await readFile(sourceFile(storeForTests(archive).layout, article.sha256, 'wacz'));
    expect(Buffer.compare(stored, Buffer.from(bytes))).toBe(0);

    // the other page it lists came in with it: its own article, the same source file
    const [second] = (await archive.importArticle({ bytes, name: 'capture.wacz' })).otherPages!;
    expect(second).toMatchObject({ page: capture[2]!.url, status: 'duplicate' });
    const other = (second as { article: Article }).article;
    expect(other.id).not.toBe(article.id);
    expect(other.sha256).toBe(article.sha256);
    expect(other.capture?.machine.warcTargetUri).toBe(capture[2]!.url);
    // each page asked for by name is the article already here
    for (const [page, id] of [
      [capture[0]!.url, article.id],
      [capture[2]!.url, other.id],
    ])
      expect(await archive.importArticle({ bytes, name: 'capture.wacz', page })).toMatchObject({
        status: 'duplicate',
        article: { id },
      });
    // the machine fields cannot be edited
    await expect(archive.editArticle(article.id, { warcDate: '2020-01-01T00:00:00Z' } as never)).rejects.toThrow(
      /warcDate/,
    );
  });

  it('a WACZ brings in every page it lists, each its own article named by the file and the page; again, nothing changes', async () => {
    const pages: CapturedFile[] = [
      ...capture,
      { url: 'https://news.example.kz/2026/03/release', body: articlePage('Бостандыққа шықты') },
    ];
    const urls = [pages[0]!.url, pages[2]!.url, pages[3]!.url];
    const bytes = await makeWacz(pages, { sign: true, pages: urls });
    const sha = createHash('sha256').update(bytes).digest('hex');
    const dir = await tempDir();
    const archive = await Archive.create(dir);
    const r = await archive.importArticle({ bytes, name: 'capture.wacz', url: 'https://given.example/first' });
    expect(r).toMatchObject({ status: 'imported', page: urls[0], article: { title: 'Сот шешімі Өскеменде' } });
    // the address given is the first page's; the others keep their own
    expect(r.article.url).toBe('https://given.example/first');
    expect(r.otherPages!.map((p) => [p.page, p.status])).toEqual([
      [urls[1], 'imported'],
      [urls[2], 'imported'],
    ]);
    const all = [r.article, ...r.otherPages!.map((p) => (p as { article: Article }).article)];
    expect(all.map((a) => a.id)).toEqual(urls.map((u) => pageArticleId(sha, u)));
    expect(new Set(all.map((a) => a.sha256))).toEqual(new Set([sha]));
    expect(all.map((a) => a.capture?.machine.warcTargetUri)).toEqual(urls);
    expect(all.map((a) => a.url)).toEqual(['https://given.example/first', urls[1], urls[2]]);
    expect((await archive.listArticles()).map((a) => a.id).sort()).toEqual(all.map((a) => a.id).sort());
    // one source file for all three
    const sources = (await readdir(path.join(dir, 'sources'))).filter((f) => f.endsWith('.wacz'));
    expect(sources).toEqual([`${sha}.wacz`]);

    // a re-import changes nothing, byte for byte; --page finds the same article
    const before = await snapshot(dir);
    const again = await archive.importArticle({ bytes, name: 'capture.wacz' });
    expect([again.status, ...again.otherPages!.map((p) => p.status)]).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await archive.importArticle({ bytes, name: 'capture.wacz', page: urls[1] })).toMatchObject({
      status: 'duplicate',
      article: { id: all[1]!.id },
    });
    expect(await snapshot(dir)).toEqual(before);

    // the other way round: one page first, then the whole file adds the rest under the same ids
    const second = await Archive.create(await tempDir());
    expect((await second.importArticle({ bytes, name: 'capture.wacz', page: urls[1] })).article.id).toBe(all[1]!.id);
    const whole = await second.importArticle({ bytes, name: 'capture.wacz' });
    expect([whole.status, ...whole.otherPages!.map((p) => p.status)]).toEqual(['imported', 'duplicate', 'imported']);
    expect((await second.listArticles()).map((a) => a.id).sort()).toEqual(all.map((a) => a.id).sort());
  });

  it('a listed page the capture does not hold fails alone, with its reason; the other pages come in', async () => {
    const missing = 'https://news.example.kz/never-captured';
    const bytes = await makeWacz(capture, { pages: [capture[0]!.url, missing, capture[2]!.url] });
    const archive = await Archive.create(await tempDir());
    const r = await archive.importArticle({ bytes, name: 'capture.wacz' });
    expect(r.status).toBe('imported');
    expect(r.otherPages).toEqual([
      { page: missing, status: 'failed', error: `capture.wacz holds no capture of ${missing}` },
      expect.objectContaining({ page: capture[2]!.url, status: 'imported' }),
    ]);
    expect(await archive.listArticles()).toHaveLength(2);
  });

  it('refuses --page for a file that is not a web archive', async () => {
    const archive = await Archive.create(await tempDir());
    await expect(archive.importArticle({ bytes: enc('text'), name: 'a.txt', page: 'https://x.kz/' })).rejects.toThrow(
      /^a\.txt is not a web archive: --page applies to \.warc, \.warc\.gz and \.wacz files$/,
    );
  });
});

/** A ZIP whose one entry declares `declared` bytes and inflates to far more. */
function lyingZip(name: string, real: Uint8Array, declared: number): Uint8Array {
  const zip = Buffer.from(zipSync({ [name]: real }, { level: 9 }));
  // local header: uncompressed size at 22; central directory entry: at 24
  zip.writeUInt32LE(declared, 22);
  const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt32LE(declared, central + 24);
  return zip;
}

/** A .wacz written with a raw name (fflate refuses none): a path that climbs out. */
function zipWithName(name: string, bytes: Uint8Array): Uint8Array {
  const safe = 'x'.repeat(name.length);
  const zip = Buffer.from(zipSync({ [safe]: bytes }, { level: 0 }));
  let at = 0;
  while ((at = zip.indexOf(safe, at)) >= 0) {
    zip.write(name, at, 'latin1');
    at += name.length;
  }
  return zip;
}

describe('hostile web archives: one line, nothing written, each under 5 s', async () => {
  const page = await makeWarc(capture.slice(0, 1), { gzip: true });
  const member = gzipSync(Buffer.alloc(1024 * 1024));
  const gzBomb = Buffer.concat(Array.from({ length: 300 }, () => member));
  const hugeRecord = enc(
    'WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.kz/video\r\nWARC-Date: 2026-03-14T09:26:53Z\r\n' +
      'WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 900000000\r\n\r\n' +
      'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>',
  );
  const cases: Array<[string, string, Uint8Array, RegExp]> = [
    [
      'a ZIP bomb',
      'bomb.wacz',
      lyingZip('archive/data.warc', new Uint8Array(20 * 1024 * 1024), 1000),
      /^bomb\.wacz unpacks to more than 0 MB; refused as a possible zip bomb$/,
    ],
    [
      'a path outside the archive',
      'climb.wacz',
      zipWithName('archive/../../../etc/evil.warc', page),
      /^climb\.wacz holds the path archive\/\.\.\/\.\.\/\.\.\/etc\/evil\.warc, outside the archive or not a plain name; refused$/,
    ],
    [
      'a gzip bomb',
      'bomb.warc.gz',
      gzBomb,
      /^bomb\.warc\.gz unpacks to more than 256 MB of WARC records; refused as a possible gzip bomb$/,
    ],
    [
      'a huge record',
      'huge.warc',
      hugeRecord,
      /^huge\.warc: the record https:\/\/x\.kz\/video is larger than 64 MB; refused, nothing was imported$/,
    ],
    [
      'broken gzip',
      'cut.warc.gz',
      page.subarray(0, page.length - 40),
      /^cut\.warc\.gz: its gzip data is broken \(.+\); nothing was imported$/,
    ],
    [
      'a WARC with no HTML response',
      'images.warc',
      await makeWarc([capture[1]!]),
      /^images\.warc holds no captured web page \(no HTML response\)$/,
    ],
    [
      'a fake .wacz',
      'fake.wacz',
      enc('<html>not a zip</html>'),
      /^fake\.wacz is not a WACZ web archive \(not a ZIP file with WARC files under archive\/\)$/,
    ],
    [
      'a ZIP with no WARC in it',
      'empty.wacz',
      zipSync({ 'datapackage.json': enc('{}') }),
      /^empty\.wacz is not a WACZ web archive/,
    ],
    ['a fake .warc', 'fake.warc', enc('GET / HTTP/1.1\r\n\r\n'), /^fake\.warc is not a WARC file/],
  ];
  for (const [what, name, bytes, message] of cases)
    it(what, async () => {
      const dir = await tempDir();
      const archive = await Archive.create(dir);
      const before = await snapshot(dir);
      const started = performance.now();
      const error = await archive.importArticle({ bytes, name }).then(
        () => null,
        (e: Error) => e,
      );
      expect(performance.now() - started).toBeLessThan(5000);
      expect(error?.message).toMatch(message);
      expect(error!.message.split('\n')).toHaveLength(1);
      expect(await snapshot(dir)).toEqual(before);
      expect(await archive.listArticles()).toEqual([]);
    });

  it('extract() reads the text of a .wacz directly too', async () => {
    const { text, capture: machine } = await extract(await makeWacz(capture), path.basename('c.wacz'));
    expect(text).toContain('Сот шешімі Өскеменде');
    expect(machine).toMatchObject({ warcTargetUri: capture[0]!.url, waczHashes: 'hold' });
  });
});

/** The visual copy with the real Playwright renderer: offline (a hostile page reaches nothing), capped, stored beside the source. */
import http from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Archive } from '../../../../electron/core/archive.js';
import { chromiumPageRenderer } from '../../../../electron/core/visual/chromium.js';
import { MAX_HEIGHT } from '../../../../electron/core/visual/page.js';
import { pageOf, visualImage } from '../../../../electron/core/visual/visual.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';
import { tempDir } from '../../helpers.js';
import { makeWacz } from '../../wacz-fixture.js';

const renderer = chromiumPageRenderer();
let server: http.Server;
let requests = 0;
let connections = 0;
let origin = '';

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    requests++;
    res.end('x');
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await renderer.close();
  server.close();
});

const hostile = (o: string, height: number) => `<!doctype html><html><head><meta charset="utf-8">
<link rel=preconnect href="${o}"><link rel=prefetch href="${o}/pf"><link rel=stylesheet href="${o}/a.css">
<style>@import "${o}/b.css"; body { background: url(${o}/bg.png) }</style>
<meta http-equiv=refresh content="0;url=${o}/away"><title>Суд отказал</title></head>
<body><h1>Суд отказал в УДО</h1><p>Өскемен қалалық соты 2020 жылы шешім шығарды.</p>
<img src="${o}/i.png"><iframe src="${o}/frame"></iframe><script src="${o}/s.js"></script>
<div style="height:${height}px;background:linear-gradient(red,blue)"></div></body></html>`;

describe('visual copy', () => {
  it('renders a hostile page at import with nothing leaving, stores PNG, PDF and thumbnail by their own hash', async () => {
    const root = await tempDir();
    const archive = await Archive.create(path.join(root, 'a'));
    const file = path.join(root, 'page.html');
    const html = hostile(origin, 1500);
    await writeFile(file, html);
    const { article } = await archive.importArticle({
      bytes: await readFile(file),
      name: 'page.html',
      url: 'https://example.org/news/1.html',
      renderer,
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(requests).toBe(0);
    expect(connections).toBe(0);
    const v = article.visual!;
    expect(v.refused).toBeGreaterThanOrEqual(5);
    expect(v.png.width).toBe(1280);
    expect(v.png.height).toBeGreaterThan(1500);
    expect(v.fullHeight).toBeUndefined();
    expect(article.sha256).not.toBe(v.png.sha256);
    for (const d of [v.png, v.pdf, v.thumb]) {
      const bytes = await readFile(path.join(archive.root, 'sources', `${d.sha256}.${d.ext}`));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(d.sha256);
      expect(bytes.length).toBe(d.bytes);
    }
    const png = await readFile(path.join(archive.root, 'sources', `${v.png.sha256}.png`));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const pdf = await readFile(path.join(archive.root, 'sources', `${v.pdf.sha256}.pdf`));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // the source itself is untouched
    expect(await readFile(path.join(archive.root, 'sources', `${article.sha256}.html`), 'utf8')).toBe(html);
    const image = await archive.visualCopy(article.id);
    expect(image!.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    expect(Buffer.from(image!.dataUrl.slice(image!.dataUrl.indexOf(',') + 1), 'base64')).toEqual(png);
    expect(image).toMatchObject({ sha256: v.png.sha256, pdfSha256: v.pdf.sha256, width: 1280 });
    // past the reader's limit: one line, and the file is not read
    await expect(visualImage(storeForTests(archive), article, 1000)).rejects.toThrow(
      new RegExp(`^the visual copy of ${article.id} is [0-9.]+ MB, more than the reader shows \\(0\\.1 MB\\)`),
    );
    const report = await archive.verify();
    expect(report.problems).toEqual([]);
  });

  it('cuts a huge page at the cap and says so', async () => {
    const root = await tempDir();
    const archive = await Archive.create(path.join(root, 'a'));
    const { article } = await archive.importArticle({
      bytes: new TextEncoder().encode(hostile('https://nowhere.example', 100_000)),
      name: 'tall.html',
      renderer,
    });
    expect(article.visual!.png.height).toBe(MAX_HEIGHT);
    expect(article.visual!.fullHeight).toBeGreaterThan(100_000);
  });

  it('a page that fails to render still imports, and says why', async () => {
    const root = await tempDir();
    const archive = await Archive.create(path.join(root, 'a'));
    const broken = {
      render: async () => {
        throw new Error('renderer gone');
      },
      close: async () => undefined,
    };
    const { status, article } = await archive.importArticle({
      bytes: new TextEncoder().encode(hostile(origin, 10)),
      name: 'p.html',
      renderer: broken,
    });
    expect(status).toBe('imported');
    expect(article.visual).toBeUndefined();
    expect(article.visualFailed!.reason).toMatch(/renderer gone/);
  });

  it('renders a web capture with the resources captured beside its page, and nothing else', async () => {
    const root = await tempDir();
    const archive = await Archive.create(path.join(root, 'a'));
    const css = 'body { background: rgb(10, 120, 200) } h1 { color: white }';
    const wacz = await makeWacz([
      {
        url: 'https://news.example.kz/2026/03/sot',
        body: `<!doctype html><html><head><meta charset="utf-8"><link rel=stylesheet href="/s.css">
<link rel=stylesheet href="${origin}/remote.css"><title>Сот шешімі</title></head>
<body><h1>Сот шешімі Өскеменде</h1><p>${'Өскемен қалалық соты шешім шығарды. '.repeat(20)}</p></body></html>`,
      },
      { url: 'https://news.example.kz/s.css', contentType: 'text/css', body: css },
    ]);
    const { article } = await archive.importArticle({ bytes: wacz, name: 'capture.wacz', renderer });
    expect(requests).toBe(0);
    expect(connections).toBe(0);
    const v = article.visual!;
    expect(v.served).toBeGreaterThanOrEqual(1);
    expect(v.refused).toBeGreaterThanOrEqual(1);
    // the captured stylesheet was applied: the page's top-left pixel is its background colour
    const png = await readFile(path.join(root, 'a', 'sources', `${v.png.sha256}.png`));
    const { decode } = await import('fast-png');
    const img = decode(png);
    const at = (img.width * 5 + 5) * img.channels;
    expect([img.data[at], img.data[at + 1], img.data[at + 2]]).toEqual([10, 120, 200]);
    // and `render` makes it again from the stored capture
    const again = await archive.renderArticle(article.id, renderer, true);
    expect(again.status).toBe('made');
  });
  it('one tab for every page, and no page shows another capture’s resources (same URLs, other bytes)', async () => {
    const { decode } = await import('fast-png');
    const colourOf = async (rgb: string) => {
      const wacz = await makeWacz([
        {
          url: 'https://news.example.kz/same',
          body: '<!doctype html><html><head><link rel=stylesheet href="/s.css"><title>x</title></head><body><p>x</p></body></html>',
        },
        { url: 'https://news.example.kz/s.css', contentType: 'text/css', body: `body { background: rgb(${rgb}) }` },
      ]);
      const rendered = await renderer.render(await pageOf(wacz, 'wacz', 'c.wacz', null));
      const img = decode(rendered.png);
      const at = (img.width * 5 + 5) * img.channels;
      return [img.data[at], img.data[at + 1], img.data[at + 2]];
    };
    expect(await colourOf('200, 10, 10')).toEqual([200, 10, 10]);
    expect(await colourOf('10, 200, 10')).toEqual([10, 200, 10]);
    // a bad input is refused and the next page still renders
    await expect(renderer.render({ html: '', baseUrl: 'not a url', resources: [] })).rejects.toThrow();
    expect(await colourOf('10, 10, 200')).toEqual([10, 10, 200]);
  });
});

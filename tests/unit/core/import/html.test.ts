import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { extract } from '../../../../electron/core/import/extract/index.js';
import { toDay } from '../../../../electron/core/import/extract/html-meta.js';
import { tempDir } from '../../helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

const BODY = [
  'Өскемен қаласындағы сот отырысында Мұхтар Жәкішев өзінің кінәсін мойындамайтынын мәлімдеді. Ол сот залында ұзақ сөйледі.',
  'Адвокаттың айтуынша, іс материалдарында <a href="javascript:alert(\'JSLINK\')" onclick="steal()">қайшылықтар</a> көп.<img src="x" onerror="alert(\'IMGERR\')"> Сот келесі отырысты 20 қазанға белгіледі.',
  'Тәуелсіздік монументі жанында жиналған адамдар Жәкішевті қолдайтындарын білдірді. Олар плакаттар ұстап, бейбіт түрде тұрды.',
];

/** A saved news page: navigation, an ad, scripts, styles, a frame, handlers, and the article. */
export function hostilePage(): string {
  return `<!DOCTYPE html>
<!-- saved from url=(0040)https://kaz.example.kz/news/zhakishev-42 -->
<html lang="kk"><head><meta charset="utf-8">
<title>Жәкішев сотта — Example News</title>
<meta property="og:title" content="Мұхтар Жәкішев сотта сөйледі">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2020-10-16T23:30:00+06:00">
<link rel="canonical" href="https://kaz.example.kz/news/zhakishev-42">
<script>document.write('SCRIPTTEXT')</script>
<style>.x{color:red} /* STYLETEXT */</style>
<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Айгүл Сапарова"}}</script>
</head><body onload="alert('ONLOAD')">
<nav><a href="/">Басты бет</a> <a href="/news">NAVTEXT</a></nav>
<div class="ad banner">ADTEXT Жарнама</div>
<article><h1>Мұхтар Жәкішев сотта сөйледі</h1>
${BODY.map((p) => `<p>${p}</p>`).join('\n')}
<iframe srcdoc="<p>IFRAMETEXT</p>" src="https://evil.example/"></iframe>
<object data="x.swf">OBJECTTEXT</object><noscript>NOSCRIPTTEXT</noscript>
<form action="https://evil.example"><input value="INPUTTEXT"><button>BUTTONTEXT</button></form>
</article>
<footer>© 2020 FOOTERTEXT</footer>
</body></html>`;
}

describe('HTML import', () => {
  it('keeps the article and its paragraphs, drops navigation, ads, scripts, styles, frames and handlers', async () => {
    const { text, meta } = await extract(enc(hostilePage()), 'page.html');
    expect(text).toContain('Өскемен қаласындағы сот отырысында Мұхтар Жәкішев');
    expect(text).toContain('іс материалдарында қайшылықтар көп. Сот келесі');
    // paragraph breaks survive
    expect(text).toMatch(/ұзақ сөйледі\.\n\nАдвокаттың/);
    for (const bad of [
      'SCRIPTTEXT',
      'STYLETEXT',
      'NAVTEXT',
      'ADTEXT',
      'FOOTERTEXT',
      'IFRAMETEXT',
      'OBJECTTEXT',
      'NOSCRIPTTEXT',
      'INPUTTEXT',
      'BUTTONTEXT',
      'JSLINK',
      'IMGERR',
      'ONLOAD',
      'javascript:',
      'onerror',
      '<',
      '>',
    ]) {
      expect(text, bad).not.toContain(bad);
    }
    expect(meta).toMatchObject({
      title: 'Мұхтар Жәкішев сотта сөйледі',
      publisher: 'Example News',
      publishedAt: '2020-10-16', // the publisher's local day, not UTC's 16th→16th
      url: 'https://kaz.example.kz/news/zhakishev-42',
      author: 'Айгүл Сапарова',
    });
  });

  it('reads metadata from JSON-LD, <time> and the saved-from comment when Open Graph is missing', async () => {
    const page = `<!-- saved from url=(0031)https://ru.example.org/a/1 -->
<html><head><title>Заголовок | Сайт</title>
<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"Суд отказал в УДО","datePublished":"2021-03-05T10:00:00Z","publisher":{"@type":"Organization","name":"Радио Азаттык"}}]}</script>
<script type="application/ld+json">{ not json</script>
</head><body><p>Суд отказал в условно-досрочном освобождении.</p></body></html>`;
    const { meta, text } = await extract(enc(page), 'a.htm');
    expect(text).toBe('Суд отказал в условно-досрочном освобождении.');
    expect(meta).toMatchObject({
      title: 'Суд отказал в УДО',
      publishedAt: '2021-03-05',
      publisher: 'Радио Азаттык',
      url: 'https://ru.example.org/a/1',
    });

    const timeOnly = await extract(
      enc('<html><body><time datetime="2019-12-31T22:00">31 дек</time><p>Текст.</p></body></html>'),
      'b.html',
    );
    expect(timeOnly.meta.publishedAt).toBe('2019-12-31');
  });

  it('ignores a javascript: canonical URL and impossible dates', async () => {
    const page =
      '<html><head><link rel="canonical" href="javascript:alert(1)"><meta property="article:published_time" content="2020-02-31"></head><body><p>Мәтін.</p></body></html>';
    const { meta } = await extract(enc(page), 'c.html');
    expect(meta.url).toBeUndefined();
    expect(meta.publishedAt).toBeUndefined();
    expect(toDay('Tue, 05 Mar 2024 10:00:00 GMT')).toBe('2024-03-05');
    expect(toDay('вчера')).toBeUndefined();
  });

  it('decodes a windows-1251 page by its <meta charset>, and refuses undeclared non-UTF-8 bytes', async () => {
    // "Суд отказал" in windows-1251
    const word = [0xd1, 0xf3, 0xe4, 0x20, 0xee, 0xf2, 0xea, 0xe0, 0xe7, 0xe0, 0xeb];
    const head = enc(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>',
    );
    const bytes = new Uint8Array([...head, ...word, ...enc('.</p></body></html>')]);
    expect((await extract(bytes, 'old.html')).text).toBe('Суд отказал.');
    const undeclared = new Uint8Array([...enc('<html><body><p>'), ...word, ...enc('</p></body></html>')]);
    await expect(extract(undeclared, 'old.html')).rejects.toThrow(
      /old\.html is not valid utf-8 text and declares no character set/,
    );
  });

  it('reads an .mhtml page saved as a single file', async () => {
    const qp = hostilePage()
      .replace(/=/g, '=3D')
      .replace(/[^\x00-\x7f]/g, (c) => [...Buffer.from(c)].map((b) => `=${b.toString(16).toUpperCase()}`).join(''));
    const mhtml = [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://kaz.example.kz/news/zhakishev-42',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      '\tboundary="----MultipartBoundary--abc"',
      '',
      '------MultipartBoundary--abc',
      'Content-Type: text/html',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      qp,
      '------MultipartBoundary--abc',
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '------MultipartBoundary--abc--',
    ].join('\r\n');
    const { text, meta } = await extract(enc(mhtml), 'page.mhtml');
    expect(text).toContain('Тәуелсіздік монументі жанында');
    expect(text).not.toContain('SCRIPTTEXT');
    expect(meta.title).toBe('Мұхтар Жәкішев сотта сөйледі');
    await expect(extract(enc('just text'), 'x.mht')).rejects.toThrow(/x\.mht is not an MHTML file/);
  });

  it('imports a page into the archive with its metadata; explicit options win', async () => {
    const archive = await Archive.create(await tempDir());
    const { status, article } = await archive.importArticle({ bytes: enc(hostilePage()), name: 'page.html' });
    expect(status).toBe('imported');
    expect(article).toMatchObject({
      title: 'Мұхтар Жәкішев сотта сөйледі',
      url: 'https://kaz.example.kz/news/zhakishev-42',
      publisher: 'Example News',
      publishedAt: '2020-10-16',
      author: 'Айгүл Сапарова',
      lang: 'kk',
      sourceExt: 'html',
    });
    const { text } = await archive.getArticle(article.id);
    expect(text).not.toMatch(/SCRIPTTEXT|<|javascript:/);

    const other = hostilePage().replace('бейбіт түрде тұрды', 'үнсіз тұрды');
    const own = await archive.importArticle({
      bytes: enc(other),
      name: 'p2.html',
      title: 'Own',
      publishedAt: '2020-10-17',
      url: 'https://x.example/y',
      lang: 'ru',
    });
    expect(own.article).toMatchObject({
      title: 'Own',
      publishedAt: '2020-10-17',
      url: 'https://x.example/y',
      lang: 'ru',
      publisher: 'Example News',
    });
  });

  it('gives a page with scripts only a clear error, not an empty article', async () => {
    const archive = await Archive.create(await tempDir());
    await expect(
      archive.importArticle({
        bytes: enc('<html><head><script>alert(1)</script></head><body><script>x()</script></body></html>'),
        name: 'empty.html',
      }),
    ).rejects.toThrow(/^empty\.html holds no text$/);
  });
});

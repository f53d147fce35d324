import { describe, expect, it } from 'vitest';
import { buildDossierHtml, esc, formatEventDate } from '../../../../electron/core/dossier/html.js';
import { LABELS } from '../../../../electron/core/dossier/labels.js';
import { findName, nameStems } from '../../../../electron/core/dossier/leaks.js';
import { makeRedactor, redactDossier } from '../../../../electron/core/dossier/redact.js';
import type { DossierOptions } from '../../../../electron/core/dossier/types.js';
import { HASH_A, sampleData } from './fixture.js';

const opts = (o: Partial<DossierOptions> = {}): DossierOptions => ({
  lang: 'en',
  paper: 'a4',
  generatedAt: new Date('2026-11-26T08:00:00Z'),
  compiledBy: 'A. Researcher',
  ...o,
});
const text = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('dossier HTML', () => {
  it('has every section, the quotes as stored and the hashes', () => {
    const { html, title } = buildDossierHtml(sampleData(), opts());
    expect(title).toBe('Case dossier: Мұхтар Жәкішев ісі');
    expect(html).toContain('<title>Case dossier: Мұхтар Жәкішев ісі</title>');
    for (const id of ['summary', 'entities', 'chronology', 'sources']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('2009 жылы 14 жылға сотталған');
    expect(html).toContain(HASH_A);
    expect(text(html)).toContain('Мухтар Джакишев, Mukhtar Dzhakishev');
    expect(text(html)).toContain('A. Researcher');
    expect(html).toContain('Content-Security-Policy');
  });

  it('numbers sources by first citation and cites them from the chronology', () => {
    const { html } = buildDossierHtml(sampleData(), opts());
    // the first fact cites s2, so s2 is [1]
    expect(html).toMatch(/<tr id="f1"[^>]*>.*?href="#s1">\[1\]<\/a>/);
    expect(html).toMatch(
      /<div class="source" id="s1"><h3><span class="src-n">\[1\]<\/span> <span lang="ru">Second source/,
    );
    expect(html).toMatch(/<tr id="f2"[^>]*>.*?href="#s2">\[2\]<\/a>/);
    // and each source lists the facts quoting it
    expect(text(html)).toMatch(/Second source .*Quoted in facts 1 /);
    expect(text(html)).toMatch(/First source .*Quoted in facts 2, 3 /);
  });

  it('writes dates with their precision, in the chosen language', () => {
    const year = { value: '2009', precision: 'year' as const, approximate: false };
    expect(formatEventDate(year, LABELS.en)).toBe('2009');
    expect(formatEventDate({ value: '2020-09', precision: 'month', approximate: true }, LABELS.en)).toBe(
      'c. September 2020',
    );
    expect(formatEventDate({ value: '2020-10-16', precision: 'day', approximate: false }, LABELS.ru)).toBe(
      '16 октября 2020 г.',
    );
    expect(formatEventDate({ value: '2020-10-16', precision: 'day', approximate: false }, LABELS.kk)).toBe(
      '2020 ж. 16 қазан',
    );
    expect(formatEventDate(null, LABELS.en)).toBe('undated');
  });

  it('labels in Kazakh and Russian; quotes stay in their language', () => {
    const kk = buildDossierHtml(sampleData(), opts({ lang: 'kk' }));
    expect(kk.html).toContain('Хронология');
    expect(kk.html).toContain('Шартты босатудан бас тарту');
    expect(kk.html).toContain('(жәбірленуші)');
    expect(kk.html).toContain('custom type');
    expect(kk.footerTemplate).toContain('бет');
    const ru = buildDossierHtml(sampleData(), opts({ lang: 'ru' }));
    expect(ru.html).toContain('Источники');
    expect(ru.html).toContain('2009 жылы 14 жылға сотталған');
    expect(ru.footerTemplate).toMatch(/стр\. <span class="pageNumber"><\/span> из <span class="totalPages"><\/span>/);
  });

  it('turns hostile archive content into text', () => {
    const data = sampleData();
    data.title = '<img src=x onerror="alert(1)">Title & co';
    data.facts[0]!.quote = '<script>alert("x")</script> «quote»';
    data.sources[0]!.url = 'javascript:alert(1)';
    data.entities[0]!.aliases = ['</td><td>injected'];
    const { html } = buildDossierHtml(data, opts());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;/td&gt;&lt;td&gt;injected');
    expect(esc('a\u0000b<')).toBe('ab&lt;');
  });

  it('withholds what finds a public article with --redact-sources: URLs, publishers, dates, hashes', () => {
    const { html } = buildDossierHtml(sampleData(), opts({ redactSources: true, redacted: true }));
    expect(html).not.toContain('example.org');
    expect(html).not.toContain('Azattyq');
    expect(html).not.toMatch(/20 October 2020|2026-11-26|[0-9a-f]{64}/);
    expect(html).toContain('withheld in this copy');
    expect(text(html)).toContain('sources’ URLs, publishers, dates and hashes are withheld');
    expect(text(html)).toContain('a search for one can find the original article');
    // without it, they are there
    const full = buildDossierHtml(sampleData(), opts()).html;
    expect(full).toContain('Azattyq');
    expect(full).toContain(HASH_A);
    expect(full).not.toContain('a search for one can find');
  });

  it('redacts a person everywhere: quotes, people lists, index, titles, URLs', () => {
    const data = sampleData();
    data.sources[0]!.title = 'Жәкішевтің ісі';
    const names = ['Мұхтар Жәкішев', 'Мухтар Джакишев', 'Mukhtar Dzhakishev'];
    const redactor = makeRedactor(names);
    const { html } = buildDossierHtml(redactDossier(data, redactor, names), opts({ redacted: true }));
    const visible = text(html);
    expect(findName([visible], nameStems(names))).toBeNull();
    expect(visible).toContain('[redacted]');
    expect(visible).toContain('Өскемен'); // others stay
    expect(visible).toContain('Names of some people have been replaced');
    expect(html).not.toMatch(/zhakishev/i);
  });

  it('letter paper', () => {
    expect(buildDossierHtml(sampleData(), opts({ paper: 'letter' })).html).toContain('@page{size:letter');
    expect(buildDossierHtml(sampleData(), opts()).html).toContain('@page{size:A4');
  });
});

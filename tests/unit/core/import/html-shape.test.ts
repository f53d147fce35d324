import { describe, expect, it } from 'vitest';
import { extract } from '../../../../electron/core/import/extract/index.js';
import { flattenPage, measurePage, PAGE_LIMITS } from '../../../../electron/core/import/extract/html-shape.js';

const enc = (s: string) => new TextEncoder().encode(s);
const nested = (n: number, inner: string) =>
  `<html><body>${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}</body></html>`;

describe('pages built to stall the parser', () => {
  it('measures nesting on the source: omitted end tags, void and self-closing elements, comments and scripts do not nest', () => {
    expect(measurePage(nested(40, 'x'))).toEqual({ depth: 42, elements: 42 });
    // 5,000 paragraphs and list items without end tags are a long page, not a deep one
    const flat = `<body>${'<p>one<br>two<img src=x><li>three<x-icon/>'.repeat(5000)}</body>`;
    expect(measurePage(flat).depth).toBe(1);
    const hidden = `<body><!-- ${'<div>'.repeat(5000)} --><script>${'<div>'.repeat(5000)}</script><p>x</p></body>`;
    expect(measurePage(hidden)).toEqual({ depth: 1, elements: 4 });
    expect(measurePage(nested(PAGE_LIMITS.maxDepth + 10, 'x')).depth).toBe(PAGE_LIMITS.maxDepth + 1);
  });

  it('flattens such a page to its text in one pass: no scripts, styles or comments; references decoded', () => {
    const html = `<div><style>.a{}</style><p>Сот&nbsp;шешімі &amp; &#1179;&#x4e9;</p><!-- hidden --><script>alert(1)</script><b>end</b></div>`;
    expect(flattenPage(html)).toBe('Сот шешімі & қө\nend');
  });

  it('a page of 200,000 nested elements, or 200,000 flat ones, becomes its text in under 5 s', async () => {
    for (const html of [
      nested(200_000, 'deep text<script>alert(1)</script>'),
      `<html><body><p>Начало</p>${'<span>x</span>'.repeat(200_000)}</body></html>`,
      `<html><body>${'<div>'.repeat(200_000)}unclosed`,
      `<html><body>${'<!-- c -->'.repeat(200_000)}<p>Начало</p>${'x'.repeat(10)}</body></html>`,
    ]) {
      const started = performance.now();
      const { text, meta } = await extract(enc(html), 'hostile.html');
      expect(performance.now() - started).toBeLessThan(5000);
      expect(text).toMatch(/^(deep text|Начало\nx+|unclosed)$/);
      expect(text).not.toContain('alert');
      expect(meta).toEqual({});
    }
  });
});

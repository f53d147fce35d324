/**
 * The shape of a page measured on its source text, before any parser sees it: how deep its elements
 * nest and how many there are. linkedom's tree building grows with depth × elements (200,000 nested
 * elements: minutes; 200,000 flat ones: over ten seconds), so a page past these limits is never
 * parsed: it is flattened to its text by one linear pass over the source instead. An element whose
 * end tag HTML lets one leave out does not count as nesting.
 */

/** Far beyond any article page (news pages: depth under 60, a few thousand elements). */
export const PAGE_LIMITS = { maxDepth: 2_000, maxElements: 100_000 };

/** Never hold content: they cannot nest. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** End tags HTML lets one omit (`<p>` after `<p>` closes the first): counted, but not as nesting. */
const OPTIONAL_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'rb',
  'rt',
  'rp',
  'colgroup',
  'caption',
]);
/** Their content is text to the parser, never elements. */
const RAW_TEXT = ['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext'];

export interface PageShape {
  depth: number;
  elements: number;
}

/** Depth and element count, stopping as soon as either limit is passed. */
export function measurePage(html: string, limits = PAGE_LIMITS): PageShape {
  let depth = 0;
  let maxDepth = 0;
  let elements = 0;
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)|<!--/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[0] === '<!--') {
      // a comment is a node the parser builds like an element, so it counts towards the limit
      const end = html.indexOf('-->', tag.lastIndex);
      if (end < 0 || ++elements > limits.maxElements) break;
      tag.lastIndex = end + 3;
      continue;
    }
    const name = m[2]!.toLowerCase();
    const close = html.indexOf('>', tag.lastIndex);
    if (close < 0) break;
    if (m[1]) {
      if (!VOID.has(name) && !OPTIONAL_END.has(name) && depth > 0) depth--;
      tag.lastIndex = close + 1;
      continue;
    }
    elements++;
    const selfClosing = html[close - 1] === '/';
    if (RAW_TEXT.includes(name)) {
      const end = new RegExp(`</${name}`, 'gi');
      end.lastIndex = close;
      tag.lastIndex = end.exec(html)?.index ?? html.length;
    } else {
      tag.lastIndex = close + 1;
      if (!VOID.has(name) && !OPTIONAL_END.has(name) && !selfClosing) maxDepth = Math.max(maxDepth, ++depth);
    }
    if (maxDepth > limits.maxDepth || elements > limits.maxElements) break;
  }
  return { depth: maxDepth, elements };
}

/** Past either limit: such a page is flattened, not parsed. */
export const pageTooComplex = (html: string): boolean => {
  const shape = measurePage(html);
  return shape.depth > PAGE_LIMITS.maxDepth || shape.elements > PAGE_LIMITS.maxElements;
};

const BLOCK = /^(?:p|div|br|li|h[1-6]|tr|td|th|section|article|blockquote|pre|dd|dt|hr|table|ul|ol)$/i;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text of a page without building its tree: comments, scripts, styles and other raw-text
 * elements go with their content, block elements become line breaks, other tags vanish, and the
 * common character references are decoded. Linear in the page's length.
 */
export function flattenPage(html: string): string {
  const raw = new RegExp(`<(${RAW_TEXT.join('|')})\\b[^>]*>[\\s\\S]*?(?:</\\1\\s*>|$)`, 'gi');
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(raw, '')
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>/g, (_, tag: string) => (BLOCK.test(tag) ? '\n' : ''))
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (m, ref: string) => {
      if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? m;
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : m;
    })
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}

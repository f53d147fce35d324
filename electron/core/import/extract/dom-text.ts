/**
 * A DOM subtree as plain text with its paragraph breaks: blocks become paragraphs, <br> a line break.
 * Only text nodes are read, so scripts, styles, frames, handlers and link targets can never reach the
 * stored text.
 */

/** Never read: code, media, form controls, embedded documents. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'picture',
  'img',
  'map',
  'button',
  'input',
  'select',
  'textarea',
  'form',
  'head',
  'title',
  'meta',
  'link',
  'base',
]);

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'html',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The smallest shape of a DOM node this needs (linkedom's and the browser's both fit). */
export interface TextSource {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextSource>;
}

export function domToText(root: TextSource): string {
  const paragraphs: string[] = [];
  let line = '';
  const flush = () => {
    const p = line
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .trim();
    if (p !== '') paragraphs.push(p);
    line = '';
  };
  // An explicit stack, not recursion: hostile pages nest tens of thousands of elements deep.
  type Step = { node: TextSource; pre: boolean; exit?: false } | { tag: string; exit: true };
  const stack: Step[] = [{ node: root, pre: false }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (step.exit) {
      if (step.tag === 'td' || step.tag === 'th') line += ' ';
      else flush();
      continue;
    }
    const { node, pre } = step;
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? '';
      line += pre ? t : t.replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeName.toLowerCase();
    if (SKIP.has(tag)) continue;
    if (tag === 'br') {
      line += '\n';
      continue;
    }
    const cell = tag === 'td' || tag === 'th';
    const block = BLOCK.has(tag);
    if (block) flush();
    if (block || cell) stack.push({ tag, exit: true });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, pre: pre || tag === 'pre' });
  }
  flush();
  return paragraphs.join('\n\n');
}

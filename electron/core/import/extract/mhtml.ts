/**
 * .mhtml / .mht (a page saved "as a single file"): a MIME multipart message. The first text/html part is
 * the page; it is decoded (quoted-printable or base64, in its declared charset) and read as HTML. The text
 * never looks at the other parts (images, styles); the visual copy serves them to the page (`mhtmlPage`).
 */
import { AqiqatError } from '../../errors.js';
import { extractHtmlString } from './html.js';
import type { Extracted } from './types.js';

export async function extractMhtml(bytes: Uint8Array, name: string): Promise<Extracted> {
  const { html, location } = mhtmlPage(bytes, name);
  const result = extractHtmlString(html);
  if (!result.meta.url && location && /^https?:\/\//i.test(location)) result.meta.url = new URL(location).toString();
  return result;
}

/** The page of an MHTML file, its address, and every other part that has one (for the visual copy). */
export function mhtmlPage(
  bytes: Uint8Array,
  name: string,
): {
  html: string;
  location: string | undefined;
  resources: { url: string; contentType: string; bytes: Uint8Array }[];
} {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const { headers, body } = splitPart(raw);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) throw new AqiqatError('import.mhtml-no-boundary', { name });
  const parts = body.split(`--${boundary}`).map(splitPart);
  const page = parts.find((p) => /^text\/html/i.test(p.headers['content-type'] ?? ''));
  if (!page) throw new AqiqatError('import.mhtml-no-page', { name });
  const partBytes = decodePart(page);
  const charset = /charset="?([^";\s]+)"?/i.exec(page.headers['content-type'] ?? '')?.[1] ?? 'utf-8';
  let html: string;
  try {
    html = new TextDecoder(charset, { fatal: true }).decode(partBytes);
  } catch {
    throw new AqiqatError('import.mhtml-bad-charset', { name, charset });
  }
  const location = headers['snapshot-content-location'] ?? page.headers['content-location'];
  const resources = parts
    .filter((p) => p !== page && p.headers['content-location'])
    .map((p) => ({
      url: p.headers['content-location']!,
      contentType: p.headers['content-type'] ?? 'application/octet-stream',
      bytes: new Uint8Array(decodePart(p)),
    }));
  return { html, location, resources };
}

function decodePart(part: { headers: Record<string, string>; body: string }): Buffer {
  const encoding = (part.headers['content-transfer-encoding'] ?? '').toLowerCase();
  return encoding === 'base64'
    ? Buffer.from(part.body, 'base64')
    : encoding === 'quoted-printable'
      ? quotedPrintable(part.body)
      : Buffer.from(part.body, 'latin1');
}

function splitPart(part: string): { headers: Record<string, string>; body: string } {
  const text = part.replace(/^\r?\n/, '');
  const end = /\r?\n\r?\n/.exec(text);
  const head = end ? text.slice(0, end.index) : text;
  const body = end ? text.slice(end.index + end[0].length) : '';
  const headers: Record<string, string> = {};
  // folded header lines continue with white space
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function quotedPrintable(s: string): Buffer {
  const joined = s.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    const hex = joined.slice(i + 1, i + 3);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(c & 0xff);
  }
  return Buffer.from(out);
}

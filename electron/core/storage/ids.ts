import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Random lower-case base-36 string (ids users may type: no capitals, no punctuation). */
export function randomId(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 36];
  return out;
}

/** Article ids are the first 12 hex digits of the source's SHA-256: the same bytes, the same id. */
export const articleIdFor = (sha256: string): string => sha256.slice(0, 12);
/** A web capture holds many pages: each page's article is named by the file's SHA-256 with the page's URL. */
export const pageArticleId = (sha256: string, page: string): string =>
  articleIdFor(createHash('sha256').update(`${sha256}\n${page}`).digest('hex'));
/** Whether an article's id is the one its bytes (and, for a capture's page, its URL) give it. */
export const namedByItsBytes = (a: {
  id: string;
  sha256: string;
  capture?: { machine?: { waczPage?: string | undefined } | undefined } | undefined;
}) =>
  a.id === articleIdFor(a.sha256) ||
  (a.capture?.machine?.waczPage !== undefined && a.id === pageArticleId(a.sha256, a.capture.machine.waczPage));
export const newFactId = (articleId: string): string => `${articleId}-${randomId(6)}`;
export const newEntityId = (): string => `e-${randomId(8)}`;
/** Case ids are typed by hand in the CLI: short, lower-case, `c-` and five base-36 characters. */
export const newCaseId = (): string => `c-${randomId(5)}`;

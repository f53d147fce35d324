/**
 * Everything the CLI prints passes here (main() wraps its Io): control characters (C0 but line breaks,
 * CSV's CRLF and tabs; DEL, C1) and bidi controls, from archive data such as a saved page's title or a
 * file name or from the command line itself, are shown as \u escapes. So no line can drive the terminal
 * (ANSI escapes set its title, clear it, fake an `ok`) or reorder what is read. JSON stays valid and
 * means the same: \u escapes are JSON's own.
 */
import type { Io } from './context.js';

const UNSAFE =
  /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export const forTerminal = (s: string): string =>
  s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function escapedIo(io: Io): Io {
  return { ...io, out: (s) => io.out(forTerminal(s)), err: (s) => io.err(forTerminal(s)) };
}

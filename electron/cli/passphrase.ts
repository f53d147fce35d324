/**
 * The passphrase of an encrypted archive on the command line: $AQIQAT_PASSPHRASE (scripts, tests),
 * else a prompt on the terminal with echo off. Never an argument: it would show in `ps` and history.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { KEY_FILE } from '../core/protection/crypto.js';
import { AqiqatError } from '../core/errors.js';

/** Ask on the terminal without echo. Null when there is no terminal to ask on. */
export async function promptHidden(question: string): Promise<string | null> {
  const stdin = process.stdin;
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') return null;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let answer = '';
    const done = (value: string | null, error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n') return done(answer);
        if (c === '\u0003') return done(null, new AqiqatError('cli.cancelled', {}, 'usage')); // Ctrl-C
        if (c === '\u007f' || c === '\b') answer = answer.slice(0, -1);
        else answer += c;
      }
    };
    stdin.on('data', onData);
  });
}

export async function passphraseFrom(
  env: NodeJS.ProcessEnv,
  variable: string,
  question: string,
): Promise<string | undefined> {
  const fromEnv = env[variable];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return (await promptHidden(question)) ?? undefined;
}

/** The passphrase to open `dir` with: only asked for when the archive is encrypted. */
export async function passphraseFor(dir: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (!existsSync(path.join(dir, KEY_FILE))) return undefined;
  return passphraseFrom(env, 'AQIQAT_PASSPHRASE', 'Passphrase: ');
}

/** A new passphrase, asked twice on a terminal. */
export async function newPassphrase(env: NodeJS.ProcessEnv, variable: string): Promise<string> {
  const fromEnv = env[variable];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const first = await promptHidden('New passphrase: ');
  if (first === null) throw new AqiqatError('crypto.new-passphrase-needed', { variable }, 'usage');
  if ((await promptHidden('Again: ')) !== first) throw new AqiqatError('cli.passphrases-differ', {}, 'usage');
  return first;
}

/** The real CLI, `bin/aqiqat.js`, run in a child process, and the check of its one-line errors. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../../bin/aqiqat.js');

export interface CliOptions {
  /** Added to the process's environment, over `AQIQAT_ARCHIVE: ''`. */
  env?: NodeJS.ProcessEnv;
  /** Standard input; empty unless given, so a prompt reads end of input rather than waiting. */
  input?: string | Buffer;
  /** Node flags before the script, e.g. `--import HOOK`. */
  node?: string[];
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `aqiqat ...args`; AQIQAT_ARCHIVE is empty so that the caller's own archive is never opened. */
export function aqiqat(args: string[], options: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [...(options.node ?? []), BIN, ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, AQIQAT_ARCHIVE: '', ...options.env },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** `aqiqat ...args` left running, its output ignored: for a test that kills it midway. */
export function aqiqatChild(args: string[], options: Omit<CliOptions, 'input'> = {}): ChildProcess {
  return spawn(process.execPath, [...(options.node ?? []), BIN, ...args], {
    env: { ...process.env, AQIQAT_ARCHIVE: '', ...options.env },
    stdio: 'ignore',
  });
}

/** `aqiqat` with options all runs of a test file share: a run's own env goes over them, its node flags after them. */
export function aqiqatWith(defaults: CliOptions): typeof aqiqat {
  return (args, options = {}) => {
    const input = options.input ?? defaults.input;
    return aqiqat(args, {
      ...(input === undefined ? {} : { input }),
      env: { ...defaults.env, ...options.env },
      node: [...(defaults.node ?? []), ...(options.node ?? [])],
    });
  };
}

/**
 * A refusal as the user sees it: exit `code` (2 for a usage error) and one line on stderr, `aqiqat: …`,
 * matching `pattern`; no stack trace, no help dump, no internal error.
 */
export function expectOneLineError(result: CliResult, pattern: RegExp, code = 1): void {
  expect(result.code).toBe(code);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/^aqiqat: /);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at |\bat .*\.(js|ts):\d+|internal error/);
}

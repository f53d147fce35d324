/**
 * `aqiqat`: the archive from the command line. Output: human lines, or with --json exactly one JSON
 * value on stdout. Errors: one line on stderr, exit 1 (2 for usage), never a stack trace.
 * Commands live in cli/, one module per area.
 */
import { Command, CommanderError } from 'commander';
import { MAX_IMPORT_BYTES } from '../core/import/articles.js';
import { registerArticleCommands } from './articles.js';
import { makeCli, Quiet, type Io } from './context.js';
import { escapedIo } from './output.js';
import { registerFactCommands } from './facts.js';
import { registerImportCommands } from './import.js';
import { registerProtectCommands } from './protect.js';
import { registerSearchCommands } from './search.js';
import { registerAnnotationCommands } from './annotation.js';
import { registerDossierCommands } from './dossier.js';
import { registerReindexCommands } from './reindex.js';
import { registerTimestampCommands } from './timestamp.js';
import { registerIdentityCommands } from './identity.js';
import { registerPackageCommands } from './package.js';
import { registerTeamCommands } from './team.js';
import { AqiqatError, userMessage } from '../core/errors.js';

declare const AQIQAT_VERSION: string | undefined;
const VERSION = typeof AQIQAT_VERSION === 'string' ? AQIQAT_VERSION : '0.0.0-dev';

export type { Io };

const processIo: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  stdin: async () => {
    if (process.stdin.isTTY) throw new AqiqatError('cli.stdin-is-terminal', {}, 'usage');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      // stop reading early: importArticle refuses anything over the limit anyway
      if (size > MAX_IMPORT_BYTES)
        throw new AqiqatError('import.stdin-too-big', { mb: MAX_IMPORT_BYTES / 1024 / 1024 });
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  },
  env: process.env,
  progress: progressWriter(),
};

/** A live line on a terminal; plain lines when AQIQAT_PROGRESS=1 (logs, tests); else nothing. */
function progressWriter(): ((line: string) => void) | undefined {
  if (process.stderr.isTTY) return (line) => process.stderr.write(line ? `\r\x1b[K${line}` : '\r\x1b[K');
  if (process.env.AQIQAT_PROGRESS === '1') return (line) => line && process.stderr.write(`${line}\n`);
  return undefined;
}

export function buildProgram(io: Io): Command {
  const program = new Command('aqiqat')
    .description('Aqiqat: an offline archive of articles, quoted facts and cases')
    .version(VERSION, '-V, --version')
    .option('--archive <dir>', 'the archive folder (default: $AQIQAT_ARCHIVE, else the app’s archive)')
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
      // commander says "error: …"; make it our one line with a pointer to the help
      outputError: (s, write) => write(`aqiqat: ${s.split('\n')[0]!.replace(/^error: /, '')} (see \`aqiqat --help\`)`),
    })
    .exitOverride();

  const cli = makeCli(program, io);
  registerArticleCommands(program, cli);
  registerFactCommands(program, cli);
  registerSearchCommands(program, cli);
  registerAnnotationCommands(program, cli);
  registerImportCommands(program, cli);
  registerProtectCommands(program, cli);
  registerDossierCommands(program, cli);
  registerReindexCommands(program, cli);
  registerTimestampCommands(program, cli);
  registerIdentityCommands(program, cli);
  registerPackageCommands(program, cli);
  registerTeamCommands(program, cli);
  return program;
}

/** Run the CLI; returns the exit code. */
export async function main(argv: string[], raw: Io = processIo): Promise<number> {
  // every line, from commands, commander and errors alike, through one escaping of control and bidi characters
  const io = escapedIo(raw);
  if (raw === processIo) {
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0); // `aqiqat articles | head`
    });
  }
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof Quiet) return e.code;
    if (e instanceof CommanderError) {
      // help and version are "errors" to commander; its message was already written
      return e.exitCode === 0 ? 0 : 2;
    }
    io.err(`aqiqat: ${userMessage(e)}`);
    return e instanceof AqiqatError && e.kind === 'usage' ? 2 : 1;
  }
}

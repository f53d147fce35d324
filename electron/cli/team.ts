/** Working as a team: contacts, share, receive, conflicts. Every action is an Archive call (core/team/). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../core/storage/atomic.js';
import { AqiqatError } from '../core/errors.js';
import type { Conflict, Contact } from '../core/model.js';
import type { Keep } from '../core/team/conflicts.js';
import { collect, jsonOption, type Cli } from './context.js';
import { listCommand } from './list-command.js';
import { newPassphrase, passphraseFrom } from './passphrase.js';

const BUNDLE_PASSPHRASE = 'AQIQAT_BUNDLE_PASSPHRASE';

const contactLine = (c: Contact) => `${c.fingerprint}  ${c.name}`;

async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(path.resolve(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AqiqatError('file.no-such', { file }, 'input');
    throw new AqiqatError('file.unreadable', { file, reason: (e as Error).message.split('\n')[0]! }, 'input');
  }
}

const side = (v: unknown): string =>
  v === null
    ? '(deleted)'
    : typeof v === 'string'
      ? v
      : Array.isArray(v)
        ? v.join(' ')
        : 'anchor' in (v as object)
          ? `«${(v as { anchor: { exact: string } }).anchor.exact.slice(0, 80)}» ${JSON.stringify({ type: (v as { type: string }).type, note: (v as { note: string }).note, date: (v as { date: unknown }).date })}`
          : 'name' in (v as object)
            ? (v as { name: string }).name
            : 'title' in (v as object)
              ? (v as { title: string }).title
              : JSON.stringify(v);

const conflictLines = (c: Conflict) =>
  `${c.id}  ${c.kind}  ${c.subject}  (from ${c.from})\n  local:  ${side(c.local)}\n  theirs: ${side(c.theirs)}`;

export function registerTeamCommands(program: Command, cli: Cli): void {
  const contact = program
    .command('contact')
    .description('colleagues’ public keys: who bundles are encrypted to and signed by');
  contact
    .command('add')
    .description('add a colleague from the file their `aqiqat identity export` wrote; compare the fingerprint by phone')
    .argument('<name>', 'what to call them here')
    .argument('<keyfile>', 'their public-key file')
    .addOption(jsonOption())
    .action(async (name: string, keyfile: string, o: { json?: boolean }) => {
      const bytes = await readInput(keyfile);
      const c = await (await cli.open()).addContact(name, bytes, path.basename(keyfile));
      cli.print(o.json, c, () => `added ${c.name}: fingerprint ${c.fingerprint} (compare it with them)`);
    });
  listCommand(contact.command('list').description('contacts with their fingerprints'), cli, {
    list: (a) => a.listContacts(),
    line: contactLine,
    none: 'no contacts yet; add one with `aqiqat contact add NAME KEYFILE`',
  });
  contact
    .command('rename')
    .argument('<name>')
    .argument('<new-name>')
    .addOption(jsonOption())
    .action(async (from: string, to: string, o: { json?: boolean }) => {
      const c = await (await cli.open()).renameContact(from, to);
      cli.print(o.json, c, () => `renamed: ${contactLine(c)}`);
    });
  contact
    .command('remove')
    .argument('<name>')
    .addOption(jsonOption())
    .action(async (name: string, o: { json?: boolean }) => {
      const c = await (await cli.open()).removeContact(name);
      cli.print(o.json, c, () => `removed: ${contactLine(c)}`);
    });

  program
    .command('share')
    .description('hand cases to colleagues: encrypted to them (or a passphrase), signed by this archive')
    .argument('<case...>', 'case ids or titles')
    .option('--to <contact>', 'a contact to encrypt to (repeatable)', collect, [])
    .option('--passphrase', `encrypt with a passphrase instead ($${BUNDLE_PASSPHRASE}, else asked twice)`)
    .option('--since <bundle>', 'send only what changed since this earlier bundle of this archive')
    .requiredOption('--out <file>', 'the bundle file to write')
    .addOption(jsonOption())
    .action(
      async (
        cases: string[],
        o: { to: string[]; passphrase?: boolean; since?: string; out: string; json?: boolean },
      ) => {
        const archive = await cli.open();
        const passphrase = o.passphrase ? await newPassphrase(cli.io.env, BUNDLE_PASSPHRASE) : undefined;
        const since = o.since ? { bytes: await readInput(o.since), file: o.since } : undefined;
        const shared = await archive.share({ cases, to: o.to, passphrase, since });
        const out = path.resolve(o.out);
        try {
          await writeFileAtomic(out, shared.bytes);
        } catch (e) {
          throw new AqiqatError('file.cannot-write', { file: o.out, reason: (e as Error).message.split('\n')[0]! });
        }
        await archive.recordShared(shared, path.basename(out));
        const { bytes: _b, hashes: _h, ...view } = shared;
        cli.print(
          o.json,
          { ...view, file: out },
          () =>
            `wrote ${out}: ${shared.cases} case(s), ${shared.facts} fact(s), ${shared.articles} article(s), ${shared.entities} name(s)\nsha256 ${shared.sha256}`,
        );
      },
    );

  program
    .command('receive')
    .description('decrypt a bundle, check its signature and merge it; all or nothing')
    .argument('<file>', 'the bundle')
    .option('--plan', 'print what would change and write nothing')
    .option('--passphrase', `the bundle is encrypted with a passphrase ($${BUNDLE_PASSPHRASE}, else asked)`)
    .option('--accept-unknown', 'take a bundle whose signer is not a contact (compare the fingerprint first)')
    .addOption(jsonOption())
    .action(
      async (file: string, o: { plan?: boolean; passphrase?: boolean; acceptUnknown?: boolean; json?: boolean }) => {
        const archive = await cli.open();
        const passphrase = o.passphrase
          ? await passphraseFrom(cli.io.env, BUNDLE_PASSPHRASE, 'Bundle passphrase: ')
          : undefined;
        const r = await archive.receive({
          file: path.resolve(file),
          passphrase,
          plan: o.plan,
          acceptUnknown: o.acceptUnknown,
        });
        cli.print(o.json, r, () => {
          const who = r.signer.contact
            ? `signed by ${r.signer.contact} (${r.signer.fingerprint})`
            : `unknown signer ${r.signer.fingerprint} (says it is ${r.signer.name})`;
          if (r.already) return `${who}\n${path.basename(file)} was received before: nothing changed`;
          const lines = r.changes.map((c) => `${c.action.padEnd(8)} ${c.kind.padEnd(7)} ${c.id}  ${c.summary}`);
          const conflicts = r.changes.filter((c) => c.action === 'conflict' || c.action === 'suggest').length;
          const end = r.plan
            ? `plan: ${r.changes.length} change(s), ${conflicts} to decide; nothing was written`
            : `received ${path.basename(file)}: ${r.changes.length} change(s), ${conflicts} to decide (see \`aqiqat conflicts\`)`;
          return [who, ...lines, end].join('\n');
        });
      },
    );

  listCommand(
    program.command('conflicts').description('what receiving left for you to decide, both versions shown'),
    cli,
    {
      list: (a) => a.listConflicts(),
      line: conflictLines,
      none: 'no conflicts',
    },
  );
  program
    .command('conflict')
    .description('decide a conflict')
    .command('resolve')
    .argument('<id>', 'the conflict (k-…)')
    .requiredOption('--keep <which>', 'local or theirs (a suggested merge of names: merge or separate)')
    .addOption(jsonOption())
    .action(async (id: string, o: { keep: string; json?: boolean }) => {
      const c = await (await cli.open()).resolveConflict(id, o.keep as Keep);
      cli.print(
        o.json,
        { id: c.id, kind: c.kind, subject: c.subject, kept: o.keep },
        () => `resolved ${c.id}: kept ${o.keep}`,
      );
    });
}

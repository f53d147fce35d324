/** identity: the archive's signing key (its fingerprint, to be read aloud) and the name it signs with. */
import path from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../core/storage/atomic.js';
import { AqiqatError } from '../core/errors.js';
import type { IdentityView } from '../core/protection/identity.js';
import { jsonOption, type Cli } from './context.js';

const shown = (v: IdentityView) => `fingerprint ${v.fingerprint}\nname        ${v.name}\ncreated     ${v.created}`;

export function registerIdentityCommands(program: Command, cli: Cli): void {
  const identity = program
    .command('identity')
    .description('the archive’s signing key: its fingerprint (read it aloud to compare) and the name it signs with')
    .option('--name <name>', 'the researcher or organisation packages are signed by')
    .addOption(jsonOption())
    .action(async (o: { name?: string; json?: boolean }) => {
      const archive = await cli.open();
      const view = o.name !== undefined ? await archive.setIdentityName(o.name) : await archive.identity();
      cli.print(o.json, view, () => shown(view));
    });
  identity
    .command('export')
    .description('write the signing public key (PEM), or with --contact the key file a colleague adds')
    .option('--out <file>', 'write it to a file instead of standard output')
    .option('--contact', 'both public keys (signing and encryption) for `aqiqat contact add`')
    .action(async (o: { out?: string; contact?: boolean }) => {
      const archive = await cli.open();
      const text = o.contact
        ? `${JSON.stringify(await archive.identityKeyFile(), null, 2)}\n`
        : await archive.identityPublicKey();
      if (!o.out) return cli.io.out(text.trimEnd());
      try {
        await writeFileAtomic(path.resolve(o.out), text);
      } catch (e) {
        throw new AqiqatError('file.cannot-write', { file: o.out, reason: (e as Error).message.split('\n')[0]! });
      }
      cli.io.err(`wrote the public key${o.contact ? 's' : ''} to ${path.resolve(o.out)}`);
    });
}

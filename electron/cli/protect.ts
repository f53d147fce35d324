/** backup, restore, verify, log, snapshots: keeping the archive safe. */
import { rm, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { Archive } from '../core/archive.js';
import type { AuditEntry } from '../core/protection/audit.js';
import { isBackupFile } from '../core/protection/backup.js';
import { AqiqatError } from '../core/errors.js';
import { plainRestoreCopies } from '../core/protection/encrypt.js';
import { IDLE_LOCK_MAX_MINUTES, IdleLockMinutesSchema } from '../core/model.js';
import { jsonOption, positiveInt, Quiet, type Cli } from './context.js';
import { newPassphrase, passphraseFor, passphraseFrom } from './passphrase.js';

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function auditLine(e: AuditEntry): string {
  const ids = [
    e.caseId && `case ${e.caseId}`,
    e.entityId && `entity ${e.entityId}`,
    e.factId && `fact ${e.factId}`,
    !e.factId && e.articleId && `article ${e.articleId}`,
    e.sha256 && `sha256 ${e.sha256}`,
  ]
    .filter(Boolean)
    .join('  ');
  return `${e.at}  ${e.actor}  ${e.action}${ids ? `  ${ids}` : ''}${e.summary ? `  “${e.summary}”` : ''}`;
}

/** The minutes as the app's setIdleLock call checks them (the same schema), with the CLI's own words. */
function idleLockMinutes(value: string): number {
  const checked = IdleLockMinutesSchema.safeParse(Number(value));
  if (checked.success && checked.data !== null) return checked.data;
  if (checked.error?.issues[0]?.code === 'too_big')
    throw new AqiqatError('session.idle-too-long', { max: IDLE_LOCK_MAX_MINUTES }, 'usage');
  throw new AqiqatError('cli.not-positive', { name: 'minutes' }, 'usage');
}

export function registerProtectCommands(program: Command, cli: Cli): void {
  program
    .command('backup')
    .description('write the whole archive to one file, with the SHA-256 of every file in its manifest')
    .requiredOption('--out <file>', 'the backup file to write (outside the archive folder)')
    .option('--force', 'replace the file if it exists')
    .addOption(jsonOption())
    .action(async (o: { out: string; force?: boolean; json?: boolean }) => {
      if (
        !o.force &&
        (await stat(o.out).then(
          () => true,
          () => false,
        ))
      ) {
        throw new AqiqatError('file.exists', { file: o.out }, 'usage');
      }
      const archive = await cli.open();
      const { audited, ...r } = await archive.backup(o.out);
      if (!audited) cli.unaudited('backup');
      cli.print(o.json, r, () => `backed up ${r.files} files (${mib(r.bytes)}) to ${r.file}\nsha256 ${r.sha256}`);
    });

  program
    .command('restore')
    .description(
      'restore the archive from a backup file, or archive.json from a snapshot in backups/; checks it all before replacing anything',
    )
    .argument('<file>', 'a file written by `aqiqat backup`, or a backups/archive-….json snapshot')
    .addOption(jsonOption())
    .action(async (file: string, o: { json?: boolean }) => {
      if (await isBackupFile(file)) {
        const r = await Archive.restoreBackup(file, cli.dir(), {
          passphrase: () => passphraseFrom(cli.io.env, 'AQIQAT_PASSPHRASE', 'Passphrase of the backup: '),
        });
        cli.print(
          o.json,
          r,
          () =>
            `restored ${r.files} files into ${r.archive}${r.previous ? `; the archive it replaced is kept in ${r.previous}` : ''}`,
        );
      } else {
        const passphrase = await passphraseFor(cli.dir(), cli.io.env);
        const r = await Archive.restoreArchiveJson(file, cli.dir(), passphrase);
        cli.print(
          o.json,
          r,
          () =>
            `restored archive.json from ${file}${r.previous ? `; the one it replaced is kept in ${r.previous}` : ''}`,
        );
      }
    });

  program
    .command('verify')
    .description(
      're-hash every text and source against its recorded SHA-256, check each quote against its text and the audit log, its chain and its end (exit 1 on any difference)',
    )
    .addOption(jsonOption())
    .action(async (o: { json?: boolean }) => {
      const archive = await cli.open();
      const report = await archive.verify();
      const torn = report.auditTornLines
        ? ` (${report.auditTornLines} line${report.auditTornLines === 1 ? '' : 's'} torn by a crash, marked so)`
        : '';
      cli.print(o.json, report, () =>
        [
          report.problems.length === 0
            ? `ok: ${report.filesChecked} files of ${report.articles} articles match their SHA-256; ${report.facts} quotes match their texts; audit log of ${report.auditEntries} entries is intact${torn} and ends where audit.head says${report.timestamps ? `; ${report.timestamps} timestamp${report.timestamps === 1 ? ' checks' : 's check'} out` : ''}`
            : report.problems.map((p) => `${p.problem}: ${p.file}: ${p.detail}`).join('\n'),
          ...report.notes.map((n) => `note: ${n}`),
        ].join('\n'),
      );
      if (report.problems.length > 0) {
        if (!o.json)
          cli.io.err(
            `aqiqat: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} found; restore the files from a backup`,
          );
        throw new Quiet(1);
      }
    });

  program
    .command('log')
    .description('the audit log: who did what when (facts, cases, exports, backups)')
    .option('--case <id>', 'only what concerns this case and its facts')
    .addOption(jsonOption())
    .action(async (o: { case?: string; json?: boolean }) => {
      const archive = await cli.open();
      const shown = await archive.auditLog(o.case);
      cli.print(o.json, shown, () => (shown.length ? shown.map(auditLine).join('\n') : 'the audit log is empty'));
    });

  program
    .command('encrypt')
    .description(
      'encrypt the archive in place (passphrase: $AQIQAT_PASSPHRASE or asked); run again to finish an interrupted run',
    )
    .option(
      '--remove-plain-copies',
      'also delete the unencrypted copies that restores kept beside the archive (<archive>.before-restore-…)',
    )
    .addOption(jsonOption())
    .action(async (o: { json?: boolean; removePlainCopies?: boolean }) => {
      const dir = cli.dir();
      const wasEncrypted = await Archive.isEncrypted(dir);
      const passphrase = wasEncrypted
        ? await passphraseFor(dir, cli.io.env)
        : await newPassphrase(cli.io.env, 'AQIQAT_PASSPHRASE');
      const { archive: sealed, result } = await (await Archive.open(dir, { passphrase })).encrypt(passphrase);
      await sealed.close();
      const copies = await plainRestoreCopies(sealed.root);
      if (o.removePlainCopies) for (const copy of copies) await rm(copy, { recursive: true, force: true });
      const r = {
        ...result,
        plainCopies: o.removePlainCopies ? [] : copies,
        removedPlainCopies: o.removePlainCopies ? copies : [],
      };
      cli.print(o.json, r, () =>
        [
          `encrypted ${r.sealed} files${r.alreadySealed ? ` (${r.alreadySealed} already were)` : ''}; keep the passphrase safe: without it the archive cannot be opened`,
          ...r.removedPlainCopies.map((c) => `removed the unencrypted copy ${c}`),
        ].join('\n'),
      );
      if (r.plainCopies.length > 0) {
        cli.io.err(
          `warning: ${r.plainCopies.length === 1 ? 'an unencrypted copy' : `${r.plainCopies.length} unencrypted copies`} of this archive, kept by restore, ${r.plainCopies.length === 1 ? 'is' : 'are'} beside it: ${r.plainCopies.join(', ')}; delete ${r.plainCopies.length === 1 ? 'it' : 'them'} once no longer needed (\`aqiqat encrypt --remove-plain-copies\`)`,
        );
      }
    });

  program
    .command('passphrase')
    .description(
      'change the passphrase of an encrypted archive (old: $AQIQAT_PASSPHRASE or asked; new: $AQIQAT_NEW_PASSPHRASE or asked)',
    )
    .option('--rekey', 'the old passphrase may be known to someone: also replace the data key and re-seal every file')
    .addOption(jsonOption())
    .action(async (o: { rekey?: boolean; json?: boolean }) => {
      const dir = cli.dir();
      const old = await passphraseFor(dir, cli.io.env);
      if (old === undefined) throw new AqiqatError('crypto.not-encrypted', {}, 'usage');
      const archive = await Archive.open(dir, { passphrase: old });
      const next = await newPassphrase(cli.io.env, 'AQIQAT_NEW_PASSPHRASE');
      if (o.rekey) {
        await (await archive.rekey(old, next)).close();
        cli.print(
          o.json,
          { archive: archive.root, rekeyed: true },
          () =>
            'the passphrase and the data key were changed and every file re-sealed; backups made before keep the old ones',
        );
        return;
      }
      await archive.changePassphrase(old, next);
      cli.print(
        o.json,
        { archive: archive.root, rekeyed: false },
        () => 'the passphrase was changed; backups made before keep the old one',
      );
    });

  program
    .command('idle-lock [minutes]')
    .description(
      `show or set after how many idle minutes the app locks this encrypted archive (1-${IDLE_LOCK_MAX_MINUTES}, or "never")`,
    )
    .addOption(jsonOption())
    .action(async (value: string | undefined, o: { json?: boolean }) => {
      const minutes = value === undefined ? undefined : value === 'never' ? null : idleLockMinutes(value);
      const archive = await cli.open();
      if (minutes !== undefined) await archive.setIdleLock(minutes);
      const now = archive.idleLockMinutes;
      const encrypted = archive.encrypted;
      cli.print(o.json, { encrypted, idleLockMinutes: now }, () =>
        !encrypted
          ? 'this archive is not encrypted, so the app never locks it'
          : now === null
            ? 'the app does not lock this archive by itself'
            : `the app locks this archive after ${now} min without activity`,
      );
    });

  program
    .command('snapshots')
    .description('list the snapshots of archive.json in backups/ (newest first), or set how many are kept')
    .option('--keep <n>', 'keep this many snapshots from now on')
    .addOption(jsonOption())
    .action(async (o: { keep?: string; json?: boolean }) => {
      const keep = o.keep === undefined ? undefined : positiveInt(o.keep, '--keep');
      if (keep !== undefined && keep > 1000) throw new AqiqatError('cli.keep-too-big', { max: 1000 }, 'usage');
      const archive = await cli.open();
      if (keep !== undefined) await archive.keepSnapshots(keep);
      const snapshots = await archive.snapshots();
      cli.print(o.json, snapshots, () =>
        snapshots.length ? snapshots.map((s) => `${s.takenAt}  ${s.reason}  ${s.file}`).join('\n') : 'no snapshots yet',
      );
    });
}

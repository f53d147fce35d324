/** timestamp request | attach | list: proof of time (RFC 3161) from an offline laptop. */
import type { Command } from 'commander';
import { AqiqatError } from '../core/errors.js';
import { jsonOption, type Cli } from './context.js';

/** What the researcher does next, on a connected machine, with the request file written. */
function nextSteps(out: string, response: string, pkg?: string): string {
  const shq = (s: string) => (/^[\w./+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return [
    'send it to a timestamp authority from any connected machine, e.g.:',
    `  curl -H 'Content-Type: application/timestamp-query' --data-binary @${shq(out)} https://freetsa.org/tsr -o ${shq(response)}`,
    'then bring the response back and attach it:',
    `  aqiqat timestamp attach ${shq(response)}${pkg ? ` --package ${shq(pkg)}` : ''} --ca tsa-ca.pem`,
  ].join('\n');
}

export function registerTimestampCommands(program: Command, cli: Cli): void {
  const ts = program
    .command('timestamp')
    .description('proof of time (RFC 3161): requests to send to a timestamp authority, and their answers');

  ts.command('request')
    .description('write an RFC 3161 TimeStampReq for the audit log’s latest line or a package’s manifest')
    .option('--audit', 'the hash of the audit log’s latest line')
    .option('--package <file>', 'the hash of this evidence package’s manifest.json')
    .requiredOption('--out <file>', 'the request file to write (.tsq); it must not exist')
    .addOption(jsonOption())
    .action(async (o: { audit?: boolean; package?: string; out: string; json?: boolean }) => {
      if (!o.audit === (o.package === undefined)) throw new AqiqatError('timestamp.target', {}, 'usage');
      const archive = await cli.open();
      const r = await archive.requestTimestamp(
        o.package !== undefined ? { package: o.package } : { audit: true },
        o.out,
      );
      const response = o.out.replace(/\.tsq$/i, '') + '.tsr';
      cli.print(o.json, r, () =>
        [
          `wrote ${r.out}: a timestamp request for ${r.target === 'audit' ? `audit line ${r.seq}` : `the manifest of ${r.file}`}`,
          `sha256 ${r.sha256}`,
          nextSteps(r.out, response, o.package),
        ].join('\n'),
      );
    });

  ts.command('attach')
    .description(
      'check a timestamp response against the request it answers and the authority’s certificate, and store it',
    )
    .argument('<response>', 'the response file (.tsr) from the authority, or a bare token')
    .option('--package <file>', 'also add it to this package as timestamps/manifest.tsr')
    .option('--ca <file>', 'the certificates (PEM or DER) the authority must chain to')
    .addOption(jsonOption())
    .action(async (response: string, o: { package?: string; ca?: string; json?: boolean }) => {
      const archive = await cli.open();
      const r = await archive.attachTimestamp(response, { package: o.package, ca: o.ca });
      const s = r.stamp;
      cli.print(o.json, r, () =>
        [
          `${r.existing ? 'already attached' : 'attached'}: ${s.target === 'audit' ? `audit line ${s.seq}` : `the manifest of ${s.file}`} existed at ${s.time}`,
          `authority ${s.authority}${s.trusted ? ', chains to the certificate given' : ' (not checked against a trusted certificate: give --ca)'}`,
          `sha256 ${s.sha256}  serial ${s.serial}  certificate sha256 ${s.certificateFingerprint}`,
          ...(r.package ? [`added to ${r.package} as timestamps/manifest.tsr`] : []),
        ].join('\n'),
      );
    });

  ts.command('list')
    .description('the timestamps attached, and the requests still waiting for an answer')
    .addOption(jsonOption())
    .action(async (o: { json?: boolean }) => {
      const r = (await cli.open()).listTimestamps();
      cli.print(o.json, r, () =>
        r.stamps.length + r.pending.length === 0
          ? 'no timestamps yet; write a request with `aqiqat timestamp request --audit --out audit.tsq`'
          : [
              ...r.stamps.map(
                (s) =>
                  `${s.time}  ${s.target === 'audit' ? `audit line ${s.seq}` : `package ${s.file ?? ''}`}  ${s.authority}${s.trusted ? '  trusted' : ''}  sha256 ${s.sha256}`,
              ),
              ...r.pending.map(
                (p) =>
                  `waiting since ${p.requestedAt}  ${p.target === 'audit' ? `audit line ${p.seq}` : `package ${p.file ?? ''}`}  sha256 ${p.sha256}`,
              ),
            ].join('\n'),
      );
    });
}

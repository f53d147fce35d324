/**
 * A real RFC 3161 timestamp authority for the tests: a test CA and a TSA certificate made here with the
 * `openssl` CLI (extendedKeyUsage critical timeStamping), answering request files with `openssl ts
 * -reply`. Nothing is committed: the keys live in a temp folder for one test file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LocalTsa {
  dir: string;
  /** the CA that issued the TSA certificate, PEM */
  caPem: string;
  caFile: string;
  /** a CA that did not issue it, PEM: for a trust mismatch */
  otherCaFile: string;
  /** answer a TimeStampReq (DER) with a TimeStampResp (DER) */
  reply: (tsq: Uint8Array, opts?: { signer?: 'tsa' | 'no-eku'; token?: boolean }) => Uint8Array;
  /** a request made by openssl itself, for data given */
  query: (data: Uint8Array, opts?: { nonce?: boolean }) => Uint8Array;
  cleanup: () => void;
}

const TSA_CNF = `
[ tsa ]
default_tsa = tsa_config1
[ tsa_config1 ]
dir = .
serial = ./tsaserial
crypto_device = builtin
signer_cert = ./tsa.pem
certs = ./ca.pem
signer_key = ./tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.5
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

export function startLocalTsa(): LocalTsa {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aqiqat-tsa-'));
  const ssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const ca = (name: string, cn: string) =>
    ssl([
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`,
      '-subj', `/CN=${cn}`, '-days', '30',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ]); // prettier-ignore
  const leaf = (name: string, cn: string, ext: string) => {
    writeFileSync(path.join(dir, `${name}.ext`), ext);
    ssl([
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${cn}/O=Aqiqat tests`,
    ]);
    ssl([
      'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
      '-out', `${name}.pem`, '-days', '30', '-extfile', `${name}.ext`,
    ]); // prettier-ignore
  };
  ca('ca', 'Aqiqat Test TSA CA');
  ca('other-ca', 'Some Other CA');
  leaf(
    'tsa',
    'Aqiqat Test TSA',
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n',
  );
  leaf('no-eku', 'Not A TSA', 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n');
  writeFileSync(path.join(dir, 'tsa.cnf'), TSA_CNF);
  writeFileSync(path.join(dir, 'tsaserial'), '01\n');
  let n = 0;
  return {
    dir,
    caPem: readFileSync(path.join(dir, 'ca.pem'), 'utf8'),
    caFile: path.join(dir, 'ca.pem'),
    otherCaFile: path.join(dir, 'other-ca.pem'),
    reply: (tsq, opts = {}) => {
      const signer = opts.signer ?? 'tsa';
      const q = `q${++n}.tsq`;
      const r = `r${n}.tsr`;
      writeFileSync(path.join(dir, q), tsq);
      ssl([
        'ts', '-reply', '-config', 'tsa.cnf', '-queryfile', q, '-signer', `${signer}.pem`, '-inkey', `${signer}.key`,
        '-out', r, ...(opts.token ? ['-token_out'] : []),
      ]); // prettier-ignore
      return new Uint8Array(readFileSync(path.join(dir, r)));
    },
    query: (data, opts = {}) => {
      const d = `d${++n}.bin`;
      writeFileSync(path.join(dir, d), data);
      return new Uint8Array(
        ssl(['ts', '-query', '-data', d, '-sha256', '-cert', ...(opts.nonce === false ? ['-no_nonce'] : [])]),
      );
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

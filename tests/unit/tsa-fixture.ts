/**
 * A real RFC 3161 timestamp authority for the tests: a test CA and a TSA certificate made here with the
 * `openssl` CLI (extendedKeyUsage critical timeStamping), answering request files with `openssl ts
 * -reply`. Nothing is committed: the keys live in a temp folder for one test file.
 */
import { execFileSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const TSTINFO_OID = '1.2.840.113549.1.9.16.1.4';

export interface LocalTsa {
  dir: string;
  /** the CA that issued the TSA certificate, PEM */
  caPem: string;
  caFile: string;
  /** a CA that did not issue it, PEM: for a trust mismatch */
  otherCaFile: string;
  /** answer a TimeStampReq (DER) with a TimeStampResp (DER) */
  reply: (tsq: Uint8Array, opts?: { signer?: 'tsa' | 'no-eku'; token?: boolean }) => Uint8Array;
  /**
   * A response made by PKI.js and signed with `no-eku` (a certificate without the time-stamping
   * purpose, which `openssl ts -reply` refuses to sign with): everything else as an authority does it.
   */
  signedWithoutEku: (sha256: Uint8Array) => Promise<Uint8Array>;
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
    signedWithoutEku: async (sha256) => {
      const pemDer = (file: string) =>
        Buffer.from(
          readFileSync(path.join(dir, file), 'utf8')
            .replace(/-----[A-Z ]+-----/g, '')
            .replace(/\s+/g, ''),
          'base64',
        );
      const ab = (b: Uint8Array) => Uint8Array.from(b).buffer;
      const cert = pkijs.Certificate.fromBER(ab(pemDer('no-eku.pem')));
      const key = await webcrypto.subtle.importKey(
        'pkcs8',
        pemDer('no-eku.key'),
        { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      const info = new pkijs.TSTInfo({
        version: 1,
        policy: '1.2.3.4.1',
        messageImprint: new pkijs.MessageImprint({
          hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
          hashedMessage: new asn1js.OctetString({ valueHex: ab(sha256) }),
        }),
        serialNumber: new asn1js.Integer({ value: 7 }),
        genTime: new Date(),
      });
      const content = info.toSchema().toBER();
      const digest = (b: BufferSource) => webcrypto.subtle.digest('SHA-256', b);
      const attr = (type: string, value: asn1js.AsnType) => new pkijs.Attribute({ type, values: [value] });
      const essV2 = new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.Sequence({
                value: [new asn1js.OctetString({ valueHex: await digest(cert.toSchema().toBER()) })],
              }),
            ],
          }),
        ],
      });
      const signed = new pkijs.SignedData({
        version: 3,
        encapContentInfo: new pkijs.EncapsulatedContentInfo({
          eContentType: TSTINFO_OID,
          eContent: new asn1js.OctetString({ valueHex: content }),
        }),
        signerInfos: [
          new pkijs.SignerInfo({
            version: 1,
            sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
            signedAttrs: new pkijs.SignedAndUnsignedAttributes({
              type: 0,
              attributes: [
                attr('1.2.840.113549.1.9.3', new asn1js.ObjectIdentifier({ value: TSTINFO_OID })),
                attr('1.2.840.113549.1.9.4', new asn1js.OctetString({ valueHex: await digest(content) })),
                attr('1.2.840.113549.1.9.16.2.47', essV2),
              ],
            }),
          }),
        ],
        certificates: [cert],
      });
      await signed.sign(key, 0, 'SHA-256');
      const token = new pkijs.ContentInfo({
        contentType: pkijs.ContentInfo.SIGNED_DATA,
        content: signed.toSchema(true),
      });
      const resp = new pkijs.TimeStampResp({
        status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
        timeStampToken: token,
      });
      return new Uint8Array(resp.toSchema().toBER());
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

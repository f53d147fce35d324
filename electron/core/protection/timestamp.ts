/**
 * Proof of time (RFC 3161), pure: no files, no network. An offline laptop writes a TimeStampReq for a
 * SHA-256; any connected machine sends it to a timestamp authority; the answer comes back and is
 * checked here against the hash, our nonce, the authority's signature and, when given, the
 * certificates trusted to issue it. Every structure is read and written by PKI.js over asn1js.
 * A package carries its stamp as `responseOfToken` makes it (`core/package/stamp.ts`).
 */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AqiqatError } from '../errors.js';

/** Our own engine over Node's WebCrypto, passed to every call: no global state of PKI.js is relied on. */
const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });

const OID = {
  sha256: '2.16.840.1.101.3.4.2.1',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  extKeyUsage: '2.5.29.37',
  timeStamping: '1.3.6.1.5.5.7.3.8',
} as const;

const NAME_OIDS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '1.2.840.113549.1.9.1': 'E',
};

const hex = (b: ArrayBuffer | Uint8Array): string =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');
/** A copy in its own ArrayBuffer (a Buffer's .buffer is a shared pool). */
const buf = (b: Uint8Array): ArrayBuffer => Uint8Array.from(b).buffer;
const equal = (a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array) => hex(a) === hex(b);
/** An INTEGER's value as lower-case hex without leading zero bytes: how nonces and serials are compared. */
const intHex = (i: asn1js.Integer): string => hex(i.valueBlock.valueHexView).replace(/^(00)+(?=.)/, '');

const malformed = (detail: string) => new AqiqatError('timestamp.malformed', { detail });

export interface TimestampRequest {
  /** the DER TimeStampReq, as `openssl ts -query` writes it (.tsq) */
  der: Uint8Array;
  /** our nonce (hex): the answer must carry it back */
  nonce: string;
}

/** A TimeStampReq for a SHA-256 digest: the hash, a random 64-bit nonce, and the authority's certificate asked for. */
export function makeTimestampRequest(sha256: Uint8Array, opts: { nonce?: Uint8Array } = {}): TimestampRequest {
  if (sha256.length !== 32) throw malformed('a SHA-256 digest is 32 bytes');
  const nonce = opts.nonce ?? webcrypto.getRandomValues(new Uint8Array(8));
  // a positive INTEGER with no leading zero byte, so its hex is the same after a round trip
  const n = Uint8Array.from(nonce);
  n[0] = (n[0]! & 0x7f) | 0x40;
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: buf(sha256) }),
    }),
    nonce: new asn1js.Integer({ valueHex: buf(n) }),
    certReq: true,
  });
  return { der: new Uint8Array(req.toSchema().toBER()), nonce: hex(n) };
}

/** What a TimeStampReq asks for (a .tsq read back). */
export function readTimestampRequest(der: Uint8Array): { sha256: string; nonce: string | null } {
  let req: pkijs.TimeStampReq;
  try {
    req = pkijs.TimeStampReq.fromBER(buf(der));
  } catch (e) {
    throw malformed(`not a TimeStampReq: ${firstLine(e)}`);
  }
  return {
    sha256: hex(req.messageImprint.hashedMessage.valueBlock.valueHexView),
    nonce: req.nonce ? intHex(req.nonce) : null,
  };
}

export interface Stamp {
  /** genTime, ISO 8601 */
  time: string;
  /** the signer certificate's subject, "CN=…, O=…" */
  authority: string;
  /** the token's serial number (hex) */
  serial: string;
  /** the authority's policy OID */
  policy: string;
  /** SHA-256 of the signer certificate's DER (hex) */
  certificateFingerprint: string;
  /** the signer chains to one of the trusted certificates given */
  trusted: boolean;
  /** the hash the token covers (hex) */
  sha256: string;
  /** the nonce in the token (hex), if any */
  nonce: string | null;
  /** the TimeStampToken (a CMS ContentInfo), DER */
  token: Uint8Array;
}

interface Parsed {
  token: pkijs.ContentInfo;
  signed: pkijs.SignedData;
  info: pkijs.TSTInfo;
  /** the token's DER as it came (re-encoding could change a signed byte) */
  tokenDer: Uint8Array;
}

/** A TimeStampResp (status granted) or a bare TimeStampToken, taken apart; throws one line otherwise. */
function parse(der: Uint8Array): Parsed {
  if (der.length === 0) throw malformed('the file is empty');
  const asn = asn1js.fromBER(buf(der));
  if (asn.offset === -1 || !(asn.result instanceof asn1js.Sequence))
    throw malformed(asn.result.error || 'it is not DER');
  if (asn.offset !== der.length) throw malformed('bytes follow the response');
  const first = asn.result.valueBlock.value[0];
  let token: pkijs.ContentInfo;
  let tokenDer: Uint8Array;
  try {
    if (first instanceof asn1js.ObjectIdentifier) {
      token = new pkijs.ContentInfo({ schema: asn.result });
      tokenDer = der;
    } else {
      const resp = new pkijs.TimeStampResp({ schema: asn.result });
      const status = resp.status.status;
      if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods)
        throw new AqiqatError('timestamp.not-granted', {
          status: String(status),
          detail: (resp.status.statusStrings ?? []).map((s) => s.valueBlock.value).join('; '),
        });
      if (!resp.timeStampToken) throw malformed('a granted response without a token');
      token = resp.timeStampToken;
      tokenDer = new Uint8Array(asn.result.valueBlock.value[1]!.valueBeforeDecodeView);
    }
  } catch (e) {
    if (e instanceof AqiqatError) throw e;
    throw malformed(firstLine(e));
  }
  if (token.contentType !== OID.signedData) throw malformed(`the token is not CMS SignedData (${token.contentType})`);
  let signed: pkijs.SignedData;
  let info: pkijs.TSTInfo;
  try {
    signed = new pkijs.SignedData({ schema: token.content });
    if (signed.encapContentInfo.eContentType !== OID.tstInfo) throw new Error('its content is not a TSTInfo');
    const content = signed.encapContentInfo.eContent;
    if (!content) throw new Error('its TSTInfo is missing');
    info = pkijs.TSTInfo.fromBER(content.getValue());
  } catch (e) {
    throw malformed(firstLine(e));
  }
  return { token, signed, info, tokenDer };
}

/** The hash and nonce a response answers, unchecked: to find which of our requests it belongs to. */
export function answeredBy(der: Uint8Array): { sha256: string; nonce: string | null } {
  const { info } = parse(der);
  return {
    sha256: hex(info.messageImprint.hashedMessage.valueBlock.valueHexView),
    nonce: info.nonce ? intHex(info.nonce) : null,
  };
}

/**
 * Check a TimeStampResp (or a bare token) against the hash it must cover: granted, a SHA-256 imprint
 * equal to `expectedSha256`, our nonce when given, a CMS signature valid with the embedded signer
 * certificate, that certificate bound by ESSCertID(v2) and marked for time stamping, and with
 * `trusted` a chain to one of those certificates (at the stamp's time; no revocation data offline).
 */
export async function checkTimestampResponse(
  der: Uint8Array,
  expectedSha256: Uint8Array | string,
  opts: { trusted?: readonly Uint8Array[]; nonce?: string } = {},
): Promise<Stamp> {
  // PKI.js decodes some fields (a certificate's times) only when they are read: a damaged one throws
  // its own error deep in the checks, and that is a malformed token too
  try {
    return await checkParsed(der, expectedSha256, opts);
  } catch (e) {
    if (e instanceof AqiqatError) throw e;
    throw malformed(firstLine(e));
  }
}

async function checkParsed(
  der: Uint8Array,
  expectedSha256: Uint8Array | string,
  opts: { trusted?: readonly Uint8Array[]; nonce?: string },
): Promise<Stamp> {
  const { signed, info, tokenDer } = parse(der);
  const expected = typeof expectedSha256 === 'string' ? expectedSha256.toLowerCase() : hex(expectedSha256);
  const imprint = info.messageImprint;
  if (imprint.hashAlgorithm.algorithmId !== OID.sha256)
    throw malformed(`the token's hash is not SHA-256 (${imprint.hashAlgorithm.algorithmId})`);
  const got = hex(imprint.hashedMessage.valueBlock.valueHexView);
  if (got !== expected) throw new AqiqatError('timestamp.other-hash', { hash: got, expected });
  const nonce = info.nonce ? intHex(info.nonce) : null;
  if (opts.nonce !== undefined && nonce !== opts.nonce.replace(/^(00)+(?=.)/, ''))
    throw new AqiqatError('timestamp.wrong-nonce', {});

  const signer = await verifySignature(signed);
  const authority = nameOf(signer.subject);
  if (!marksTimeStamping(signer)) throw new AqiqatError('timestamp.not-a-tsa', { authority });
  let trusted = false;
  if (opts.trusted) {
    const anchors = opts.trusted.map((d, i) => certificate(d, `trusted certificate ${i + 1}`));
    const chain = new pkijs.CertificateChainValidationEngine({
      trustedCerts: anchors,
      certs: [...certificatesOf(signed).filter((c) => c !== signer), signer],
      checkDate: info.genTime,
    });
    const r = await chain.verify({ passedWhenNotRevValues: true }, engine).catch((e: unknown) => ({
      result: false,
      resultMessage: (e as { resultMessage?: string }).resultMessage ?? firstLine(e),
    }));
    if (!r.result) throw new AqiqatError('timestamp.not-trusted', { authority, detail: r.resultMessage });
    trusted = true;
  }
  return {
    time: info.genTime.toISOString(),
    authority,
    serial: intHex(info.serialNumber),
    policy: info.policy,
    certificateFingerprint: hex(await webcrypto.subtle.digest('SHA-256', signer.toSchema().toBER())),
    trusted,
    sha256: got,
    nonce,
    token: tokenDer,
  };
}

function certificatesOf(signed: pkijs.SignedData): pkijs.Certificate[] {
  return (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
}

/** A certificate from DER (or PEM text as bytes); one line when it is neither. */
export function certificate(der: Uint8Array, what: string): pkijs.Certificate {
  const text = Buffer.from(der).toString('latin1');
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(text);
  const bytes = pem ? Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64') : der;
  try {
    return pkijs.Certificate.fromBER(buf(bytes));
  } catch (e) {
    throw new AqiqatError('timestamp.bad-certificate', { what, detail: firstLine(e) });
  }
}

/** Every certificate of a PEM bundle (or one DER certificate). */
export function certificates(bytes: Uint8Array, what: string): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  const pems = [...text.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)];
  const ders = pems.length
    ? pems.map((m) => new Uint8Array(certificate(Buffer.from(m[0], 'latin1'), what).toSchema().toBER()))
    : [new Uint8Array(certificate(bytes, what).toSchema().toBER())];
  return ders;
}

/**
 * The CMS signature over the TSTInfo, done with PKI.js's pieces rather than SignedData.verify, which
 * wants the stamped data itself where only its hash is known here.
 */
async function verifySignature(signed: pkijs.SignedData): Promise<pkijs.Certificate> {
  const bad = (detail: string) => new AqiqatError('timestamp.bad-signature', { detail });
  if (signed.signerInfos.length !== 1) throw bad(`the token has ${signed.signerInfos.length} signers, not one`);
  const si = signed.signerInfos[0]!;
  if (!(si.sid instanceof pkijs.IssuerAndSerialNumber))
    throw bad('the signer is named by key identifier, which is not supported');
  const sid = si.sid;
  const signer = certificatesOf(signed).find(
    (c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber),
  );
  if (!signer) throw bad('the signer certificate is not in the token (request it with certReq)');
  const attrs = si.signedAttrs?.attributes;
  if (!attrs) throw bad('the signature has no signed attributes');
  const attr = (oid: string) => attrs.find((a) => a.type === oid)?.values[0];
  const contentType = attr(OID.contentType);
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID.tstInfo)
    throw bad('the signed content type is not a TSTInfo');
  const digestOid = si.digestAlgorithm.algorithmId;
  const digestAlg = engine.getAlgorithmByOID(digestOid, false, 'digestAlgorithm') as { name?: string };
  if (!digestAlg.name) throw bad(`unknown digest ${digestOid}`);
  const content = signed.encapContentInfo.eContent!.getValue();
  const messageDigest = attr(OID.messageDigest);
  if (
    !(messageDigest instanceof asn1js.OctetString) ||
    !equal(await engine.digest(digestAlg.name, content), messageDigest.valueBlock.valueHexView)
  )
    throw bad('the TSTInfo was changed after it was signed');
  const ok = await engine
    .verifyWithPublicKey(
      si.signedAttrs!.encodedValue,
      si.signature,
      signer.subjectPublicKeyInfo,
      si.signatureAlgorithm,
      digestAlg.name,
    )
    .catch(() => false);
  if (!ok) throw bad('the signature does not verify with the signer certificate');
  await checkEssBinding(attr(OID.signingCertificateV2), attr(OID.signingCertificate), signer, bad);
  return signer;
}

/** RFC 5035 / 2634: the signed attribute names the signer certificate by hash, so another one cannot be slipped in. */
async function checkEssBinding(
  v2: asn1js.AsnType | undefined,
  v1: asn1js.AsnType | undefined,
  signer: pkijs.Certificate,
  bad: (d: string) => AqiqatError,
): Promise<void> {
  const certDer = signer.toSchema().toBER();
  const first = (attr: asn1js.AsnType | undefined): asn1js.Sequence | null => {
    if (!(attr instanceof asn1js.Sequence)) return null;
    const certs = attr.valueBlock.value[0];
    const id = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
    return id instanceof asn1js.Sequence ? id : null;
  };
  if (v2 !== undefined) {
    const id = first(v2);
    if (!id) throw bad('its signing-certificate-v2 attribute is malformed');
    const [a, b] = id.valueBlock.value;
    // hashAlgorithm DEFAULT sha256 is left out when it is SHA-256
    const alg = a instanceof asn1js.Sequence ? new pkijs.AlgorithmIdentifier({ schema: a }).algorithmId : OID.sha256;
    const hash = a instanceof asn1js.Sequence ? b : a;
    const name = (engine.getAlgorithmByOID(alg, false, 'hashAlgorithm') as { name?: string }).name;
    if (!name || !(hash instanceof asn1js.OctetString)) throw bad('its signing-certificate-v2 attribute is malformed');
    if (!equal(await engine.digest(name, certDer), hash.valueBlock.valueHexView))
      throw bad('the signer certificate is not the one the signature names');
    return;
  }
  if (v1 !== undefined) {
    const hash = first(v1)?.valueBlock.value[0];
    if (!(hash instanceof asn1js.OctetString)) throw bad('its signing-certificate attribute is malformed');
    if (!equal(await engine.digest('SHA-1', certDer), hash.valueBlock.valueHexView))
      throw bad('the signer certificate is not the one the signature names');
    return;
  }
  throw bad('the signature does not name its certificate (no ESSCertID)');
}

/** RFC 3161 2.3: the authority's certificate is for time stamping only (critical extended key usage). */
function marksTimeStamping(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === OID.extKeyUsage);
  const usage = ext?.parsedValue as pkijs.ExtKeyUsage | undefined;
  return !!ext?.critical && !!usage && usage.keyPurposes.includes(OID.timeStamping);
}

function nameOf(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => `${NAME_OIDS[tv.type] ?? tv.type}=${String((tv.value.valueBlock as { value?: unknown }).value ?? '')}`)
    .join(', ');
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
}

/** A token as the TimeStampResp a .tsr holds: status granted, then the token's bytes unchanged. */
export function responseOfToken(tokenDer: Uint8Array): Uint8Array {
  const token = asn1js.fromBER(buf(tokenDer));
  if (token.offset === -1) throw malformed('the token is not DER');
  const resp = new asn1js.Sequence({
    value: [new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }).toSchema(), token.result],
  });
  return new Uint8Array(resp.toBER());
}

/**
 * Proof of time in an archive: the I/O beside the pure `timestamp.ts`. A request (for the audit log's
 * latest line, or a package's manifest) is kept in archive.json with its nonce until its answer is
 * attached; an attached stamp is kept there too (sealed with archive.json when the archive is
 * encrypted, and so in backups and snapshots), audited, and re-checked offline by `verify`.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../storage/atomic.js';
import type { ArchiveStore } from '../storage/store.js';
import { AqiqatError } from '../errors.js';
import type { PendingTimestamp, StoredStamp } from '../model.js';
import { lineHashes } from './audit.js';

/** PKI.js and asn1js, loaded by the timestamp commands only (see *What loads at start*). */
async function pki() {
  const [timestamp, stamp] = await Promise.all([import('./timestamp.js'), import('../package/stamp.js')]);
  return { ...timestamp, ...stamp };
}

export type TimestampTarget = { audit: true } | { package: string };

/** Oldest requests go first past this many: one without an answer after so many is not coming. */
const MAX_PENDING = 200;
/** A response or a certificate file is a few KB; anything far larger is not one. */
const MAX_RESPONSE_BYTES = 1024 * 1024;
const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;

export interface TimestampRequestResult {
  /** the hash the request asks to be stamped (hex) */
  sha256: string;
  target: 'audit' | 'package';
  seq?: number | undefined;
  file?: string | undefined;
  /** where the TimeStampReq was written */
  out: string;
}

/** A stamp as shown: without its token; `trusted` when it was checked against certificates given. */
export type StampView = Omit<StoredStamp, 'token' | 'trustedCertificates'> & { trusted: boolean };
const viewOf = ({ token: _t, trustedCertificates, ...s }: StoredStamp): StampView => ({
  ...s,
  trusted: trustedCertificates.length > 0,
});

export interface AttachResult {
  stamp: StampView;
  /** the package the stamp was added to, as timestamps/manifest.tsr */
  package: string | null;
  /** this very token was attached before: nothing new was stored */
  existing: boolean;
}

const stored = (store: ArchiveStore) => (store.meta.data.timestamps ??= { pending: [], stamps: [] });

async function readLimited(file: string, max: number, what: 'response' | 'package' | 'certificate'): Promise<Buffer> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (e) {
    throw (e as NodeJS.ErrnoException).code === 'ENOENT'
      ? new AqiqatError('file.no-such', { file })
      : new AqiqatError('file.unreadable', { file, reason: (e as Error).message });
  }
  if (size > max) {
    const detail = `${path.basename(file)} is ${Math.ceil(size / 1024 / 1024)} MB`;
    if (what === 'package') throw new AqiqatError('timestamp.not-a-package', { detail });
    if (what === 'certificate')
      throw new AqiqatError('timestamp.bad-certificate', { what: path.basename(file), detail });
    throw new AqiqatError('timestamp.malformed', { detail });
  }
  return readFile(file).catch((e: Error) => {
    throw new AqiqatError('file.unreadable', { file, reason: e.message });
  });
}

/** Write a TimeStampReq for the audit log's latest line or a package's manifest; remember its nonce. */
export async function requestTimestamp(
  store: ArchiveStore,
  target: TimestampTarget,
  out: string,
  now = new Date(),
): Promise<TimestampRequestResult> {
  const { makeTimestampRequest, stampOfPackage } = await pki();
  let subject: Pick<PendingTimestamp, 'sha256' | 'target' | 'seq' | 'file'>;
  if ('audit' in target) {
    const latest = await store.audit.latest();
    if (!latest) throw new AqiqatError('timestamp.empty-log', {});
    subject = { sha256: latest.sha256, target: 'audit', seq: latest.seq };
  } else {
    const zip = await readLimited(target.package, MAX_PACKAGE_BYTES, 'package');
    subject = { sha256: stampOfPackage(zip).manifestSha256, target: 'package', file: path.basename(target.package) };
  }
  // the file first, created new: a failure leaves the archive as it was
  const req = makeTimestampRequest(Buffer.from(subject.sha256, 'hex'));
  let h;
  try {
    h = await open(out, 'wx', 0o644);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'EEXIST'
      ? new AqiqatError('file.exists', { file: out }, 'usage')
      : new AqiqatError('file.cannot-write', { file: out, reason: (e as Error).message });
  }
  try {
    await h.writeFile(req.der);
    await h.sync();
  } finally {
    await h.close();
  }
  const ts = stored(store);
  ts.pending = [...ts.pending, { ...subject, nonce: req.nonce, requestedAt: now.toISOString() }].slice(-MAX_PENDING);
  try {
    await store.save(store.meta);
  } catch (e) {
    await rm(out, { force: true }).catch(() => undefined);
    throw e;
  }
  return { ...subject, out };
}

/**
 * Attach a response (a .tsr file, or its bytes; or a bare token): it must answer a request of this archive (its hash and
 * nonce), be validly signed, and with `ca` chain to those certificates. With `pkg`, the response must
 * be for that package's manifest, and is added to it as timestamps/manifest.tsr. Nothing is written
 * unless every check passes.
 */
export async function attachTimestamp(
  store: ArchiveStore,
  response: string | Uint8Array,
  opts: { package?: string | undefined; ca?: string | undefined },
  now = new Date(),
): Promise<AttachResult> {
  if (typeof response !== 'string' && response.length > MAX_RESPONSE_BYTES)
    throw new AqiqatError('timestamp.malformed', {
      detail: `${Math.ceil(response.length / 1024)} KB is not a response`,
    });
  const der =
    typeof response === 'string'
      ? new Uint8Array(await readLimited(response, MAX_RESPONSE_BYTES, 'response'))
      : response;
  const { addStampToPackage, answeredBy, certificates, checkTimestampResponse, stampOfPackage } = await pki();
  const trusted = opts.ca
    ? certificates(await readLimited(opts.ca, MAX_RESPONSE_BYTES, 'certificate'), path.basename(opts.ca))
    : undefined;
  const { sha256 } = answeredBy(der);
  const zip = opts.package ? await readLimited(opts.package, MAX_PACKAGE_BYTES, 'package') : null;
  if (zip) {
    const { manifestSha256 } = stampOfPackage(zip);
    if (manifestSha256 !== sha256)
      throw new AqiqatError('timestamp.other-hash', { hash: sha256, expected: manifestSha256 });
  }
  const ts = stored(store);
  const asked = ts.pending.filter((p) => p.sha256 === sha256);
  const known = ts.stamps.filter((s) => s.sha256 === sha256);
  if (asked.length === 0 && known.length === 0) throw new AqiqatError('timestamp.not-requested', { hash: sha256 });
  // the nonce the answer carries picks the request; a stamp attached before is checked against its own
  const { nonce } = answeredBy(der);
  const request = asked.find((p) => p.nonce === nonce) ?? asked[0];
  const check = await checkTimestampResponse(der, sha256, {
    ...(request ? { nonce: request.nonce } : {}),
    ...(trusted ? { trusted } : {}),
  });
  const token = Buffer.from(check.token).toString('base64');
  const again = known.find((s) => s.token === token);
  if (!request && !again) throw new AqiqatError('timestamp.not-requested', { hash: sha256 });
  const subject = request ?? again!;
  const stamp: StoredStamp = {
    sha256,
    target: subject.target,
    ...(subject.seq !== undefined ? { seq: subject.seq } : {}),
    ...(subject.file !== undefined ? { file: subject.file } : {}),
    token,
    authority: check.authority,
    time: check.time,
    serial: check.serial,
    policy: check.policy,
    certificateFingerprint: check.certificateFingerprint,
    trustedCertificates: (trusted ?? []).map((c) => Buffer.from(c).toString('base64')),
    attachedAt: again?.attachedAt ?? now.toISOString(),
  };
  if (zip && opts.package) await writeFileAtomic(opts.package, addStampToPackage(zip, check.token));
  if (!again) {
    ts.stamps = [...ts.stamps, stamp];
    ts.pending = ts.pending.filter((p) => p !== request);
    await store.save(store.meta);
    await store.audit.record({
      action: 'timestamp-attached',
      sha256,
      summary: `${stamp.target === 'audit' ? `audit line ${stamp.seq}` : `package ${stamp.file ?? ''}`}: ${stamp.time} by ${stamp.authority}${trusted ? ' (trusted)' : ''}`,
    });
  }
  return { stamp: viewOf(again ?? stamp), package: opts.package ?? null, existing: !!again };
}

export interface TimestampList {
  stamps: StampView[];
  pending: PendingTimestamp[];
}

export function listTimestamps(store: ArchiveStore): TimestampList {
  const ts = store.meta.data.timestamps ?? { pending: [], stamps: [] };
  return {
    stamps: ts.stamps.map(({ token: _t, trustedCertificates, ...s }) => ({
      ...s,
      trusted: trustedCertificates.length > 0,
    })),
    pending: ts.pending,
  };
}

/**
 * For `verify`: every stored stamp checked again offline (signature, hash, the certificates it was
 * trusted with), and every audit stamp's line still in the log. A stamped line that is gone means the
 * log was cut or rewritten after the stamp: a problem, unless the log was re-sealed by `encrypt` or a
 * rekey after it (its lines were re-encoded; said as a note).
 */
export async function checkTimestamps(
  store: ArchiveStore,
  raw: string,
  entries: readonly { seq: number; action: string; summary?: string | undefined }[],
): Promise<{ problems: { file: string; detail: string }[]; notes: string[]; checked: number }> {
  const problems: { file: string; detail: string }[] = [];
  const notes: string[] = [];
  const stamps = store.meta.data.timestamps?.stamps ?? [];
  const lines = new Set(lineHashes(raw));
  for (const s of stamps) {
    const what =
      s.target === 'audit'
        ? `the timestamp of audit line ${s.seq ?? '?'}`
        : `the timestamp of package ${s.file ?? s.sha256}`;
    try {
      await (
        await pki()
      ).checkTimestampResponse(Buffer.from(s.token, 'base64'), s.sha256, {
        ...(s.trustedCertificates.length
          ? { trusted: s.trustedCertificates.map((c) => Buffer.from(c, 'base64')) }
          : {}),
      });
    } catch (e) {
      problems.push({ file: 'archive.json', detail: `${what} (${s.time}): ${(e as Error).message}` });
      continue;
    }
    if (s.target !== 'audit' || lines.has(s.sha256)) continue;
    const resealed = store.codec.encrypted
      ? entries.find(
          (e) =>
            e.seq > (s.seq ?? 0) &&
            (e.action === 'archive-encrypted' || (e.action === 'passphrase-changed' && e.summary === 'new data key')),
        )
      : undefined;
    if (resealed)
      notes.push(
        `${what} (${s.time}, ${s.authority}) covers the log as it was before it was re-sealed at seq ${resealed.seq}; it can no longer be matched to a line`,
      );
    else
      problems.push({
        file: 'audit.log',
        detail: `${what}, stamped ${s.time} by ${s.authority}, is no longer in the log: the log was cut or rewritten after it was stamped`,
      });
  }
  return { problems, notes, checked: stamps.length };
}

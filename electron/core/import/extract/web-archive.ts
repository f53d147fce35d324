/**
 * Web archives: .warc, .warc.gz (one record per gzip member, as capture tools write them) and .wacz (a ZIP
 * holding WARCs under archive/, pages/pages.jsonl and datapackage.json). `capturedPage` is pure (no I/O):
 * it finds one captured page, its HTML response, every resource captured with it by URL (what an offline
 * rendering needs), the WARC headers of the page's record, the capturing software, and for a WACZ whether
 * datapackage.json's hashes hold and who signed datapackage-digest.json. `extractWebArchive` reads the
 * page's HTML as the HTML path does. Every size is checked before it is unpacked: the ZIP by
 * package/zip-read.ts, a gzip stream with a ceiling on its output, each record by its declared length.
 */
import { createHash, createPublicKey, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import { AqiqatError } from '../../errors.js';
import { readPackageZip, type ZipLimits } from '../../package/zip-read.js';
import { extensionOf } from '../../../shared/formats.js';
import { fingerprintOf } from '../../../shared/fingerprint.js';
import type { CaptureMachine } from '../../model.js';
import { decodeHtml, sniffCharset } from './html-decode.js';
import { extractHtmlString } from './html.js';
import type { Extracted, ExtractOptions } from './types.js';

/** A capture is a page with its images and styles: larger than an article, still bounded. */
export const WEB_ARCHIVE_LIMITS = {
  zip: {
    packageBytes: 1024 * 1024 * 1024,
    entryBytes: 256 * 1024 * 1024,
    totalBytes: 256 * 1024 * 1024,
    entries: 10_000,
  } satisfies ZipLimits,
  /** all WARC bytes once unpacked from gzip */
  warcBytes: 256 * 1024 * 1024,
  /** one record, as declared and as read */
  recordBytes: 64 * 1024 * 1024,
  /** redirects followed inside the capture from a page's address to its HTML */
  redirects: 5,
};

export interface CapturedResource {
  /** WARC-Target-URI */
  url: string;
  /** the HTTP Content-Type (a resource record's own Content-Type) */
  contentType: string;
  /** the body, its content encoding (gzip, br) undone */
  bytes: Uint8Array;
  /** HTTP status; 200 for a resource record */
  status: number;
  /** WARC-Date */
  date: string;
  /** a redirect's target, resolved against `url` */
  location?: string | undefined;
}

export interface WaczCheck {
  /** hold: every sha256 in datapackage.json matches its file; broken: one does not; absent: nothing to check */
  hashes: 'hold' | 'broken' | 'absent';
  /** the first file whose hash does not hold, or why the list could not be read */
  broken?: string | undefined;
  /** datapackage-digest.json's signer: the domain of a certificate signature, else the public key's fingerprint */
  signer?: string | undefined;
  /** the signature checked against its key or certificate (whether to trust that key is not judged) */
  signature?: 'valid' | 'invalid' | undefined;
  signedAt?: string | undefined;
}

export interface CapturedPage {
  url: string;
  /** the WARC-Date of the page's record */
  date: string;
  contentType: string;
  html: Uint8Array;
  /** every response and resource in the capture, the page's own included, in the archive's order */
  resources: CapturedResource[];
  /** the warcinfo's `software` (or datapackage.json's) */
  software?: string | undefined;
  /** how many pages the capture lists (WACZ: pages.jsonl; WARC: its HTML responses) */
  pages: number;
  /** a WACZ's pages.jsonl, its URLs in order (absent: it lists none) */
  listed?: string[] | undefined;
  wacz?: WaczCheck | undefined;
}

/** One page of a web archive: `page` (its URL) or the first the capture lists. */
export async function capturedPage(
  bytes: Uint8Array,
  name: string,
  options: { page?: string | undefined } = {},
): Promise<CapturedPage> {
  const wacz = extensionOf(name) === 'wacz';
  const {
    warcs,
    listed,
    software: packageSoftware,
    check,
  }: WaczParts = wacz ? readWacz(bytes, name) : { warcs: [bytes] };
  const resources: CapturedResource[] = [];
  let software: string | undefined;
  let unpacked = 0;
  for (const warc of warcs) {
    const plain = gunzipped(warc, name, WEB_ARCHIVE_LIMITS.warcBytes - unpacked);
    unpacked += plain.length;
    software ??= await readRecords(plain, name, resources);
  }
  const pages = listed ?? resources.filter(isPage).map((r) => r.url);
  const wanted = options.page ?? pages[0] ?? resources.find(isHtml)?.url;
  if (wanted === undefined) throw new AqiqatError('import.warc-no-page', { name });
  const page = findPage(resources, wanted);
  if (!page) {
    if (options.page !== undefined) throw new AqiqatError('import.warc-page-not-found', { name, url: options.page });
    throw new AqiqatError('import.warc-no-page', { name });
  }
  return {
    url: page.url,
    date: page.date,
    contentType: page.contentType,
    html: page.bytes,
    resources,
    software: software ?? packageSoftware,
    pages: Math.max(1, pages.length),
    ...(listed ? { listed } : {}),
    ...(check ? { wacz: check } : {}),
  };
}

/** The extractor: the page's text by the HTML path, and what the capture recorded about itself. */
export async function extractWebArchive(
  bytes: Uint8Array,
  name: string,
  options: ExtractOptions = {},
): Promise<Extracted> {
  const page = await capturedPage(bytes, name, { page: options.page });
  const result = extractHtmlString(pageHtml(page, name));
  if (!result.meta.url && /^https?:\/\//i.test(page.url)) result.meta.url = new URL(page.url).toString();
  return { ...result, capture: machineFields(page), ...(page.listed ? { pageUrls: page.listed } : {}) };
}

/** The capture's own record, as the article's `capture.machine` keeps it. */
export function machineFields(page: CapturedPage): CaptureMachine {
  const w = page.wacz;
  const date = new Date(page.date);
  return {
    ...(Number.isNaN(date.getTime()) ? {} : { warcDate: date.toISOString() }),
    warcTargetUri: page.url.slice(0, 4000),
    ...(page.software ? { warcSoftware: page.software.slice(0, 300) } : {}),
    warcPages: page.pages,
    ...(w ? { waczHashes: w.hashes } : {}),
    ...(w?.broken ? { waczHashBroken: w.broken.slice(0, 300) } : {}),
    ...(w?.signer ? { waczSigner: w.signer.slice(0, 300) } : {}),
    ...(w?.signature ? { waczSignature: w.signature } : {}),
    ...(w?.signedAt && !Number.isNaN(Date.parse(w.signedAt))
      ? { waczSignedAt: new Date(w.signedAt).toISOString() }
      : {}),
  };
}

/** The page's bytes as text: its own declaration first (as for a saved page), else the HTTP header's charset. */
function pageHtml(page: CapturedPage, name: string): string {
  const header = /charset\s*=\s*"?([^";\s]+)/i.exec(page.contentType)?.[1]?.toLowerCase();
  if (sniffCharset(page.html) || !header) return decodeHtml(page.html, name);
  try {
    return new TextDecoder(header, { fatal: true }).decode(page.html);
  } catch (e) {
    if (e instanceof RangeError) throw new AqiqatError('import.unknown-charset', { name, charset: header });
    throw new AqiqatError('import.bad-charset', { name, charset: header });
  }
}

const isHtml = (r: CapturedResource) => /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(r.contentType);
const isPage = (r: CapturedResource) => isHtml(r) && r.status >= 200 && r.status < 300;

/** The page's HTML by its address, through the redirects captured with it. */
function findPage(resources: readonly CapturedResource[], url: string): CapturedResource | undefined {
  const same = (a: string, b: string) => a === b || normalUrl(a) === normalUrl(b);
  let want = url;
  for (let hop = 0; hop <= WEB_ARCHIVE_LIMITS.redirects; hop++) {
    const found = resources.filter((r) => same(r.url, want));
    const page = found.find(isPage);
    if (page) return page;
    const redirect = found.find((r) => r.status >= 300 && r.status < 400 && r.location);
    if (!redirect) return found.find(isHtml);
    want = redirect.location!;
  }
  return undefined;
}

function normalUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

// ——— WARC ———

const GZIP = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;

/** A gzip stream (every member) unpacked with a ceiling; plain bytes as they are. */
function gunzipped(bytes: Uint8Array, name: string, room: number): Uint8Array {
  if (!GZIP(bytes)) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: Math.max(1, room) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new AqiqatError('import.warc-too-big', { name, mb: WEB_ARCHIVE_LIMITS.warcBytes / 1024 / 1024 });
    throw new AqiqatError('import.warc-bad-gzip', { name, reason: (e as Error).message.split('\n')[0]! });
  }
}

/** Every response and resource record into `out`; returns the warcinfo's software. */
async function readRecords(warc: Uint8Array, name: string, out: CapturedResource[]): Promise<string | undefined> {
  if (!startsWithWarc(warc)) throw new AqiqatError('import.warc-not-warc', { name });
  let software: string | undefined;
  const parser = new WARCParser([warc]);
  for await (const record of parser) {
    if (!/^WARC\/1\.[01]$/.test(record.warcHeaders.statusline.trim()))
      throw new AqiqatError('import.warc-not-warc', { name });
    const type = record.warcType;
    if (record.warcContentLength > WEB_ARCHIVE_LIMITS.recordBytes) throw tooBig(name, record);
    if (type === 'warcinfo') software ??= infoSoftware(await readBody(record, name));
    else if (type === 'response' || type === 'resource') out.push(await resourceOf(record, name));
  }
  return software;
}

/** The first bytes must be a WARC version line: anything else is refused before warcio reads on. */
const startsWithWarc = (b: Uint8Array) => new TextDecoder('latin1').decode(b.subarray(0, 8)).startsWith('WARC/1.');

async function resourceOf(record: WARCRecord, name: string): Promise<CapturedResource> {
  const url = record.warcTargetURI ?? '';
  const http = record.httpHeaders;
  const bytes = await readBody(record, name);
  if (record.warcType === 'resource' || !http)
    return { url, contentType: record.warcContentType ?? '', bytes, status: 200, date: record.warcDate ?? '' };
  const status = Number(http.statusCode) || 0;
  const location = http.headers.get('location') ?? undefined;
  return {
    url,
    contentType: http.headers.get('content-type') ?? '',
    bytes,
    status,
    date: record.warcDate ?? '',
    ...(location ? { location: resolve(location, url) } : {}),
  };
}

const resolve = (location: string, base: string) => {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
};

/** The record's content (HTTP body decoded), stopped as soon as it passes the record limit. */
async function readBody(record: WARCRecord, name: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of record) {
    size += chunk.length;
    if (size > WEB_ARCHIVE_LIMITS.recordBytes) throw tooBig(name, record);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const tooBig = (name: string, record: WARCRecord) =>
  new AqiqatError('import.warc-record-too-big', {
    name,
    uri: (record.warcTargetURI ?? record.warcType ?? '').slice(0, 200),
    mb: WEB_ARCHIVE_LIMITS.recordBytes / 1024 / 1024,
  });

/** warcinfo's fields are `name: value` lines (WARC 1.1, annex C). */
function infoSoftware(body: Uint8Array): string | undefined {
  const text = new TextDecoder().decode(body);
  return /^software:\s*(.+?)\s*$/im.exec(text)?.[1] || undefined;
}

// ——— WACZ ———

interface WaczParts {
  warcs: Uint8Array[];
  listed?: string[] | undefined;
  software?: string | undefined;
  check?: WaczCheck | undefined;
}

function readWacz(bytes: Uint8Array, name: string): WaczParts {
  let files: Map<string, Uint8Array>;
  try {
    files = readPackageZip(bytes, name, WEB_ARCHIVE_LIMITS.zip);
  } catch (e) {
    throw asImportError(e, name);
  }
  const warcs = [...files.keys()]
    .filter((p) => /^archive\/.+\.warc(\.gz)?$/i.test(p))
    .sort()
    .map((p) => files.get(p)!);
  if (warcs.length === 0) throw new AqiqatError('import.wacz-not-wacz', { name });
  const pkg = json(files.get('datapackage.json'));
  return {
    warcs,
    listed: listedPages(files.get('pages/pages.jsonl')),
    software: typeof pkg?.software === 'string' ? pkg.software : undefined,
    check: checkPackage(files, pkg),
  };
}

/** The ZIP reader speaks of evidence packages: its refusals, said of this file. */
function asImportError(e: unknown, name: string): unknown {
  if (!(e instanceof AqiqatError)) return e;
  const p = e.params as Record<string, unknown>;
  switch (e.code) {
    case 'package.not-zip':
      return new AqiqatError('import.wacz-not-wacz', { name });
    case 'package.entry-too-big':
    case 'package.too-big':
      return new AqiqatError('import.zip-bomb', { name, mb: Math.round(Number(p.max) / 1024 / 1024) });
    case 'package.unsafe-path':
      return new AqiqatError('import.wacz-unsafe-path', { name, path: String(p.file) });
    case 'package.too-many-entries':
      return new AqiqatError('import.zip-too-many-files', { name, n: Number(p.n), max: Number(p.max) });
    case 'package.zip-damaged':
      return new AqiqatError('import.wacz-damaged', { name, reason: String(p.reason) });
    case 'package.file-twice':
      return new AqiqatError('import.wacz-damaged', { name, reason: `${String(p.file)} is in it twice` });
    default:
      return e;
  }
}

function json(bytes: Uint8Array | undefined): Record<string, unknown> | null {
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** pages.jsonl: a header line, then one JSON object per page with its `url`. */
function listedPages(bytes: Uint8Array | undefined): string[] | undefined {
  if (!bytes) return undefined;
  const urls: string[] = [];
  for (const line of new TextDecoder().decode(bytes).split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as { url?: unknown };
      if (typeof entry.url === 'string' && entry.url) urls.push(entry.url);
    } catch {
      // a damaged line names no page
    }
  }
  // a page listed twice is one page
  return urls.length > 0 ? [...new Set(urls)] : undefined;
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** Frictionless Data Package hashes (`sha256:<hex>`), then the digest file and its signature (WACZ auth 0.1.0). */
function checkPackage(files: Map<string, Uint8Array>, pkg: Record<string, unknown> | null): WaczCheck {
  const raw = files.get('datapackage.json');
  if (!raw) return { hashes: 'absent' };
  if (!pkg || !Array.isArray(pkg.resources)) return { hashes: 'broken', broken: 'datapackage.json' };
  let checked = 0;
  let broken: string | undefined;
  for (const r of pkg.resources as Array<{ path?: unknown; hash?: unknown }>) {
    if (typeof r?.path !== 'string' || typeof r.hash !== 'string' || !r.hash.startsWith('sha256:')) continue;
    checked++;
    const file = files.get(r.path);
    if (!file || `sha256:${sha256(file)}` !== r.hash.toLowerCase()) {
      broken ??= r.path;
    }
  }
  const check: WaczCheck = broken ? { hashes: 'broken', broken } : { hashes: checked > 0 ? 'hold' : 'absent' };
  const digest = json(files.get('datapackage-digest.json'));
  if (!digest) return check;
  const packageHash = `sha256:${sha256(raw)}`;
  if (typeof digest.hash === 'string' && digest.hash !== packageHash)
    return { ...check, hashes: 'broken', broken: check.broken ?? 'datapackage-digest.json' };
  const signed = digest.signedData as Record<string, unknown> | undefined;
  if (!signed || typeof signed !== 'object' || typeof signed.signature !== 'string') return check;
  const key = signerKey(signed);
  const created = typeof signed.created === 'string' ? signed.created : undefined;
  const valid =
    key !== null &&
    signed.hash === packageHash &&
    signatureHolds(key.key, String(signed.hash), Buffer.from(signed.signature, 'base64'));
  return {
    ...check,
    ...(key ? { signer: key.signer } : {}),
    signature: valid ? 'valid' : 'invalid',
    ...(created ? { signedAt: created } : {}),
  };
}

/** The anonymous signer's public key (ArchiveWeb.page), or the domain certificate's (authsign). */
function signerKey(signed: Record<string, unknown>): { key: KeyObject; signer: string } | null {
  try {
    if (typeof signed.domain === 'string' && typeof signed.domainCert === 'string') {
      const cert = new X509Certificate(signed.domainCert);
      return { key: cert.publicKey, signer: signed.domain };
    }
    if (typeof signed.publicKey === 'string') {
      const der = Buffer.from(signed.publicKey, 'base64');
      const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
      return { key, signer: `key ${fingerprintOf(createHash('sha256').update(der).digest())}` };
    }
  } catch {
    return null;
  }
  return null;
}

/** ECDSA over SHA-256 of the hash text; WebCrypto writes r‖s, other tools DER: either is accepted. */
function signatureHolds(key: KeyObject, message: string, signature: Buffer): boolean {
  for (const dsaEncoding of ['ieee-p1363', 'der'] as const) {
    try {
      if (verify('sha256', Buffer.from(message), { key, dsaEncoding }, signature)) return true;
    } catch {
      // the other encoding, or not a signature at all
    }
  }
  return false;
}

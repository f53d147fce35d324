/**
 * Web archives made for the tests and the bench: real WARC records written by warcio's WARCRecord and
 * WARCSerializer (the library Webrecorder's tools use), and WACZ packages laid out as the WACZ 1.1.1
 * spec says (archive/, pages/pages.jsonl, datapackage.json with each file's SHA-256, optionally a
 * datapackage-digest.json signed as ArchiveWeb.page signs: ECDSA P-384 over the hash text, r‖s).
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { zipSync } from 'fflate';
import { WARCRecord, WARCSerializer } from 'warcio';

export interface CapturedFile {
  url: string;
  /** default text/html; charset=utf-8 */
  contentType?: string;
  body: string | Uint8Array;
  status?: number;
  /** extra HTTP headers (Location for a redirect) */
  headers?: Record<string, string>;
  /** WARC-Date, ISO 8601 */
  date?: string;
}

export interface WarcOptions {
  /** the warcinfo's software (none: no warcinfo record) */
  software?: string | null;
  gzip?: boolean;
}

const enc = (s: string) => new TextEncoder().encode(s);
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** A WARC file: a warcinfo, then a request and a response record for each captured file. */
export async function makeWarc(files: readonly CapturedFile[], options: WarcOptions = {}): Promise<Uint8Array> {
  const gzip = options.gzip ?? false;
  const parts: Uint8Array[] = [];
  const software = options.software === undefined ? 'Aqiqat test builder 1.0' : options.software;
  if (software !== null) {
    const info = WARCRecord.createWARCInfo(
      { filename: 'capture.warc', warcVersion: 'WARC/1.1' },
      { software, format: 'WARC File Format 1.1' },
    );
    parts.push(await WARCSerializer.serialize(info, { gzip }));
  }
  for (const f of files) {
    const date = f.date ?? '2026-03-14T09:26:53Z';
    const status = f.status ?? 200;
    const request = WARCRecord.create(
      {
        url: f.url,
        date,
        type: 'request',
        warcVersion: 'WARC/1.1',
        statusline: `GET ${new URL(f.url).pathname} HTTP/1.1`,
        httpHeaders: { Host: new URL(f.url).host },
      },
      [],
    );
    parts.push(await WARCSerializer.serialize(request, { gzip }));
    const body = typeof f.body === 'string' ? enc(f.body) : f.body;
    const response = WARCRecord.create(
      {
        url: f.url,
        date,
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Status'}`,
        httpHeaders: {
          'Content-Type': f.contentType ?? 'text/html; charset=utf-8',
          'Content-Length': String(body.length),
          ...f.headers,
        },
      },
      [body],
    );
    parts.push(await WARCSerializer.serialize(response, { gzip }));
  }
  return Buffer.concat(parts);
}

export interface WaczOptions extends WarcOptions {
  /** pages.jsonl's URLs (default: every text/html file with status 200, in order) */
  pages?: readonly string[];
  /** sign datapackage-digest.json (anonymously, as ArchiveWeb.page does) */
  sign?: boolean;
  /** change the WARC after its hash was written (a tampered capture) */
  tamper?: boolean;
  /** extra or replacing ZIP entries, written as given */
  entries?: Record<string, Uint8Array>;
}

/** A WACZ package around one gzipped WARC of `files`. */
export async function makeWacz(files: readonly CapturedFile[], options: WaczOptions = {}): Promise<Uint8Array> {
  const warc = await makeWarc(files, { ...options, gzip: options.gzip ?? true });
  const warcPath = `archive/data.warc${options.gzip === false ? '' : '.gz'}`;
  const pages =
    options.pages ??
    files.filter((f) => (f.status ?? 200) === 200 && /html/.test(f.contentType ?? 'text/html')).map((f) => f.url);
  const pagesJsonl = enc(
    [
      JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages' }),
      ...pages.map((url, i) => JSON.stringify({ id: `p${i}`, url, ts: files[0]?.date ?? '2026-03-14T09:26:53Z' })),
    ].join('\n') + '\n',
  );
  const contents: Record<string, Uint8Array> = { [warcPath]: warc, 'pages/pages.jsonl': pagesJsonl };
  const datapackage = enc(
    JSON.stringify(
      {
        profile: 'data-package',
        wacz_version: '1.1.1',
        title: 'test capture',
        software: 'Aqiqat test builder 1.0',
        created: '2026-03-14T09:30:00Z',
        resources: Object.entries(contents).map(([path, bytes]) => ({
          name: path.split('/').pop(),
          path,
          hash: `sha256:${sha256(bytes)}`,
          bytes: bytes.length,
        })),
      },
      null,
      2,
    ),
  );
  const entries: Record<string, Uint8Array> = { ...contents, 'datapackage.json': datapackage };
  if (options.sign) entries['datapackage-digest.json'] = signedDigest(datapackage);
  if (options.tamper) {
    const [first, ...rest] = files;
    const changed = { ...first!, body: `${String(first!.body)}<p>added later</p>` };
    entries[warcPath] = await makeWarc([changed, ...rest], { ...options, gzip: options.gzip ?? true });
  }
  Object.assign(entries, options.entries);
  return zipSync(entries, { level: 6 });
}

/** datapackage-digest.json with an anonymous signature (WACZ Signing and Verification 0.1.0). */
function signedDigest(datapackage: Uint8Array): Uint8Array {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const hash = `sha256:${sha256(datapackage)}`;
  const signature = sign('sha256', Buffer.from(hash), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return enc(
    JSON.stringify({
      path: 'datapackage.json',
      hash,
      signedData: {
        hash,
        signature: signature.toString('base64'),
        publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
        created: '2026-03-14T09:30:01Z',
        software: 'Aqiqat test builder 1.0',
      },
    }),
  );
}

/** A news page long enough for Readability, in Kazakh and Russian as the archive's pages are. */
export function articlePage(title: string, paragraphs = 6): string {
  const p = Array.from(
    { length: paragraphs },
    (_, i) =>
      `<p>Абзац ${i + 1}. Сот отырысы Өскеменде өтті; адвокат шағым түсірді, бірақ сот оны қанағаттандырмады. Судебное заседание прошло в Усть-Каменогорске, жалоба отклонена.</p>`,
  ).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><nav>Menu</nav><article><h1>${title}</h1>${p}</article></body></html>`;
}

/**
 * Making an evidence package: the dossier PDF (the dossier's one builder and printer), every cited
 * source byte for byte, the extracted texts the anchors index, the manifest signed with the archive's
 * key, its public key, SHA256SUMS and verify.html, in one ZIP. A redacted package leaves out every
 * original (a PDF or a web page cannot be read reliably for a name) and each text that shows a redacted
 * name, says so in the manifest, and is refused if the manifest or a text it keeps still shows one.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { zipSync, type Zippable } from 'fflate';
import { AqiqatError } from '../errors.js';
import { findArticle, readArticleText } from '../import/articles.js';
import { loadFacts, personNames, selectionOf } from '../dossier/data.js';
import { makeDossier, printDossier, DOSSIER_DEFAULTS, type DossierAsk } from '../dossier/dossier.js';
import { findName, nameStems } from '../dossier/leaks.js';
import { LABELS } from '../dossier/labels.js';
import type { Printer } from '../dossier/pdf.js';
import { makeRedactor } from '../dossier/redact.js';
import { headOf } from '../protection/audit.js';
import { signingIdentity } from '../protection/audit-sign.js';
import { keyFingerprint, publicKeyPem, signWith } from '../protection/identity.js';
import { sourceFile } from '../storage/layout.js';
import type { ArchiveStore } from '../storage/store.js';
import type { Article, Fact } from '../model.js';
import { timelineOrder } from '../../shared/timeline.js';
import {
  DOSSIER_PDF,
  MANIFEST,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  PUBLIC_KEY,
  SIGNATURE,
  SUMS,
  sumsText,
  VERIFY_PAGE,
  type Manifest,
} from './format.js';
import { verifyPageHtml } from './verify-html.js';

export type PackageAsk = DossierAsk;

export interface BuiltPackage {
  zip: Uint8Array;
  caseId: string | null;
  title: string;
  facts: number;
  articles: number;
  /** sources and texts left out because they would show a redacted name */
  leftOut: number;
  fingerprint: string;
  /** SHA-256 of manifest.json: what a timestamp covers */
  manifestSha256: string;
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** An original's file name as an ASCII-safe path segment (the name as imported stays in the manifest). */
export function safeFileName(name: string | null, ext: string): string {
  const base = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+/, '')
    .slice(0, 100);
  return /[A-Za-z0-9]/.test(base) ? base : `source.${ext}`;
}

export async function buildPackage(
  store: ArchiveStore,
  ask: PackageAsk,
  printer: Printer,
  now = new Date(),
): Promise<BuiltPackage> {
  const identity = await signingIdentity(store, now);
  const lang = ask.lang ?? DOSSIER_DEFAULTS.lang;
  const dossier = await makeDossier(store, { ...ask, generatedAt: now });
  const pdf = await printDossier(dossier, printer, dossier.paper);
  const selection = await selectionOf(store, ask, LABELS[lang].factsDossier);
  const facts: Fact[] = timelineOrder(
    await loadFacts(store, selection.factIds, selection.skipMissing ?? false),
    (f) => f.date,
  );

  const names = (ask.redact ?? []).flatMap((p) => personNames(store, p));
  const redacted = names.length > 0;
  const hideDetails = ask.redactSources ?? false;
  const redactor = makeRedactor(names);
  const r = (s: string) => redactor.apply(s);
  const rn = (s: string | null) => (s === null || hideDetails ? null : r(s));
  const stems = nameStems(names);

  const files: Zippable = {};
  const listed: Manifest['files'] = [];
  const add = (path: string, bytes: Uint8Array, role: Manifest['files'][number]['role'], article?: string) => {
    files[path] = bytes;
    listed.push({ path, size: bytes.length, sha256: sha256(bytes), role, ...(article ? { article } : {}) });
  };
  add(DOSSIER_PDF, pdf, 'dossier');

  const articles: Manifest['articles'] = [];
  const leftOut: Manifest['redaction']['leftOut'] = [];
  const keptTexts: string[] = [];
  const seen = new Set<string>();
  for (const f of facts) {
    if (seen.has(f.articleId)) continue;
    seen.add(f.articleId);
    const a = await findArticle(store, f.articleId);
    const { source, text } = await contentOf(store, a);
    const sourcePath = redacted ? null : `sources/${a.id}/${safeFileName(a.sourceName, a.sourceExt)}`;
    if (sourcePath) add(sourcePath, source, 'source', a.id);
    else leftOut.push({ article: a.id, what: 'source' });
    const textPath = redacted && findName([text], stems) !== null ? null : `texts/${a.id}.txt`;
    if (textPath) {
      add(textPath, Buffer.from(text, 'utf8'), 'text', a.id);
      keptTexts.push(text);
    } else leftOut.push({ article: a.id, what: 'text' });
    articles.push({
      id: a.id,
      title: r(a.title),
      url: rn(a.url),
      publisher: rn(a.publisher),
      publishedAt: hideDetails ? null : a.publishedAt,
      sourceSha256: hideDetails ? null : a.sha256,
      textSha256: hideDetails ? null : a.textSha256,
      sourceName: a.sourceName === null || hideDetails ? null : r(a.sourceName),
      source: sourcePath,
      text: textPath,
    });
  }
  const pem = publicKeyPem(identity);
  add(PUBLIC_KEY, Buffer.from(pem), 'public-key');
  add(VERIFY_PAGE, Buffer.from(await verifyPageHtml()), 'verify-page');

  const rawLog = await readFile(store.audit.file, 'utf8').catch(() => '');
  const kase =
    selection.caseId === null
      ? null
      : {
          id: selection.caseId,
          title: r(ask.title?.trim() || selection.title),
          summary: r(ask.summary ?? selection.summary),
        };
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    created: now.toISOString(),
    lang,
    case: kase,
    signer: {
      name: identity.name,
      fingerprint: keyFingerprint(Buffer.from(identity.sign.publicKey, 'base64')),
      algorithm: 'Ed25519',
    },
    files: listed,
    articles,
    facts: facts.map((f) => {
      const quote = r(f.anchor.exact);
      return {
        id: f.id,
        article: f.articleId,
        quote,
        start: f.anchor.start,
        end: f.anchor.end,
        type: f.type,
        redacted: quote !== f.anchor.exact,
      };
    }),
    redaction: { redacted, sourcesDetailsLeftOut: hideDetails, leftOut },
    audit: headOf(rawLog),
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  if (redacted) {
    const word = findName([manifestText, ...keptTexts], stems);
    if (word !== null) throw new AqiqatError('dossier.redaction-leak', { word });
  }
  const manifestBytes = Buffer.from(manifestText, 'utf8');
  files[MANIFEST] = manifestBytes;
  files[SIGNATURE] = Buffer.from(`${signWith(identity, manifestBytes).toString('base64')}\n`);
  const sums = Object.entries(files).map(([path, bytes]) => ({ path, sha256: sha256(bytes as Uint8Array) }));
  files[SUMS] = Buffer.from(sumsText(sums));
  const zip = zipSync(files, { level: 6, mtime: now });
  return {
    zip,
    caseId: selection.caseId,
    title: dossier.title,
    facts: facts.length,
    articles: articles.length,
    leftOut: leftOut.length,
    fingerprint: manifest.signer.fingerprint,
    manifestSha256: sha256(manifestBytes),
  };
}

/** The source and the text as the archive holds them, refused unless they are what the article records. */
async function contentOf(store: ArchiveStore, a: Article): Promise<{ source: Buffer; text: string }> {
  const source = await store.readContent(sourceFile(store.layout, a.sha256, a.sourceExt)).catch(() => null);
  const text = await readArticleText(store, a).catch(() => null);
  if (!source || sha256(source) !== a.sha256 || text === null || sha256(Buffer.from(text, 'utf8')) !== a.textSha256)
    throw new AqiqatError('package.source-unreadable', { article: a.id }, 'archive');
  return { source, text };
}

/**
 * Receiving a bundle: decrypt (age), check the ZIP (the guarded reader, the bundle's own limits and
 * names), the signature and every file's hash, then merge (merge.ts) and commit all or nothing.
 *
 * All or nothing across archive.json and many shards: the new content of every changed file and the
 * audit lines go first into one journal, `receive.journal` (atomic, sealed like every file of an
 * encrypted archive); then each file is written, the audit lines appended, the journal removed.
 * Opening an archive with a journal left by a kill replays it (finishReceive), so the archive is either
 * as before (no journal yet) or fully merged. Sources and texts are written before the journal:
 * content-addressed and immutable, they are harmless if nothing ends up naming them.
 */
import { createHash, verify as verifySignature } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AqiqatError } from '../errors.js';
import { readPackageZip } from '../package/zip-read.js';
import { AuditEntrySchema, type AuditInput } from '../protection/audit.js';
import { keyFingerprint, publicKeyOf, readIdentity } from '../protection/identity.js';
import { writeFileAtomic } from '../storage/atomic.js';
import { namedByItsBytes, randomId } from '../storage/ids.js';
import { shardOf, sourceFile, textFile, textShas } from '../storage/layout.js';
import { ArchiveFileSchema, ArticleShardSchema, FactShardSchema, type Article, type Fact } from '../model.js';
import type { ArchiveStore } from '../storage/store.js';
import {
  BUNDLE_ENTRY,
  BUNDLE_FILE,
  BUNDLE_LIMITS,
  BUNDLE_VERSION,
  BundleHeadSchema,
  BundleSchema,
  SIGNATURE_FILE,
  SignatureSchema,
  type Bundle,
} from './format.js';
import { mergeBundle, type Change } from './merge.js';
import { teamOf } from './contacts.js';

export const JOURNAL_FILE = 'receive.journal';
export const RECEIVED_ACTION = 'bundle-received';

export interface ReceiveAsk {
  /** the bundle's name (for messages) and, without `bytes`, its path */
  file: string;
  /** the bundle's bytes when the caller has read it (the app: the file the user picked) */
  bytes?: Uint8Array | undefined;
  passphrase?: string | undefined;
  /** print what would change, write nothing */
  plan?: boolean | undefined;
  /** take a bundle whose signer is not a contact (after comparing the fingerprint) */
  acceptUnknown?: boolean | undefined;
}

export interface ReceiveResult {
  sha256: string;
  signer: { name: string; fingerprint: string; contact: string | null };
  /** received before: nothing changed */
  already: boolean;
  plan: boolean;
  changes: Change[];
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const AGE_MAGIC = 'age-encryption.org/v1\n';

async function decrypt(store: ArchiveStore, bytes: Uint8Array, file: string, passphrase?: string): Promise<Uint8Array> {
  const name = path.basename(file);
  if (bytes.length > BUNDLE_LIMITS.packageBytes)
    throw new AqiqatError('team.bundle-too-big', { file: name, max: BUNDLE_LIMITS.packageBytes }, 'input');
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 4096))).toString('latin1');
  if (!head.startsWith(AGE_MAGIC)) throw new AqiqatError('team.not-a-bundle', { file: name }, 'input');
  const header = head.slice(0, head.indexOf('\n---') >>> 0);
  const byPassphrase = header.includes('\n-> scrypt ');
  // age is loaded for a bundle, not by every process that opens the archive (and replays a journal)
  const { Decrypter } = await import('age-encryption');
  const d = new Decrypter();
  if (byPassphrase) {
    if (!passphrase) throw new AqiqatError('team.needs-passphrase', { file: name }, 'usage');
    d.addPassphrase(passphrase);
  } else {
    const id = await readIdentity(store.layout.root, store.codec);
    if (!id?.encrypt) throw new AqiqatError('team.not-for-this-archive', { file: name }, 'input');
    d.addIdentity(id.encrypt.secretKey);
  }
  try {
    return await d.decrypt(bytes);
  } catch (e) {
    const reason = (e as Error).message.split('\n')[0]!;
    if (/no identity matched/.test(reason))
      throw new AqiqatError(
        byPassphrase ? 'team.wrong-passphrase' : 'team.not-for-this-archive',
        { file: name },
        'input',
      );
    throw new AqiqatError('team.bundle-damaged', { file: name, reason }, 'input');
  }
}

/** The bundle's ZIP read, signed and complete: throws one line for anything else. */
export function openPayload(zip: Uint8Array, file: string): { bundle: Bundle; files: Map<string, Uint8Array> } {
  const name = path.basename(file);
  const invalid = (reason: string) => new AqiqatError('team.bundle-invalid', { file: name, reason }, 'input');
  const files = readPackageZip(zip, name, BUNDLE_LIMITS);
  for (const entry of files.keys())
    if (!BUNDLE_ENTRY.test(entry)) throw invalid(`it holds a file it may not: ${entry}`);
  const json = files.get(BUNDLE_FILE);
  const sig = files.get(SIGNATURE_FILE);
  if (!json || !sig) throw invalid(`${BUNDLE_FILE} or ${SIGNATURE_FILE} is missing`);
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(json).toString('utf8'));
  } catch {
    throw invalid(`${BUNDLE_FILE} is not JSON`);
  }
  const head = BundleHeadSchema.safeParse(raw);
  if (!head.success) throw invalid(`${BUNDLE_FILE} is not of an Aqiqat bundle`);
  if (head.data.version > BUNDLE_VERSION)
    throw new AqiqatError('team.bundle-newer', { file: name, version: head.data.version }, 'input');
  const parsed = BundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(`${BUNDLE_FILE}: ${issue.path.join('.')} ${issue.message}`);
  }
  const bundle = parsed.data;
  const signature = SignatureSchema.safeParse(safeJson(sig));
  const key = Buffer.from(bundle.sender.signKey, 'base64');
  let good: boolean;
  try {
    good =
      signature.success &&
      keyFingerprint(key) === bundle.sender.fingerprint &&
      verifySignature(null, json, publicKeyOf(key), Buffer.from(signature.data.signature, 'base64'));
  } catch {
    good = false;
  }
  if (!good) throw new AqiqatError('team.signature-invalid', { file: name }, 'input');
  for (const [entry, hash] of Object.entries(bundle.files)) {
    const bytes = files.get(entry);
    if (!bytes) throw invalid(`${entry} is missing`);
    if (sha(bytes) !== hash) throw invalid(`${entry} is not the file the bundle lists`);
  }
  for (const entry of files.keys())
    if (entry !== BUNDLE_FILE && entry !== SIGNATURE_FILE && !(entry in bundle.files))
      throw invalid(`${entry} is not listed`);
  return { bundle, files };
}

function safeJson(b: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(b).toString('utf8'));
  } catch {
    return null;
  }
}

const JournalSchema = z.object({
  bundle: z.string(),
  meta: ArchiveFileSchema,
  articleShards: z.record(z.string(), ArticleShardSchema),
  factShards: z.record(z.string(), FactShardSchema),
  // the lines to append, as the log takes them: its own fields (seq, time, chain) are added when written
  audit: z.array(
    AuditEntrySchema.pick({
      action: true,
      articleId: true,
      factId: true,
      caseId: true,
      entityId: true,
      sha256: true,
      textSha256: true,
      summary: true,
    }),
  ),
});
type Journal = z.infer<typeof JournalSchema>;

export async function receiveBundle(store: ArchiveStore, ask: ReceiveAsk, now = new Date()): Promise<ReceiveResult> {
  let bytes: Uint8Array;
  try {
    bytes = ask.bytes ?? (await readFile(ask.file));
  } catch (e) {
    throw new AqiqatError('file.unreadable', { file: ask.file, reason: (e as Error).message.split('\n')[0]! }, 'input');
  }
  const bundleSha = sha(bytes);
  const { bundle, files } = openPayload(await decrypt(store, bytes, ask.file, ask.passphrase), ask.file);
  const name = path.basename(ask.file);
  const meta = store.meta.data;
  const contact = meta.team?.contacts.find((c) => c.signKey === bundle.sender.signKey) ?? null;
  const signer = { name: bundle.sender.name, fingerprint: bundle.sender.fingerprint, contact: contact?.name ?? null };
  const result = (changes: Change[], already: boolean): ReceiveResult => ({
    sha256: bundleSha,
    signer,
    already,
    plan: ask.plan === true,
    changes,
  });
  if (meta.team?.received.includes(bundleSha)) return result([], true);
  if (!contact && !ask.acceptUnknown && !ask.plan)
    throw new AqiqatError('team.unknown-signer', { fingerprint: signer.fingerprint, name: signer.name }, 'input');

  const facts = new Map<string, Fact>((await store.allFacts()).map((f) => [f.id, f]));
  const articles = new Map<string, Article>((await store.allArticles()).map((a) => [a.id, a]));
  leaveOffUnbroughtVisuals(bundle, files);
  checkReferences(
    bundle,
    files,
    facts,
    articles,
    meta.entities.map((e) => e.id),
    name,
  );
  const merged = mergeBundle({ meta, facts, articles }, bundle, {
    bundleSha,
    now: now.toISOString(),
    newConflictId: () => `k-${randomId(6)}`,
  });
  if (ask.plan) return result(merged.changes, false);

  // sources and texts first: immutable, named by their hash
  for (const a of merged.addArticles) {
    for (const [sha256, ext] of [
      [a.sha256, a.sourceExt],
      ...(a.otherSources ?? []).map((o) => [o.sha256, o.ext]),
    ] as const)
      await store.writeContent(sourceFile(store.layout, sha256, ext), files.get(`sources/${sha256}.${ext}`)!);
    for (const t of textShas(a)) await store.writeContent(textFile(store.layout, t), files.get(`texts/${t}.txt`)!);
    for (const d of visualParts(a))
      await store.writeContent(sourceFile(store.layout, d.sha256, d.ext), files.get(`sources/${d.sha256}.${d.ext}`)!);
  }
  teamOf(merged.meta).received.push(bundleSha);
  const journal: Journal = { bundle: bundleSha, meta: merged.meta, articleShards: {}, factShards: {}, audit: [] };
  for (const a of merged.addArticles) {
    const n = String(shardOf(a.id));
    journal.articleShards[n] ??= structuredClone((await store.articleShard(Number(n))).data);
    journal.articleShards[n].articles.push(a);
  }
  for (const f of merged.putFacts) {
    const n = String(shardOf(f.id));
    journal.factShards[n] ??= structuredClone((await store.factShard(Number(n))).data);
    const list = journal.factShards[n].facts;
    const at = list.findIndex((x) => x.id === f.id);
    if (at >= 0) list[at] = f;
    else list.push(f);
  }
  for (const id of merged.deleteFacts) {
    const n = String(shardOf(id));
    journal.factShards[n] ??= structuredClone((await store.factShard(Number(n))).data);
    journal.factShards[n].facts = journal.factShards[n].facts.filter((x) => x.id !== id);
  }
  const added = new Map(merged.addArticles.map((a) => [a.id, a]));
  journal.audit = [
    ...merged.changes.map((c): AuditInput => {
      const article = c.kind === 'article' && c.action === 'add' ? added.get(c.id) : undefined;
      // an article comes in as an import does, with the hashes `verify` checks it against; the bundle in its summary
      if (article)
        return {
          action: 'article-added',
          articleId: article.id,
          sha256: article.sha256,
          textSha256: article.textSha256,
          summary: `received in ${name} (bundle ${bundleSha}): ${c.summary}`,
        };
      return {
        action: `received-${c.kind}-${c.action}`,
        ...(c.kind === 'fact' ? { factId: c.id } : c.kind === 'article' ? { articleId: c.id } : {}),
        ...(c.kind === 'case' ? { caseId: c.id } : c.kind === 'entity' ? { entityId: c.id } : {}),
        sha256: bundleSha,
        summary: c.summary,
      };
    }),
    {
      action: RECEIVED_ACTION,
      sha256: bundleSha,
      summary: `${name} from ${signer.name} ${signer.fingerprint}: ${merged.changes.length} change(s)`,
    },
  ];
  const journalFile = path.join(store.layout.root, JOURNAL_FILE);
  await writeFileAtomic(journalFile, store.codec.seal(Buffer.from(JSON.stringify(journal)), journalFile));
  await applyJournal(store, journal);
  return result(merged.changes, false);
}

const visualParts = (a: Pick<Article, 'visual'>) => (a.visual ? [a.visual.png, a.visual.pdf, a.visual.thumb] : []);

/**
 * A visual copy travels with its files, each the bytes its hash says; an article whose bundle lacks them (a
 * writer from before they travelled) comes without its visual copy, so it never claims files it does not have.
 */
function leaveOffUnbroughtVisuals(bundle: Bundle, files: ReadonlyMap<string, Uint8Array>): void {
  for (const a of bundle.articles) {
    const brought = visualParts(a).every((d) => {
      const bytes = files.get(`sources/${d.sha256}.${d.ext}`);
      return bytes !== undefined && sha(bytes) === d.sha256;
    });
    if (!brought) delete a.visual;
  }
}

/** Every fact names an article and entities this archive has or the bundle brings; every new article brings its files. */
function checkReferences(
  bundle: Bundle,
  files: Map<string, Uint8Array>,
  facts: ReadonlyMap<string, Fact>,
  articles: ReadonlyMap<string, Article>,
  entities: readonly string[],
  name: string,
): void {
  const invalid = (reason: string) => new AqiqatError('team.bundle-invalid', { file: name, reason }, 'input');
  const arts = new Set([...articles.keys(), ...bundle.articles.map((a) => a.id)]);
  const ents = new Set([...entities, ...bundle.entities.map((e) => e.id)]);
  for (const f of bundle.facts) {
    if (!f.id.startsWith(`${f.articleId}-`)) throw invalid(`fact ${f.id} is not of article ${f.articleId}`);
    if (!arts.has(f.articleId)) throw invalid(`fact ${f.id} cites an article it does not bring`);
    for (const e of [...f.people, ...f.places, ...f.organizations])
      if (!ents.has(e)) throw invalid(`fact ${f.id} names ${e}, which it does not bring`);
  }
  for (const a of bundle.articles) {
    if (articles.has(a.id)) continue;
    const needed = [
      `sources/${a.sha256}.${a.sourceExt}`,
      ...textShas(a).map((t) => `texts/${t}.txt`),
      ...(a.otherSources ?? []).map((o) => `sources/${o.sha256}.${o.ext}`),
    ];
    for (const n of needed) if (!files.has(n)) throw invalid(`${n} is missing`);
    if (!namedByItsBytes(a)) throw invalid(`article ${a.id} is not named by its bytes`);
    if (sha(files.get(`sources/${a.sha256}.${a.sourceExt}`)!) !== a.sha256)
      throw invalid(`the source of ${a.id} is not the bytes its hash says`);
  }
  void facts;
}

/** Write what the journal holds, then its audit lines (once), then remove it. Safe to run again. */
async function applyJournal(store: ArchiveStore, journal: Journal): Promise<void> {
  for (const [n, data] of Object.entries(journal.articleShards)) {
    const db = await store.articleShard(Number(n));
    db.data = data;
    await store.save(db);
  }
  for (const [n, data] of Object.entries(journal.factShards)) {
    const db = await store.factShard(Number(n));
    db.data = data;
    await store.save(db);
  }
  store.meta.data = journal.meta;
  await store.save(store.meta);
  const { entries } = await store.audit.readAll();
  if (!entries.some((e) => e.action === RECEIVED_ACTION && e.sha256 === journal.bundle))
    await store.audit.recordAll(journal.audit);
  await rm(path.join(store.layout.root, JOURNAL_FILE), { force: true });
}

/** At open: a receive killed after its journal was written is finished. */
export async function finishReceive(store: ArchiveStore): Promise<boolean> {
  const file = path.join(store.layout.root, JOURNAL_FILE);
  let stored: Buffer;
  try {
    stored = await readFile(file);
  } catch {
    return false;
  }
  const parsed = JournalSchema.safeParse(safeJson(store.codec.open(stored, file)));
  // an atomic write is whole or absent: an unreadable journal is not ours to replay
  if (!parsed.success) {
    await rm(file, { force: true });
    return false;
  }
  await applyJournal(store, parsed.data);
  return true;
}

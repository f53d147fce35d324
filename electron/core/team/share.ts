/**
 * Sharing cases: gather what a colleague needs (the cases, their facts, the articles they cite with
 * texts and sources byte for byte, the people, places and organisations named, tags, fact types), sign
 * it with the archive's Ed25519 key, ZIP it, encrypt it with age to the contacts' X25519 keys (or a
 * passphrase). The bytes are returned; `recordShared` notes what was sent once the file is written.
 */
import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import { resolveCase } from '../annotation/cases.js';
import { AqiqatError } from '../errors.js';
import { ensureEncryptionKey, keyFingerprint, signWith } from '../protection/identity.js';
import { shardOf, sourceFile, textFile, textShas } from '../storage/layout.js';
import type { Article, Case, Entity, Fact } from '../model.js';
import type { ArchiveStore } from '../storage/store.js';
import { findContact, teamOf } from './contacts.js';
import { BUNDLE_FILE, BUNDLE_FORMAT, BUNDLE_VERSION, hashOf, keys, SIGNATURE_FILE, type Bundle } from './format.js';

export interface ShareAsk {
  cases: readonly string[];
  to: readonly string[];
  passphrase?: string | undefined;
  /** the bytes of an earlier bundle of this archive: only what changed since is sent */
  since?: { bytes: Uint8Array; file: string } | undefined;
}

export interface Shared {
  bytes: Uint8Array;
  sha256: string;
  cases: number;
  facts: number;
  articles: number;
  entities: number;
  /** what team.synced and team.sent get once the file is written */
  hashes: Record<string, string>;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export async function shareCases(store: ArchiveStore, ask: ShareAsk, now = new Date()): Promise<Shared> {
  if (ask.to.length === 0 && !ask.passphrase) throw new AqiqatError('team.no-recipient', {}, 'usage');
  const meta = store.meta.data;
  const contacts = ask.to.map((name) => findContact(meta, name));
  const cases: Case[] = [...new Map(ask.cases.map((ref) => resolveCase(meta, ref)).map((c) => [c.id, c])).values()];
  const since = ask.since ? sentRecord(store, ask.since) : null;
  const unchanged = (key: string, value: unknown) => since !== null && since[key] === hashOf(value);

  const factIds = [...new Set(cases.flatMap((c) => c.factIds))];
  const facts: Fact[] = [];
  for (const id of factIds) {
    const f = (await store.factShard(shardOf(id))).data.facts.find((x) => x.id === id);
    if (f) facts.push(f);
  }
  const hashes: Record<string, string> = {};
  for (const f of facts) hashes[keys.fact(f.id)] = hashOf(f);
  const articles: Article[] = [];
  for (const id of new Set(facts.map((f) => f.articleId))) {
    const a = (await store.articleShard(shardOf(id))).data.articles.find((x) => x.id === id);
    if (a) articles.push(a);
  }
  for (const a of articles) hashes[keys.article(a.id)] = hashOf(a);
  const entityIds = new Set(facts.flatMap((f) => [...f.people, ...f.places, ...f.organizations]));
  for (const c of cases)
    for (const id of [
      ...Object.keys(c.communication?.consent ?? {}),
      ...Object.keys(c.communication?.responsibility ?? {}),
    ])
      entityIds.add(id);
  const entities: Entity[] = meta.entities.filter((e) => entityIds.has(e.id));
  for (const e of entities) hashes[keys.entity(e.id)] = hashOf(e);
  for (const c of cases) {
    hashes[keys.caseTitle(c.id)] = hashOf(c.title);
    hashes[keys.caseSummary(c.id)] = hashOf(c.summary);
    hashes[keys.caseOrder(c.id)] = hashOf(c.factIds);
  }

  const sentFacts = facts.filter((f) => !unchanged(keys.fact(f.id), f));
  const sentArticles = articles.filter((a) => !unchanged(keys.article(a.id), a));
  const sentEntities = entities.filter((e) => !unchanged(keys.entity(e.id), e));
  const team = teamOf(meta);
  const present = new Set(facts.map((f) => f.id));
  const inCases = new Set(factIds);
  // shared facts of these cases deleted since: every synced fact key no longer in the archive
  const deleted: Bundle['deleted'] = [];
  for (const [key, base] of Object.entries(team.synced)) {
    if (!key.startsWith('f:')) continue;
    const id = key.slice(2);
    if (present.has(id) || inCases.has(id)) continue;
    const f = (await store.factShard(shardOf(id))).data.facts.find((x) => x.id === id);
    if (!f) deleted.push({ id, base });
  }

  const files: Zippable = {};
  const fileHashes: Record<string, string> = {};
  const add = (name: string, bytes: Uint8Array) => {
    files[name] = bytes;
    fileHashes[name] = sha(bytes);
  };
  for (const a of sentArticles) {
    add(`sources/${a.sha256}.${a.sourceExt}`, await store.readContent(sourceFile(store.layout, a.sha256, a.sourceExt)));
    for (const o of a.otherSources ?? [])
      add(`sources/${o.sha256}.${o.ext}`, await store.readContent(sourceFile(store.layout, o.sha256, o.ext)));
    for (const t of textShas(a)) add(`texts/${t}.txt`, await store.readContent(textFile(store.layout, t)));
    for (const d of a.visual ? [a.visual.png, a.visual.pdf, a.visual.thumb] : [])
      add(`sources/${d.sha256}.${d.ext}`, await store.readContent(sourceFile(store.layout, d.sha256, d.ext)));
  }
  const id = await ensureEncryptionKey(store);
  const usedTags = new Set([...sentFacts.flatMap((f) => f.tags), ...sentArticles.flatMap((a) => a.tags)]);
  const usedTypes = new Set(sentFacts.map((f) => f.type));
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    createdAt: now.toISOString(),
    sender: {
      name: id.name,
      fingerprint: keyFingerprint(Buffer.from(id.sign.publicKey, 'base64')),
      signKey: id.sign.publicKey,
      recipient: id.encrypt.recipient,
    },
    to: contacts.map((c) => c.fingerprint),
    cases,
    facts: sentFacts,
    deleted,
    articles: sentArticles,
    entities: sentEntities,
    tags: [...usedTags].sort(),
    factTypes: meta.factTypes.filter((t) => usedTypes.has(t.id)),
    bases: Object.fromEntries(Object.keys(hashes).flatMap((k) => (team.synced[k] ? [[k, team.synced[k]]] : []))),
    files: fileHashes,
  };
  const json = Buffer.from(JSON.stringify(bundle));
  files[BUNDLE_FILE] = json;
  files[SIGNATURE_FILE] = Buffer.from(
    JSON.stringify({ algorithm: 'Ed25519', signature: signWith(id, json).toString('base64') }),
  );
  const zip = zipSync(files, { level: 6, mtime: now });
  // age is loaded when a bundle is made, not at start
  const { Encrypter } = await import('age-encryption');
  const e = new Encrypter();
  if (ask.passphrase) e.setPassphrase(ask.passphrase);
  else for (const c of contacts) e.addRecipient(c.recipient);
  const bytes = await e.encrypt(zip);
  return {
    bytes,
    sha256: sha(bytes),
    cases: cases.length,
    facts: sentFacts.length,
    articles: sentArticles.length,
    entities: sentEntities.length,
    hashes,
  };
}

function sentRecord(store: ArchiveStore, since: { bytes: Uint8Array; file: string }): Record<string, string> {
  const found = store.meta.data.team?.sent.find((s) => s.sha256 === sha(since.bytes));
  if (!found) throw new AqiqatError('team.since-unknown', { file: since.file }, 'input');
  return found.hashes;
}

/** After the file is written: what both sides now have is the common version; the bundle is noted for --since. */
export async function recordShared(store: ArchiveStore, shared: Shared, file: string, now = new Date()): Promise<void> {
  const team = teamOf(store.meta.data);
  Object.assign(team.synced, shared.hashes);
  team.sent.push({ sha256: shared.sha256, at: now.toISOString(), hashes: shared.hashes });
  await store.save(store.meta);
  await store.audit.record({
    action: 'bundle-shared',
    sha256: shared.sha256,
    summary: `${file}: ${shared.cases} case(s), ${shared.facts} fact(s), ${shared.articles} article(s)`,
  });
}

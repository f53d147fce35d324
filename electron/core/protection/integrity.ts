/**
 * `aqiqat verify`: chain of custody. Every text and source is re-hashed against the SHA-256 its
 * article records (and its file name carries); the metadata is held to the texts and to the audit
 * log (each quote is the text at its anchor, each article's hashes are those its `article-added`
 * line recorded); the audit log's hash chain is checked, and its end against `audit.head` and against
 * the head last signed with the archive's key (`audit.signed`); every stored timestamp is checked again,
 * and each stamped audit line must still be in the log.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isTempFile } from '../storage/atomic.js';
import {
  AUDIT_HEAD_FILE,
  HEAD_MISMATCH_ACTION,
  HEAD_MISSING_ACTION,
  HEAD_STARTED_ACTION,
  checkHead,
  readAuditHead,
} from './audit.js';
import { signedHeadProblems } from './audit-sign.js';
import { IDENTITY_CREATED_ACTION } from './identity.js';
import { sourceFile, textFile } from '../storage/layout.js';
import { namedByItsBytes } from '../storage/ids.js';
import { checkTimestamps } from './timestamps.js';
import { visualFiles } from '../visual/visual.js';
import type { Article, Fact } from '../model.js';
import { readStored, type ArchiveStore } from '../storage/store.js';

export interface IntegrityProblem {
  /** path inside the archive */
  file: string;
  problem:
    | 'missing'
    | 'changed'
    | 'unreferenced-changed'
    | 'audit-chain'
    | 'audit-end'
    | 'audit-signature'
    | 'quote'
    | 'metadata'
    | 'timestamp';
  detail: string;
}

export interface IntegrityReport {
  articles: number;
  facts: number;
  filesChecked: number;
  auditEntries: number;
  /** audit lines cut short by a crash (marked by the append after it, or after the head): not a problem, but said */
  auditTornLines: number;
  /** timestamps checked again offline (protection/timestamps.ts) */
  timestamps: number;
  problems: IntegrityProblem[];
  /** what is not wrong but worth saying: ids of deleted facts left in a case, a head written late */
  notes: string[];
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

export async function verifyArchive(store: ArchiveStore): Promise<IntegrityReport> {
  const { layout } = store;
  // contents are of the plain bytes: an encrypted archive's files are opened first (a changed
  // ciphertext fails to authenticate, and is reported as changed)
  const readPlain = async (file: string): Promise<Buffer | null | 'does-not-authenticate'> => {
    let bytes: Buffer;
    try {
      bytes = await readStored(store.codec, file);
    } catch {
      return null;
    }
    try {
      return store.codec.open(bytes, file);
    } catch {
      return 'does-not-authenticate';
    }
  };
  const rel = (f: string) => path.relative(layout.root, f).split(path.sep).join('/');
  const problems: IntegrityProblem[] = [];
  const notes: string[] = [];
  const [articles, facts] = await Promise.all([store.allArticles(), store.allFacts()]);
  const factsOf = new Map<string, Fact[]>();
  for (const f of facts) factsOf.set(f.articleId, [...(factsOf.get(f.articleId) ?? []), f]);
  const seen = new Set<string>();
  let filesChecked = 0;
  /** the plain content if it matches `expected` */
  const check = async (file: string, expected: string, what: string): Promise<Buffer | null> => {
    const first = !seen.has(file);
    seen.add(file);
    if (first) filesChecked++;
    const content = await readPlain(file);
    const actual = content === null ? null : typeof content === 'string' ? content : sha256(content);
    if (actual === null) {
      if (first) problems.push({ file: rel(file), problem: 'missing', detail: `${what} is missing` });
      return null;
    }
    if (actual !== expected) {
      if (first)
        problems.push({
          file: rel(file),
          problem: 'changed',
          detail: `${what} has SHA-256 ${actual}, recorded ${expected}`,
        });
      return null;
    }
    return content as Buffer;
  };

  const audit = await store.audit.readAll();
  const added = new Map<string, { sha256?: string | undefined; textSha256?: string | undefined; seq: number }>();
  for (const e of audit.entries) {
    if (e.action === 'article-added' && e.articleId)
      added.set(e.articleId, { sha256: e.sha256, textSha256: e.textSha256, seq: e.seq });
    if (e.action === 'article-deleted' && e.articleId) added.delete(e.articleId);
    // a page corrected by hand: the article's text is the one that line names
    const was = e.articleId === undefined ? undefined : added.get(e.articleId);
    if (e.action === 'article-text-corrected' && was) added.set(e.articleId!, { ...was, textSha256: e.textSha256 });
  }

  for (const a of articles) {
    const shard = rel(path.join(layout.shardsDir, `${a.id.slice(0, 2)}.articles.json`));
    await check(sourceFile(layout, a.sha256, a.sourceExt), a.sha256, `the source of article ${a.id}`);
    for (const s of a.otherSources ?? [])
      await check(sourceFile(layout, s.sha256, s.ext), s.sha256, `another source of article ${a.id}`);
    for (const v of visualFiles(layout, a)) await check(v.file, v.sha256, `the visual copy of article ${a.id}`);
    const text = await check(textFile(layout, a.textSha256), a.textSha256, `the text of article ${a.id}`);
    const machine = a.ocr?.machineTextSha256;
    if (machine) await check(textFile(layout, machine), machine, `the machine reading of article ${a.id}`);
    checkArticleMetadata(a, added.get(a.id), shard, problems);
    if (text) checkQuotes(a, text.toString('utf8'), factsOf.get(a.id) ?? [], problems, notes);
  }
  const articleIds = new Set(articles.map((a) => a.id));
  for (const [articleId, list] of factsOf) {
    if (articleIds.has(articleId)) continue;
    for (const f of list)
      problems.push({
        file: rel(path.join(layout.shardsDir, `${articleId.slice(0, 2)}.facts.json`)),
        problem: 'metadata',
        detail: `fact ${f.id} quotes article ${articleId}, which is not in the archive`,
      });
  }
  const factIds = new Set(facts.map((f) => f.id));
  for (const c of store.meta.data.cases) {
    const gone = c.factIds.filter((id) => !factIds.has(id));
    if (gone.length)
      notes.push(
        `case ${c.id} holds ${gone.length} id${gone.length === 1 ? '' : 's'} of deleted facts (${gone.join(', ')}); they are skipped`,
      );
  }

  // files no article names (left by a crash between the content write and the metadata) still carry
  // their hash in their name; an encrypted archive's names are keyed hashes, so this check is for plain ones
  for (const dir of store.codec.encrypted ? [] : [layout.textsDir, layout.sourcesDir]) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const file = path.join(dir, name);
      const m = /^([0-9a-f]{64})\./.exec(name);
      if (seen.has(file) || isTempFile(name) || !m) continue;
      filesChecked++;
      const content = await readPlain(file);
      const actual = content === null ? null : typeof content === 'string' ? content : sha256(content);
      if (actual !== null && actual !== m[1])
        problems.push({
          file: rel(file),
          problem: 'unreferenced-changed',
          detail: `no article names it, and its content does not match its name (SHA-256 ${actual})`,
        });
    }
  }

  for (const b of audit.broken) problems.push({ file: 'audit.log', problem: 'audit-chain', detail: b });
  await checkAuditEnd(store, audit.entries, problems, notes);
  const rawLog = await readFile(store.audit.file, 'utf8').catch(() => '');
  const madeKey = audit.entries.some((e) => e.action === IDENTITY_CREATED_ACTION);
  for (const p of await signedHeadProblems(store, rawLog, madeKey))
    problems.push({ file: p.file, problem: 'audit-signature', detail: p.detail });
  const stamps = await checkTimestamps(store, rawLog, audit.entries);
  for (const p of stamps.problems) problems.push({ ...p, problem: 'timestamp' });
  notes.push(...stamps.notes);
  return {
    articles: articles.length,
    facts: facts.length,
    filesChecked,
    auditEntries: audit.entries.length,
    auditTornLines: audit.torn,
    timestamps: stamps.checked,
    problems,
    notes,
  };
}

/** The id is the source's hash, and the hashes are those the audit log recorded when it was added. */
function checkArticleMetadata(
  a: Article,
  logged: { sha256?: string | undefined; textSha256?: string | undefined; seq: number } | undefined,
  shard: string,
  problems: IntegrityProblem[],
): void {
  if (!namedByItsBytes(a))
    problems.push({
      file: shard,
      problem: 'metadata',
      detail: `article ${a.id}: its id is not the one its source's SHA-256 ${a.sha256} gives it`,
    });
  if (!logged) {
    problems.push({
      file: shard,
      problem: 'metadata',
      detail: `article ${a.id} has no article-added line in the audit log (a crash right after its import, or it was put in its shard by hand)`,
    });
    return;
  }
  if (logged.sha256 !== undefined && logged.sha256 !== a.sha256)
    problems.push({
      file: shard,
      problem: 'metadata',
      detail: `article ${a.id}: its source SHA-256 ${a.sha256} is not the ${logged.sha256} the audit log recorded (seq ${logged.seq})`,
    });
  if (logged.textSha256 !== undefined && logged.textSha256 !== a.textSha256)
    problems.push({
      file: shard,
      problem: 'metadata',
      detail: `article ${a.id}: its text SHA-256 ${a.textSha256} is not the ${logged.textSha256} the audit log recorded (seq ${logged.seq})`,
    });
}

/** Each quote is, character for character, the text at its anchor: what a dossier promises. */
function checkQuotes(
  a: Article,
  text: string,
  facts: readonly Fact[],
  problems: IntegrityProblem[],
  notes: string[],
): void {
  const shard = `shards/${a.id.slice(0, 2)}.facts.json`;
  for (const f of facts) {
    if (f.quoteLost) {
      notes.push(
        `fact ${f.id}: its quote is no longer in page ${f.quoteLost.page} of article ${a.id} as corrected by hand`,
      );
      continue;
    }
    const { start, end, exact } = f.anchor;
    if (end > text.length || start >= end || text.slice(start, end) !== exact) {
      problems.push({
        file: shard,
        problem: 'quote',
        detail: `fact ${f.id}: its quote "${exact.length > 60 ? `${exact.slice(0, 59)}…` : exact}" is not the text of article ${a.id} at ${start}-${end}`,
      });
    }
  }
}

/** The log ends where audit.head says (lines after it: a crash before the head was written). */
async function checkAuditEnd(
  store: ArchiveStore,
  entries: readonly { seq: number; at: string; action: string; summary?: string | undefined }[],
  problems: IntegrityProblem[],
  notes: string[],
): Promise<void> {
  const raw = await readFile(store.audit.file, 'utf8').catch(() => null);
  const head = await readAuditHead(store.layout.root, store.codec);
  if (raw === null || raw === '')
    problems.push({
      file: 'audit.log',
      problem: 'audit-end',
      detail: 'the audit log is missing or empty (every archive has at least its archive-created line)',
    });
  if (typeof head === 'string') problems.push({ file: AUDIT_HEAD_FILE, problem: 'audit-end', detail: head });
  else if (head === null) {
    // a log that has kept a head must still have it; one written by an older version gets it with its next change
    const kept = entries.some((e) => e.action === HEAD_STARTED_ACTION || e.action === HEAD_MISSING_ACTION);
    if (kept)
      problems.push({
        file: AUDIT_HEAD_FILE,
        problem: 'audit-end',
        detail: `${AUDIT_HEAD_FILE} is missing, so the end of the log cannot be checked`,
      });
    else if (raw)
      notes.push(
        `the audit log was written by an older version and has no ${AUDIT_HEAD_FILE} yet: its end is checked from the next change on`,
      );
  } else {
    const { problem, after } = checkHead(raw ?? '', head);
    if (problem) problems.push({ file: 'audit.log', problem: 'audit-end', detail: problem });
    else if (after > 0)
      notes.push(
        `the audit log has ${after} line${after === 1 ? '' : 's'} after the end ${AUDIT_HEAD_FILE} records (a crash before the head was written; the next change writes it)`,
      );
  }
  // an append that found the log cut wrote it down: that stays a problem after later changes
  for (const e of entries) {
    if (e.action === HEAD_MISMATCH_ACTION)
      problems.push({
        file: 'audit.log',
        problem: 'audit-end',
        detail: `seq ${e.seq} (${e.at}): the log was found not to end where ${AUDIT_HEAD_FILE} said: ${e.summary ?? ''}`,
      });
    if (e.action === HEAD_MISSING_ACTION)
      notes.push(
        `seq ${e.seq} (${e.at}): ${AUDIT_HEAD_FILE} was missing when this line was written, so the end of the log before it was not checked`,
      );
  }
}

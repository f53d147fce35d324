/**
 * The audit log: `audit.log`, one JSON line per change, appended and fsynced after the change is
 * saved, never rewritten. Each line carries the SHA-256 of the line before it, so a deleted, edited
 * or reordered line breaks the chain and `aqiqat verify` says where. It lets a researcher show how a
 * dossier came to be: who added, changed or deleted which fact, when, and which exports were made.
 *
 * Other areas record through the store's archive events (store.events: every event is logged) or,
 * for things that are not archive changes (an export), with `store.audit.record({...})`.
 */
import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { plainCodec, type Codec } from './crypto.js';
import { AqiqatError, DiskFullError, isDiskFull } from './errors.js';
import type { ArchiveEvent } from './events.js';

export const AUDIT_FILE = 'audit.log';
const GENESIS = '0'.repeat(64);

/** What a caller records; the log adds seq, at, actor and prev. */
export interface AuditInput {
  action: string;
  articleId?: string | undefined;
  factId?: string | undefined;
  caseId?: string | undefined;
  /** SHA-256 of an exported file or an imported source */
  sha256?: string | undefined;
  /** a short human summary: a title, a quote's beginning, a file name */
  summary?: string | undefined;
}

export const AuditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  articleId: z.string().optional(),
  factId: z.string().optional(),
  caseId: z.string().optional(),
  sha256: z.string().optional(),
  summary: z.string().optional(),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const lineHash = (line: string) => createHash('sha256').update(line).digest('hex');
const excerpt = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * An export left the archive (dossier, JSON, CSV): what, of which case, where to, and the SHA-256 of
 * exactly the bytes written — so a dossier a lawyer holds can be matched to this log.
 */
export function exportEntry(what: string, bytes: string | Uint8Array, caseId: string | null, where: string): AuditInput {
  return { action: 'export-made', caseId: caseId ?? undefined, sha256: createHash('sha256').update(bytes).digest('hex'), summary: `${what} → ${where}` };
}

/** Who is at the keyboard, as the OS knows it. */
export function currentActor(): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return `${user}@${os.hostname()} (${process.versions.electron ? 'app' : 'cli'})`;
}

/** The audit entry of an archive event. Unknown event types are logged by type with the ids they carry. */
export function auditInputOf(event: ArchiveEvent): AuditInput {
  const e = event as { type: string; article?: { id?: string; title?: string; sha256?: string }; fact?: { id?: string; articleId?: string; anchor?: { exact?: string } }; case?: { id?: string; title?: string }; caseId?: string; factId?: string };
  return {
    action: e.type,
    articleId: e.article?.id ?? e.fact?.articleId,
    factId: e.fact?.id ?? e.factId,
    caseId: e.case?.id ?? e.caseId,
    sha256: e.type === 'article-added' ? e.article?.sha256 : undefined,
    summary: e.article?.title ? excerpt(e.article.title) : e.fact?.anchor?.exact ? excerpt(e.fact.anchor.exact) : e.case?.title ? excerpt(e.case.title) : undefined,
  };
}

export interface AuditRead {
  entries: AuditEntry[];
  /** problems of the chain: a line that does not parse or whose prev does not match */
  broken: string[];
  /** lines cut short by a crash while they were written, and marked so by the next append */
  torn: number;
}

/** The entry an append writes after a torn last line: it tells a crash from a cut made by hand. */
export const TORN_ACTION = 'audit-line-torn';

/** Parse and check a whole log. A torn last line (a crash mid-append) is reported, not fatal. */
export function parseAudit(raw: string, decode: (line: string) => string = (l) => l): AuditRead {
  const entries: AuditEntry[] = [];
  const broken: string[] = [];
  let torn = 0;
  let prev = GENESIS;
  let unreadable: number | null = null; // the line number of an unparsable line not yet explained
  const lines = raw.split('\n');
  lines.forEach((line, i) => {
    if (line === '') return;
    let entry: AuditEntry;
    try {
      entry = AuditEntrySchema.parse(JSON.parse(decode(line)));
    } catch {
      if (unreadable !== null) broken.push(`audit.log line ${unreadable} is not a valid entry`);
      unreadable = i + 1;
      prev = lineHash(line);
      return;
    }
    if (unreadable !== null) {
      if (entry.action === TORN_ACTION && entry.prev === prev) torn++;
      else broken.push(`audit.log line ${unreadable} is not a valid entry`);
      unreadable = null;
    }
    if (entry.prev !== prev) broken.push(`audit.log line ${i + 1} (seq ${entry.seq}) does not follow the line before it: a line was removed, changed or moved`);
    entries.push(entry);
    prev = lineHash(line);
  });
  // a torn last line that no append has marked yet: the crash was the last thing to happen
  if (unreadable !== null) torn++;
  return { entries, broken, torn };
}

export class AuditLog {
  readonly file: string;
  /** seq and hash of the last line, read once on the first append */
  #tail: Promise<{ seq: number; prev: string; endsWithNewline: boolean }> | null = null;
  #queue: Promise<void> = Promise.resolve();

  constructor(
    root: string,
    readonly actor: string = currentActor(),
    /** an encrypted archive seals each line on its own (base64), so the log stays append-only */
    readonly codec: Codec = plainCodec,
  ) {
    this.file = path.join(root, AUDIT_FILE);
  }

  async readAll(): Promise<AuditRead> {
    return parseAudit(await readFile(this.file, 'utf8').catch(() => ''), (line) => this.decode(line));
  }

  private encode(json: string): string {
    return this.codec.encrypted ? `E:${this.codec.seal(Buffer.from(json), this.file).toString('base64')}` : json;
  }

  private decode(line: string): string {
    return line.startsWith('E:') ? this.codec.open(Buffer.from(line.slice(2), 'base64'), this.file).toString('utf8') : line;
  }

  /** Append one entry (fsynced before it resolves). Appends from one process are serialised. */
  async record(input: AuditInput, now = new Date()): Promise<AuditEntry> {
    return (await this.recordAll([input], now))[0]!;
  }

  /** Append entries with one write and one fsync (a batch import). */
  recordAll(inputs: readonly AuditInput[], now = new Date()): Promise<AuditEntry[]> {
    const next = this.#queue.then(() => this.append(inputs, now));
    this.#queue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  private async append(inputs: readonly AuditInput[], now: Date): Promise<AuditEntry[]> {
    this.#tail ??= this.readTail();
    const tail = await this.#tail;
    let { seq, prev } = tail;
    const entries: AuditEntry[] = [];
    const lines: string[] = [];
    const all = tail.endsWithNewline ? inputs : [{ action: TORN_ACTION, summary: 'the line before was cut short by a crash while it was written' }, ...inputs];
    for (const input of all) {
      const entry: AuditEntry = { seq: ++seq, at: now.toISOString(), actor: this.actor, ...defined(input), prev };
      const line = this.encode(JSON.stringify(entry));
      entries.push(entry);
      lines.push(line);
      prev = lineHash(line);
    }
    // after a torn last line, start on a fresh line so the new entries stay readable
    const bytes = `${tail.endsWithNewline ? '' : '\n'}${lines.join('\n')}\n`;
    try {
      const h = await open(this.file, 'a', 0o600);
      try {
        await h.write(bytes);
        await h.sync();
      } finally {
        await h.close();
      }
    } catch (e) {
      this.#tail = null;
      if (isDiskFull(e)) throw new DiskFullError('the change was saved, but the audit log could not be written: ');
      throw new AqiqatError(`the change was saved, but the audit log could not be written: ${(e as Error).message}`, 'archive');
    }
    this.#tail = Promise.resolve({ seq, prev, endsWithNewline: true });
    return tail.endsWithNewline ? entries : entries.slice(1);
  }

  private async readTail(): Promise<{ seq: number; prev: string; endsWithNewline: boolean }> {
    const raw = await readFile(this.file, 'utf8').catch(() => '');
    if (raw === '') return { seq: 0, prev: GENESIS, endsWithNewline: true };
    const lines = raw.split('\n').filter((l) => l !== '');
    const last = lines[lines.length - 1]!;
    let seq = lines.length;
    for (let i = lines.length - 1; i >= 0; i--) {
      try {
        seq = Math.max(seq, AuditEntrySchema.parse(JSON.parse(this.decode(lines[i]!))).seq);
        break;
      } catch {
        // torn or foreign line: keep looking for the last good seq
      }
    }
    return { seq, prev: lineHash(last), endsWithNewline: raw.endsWith('\n') };
  }
}

function defined(input: AuditInput): AuditInput {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as AuditInput;
}

/**
 * The entries that concern a case: those naming it, and those about facts that are or were in it.
 * `factIds`: the case's facts now (from archive.json).
 */
export function entriesOfCase(entries: readonly AuditEntry[], caseId: string, factIds: readonly string[]): AuditEntry[] {
  const facts = new Set(factIds);
  for (const e of entries) if (e.caseId === caseId && e.factId) facts.add(e.factId);
  return entries.filter((e) => e.caseId === caseId || (e.factId !== undefined && facts.has(e.factId)));
}

/**
 * The text of a log holding `entries` as they are (seq, time, actor), every line written through
 * `codec` and chained anew: for `aqiqat encrypt`, which seals an existing log.
 */
export function rebuildLog(entries: readonly AuditEntry[], codec: Codec, file: string): string {
  let prev = GENESIS;
  const lines: string[] = [];
  for (const e of entries) {
    const json = JSON.stringify({ ...e, prev });
    const line = codec.encrypted ? `E:${codec.seal(Buffer.from(json), file).toString('base64')}` : json;
    lines.push(line);
    prev = lineHash(line);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

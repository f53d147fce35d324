/**
 * The audit log: `audit.log`, one JSON line per change, appended and fsynced after the change is
 * saved, never rewritten. Each line carries the SHA-256 of the line before it, so a deleted, edited
 * or reordered line breaks the chain and `aqiqat verify` says where. It lets a researcher show how a
 * dossier came to be: who added, changed or deleted which fact, when, and which exports were made.
 *
 * A chain alone cannot show that lines were cut from its end, so `audit.head` (written atomically
 * after each append; sealed, hence keyed, in an encrypted archive) keeps the line count and the
 * hash of the last line. An append that finds the log not ending where the head says records that
 * first, so a cut stays visible after later changes.
 *
 * Other areas record through the store's archive events (store.events: every event is logged) or,
 * for things that are not archive changes (an export, a restore), through `Archive.recordAudit` or
 * `Archive.recordExport`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { isSealed, plainCodec, type Codec } from './crypto.js';
import { AqiqatError, DiskFullError, isDiskFull } from '../errors.js';
import type { ArchiveEvent } from '../storage/events.js';
import type { Article } from '../model.js';

export const AUDIT_FILE = 'audit.log';
export const AUDIT_HEAD_FILE = 'audit.head';
const GENESIS = '0'.repeat(64);

/** What a caller records; the log adds seq, at, actor and prev. */
export interface AuditInput {
  action: string;
  articleId?: string | undefined;
  factId?: string | undefined;
  caseId?: string | undefined;
  entityId?: string | undefined;
  /** SHA-256 of an exported file or an imported source */
  sha256?: string | undefined;
  /** an added article's text: with sha256, what verify holds the article's metadata to */
  textSha256?: string | undefined;
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
  entityId: z.string().optional(),
  sha256: z.string().optional(),
  textSha256: z.string().optional(),
  summary: z.string().optional(),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const lineHash = (line: string) => createHash('sha256').update(line).digest('hex');
/** How far back from where the head says the log ended its last line is looked for. */
const END_WINDOW = 1 << 20;
const excerpt = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * An export left the archive (dossier, JSON, CSV): what, of which case, where to, and the SHA-256 of
 * exactly the bytes written — so a dossier a lawyer holds can be matched to this log.
 */
export function exportEntry(
  what: string,
  bytes: string | Uint8Array,
  caseId: string | null,
  where: string,
): AuditInput {
  return {
    action: 'export-made',
    caseId: caseId ?? undefined,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    summary: `${what} → ${where}`,
  };
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

/** "sourceType court-document; capturedBy A. Researcher": what a provenance edit changed, for its line. */
function provenanceChanges(previous: Article, article: Article): string[] {
  const out: string[] = [];
  if (previous.sourceType !== article.sourceType) out.push(`sourceType ${article.sourceType ?? '(cleared)'}`);
  const a: Record<string, unknown> = previous.capture?.asserted ?? {};
  const b: Record<string, unknown> = article.capture?.asserted ?? {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
    if (a[key] !== b[key]) out.push(`${key} ${b[key] === undefined ? '(cleared)' : String(b[key])}`);
  return out;
}

/** The audit entry of an archive event. */
export function auditInputOf(event: ArchiveEvent): AuditInput {
  const action = event.type;
  switch (event.type) {
    case 'article-added':
      return {
        action,
        articleId: event.article.id,
        sha256: event.article.sha256,
        textSha256: event.article.textSha256,
        summary: excerpt(event.article.title),
      };
    case 'article-updated': {
      const changed = provenanceChanges(event.previous, event.article);
      const title = changed.length ? `${event.article.title}: ${changed.join('; ')}` : event.article.title;
      return { action, articleId: event.article.id, summary: excerpt(title, 300) };
    }
    case 'article-text-corrected': {
      const how = event.reverted ? 'put back to the machine reading' : 'corrected by hand';
      const lost = event.lost.length ? `; quote lost: ${event.lost.join(', ')}` : '';
      return {
        action,
        articleId: event.article.id,
        sha256: event.after,
        textSha256: event.article.textSha256,
        summary: excerpt(`page ${event.page} ${how}: ${event.before} → ${event.after}${lost}`, 400),
      };
    }
    case 'visual-made': {
      const v = event.article.visual!;
      return {
        action,
        articleId: event.article.id,
        sha256: v.png.sha256,
        summary: excerpt(`${event.article.title}: png ${v.png.sha256}, pdf ${v.pdf.sha256}`, 300),
      };
    }
    case 'article-deleted':
      return {
        action,
        articleId: event.article.id,
        sha256: event.article.sha256,
        summary: excerpt(`${event.article.title} (${event.facts} fact${event.facts === 1 ? '' : 's'})`),
      };
    case 'fact-updated': {
      // a change of verification is named, so the log shows who marked a fact verified and when
      const status = event.fact.status ?? 'unverified';
      const said = status !== (event.previous.status ?? 'unverified') ? `[${status}] ` : '';
      return {
        action,
        articleId: event.fact.articleId,
        factId: event.fact.id,
        summary: excerpt(`${said}${event.fact.anchor.exact}`),
      };
    }
    case 'fact-added':
    case 'fact-deleted':
      return {
        action,
        articleId: event.fact.articleId,
        factId: event.fact.id,
        summary: excerpt(event.fact.anchor.exact),
      };
    case 'case-fact-added':
    case 'case-fact-removed':
      return { action, caseId: event.case.id, factId: event.factId, summary: excerpt(event.case.title) };
    case 'case-created':
    case 'case-updated':
    case 'case-deleted':
    case 'case-reordered':
      return { action, caseId: event.case.id, summary: excerpt(event.case.title) };
    case 'entity-added':
      return { action, entityId: event.entity.id, summary: excerpt(`${event.entity.kind} ${event.entity.name}`) };
    case 'entity-renamed':
      return { action, entityId: event.entity.id, summary: excerpt(`${event.previousName} → ${event.entity.name}`) };
    case 'entity-aliases-added':
      return {
        action,
        entityId: event.entity.id,
        summary: excerpt(`${event.entity.name}: ${event.aliases.join(', ')}`),
      };
    case 'entity-merged':
      return {
        action,
        entityId: event.entity.id,
        summary: excerpt(
          `${event.merged.name} (${event.merged.id}) → ${event.entity.name}, ${event.facts} fact${event.facts === 1 ? '' : 's'}`,
        ),
      };
    case 'tag-renamed':
    case 'tag-merged':
      return {
        action,
        summary: excerpt(
          `${event.from} → ${event.to}, ${event.facts} fact${event.facts === 1 ? '' : 's'}, ${event.articles} article${event.articles === 1 ? '' : 's'}`,
        ),
      };
  }
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
    if (entry.prev !== prev)
      broken.push(
        `audit.log line ${i + 1} (seq ${entry.seq}) does not follow the line before it: a line was removed, changed or moved`,
      );
    entries.push(entry);
    prev = lineHash(line);
  });
  // a torn last line that no append has marked yet: the crash was the last thing to happen
  if (unreadable !== null) torn++;
  return { entries, broken, torn };
}

/** The entries an append writes first when the log does not end where audit.head says. */
export const HEAD_MISMATCH_ACTION = 'audit-head-mismatch';
export const HEAD_MISSING_ACTION = 'audit-head-missing';
/** The first line of a new log: from here on audit.head must exist (an older version's log has no such line). */
export const HEAD_STARTED_ACTION = 'audit-head-started';

/** Where the log ended after the last append: its line count and the SHA-256 of its last line. */
export interface AuditHead {
  lines: number;
  last: string;
}

/** A stored head may also say the log's length in bytes then: the next append reads only its end. */
type StoredHead = AuditHead & { bytes?: number };

const AuditHeadSchema = z.object({
  format: z.literal('aqiqat-audit-head'),
  lines: z.number().int().nonnegative(),
  last: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative().optional(),
});

/** The non-empty lines of a log as written (a torn last line included). */
const logLines = (raw: string): string[] => raw.split('\n').filter((l) => l !== '');

/** The SHA-256 of each line as written, in order: what a timestamp on a line covers. */
export const lineHashes = (raw: string): string[] => logLines(raw).map(lineHash);

export function headOf(raw: string): AuditHead {
  const lines = logLines(raw);
  return { lines: lines.length, last: lines.length ? lineHash(lines[lines.length - 1]!) : GENESIS };
}

/**
 * Compare a log with its head. Lines after the head are allowed (a crash between an append and the
 * head's write, or a torn line); fewer lines, or another line where the head ends, are not.
 */
export function checkHead(raw: string, head: AuditHead): { problem: string | null; after: number } {
  const lines = logLines(raw);
  if (lines.length < head.lines)
    return {
      problem: `the log has ${lines.length} lines, and audit.head says ${head.lines}: lines were cut from its end`,
      after: 0,
    };
  const at = head.lines === 0 ? GENESIS : lineHash(lines[head.lines - 1]!);
  if (at !== head.last)
    return {
      problem: `line ${head.lines} is not the line audit.head records as the last: the end of the log was changed, or the log was rewritten`,
      after: 0,
    };
  return { problem: null, after: lines.length - head.lines };
}

/** Write the head (headOf the whole log): sealed with the archive's key when it has one. */
export async function writeAuditHead(root: string, codec: Codec, head: StoredHead): Promise<void> {
  const file = path.join(root, AUDIT_HEAD_FILE);
  const json = JSON.stringify({ format: 'aqiqat-audit-head', lines: head.lines, last: head.last, bytes: head.bytes });
  // temp file, fsync, rename, as writeFileAtomic, but without its fsync of the folder: a rename lost
  // to a power cut leaves the previous head, which a longer log still satisfies; saves one fsync per change
  const temp = path.join(root, `.${AUDIT_HEAD_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  const h = await open(temp, 'wx', 0o600);
  try {
    await h.writeFile(codec.seal(Buffer.from(json), file));
    await h.sync();
  } finally {
    await h.close();
  }
  await rename(temp, file).catch(async (e: unknown) => {
    await rm(temp, { force: true });
    throw e;
  });
}

/** The head as stored: null when there is none; a string says why it cannot be used. */
export async function readAuditHead(root: string, codec: Codec): Promise<StoredHead | null | string> {
  const file = path.join(root, AUDIT_HEAD_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return `${AUDIT_HEAD_FILE} cannot be read: ${(e as Error).message}`;
  }
  // a plain head in an encrypted archive could have been written by anyone
  if (codec.encrypted && !isSealed(bytes)) return `${AUDIT_HEAD_FILE} is not sealed with the archive's key`;
  try {
    const { lines, last, bytes: size } = AuditHeadSchema.parse(JSON.parse(codec.open(bytes, file).toString('utf8')));
    return size === undefined ? { lines, last } : { lines, last, bytes: size };
  } catch (e) {
    return e instanceof AqiqatError ? e.message : `${AUDIT_HEAD_FILE} is not a valid head`;
  }
}

interface Tail {
  seq: number;
  prev: string;
  /** lines in the log, a torn one included */
  lines: number;
  /** the log's length in bytes */
  bytes: number;
  endsWithNewline: boolean;
  /** entries to write before the next ones: the log did not end where its head said */
  notes: AuditInput[];
  /** the last whole line (a torn one skipped): its seq and the SHA-256 of the line as written */
  latest: LatestLine | null;
}

export interface LatestLine {
  seq: number;
  sha256: string;
}

export class AuditLog {
  readonly file: string;
  /** seq and hash of the last line, read once on the first append */
  #tail: Promise<Tail> | null = null;
  #queue: Promise<void> = Promise.resolve();

  constructor(
    readonly root: string,
    readonly actor: string = currentActor(),
    /** an encrypted archive seals each line on its own (base64), so the log stays append-only */
    readonly codec: Codec = plainCodec,
  ) {
    this.file = path.join(root, AUDIT_FILE);
  }

  async readAll(): Promise<AuditRead> {
    return parseAudit(await readFile(this.file, 'utf8').catch(() => ''), (line) => this.decode(line));
  }

  /**
   * Where the log ends now (headOf the whole log), and its last whole line; read from the end when
   * audit.head says where that is, so a log of a million lines is not read to sign or stamp its head.
   */
  async end(): Promise<{ head: AuditHead; latest: LatestLine | null }> {
    await this.#queue;
    const tail = await this.readTail();
    return { head: { lines: tail.lines, last: tail.prev }, latest: tail.latest };
  }

  /** The last whole line: its seq and the SHA-256 of the line as written (a torn line is skipped). */
  async latest(): Promise<LatestLine | null> {
    return (await this.end()).latest;
  }

  private encode(json: string): string {
    return this.codec.encrypted ? `E:${this.codec.seal(Buffer.from(json), this.file).toString('base64')}` : json;
  }

  private decode(line: string): string {
    return line.startsWith('E:')
      ? this.codec.open(Buffer.from(line.slice(2), 'base64'), this.file).toString('utf8')
      : line;
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
    const torn = tail.endsWithNewline
      ? []
      : [{ action: TORN_ACTION, summary: 'the line before was cut short by a crash while it was written' }];
    const lead = [...torn, ...tail.notes];
    for (const input of [...lead, ...inputs]) {
      const entry: AuditEntry = { seq: ++seq, at: now.toISOString(), actor: this.actor, ...defined(input), prev };
      const line = this.encode(JSON.stringify(entry));
      entries.push(entry);
      lines.push(line);
      prev = lineHash(line);
    }
    // after a torn last line, start on a fresh line so the new entries stay readable
    const bytes = Buffer.from(`${tail.endsWithNewline ? '' : '\n'}${lines.join('\n')}\n`);
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
      if (isDiskFull(e)) throw new DiskFullError('disk.full-audit');
      throw new AqiqatError('audit.write-failed', { reason: (e as Error).message }, 'archive');
    }
    const head = { lines: tail.lines + lines.length, last: prev, bytes: tail.bytes + bytes.length };
    this.#tail = Promise.resolve({
      seq,
      prev,
      lines: head.lines,
      bytes: head.bytes,
      endsWithNewline: true,
      notes: [],
      latest: { seq, sha256: prev },
    });
    // the head follows the log: one left behind (a crash, a full disk) only lets verify accept the
    // lines after it, and the next append writes it again
    await writeAuditHead(this.root, this.codec, head).catch(() => {
      this.#tail = null;
    });
    return entries.slice(lead.length);
  }

  private async readTail(): Promise<Tail> {
    const head = await readAuditHead(this.root, this.codec);
    if (head !== null && typeof head !== 'string' && head.bytes !== undefined) {
      const fast = await this.readEnd({ ...head, bytes: head.bytes }).catch(() => null);
      if (fast) return fast;
    }
    const buffer = await readFile(this.file).catch(() => Buffer.alloc(0));
    const raw = buffer.toString('utf8');
    const notes: AuditInput[] = [];
    if (typeof head === 'string') notes.push({ action: HEAD_MISMATCH_ACTION, summary: excerpt(head, 300) });
    else if (head === null && raw !== '')
      notes.push({
        action: HEAD_MISSING_ACTION,
        summary: `${AUDIT_HEAD_FILE} was missing; the end of the log is checked from here on`,
      });
    else if (head === null)
      notes.push({ action: HEAD_STARTED_ACTION, summary: `the end of this log is kept in ${AUDIT_HEAD_FILE}` });
    else if (head !== null) {
      const { problem } = checkHead(raw, head);
      if (problem) notes.push({ action: HEAD_MISMATCH_ACTION, summary: excerpt(problem, 300) });
    }
    if (raw === '') return { seq: 0, prev: GENESIS, lines: 0, bytes: 0, endsWithNewline: true, notes, latest: null };
    const lines = logLines(raw);
    const latest = this.lastWhole(lines);
    return {
      seq: Math.max(latest?.seq ?? lines.length, lines.length),
      prev: lineHash(lines[lines.length - 1]!),
      lines: lines.length,
      bytes: buffer.length,
      endsWithNewline: raw.endsWith('\n'),
      notes,
      latest,
    };
  }

  /** The last line that reads as an entry (torn or foreign lines are skipped), if any. */
  private lastWhole(lines: readonly string[]): LatestLine | null {
    for (let i = lines.length - 1; i >= 0; i--) {
      try {
        return { seq: AuditEntrySchema.parse(JSON.parse(this.decode(lines[i]!))).seq, sha256: lineHash(lines[i]!) };
      } catch {
        // torn or foreign line: keep looking for the last good one
      }
    }
    return null;
  }

  /**
   * The tail from the log's end only, when the head says where it ended in bytes: the line ending
   * there must be the head's last line; lines after it (a crash before the head was written) are
   * counted. Null when anything does not match, and the whole log is read instead.
   */
  private async readEnd(head: AuditHead & { bytes: number }): Promise<Tail | null> {
    const size = (await stat(this.file)).size;
    if (head.lines === 0 || size < head.bytes) return null;
    const h = await open(this.file, 'r');
    try {
      // the head's last line is one entry: far shorter than this, or the whole log is read
      const from = Math.max(0, head.bytes - END_WINDOW);
      const chunk = Buffer.alloc(size - from);
      const { bytesRead } = await h.read(chunk, 0, chunk.length, from);
      if (bytesRead !== chunk.length) return null;
      const at = head.bytes - from;
      if (at < 2 || chunk[at - 1] !== 0x0a) return null;
      const start = chunk.lastIndexOf(0x0a, at - 2) + 1;
      if (start === 0 && from > 0) return null;
      const lastAtHead = chunk.subarray(start, at - 1).toString('utf8');
      if (lineHash(lastAtHead) !== head.last) return null;
      const after = logLines(chunk.subarray(at).toString('utf8'));
      const lines = [lastAtHead, ...after];
      const latest = this.lastWhole(lines);
      if (latest === null) return null;
      return {
        seq: Math.max(latest.seq, head.lines + after.length),
        prev: lineHash(lines[lines.length - 1]!),
        lines: head.lines + after.length,
        bytes: size,
        endsWithNewline: chunk[chunk.length - 1] === 0x0a,
        notes: [],
        latest,
      };
    } finally {
      await h.close();
    }
  }
}

function defined(input: AuditInput): AuditInput {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as AuditInput;
}

/**
 * The entries that concern a case: those naming it, and those about facts that are or were in it.
 * `factIds`: the case's facts now (from archive.json).
 */
export function entriesOfCase(
  entries: readonly AuditEntry[],
  caseId: string,
  factIds: readonly string[],
): AuditEntry[] {
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

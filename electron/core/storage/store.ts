/**
 * The archive on disk: archive.json plus 256 shards, each a pair of lowdb files (article metadata,
 * facts). Why pairs: the article list needs only metadata (32 MB at 50k articles; at start-up it is
 * read from one summary file, article-list.ts), while facts are most of the bytes; saving a fact rewrites one ~1k-fact file
 * (p95 15-27 ms at 250k facts), never the whole archive. Numbers: `npm run bench`.
 */
import { chmod, lstat, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { readFileNoFollow, sweepTempFiles, writeFileAtomic, writeFileOnce } from './atomic.js';
import {
  HEAD_FILE,
  KEY_FILE,
  newKeyFile,
  parseKeyFile,
  plainCodec,
  Sealer,
  unlockSealer,
  type Codec,
} from '../protection/crypto.js';
import { finishRekey } from '../protection/encrypt.js';
import {
  AqiqatError,
  DamagedArchiveError,
  DiskFullError,
  FileReadError,
  isDiskFull,
  NewerSchemaError,
  systemReason,
} from '../errors.js';
import { ArchiveEvents, type ArchiveEvent } from './events.js';
import { ValidatedJsonFile } from './json-adapter.js';
import {
  fileIdOf,
  readSummary,
  sameFile,
  shardIds,
  writeSummary,
  type ArticleSummary,
  type ShardIds,
  type FileId,
} from './article-list.js';
import { readCorroborations, writeCorroborations, type Corroborations } from './corroborations.js';
import { acquireLock, type ArchiveLock } from './lock.js';
import { AUDIT_FILE, AuditLog, auditInputOf } from '../protection/audit.js';
import { recoverSwap, restoreLeftovers } from './swap.js';
import { DEFAULT_KEEP_SNAPSHOTS, latestSnapshot, replacementSnapshots, takeSnapshot } from '../protection/snapshots.js';
import { articleShardFile, factShardFile, folders, layoutOf, SHARD_COUNT, type Layout } from './layout.js';
import {
  ArchiveFileSchema,
  articleRow,
  listOrder,
  newestFirst,
  ArticleShardSchema,
  emptyArchiveFile,
  FactShardSchema,
  SCHEMA_VERSION,
  type Article,
  type ArticleRow,
  type ArchiveFile,
  type ArticleShard,
  type FactShard,
} from '../model.js';

type Db<T> = Low<T>;
/** Anything save() can persist. */
type Savable = Pick<Low<unknown>, 'write'>;

/**
 * Shards of each kind kept in memory between calls (the most recently used). At 1M facts a fact shard
 * is ~4k facts and ~8 MB of heap: all 256 would be 2 GB, 24 about 200 MB.
 */
export const SHARD_CACHE = 24;

export class ArchiveStore {
  // in order of use, oldest first (cached() moves a hit to the end)
  readonly #articleShards = new Map<number, Promise<Db<ArticleShard>>>();
  readonly #factShards = new Map<number, Promise<Db<FactShard>>>();
  /**
   * Shards let go by trimCache(), still held by whoever had them: a miss takes the same object back
   * rather than a second copy from disk, so a change made through either is never lost.
   */
  readonly #letGo = {
    articles: new Map<number, WeakRef<Db<ArticleShard>>>(),
    facts: new Map<number, WeakRef<Db<FactShard>>>(),
  };
  /** save() calls writing now (outside a batch): their shards must stay the cached ones */
  #saving = 0;
  /** Inside batch(): databases to write once at the end instead of after every change. */
  #pending: Set<Savable> | null = null;
  /** Inside batch(): events to deliver once its writes are done. */
  #pendingEvents: ArchiveEvent[] = [];
  readonly events = new ArchiveEvents();
  /** The single-writer lock (lock.ts), released by close(). */
  #lock: ArchiveLock | null = null;

  private constructor(
    readonly layout: Layout,
    readonly meta: Db<ArchiveFile>,
  ) {}

  /** Create a new, empty archive in `dir` (which may exist but must not hold an archive). */
  static async init(dir: string, now = new Date(), options: OpenOptions = {}): Promise<ArchiveStore> {
    const layout = layoutOf(dir);
    await recoverSwap(layout.root);
    if (await exists(layout.archiveFile)) {
      throw new AqiqatError('archive.exists', { root: layout.root }, 'conflict');
    }
    for (const d of folders(layout)) {
      await mkdir(d, { recursive: true });
      // other users of the computer need not even see the names and sizes of sealed files
      if (options.encrypt) await chmod(d, 0o700);
    }
    const lock = await acquireLock(layout.root, lockOwnerKind());
    try {
      let codec: Codec = plainCodec;
      if (options.encrypt) {
        // the key file first: an archive.json sealed with a key nobody kept would be lost
        const { keyFile, dataKey } = await newKeyFile(requirePassphrase(options, layout.root));
        await writeFileAtomic(path.join(layout.root, KEY_FILE), JSON.stringify(keyFile));
        codec = new Sealer(dataKey, layout.root);
      }
      const meta = new Low(
        new ValidatedJsonFile(layout.archiveFile, ArchiveFileSchema, 'archive.json', codec),
        emptyArchiveFile(now.toISOString(), SHARD_COUNT),
      );
      await meta.write();
      const store = new ArchiveStore(layout, meta);
      store.#codec = codec;
      store.#lock = lock;
      store.logChanges();
      await store.audit.record({ action: 'archive-created' });
      return store;
    } catch (e) {
      await lock.release();
      throw e;
    }
  }

  static async open(dir: string, options: OpenOptions = {}): Promise<ArchiveStore> {
    const layout = layoutOf(dir);
    await recoverSwap(layout.root);
    if (!(await exists(layout.archiveFile))) throw await noArchiveError(layout.root);
    await refuseLinks(layout);
    // a full disk has no room for the lock file: open for reading only (no other writer can be kept out)
    const lock = await acquireLock(layout.root, lockOwnerKind()).catch((e: unknown) => {
      if (isDiskFull(e)) return null;
      throw e;
    });
    try {
      if (lock?.recovered) await sweepTempFiles(folders(layout));
      const { codec, sealing } = await codecOf(layout.root, options);
      const adapter = new ValidatedJsonFile(layout.archiveFile, ArchiveFileSchema, 'archive.json', codec);
      let data: ArchiveFile | null;
      try {
        data = await adapter.read();
      } catch (e) {
        // a damaged archive.json is left as it is; say where the last good copy is
        // only damaged content is offered a snapshot in its place: not a newer format, not a read error
        if (e instanceof NewerSchemaError || e instanceof FileReadError) throw e;
        if (e instanceof AqiqatError && e.kind === 'archive') {
          const [latest] = await replacementSnapshots(layout);
          throw new DamagedArchiveError(e, latest ?? null, latest ? path.relative(layout.root, latest.file) : '');
        }
        throw e;
      }
      if (!data) {
        throw new AqiqatError('archive.not-found', { root: layout.root }, 'not-found');
      }
      if (data.settings.shardCount !== SHARD_COUNT) {
        throw new AqiqatError('archive.shard-count', { n: data.settings.shardCount, expected: SHARD_COUNT }, 'archive');
      }
      const store = new ArchiveStore(layout, new Low(adapter, data));
      store.#codec = codec;
      store.#unfinishedEncryption = sealing;
      store.#lock = lock;
      store.#readOnly = lock === null;
      store.logChanges();
      // a safety copy, not a condition of reading: a full disk (or a read-only one) must not lock the user out
      if (lock)
        await store
          .snapshot('open')
          .catch((e: unknown) => (store.#openWarning = `no snapshot of archive.json was taken (${systemReason(e)})`));
      else
        store.#openWarning = 'the disk is full, so the archive is open only for reading; free some space to change it';
      if (lock && codec instanceof Sealer && codec.rekeying) await finishRekey(store);
      else if (lock && codec instanceof Sealer && !(await exists(path.join(layout.root, HEAD_FILE)))) {
        // sealed before files carried generations: from this write on, an older archive.json is refused.
        // Best effort: an archive that cannot be written to (a full disk) still opens
        await store.meta.write().catch(() => undefined);
      }
      return store;
    } catch (e) {
      await lock?.release();
      throw e;
    }
  }

  /** Whether `dir` holds an archive (a restore interrupted there is finished or undone first). */
  static async exists(dir: string): Promise<boolean> {
    const layout = layoutOf(dir);
    await recoverSwap(layout.root);
    return exists(layout.archiveFile);
  }

  /** Whether opening `dir` needs a passphrase (its key file exists). */
  static async isEncrypted(dir: string): Promise<boolean> {
    return exists(path.join(layoutOf(dir).root, KEY_FILE));
  }

  articleShard(n: number): Promise<Db<ArticleShard>> {
    return cached(this.#articleShards, this.#letGo.articles, n, () => this.#readArticleShard(n));
  }

  factShard(n: number): Promise<Db<FactShard>> {
    return cached(this.#factShards, this.#letGo.facts, n, () =>
      openDb(
        factShardFile(this.layout, n),
        FactShardSchema,
        `fact shard ${n}`,
        { schemaVersion: SCHEMA_VERSION, facts: [] },
        this.#codec,
      ),
    );
  }

  /** Every article's metadata; reads only the metadata shards that exist. */
  async allArticles(): Promise<Article[]> {
    const dbs = await Promise.all((await this.shardsOnDisk('articles')).map((n) => this.articleShard(n)));
    return dbs.flatMap((db) => db.data.articles);
  }

  /** The list's summary as last read or refreshed (article-list.ts); its records are never the cache's. */
  #summary: ArticleSummary | null = null;
  /** the summary being written after a list answered; close() waits for it */
  #summaryWrite: Promise<void> = Promise.resolve();

  /**
   * Every article's list row, newest first: shards already in memory as they are there (as allArticles),
   * the others from the summary when their files are unchanged since it was written, else read again.
   */
  async articleRows(): Promise<ArticleRow[]> {
    if (this.#codec.encrypted) return newestFirst((await this.allArticles()).map(articleRow));
    const now = await shardIds(this.layout);
    const known = this.#summary ?? (await readSummary(this.layout));
    // the shards read again, and the rows of those in memory (whose records may be ahead of their files)
    const read = new Map<number, ArticleRow[]>();
    const inMemory = new Map<number, ArticleRow[]>();
    await Promise.all(
      [...now].map(async ([n, id]) => {
        // read apart from the cache, whose records change in place before they are saved
        if (!known || !sameFile(known.ids.get(n), id))
          read.set(n, (await this.#readArticleShard(n)).data.articles.map(articleRow));
        const cached = this.#articleShards.get(n);
        if (cached) inMemory.set(n, (await cached).data.articles.map(articleRow));
      }),
    );
    const changed = !known || read.size > 0 || known.ids.size !== now.size;
    const disk = changed ? summaryOf(now, known, read) : known;
    this.#summary = disk;
    // written after the answer, one write at a time; one that cannot be written (a read-only or full
    // disk) or is cut short by the process ending only costs the next start its speed
    if (changed && !this.#readOnly)
      this.#summaryWrite = this.#summaryWrite.then(() => writeSummary(this.layout, disk).catch(() => undefined));
    if (inMemory.size === 0) return disk.rows.slice();
    const rows = disk.rows.filter((_, i) => !inMemory.has(disk.shardOfRow[i]!));
    return newestFirst(rows.concat(...inMemory.values()));
  }

  #readArticleShard(n: number): Promise<Db<ArticleShard>> {
    return openDb(
      articleShardFile(this.layout, n),
      ArticleShardSchema,
      `article shard ${n}`,
      { schemaVersion: SCHEMA_VERSION, articles: [] },
      this.#codec,
    );
  }

  async allFacts(): Promise<FactShard['facts']> {
    const dbs = await Promise.all((await this.shardsOnDisk('facts')).map((n) => this.factShard(n)));
    return dbs.flatMap((db) => db.data.facts);
  }

  /**
   * The fact shards holding a fact corroborated by one of `ids`: what a delete must change. A shard in
   * memory is looked at there; the others by the ids their file's text names as corroborating, kept
   * per file version (and on disk, corroborations.ts), so a large archive's shards are neither loaded
   * at once nor read again each delete, nor each session.
   */
  async factShardsMentioning(ids: ReadonlySet<string>): Promise<number[]> {
    const persist = !this.#codec.encrypted;
    this.#corroborating ??= persist ? await readCorroborations(this.layout) : new Map();
    const onDisk = await this.shardsOnDisk('facts');
    const out: number[] = [];
    let changed = false;
    for (const n of onDisk) {
      const loaded = this.#factShards.get(n) ?? this.#letGo.facts.get(n)?.deref();
      const before = this.#corroborating.get(n);
      const named = loaded
        ? (await loaded).data.facts.flatMap((f) => f.corroboratedBy ?? [])
        : await this.#corroboratingIn(n);
      changed ||= this.#corroborating.get(n) !== before;
      if (named.some((id) => ids.has(id))) out.push(n);
    }
    const kept = new Set(onDisk);
    for (const n of [...this.#corroborating.keys()])
      if (!kept.has(n)) {
        this.#corroborating.delete(n);
        changed = true;
      }
    if (changed && persist && !this.#readOnly) {
      const known = new Map(this.#corroborating);
      // like the list's summary: one that cannot be written only costs the next session a read
      this.#summaryWrite = this.#summaryWrite.then(() =>
        writeCorroborations(this.layout, known).catch(() => undefined),
      );
    }
    return out;
  }

  #corroborating: Corroborations | null = null;

  async #corroboratingIn(n: number): Promise<string[]> {
    const logical = factShardFile(this.layout, n);
    let file: FileId | undefined;
    for (const stored of this.#codec.candidates(logical)) {
      const info = await stat(stored).catch(() => null);
      if (info) {
        file = fileIdOf(info);
        break;
      }
    }
    const known = this.#corroborating!.get(n);
    if (known && sameFile(known.file, file)) return known.ids;
    const bytes = await new ValidatedJsonFile(logical, FactShardSchema, `fact shard ${n}`, this.#codec).readBytes();
    const ids = bytes ? corroboratingIds(bytes) : [];
    if (file) this.#corroborating!.set(n, { file, ids });
    return ids;
  }

  /** The shard numbers that have a file of this kind: shards nobody wrote to are not read at all. */
  private async shardsOnDisk(kind: 'articles' | 'facts'): Promise<number[]> {
    const names = new Set(await readdir(this.layout.shardsDir).catch(() => [] as string[]));
    const file = kind === 'articles' ? articleShardFile : factShardFile;
    const out: number[] = [];
    // encrypted shards have keyed names (crypto.ts locate), so each shard's possible names are looked for
    for (let n = 0; n < SHARD_COUNT; n++) {
      const logical = file(this.layout, n);
      if (this.#codec.written?.(logical) || this.#codec.candidates(logical).some((f) => names.has(path.basename(f))))
        out.push(n);
    }
    return out;
  }

  #readOnly = false;
  #openWarning: string | null = null;

  /** Something the user should know about this open (a snapshot that could not be written): one line. */
  get openWarning(): string | null {
    return this.#openWarning;
  }

  #refuseIfReadOnly(): void {
    if (this.#readOnly) throw new AqiqatError('archive.read-only-disk-full', {}, 'archive');
  }

  /** Persist a changed database now, or at the end of the running batch. */
  async save(db: Savable): Promise<void> {
    this.#refuseIfReadOnly();
    if (this.#pending) {
      this.#pending.add(db);
      return;
    }
    this.#saving++;
    try {
      await db.write();
    } catch (e) {
      await this.forgetUnsaved();
      if (isDiskFull(e)) throw new DiskFullError('disk.full-saving');
      throw new AqiqatError('archive.save-failed', { reason: (e as Error).message }, 'archive');
    } finally {
      this.#saving--;
    }
  }

  /**
   * Keep only the SHARD_CACHE most recently used shards of each kind in memory. Called between calls
   * (session.ts, when none is running): never inside a batch or while a save writes, whose shards are
   * changed and not yet on disk. The rest are read again when next needed.
   */
  trimCache(keep = SHARD_CACHE): void {
    if (this.#pending || this.#saving > 0) return;
    trim(this.#articleShards, this.#letGo.articles, keep);
    trim(this.#factShards, this.#letGo.facts, keep);
  }

  /** How many shards of each kind are held in memory (tests). */
  get cachedShards(): { articles: number; facts: number } {
    return { articles: this.#articleShards.size, facts: this.#factShards.size };
  }

  /** Tell observers about a change that save() has persisted (or will, at the end of the batch). */
  async emit(event: ArchiveEvent): Promise<void> {
    if (this.#pending) this.#pendingEvents.push(event);
    else await this.events.deliver([event]);
  }

  /** Drop in-memory changes that did not reach the disk: the next access re-reads the files. */
  private async forgetUnsaved(): Promise<void> {
    this.#articleShards.clear();
    this.#factShards.clear();
    this.#letGo.articles.clear();
    this.#letGo.facts.clear();
    await this.meta.read();
  }

  /**
   * Run `fn` with writes deferred, then write each changed file once (bulk import, benchmarks).
   * If `fn` throws, nothing of the batch is written and the in-memory state is reloaded.
   */
  async batch<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#pending) return fn();
    this.#refuseIfReadOnly();
    this.#pending = new Set();
    const pending = this.#pending;
    try {
      const result = await fn();
      this.#pending = null;
      // one atomic write per changed file; independent files, so in parallel (each fsync waits on the disk)
      await Promise.all([...pending].map((db) => db.write()));
      const events = this.#pendingEvents.splice(0);
      await this.events.deliver(events);
      return result;
    } catch (e) {
      this.#pending = null;
      this.#pendingEvents = [];
      await this.forgetUnsaved();
      throw e;
    }
  }

  /**
   * Copy archive.json as it is on disk into backups/ (rotating, snapshots.ts). 'open' snapshots are
   * skipped when nothing changed since the newest one; call with another reason before risky work.
   */
  async snapshot(reason: string): Promise<void> {
    const bytes = await readFile(this.layout.archiveFile);
    const keep = this.meta.data.backups?.keep ?? DEFAULT_KEEP_SNAPSHOTS;
    if (!(this.#codec instanceof Sealer)) {
      await takeSnapshot(this.layout, bytes, reason, keep);
      return;
    }
    // sealed as a snapshot, so that it never opens as archive.json; its name does not say why it was
    // taken (that would show when the passphrase was changed). Compared by content: ciphertexts always differ
    const plain = this.#codec.open(bytes, this.layout.archiveFile);
    const latest = await latestSnapshot(this.layout);
    const previous = latest ? await readFile(latest.file).catch(() => null) : null;
    if (previous && this.#codec.openArchiveCopy(previous)?.equals(plain)) return;
    await takeSnapshot(
      this.layout,
      this.#codec.seal(plain, path.join(this.layout.backupsDir, 'archive-.json')),
      'sealed',
      keep,
    );
  }

  #audit: AuditLog | null = null;

  /** The append-only audit log (audit.ts): every archive event lands there; record exports with it. */
  get audit(): AuditLog {
    return (this.#audit ??= new AuditLog(this.layout.root, undefined, this.#codec));
  }

  private logChanges(): void {
    this.events.onEach(async (events) => {
      await this.audit.recordAll(events.map(auditInputOf));
    });
  }

  #codec: Codec = plainCodec;
  #unfinishedEncryption = false;

  /** `encrypt` was interrupted: some files may still be plain until it runs again (Archive.encrypt). */
  get unfinishedEncryption(): boolean {
    return this.#unfinishedEncryption;
  }

  /** How file contents are stored: plain, or sealed with the archive's key (crypto.ts). */
  get codec(): Codec {
    return this.#codec;
  }

  /**
   * Write an immutable content file (texts/, sources/, index/ …) through the archive's codec: sealed
   * when the archive is encrypted, so no plain byte reaches the disk. Every module writes content here.
   */
  async writeContent(file: string, data: string | Uint8Array): Promise<void> {
    const stored = this.storedContent(file, data);
    await writeFileOnce(stored.file, stored.bytes);
  }

  /** Where content for `file` goes on disk and its bytes there (sealed when encrypted): for batch writers. */
  storedContent(file: string, data: string | Uint8Array): { file: string; bytes: Uint8Array } {
    this.#refuseIfReadOnly();
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    return { file: this.#codec.locate(file), bytes: this.#codec.encrypted ? this.#codec.seal(bytes, file) : bytes };
  }

  /** Read a content file written by writeContent (decrypted if need be). */
  async readContent(file: string): Promise<Buffer> {
    return this.#codec.open(await readStored(this.#codec, file), file);
  }

  /** Release the single-writer lock; the store must not be used afterwards. */
  async close(): Promise<void> {
    try {
      await this.#summaryWrite;
      await this.#lock?.release();
      this.#lock = null;
    } finally {
      // a locked app must not keep the data key in memory: zero it rather than wait for the collector
      if (this.#codec instanceof Sealer) this.#codec.dispose();
    }
  }
}

export interface OpenOptions {
  /** the passphrase of an encrypted archive (or of a new one with `encrypt`) */
  passphrase?: string | undefined;
  /** init only: create the archive encrypted */
  encrypt?: boolean | undefined;
}

function requirePassphrase(options: OpenOptions, root: string): string {
  if (options.passphrase === undefined || options.passphrase === '') {
    throw new AqiqatError('archive.needs-passphrase', { root }, 'input');
  }
  return options.passphrase;
}

/** The codec of the archive at `root`: sealed if it has encryption.json (then the passphrase must unlock it). */
async function codecOf(root: string, options: OpenOptions): Promise<{ codec: Codec; sealing: boolean }> {
  const found = await keyFileOf(root);
  if (!found) return { codec: plainCodec, sealing: false };
  return { codec: await unlockSealer(found, requirePassphrase(options, root), root), sealing: found.sealing === true };
}

/** The sealer of the encrypted archive at `root` (for work done without opening it: restoring archive.json). */
export async function sealerOf(root: string, passphrase: string | undefined): Promise<Sealer | null> {
  const found = await keyFileOf(root);
  return found && unlockSealer(found, requirePassphrase({ passphrase }, root), root);
}

async function keyFileOf(root: string) {
  const raw = await readFile(path.join(root, KEY_FILE), 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw new AqiqatError('file.unreadable', { file: KEY_FILE, reason: e.message }, 'archive');
  });
  return raw === null ? null : parseKeyFile(raw);
}

/**
 * The stored bytes of a content file, under whichever name it has (keyed, from before a re-key, or plain:
 * not yet reached by an interrupted `aqiqat encrypt`).
 */
export async function readStored(codec: Codec, file: string): Promise<Buffer> {
  const [first, ...rest] = codec.candidates(file);
  let error: unknown;
  for (const name of [first!, ...rest]) {
    try {
      return await readFileNoFollow(name);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      error ??= e;
    }
  }
  throw error;
}

/**
 * The archive's folders and top files must be its own, not symbolic links: a linked index/ would be
 * written outside the archive, a linked sources/ backed up from outside it.
 */
async function refuseLinks(layout: Layout): Promise<void> {
  for (const p of [
    layout.archiveFile,
    ...folders(layout).slice(1),
    path.join(layout.root, KEY_FILE),
    path.join(layout.root, AUDIT_FILE),
  ]) {
    if (
      await lstat(p).then(
        (s) => s.isSymbolicLink(),
        () => false,
      )
    ) {
      throw new AqiqatError(
        'storage.symlink-in-archive',
        {
          rel: path.relative(layout.root, p),
          root: layout.root,
          folder: !(p === layout.archiveFile || p.endsWith('.json') || p.endsWith('.log')),
        },
        'archive',
      );
    }
  }
}

/** "No archive here": naming the copies a restore left beside it, which may be the one looked for. */
export async function noArchiveError(root: string): Promise<AqiqatError> {
  const left = await restoreLeftovers(root);
  if (left.length === 0) return new AqiqatError('archive.not-found', { root }, 'not-found');
  return new AqiqatError('archive.not-found-restore-left', { root, left }, 'not-found');
}

/** Who holds a lock, for the "open in another window" message. */
const lockOwnerKind = (): string => (process.versions.electron ? 'the Aqiqat app' : 'the aqiqat command line');

async function openDb<T>(
  file: string,
  schema: import('zod').ZodType<T>,
  label: string,
  empty: T,
  codec: Codec = plainCodec,
): Promise<Db<T>> {
  const db = new Low<T>(new ValidatedJsonFile(file, schema, label, codec), empty);
  await db.read(); // a missing file keeps `empty`
  return db;
}

const CORROBORATED_BY = Buffer.from('"corroboratedBy"');
const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/**
 * The ids in every `"corroboratedBy": […]` of a shard's JSON, found in its bytes without decoding the
 * rest (a key inside a string has its quotes escaped, so it cannot be taken for one; a shard edited by
 * hand may have spaces around the colon).
 */
function corroboratingIds(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let at = bytes.indexOf(CORROBORATED_BY); at >= 0; at = bytes.indexOf(CORROBORATED_BY, at + 1)) {
    let i = at + CORROBORATED_BY.length;
    while (isSpace(bytes[i])) i++;
    if (bytes[i++] !== 0x3a) continue; // :
    while (isSpace(bytes[i])) i++;
    if (bytes[i] !== 0x5b) continue; // [
    const end = bytes.indexOf(0x5d, i); // ]
    if (end < 0) break;
    for (const q of bytes
      .subarray(i + 1, end)
      .toString('utf8')
      .split(',')) {
      const id = q.trim().replace(/^"|"$/g, '');
      if (id !== '') out.push(id);
    }
  }
  return out;
}

function cached<T extends object>(
  map: Map<number, Promise<T>>,
  letGo: Map<number, WeakRef<T>>,
  key: number,
  make: () => Promise<T>,
): Promise<T> {
  let hit = map.get(key);
  if (hit) {
    // most recently used last
    map.delete(key);
  } else {
    const held = letGo.get(key)?.deref();
    letGo.delete(key);
    const made = held ? Promise.resolve(held) : make();
    made.then(
      (db) => settled.set(made, db),
      () => map.delete(key),
    );
    hit = made;
  }
  map.set(key, hit);
  return hit;
}

/** Let go of the oldest settled shards beyond `keep` (one still being read stays). */
function trim<T extends object>(map: Map<number, Promise<T>>, letGo: Map<number, WeakRef<T>>, keep: number): void {
  for (const [key, promise] of map) {
    if (map.size <= keep) return;
    const db = settled.get(promise);
    if (!db) continue;
    map.delete(key);
    letGo.set(key, new WeakRef(db as T));
  }
}

/** Each cached promise's value once it has one: trim() must not wait. */
const settled = new WeakMap<Promise<object>, object>();

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** The summary of the shards `now`: the rows of `known` whose shard is unchanged, with those `read` again. */
function summaryOf(now: ShardIds, known: ArticleSummary | null, read: Map<number, ArticleRow[]>): ArticleSummary {
  const entries: Array<[ArticleRow, number]> = [];
  if (known)
    for (let i = 0; i < known.rows.length; i++) {
      const n = known.shardOfRow[i]!;
      if (now.has(n) && !read.has(n)) entries.push([known.rows[i]!, n]);
    }
  for (const [n, rows] of read) for (const row of rows) entries.push([row, n]);
  // the kept rows are in list order already: sorting them with the rest is about one merge
  entries.sort((a, b) => listOrder(a[0], b[0]));
  return { ids: now, rows: entries.map((e) => e[0]), shardOfRow: entries.map((e) => e[1]) };
}

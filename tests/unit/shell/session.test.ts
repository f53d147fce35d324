/**
 * The app's hold on an archive (electron/session.ts): the lock screen's unlock, the idle lock, encrypting
 * from the app, and that locking never cuts a write in half. Driven through the IPC dispatcher where the
 * renderer would be, with a clock the test moves.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { makeClient } from '../../../electron/api.js';
import { Archive } from '../../../electron/core/archive.js';
import { restoreArchiveJson } from '../../../electron/core/protection/backup.js';
import { newKeyFile, Sealer } from '../../../electron/core/protection/crypto.js';
import { createSampleArchive } from '../../../electron/core/import/sample.js';
import { createDispatcher } from '../../../electron/handlers.js';
import { ArchiveSession } from '../../../electron/session.js';
import { ERROR_TEXTS } from '../../../electron/shared/i18n/errors.js';
import { aqiqat, expectOneLineError } from '../cli-driver.js';
import { SAMPLE_DIR, SEED_ARTICLE, tempDir } from '../helpers.js';

const PASS = 'жеті атасын білген ұл';
const LOCKED_MESSAGE = ERROR_TEXTS.en['session.locked']({});
const LOCKED_DURING_SAVE = ERROR_TEXTS.en['dossier.locked-during-save']({});

const cliAs = (passphrase: string, dir: string, ...args: string[]) =>
  aqiqat(['--archive', dir, ...args], { env: { AQIQAT_PASSPHRASE: passphrase } });
const cli = (dir: string, ...args: string[]) => cliAs(PASS, dir, ...args);
const auditActions = (passphrase: string, dir: string) =>
  (JSON.parse(cliAs(passphrase, dir, 'log', '--json').stdout) as Array<{ action: string }>).map((e) => e.action);

// fast scrypt for the many unlocks here; the real cost is checked in encryption.test.ts
beforeAll(() => void (process.env.AQIQAT_TEST_SCRYPT_LOG2N = '12'));
afterAll(() => void delete process.env.AQIQAT_TEST_SCRYPT_LOG2N);

function clock() {
  let t = 1_800_000_000_000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

async function encryptedSession() {
  const dir = path.join(await tempDir(), 'archive');
  await (await createSampleArchive(dir, SAMPLE_DIR, { encrypt: true, passphrase: PASS })).close();
  const time = clock();
  const session = await ArchiveSession.start(dir, SAMPLE_DIR, time.now);
  const api = makeClient(createDispatcher(session, '0.0.0'));
  return { dir, time, session, api };
}

describe('session: lock screen', () => {
  it('an encrypted archive starts locked; every archive call is refused until the right passphrase', async () => {
    const { api } = await encryptedSession();
    expect(await api.sessionStatus({})).toEqual({
      locked: true,
      encrypted: true,
      lockedBy: 'start',
      idleLockMinutes: null,
      unfinishedEncryption: false,
      problem: null,
    });
    await expect(api.listArticles({})).rejects.toThrow(LOCKED_MESSAGE);
    await expect(api.unlock({ passphrase: 'not the passphrase' })).rejects.toThrow(
      /^wrong passphrase; nothing was changed$/,
    );
    expect((await api.sessionStatus({})).locked).toBe(true);

    const open = await api.unlock({ passphrase: PASS });
    expect(open).toMatchObject({
      locked: false,
      encrypted: true,
      lockedBy: null,
      idleLockMinutes: 10,
      unfinishedEncryption: false,
      problem: null,
    });
    expect((await api.listArticles({})).length).toBeGreaterThan(0);
    expect((await api.archiveInfo({})).version).toBe('0.0.0');
  });

  it('locks on demand, closing the archive so that another process may open it, and unlocks again', async () => {
    const { dir, api } = await encryptedSession();
    await api.unlock({ passphrase: PASS });
    const facts = (await api.listFacts({})).length;
    expect(await api.lock({})).toMatchObject({ locked: true, lockedBy: 'user' });
    await expect(api.listFacts({})).rejects.toThrow(LOCKED_MESSAGE);
    // the single-writer lock was released: the command line can use the archive meanwhile
    expect(cli(dir, 'articles').code).toBe(0);
    await api.unlock({ passphrase: PASS });
    const refused = cli(dir, 'articles');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/open in another window/);
    expect((await api.listFacts({})).length).toBe(facts);
  });

  it('a plain archive cannot be locked and has no idle lock', async () => {
    const archive = await Archive.create(await tempDir());
    const api = makeClient(createDispatcher(ArchiveSession.of(archive), '0.0.0'));
    expect(await api.sessionStatus({})).toEqual({
      locked: false,
      encrypted: false,
      lockedBy: null,
      idleLockMinutes: null,
      unfinishedEncryption: false,
      problem: null,
    });
    await expect(api.lock({})).rejects.toThrow(/not encrypted/);
    await expect(api.setIdleLock({ minutes: 5 })).rejects.toThrow(/not encrypted/);
    expect(await api.listArticles({})).toEqual([]);
  });
});

describe('session: idle lock', () => {
  it('locks after the idle minutes the user set; status polling is not activity, a call or touch is', async () => {
    const { time, api, session } = await encryptedSession();
    await api.unlock({ passphrase: PASS });
    expect(await api.setIdleLock({ minutes: 3 })).toMatchObject({ idleLockMinutes: 3 });

    time.advance(2 * 60_000);
    await api.touch({}); // the user moved the mouse
    time.advance(2 * 60_000);
    expect((await api.sessionStatus({})).locked).toBe(false); // 2 min since the touch
    time.advance(30_000);
    await api.listCases({}); // a call is activity too
    time.advance(2.9 * 60_000);
    expect((await api.sessionStatus({})).locked).toBe(false);
    time.advance(0.2 * 60_000);
    // main's timer finds it idle even if the window asks nothing
    expect(await session.checkIdle()).toBe(true);
    expect(await api.sessionStatus({})).toMatchObject({ locked: true, lockedBy: 'idle' });

    // the setting is stored (sealed) in archive.json: it holds after unlocking again
    expect(await api.unlock({ passphrase: PASS })).toMatchObject({ idleLockMinutes: 3 });
  });

  it('a call arriving after the idle time is refused, not served', async () => {
    const { time, api } = await encryptedSession();
    await api.unlock({ passphrase: PASS });
    time.advance(10 * 60_000 + 1);
    await expect(api.listArticles({})).rejects.toThrow(LOCKED_MESSAGE);
  });

  it('"never" turns the idle lock off', async () => {
    const { time, api } = await encryptedSession();
    await api.unlock({ passphrase: PASS });
    await api.setIdleLock({ minutes: null });
    time.advance(7 * 24 * 3600_000);
    expect(await api.sessionStatus({})).toMatchObject({ locked: false, idleLockMinutes: null });
  });

  it('`aqiqat idle-lock` sets what the app then uses; bad values are one-line errors', async () => {
    const { dir, api } = await encryptedSession();
    expect(cli(dir, 'idle-lock').stdout.trim()).toBe('the app locks this archive after 10 min without activity');
    expect(JSON.parse(cli(dir, 'idle-lock', '45', '--json').stdout)).toEqual({ encrypted: true, idleLockMinutes: 45 });
    for (const bad of ['0', '1441', 'soon']) {
      expectOneLineError(cli(dir, 'idle-lock', bad), /minutes must be/, 2);
    }
    expect(await api.unlock({ passphrase: PASS })).toMatchObject({ idleLockMinutes: 45 });
  });

  it('refuses a setting outside 1 minute to a day', async () => {
    const { api } = await encryptedSession();
    await api.unlock({ passphrase: PASS });
    await expect(api.setIdleLock({ minutes: 0 })).rejects.toThrow(/^invalid setIdleLock request: minutes/);
    await expect(api.setIdleLock({ minutes: 1441 })).rejects.toThrow(/^invalid setIdleLock request: minutes/);
  });
});

describe('session: locking waits for writes in flight', () => {
  it('an import running when the lock comes finishes and is stored', async () => {
    const { api, dir } = await encryptedSession();
    await api.unlock({ passphrase: PASS });
    const bytes = new Uint8Array(await readFile(SEED_ARTICLE));
    const text = new TextDecoder().decode(bytes).replace('Мұхтар', 'Мұхтарбек');
    const importing = api.importFile({ name: 'late.txt', bytes: new TextEncoder().encode(text), title: 'Кеш мақала' });
    const locking = api.lock({});
    const [imported] = await Promise.all([importing, locking]);
    expect((await api.sessionStatus({})).locked).toBe(true);
    const reopened = await Archive.open(dir, { passphrase: PASS });
    expect((await reopened.listArticles()).map((a) => a.id)).toContain(imported.article.id);
    await reopened.close();
  });
});

describe('session: encrypting from the app', () => {
  it('encrypting names the plain copies a restore kept beside the archive, which it cannot reach', async () => {
    const dir = path.join(await tempDir(), 'archive');
    const archive = await createSampleArchive(dir, SAMPLE_DIR);
    const copy = `${dir}.before-restore-20261201T000000000Z`;
    await cp(dir, copy, { recursive: true });
    const api = makeClient(createDispatcher(ArchiveSession.of(archive), '0.0.0'));
    const status = await api.encryptArchive({ passphrase: PASS });
    expect(status.encrypted).toBe(true);
    expect(status.plainCopies).toEqual([copy]);
    await api.lock({});
  });

  it('encrypts the open plain archive, stays open, then locks and unlocks with the new passphrase', async () => {
    const dir = path.join(await tempDir(), 'archive');
    const archive = await createSampleArchive(dir, SAMPLE_DIR);
    const marker = 'ҚҰПИЯСӨЗ';
    await archive.addFact({
      articleId: (await archive.listArticles())[0]!.id,
      quote: (await archive.getArticle((await archive.listArticles())[0]!.id)).text.slice(0, 40),
      note: marker,
    });
    const session = ArchiveSession.of(archive);
    const api = makeClient(createDispatcher(session, '0.0.0'));
    await expect(api.encryptArchive({ passphrase: 'short' })).rejects.toThrow(/at least 8 characters/);
    expect(await Archive.isEncrypted(dir)).toBe(false);

    expect(await api.encryptArchive({ passphrase: PASS })).toEqual({
      locked: false,
      encrypted: true,
      lockedBy: null,
      idleLockMinutes: 10,
      unfinishedEncryption: false,
      problem: null,
      plainCopies: [],
    });
    expect((await api.search({ text: 'Жәкішев' })).length).toBeGreaterThan(0);
    const shards = await readFile(path.join(dir, 'archive.json'));
    expect(shards.includes(Buffer.from(marker))).toBe(false);
    await expect(api.encryptArchive({ passphrase: PASS })).rejects.toThrow(/already encrypted/);

    await api.lock({});
    expect(auditActions(PASS, dir)).toContain('archive-encrypted');
    await api.unlock({ passphrase: PASS });
    expect((await api.listFacts({})).some((f) => f.note === marker)).toBe(true);
  });

  it('changes the passphrase: the old one no longer opens it; the audit log says so', async () => {
    const { api, dir } = await encryptedSession();
    await api.unlock({ passphrase: PASS });
    await expect(api.changePassphrase({ current: 'wrong one!', next: 'жаңа құпия сөз' })).rejects.toThrow(
      /^wrong passphrase/,
    );
    await api.changePassphrase({ current: PASS, next: 'жаңа құпия сөз' });
    await api.lock({});
    await expect(api.unlock({ passphrase: PASS })).rejects.toThrow(/^wrong passphrase/);
    expect(auditActions('жаңа құпия сөз', dir)).toContain('passphrase-changed');
    expect((await api.unlock({ passphrase: 'жаңа құпия сөз' })).locked).toBe(false);
  });

  it('"the old passphrase may be known": a new data key, every file re-sealed, and the session goes on open', async () => {
    const { api, dir } = await encryptedSession();
    await api.unlock({ passphrase: PASS });
    const oldKey = await readFile(path.join(dir, 'encryption.json'), 'utf8');
    const facts = await api.listFacts({});
    await expect(api.changePassphrase({ current: 'wrong one!', next: 'жаңа құпия сөз', rekey: true })).rejects.toThrow(
      /^wrong passphrase/,
    );
    expect((await api.listFacts({})).length).toBe(facts.length); // still open with the old key
    expect((await api.changePassphrase({ current: PASS, next: 'жаңа құпия сөз', rekey: true })).locked).toBe(false);
    expect(await api.listFacts({})).toEqual(facts);
    const key = JSON.parse(await readFile(path.join(dir, 'encryption.json'), 'utf8'));
    expect(key.key).not.toBe(JSON.parse(oldKey).key);
    expect(key.rekeying).toBeUndefined();
    await api.lock({});
    // the old key file with the old passphrase no longer opens the files
    await writeFile(path.join(dir, 'encryption.json'), oldKey);
    expect(cliAs(PASS, dir, 'facts').stderr).toMatch(/does not authenticate/);
  });
});

describe('session: a damaged archive.json', () => {
  /** The sample, opened once (so backups/ holds a snapshot), then archive.json broken by hand. */
  async function damaged(options: { encrypt?: boolean; snapshot?: boolean } = {}) {
    const dir = path.join(await tempDir(), 'archive');
    const passphrase = options.encrypt ? PASS : undefined;
    await (await createSampleArchive(dir, SAMPLE_DIR, { encrypt: options.encrypt, passphrase })).close();
    if (options.snapshot !== false) await (await Archive.open(dir, { passphrase })).close();
    await writeFile(path.join(dir, 'archive.json'), '{"schemaVersion":1, broken');
    return dir;
  }

  it('opens to a problem, not a crash; putting the latest snapshot back opens the archive and keeps the damaged file', async () => {
    const dir = await damaged();
    const api = makeClient(createDispatcher(await ArchiveSession.start(dir, SAMPLE_DIR), '0.0.0'));
    const status = await api.sessionStatus({});
    expect(status).toMatchObject({
      locked: true,
      encrypted: false,
      problem: {
        message: expect.stringMatching(/^archive\.json is not valid JSON/),
        error: { code: 'storage.invalid-json', params: { file: 'archive.json' } },
        snapshotTakenAt: expect.any(String),
      },
    });
    await expect(api.listArticles({})).rejects.toThrow(LOCKED_MESSAGE);

    expect(await api.restoreSnapshot({})).toMatchObject({ locked: false, problem: null });
    expect((await api.listCases({})).length).toBeGreaterThan(0);
    const kept = (await readdir(path.join(dir, 'backups'))).filter((n) => n.startsWith('replaced-archive-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(path.join(dir, 'backups', kept[0]!), 'utf8')).toBe('{"schemaVersion":1, broken');
  });

  it('without a snapshot: the problem says so and nothing is replaced', async () => {
    const dir = await damaged({ snapshot: false });
    const api = makeClient(createDispatcher(await ArchiveSession.start(dir, SAMPLE_DIR), '0.0.0'));
    expect((await api.sessionStatus({})).problem).toMatchObject({ snapshotTakenAt: null });
    await expect(api.restoreSnapshot({})).rejects.toThrow(/^there is no snapshot to put back/);
    expect(await readFile(path.join(dir, 'archive.json'), 'utf8')).toBe('{"schemaVersion":1, broken');
  });

  it('encrypted: the unlock finds the damage; after the snapshot is back, the passphrase opens it', async () => {
    const dir = await damaged({ encrypt: true });
    const api = makeClient(createDispatcher(await ArchiveSession.start(dir, SAMPLE_DIR), '0.0.0'));
    await expect(api.unlock({ passphrase: PASS })).rejects.toThrow(/archive\.json/);
    expect((await api.sessionStatus({})).problem?.snapshotTakenAt).toEqual(expect.any(String));
    expect(await api.restoreSnapshot({})).toMatchObject({ locked: true, encrypted: true, problem: null });
    expect(await api.unlock({ passphrase: PASS })).toMatchObject({ locked: false, problem: null });
  });

  it('a newer schema is not damage: the app still refuses at start, with no snapshot offered in its place', async () => {
    const dir = path.join(await tempDir(), 'archive');
    await (await Archive.create(dir)).close();
    const raw = await readFile(path.join(dir, 'archive.json'), 'utf8');
    await writeFile(path.join(dir, 'archive.json'), raw.replace('"schemaVersion":1', '"schemaVersion":2'));
    await expect(ArchiveSession.start(dir, SAMPLE_DIR)).rejects.toThrow(/newer Aqiqat/);
  });
});

describe('session: a wake-up, a long call, an interrupted encryption, damaged or unreadable files', () => {
  it('a touch after the idle time has run out (a laptop waking up) locks instead of reviving the session', async () => {
    const { time, api } = await encryptedSession();
    await api.unlock({ passphrase: PASS });
    time.advance(60 * 60_000);
    await api.touch({});
    expect(await api.sessionStatus({})).toMatchObject({ locked: true, lockedBy: 'idle' });
  });

  it('an idle lock queued behind a long call does not lock if the user came back meanwhile', async () => {
    const { time, api, session } = await encryptedSession();
    await api.unlock({ passphrase: PASS });
    // the idle time has run out, but the lock must wait for the call; the user is back before it runs
    let finish2!: () => void;
    const long2 = session.use(() => new Promise<void>((resolve) => (finish2 = resolve)));
    time.advance(11 * 60_000);
    const idle2 = session.lock('idle');
    time.advance(-11 * 60_000); // stands for fresh activity: the idle time no longer holds
    finish2();
    await long2;
    await idle2;
    expect((await api.sessionStatus({})).locked).toBe(false);
  });

  it('an encryption interrupted part way is finished at the next unlock: nothing stays plain', async () => {
    const dir = path.join(await tempDir(), 'archive');
    const marker = 'ҮЗІЛГЕНШИФР';
    const archive = await createSampleArchive(dir, SAMPLE_DIR);
    const [a] = await archive.listArticles();
    await archive.addFact({
      articleId: a!.id,
      quote: (await archive.getArticle(a!.id)).text.slice(0, 30),
      note: marker,
    });
    // what a crash after sealing only archive.json leaves: the key file (still marked "sealing"), the rest plain
    const { keyFile, dataKey } = await newKeyFile(PASS);
    const sealer = new Sealer(dataKey, dir);
    await archive.close();
    await writeFile(path.join(dir, 'encryption.json'), JSON.stringify({ ...keyFile, sealing: true }));
    await writeFile(
      path.join(dir, 'archive.json'),
      sealer.seal(await readFile(path.join(dir, 'archive.json')), path.join(dir, 'archive.json')),
    );
    expect(grepR(dir, marker)).not.toEqual([]);

    const session = await ArchiveSession.start(dir, SAMPLE_DIR);
    const api = makeClient(createDispatcher(session, '0.0.0'));
    expect(await api.unlock({ passphrase: PASS })).toMatchObject({
      locked: false,
      encrypted: true,
      unfinishedEncryption: false,
    });
    expect(grepR(dir, marker)).toEqual([]);
    expect(JSON.parse(await readFile(path.join(dir, 'encryption.json'), 'utf8')).sealing).toBeUndefined();
    expect((await api.listFacts({})).some((f) => f.note === marker)).toBe(true);
  });

  it('a damaged newest snapshot is passed over for the one before it', async () => {
    const dir = path.join(await tempDir(), 'archive');
    await (await createSampleArchive(dir, SAMPLE_DIR)).close();
    await (await Archive.open(dir)).close(); // snapshot 1
    const a = await Archive.open(dir);
    await a.createCase('Кейінгі іс');
    await a.close();
    await (await Archive.open(dir)).close(); // snapshot 2, holding the new case
    const snapshots = (await readdir(path.join(dir, 'backups'))).filter((n) => n.startsWith('archive-')).sort();
    expect(snapshots.length).toBeGreaterThanOrEqual(2);
    await writeFile(path.join(dir, 'backups', snapshots.at(-1)!), '{"schemaVersion":1');
    await writeFile(path.join(dir, 'archive.json'), 'not json');
    const api = makeClient(createDispatcher(await ArchiveSession.start(dir, SAMPLE_DIR), '0.0.0'));
    expect(await api.restoreSnapshot({})).toMatchObject({ locked: false, problem: null });
    expect((await api.listCases({})).map((c) => c.title)).not.toContain('Кейінгі іс');
  });

  it('archive.json that cannot be read (not damaged) is reported as it is, and never replaced', async () => {
    const dir = path.join(await tempDir(), 'archive');
    await (await createSampleArchive(dir, SAMPLE_DIR)).close();
    await (await Archive.open(dir)).close(); // a snapshot exists
    await rename(path.join(dir, 'archive.json'), path.join(dir, 'moved.json'));
    await mkdir(path.join(dir, 'archive.json')); // reading it fails with EISDIR, as a bad disk or permissions would
    await expect(ArchiveSession.start(dir, SAMPLE_DIR)).rejects.toThrow(/^cannot read archive\.json: EISDIR/);
    const [snapshot] = (await readdir(path.join(dir, 'backups'))).filter((n) => n.startsWith('archive-'));
    await expect(restoreArchiveJson(path.join(dir, 'backups', snapshot!), dir)).rejects.toThrow(
      /cannot read the current archive\.json \(EISDIR\); nothing was replaced/,
    );
  });
});

/** Files under `dir` holding `word` as UTF-8 bytes. */
function grepR(dir: string, word: string): string[] {
  return spawnSync('grep', ['-r', '-l', '-a', '-F', word, dir], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean);
}

describe('session: the dossier save dialog', () => {
  // a printer's stand-in: the smallest real PDF (the core reads it for page numbers and finishes it)
  let PDF: Uint8Array;
  beforeAll(async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    PDF = await doc.save();
  });
  type Answer = (file: string | null) => void;

  /** A session whose save dialog the test answers: `nextDialog()` resolves with the answer of the next one opened. */
  async function savingSession() {
    const env = await encryptedSession();
    await env.api.unlock({ passphrase: PASS });
    const [theCase] = await env.api.listCases({});
    let waiting: ((answer: Answer) => void) | null = null;
    const host = {
      printer: { print: async () => PDF, close: async () => undefined },
      chooseSavePath: () =>
        new Promise<string | null>((resolve) => {
          waiting?.(resolve);
          waiting = null;
        }),
    };
    const withHost = makeClient(createDispatcher(env.session, '0.0.0', host));
    const nextDialog = () => new Promise<Answer>((resolve) => (waiting = resolve));
    const file = path.join(env.dir, '..', 'saved.pdf');
    const exported = async () => (await env.session.use((a) => a.auditLog())).filter((e) => e.action === 'export-made');
    return { ...env, nextDialog, file, exported, save: () => withHost.saveDossierPdf({ caseId: theCase!.id }) };
  }

  it('a save dialog left open does not hold off a lock, and what it answers after the lock is not written', async () => {
    const { api, nextDialog, file, exported, save } = await savingSession();
    const dialog = nextDialog();
    const saving = save();
    const answer = await dialog;
    // the user walked away: the lock is not blocked by the dialog
    expect(await api.lock({})).toMatchObject({ locked: true });
    // whoever found the laptop picks a folder and presses Save
    answer(file);
    await expect(saving).rejects.toThrow(LOCKED_MESSAGE);
    expect(existsSync(file)).toBe(false);
    await api.unlock({ passphrase: PASS });
    expect(await exported()).toEqual([]);
  });

  it('a dialog that outlived a lock stays refused after the unlock; saving again works', async () => {
    const { api, nextDialog, file, exported, save } = await savingSession();
    let dialog = nextDialog();
    const saving = save();
    let answer = await dialog;
    await api.lock({});
    await api.unlock({ passphrase: PASS });
    answer(file);
    await expect(saving).rejects.toThrow(LOCKED_DURING_SAVE);
    expect(existsSync(file)).toBe(false);
    expect(await exported()).toEqual([]);

    dialog = nextDialog();
    const again = save();
    answer = await dialog;
    answer(file);
    expect(await again).toMatchObject({ path: file });
    const saved = await readFile(file);
    expect(saved.toString('latin1')).toMatch(/^%PDF-[\s\S]*pdfaid:part>2</);
    expect(await exported()).toEqual([
      expect.objectContaining({
        summary: `dossier PDF → ${file}`,
        sha256: createHash('sha256').update(saved).digest('hex'),
      }),
    ]);
  });

  it('the idle lock counts too, even when it strikes only as the dialog returns', async () => {
    const { time, nextDialog, file, save } = await savingSession();
    const dialog = nextDialog();
    const saving = save();
    const answer = await dialog;
    time.advance(11 * 60_000); // past the default 10 idle minutes, with no idle timer run meanwhile
    answer(file);
    await expect(saving).rejects.toThrow(LOCKED_MESSAGE);
    expect(existsSync(file)).toBe(false);
  });

  it('a lock asked for during the print counts against the dialog that follows it', async () => {
    const { api, nextDialog, file, save } = await savingSession();
    const dialog = nextDialog();
    const saving = save();
    // queued behind the print in flight: it runs once the print is done, while the dialog opens
    const locking = api.lock({});
    const answer = await dialog;
    await locking;
    await api.unlock({ passphrase: PASS });
    answer(file);
    await expect(saving).rejects.toThrow(LOCKED_DURING_SAVE);
    expect(existsSync(file)).toBe(false);
  });

  it('a cancelled dialog saves nothing and says so', async () => {
    const { nextDialog, exported, save } = await savingSession();
    const dialog = nextDialog();
    const saving = save();
    (await dialog)(null);
    expect(await saving).toMatchObject({ path: null });
    expect(await exported()).toEqual([]);
  });
});

/**
 * Hostile bundles, each validly signed by a known contact and encrypted to the receiver with the functions
 * the writer uses, so that only the hostility tested stands between it and a merge: each is refused by the
 * real CLI with one line, and the receiving archive's folder is unchanged.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDeflateRaw } from 'node:zlib';
import { Decrypter, Encrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { readPackageZip } from '../../../../electron/core/package/zip-read.js';
import { readIdentity, signWith, type Identity } from '../../../../electron/core/protection/identity.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';
import { BUNDLE_FILE, BUNDLE_LIMITS, SIGNATURE_FILE } from '../../../../electron/core/team/format.js';
import { snapshot } from '../../helpers.js';
import { aqiqat, expectOneLineError } from '../../cli-driver.js';
import { teamFixture, type TeamFixture } from './fixture.js';

interface Entry {
  name: string;
  data: Uint8Array;
  /** deflated bytes instead of storing `data` */
  deflated?: Uint8Array;
  /** the size the central directory declares (default: the real one) */
  declared?: number;
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Uint8Array) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A ZIP written by hand: any names (twice, outside, absolute) and any declared sizes. */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = Buffer.from(e.deflated ?? e.data);
    const size = e.declared ?? e.data.length;
    const head = (sig: number, len: number) => {
      const h = Buffer.alloc(len);
      h.writeUInt32LE(sig, 0);
      return h;
    };
    const local = head(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflated ? 8 : 0, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = head(0x02014b50, 46);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.deflated ? 8 : 0, 10);
    dir.writeUInt32LE(crc32(e.data), 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

/** `mib` MiB of zeros deflated, streamed so the zeros never sit in memory at once: about 1 KB a MiB. */
async function zeros(mib: number): Promise<Buffer> {
  const d = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => d.on('end', resolve));
  const mb = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mib; i++) if (!d.write(mb)) await new Promise((r) => d.once('drain', r));
  d.end();
  await done;
  return Buffer.concat(out);
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let fx: TeamFixture;
let sender: Identity;
let recipient = '';
/** the entries of a real bundle from A to B, as A's writer made them */
let real: Map<string, Uint8Array>;
let bomb: Buffer;
const BOMB_MIB = BUNDLE_LIMITS.entryBytes / 2 ** 20 + 16;

beforeAll(async () => {
  fx = await teamFixture();
  const a = await Archive.open(fx.a);
  const b = await Archive.open(fx.b);
  try {
    const sa = storeForTests(a);
    sender = (await readIdentity(sa.layout.root, sa.codec))!;
    const sb = storeForTests(b);
    const receiver = (await readIdentity(sb.layout.root, sb.codec))!;
    recipient = receiver.encrypt!.recipient;
    const d = new Decrypter();
    d.addIdentity(receiver.encrypt!.secretKey);
    real = readPackageZip(await d.decrypt(await readFile(fx.toB)), 'to-b', BUNDLE_LIMITS);
  } finally {
    await a.close();
    await b.close();
  }
  bomb = await zeros(BOMB_MIB);
}, 120_000);
afterAll(() => fx?.remove());

/** bundle.json as A wrote it, changed by `edit`, signed by A */
function signed(edit: (bundle: Record<string, unknown>) => unknown = (x) => x): { json: Buffer; sig: Buffer } {
  const bundle = JSON.parse(Buffer.from(real.get(BUNDLE_FILE)!).toString('utf8')) as Record<string, unknown>;
  const value = edit(bundle);
  const json = Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
  const sig = Buffer.from(
    JSON.stringify({ algorithm: 'Ed25519', signature: signWith(sender, json).toString('base64') }),
  );
  return { json, sig };
}

/** the real bundle's entries with bundle.json and signature.json replaced, then `extra` */
function entries(s: { json: Buffer; sig: Buffer }, extra: Entry[] = []): Entry[] {
  return [
    ...[...real].filter(([n]) => n !== BUNDLE_FILE && n !== SIGNATURE_FILE).map(([name, data]) => ({ name, data })),
    { name: BUNDLE_FILE, data: s.json },
    { name: SIGNATURE_FILE, data: s.sig },
    ...extra,
  ];
}

/** B's files but backups/: every open takes a snapshot there, whatever the command does after */
const files = async () => new Map([...(await snapshot(fx.b))].filter(([k]) => !k.startsWith('backups/')));

async function refused(name: string, zipped: Buffer, pattern: RegExp): Promise<void> {
  const e = new Encrypter();
  e.addRecipient(recipient);
  const file = path.join(fx.root, `${name}.age`);
  await writeFile(file, await e.encrypt(zipped));
  const before = await files();
  expectOneLineError(aqiqat(['--archive', fx.b, 'receive', file]), pattern);
  expect(await files()).toEqual(before);
}

describe('hostile bundles: one line, nothing written', () => {
  it('the hand-made ZIP is taken when nothing is wrong with it (so every refusal below is the hostility’s)', async () => {
    // --plan: read, checked and merged in memory, nothing written
    const r = aqiqat([
      '--archive',
      fx.b,
      'receive',
      '--plan',
      '--json',
      await (async () => {
        const e = new Encrypter();
        e.addRecipient(recipient);
        const file = path.join(fx.root, 'plain.age');
        await writeFile(file, await e.encrypt(zip(entries(signed()))));
        return file;
      })(),
    ]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).signer.contact).toBe('Aigul');
  }, 60_000);

  it.each([
    ['parent', '../x'],
    ['absolute', '/tmp/x'],
    ['backslashes', 'sources\\..\\..\\x'],
    ['drive', 'C:/x'],
  ])(
    'an entry named outside the archive (%s)',
    async (label, name) => {
      await refused(
        label,
        zip(entries(signed(), [{ name, data: Buffer.from('x') }])),
        /a path outside the package|may not/,
      );
    },
    60_000,
  );

  it('a ZIP bomb: a small entry declared small that inflates past its size, and one declared past the limit', async () => {
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const data = Buffer.alloc(0);
    const hash = '0'.repeat(64);
    const edit = (declared: number) =>
      entries(
        signed((b) => ({ ...b, files: { ...(b.files as object), [`sources/${hash}.txt`]: hash } })),
        [{ name: `sources/${hash}.txt`, data, deflated: bomb, declared }],
      );
    await refused('bomb-small', zip(edit(1024)), /damaged|more than/);
    await refused('bomb-big', zip(edit(BOMB_MIB * 2 ** 20)), /would unpack to more than \d+ bytes/);
  }, 120_000);

  it('a bundle of a newer version', async () => {
    await refused('newer', zip(entries(signed((b) => ({ ...b, version: 2 })))), /newer Aqiqat \(bundle version 2\)/);
  }, 60_000);

  it('validly signed, but its JSON is malformed or not of the schema', async () => {
    await refused('not-json', zip(entries(signed(() => '{"format":"aqiqat-bundle",'))), /bundle\.json is not JSON/);
    await refused(
      'bad-fact',
      zip(entries(signed((b) => ({ ...b, facts: [{ id: '../../x', note: 1 }] })))),
      /invalid: bad-fact\.age: bundle\.json: facts\.0\.id/,
    );
    await refused(
      'extra-field',
      zip(entries(signed((b) => ({ ...b, run: 'rm -rf /' })))),
      /invalid: extra-field\.age: bundle\.json: /,
    );
  }, 120_000);

  it('an entry twice: the second bundle.json would be read after the signature was checked over the first', async () => {
    const good = signed();
    const evil = signed((b) => ({ ...b, cases: [] }));
    await refused(
      'twice',
      zip([...entries(good), { name: BUNDLE_FILE, data: evil.json }]),
      /bundle\.json is in the package twice/,
    );
  }, 60_000);

  it('a source whose bytes are not the ones listed', async () => {
    const [name, data] = [...real].find(([n]) => n.startsWith('sources/'))!;
    const other = Buffer.concat([Buffer.from(data), Buffer.from('!')]);
    expect(sha(other)).not.toBe(sha(data));
    await refused(
      'swapped',
      zip([...entries(signed()).filter((e) => e.name !== name), { name, data: other }]),
      /is not the file the bundle lists/,
    );
  }, 60_000);
});

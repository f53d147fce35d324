/**
 * The team calls over IPC: key files saved and added, a case shared to the chosen file, its plan and
 * its receive from the picked file's bytes (the receiving archive's search index, already loaded,
 * finds the facts), bad input refused with its code, a conflict resolved.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeClient, type AqiqatApi } from '../../../electron/api.js';
import { Archive } from '../../../electron/core/archive.js';
import type { DossierHost } from '../../../electron/core/dossier/host.js';
import { createSampleArchive } from '../../../electron/core/import/sample.js';
import { createDispatcher } from '../../../electron/handlers.js';
import { ArchiveSession } from '../../../electron/session.js';
import { SAMPLE_DIR, tempDir } from '../helpers.js';

/** A host whose save dialog answers with dir/<suggested name>, or null (cancelled). */
function host(dir: string, answer: { cancel: boolean } = { cancel: false }): DossierHost {
  return {
    printer: { print: () => Promise.reject(new Error('no printing here')), close: async () => undefined },
    chooseSavePath: async (name: string) => {
      if (answer.cancel) return null;
      await mkdir(dir, { recursive: true });
      return path.join(dir, name);
    },
  } as unknown as DossierHost;
}

const client = (archive: Archive, h?: DossierHost): AqiqatApi => {
  const dispatch = createDispatcher(ArchiveSession.of(archive), '1.0.0', h);
  return makeClient((m, i) => dispatch(m, i));
};

describe('team calls over IPC', () => {
  it('shares a case from A to B and back; B searches what it received; A resolves the conflict', async () => {
    const dir = await tempDir();
    const a = await createSampleArchive(path.join(dir, 'a'), SAMPLE_DIR);
    const b = await Archive.create(path.join(dir, 'b'));
    const apiA = client(a, host(path.join(dir, 'a-saved')));
    const apiB = client(b, host(path.join(dir, 'b-saved')));

    const keyA = await apiA.saveContactKey({});
    const keyB = await apiB.saveContactKey({});
    expect(keyA.path).toMatch(/\.key$/);
    const bolat = await apiA.addContact({
      name: 'Bolat',
      file: 'b.key',
      keyFile: await readFile(keyB.path!, 'utf8'),
    });
    expect(bolat.fingerprint).toBe(keyB.fingerprint);
    await apiB.addContact({ name: 'Aigerim', file: 'a.key', keyFile: await readFile(keyA.path!, 'utf8') });
    expect((await apiA.listContacts({})).map((c) => c.name)).toEqual(['Bolat']);

    // B's index is loaded and empty before the receive
    expect(await b.search('пикет')).toEqual([]);
    const caseId = a.listCases()[0]!.id;
    const shared = await apiA.shareCases({ cases: [caseId], to: ['Bolat'] });
    expect(shared.path).toMatch(/\.age$/);
    const bytes = new Uint8Array(await readFile(shared.path!));
    const plan = await apiB.receivePlan({ name: 'case.age', bytes });
    expect(plan.signer.contact).toBe('Aigerim');
    expect(plan.changes.some((c) => c.kind === 'fact' && c.action === 'add')).toBe(true);
    expect(b.listCases()).toEqual([]);
    const received = await apiB.receiveApply({ name: 'case.age', bytes });
    expect(received.changes).toEqual(plan.changes);
    expect((await b.search('пикет')).some((h) => h.kind === 'fact')).toBe(true);
    expect((await apiB.receiveApply({ name: 'case.age', bytes })).already).toBe(true);

    const factId = a.listCases()[0]!.facts[0]!;
    await a.editFact(factId, { note: 'A' });
    await b.editFact(factId, { note: 'B' });
    const back = await apiB.shareCases({ cases: [caseId], to: ['Aigerim'] });
    await apiA.receiveApply({ name: 'back.age', bytes: new Uint8Array(await readFile(back.path!)) });
    const [conflict] = await apiA.listConflicts({});
    expect(conflict).toMatchObject({ kind: 'fact', subject: factId });
    await expect(apiA.resolveConflict({ id: conflict!.id, keep: 'merge' })).rejects.toMatchObject({
      code: 'team.conflict-bad-choice',
    });
    await apiA.resolveConflict({ id: conflict!.id, keep: 'theirs' });
    expect(await apiA.listConflicts({})).toEqual([]);
    expect((await a.getCase(caseId)).facts.find((f) => f.id === factId)!.note).toBe('B');

    await apiA.renameContact({ from: 'Bolat', to: 'Bolat N.' });
    await apiA.removeContact({ name: 'Bolat N.' });
    expect(await apiA.listContacts({})).toEqual([]);
    await a.close();
    await b.close();
  });

  it('refuses bad input with one line and its code, writing nothing', async () => {
    const dir = await tempDir();
    const a = await createSampleArchive(path.join(dir, 'a'), SAMPLE_DIR);
    const answer = { cancel: true };
    const api = client(a, host(path.join(dir, 'saved'), answer));
    const caseId = a.listCases()[0]!.id;
    await expect(api.addContact({ name: 'X', file: 'x.key', keyFile: 'not json' })).rejects.toMatchObject({
      code: 'contact.bad-key-file',
      message: expect.stringMatching(/^[^\n]+$/),
    });
    await expect(api.receivePlan({ name: 'x.age', bytes: new TextEncoder().encode('hello') })).rejects.toMatchObject({
      code: 'team.not-a-bundle',
    });
    await expect(api.shareCases({ cases: [caseId], to: [] })).rejects.toMatchObject({ code: 'team.no-recipient' });
    await expect(api.shareCases({ cases: [caseId], to: ['Nobody'] })).rejects.toMatchObject({
      code: 'contact.not-found',
    });
    // a dialog cancelled: nothing written, nothing recorded as sent
    const cancelled = await api.shareCases({ cases: [caseId], to: [], passphrase: 'long enough words' });
    expect(cancelled.path).toBeNull();
    expect((await a.auditLog()).some((e) => e.action === 'bundle-shared')).toBe(false);
    // a folder that refuses the file: one line naming it
    answer.cancel = false;
    const blocked = path.join(dir, 'saved', 'blocked');
    await mkdir(path.dirname(blocked), { recursive: true });
    await (await import('node:fs/promises')).writeFile(blocked, 'a file, not a folder');
    const refusing = client(a, {
      ...host(dir),
      chooseSavePath: async (name: string) => path.join(blocked, name),
    } as DossierHost);
    await expect(refusing.saveContactKey({})).rejects.toMatchObject({ code: 'file.cannot-write' });
    // no save dialog in this process
    const bare = client(a);
    await expect(bare.saveContactKey({})).rejects.toMatchObject({ code: 'dossier.needs-app' });
    await a.close();
  });
});

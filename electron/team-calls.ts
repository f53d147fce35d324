/**
 * The shell's team calls: what writes a file the user chooses in the save dialog (a bundle for
 * colleagues, this archive's own key file). As the dossier's: built inside use(), the dialog outside
 * it (left open, it must not hold off the idle lock), the write and its record inside it again.
 */
import { AqiqatError } from './core/errors.js';
import { noInput } from './core/call.js';
import { pdfFileName } from './core/dossier/host.js';
import { ShareRequestSchema } from './core/team/calls.js';
import { writeChosenFile } from './chosen-file.js';
import { defineShellCalls, shellCall } from './session-calls.js';

export const teamShellCalls = defineShellCalls({
  shareCases: shellCall(ShareRequestSchema, async ({ session, locks }, input, { dossier }) => {
    if (!dossier) throw new AqiqatError('dossier.needs-app', {});
    const { shared, title, locksAtShare } = await session.use(async (a) => ({
      shared: await a.share({ cases: input.cases, to: input.to, passphrase: input.passphrase }),
      title: (await a.getCase(input.cases[0]!)).title,
      locksAtShare: locks(),
    }));
    const path = await dossier.chooseSavePath(pdfFileName(title).replace(/\.pdf$/, '.age'));
    const saved = await session.use(async (a) => {
      if (locks() !== locksAtShare) throw new AqiqatError('dossier.locked-during-save', {});
      if (!path) return null;
      await writeChosenFile('file.cannot-write', path, shared.bytes);
      // only a bundle that reached its file becomes what both sides have in common
      await a.recordShared(shared, path);
      return path;
    });
    return {
      path: saved,
      sha256: shared.sha256,
      cases: shared.cases,
      facts: shared.facts,
      articles: shared.articles,
    };
  }),
  saveContactKey: shellCall(noInput, async ({ session }, _input, { dossier }) => {
    if (!dossier) throw new AqiqatError('dossier.needs-app', {});
    const key = await session.use((a) => a.identityKeyFile());
    const path = await dossier.chooseSavePath(`${pdfFileName(key.name).replace(/\.pdf$/, '')}.key`);
    if (!path) return { path: null, fingerprint: key.fingerprint };
    await session.use(() =>
      writeChosenFile('file.cannot-write', path, new TextEncoder().encode(`${JSON.stringify(key, null, 2)}\n`)),
    );
    return { path, fingerprint: key.fingerprint };
  }),
});

/** The shell's dossier calls: print the PDF (or build the evidence package), ask where to save it, write it, audit it. */
import { writeChosenFile } from './chosen-file.js';
import { AqiqatError } from './core/errors.js';
import { DossierRequestSchema } from './core/dossier/calls.js';
import { pdfFileName, printDossierPdf, savedDossierEntry } from './core/dossier/host.js';
import { exportEntry } from './core/protection/audit.js';
import { defineShellCalls, shellCall } from './session-calls.js';

export const dossierShellCalls = defineShellCalls({
  saveDossierPdf: shellCall(DossierRequestSchema, async ({ session, locks }, input, { dossier }) => {
    // counted inside use(): no lock can complete while the print is in flight
    const { printed, locksAtPrint } = await session.use(async (a) => ({
      printed: await printDossierPdf(a, input, dossier),
      locksAtPrint: locks(),
    }));
    // the save dialog outside use(): left open, it must not hold off the idle lock (which closes it)
    const path = await dossier!.chooseSavePath(printed.fileName);
    // the write inside use(): refused while locked, and no lock can come between the check and the file
    const saved = await session.use(async () => {
      // whoever answered a save dialog that stayed open through a lock need not be who printed
      if (locks() !== locksAtPrint) throw new AqiqatError('dossier.locked-during-save', {});
      if (path) await writeChosenFile('dossier.cannot-save', path, printed.pdf);
      return path;
    });
    // a lock right after the write: the line waits for the unlock rather than being lost
    if (saved) await session.audit(savedDossierEntry(printed, saved));
    return { path: saved, bytes: printed.pdf.length, facts: printed.facts };
  }),
  // as saveDossierPdf: built inside use(), the dialog outside it, the write inside it again
  saveEvidencePackage: shellCall(DossierRequestSchema, async ({ session, locks }, input, { dossier }) => {
    if (!dossier) throw new AqiqatError('dossier.needs-app', {});
    const { built, locksAtBuild } = await session.use(async (a) => ({
      built: await a.package({ ...input, case: input.caseId }, dossier.printer),
      locksAtBuild: locks(),
    }));
    const path = await dossier.chooseSavePath(pdfFileName(built.title).replace(/\.pdf$/, '.aqpkg'));
    const saved = await session.use(async () => {
      if (locks() !== locksAtBuild) throw new AqiqatError('dossier.locked-during-save', {});
      if (path) await writeChosenFile('dossier.cannot-save', path, built.zip);
      return path;
    });
    // the package's line; recorded through the archive, it signs the audit log's head too
    if (saved) await session.audit(exportEntry('evidence package', built.zip, built.caseId, saved));
    return { path: saved, bytes: built.zip.length, facts: built.facts, fingerprint: built.fingerprint };
  }),
});

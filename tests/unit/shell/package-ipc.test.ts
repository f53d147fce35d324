/** "Export evidence package…" over IPC: built with the host's printer, saved where the user chose, audited, and it verifies. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeClient } from '../../../electron/api.js';
import type { DossierHost } from '../../../electron/core/dossier/host.js';
import { chromiumPrinter } from '../../../electron/core/dossier/pdf.js';
import { createSampleArchive } from '../../../electron/core/import/sample.js';
import { verifyPackageFile } from '../../../electron/core/package/verify.js';
import { createDispatcher } from '../../../electron/handlers.js';
import { ArchiveSession } from '../../../electron/session.js';
import { SAMPLE_DIR, tempDir } from '../helpers.js';

describe('evidence package over IPC', () => {
  it('saves a signed package to the chosen file, audits its SHA-256, and it verifies', async () => {
    const dir = await tempDir();
    const printer = chromiumPrinter();
    let suggested = '';
    const host: DossierHost = {
      printer,
      async chooseSavePath(name) {
        suggested = name;
        return path.join(dir, name);
      },
    };
    try {
      const archive = await createSampleArchive(path.join(dir, 'a'), SAMPLE_DIR);
      const dispatch = createDispatcher(ArchiveSession.of(archive), '1.0.0', host);
      const api = makeClient((m, i) => dispatch(m, i));
      const caseId = archive.listCases()[0]!.id;
      const saved = await api.saveEvidencePackage({ caseId, lang: 'ru' });
      expect(suggested).toMatch(/\.aqpkg$/);
      expect(saved).toMatchObject({
        path: path.join(dir, suggested),
        fingerprint: (await archive.identity()).fingerprint,
      });
      const report = await verifyPackageFile(saved.path!);
      expect(report.signer.fingerprint).toBe(saved.fingerprint);
      expect(report.quotesChecked).toBe(saved.facts);
      expect((await archive.auditLog()).at(-1)).toMatchObject({
        action: 'export-made',
        caseId,
        sha256: createHash('sha256')
          .update(await readFile(saved.path!))
          .digest('hex'),
      });
      expect((await archive.verify()).problems).toEqual([]);
      // no printer in this process: one clear line
      const bare = createDispatcher(ArchiveSession.of(archive), '1.0.0');
      expect(await bare('saveEvidencePackage', { caseId })).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/needs the desktop app/) },
      });
    } finally {
      await printer.close();
    }
  });
});

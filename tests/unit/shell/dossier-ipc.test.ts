import { PDFDocument } from 'pdf-lib';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeClient } from '../../../electron/api.js';
import type { DossierHost } from '../../../electron/core/dossier/host.js';
import { pdfFileName } from '../../../electron/core/dossier/host.js';
import { chromiumPrinter } from '../../../electron/core/dossier/pdf.js';
import { createSampleArchive } from '../../../electron/core/import/sample.js';
import { createDispatcher } from '../../../electron/handlers.js';
import { ArchiveSession } from '../../../electron/session.js';
import { SAMPLE_DIR, tempDir } from '../helpers.js';

async function setup(host?: DossierHost) {
  const archive = await createSampleArchive(path.join(await tempDir(), 'a'), SAMPLE_DIR);
  const dispatch = createDispatcher(ArchiveSession.of(archive), '1.0.0', host);
  const [theCase] = archive.listCases();
  return {
    archive,
    dispatch,
    api: makeClient((m, i) => dispatch(m, i)),
    caseId: theCase!.id,
    caseFacts: theCase!.facts.length,
  };
}

describe('dossier over IPC', () => {
  it('previews a case as HTML, redacted, and refuses bad requests', async () => {
    const { api, dispatch, caseId, caseFacts } = await setup();
    expect(caseFacts).toBeGreaterThanOrEqual(8);
    const p = await api.dossierPreview({ caseId, lang: 'ru', redact: ['Асхат Жексебаев'] });
    expect(p).toMatchObject({ facts: caseFacts, sources: 1, title: 'Досье по делу: Мұхтар Жәкішев ісі' });
    expect(p.html).toContain('Хронология');
    expect(p.html).not.toContain('Жексебаев');
    expect(await dispatch('dossierPreview', { caseId, lang: 'de' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^invalid dossierPreview request: lang/) },
    });
    expect(await dispatch('dossierPreview', { caseId: 'nope' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no case "nope"/) },
    });
    // no printer in this process: one clear line
    expect(await dispatch('saveDossierPdf', { caseId })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/needs the desktop app/) },
    });
  });

  it('saves a PDF through the host: printer, then the chosen file', async () => {
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
      const { api, archive, caseId, caseFacts } = await setup(host);
      const saved = await api.saveDossierPdf({ caseId, lang: 'kk', paper: 'letter', compiledBy: 'Бюро' });
      expect(suggested).toBe('Іс-құжаты-Мұхтар-Жәкішев-ісі.pdf');
      expect(saved).toMatchObject({ path: path.join(dir, suggested), facts: caseFacts });
      expect(execFileSync('pdfinfo', [saved.path!], { encoding: 'utf8' })).toMatch(/Author:\s+Бюро/);
      // the audit log holds the SHA-256 of exactly the saved file
      const entries = await archive.auditLog();
      expect(entries.at(-1)).toMatchObject({
        action: 'export-made',
        caseId,
        sha256: createHash('sha256')
          .update(await readFile(saved.path!))
          .digest('hex'),
        summary: `dossier PDF → ${saved.path}`,
      });
    } finally {
      await printer.close();
    }
    expect(pdfFileName('<>:"/\\|?*')).toBe('dossier.pdf');
  });

  it('a folder that refuses the file: one line naming it, and no audit line', async () => {
    const dir = await tempDir();
    const doc = await PDFDocument.create();
    doc.addPage();
    const stand = await doc.save();
    const printer = { print: async () => stand, close: async () => undefined };
    const gone = path.join(dir, 'unplugged-usb', 'case.pdf');
    const { dispatch, archive, caseId } = await setup({ printer, chooseSavePath: async () => gone });
    const before = (await archive.auditLog()).length;
    expect(await dispatch('saveDossierPdf', { caseId })).toEqual({
      ok: false,
      error: {
        code: 'dossier.cannot-save',
        params: { file: gone, reason: 'ENOENT' },
        message: `cannot save the dossier as ${gone} (ENOENT); choose another folder`,
      },
    });
    expect(await archive.auditLog()).toHaveLength(before);
    // a file where a folder should be: the same one line
    await writeFile(path.join(dir, 'file'), 'x');
    const notDir = path.join(dir, 'file', 'case.pdf');
    const { dispatch: again, caseId: id } = await setup({ printer, chooseSavePath: async () => notDir });
    expect(await again('saveDossierPdf', { caseId: id })).toEqual({
      ok: false,
      error: {
        code: 'dossier.cannot-save',
        params: { file: notDir, reason: 'ENOTDIR' },
        message: `cannot save the dossier as ${notDir} (ENOTDIR); choose another folder`,
      },
    });
  });
});

describe('redaction guard', () => {
  it('reads the printed PDF back: a name that only the printer shows is refused, and nothing is saved', async () => {
    const chromium = chromiumPrinter();
    let saved = false; // the save dialog was shown
    // a printer (as Electron's printToPDF is) whose bytes differ from the HTML that was checked
    const host: DossierHost = {
      printer: {
        print: (job) =>
          chromium.print({
            ...job,
            footerTemplate: job.footerTemplate.replace('</span></div>', ' Жексе\u00adбаев</span></div>'),
          }),
        close: () => chromium.close(),
      },
      async chooseSavePath() {
        saved = true;
        return null;
      },
    };
    try {
      const { api, caseId } = await setup(host);
      await expect(api.saveDossierPdf({ caseId, redact: ['Асхат Жексебаев'] })).rejects.toThrow(
        /a redacted name is still in the dossier/,
      );
      expect(saved).toBe(false);
      // the same printer without a redaction prints and saves
      await api.saveDossierPdf({ caseId });
      expect(saved).toBe(true);
    } finally {
      await chromium.close();
    }
  });

  it('refuses a dossier whose typed fields still name a redacted person', async () => {
    const { api, caseId } = await setup();
    await expect(
      api.dossierPreview({ caseId, redact: ['Мұхтар Жәкішев'], compiledBy: 'Жәкішевтің адвокаты' }),
    ).rejects.toThrow(/a redacted name is still in the dossier/);
    const ok = await api.dossierPreview({ caseId, redact: ['Мұхтар Жәкішев'], compiledBy: 'Адвокат' });
    expect(ok.html).toContain('[redacted]');
  });
});

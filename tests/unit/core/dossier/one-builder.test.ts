import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewDossier } from '../../../../electron/core/dossier/host.js';
import { createSampleArchive } from '../../../../electron/core/import/sample.js';
import { aqiqat } from '../../cli-driver.js';
import { SAMPLE_DIR, tempDir } from '../../helpers.js';

/** The dossier's time of making (ISO in the metadata, minutes on the cover): the two runs differ in it only. */
const untimed = (html: string) =>
  html.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, 'ISO').replace(/\d\d:\d\d UTC/g, 'HH:MM UTC');

describe('one dossier builder', () => {
  it('the app’s preview and `aqiqat dossier --format html` of a case are one document, defaults and all', async () => {
    const dir = path.join(await tempDir(), 'a');
    const archive = await createSampleArchive(dir, SAMPLE_DIR);
    const caseId = archive.listCases()[0]!.id;
    const app = await previewDossier(archive, { caseId });
    await archive.close();
    const cli = aqiqat(['--archive', dir, 'dossier', caseId, '--format', 'html', '--out', '-']);
    expect(cli.code).toBe(0);
    expect(app.html).toContain('@page{size:A4');
    expect(untimed(cli.stdout.trimEnd())).toBe(untimed(app.html.trimEnd()));
  });
});

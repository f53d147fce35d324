/**
 * Proof of time in the app: Security… lists the stamps, and "Attach a timestamp…" takes the answer file
 * of a request the archive made (here answered by a local openssl authority); a response for another
 * hash is refused in the interface language.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLocalTsa, type LocalTsa } from '../unit/tsa-fixture.js';
import { expect, test } from './fixtures.js';

let tsa: LocalTsa;
test.beforeAll(() => {
  tsa = startLocalTsa();
});
test.afterAll(() => tsa?.cleanup());

test.use({ archiveKind: 'sample' });

test('Security… lists no stamps, attaches the answer to the audit request, refuses one for another hash', async ({
  app,
}) => {
  const { page } = app;
  const work = await mkdtemp(path.join(os.tmpdir(), 'aqiqat-e2e-tsa-'));
  try {
    const req = await app.session.use((a) => a.requestTimestamp({ audit: true }, path.join(work, 'audit.tsq')));
    const answer = tsa.reply(new Uint8Array(await readFile(req.out)));

    await page.getByRole('button', { name: 'Security…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Security' });
    const stamps = dialog.getByRole('group', { name: 'Proof of time' });
    await expect(stamps.getByText('No timestamps yet.', { exact: false })).toBeVisible();
    await expect(stamps.getByText('Requests waiting for an answer: 1')).toBeVisible();

    // an answer to another request (openssl's own, for other data) is refused, and nothing is stored
    const foreign = tsa.reply(tsa.query(new TextEncoder().encode('something else')));
    await stamps.getByLabel('Attach a timestamp…').setInputFiles({
      name: 'foreign.tsr',
      mimeType: 'application/timestamp-reply',
      buffer: Buffer.from(foreign),
    });
    await expect(dialog.getByRole('status')).toContainText('no timestamp request of this archive is waiting');

    await stamps.getByLabel('Attach a timestamp…').setInputFiles({
      name: 'audit.tsr',
      mimeType: 'application/timestamp-reply',
      buffer: Buffer.from(answer),
    });
    await expect(dialog.getByRole('status')).toContainText(`Timestamp attached: Audit log line ${req.seq} existed at`);
    await expect(stamps.getByRole('listitem')).toHaveCount(1);
    await expect(stamps.getByRole('listitem')).toContainText('CN=Aqiqat Test TSA, O=Aqiqat tests');
    await expect(stamps.getByText('Requests waiting for an answer', { exact: false })).toHaveCount(0);
    await app.screenshot('33-security-timestamps');
    expect((await app.session.use((a) => a.verify())).problems).toEqual([]);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByLabel('Interface language').selectOption('ru');
    await page.getByRole('button', { name: 'Безопасность…' }).click();
    const ru = page
      .getByRole('dialog', { name: 'Безопасность' })
      .getByRole('group', { name: 'Доказательство времени' });
    await expect(ru.getByRole('listitem')).toContainText(`Строка ${req.seq} журнала аудита`);
    await app.screenshot('33-security-timestamps-ru');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

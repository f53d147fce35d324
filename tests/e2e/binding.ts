/** Binds `window.aqiqat` in a Playwright page to the real core, exactly as the preload exposes it. */
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { DossierHost } from '../../electron/core/dossier/host.js';
import { createDispatcher } from '../../electron/handlers.js';
import type { PageRenderer } from '../../electron/core/visual/page.js';
import type { ArchiveSession } from '../../electron/session.js';
import { decodeInput } from './transport.js';

let clientScript: Promise<string> | undefined;

/** electron/api.ts's makeClient + the transport shim as one classic script (init scripts cannot import). */
function bundleClient(): Promise<string> {
  clientScript ??= build({
    entryPoints: [fileURLToPath(new URL('./client-entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no client bundle');
    return file.text;
  });
  return clientScript;
}

export async function bindArchive(
  page: Page,
  session: ArchiveSession,
  version: string,
  dossier?: DossierHost,
  pageRenderer?: PageRenderer,
): Promise<void> {
  const dispatch = createDispatcher(session, version, dossier, pageRenderer);
  await page.exposeFunction('__aqiqatInvoke', (method: unknown, payload: unknown) =>
    dispatch(method, typeof payload === 'string' ? decodeInput(payload) : payload),
  );
  await page.addInitScript({ content: await bundleClient() });
}

/** Hardening: guards that deny, Electron fuses in the packaged app, electronegativity clean. */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import {
  guardContents,
  guardSession,
  isTrustedSender,
  type GuardedContents,
  type GuardedSession,
} from '../../../electron/guards.js';
import { webPreferences } from '../../../electron/security.js';
import { tempDir } from '../helpers.js';

const REPO = path.resolve(import.meta.dirname, '../../..');

describe('session and page guards', () => {
  it('deny every permission and cancel every request that is not the app’s own', () => {
    let request: Parameters<GuardedSession['setPermissionRequestHandler']>[0] | undefined;
    let check: (() => boolean) | undefined;
    let before: Parameters<GuardedSession['webRequest']['onBeforeRequest']>[0] | undefined;
    guardSession(
      {
        setPermissionRequestHandler: (h) => (request = h),
        setPermissionCheckHandler: (h) => (check = h),
        webRequest: { onBeforeRequest: (l) => (before = l) },
      },
      { devTools: false },
    );
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      let granted: boolean | undefined;
      request!(null, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
    }
    expect(check!()).toBe(false);
    const cancelled = (url: string) => {
      let r: { cancel: boolean } | undefined;
      before!({ url }, (x) => (r = x));
      return r!.cancel;
    };
    expect(cancelled('aqiqat://app/assets/index.js')).toBe(false);
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'ftp://x/',
      'aqiqat://other/',
      'devtools://devtools/bundled/devtools_app.html',
    ])
      expect(cancelled(url), url).toBe(true);
  });

  /** A stand-in for a page's webContents: what the guards install, and how often DevTools were closed. */
  function contentsStandIn() {
    const listeners = new Map<string, (e: { preventDefault(): void }) => void>();
    const state = { open: undefined as (() => { action: 'deny' }) | undefined, devToolsClosed: 0 };
    const contents: GuardedContents = {
      on: (event: string, l: (e: { preventDefault(): void }) => void) => listeners.set(event, l),
      setWindowOpenHandler: (h) => (state.open = h),
      closeDevTools: () => void state.devToolsClosed++,
    };
    return { contents, listeners, state };
  }

  it('close DevTools the moment they open in the installed app, and leave them to a development run', () => {
    const packaged = contentsStandIn();
    guardContents(packaged.contents, { devTools: false });
    packaged.listeners.get('devtools-opened')!({ preventDefault: () => undefined });
    expect(packaged.state.devToolsClosed).toBe(1);
    const development = contentsStandIn();
    guardContents(development.contents, { devTools: true });
    expect(development.listeners.has('devtools-opened')).toBe(false);
  });

  it('stop navigation, redirects, webviews and new windows', () => {
    const { contents, listeners, state } = contentsStandIn();
    guardContents(contents, { devTools: false });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners.get(event)!({ preventDefault: () => (prevented = true) });
      expect(prevented, event).toBe(true);
    }
    expect(state.open!()).toEqual({ action: 'deny' });
  });

  it('answer IPC only from the app’s own page', () => {
    expect(isTrustedSender('aqiqat://app/index.html')).toBe(true);
    for (const url of [
      undefined,
      null,
      '',
      'https://evil.example/',
      'aqiqat://app.evil/x',
      'devtools://devtools/',
      'file:///app/index.html',
    ]) {
      expect(isTrustedSender(url), String(url)).toBe(false);
    }
  });

  it('disable middle-click (Auxclick) in every window', () => {
    expect(webPreferences('/p.cjs', { devTools: false }).disableBlinkFeatures).toBe('Auxclick');
  });
});

describe('Electron fuses', () => {
  it('electron-builder runs the afterPack hook', async () => {
    expect(await readFile(path.join(REPO, 'build/electron-builder.yml'), 'utf8')).toMatch(
      /^afterPack: build\/after-pack\.mjs$/m,
    );
  });

  it('the hook burns RunAsNode, NODE_OPTIONS and --inspect off and ASAR-only + integrity on', async () => {
    // a stand-in for the packaged Linux binary: the fuse sentinel, wire version 1, 9 fuses all "enabled"
    const out = await tempDir();
    const binary = path.join(out, 'aqiqat');
    await mkdir(out, { recursive: true });
    await writeFile(
      binary,
      Buffer.concat([
        Buffer.alloc(1000, 0x7f),
        Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
        Buffer.from([1, 9]),
        Buffer.alloc(9, 0x31),
        Buffer.alloc(1000, 0x7f),
      ]),
    );
    const { default: afterPack } = (await import(path.join(REPO, 'build/after-pack.mjs'))) as {
      default: (c: unknown) => Promise<void>;
    };
    await afterPack({
      electronPlatformName: 'linux',
      appOutDir: out,
      arch: 1,
      packager: { executableName: 'aqiqat', appInfo: { productFilename: 'Aqiqat' } },
    });
    const wire = await getCurrentFuseWire(binary);
    const on = (o: FuseV1Options) => String.fromCharCode(wire[o] as number);
    expect(on(FuseV1Options.RunAsNode)).toBe('0');
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe('1');
  });
});

describe('electronegativity', () => {
  it('finds nothing that is not justified in build/electronegativity-justified.json', () => {
    const r = spawnSync(process.execPath, [path.join(REPO, 'build/electronegativity.mjs')], {
      encoding: 'utf8',
      cwd: REPO,
    });
    console.info(r.stdout.trim().split('\n').at(-1));
    expect(r.stdout + r.stderr).toMatch(/\d+ findings, \d+ justified, 0 open/);
    expect(r.status).toBe(0);
  }, 120_000);
});

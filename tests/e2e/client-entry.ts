/**
 * Runs in the page before the app (bundled by binding.ts): `window.aqiqat` built by the very same
 * `makeClient` the preload uses, over a Playwright binding instead of Electron IPC.
 */
import { makeClient, type IpcResult } from '../../electron/api.js';
import { encodeInput } from './transport.js';

type Invoke = (method: string, payload: string) => Promise<IpcResult<unknown>>;

const invoke = (window as unknown as { __aqiqatInvoke: Invoke }).__aqiqatInvoke;
// Read-only like a contextBridge property: the app cannot replace its own door to the archive.
Object.defineProperty(window, 'aqiqat', {
  value: Object.freeze(makeClient((method, input) => invoke(method, encodeInput(input)))),
  writable: false,
  configurable: false,
});

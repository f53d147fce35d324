/**
 * The main-process side of the contract: find the call, validate its input with the call's own schema,
 * run its handler, and turn any failure into a one-line message. Archive calls run inside the session
 * (refused while locked, counted as activity); the shell's calls get the session itself. main.ts
 * registers the dispatcher on IPC; the e2e tests bind the very same function into Chromium.
 */
import type { Archive } from './core/archive.js';
import type { Call } from './core/call.js';
import { AqiqatError, errorData, type ErrorData } from './core/errors.js';
import type { DossierHost } from './core/dossier/host.js';
import type { PageRenderer } from './core/visual/page.js';
import type { IpcResult, Method } from './api.js';
import { archiveCalls, calls, shellCalls } from './calls.js';
import type { ArchiveSession } from './session.js';
import type { ShellScope } from './session-calls.js';

/** Any failure as it crosses IPC (a refused call, a bad input, a core error): its code, parameters and one line, never a stack. */
export function toWireError(e: unknown): ErrorData {
  return errorData(e);
}

/** `dossier`: the app's printer, save dialog and preview window; `pageRenderer`: visual copies at import (absent in tests that do not print). */
export function createDispatcher(
  session: ArchiveSession,
  version: string,
  dossier?: DossierHost,
  pageRenderer?: PageRenderer,
) {
  let locks = 0;
  session.onLock(() => locks++);
  const scope: ShellScope = { session, version, locks: () => locks };
  const host = { dossier, pageRenderer };
  const run = (m: Method, input: unknown): Promise<unknown> => {
    if (Object.hasOwn(archiveCalls, m)) {
      const archiveCall: Call<Archive> = archiveCalls[m as keyof typeof archiveCalls];
      return session.use((a) => archiveCall.run(a, input, host));
    }
    const shellCall: Call<ShellScope> = shellCalls[m as keyof typeof shellCalls];
    return shellCall.run(scope, input, host);
  };
  return async (method: unknown, input: unknown): Promise<IpcResult<unknown>> => {
    try {
      if (typeof method !== 'string' || !Object.hasOwn(calls, method)) {
        throw new AqiqatError('ipc.unknown-call', { method: String(method).slice(0, 40) }, 'usage');
      }
      const m = method as Method;
      const parsed = calls[m].input.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.join('.') || 'input';
        throw new AqiqatError('ipc.invalid-request', { method: m, field: where, issue: issue?.message ?? '' }, 'input');
      }
      return { ok: true, value: await run(m, parsed.data) };
    } catch (e) {
      return { ok: false, error: toWireError(e) };
    }
  };
}

/**
 * Every call of the app, by method name: the core's archive calls and the shell's own. The contract
 * (api.ts) takes its types from here, the dispatcher (handlers.ts) its schemas and handlers.
 */
import { archiveCalls } from './core/calls.js';
import { dossierShellCalls } from './dossier-calls.js';
import { sessionCalls } from './session-calls.js';
import { teamShellCalls } from './team-calls.js';

export { archiveCalls };
export const shellCalls = { ...sessionCalls, ...dossierShellCalls, ...teamShellCalls };
export const calls = { ...archiveCalls, ...shellCalls };

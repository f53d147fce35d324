/** Every call of the core, by method name: the archive calls the shell serves through its session. */
import { annotationCalls } from './annotation/calls.js';
import { dossierCalls } from './dossier/calls.js';
import { importCalls } from './import/calls.js';
import { packageCalls } from './package/calls.js';
import { protectionCalls } from './protection/calls.js';
import { searchCalls } from './search/calls.js';
import { teamCalls } from './team/calls.js';

export const archiveCalls = {
  ...importCalls,
  ...annotationCalls,
  ...searchCalls,
  ...dossierCalls,
  ...protectionCalls,
  ...packageCalls,
  ...teamCalls,
};

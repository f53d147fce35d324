/** The dossier domain's call: the preview HTML of a case (saving the PDF is the shell's: it asks where). */
import { z } from 'zod';
import { call, defineCalls, id, names, optionalText } from '../call.js';
import { previewDossier } from './host.js';
import { DOSSIER_LANGS, PAPERS, TEMPLATES } from './types.js';

/** A case dossier as the app asks for it. */
export const DossierRequestSchema = z
  .object({
    caseId: id,
    lang: z.enum(DOSSIER_LANGS).optional(),
    paper: z.enum(PAPERS).optional(),
    redact: names,
    redactSources: z.boolean().optional(),
    attribution: z.boolean().optional(),
    compiledBy: optionalText(300),
    template: z.enum(TEMPLATES).optional(),
  })
  .strict();

export const dossierCalls = defineCalls({
  dossierPreview: call(DossierRequestSchema, (a, input, host) => previewDossier(a, input, host.dossier)),
});

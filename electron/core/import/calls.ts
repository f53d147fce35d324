/** The import domain's calls: bring a file in, list, read, delete an article, correct its language. */
import { z } from 'zod';
import { call, defineCalls, id, noInput, optionalText } from '../call.js';
import { LanguageSchema } from '../model.js';
import { MACHINE_FIELDS } from './provenance.js';

export const importCalls = defineCalls({
  listArticles: call(noInput, (a) => a.listArticles()),
  getArticle: call(z.object({ id }).strict(), (a, { id }) => a.getArticle(id)),
  importFile: call(
    z
      .object({
        name: z.string().min(1).max(500),
        bytes: z.instanceof(Uint8Array),
        title: optionalText(1000),
        url: optionalText(4000),
        publishedAt: optionalText(10),
        publisher: optionalText(500),
        lang: LanguageSchema.optional(),
        sourceType: optionalText(40),
        /** the file's time as the system gave it (File.lastModified): machine-recorded */
        fileModifiedAt: z.string().datetime({ offset: true }).optional(),
      })
      .strict(),
    (a, input, host) => a.importArticle({ ...input, renderer: host.pageRenderer }),
  ),
  editArticle: call(
    z
      .object({
        id,
        sourceType: z.string().max(40).nullable().optional(),
        capturedBy: z.string().max(300).nullable().optional(),
        capturedAt: z.string().max(40).nullable().optional(),
        tool: z.string().max(300).nullable().optional(),
        originalUrl: z.string().max(4000).nullable().optional(),
        acquiredFrom: z.string().max(40).nullable().optional(),
        acquiredNote: z.string().max(1000).nullable().optional(),
        original: z.boolean().nullable().optional(),
        // named so that the core refuses them in words (machine-recorded), not as unknown keys
        ...Object.fromEntries(MACHINE_FIELDS.map((f) => [f, z.unknown().optional()])),
      })
      .strict(),
    (a, { id, ...patch }) => a.editArticle(id, patch),
  ),
  visualCopy: call(z.object({ id }).strict(), (a, { id }) => a.visualCopy(id)),
  deleteArticle: call(z.object({ id }).strict(), (a, { id }) => a.deleteArticle(id)),
  setArticleLanguage: call(z.object({ id, lang: LanguageSchema }).strict(), (a, { id, lang }) =>
    a.setArticleLanguage(id, lang),
  ),
});

/** The import domain's calls: bring a file in, list, read, delete an article, correct its language or a page's text. */
import { z } from 'zod';
import { call, defineCalls, id, noInput, optionalText } from '../call.js';
import { LanguageSchema } from '../model.js';
import { MACHINE_FIELDS } from './provenance.js';
import { MAX_PAGE_TEXT } from './corrections.js';
import { OCR_LANGUAGES, OCR_MODES } from '../../shared/formats.js';

/** A job id the app makes up for one import, to poll its progress and cancel it. */
const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const importCalls = defineCalls({
  listArticles: call(noInput, (a) => a.listArticles()),
  listArticleRows: call(noInput, (a) => a.listArticleRows()),
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
        /** a web capture: the URL of the page to import (default: the first it lists) */
        page: optionalText(4000),
        /** the file's time as the system gave it (File.lastModified): machine-recorded */
        fileModifiedAt: z.string().datetime({ offset: true }).optional(),
        /** how scans and photos are read, as `import --ocr` and `--ocr-lang` (default: auto, all three) */
        ocr: z.enum(OCR_MODES).optional(),
        ocrLanguages: z.array(z.enum(OCR_LANGUAGES)).min(1).max(OCR_LANGUAGES.length).optional(),
        jobId: jobId.optional(),
      })
      .strict(),
    (a, { ocr, ocrLanguages, jobId, ...input }, host) =>
      a.importArticle(
        {
          ...input,
          renderer: host.pageRenderer,
          ocr: { mode: ocr ?? 'auto', languages: [...new Set(ocrLanguages ?? OCR_LANGUAGES)] },
        },
        jobId,
      ),
  ),
  importProgress: call(z.object({ jobId }).strict(), (a, { jobId }) => a.importProgress(jobId)),
  cancelImport: call(z.object({ jobId }).strict(), (a, { jobId }) => a.cancelImport(jobId)),
  articlePage: call(z.object({ id, page: z.number().int().min(1).max(100_000) }).strict(), (a, { id, page }) =>
    a.articlePage(id, page),
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
  correctPage: call(
    z
      .object({
        id,
        page: z.number().int().min(1).max(100_000),
        // the core says "too long" in words; this only keeps a runaway paste off the wire
        text: z
          .string()
          .max(MAX_PAGE_TEXT * 4)
          .nullable(),
      })
      .strict(),
    (a, { id, page, text }) => a.correctPage(id, page, text),
  ),
  visualCopy: call(z.object({ id }).strict(), (a, { id }) => a.visualCopy(id)),
  deleteArticle: call(z.object({ id }).strict(), (a, { id }) => a.deleteArticle(id)),
  setArticleLanguage: call(z.object({ id, lang: LanguageSchema }).strict(), (a, { id, lang }) =>
    a.setArticleLanguage(id, lang),
  ),
});

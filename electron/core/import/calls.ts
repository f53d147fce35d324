/** The import domain's calls: bring a file in, list, read, delete an article, correct its language. */
import { z } from 'zod';
import { call, defineCalls, id, noInput, optionalText } from '../call.js';
import { LanguageSchema } from '../model.js';

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
      })
      .strict(),
    (a, input) => a.importArticle(input),
  ),
  deleteArticle: call(z.object({ id }).strict(), (a, { id }) => a.deleteArticle(id)),
  setArticleLanguage: call(z.object({ id, lang: LanguageSchema }).strict(), (a, { id, lang }) =>
    a.setArticleLanguage(id, lang),
  ),
});

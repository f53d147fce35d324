/** The sample archive of a first run: `data/sample/sample.json` and the article files beside it. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Archive } from './archive.js';
import { parseValidated } from './json-adapter.js';
import type { OpenOptions } from './store.js';

const SampleSchema = z.object({
  articles: z.array(
    z.object({
      file: z.string(),
      title: z.string().optional(),
      url: z.string().optional(),
      publisher: z.string().optional(),
      publishedAt: z.string().optional(),
      facts: z.array(
        z.object({
          quote: z.string(),
          type: z.string(),
          date: z.string().optional(),
          people: z.array(z.string()).optional(),
          places: z.array(z.string()).optional(),
          tags: z.array(z.string()).optional(),
        }),
      ),
    }),
  ),
});

/** Create an archive in `dir` filled with the sample; `sampleDir` holds sample.json. */
export async function createSampleArchive(dir: string, sampleDir: string, options?: OpenOptions): Promise<Archive> {
  const sample = parseValidated(await readFile(path.join(sampleDir, 'sample.json'), 'utf8'), SampleSchema, 'sample.json');
  const archive = await Archive.create(dir, options);
  await archive.batch(async () => {
    for (const a of sample.articles) {
      const bytes = await readFile(path.join(sampleDir, a.file));
      const { article } = await archive.importArticle({ bytes, name: a.file, title: a.title, url: a.url, publisher: a.publisher, publishedAt: a.publishedAt });
      for (const f of a.facts) await archive.addFact({ articleId: article.id, ...f });
    }
  });
  return archive;
}

/** The sample archive of a first run: `data/sample/sample.json` and the article files beside it. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Archive } from '../archive.js';
import { parseValidated } from '../storage/json-adapter.js';
import { EntityKindSchema, FactRoleSchema } from '../model.js';
import type { OpenOptions } from '../storage/store.js';

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
          approximate: z.boolean().optional(),
          organizations: z.array(z.string()).optional(),
          roles: z.record(z.string(), FactRoleSchema).optional(),
          note: z.string().optional(),
        }),
      ),
    }),
  ),
  /** people, places and organizations with their aliases, created before the facts name them */
  entities: z.array(z.object({ name: z.string(), kind: EntityKindSchema, aliases: z.array(z.string()) })).default([]),
  /** cases of the sample's facts, named by their quotes */
  cases: z.array(z.object({ title: z.string(), summary: z.string(), quotes: z.array(z.string()) })).default([]),
});

/** Create an archive in `dir` filled with the sample; `sampleDir` holds sample.json. */
export async function createSampleArchive(dir: string, sampleDir: string, options?: OpenOptions): Promise<Archive> {
  const sample = parseValidated(
    await readFile(path.join(sampleDir, 'sample.json'), 'utf8'),
    SampleSchema,
    'sample.json',
  );
  const archive = await Archive.create(dir, options);
  await archive.batch(async () => {
    for (const e of sample.entities) await archive.addEntity(e.name, e.kind, e.aliases);
    const byQuote = new Map<string, string>();
    for (const a of sample.articles) {
      const bytes = await readFile(path.join(sampleDir, a.file));
      const { article } = await archive.importArticle({
        bytes,
        name: a.file,
        title: a.title,
        url: a.url,
        publisher: a.publisher,
        publishedAt: a.publishedAt,
      });
      for (const f of a.facts) byQuote.set(f.quote, (await archive.addFact({ articleId: article.id, ...f })).id);
    }
    for (const c of sample.cases) {
      const ids = c.quotes.map((q) => byQuote.get(q) ?? q);
      const created = await archive.createCase(c.title, c.summary);
      if (ids.length > 0) await archive.addFactsToCase(created.id, ids);
    }
  });
  return archive;
}

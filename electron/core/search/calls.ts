/** The search domain's call: words in any script, with filters. */
import { z } from 'zod';
import { call, defineCalls } from '../call.js';
import { SearchFiltersSchema } from './filters.js';

export const searchCalls = defineCalls({
  search: call(
    z
      .object({
        text: z.string().max(1000),
        limit: z.number().int().positive().max(1000).optional(),
        filters: SearchFiltersSchema.optional(),
      })
      .strict(),
    (a, { text, limit, filters }) => a.searchFiltered({ text, limit, filters }),
  ),
});

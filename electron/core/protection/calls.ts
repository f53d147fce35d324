/** The protection domain's calls: the archive's signing identity, shown and named in Security…. */
import { z } from 'zod';
import { call, defineCalls, noInput } from '../call.js';
import { MAX_IDENTITY_NAME } from './identity.js';

export const protectionCalls = defineCalls({
  identity: call(noInput, (a) => a.identity()),
  // the length is checked again with the CLI's words (identity.bad-name) after trimming
  setIdentityName: call(
    z
      .object({
        name: z
          .string()
          .min(1)
          .max(MAX_IDENTITY_NAME * 2),
      })
      .strict(),
    (a, { name }) => a.setIdentityName(name),
  ),
});

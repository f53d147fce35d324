/**
 * The protection domain's calls: the archive's signing identity, shown and named in Security…; the
 * timestamps shown there, and attaching an answer read by the page.
 */
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
  listTimestamps: call(noInput, (a) => a.listTimestamps()),
  /** the response file's bytes, base64: the page reads the file the user chose (a .tsr is a few KB) */
  attachTimestamp: call(
    z
      .object({
        response: z
          .string()
          .max(2_000_000)
          .regex(/^[A-Za-z0-9+/]*=*$/),
      })
      .strict(),
    (a, { response }) => a.attachTimestamp(new Uint8Array(Buffer.from(response, 'base64'))),
  ),
});

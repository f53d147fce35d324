/** The protection domain's calls: the timestamps shown in Security…, and attaching an answer read by the page. */
import { z } from 'zod';
import { call, defineCalls, noInput } from '../call.js';

export const protectionCalls = defineCalls({
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

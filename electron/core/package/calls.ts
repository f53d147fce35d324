/**
 * The package domain's calls: "Check a package…" in the app. The page reads the file the user picks and
 * hands its bytes here, where the same check as `aqiqat verify-package` runs (timestamp included).
 */
import { z } from 'zod';
import { call, defineCalls } from '../call.js';
import { verifyPackageBytes } from './verify.js';

/** base64 of a package the app checks over IPC; a larger one is checked with `aqiqat verify-package` */
const MAX_APP_PACKAGE_BASE64 = 400_000_000;

export const packageCalls = defineCalls({
  verifyPackage: call(
    z
      .object({
        name: z.string().min(1).max(300),
        data: z
          .string()
          .max(MAX_APP_PACKAGE_BASE64)
          .regex(/^[A-Za-z0-9+/]*=*$/),
      })
      .strict(),
    (_archive, { name, data }) => verifyPackageBytes(new Uint8Array(Buffer.from(data, 'base64')), name),
  ),
});

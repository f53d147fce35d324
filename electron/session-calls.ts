/**
 * The shell's calls about the session (session.ts): the lock screen, the Security dialog, the recovery
 * screen, and which archive is open. They work while locked; status polling does not count as activity.
 */
import { z } from 'zod';
import { callOn, noInput, type Calls } from './core/call.js';
import { IdleLockMinutesSchema } from './core/model.js';
import type { ArchiveSession } from './session.js';

/** What a shell call runs against. */
export interface ShellScope {
  session: ArchiveSession;
  version: string;
  /** how many times the archive has locked since the dispatcher was made */
  locks(): number;
}

export const shellCall = callOn<ShellScope>();
export const defineShellCalls = <T extends Calls<ShellScope>>(calls: T): T => calls;

/** long enough for a sentence of words; the core asks for at least 8 characters of a new one */
const passphrase = z.string().min(1).max(1024);

export const sessionCalls = defineShellCalls({
  archiveInfo: shellCall(noInput, ({ session, version }) => ({ root: session.root, version })),
  sessionStatus: shellCall(noInput, ({ session }) => session.status()),
  unlock: shellCall(z.object({ passphrase }).strict(), ({ session }, { passphrase }) => session.unlock(passphrase)),
  lock: shellCall(noInput, ({ session }) => session.lock('user')),
  touch: shellCall(noInput, async ({ session }) => {
    await session.touch();
    return null;
  }),
  setIdleLock: shellCall(z.object({ minutes: IdleLockMinutesSchema }).strict(), ({ session }, { minutes }) =>
    session.setIdleLock(minutes),
  ),
  encryptArchive: shellCall(z.object({ passphrase }).strict(), ({ session }, { passphrase }) =>
    session.encrypt(passphrase),
  ),
  /** rekey: the old passphrase may be known to someone, so the data key is replaced too and every file re-sealed */
  changePassphrase: shellCall(
    z.object({ current: passphrase, next: passphrase, rekey: z.boolean().optional() }).strict(),
    ({ session }, { current, next, rekey }) => session.changePassphrase(current, next, rekey === true),
  ),
  restoreSnapshot: shellCall(noInput, ({ session }) => session.restoreSnapshot()),
});

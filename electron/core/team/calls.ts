/**
 * The team domain's calls: contacts (added from the key file the user picked), this archive's own key
 * file, receiving a bundle (its plan first, then applied), conflicts. Sharing writes a file the user
 * chooses, so it is a shell call (electron/team-calls.ts) taking `ShareRequestSchema` from here.
 */
import { z } from 'zod';
import { call, defineCalls, id, noInput } from '../call.js';
import { MAX_IDENTITY_NAME } from '../protection/identity.js';

const contactName = z
  .string()
  .min(1)
  .max(MAX_IDENTITY_NAME * 2);
/** a file's name, for messages */
const fileName = z.string().min(1).max(500);
/** long enough for a sentence of words (the passphrase of a bundle for a colleague without a key) */
const passphrase = z.string().min(1).max(1024);

export const ShareRequestSchema = z
  .object({
    cases: z.array(id).min(1).max(100),
    /** contact names; none with a passphrase */
    to: z.array(contactName).max(100),
    passphrase: passphrase.optional(),
  })
  .strict();

export const ReceiveRequestSchema = z
  .object({
    name: fileName,
    // its size is checked by the receive, in words (team.bundle-too-big)
    bytes: z.instanceof(Uint8Array),
    passphrase: passphrase.optional(),
    /** the signer is no contact: taken only after the user compared the fingerprint the plan showed */
    acceptUnknown: z.boolean().optional(),
  })
  .strict();
type ReceiveRequest = z.output<typeof ReceiveRequestSchema>;

const receiveAsk = (r: ReceiveRequest, plan: boolean) => ({
  file: r.name,
  bytes: r.bytes,
  passphrase: r.passphrase,
  acceptUnknown: r.acceptUnknown,
  plan,
});

export const teamCalls = defineCalls({
  listContacts: call(noInput, (a) => a.listContacts()),
  /** the key file's text (a colleague's `identity export --contact`, or this app's "Save my key file…") */
  addContact: call(
    z.object({ name: contactName, file: fileName, keyFile: z.string().min(1).max(100_000) }).strict(),
    (a, { name, file, keyFile }) => a.addContact(name, new TextEncoder().encode(keyFile), file),
  ),
  renameContact: call(z.object({ from: contactName, to: contactName }).strict(), (a, { from, to }) =>
    a.renameContact(from, to),
  ),
  removeContact: call(z.object({ name: contactName }).strict(), (a, { name }) => a.removeContact(name)),
  /** what would change: nothing is written, an unknown signer is shown rather than refused */
  receivePlan: call(ReceiveRequestSchema, (a, r) => a.receive(receiveAsk(r, true))),
  receiveApply: call(ReceiveRequestSchema, (a, r) => a.receive(receiveAsk(r, false))),
  listConflicts: call(noInput, (a) => a.listConflicts()),
  resolveConflict: call(
    z.object({ id: z.string().min(1).max(20), keep: z.enum(['local', 'theirs', 'merge', 'separate']) }).strict(),
    (a, { id, keep }) => a.resolveConflict(id, keep),
  ),
});

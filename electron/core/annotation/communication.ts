/**
 * A case as a UN communication: what the OHCHR forms ask for beyond the facts. Per person (an alleged
 * victim: role victim in one of the case's facts) the consent or authorization to submit; per alleged
 * perpetrator (role perpetrator) why they are held responsible; the articles concerned (a fixed list);
 * the State; other international procedures. People are stored by entity id, so a rename keeps them.
 */
import { AqiqatError } from '../errors.js';
import { CONSENTS, RIGHTS, RightSchema, type Case, type Communication, type FactRole } from '../model.js';
import type { ArchiveStore } from '../storage/store.js';
import { loadFacts, resolveCase } from './cases.js';
import { resolveEntity } from './entities.js';

export interface ConsentPatch {
  status: (typeof CONSENTS)[number];
  /** who gave (or refused) it; absent: unchanged */
  by?: string | undefined;
  /** YYYY, YYYY-MM or YYYY-MM-DD ('' clears it); absent: unchanged */
  date?: string | undefined;
}

/** Each field given replaces what is there; people are named by name, alias or id. */
export interface CommunicationPatch {
  consent?: Readonly<Record<string, ConsentPatch>> | undefined;
  /** why a perpetrator is held responsible ('' removes the note) */
  responsibility?: Readonly<Record<string, string>> | undefined;
  /** the whole list of articles concerned */
  rights?: readonly string[] | undefined;
  state?: string | undefined;
  otherProcedures?: string | undefined;
}

export const emptyCommunication = (): Communication => ({
  consent: {},
  responsibility: {},
  rights: [],
  state: '',
  otherProcedures: '',
});

const CONSENT_DATE = /^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$/;
const clean = (s: string) => s.normalize('NFC').trim();

export async function editCommunication(store: ArchiveStore, ref: string, patch: CommunicationPatch): Promise<Case> {
  const meta = store.meta.data;
  const c = resolveCase(meta, ref);
  const next: Communication = structuredClone(c.communication ?? emptyCommunication());
  const facts = [...(await loadFacts(store, c.factIds)).values()];
  /** the person's entity id, if they have this role in one of the case's facts */
  const inRole = (name: string, role: FactRole): string => {
    const person = resolveEntity(meta, name, 'person');
    if (!facts.some((f) => f.roles[person.id] === role))
      throw new AqiqatError('case.not-in-role', { name: person.name, role, caseId: c.id }, 'usage');
    return person.id;
  };
  for (const [name, given] of Object.entries(patch.consent ?? {})) {
    const id = inRole(name, 'victim');
    const date = given.date === undefined ? undefined : clean(given.date);
    if (date !== undefined && !CONSENT_DATE.test(date))
      throw new AqiqatError('case.bad-consent-date', { date: given.date! }, 'usage');
    const old = next.consent[id];
    next.consent[id] = {
      status: given.status,
      by: given.by === undefined ? (old?.by ?? '') : clean(given.by),
      date: date ?? old?.date ?? '',
    };
  }
  for (const [name, why] of Object.entries(patch.responsibility ?? {})) {
    const id = inRole(name, 'perpetrator');
    if (clean(why) === '') delete next.responsibility[id];
    else next.responsibility[id] = clean(why);
  }
  if (patch.rights !== undefined) {
    const rights = patch.rights.map((r) => r.trim().toLowerCase());
    const bad = rights.find((r) => !RightSchema.safeParse(r).success);
    if (bad !== undefined) throw new AqiqatError('case.bad-right', { right: bad, rights: RIGHTS }, 'usage');
    // in the list's order (the instrument's), each once
    next.rights = RIGHTS.filter((r) => rights.includes(r));
  }
  if (patch.state !== undefined) next.state = clean(patch.state);
  if (patch.otherProcedures !== undefined) next.otherProcedures = clean(patch.otherProcedures);
  c.communication = next;
  await store.save(store.meta);
  await store.emit({ type: 'case-updated', case: c });
  return c;
}

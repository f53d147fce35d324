/** The annotation domain's calls: facts, fact types, entities, tags and cases. */
import { z } from 'zod';
import { call, defineCalls, id, names, noInput, optionalText } from '../call.js';
import {
  AnchorSchema,
  CONSENTS,
  EntityKindSchema,
  EventDateSchema,
  FactRoleSchema,
  FactStatusSchema,
  TRANSLATION_LANGS,
  TranslationsSchema,
} from '../model.js';

const roles = z.record(z.string().min(1).max(300), FactRoleSchema);
/** The fields of a fact as addFact takes them; editFact takes the same, each optional. */
const factFields = z.object({
  quote: z.string().min(1).max(20000),
  type: optionalText(40),
  date: optionalText(21), // YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD
  approximate: z.boolean().optional(),
  people: names,
  places: names,
  organizations: names,
  tags: names,
  note: optionalText(20000),
  near: z.number().int().nonnegative().optional(),
  roles: roles.optional(),
  status: optionalText(20),
  verificationNote: z.string().max(2000).optional(),
  corroboratedBy: z.array(z.string().max(100)).max(500).optional(),
});

export const annotationCalls = defineCalls({
  addFact: call(z.object({ articleId: id, ...factFields.shape }).strict(), (a, input) => a.addFact(input)),
  listFacts: call(z.object({ articleId: id.optional() }).strict(), (a, { articleId }) => a.listFacts(articleId)),
  deleteFact: call(z.object({ id }).strict(), (a, { id }) => a.deleteFact(id)),
  // every field of addFact may be left out (unchanged); a null date clears it
  editFact: call(
    z
      .object({
        id,
        ...factFields.partial().shape,
        date: z.string().max(21).nullable().optional(),
        // a translation of the quote per language ('' removes it), and who made it
        translations: z
          .partialRecord(
            z.enum(TRANSLATION_LANGS),
            z.union([
              z.string().max(20000),
              z.object({ text: z.string().max(20000), by: z.string().max(300).optional() }).strict(),
            ]),
          )
          .optional(),
        translator: z.string().max(300).optional(),
      })
      .strict(),
    (a, { id, ...patch }) => a.editFact(id, patch),
  ),
  restoreFact: call(
    z
      .object({
        id,
        articleId: id,
        anchor: AnchorSchema,
        type: z.string().max(40),
        date: EventDateSchema.nullable(),
        people: names.unwrap(),
        places: names.unwrap(),
        organizations: names.unwrap(),
        tags: names.unwrap(),
        note: z.string().max(20000),
        roles,
        translations: TranslationsSchema.optional(),
        createdAt: z.string().datetime({ offset: true }),
        cases: z.array(id).max(1000),
        status: FactStatusSchema.optional(),
        verificationNote: z.string().max(2000).optional(),
        corroboratedBy: z.array(id).max(500).optional(),
      })
      .strip(),
    (a, input) => a.restoreFact(input),
  ),
  listFactTypes: call(noInput, (a) => a.listFactTypes()),

  listEntities: call(noInput, (a) => a.listEntities()),
  addEntity: call(
    z.object({ name: z.string().min(1).max(300), kind: EntityKindSchema, aliases: names }).strict(),
    (a, { name, kind, aliases }) => a.addEntity(name, kind, aliases),
  ),
  renameEntity: call(z.object({ id, name: z.string().min(1).max(300) }).strict(), (a, { id, name }) =>
    a.renameEntity(id, name),
  ),
  addAliases: call(z.object({ id, aliases: names.unwrap() }).strict(), (a, { id, aliases }) =>
    a.addAliases(id, aliases),
  ),
  mergeEntities: call(z.object({ keep: id, other: id }).strict(), (a, { keep, other }) => a.mergeEntities(keep, other)),
  getEntity: call(z.object({ id }).strict(), (a, { id }) => a.getEntity(id)),

  listTags: call(noInput, (a) => a.listTags()),
  renameTag: call(z.object({ from: id, to: id }).strict(), (a, { from, to }) => a.renameTag(from, to)),
  mergeTag: call(z.object({ from: id, into: id }).strict(), (a, { from, into }) => a.mergeTag(from, into)),

  createCase: call(
    z.object({ title: z.string().min(1).max(500), summary: optionalText(20000) }).strict(),
    (a, { title, summary }) => a.createCase(title, summary),
  ),
  listCases: call(noInput, (a) => a.listCases()),
  getCase: call(z.object({ id }).strict(), (a, { id }) => a.getCase(id)),
  updateCase: call(
    z
      .object({
        id,
        title: optionalText(500),
        summary: optionalText(20000),
        status: z.enum(['open', 'closed']).optional(),
      })
      .strict(),
    (a, { id, ...patch }) => a.updateCase(id, patch),
  ),
  deleteCase: call(z.object({ id }).strict(), (a, { id }) => a.deleteCase(id)),
  // the case's UN communication fields: each given replaces what is there
  editCommunication: call(
    z
      .object({
        id,
        consent: z
          .record(
            z.string().min(1).max(300),
            z.object({ status: z.enum(CONSENTS), by: optionalText(300), date: z.string().max(10).optional() }).strict(),
          )
          .optional(),
        responsibility: z.record(z.string().min(1).max(300), z.string().max(5000)).optional(),
        rights: z.array(z.string().max(20)).max(100).optional(),
        state: optionalText(300),
        otherProcedures: optionalText(20000),
      })
      .strict(),
    (a, { id, ...patch }) => a.editCommunication(id, patch),
  ),
  addFactsToCase: call(z.object({ id, factIds: z.array(id).min(1).max(1000) }).strict(), (a, { id, factIds }) =>
    a.addFactsToCase(id, factIds),
  ),
  removeFactFromCase: call(z.object({ id, factId: id }).strict(), (a, { id, factId }) =>
    a.removeFactFromCase(id, factId),
  ),
  reorderCase: call(z.object({ id, factIds: z.array(id).max(10000) }).strict(), (a, { id, factIds }) =>
    a.reorderCase(id, factIds),
  ),
});

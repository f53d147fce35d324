/**
 * From the archive to DossierData: the chosen facts in order, the entities they name (with aliases),
 * and their source articles with hashes. Reads the store; the HTML builder stays pure.
 */
import { findArticle, readArticleText } from '../import/articles.js';
import { resolveCase } from '../annotation/cases.js';
import { resolveEntity } from '../annotation/entities.js';
import { AqiqatError } from '../errors.js';
import { allFactTypes } from '../annotation/fact-types.js';
import { shardOf, sourceFile } from '../storage/layout.js';
import { FACT_ID, type Article, type Entity, type Fact, type FactRole } from '../model.js';
import type { ArchiveStore } from '../storage/store.js';
import { readIdentity, viewOf } from '../protection/identity.js';
import { timelineOrder } from '../../shared/timeline.js';
import type { DossierData, DossierEntity, DossierFact, DossierSource, DossierVisual } from './types.js';

export interface DossierSelection {
  caseId: string | null;
  title: string;
  summary: string;
  /** fact ids; the chronology shows them in timeline order, ties in this order (a case's own) */
  factIds: readonly string[];
  /** skip ids of facts deleted since (a case may hold them) instead of refusing */
  skipMissing?: boolean | undefined;
}

/** A case as a dossier selection: its title, summary and facts. */
export function caseSelection(store: ArchiveStore, ref: string): DossierSelection {
  const c = resolveCase(store.meta.data, ref);
  return { caseId: c.id, title: c.title, summary: c.summary, factIds: [...c.factIds], skipMissing: true };
}

/** Which facts a dossier or an export holds: a case's (id or title), else these ids, else every fact. */
export interface FactChoice {
  case?: string | undefined;
  facts?: readonly string[] | undefined;
}

/** The selection of a choice; `title`: the dossier's title when no case names one. */
export async function selectionOf(store: ArchiveStore, choice: FactChoice, title: string): Promise<DossierSelection> {
  if (choice.case !== undefined) return caseSelection(store, choice.case);
  const factIds = choice.facts ? [...choice.facts] : (await store.allFacts()).map((f) => f.id);
  return { caseId: null, title, summary: '', factIds };
}

/** Facts by id, in the given order; a missing id is an error that names it (or skipped). */
export async function loadFacts(store: ArchiveStore, ids: readonly string[], skipMissing = false): Promise<Fact[]> {
  const out: Fact[] = [];
  for (const raw of ids) {
    const id = raw.trim();
    if (!FACT_ID.test(id)) throw new AqiqatError('fact.bad-id', { ref: raw }, 'usage');
    const fact = (await store.factShard(shardOf(id))).data.facts.find((f) => f.id === id);
    if (fact) out.push(fact);
    else if (!skipMissing) throw new AqiqatError('fact.not-found', { ids: [id] }, 'not-found');
  }
  return out;
}

/**
 * Who each identity is, as this archive knows them: itself and its contacts by name, anyone else by the
 * start of their key's fingerprint.
 */
async function identityNames(store: ArchiveStore): Promise<(fingerprint: string) => string> {
  const own = await readIdentity(store.layout.root, store.codec);
  const known = new Map((store.meta.data.team?.contacts ?? []).map((c) => [c.fingerprint, c.name]));
  if (own) known.set(viewOf(own).fingerprint, viewOf(own).name);
  return (fp) => known.get(fp) ?? `key ${fp.slice(0, 9)}…`;
}

export async function collectDossier(
  store: ArchiveStore,
  selection: DossierSelection,
  { attribution = false }: { attribution?: boolean | undefined } = {},
): Promise<DossierData> {
  const nameOf = attribution ? await identityNames(store) : undefined;
  const loaded = await loadFacts(store, [...new Set(selection.factIds)], selection.skipMissing ?? false);
  const facts = timelineOrder(loaded, (f) => f.date);
  const articles = new Map<string, Article>();
  for (const f of facts)
    if (!articles.has(f.articleId)) articles.set(f.articleId, await findArticle(store, f.articleId));

  const byId = new Map(store.meta.data.entities.map((e) => [e.id, e]));
  const used: Entity[] = [];
  const seen = new Set<string>();
  const names = (ids: readonly string[]) =>
    ids.map((id) => {
      const e = byId.get(id);
      if (e && !seen.has(id)) {
        seen.add(id);
        used.push(e);
      }
      return e?.name ?? id;
    });
  const ocrPages = new Map<string, (offset: number) => number | undefined>();
  for (const a of articles.values())
    if (a.ocr) ocrPages.set(a.id, machineReadPageOf(a, await readArticleText(store, a)));
  const dossierFacts: DossierFact[] = facts.map((f) => {
    const article = articles.get(f.articleId)!;
    const machineReadPage = ocrPages.get(article.id)?.(f.anchor.start);
    const corrected = (article.ocr?.corrections ?? []).some((c) => c.page === machineReadPage);
    return {
      ...(machineReadPage ? { machineReadPage } : {}),
      ...(corrected ? { correctedByHand: true } : {}),
      id: f.id,
      quote: f.anchor.exact,
      lang: article.lang,
      type: f.type,
      date: f.date,
      people: names(f.people),
      places: names(f.places),
      organizations: names(f.organizations),
      roles: Object.fromEntries(
        Object.entries(f.roles ?? {}).map(([id, role]) => [byId.get(id)?.name ?? id, role]),
      ) as Record<string, FactRole>,
      sourceId: article.id,
      ...(f.translations ? { translations: f.translations } : {}),
      note: f.note,
      ...(f.status ? { status: f.status } : {}),
      ...(f.verificationNote ? { verificationNote: f.verificationNote } : {}),
      ...(f.corroboratedBy ? { corroboratedBy: [...f.corroboratedBy] } : {}),
      ...(nameOf && f.createdBy ? { recordedBy: nameOf(f.createdBy) } : {}),
      ...(nameOf && f.updatedBy && f.updatedBy !== f.createdBy ? { changedBy: nameOf(f.updatedBy) } : {}),
    };
  });
  const entities: DossierEntity[] = used
    .map((e) => ({ kind: e.kind, name: e.name, aliases: [...e.aliases] }))
    .sort((a, b) => a.name.localeCompare(b.name, 'kk'));
  const visuals = new Map<string, DossierVisual>();
  for (const a of articles.values()) if (a.visual) visuals.set(a.id, await visualOf(store, a.visual));
  const sources: DossierSource[] = [...articles.values()].map((a) => ({
    id: a.id,
    title: a.title,
    publisher: a.publisher,
    publishedAt: a.publishedAt,
    url: a.url,
    importedAt: a.importedAt,
    sha256: a.sha256,
    textSha256: a.textSha256,
    lang: a.lang,
    ...(a.sourceType ? { sourceType: a.sourceType } : {}),
    ...(a.capture ? { capture: structuredClone(a.capture) } : {}),
    ...(visuals.has(a.id) ? { visual: visuals.get(a.id) } : {}),
  }));
  const typeLabels = Object.fromEntries(allFactTypes(store.meta.data).map((t) => [t.id, t.labels]));
  const kase = selection.caseId === null ? undefined : store.meta.data.cases.find((c) => c.id === selection.caseId);
  const byName = <T>(rec: Readonly<Record<string, T>>) =>
    Object.fromEntries(Object.entries(rec).map(([id, v]) => [byId.get(id)?.name ?? id, v]));
  const communication = kase?.communication && {
    ...kase.communication,
    consent: byName(kase.communication.consent),
    responsibility: byName(kase.communication.responsibility),
  };
  return {
    ...(communication ? { communication } : {}),
    caseId: selection.caseId,
    title: selection.title,
    summary: selection.summary,
    facts: dossierFacts,
    entities,
    sources,
    typeLabels,
  };
}

/** The appendix's view of a visual copy: its hashes and its stored thumbnail, embedded (the document makes no request). */
async function visualOf(store: ArchiveStore, v: NonNullable<Article['visual']>): Promise<DossierVisual> {
  const thumb = await store.readContent(sourceFile(store.layout, v.thumb.sha256, v.thumb.ext));
  return {
    pngSha256: v.png.sha256,
    pdfSha256: v.pdf.sha256,
    thumb: `data:image/jpeg;base64,${Buffer.from(thumb).toString('base64')}`,
  };
}

/** The page an offset of the text is on (its last `[page N]` line before it), if OCR read that page. */
function machineReadPageOf(article: Article, text: string): (offset: number) => number | undefined {
  const read = new Set((article.ocr?.pages ?? []).map((p) => p.page));
  const starts = [...text.matchAll(/^\[page (\d+)\]$/gm)].map((m) => [m.index, Number(m[1])] as const);
  return (offset) => {
    const page = starts.findLast(([at]) => at <= offset)?.[1];
    return page !== undefined && read.has(page) ? page : undefined;
  };
}

/** The person to redact, by name, alias or id, with every spelling the archive knows. */
export function personNames(store: ArchiveStore, ref: string): string[] {
  const person = resolveEntity(store.meta.data, ref, 'person');
  return [person.name, ...person.aliases];
}

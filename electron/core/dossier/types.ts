/**
 * What a dossier is made of, independent of where it came from (a case, a list of facts): the HTML
 * builder reads only this, so it stays a pure function that tests can feed directly.
 */
import type {
  CaptureRecord,
  Communication,
  EntityKind,
  EventDate,
  FactRole,
  FactStatus,
  Language,
  SourceType,
  Translations,
} from '../model.js';

export const DOSSIER_LANGS = ['en', 'kk', 'ru'] as const;
export type DossierLang = (typeof DOSSIER_LANGS)[number];
export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

export interface DossierFact {
  id: string;
  /** the quoted passage, exactly as stored (original language) */
  quote: string;
  /** the article's language, for the quote's lang attribute (hyphenation, fonts) */
  lang: Language;
  type: string;
  date: EventDate | null;
  people: string[];
  places: string[];
  organizations: string[];
  /** a person's part in the event, by name (absent: not said) */
  roles?: Readonly<Record<string, FactRole>> | undefined;
  /** the id of its source (an article) in `sources` */
  sourceId: string;
  /** the page the quote is on, when that page's text was read by OCR */
  machineReadPage?: number | undefined;
  /** that page's text was corrected by hand (the quote is the corrected text) */
  correctedByHand?: boolean | undefined;
  /** the quote translated by a researcher, by language */
  translations?: Translations | undefined;
  /** the fact's note (the UN template prints it as a remedy's outcome) */
  note?: string | undefined;
  /** verification: absent means unverified, no note, no corroborating facts */
  status?: FactStatus | undefined;
  verificationNote?: string | undefined;
  /** ids of the facts that corroborate it (cited by number when they are in the dossier) */
  corroboratedBy?: readonly string[] | undefined;
  /** who recorded the fact and who last changed it (archive identities by name), when the dossier is asked to say */
  recordedBy?: string | undefined;
  changedBy?: string | undefined;
}

export interface DossierSource {
  id: string;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  url: string | null;
  importedAt: string;
  /** SHA-256 of the original file */
  sha256: string;
  /** SHA-256 of the extracted text */
  textSha256: string;
  lang: Language;
  /** absent: not set */
  sourceType?: SourceType | undefined;
  capture?: CaptureRecord | undefined;
  /** the saved page's visual copy (`Article.visual`), when it has one */
  visual?: DossierVisual | undefined;
}

/** A visual copy as the source appendix shows it: its hashes, and its thumbnail unless the dossier is redacted. */
export interface DossierVisual {
  /** SHA-256 of the full-page PNG */
  pngSha256: string;
  /** SHA-256 of the page's PDF */
  pdfSha256: string;
  /** the top of the page as a data: URL (JPEG); absent when left out (a redacted dossier) */
  thumb?: string | undefined;
}

export interface DossierEntity {
  kind: EntityKind;
  name: string;
  aliases: string[];
}

export interface DossierData {
  /** the case id, or null for a dossier of chosen facts */
  caseId: string | null;
  title: string;
  summary: string;
  /** in the order the chronology shows them */
  facts: DossierFact[];
  /** the people, organizations and places the facts name, with their aliases */
  entities: DossierEntity[];
  sources: DossierSource[];
  /** fact type id → label per language (the thesaurus and the archive's own types) */
  typeLabels?: Readonly<Record<string, Readonly<Record<DossierLang, string>>>> | undefined;
  /** the case's UN communication fields, with people by name instead of entity id */
  communication?: CommunicationData | undefined;
}

/** Communication (model.ts) as the dossier prints it: consent and responsibility keyed by person name. */
export type CommunicationData = Omit<Communication, 'consent' | 'responsibility'> & {
  consent: Record<string, Communication['consent'][string]>;
  responsibility: Record<string, string>;
};

export const TEMPLATES = ['dossier', 'un-communication'] as const;
export type Template = (typeof TEMPLATES)[number];

/** How a dossier is asked to look, wherever it is asked from (the CLI, the app); absent: the defaults. */
export interface DossierLook {
  lang?: DossierLang | undefined;
  paper?: Paper | undefined;
  /** names replaced by a mark */
  redact?: readonly string[] | undefined;
  redactSources?: boolean | undefined;
  attribution?: boolean | undefined;
}

export interface DossierOptions {
  lang: DossierLang;
  paper: Paper;
  generatedAt: Date;
  /** who compiled it (cover page) */
  compiledBy: string;
  /** the confidentiality line of the cover and footer; default: the language's standard line */
  confidentiality?: string | undefined;
  /** replace source URLs with a note */
  redactSources?: boolean | undefined;
  /** people were redacted: the cover says so */
  redacted?: boolean | undefined;
}

/**
 * `aqiqat export`: facts with their article metadata as JSON or CSV. CSV is for Excel and
 * LibreOffice: UTF-8 with a BOM (so Cyrillic opens right), CRLF rows, RFC 4180 quoting, and cells
 * that a spreadsheet would run as a formula (= + - @, tab, CR) prefixed with ' — quotes come from the web.
 */
import { findArticle } from '../import/articles.js';
import { TRANSLATION_LANGS, type Article, type CaptureRecord, type Fact, type Translations } from '../model.js';
import type { ArchiveStore } from '../storage/store.js';
import { timelineOrder } from '../../shared/timeline.js';
import { loadFacts, selectionOf, type FactChoice } from './data.js';

export interface ExportRow {
  factId: string;
  date: string | null;
  datePrecision: string | null;
  dateApproximate: boolean;
  type: string;
  quote: string;
  people: string[];
  places: string[];
  organizations: string[];
  tags: string[];
  note: string;
  /** the quote's translations by language (text, translator, when); {} when none */
  translations: Translations;
  article: {
    id: string;
    title: string;
    publisher: string | null;
    publishedAt: string | null;
    url: string | null;
    lang: string;
    sha256: string;
    textSha256: string;
    importedAt: string;
    /** null: not set */
    sourceType: string | null;
    capture: CaptureRecord;
  };
  status: string;
  verificationNote: string;
  corroboratedBy: string[];
}

/** The rows of the chosen facts: a case's in its timeline order (its deleted facts skipped), else as given. */
export async function exportFacts(
  store: ArchiveStore,
  choice: FactChoice,
): Promise<{ rows: ExportRow[]; caseId: string | null }> {
  const selection = await selectionOf(store, choice, '');
  const facts = await loadFacts(store, selection.factIds, selection.skipMissing ?? false);
  const inCase = selection.caseId !== null;
  return {
    rows: await exportRows(store, inCase ? timelineOrder(facts, (f) => f.date) : facts),
    caseId: selection.caseId,
  };
}

export async function exportRows(store: ArchiveStore, facts: readonly Fact[]): Promise<ExportRow[]> {
  const articles = new Map<string, Article>();
  const names = new Map(store.meta.data.entities.map((e) => [e.id, e.name]));
  const resolve = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id);
  const rows: ExportRow[] = [];
  for (const f of facts) {
    let a = articles.get(f.articleId);
    if (!a) {
      a = await findArticle(store, f.articleId);
      articles.set(a.id, a);
    }
    rows.push({
      factId: f.id,
      date: f.date?.value ?? null,
      datePrecision: f.date?.precision ?? null,
      dateApproximate: f.date?.approximate ?? false,
      type: f.type,
      quote: f.anchor.exact,
      people: resolve(f.people),
      places: resolve(f.places),
      organizations: resolve(f.organizations),
      tags: [...f.tags],
      note: f.note,
      translations: f.translations ?? {},
      article: {
        id: a.id,
        title: a.title,
        publisher: a.publisher,
        publishedAt: a.publishedAt,
        url: a.url,
        lang: a.lang,
        sha256: a.sha256,
        textSha256: a.textSha256,
        importedAt: a.importedAt,
        sourceType: a.sourceType ?? null,
        capture: { asserted: { ...a.capture?.asserted }, machine: { ...a.capture?.machine } },
      },
      status: f.status ?? 'unverified',
      verificationNote: f.verificationNote ?? '',
      corroboratedBy: [...(f.corroboratedBy ?? [])],
    });
  }
  return rows;
}

const originalOrCopy = (original: boolean | undefined) =>
  original === undefined ? '' : original ? 'original' : 'copy';

const COLUMNS: Array<[string, (r: ExportRow) => string]> = [
  ['fact_id', (r) => r.factId],
  ['date', (r) => r.date ?? ''],
  ['date_precision', (r) => r.datePrecision ?? ''],
  ['date_approximate', (r) => (r.dateApproximate ? 'yes' : 'no')],
  ['type', (r) => r.type],
  ['quote', (r) => r.quote],
  ['people', (r) => r.people.join('; ')],
  ['places', (r) => r.places.join('; ')],
  ['organizations', (r) => r.organizations.join('; ')],
  ['tags', (r) => r.tags.join('; ')],
  ['note', (r) => r.note],
  ...TRANSLATION_LANGS.flatMap((lang): Array<[string, (r: ExportRow) => string]> => [
    [`translation_${lang}`, (r) => r.translations[lang]?.text ?? ''],
    [`translator_${lang}`, (r) => r.translations[lang]?.by ?? ''],
  ]),
  ['article_id', (r) => r.article.id],
  ['article_title', (r) => r.article.title],
  ['publisher', (r) => r.article.publisher ?? ''],
  ['published', (r) => r.article.publishedAt ?? ''],
  ['url', (r) => r.article.url ?? ''],
  ['language', (r) => r.article.lang],
  ['sha256_original', (r) => r.article.sha256],
  ['sha256_text', (r) => r.article.textSha256],
  ['imported_at', (r) => r.article.importedAt],
  // provenance, after the older columns so that sheets built on them keep working
  ['status', (r) => r.status],
  ['verification_note', (r) => r.verificationNote],
  ['corroborated_by', (r) => r.corroboratedBy.join('; ')],
  ['source_type', (r) => r.article.sourceType ?? ''],
  ['captured_by', (r) => r.article.capture.asserted.capturedBy ?? ''],
  ['captured_at', (r) => r.article.capture.asserted.capturedAt ?? ''],
  ['capture_tool', (r) => r.article.capture.asserted.tool ?? ''],
  ['original_url', (r) => r.article.capture.asserted.originalUrl ?? ''],
  ['acquired_from', (r) => r.article.capture.asserted.acquiredFrom ?? ''],
  ['acquired_note', (r) => r.article.capture.asserted.acquiredNote ?? ''],
  ['original_or_copy', (r) => originalOrCopy(r.article.capture.asserted.original)],
  ['machine_file_time', (r) => r.article.capture.machine.fileModifiedAt ?? ''],
  ['machine_warc_date', (r) => r.article.capture.machine.warcDate ?? ''],
  ['machine_warc_uri', (r) => r.article.capture.machine.warcTargetUri ?? ''],
  ['machine_warc_software', (r) => r.article.capture.machine.warcSoftware ?? ''],
];

/** One CSV cell: formula-safe, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly ExportRow[]): string {
  const line = (cells: string[]) => cells.map(csvCell).join(',');
  return `\uFEFF${[line(COLUMNS.map(([h]) => h)), ...rows.map((r) => line(COLUMNS.map(([, get]) => get(r))))].join('\r\n')}\r\n`;
}

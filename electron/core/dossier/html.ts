/**
 * A dossier as one self-contained print HTML document: cover, contents, summary, people,
 * chronology with numbered citations, sources with their hashes. Pure: no I/O, fonts come in as CSS.
 * Everything from the archive is untrusted text (quotes and titles come from the web) and is escaped;
 * the document carries a CSP that forbids scripts and every request but data: fonts.
 */
import { LABELS, type Labels } from './labels.js';
import { REDACTED } from './redact.js';
import type { DossierData, DossierEntity, DossierFact, DossierLang, DossierOptions, DossierSource } from './types.js';
import type { EntityKind, EventDate } from '../model.js';
import { calendarDate } from '../../shared/timeline.js';
import { SOURCE_TYPES } from '../../shared/provenance.js';

export interface BuiltDossier {
  /** the page document */
  html: string;
  /** the PDF title (also the document <title>) */
  title: string;
  /** Chromium's footerTemplate: a separate document, so it carries its own font */
  footerTemplate: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text and attribute values from the archive; also drops C0 controls that Chromium would show as boxes. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

/** "2009", "September 2020", "16 October 2020", "c. 2009" in the dossier's language. */
export function formatEventDate(date: EventDate | null, l: Labels): string {
  if (!date) return l.undated;
  const [y, m, d] = date.value.split('-');
  const text = calendarDate(l.dates, y!, m ? Number(m) : null, d ? Number(d) : null);
  return date.approximate ? `${l.approximately} ${text}` : text;
}

/** The thesaurus label in the dossier's language; an unknown type as stored. */
export function typeLabel(type: string, lang: DossierLang, labels: DossierData['typeLabels']): string {
  return labels?.[type]?.[lang] ?? type.replace(/-/g, ' ');
}

/** Sources in order of first citation, numbered from 1. */
export function numberSources(data: DossierData): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const f of data.facts) if (!numbers.has(f.sourceId)) numbers.set(f.sourceId, numbers.size + 1);
  for (const s of data.sources) if (!numbers.has(s.id)) numbers.set(s.id, numbers.size + 1);
  return numbers;
}

/** Blank-line-separated paragraphs as <p>, line breaks kept. */
export const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

/** Quotes not in the dossier's language that have no translation into it. */
export function untranslatedCount(data: DossierData, lang: DossierLang): number {
  return data.facts.filter((f) => f.lang !== lang && !f.translations?.[lang]).length;
}

/** The quote's translation into the dossier's language, marked as such, or nothing. */
export function translationHtml(f: DossierFact, lang: DossierLang, l: Labels): string {
  const t = f.lang === lang ? undefined : f.translations?.[lang];
  if (!t) return '';
  return `<div class="translation" lang="${lang}"><div class="tr-mark">${esc(l.translationBy(f.lang, lang, t.by))}</div><div class="tr-text">${esc(t.text)}</div></div>`;
}

function cover(data: DossierData, o: DossierOptions, l: Labels, sourceCount: number): string {
  const years = data.facts
    .filter((f) => f.date)
    .map((f) => f.date!.value.slice(0, 4))
    .sort();
  const period = years.length ? (years[0] === years.at(-1) ? years[0]! : `${years[0]} – ${years.at(-1)}`) : null;
  const generated = o.generatedAt.toISOString();
  const day = generated.slice(0, 10).split('-');
  const generatedText = `${calendarDate(l.dates, day[0]!, Number(day[1]), Number(day[2]))}, ${generated.slice(11, 16)} UTC`;
  const rows: Array<[string, string]> = [
    [l.generated, generatedText],
    [l.compiledBy, o.compiledBy],
    ...(data.caseId ? ([[l.caseId, data.caseId]] as Array<[string, string]>) : []),
    ...(period ? ([[l.period, period]] as Array<[string, string]>) : []),
  ];
  const untranslated = untranslatedCount(data, o.lang);
  const redacted = o.redacted
    ? `<p class="redaction-note">${esc(l.redactionNote)}</p><p class="searchable-note">${esc(l.searchableNote)}</p>`
    : '';
  // a case that rests on the press alone is weaker evidence, and the reader should know at once
  const newsOnly =
    data.sources.length > 0 && data.sources.every((s) => s.sourceType === 'news')
      ? `<p class="news-only">${esc(l.newsOnly)}</p>`
      : '';
  return `<section class="cover">
<div class="kicker">${esc(data.caseId ? l.dossier : l.factsDossier)}</div>
<h1>${esc(data.title)}</h1>
<p class="subtitle">${esc(l.factCount(data.facts.length))} · ${esc(l.sourceCount(sourceCount))}</p>
${untranslated ? `<p class="untranslated">${esc(l.untranslated(untranslated))}</p>` : ''}
<dl class="cover-meta">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
${newsOnly}
${redacted}
<p class="confidential">${esc(o.confidentiality ?? l.confidential)}</p>
</section>`;
}

/**
 * The contents: one line per section, its page number in a fixed-width slot (`data-page-of`: the
 * printer writes the page where that id landed, `paging.ts`), so the number never moves the layout.
 */
export function contentsList(heading: string, items: ReadonlyArray<readonly [id: string, text: string]>): string {
  return `<nav class="toc"><h2>${esc(heading)}</h2><ol>${items
    .map(
      ([id, t]) =>
        `<li><a href="#${esc(id)}"><span class="toc-t">${esc(t)}</span><span class="toc-dots"></span><span class="toc-page" data-page-of="${esc(id)}"></span></a></li>`,
    )
    .join('')}</ol></nav>`;
}

function contents(l: Labels): string {
  const items: Array<[string, string]> = [
    ['summary', l.summary],
    ['entities', l.entities],
    ['chronology', l.chronology],
    ['sources', l.sources],
  ];
  return contentsList(
    l.contents,
    items.map(([id, t], i) => [id, `${i + 1}. ${t}`]),
  );
}

const KINDS: Array<[EntityKind, keyof Pick<Labels, 'people' | 'organizations' | 'places'>]> = [
  ['person', 'people'],
  ['organization', 'organizations'],
  ['place', 'places'],
];

function factNumbersOf(data: DossierData): Map<string, number[]> {
  const out = new Map<string, number[]>();
  data.facts.forEach((f, i) => {
    for (const name of new Set([...f.people, ...f.places, ...f.organizations])) {
      const list = out.get(name) ?? [];
      list.push(i + 1);
      out.set(name, list);
    }
  });
  return out;
}

/** "1, 2, 5" — at most 40 numbers, then "and N more" (a person named in 2,000 facts). */
function numberList(ns: readonly number[], l: Labels): string {
  const MAX = 40;
  const shown = ns.slice(0, MAX).join(', ');
  return ns.length > MAX ? `${shown} ${l.more(ns.length - MAX)}` : shown;
}

function entitySection(data: DossierData, l: Labels): string {
  const mentions = factNumbersOf(data);
  const refs = (name: string) => numberList(mentions.get(name) ?? [], l);
  const table = (list: DossierEntity[]) =>
    `<table class="entities"><thead><tr><th class="name-col">${esc(l.name)}</th><th>${esc(l.aliases)}</th><th class="refs-col">${esc(l.mentionedIn)}</th></tr></thead><tbody>${list
      .map(
        (e) =>
          `<tr><td class="name">${esc(e.name)}</td><td>${esc(e.aliases.join(', '))}</td><td class="refs">${esc(refs(e.name))}</td></tr>`,
      )
      .join('')}</tbody></table>`;
  const groups = KINDS.map(([kind, label]) => [label, data.entities.filter((e) => e.kind === kind)] as const)
    .filter(([, list]) => list.length > 0)
    .map(([label, list]) => `<h3 id="entities-${label}" data-outline="2">${esc(l[label])}</h3>${table(list)}`);
  return `<section id="entities"><h2 data-outline="1">2. ${esc(l.entities)}</h2>${groups.join('') || '<p class="empty">—</p>'}</section>`;
}

/** The date as its precision allows; "approximately" on its own line so the date never wraps. */
export function whenCell(f: DossierFact, l: Labels): string {
  const exact = f.date ? formatEventDate({ ...f.date, approximate: false }, l) : l.undated;
  return `${f.date?.approximate ? `<div class="approx">${esc(l.approximately)}</div>` : ''}<div class="date">${esc(exact)}</div>`;
}

/** A fact's status, its verification note and the facts that corroborate it (by number when in the dossier). */
function verification(f: DossierFact, l: Labels, numberOf: ReadonlyMap<string, number>): string {
  const by = (f.corroboratedBy ?? []).map((id) => {
    const n = numberOf.get(id);
    return n ? `<a href="#f${n}">${n}</a>` : `${esc(id)} (${esc(l.notInDossier)})`;
  });
  const parts = [
    f.verificationNote ? `<div class="vnote">${esc(l.verificationNote)}: ${esc(f.verificationNote)}</div>` : '',
    by.length ? `<div class="vby">${esc(l.corroboratedBy)}: ${by.join(', ')}</div>` : '',
    f.recordedBy ? `<div class="vby">${esc(l.recordedBy)}: ${esc(f.recordedBy)}</div>` : '',
    f.changedBy ? `<div class="vby">${esc(l.changedBy)}: ${esc(f.changedBy)}</div>` : '',
  ];
  return parts.join('');
}

function factRow(
  f: DossierFact,
  n: number,
  source: number,
  l: Labels,
  type: string,
  lang: DossierLang,
  numberOf: ReadonlyMap<string, number>,
): string {
  const status = f.status ?? 'unverified';
  const who = [...f.people, ...f.organizations, ...f.places].filter((x, i, all) => all.indexOf(x) === i);
  const name = (w: string) => {
    const role = f.roles?.[w];
    const shown = w === REDACTED ? `<span class="redacted">${esc(w)}</span>` : esc(w);
    return role ? `${shown} <span class="role">(${esc(l.roles[role])})</span>` : shown;
  };
  const quoteLang = f.lang === 'other' ? '' : ` lang="${f.lang}"`;
  // its bookmark: number, date, type (the quote can be long; the row shows it)
  const mark = `${n}. ${formatEventDate(f.date, l)} · ${type}`;
  return `<tr id="f${n}" data-outline="2" data-outline-title="${esc(mark)}"><td class="n">${n}</td><td class="when">${whenCell(f, l)}<div class="type">${esc(type)}</div><div class="status st-${status}">${esc(l.provenance.statuses[status])}</div></td><td class="quote-cell"><blockquote${quoteLang}>${esc(f.quote)}</blockquote>${translationHtml(f, lang, l)}${
    f.machineReadPage
      ? `<div class="ocr-note">${esc((f.correctedByHand ? l.machineReadCorrected : l.machineRead)(f.machineReadPage))}</div>`
      : ''
  }${
    who.length ? `<div class="who">${who.map(name).join(' · ')}</div>` : ''
  }${verification(f, l, numberOf)}</td><td class="cite"><a href="#s${source}">[${source}]</a></td></tr>`;
}

/** Every fact, numbered in order, with its source's number: the table both dossiers show. */
export function chronologyTable(data: DossierData, numbers: Map<string, number>, l: Labels, lang: DossierLang): string {
  const numberOf = new Map(data.facts.map((f, i) => [f.id, i + 1]));
  const rows = data.facts
    .map((f, i) =>
      factRow(f, i + 1, numbers.get(f.sourceId)!, l, typeLabel(f.type, lang, data.typeLabels), lang, numberOf),
    )
    .join('\n');
  return `<table class="chronology"><colgroup><col class="c-n"><col class="c-when"><col class="c-quote"><col class="c-cite"></colgroup>
<thead><tr><th>#</th><th>${esc(l.date)} · ${esc(l.type)}</th><th>${esc(l.quote)}</th><th class="cite">${esc(l.source)}</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

function chronology(data: DossierData, numbers: Map<string, number>, l: Labels, lang: DossierLang): string {
  return `<section id="chronology"><h2 data-outline="1">3. ${esc(l.chronology)}</h2>
${chronologyTable(data, numbers, l, lang)}</section>`;
}

const isWebUrl = (u: string) => /^https?:\/\/[^\s]+$/i.test(u);

function sourceEntry(s: DossierSource, n: number, o: DossierOptions, l: Labels, citedIn: string): string {
  const url = o.redactSources
    ? `<span class="withheld">${esc(l.urlWithheld)}</span>`
    : s.url
      ? isWebUrl(s.url) && !s.url.includes(REDACTED)
        ? `<a class="url" href="${esc(s.url)}">${esc(s.url)}</a>`
        : `<span class="url">${esc(s.url)}</span>`
      : '—';
  // a publisher, a date or a hash finds a public article as surely as its URL does
  const withheld = `<span class="withheld">${esc(l.withheld)}</span>`;
  const shown = (html: string) => (o.redactSources ? withheld : html);
  const rows: Array<[string, string]> = [
    [l.publisher, shown(s.publisher ? esc(s.publisher) : '—')],
    [
      l.published,
      shown(
        s.publishedAt ? esc(formatEventDate({ value: s.publishedAt, precision: 'day', approximate: false }, l)) : '—',
      ),
    ],
    [l.url, url],
    [l.imported, shown(esc(`${s.importedAt.slice(0, 10)} ${s.importedAt.slice(11, 16)} UTC`))],
    [l.citedIn, esc(citedIn || '—')],
    [l.sha256Original, shown(`<span class="hash">${esc(s.sha256)}</span>`)],
    [l.sha256Text, shown(`<span class="hash">${esc(s.textSha256)}</span>`)],
    ...captureRows(s, o, l, shown),
    ...visualRows(s, o, l, shown),
  ];
  const titleLang = s.lang === 'other' ? '' : ` lang="${s.lang}"`;
  return `<div class="source" id="s${n}"><h3><span class="src-n">[${n}]</span> <span${titleLang}>${esc(s.title)}</span></h3><dl>${rows
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`)
    .join('')}</dl></div>`;
}

/**
 * The visual copy: its hashes, and the top of the page as it looked. The picture is left out of a redacted
 * copy (the leak check reads text, not images) and of one whose sources are withheld (it shows the site).
 */
function visualRows(
  s: DossierSource,
  o: DossierOptions,
  l: Labels,
  shown: (html: string) => string,
): Array<[string, string]> {
  const v = s.visual;
  if (!v) return [];
  const hash = (h: string) => shown(`<span class="hash">${esc(h)}</span>`);
  const picture = o.redactSources
    ? `<span class="withheld">${esc(l.withheld)}</span>`
    : v.thumb && !o.redacted
      ? `<div class="page-look"><img src="${esc(v.thumb)}" alt="${esc(l.asThePageLooked)}"></div>`
      : `<span class="withheld">${esc(l.visualLeftOut)}</span>`;
  return [
    [l.asThePageLooked, picture],
    [l.sha256VisualPng, hash(v.pngSha256)],
    [l.sha256VisualPdf, hash(v.pdfSha256)],
  ];
}

/**
 * The capture record: what the researcher asserts, then what the machine recorded, marked so. With
 * sources withheld, only what cannot find the page (its type, how it arrived, original or copy) stays.
 */
function captureRows(
  s: DossierSource,
  o: DossierOptions,
  l: Labels,
  shown: (html: string) => string,
): Array<[string, string]> {
  const a = s.capture?.asserted ?? {};
  const m = s.capture?.machine ?? {};
  const rows: Array<[string, string]> = [];
  const add = (label: string, value: string | undefined, withheld: boolean) => {
    if (value) rows.push([label, withheld ? shown(esc(value)) : esc(value)]);
  };
  add(l.capturedBy, a.capturedBy, true);
  add(l.capturedAt, a.capturedAt, true);
  add(l.captureTool, a.tool, true);
  add(l.originalUrl, a.originalUrl, true);
  // how it arrived stays in a withheld copy; the note beside it may name people or places, so it goes
  const kind = a.acquiredFrom ? l.provenance.acquiredFrom[a.acquiredFrom] : '';
  const note = a.acquiredNote && !o.redactSources ? a.acquiredNote : '';
  if (kind || note) rows.push([l.acquiredFrom, esc([kind, note].filter(Boolean).join(' — '))]);
  if (a.original !== undefined) rows.push([l.originalOrCopy, esc(a.original ? l.original : l.copy)]);
  const machine = (label: string, value: string | undefined) =>
    value && rows.push([`${label} (${l.machineRecorded})`, shown(esc(value))]);
  machine(l.fileModifiedAt, m.fileModifiedAt);
  machine(l.warcDate, m.warcDate);
  machine(l.warcTargetUri, m.warcTargetUri);
  machine(l.warcSoftware, m.warcSoftware);
  return rows;
}

export function sourcesSection(
  data: DossierData,
  numbers: Map<string, number>,
  o: DossierOptions,
  l: Labels,
  heading = `4. ${l.sources}`,
): string {
  const ordered = [...data.sources].sort((a, b) => numbers.get(a.id)! - numbers.get(b.id)!);
  const cited = new Map<string, number[]>();
  data.facts.forEach((f, i) => cited.set(f.sourceId, [...(cited.get(f.sourceId) ?? []), i + 1]));
  const entry = (s: DossierSource) => sourceEntry(s, numbers.get(s.id)!, o, l, numberList(cited.get(s.id) ?? [], l));
  // grouped by source type in the thesaurus order, untyped last; an archive that types none stays one list
  const typed = ordered.some((s) => s.sourceType);
  const groups = typed
    ? [...SOURCE_TYPES, undefined]
        .map((type) => [type, ordered.filter((s) => s.sourceType === type)] as const)
        .filter(([, list]) => list.length > 0)
        .map(
          ([type, list]) =>
            `<h3 class="source-group">${esc(type ? l.provenance.sourceTypes[type] : l.sourceTypeNotSet)}</h3>\n${list.map(entry).join('\n')}`,
        )
    : ordered.map(entry);
  return `<section id="sources"><h2 data-outline="1">${esc(heading)}</h2><p class="integrity">${esc(o.redactSources ? l.integrityNoteWithheld : l.integrityNote)}</p>${groups.join('\n')}</section>`;
}

export function css(o: DossierOptions): string {
  const size = o.paper === 'letter' ? 'letter' : 'A4';
  return `@page{size:${size};margin:18mm 16mm 20mm 16mm}
*{box-sizing:border-box}
html,body{margin:0;font-family:DossierSans,sans-serif;font-size:10pt;line-height:1.4;color:#111;font-kerning:normal}
body{-webkit-print-color-adjust:exact;print-color-adjust:exact}
h1,h2,h3{font-weight:700;line-height:1.2}
h2{font-size:15pt;margin:0 0 4mm;padding-bottom:1.5mm;border-bottom:1.2pt solid #1f3a5f;color:#1f3a5f;break-after:avoid}
h3{font-size:11pt;margin:5mm 0 2mm;break-after:avoid}
a{color:inherit;text-decoration:none}
section{margin:0 0 8mm}
.cover{break-after:page;min-height:230mm;display:flex;flex-direction:column;padding-top:45mm}
.kicker{font-size:11pt;color:#1f3a5f;font-weight:700}
.cover h1{font-size:24pt;margin:4mm 0 3mm;color:#111;overflow-wrap:anywhere}
.subtitle{font-size:12pt;color:#444;margin:0 0 14mm}
.cover-meta{display:grid;grid-template-columns:max-content 1fr;gap:2mm 8mm;margin:0;font-size:10.5pt}
.cover-meta dt{color:#555}.cover-meta dd{margin:0}
.redaction-note{margin-top:10mm;font-weight:700}
.searchable-note{margin-top:0;font-size:9.5pt;color:#333}
.confidential{margin-top:auto;border:1pt solid #8a1c1c;color:#8a1c1c;padding:3mm 4mm;font-size:9.5pt}
.toc{margin-bottom:8mm}.toc ol{list-style:none;padding:0;margin:0;font-size:11pt}.toc li{margin:1.5mm 0}
.toc a{display:flex;align-items:baseline}.toc-t{flex:0 1 auto}
.toc-dots{flex:1 1 auto;margin:0 0 0 2mm;border-bottom:0.8pt dotted #9aa8b8}
.toc-page{flex:0 0 2.4em;text-align:right;white-space:nowrap;overflow:hidden;font-variant-numeric:tabular-nums}
#summary p{margin:0 0 2.5mm;max-width:165mm}
.empty{color:#666}
table{border-collapse:collapse;width:100%}
thead{display:table-header-group}
tr{break-inside:avoid}
th{text-align:left;font-weight:700;font-size:8.5pt;color:#333;background:#e8edf3;padding:1.6mm 2mm;border-bottom:0.8pt solid #9aa8b8}
td{padding:1.8mm 2mm;vertical-align:top;border-bottom:0.5pt solid #d0d6dd}
table.entities{table-layout:fixed}table.entities .name-col{width:60mm}table.entities td.name{font-weight:700}
table.entities .refs-col{width:40mm}table.entities td.refs{font-size:8.5pt;color:#444}
table.chronology{table-layout:fixed}
col.c-n{width:9mm}col.c-when{width:38mm}col.c-cite{width:19mm}
td.n{color:#555;font-size:8.5pt}
.date{white-space:nowrap;font-size:9pt;font-weight:700}.approx{font-size:8pt;color:#555}
.type{margin-top:0.8mm;font-size:8.5pt;color:#1f3a5f;overflow-wrap:anywhere}
th.cite{text-align:right;overflow-wrap:anywhere}
.ocr-note{font-size:8pt;color:#7a4b00;font-style:italic;margin-top:0.8mm}
blockquote{margin:0;padding-left:2.5mm;border-left:1.5pt solid #1f3a5f;overflow-wrap:anywhere}
.who{margin-top:1mm;font-size:8.5pt;color:#444}.role{color:#777}
.redacted{background:#111;color:#fff;padding:0 1mm}
td.cite{font-size:9pt;white-space:nowrap;text-align:right}
#sources{break-before:page}
.integrity{font-size:9pt;color:#333;max-width:170mm}
.source{break-inside:avoid;margin:0 0 4mm;padding-bottom:2mm;border-bottom:0.5pt solid #d0d6dd}
.source h3{margin:3mm 0 1.5mm;font-size:10.5pt;overflow-wrap:anywhere}
.src-n{color:#1f3a5f}
.source dl{display:grid;grid-template-columns:48mm 1fr;gap:0.8mm 4mm;margin:0;font-size:9pt}
.source dt{color:#555}.source dd{margin:0;overflow-wrap:anywhere}
.hash{font-size:8pt;letter-spacing:0;white-space:nowrap}
.withheld{color:#666}
.page-look{width:70mm;max-height:52mm;overflow:hidden;border:0.5pt solid #9aa8b8;margin:0.5mm 0 1mm}
.page-look img{display:block;width:100%;height:auto}
.untranslated{font-size:10pt;color:#8a5a00;margin:-10mm 0 10mm}
.translation{margin:1.2mm 0 0 2.5mm;padding-left:2.5mm;border-left:1.5pt dotted #8a9bb0}
.tr-mark{font-size:7.5pt;color:#555;font-style:italic}
.news-only{margin-top:8mm;border-left:2pt solid #8a5a00;padding:1mm 0 1mm 3mm;font-size:10pt;color:#5a3b00}
.status{margin-top:0.8mm;font-size:8pt;color:#555}
.st-verified{color:#1d5e2a;font-weight:700}.st-corroborated{color:#1d5e2a}.st-disputed{color:#8a1c1c;font-weight:700}
.vnote,.vby{margin-top:1mm;font-size:8.5pt;color:#333}
h3.source-group{margin:6mm 0 2mm;font-size:11.5pt;color:#1f3a5f;border-bottom:0.5pt solid #9aa8b8;padding-bottom:1mm}`;
}

export function footer(fontCss: string, l: Labels): string {
  // a separate document: page fonts are not visible here (see notes/pdf-with-chromium.md)
  return `<style>${fontCss}</style><div style="font-family:FooterSans;font-size:7.5pt;color:#555;width:100%;margin:0 16mm;display:flex;justify-content:space-between"><span>${esc(
    l.confidentialShort,
  )}</span><span>${esc(l.page)} <span class="pageNumber"></span> ${esc(l.of)} <span class="totalPages"></span></span></div>`;
}

export interface Fonts {
  page: string;
  footer: string;
}

export function buildDossierHtml(
  data: DossierData,
  o: DossierOptions,
  fonts: Fonts = { page: '', footer: '' },
): BuiltDossier {
  const l = LABELS[o.lang];
  const numbers = numberSources(data);
  const title = `${data.caseId ? l.dossier : l.factsDossier}: ${data.title}`;
  const summary = `<section id="summary"><h2 data-outline="1">1. ${esc(l.summary)}</h2>${paragraphs(data.summary) || `<p class="empty">${esc(l.noSummary)}</p>`}</section>`;
  const html = `<!doctype html>
<html lang="${o.lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${esc(title)}</title>
<style>${fonts.page}
${css(o)}</style></head>
<body>
${cover(data, o, l, numbers.size)}
${contents(l)}
${summary}
${entitySection(data, l)}
${chronology(data, numbers, l, o.lang)}
${sourcesSection(data, numbers, o, l)}
</body></html>`;
  return { html, title, footerTemplate: footer(fonts.footer, l) };
}

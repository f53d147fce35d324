/**
 * The UN communication template: the case set out as the OHCHR forms ask for it (see ARCHITECTURE.md,
 * "The UN communication template", for the forms followed). Sections in the forms' order: alleged victims
 * with their consent, alleged perpetrators with why they are held responsible, the State and places, the
 * articles concerned, domestic remedies, other international procedures, the facts in chronological order,
 * the supporting documentation (sources with hashes). The cover lists what is still missing.
 * Pure like html.ts, whose pieces (chronology rows, sources, styles, footer) it shares.
 */
import type { BuiltDossier, Fonts } from './html.js';
import {
  chronologyTable,
  contentsList,
  css,
  esc,
  footer,
  numberSources,
  paragraphs,
  sourcesSection,
  translationHtml,
  typeLabel,
  untranslatedCount,
  whenCell,
} from './html.js';
import { LABELS, type Labels } from './labels.js';
import { REDACTED } from './redact.js';
import type { DossierData, DossierFact, DossierLang, DossierOptions } from './types.js';
import { calendarDate } from '../../shared/timeline.js';
import type { FactRole } from '../model.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

/** Fact types that are a step taken at home to obtain redress; any type naming a complaint is one too. */
export const REMEDY_TYPES = ['trial', 'sentence', 'appeal', 'parole-denied'];
export const isRemedy = (type: string) => REMEDY_TYPES.includes(type) || /complaint|шағым|жалоб/iu.test(type);
/** A decision of a UN body on the matter: another international procedure. */
const isInternational = (type: string) => type === 'un-decision';

interface Numbered {
  f: DossierFact;
  n: number;
}

/** People with this role in some fact, in order of first appearance, with the facts' numbers. */
function peopleInRole(data: DossierData, role: FactRole): Array<{ name: string; facts: number[] }> {
  const out = new Map<string, number[]>();
  data.facts.forEach((f, i) => {
    for (const [name, r] of Object.entries(f.roles ?? {}))
      if (r === role) out.set(name, [...(out.get(name) ?? []), i + 1]);
  });
  return [...out].map(([name, facts]) => ({ name, facts }));
}

/** What the forms ask for that the case does not give yet, as lines for the cover's checklist. */
export function missingItems(data: DossierData, lang: DossierLang): string[] {
  const u = LABELS[lang].un;
  const c = data.communication;
  const victims = peopleInRole(data, 'victim');
  const perpetrators = peopleInRole(data, 'perpetrator');
  const missing: string[] = [];
  if (victims.length === 0) missing.push(u.missingVictims);
  for (const v of victims) if (c?.consent[v.name]?.status !== 'given') missing.push(u.missingConsent(v.name));
  if (perpetrators.length === 0) missing.push(u.missingPerpetrators);
  for (const p of perpetrators) if (!c?.responsibility[p.name]) missing.push(u.missingResponsibility(p.name));
  if (!c?.state) missing.push(u.missingState);
  if (!c?.rights.length) missing.push(u.missingRights);
  if (!data.facts.some((f) => isRemedy(f.type))) missing.push(u.missingRemedies);
  const untranslated = untranslatedCount(data, lang);
  if (untranslated > 0) missing.push(u.missingTranslations(untranslated));
  if (!c?.otherProcedures && !data.facts.some((f) => isInternational(f.type))) missing.push(u.missingOther);
  return missing;
}

const nameHtml = (name: string) => (name === REDACTED ? `<span class="redacted">${esc(name)}</span>` : esc(name));
const refs = (ns: readonly number[]) => ns.map((n) => `<a href="#f${n}">${n}</a>`).join(', ');

function cover(data: DossierData, o: DossierOptions, l: Labels, sourceCount: number): string {
  const u = l.un;
  const generated = o.generatedAt.toISOString();
  const day = generated.slice(0, 10).split('-');
  const rows: Array<[string, string]> = [
    [l.generated, `${calendarDate(l.dates, day[0]!, Number(day[1]), Number(day[2]))}, ${generated.slice(11, 16)} UTC`],
    [l.compiledBy, o.compiledBy],
    ...(data.caseId ? ([[l.caseId, data.caseId]] as Array<[string, string]>) : []),
    [u.state, data.communication?.state || u.notStated],
  ];
  const missing = missingItems(data, o.lang);
  const checklist = missing.length
    ? `<ul>${missing.map((m) => `<li>${esc(m)}</li>`).join('')}</ul>`
    : `<p>${esc(u.nothingMissing)}</p>`;
  const redacted = o.redacted
    ? `<p class="redaction-note">${esc(l.redactionNote)}</p><p class="searchable-note">${esc(l.searchableNote)}</p>`
    : '';
  return `<section class="cover un-cover">
<div class="kicker">${esc(u.kicker)}</div>
<h1>${esc(data.title)}</h1>
<p class="subtitle">${esc(l.factCount(data.facts.length))} · ${esc(l.sourceCount(sourceCount))}</p>
<dl class="cover-meta">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
<div class="checklist${missing.length ? '' : ' complete'}"><div class="checklist-title">${esc(u.missingTitle)}</div>${checklist}</div>
<p class="based-on">${esc(u.basedOn)}</p>
${redacted}
<p class="confidential">${esc(o.confidentiality ?? l.confidential)}</p>
</section>`;
}

type Section = [id: string, title: string, body: string];

function victims(data: DossierData, l: Labels): string {
  const u = l.un;
  const list = peopleInRole(data, 'victim');
  if (list.length === 0) return `<p class="empty">${esc(u.notStated)}</p>`;
  const aliases = new Map(data.entities.map((e) => [e.name, e.aliases]));
  const consentCell = (name: string) => {
    const c = data.communication?.consent[name];
    if (!c) return `<span class="missing">${esc(u.consentStatus.unknown)}</span>`;
    const status = `<span class="${c.status === 'given' ? 'given' : 'missing'}">${esc(u.consentStatus[c.status])}</span>`;
    const by = c.by ? `<div class="consent-by">${esc(u.consentBy)}: ${esc(c.by)}</div>` : '';
    const date = c.date ? `<div class="consent-by">${esc(u.consentDate)}: ${esc(c.date)}</div>` : '';
    return `${status}${by}${date}`;
  };
  return `<table class="entities"><thead><tr><th class="name-col">${esc(l.name)}</th><th>${esc(l.aliases)}</th><th>${esc(u.consent)}</th><th class="refs-col">${esc(l.mentionedIn)}</th></tr></thead><tbody>${list
    .map(
      (v) =>
        `<tr><td class="name">${nameHtml(v.name)}</td><td>${esc((aliases.get(v.name) ?? []).join(', '))}</td><td class="consent">${consentCell(v.name)}</td><td class="refs">${refs(v.facts)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

function perpetrators(data: DossierData, l: Labels): string {
  const u = l.un;
  const list = peopleInRole(data, 'perpetrator');
  if (list.length === 0) return `<p class="empty">${esc(u.notStated)}</p>`;
  return `<table class="entities"><thead><tr><th class="name-col">${esc(l.name)}</th><th>${esc(u.responsibility)}</th><th class="refs-col">${esc(l.mentionedIn)}</th></tr></thead><tbody>${list
    .map((p) => {
      const why = data.communication?.responsibility[p.name];
      return `<tr><td class="name">${nameHtml(p.name)}</td><td>${why ? esc(why) : `<span class="missing">${esc(u.notStated)}</span>`}</td><td class="refs">${refs(p.facts)}</td></tr>`;
    })
    .join('')}</tbody></table>`;
}

function stateAndPlaces(data: DossierData, l: Labels): string {
  const u = l.un;
  const state = data.communication?.state;
  const mentions = new Map<string, number[]>();
  data.facts.forEach((f, i) => {
    for (const p of f.places) mentions.set(p, [...(mentions.get(p) ?? []), i + 1]);
  });
  const places = data.entities.filter((e) => e.kind === 'place');
  const table = places.length
    ? `<h3 id="places">${esc(l.places)}</h3><table class="entities"><thead><tr><th class="name-col">${esc(l.name)}</th><th>${esc(l.aliases)}</th><th class="refs-col">${esc(l.mentionedIn)}</th></tr></thead><tbody>${places
        .map(
          (p) =>
            `<tr><td class="name">${esc(p.name)}</td><td>${esc(p.aliases.join(', '))}</td><td class="refs">${refs(mentions.get(p.name) ?? [])}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  return `<dl class="un-fields"><dt>${esc(u.state)}</dt><dd>${state ? esc(state) : `<span class="missing">${esc(u.notStated)}</span>`}</dd></dl>${table}`;
}

function rights(data: DossierData, l: Labels): string {
  const list = data.communication?.rights ?? [];
  if (list.length === 0) return `<p class="empty missing">${esc(l.un.notStated)}</p>`;
  return `<ul class="rights">${list.map((r) => `<li>${esc(l.un.rightNames[r])}</li>`).join('')}</ul>`;
}

/** A short table of facts (remedies, international decisions): number, date and type, quote with translation, outcome. */
function factTable(rows: Numbered[], l: Labels, data: DossierData, lang: DossierLang, source: Map<string, number>) {
  if (rows.length === 0) return `<p class="empty missing">${esc(l.un.notStated)}</p>`;
  return `<table class="chronology"><colgroup><col class="c-n"><col class="c-when"><col class="c-quote"><col class="c-outcome"><col class="c-cite"></colgroup>
<thead><tr><th>#</th><th>${esc(l.date)} · ${esc(l.type)}</th><th>${esc(l.quote)}</th><th>${esc(l.un.outcome)}</th><th class="cite">${esc(l.source)}</th></tr></thead><tbody>${rows
    .map(({ f, n }) => {
      const lang1 = f.lang === 'other' ? '' : ` lang="${f.lang}"`;
      const s = source.get(f.sourceId)!;
      return `<tr><td class="n"><a href="#f${n}">${n}</a></td><td class="when">${whenCell(f, l)}<div class="type">${esc(typeLabel(f.type, lang, data.typeLabels))}</div></td><td class="quote-cell"><blockquote${lang1}>${esc(f.quote)}</blockquote>${translationHtml(f, lang, l)}</td><td class="outcome">${f.note ? esc(f.note) : '—'}</td><td class="cite"><a href="#s${s}">[${s}]</a></td></tr>`;
    })
    .join('\n')}</tbody></table>`;
}

const UN_CSS = `.checklist{margin-top:10mm;border:1pt solid #8a5a00;padding:3mm 4mm;font-size:10pt}
.checklist.complete{border-color:#2f6b2f}
.checklist-title{font-weight:700;margin-bottom:1.5mm}
.checklist ul{margin:0;padding-left:5mm}.checklist li{margin:0.6mm 0}
.based-on{font-size:9pt;color:#444;margin-top:6mm}
.un-cover{padding-top:30mm}
.missing{color:#8a5a00}.given{color:#2f6b2f;font-weight:700}
.consent-by{font-size:8.5pt;color:#444}
.un-fields{display:grid;grid-template-columns:48mm 1fr;gap:1mm 4mm;margin:0 0 3mm}.un-fields dt{color:#555}.un-fields dd{margin:0}
.rights li{margin:1mm 0}
col.c-outcome{width:40mm}td.outcome{font-size:9pt}
.procedures p{margin:0 0 2.5mm;max-width:165mm}`;

export function buildUnCommunicationHtml(
  data: DossierData,
  o: DossierOptions,
  fonts: Fonts = { page: '', footer: '' },
): BuiltDossier {
  const l = LABELS[o.lang];
  const u = l.un;
  const numbers = numberSources(data);
  const numbered: Numbered[] = data.facts.map((f, i) => ({ f, n: i + 1 }));
  const title = `${u.kicker}: ${data.title}`;
  const other = data.communication?.otherProcedures ?? '';
  const decisions = numbered.filter(({ f }) => isInternational(f.type));
  const sections: Section[] = [
    ['victims', u.victims, victims(data, l)],
    ['perpetrators', u.perpetrators, perpetrators(data, l)],
    ['state', u.stateAndPlaces, stateAndPlaces(data, l)],
    ['rights', u.rights, rights(data, l)],
    [
      'remedies',
      u.remedies,
      `<p class="integrity">${esc(u.remediesIntro)}</p>${factTable(
        numbered.filter(({ f }) => isRemedy(f.type)),
        l,
        data,
        o.lang,
        numbers,
      )}`,
    ],
    [
      'other-procedures',
      u.otherProcedures,
      `<div class="procedures">${paragraphs(other) || (decisions.length ? '' : `<p class="empty missing">${esc(u.notStated)}</p>`)}</div>${
        decisions.length ? factTable(decisions, l, data, o.lang, numbers) : ''
      }`,
    ],
    ['chronology', u.facts, chronologyTable(data, numbers, l, o.lang)],
  ];
  const sourcesNo = sections.length + 1;
  const toc = [...sections.map(([id, t]) => [id, t] as const), ['sources', u.documentation] as const];
  const contents = contentsList(
    l.contents,
    toc.map(([id, t], i) => [id, `${i + 1}. ${t}`]),
  );
  const summary = data.summary.trim() ? `<div class="un-summary">${paragraphs(data.summary)}</div>` : '';
  const body = sections
    .map(([id, t, html], i) => `<section id="${id}"><h2 data-outline="1">${i + 1}. ${esc(t)}</h2>${html}</section>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="${o.lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${esc(title)}</title>
<style>${fonts.page}
${css(o)}
${UN_CSS}</style></head>
<body>
${cover(data, o, l, numbers.size)}
${contents}
${summary}
${body}
${sourcesSection(data, numbers, o, l, `${sourcesNo}. ${u.documentation}`)}
</body></html>`;
  return { html, title, footerTemplate: footer(fonts.footer, l) };
}

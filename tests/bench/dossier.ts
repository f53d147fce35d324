/**
 * Dossier part: a dossier of 10, 200 and 2,000 facts (synthetic Kazakh/Russian quotes over 1 source
 * per 10 facts), HTML build and PDF print times (two passes and PDF/A finishing) with one warm Chromium (launch reported apart), pages
 * and size. The target: 200 facts under 3 s (HTML + PDF).
 */
import { dossierFonts } from '../../electron/core/dossier/fonts.js';
import { buildDossierHtml } from '../../electron/core/dossier/html.js';
import { chromiumPrinter } from '../../electron/core/dossier/pdf.js';
import { printDossier } from '../../electron/core/dossier/dossier.js';
import type { DossierData, DossierFact } from '../../electron/core/dossier/types.js';
import { mulberry32 } from './corpus.js';
import { fmtMs, markdownTable, median, timed, type BenchPart } from './harness.js';

const SIZES = [10, 200, 2_000];
const TARGET_FACTS = 200;
const TARGET_MS = 3_000;

const PHRASES = [
  'Өскемендегі сот Жәкішевтің шартты түрде босату туралы өтінішін қанағаттандырмай қамауда қалдырған.',
  'Белсенді «Қазатомпром» ұлттық компаниясының бұрынғы басшысын қолдап, бір адамдық пикет өткізді.',
  'Суд отказал Мухтару Джакишеву в условно-досрочном освобождении, сославшись на нарушения режима.',
  'Біріккен Ұлттар Ұйымының адам құқықтары жөніндегі Комитеті оның құқығы бұзылғанын растады.',
  'Адвокат сообщил, что состояние здоровья подзащитного ухудшилось, а медицинская помощь не оказывается.',
];
const TYPES = ['detention', 'sentence', 'protest', 'parole-denied', 'un-decision', 'health', 'statement'];
const PEOPLE = ['Мұхтар Жәкішев', 'Асхат Жексебаев', 'Айгүл Сейітова', 'Ерлан Қалиев'];
const PLACES = ['Алматы', 'Өскемен', 'Астана'];

export function syntheticDossier(n: number, seed: number): DossierData {
  const rnd = mulberry32(seed + n);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const sourceCount = Math.max(1, Math.ceil(n / 10));
  const sources = Array.from({ length: sourceCount }, (_, i) => ({
    id: `s${i}`,
    title: `${pick(PHRASES).slice(0, 60)} (${i + 1})`,
    publisher: pick(['Азаттық', 'Vlast.kz', 'Example News']),
    publishedAt: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    url: `https://example.org/news/${i}`,
    importedAt: '2026-11-26T06:00:00.000Z',
    sha256: (i * 7919).toString(16).padStart(64, 'a'),
    textSha256: (i * 104729).toString(16).padStart(64, 'b'),
    lang: 'kk' as const,
  }));
  const facts: DossierFact[] = Array.from({ length: n }, (_, i) => {
    const precision = pick(['year', 'month', 'day'] as const);
    const y = 2005 + Math.floor((i / n) * 20);
    const value =
      precision === 'year'
        ? `${y}`
        : precision === 'month'
          ? `${y}-0${1 + (i % 9)}`
          : `${y}-0${1 + (i % 9)}-1${i % 10}`;
    return {
      id: `f${i}`,
      quote: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(PHRASES)).join(' '),
      lang: 'kk',
      type: pick(TYPES),
      date: { value, precision, approximate: rnd() < 0.1 },
      people: [pick(PEOPLE)],
      places: rnd() < 0.5 ? [pick(PLACES)] : [],
      organizations: [],
      sourceId: `s${i % sourceCount}`,
    };
  });
  return {
    caseId: 'bench',
    title: 'Мұхтар Жәкішев ісі',
    summary: PHRASES.join(' '),
    facts,
    entities: [
      ...PEOPLE.map((name) => ({ kind: 'person' as const, name, aliases: [] })),
      ...PLACES.map((name) => ({ kind: 'place' as const, name, aliases: [] })),
    ],
    sources,
  };
}

interface Row {
  facts: number;
  htmlMs: number;
  pdfMs: number;
  totalMs: number;
  pages: number;
  kb: number;
}

export const dossierPart: BenchPart = {
  name: 'dossier',
  description: 'dossier of 10 / 200 / 2,000 facts: HTML build and PDF print (one warm Chromium)',
  async run(ctx) {
    const fontLoad = await timed(async () => dossierFonts());
    const printer = chromiumPrinter();
    const rows: Row[] = [];
    let launchMs: number;
    try {
      // the first job also starts Chromium: time it alone with a tiny document
      const tiny = buildDossierHtml(
        syntheticDossier(1, ctx.seed),
        { lang: 'kk', paper: 'a4', generatedAt: new Date(), compiledBy: 'bench' },
        fontLoad.value,
      );
      launchMs = (await timed(() => printer.print({ ...tiny, paper: 'a4' }))).ms;
      for (const n of SIZES) {
        const runs = n >= 2_000 ? 1 : 3;
        const html: number[] = [];
        const pdf: number[] = [];
        let bytes: Uint8Array = new Uint8Array();
        for (let r = 0; r < runs; r++) {
          const data = syntheticDossier(n, ctx.seed);
          const built = await timed(async () =>
            buildDossierHtml(
              data,
              { lang: 'kk', paper: 'a4', generatedAt: new Date(), compiledBy: 'bench' },
              dossierFonts(),
            ),
          );
          // the whole print: both passes for the page numbers, then PDF/A and the bookmarks
          const printed = await timed(() =>
            printDossier(
              {
                ...built.value,
                facts: n,
                sources: data.sources.length,
                generatedAt: new Date(),
                compiledBy: 'bench',
                lang: 'kk',
                redactedNames: [],
              },
              printer,
              'a4',
            ),
          );
          html.push(built.ms);
          pdf.push(printed.ms);
          bytes = printed.value;
        }
        const pages = (
          Buffer.from(bytes)
            .toString('latin1')
            .match(/\/Type\s*\/Page[^s]/g) ?? []
        ).length;
        rows.push({
          facts: n,
          htmlMs: median(html),
          pdfMs: median(pdf),
          totalMs: median(html) + median(pdf),
          pages,
          kb: Math.round(bytes.length / 1024),
        });
        ctx.log(`dossier ${n} facts: HTML ${fmtMs(median(html))} ms, PDF ${fmtMs(median(pdf))} ms, ${pages} pages`);
      }
    } finally {
      await printer.close();
    }
    const target = rows.find((r) => r.facts === TARGET_FACTS);
    const verdict = target
      ? target.totalMs < TARGET_MS
        ? `**met**: ${fmtMs(target.totalMs)} ms`
        : `**missed**: ${fmtMs(target.totalMs)} ms`
      : 'not measured';
    const report = [
      '### Dossier',
      '',
      `Fonts read and base64-encoded once per process: ${fmtMs(fontLoad.ms)} ms. Chromium launch + first tiny PDF: ${fmtMs(launchMs)} ms (the CLI pays this once per dossier). Medians of 3 runs (1 at 2,000 facts).`,
      '',
      markdownTable(
        ['facts', 'HTML build ms', 'PDF ms', 'HTML + PDF ms', 'pages', 'PDF KB'],
        rows.map((r) => [
          r.facts.toLocaleString('en-US'),
          fmtMs(r.htmlMs),
          fmtMs(r.pdfMs),
          fmtMs(r.totalMs),
          String(r.pages),
          String(r.kb),
        ]),
      ),
      '',
      `Target: ${TARGET_FACTS} facts under ${TARGET_MS / 1000} s (warm browser) — ${verdict}.`,
      '',
    ].join('\n');
    return { report, data: { fontLoadMs: fontLoad.ms, launchMs, rows } };
  },
};

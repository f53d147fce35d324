/**
 * Article metadata from a page's head: Open Graph, article:*, <meta name>, <time>, JSON-LD and the
 * canonical link. Each field takes the first good value in order of trust.
 */
import type { ExtractedMeta } from './types.js';

/** Just what is needed of a parsed document (linkedom's fits). */
export interface MetaDocument {
  querySelectorAll(
    selector: string,
  ): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

type JsonLd = Record<string, unknown>;

export function pageMetadata(doc: MetaDocument, rawHtml: string): ExtractedMeta {
  const meta = (...keys: string[]) => {
    for (const key of keys) {
      for (const attr of ['property', 'name', 'itemprop']) {
        const v = attrOf(doc, `meta[${attr}="${key}" i]`, 'content');
        if (v) return v;
      }
    }
    return undefined;
  };
  const ld = jsonLdArticles(doc);
  const ldValue = (key: string) => ld.map((o) => o[key]).find((v) => v !== undefined && v !== null);

  // <title> often carries the site's name too; the caller falls back to it after Readability's title
  const title = first(meta('og:title', 'twitter:title'), str(ldValue('headline')));
  const author = first(nameOf(ldValue('author')), meta('author', 'article:author', 'byl', 'dc.creator'));
  const publisher = first(meta('og:site_name'), nameOf(ldValue('publisher')), meta('publisher', 'dc.publisher'));
  const published = [
    meta(
      'article:published_time',
      'datePublished',
      'pubdate',
      'publish-date',
      'date',
      'dc.date.issued',
      'dc.date',
      'sailthru.date',
    ),
    str(ldValue('datePublished')),
    attrOf(doc, 'time[datetime]', 'datetime'),
    str(ldValue('dateCreated')),
  ];
  const urls = [
    attrOf(doc, 'link[rel="canonical" i]', 'href'),
    meta('og:url'),
    str(ldValue('url')),
    savedFromUrl(rawHtml),
  ];
  return {
    title: clean(title),
    author: clean(author?.replace(/^by\s+/i, '')),
    publisher: clean(publisher),
    publishedAt: published.map(toDay).find((d) => d !== undefined),
    url: urls.map(webAddress).find((u) => u !== undefined),
  };
}

const first = (...values: Array<string | undefined>) => values.find((v) => v !== undefined && v.trim() !== '');
const clean = (s: string | undefined) => (s === undefined ? undefined : s.replace(/\s+/g, ' ').trim() || undefined);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function attrOf(doc: MetaDocument, selector: string, attr: string): string | undefined {
  const list = doc.querySelectorAll(selector);
  for (let i = 0; i < list.length; i++) {
    const v = list[i]!.getAttribute(attr)?.trim();
    if (v) return v;
  }
  return undefined;
}

export function textOf(doc: MetaDocument, selector: string): string | undefined {
  const el = doc.querySelectorAll(selector)[0];
  return el?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
}

/** JSON-LD author/publisher: a string, {name}, or a list of them. */
function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object') return str((v as JsonLd).name);
  return undefined;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle|WebPage/i;

/** Every JSON-LD object that describes an article, articles first; malformed blocks are ignored. */
function jsonLdArticles(doc: MetaDocument): JsonLd[] {
  const out: JsonLd[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const o = v as JsonLd;
    if (Array.isArray(o['@graph'])) (o['@graph'] as unknown[]).forEach(visit);
    const type = ([] as unknown[]).concat(o['@type']).join(' ');
    if (ARTICLE_TYPES.test(type)) out.push(o);
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i]!.textContent ?? ''));
    } catch {
      // a broken block on someone's page is not the user's problem
    }
  }
  // a WebPage is the weakest description of the article
  return out.sort((a, b) => Number(/WebPage/.test(String(a['@type']))) - Number(/WebPage/.test(String(b['@type']))));
}

/** Browsers mark a saved page with `<!-- saved from url=(0042)https://… -->`. */
function savedFromUrl(html: string): string | undefined {
  return /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096))?.[1];
}

function webAddress(v: string | undefined): string | undefined {
  if (!v) return undefined;
  try {
    const u = new URL(v.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A published timestamp as the calendar day the publisher wrote: "2024-03-05T23:30:00+06:00" is the
 * 5th (its local day), not the 5th in UTC. Other forms go through Date and are read in UTC.
 */
export function toDay(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const s = v.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return undefined;
  const d = new Date(ms);
  return validDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function validDay(y: number, m: number, d: number): string | undefined {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate())
    return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

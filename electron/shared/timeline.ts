/**
 * Timeline order of facts, aware of date precision: a year-only date sorts
 * before the months and days of that year, a month before its days; undated facts come last.
 * Pure, so the case view, `case show` and the dossier all order facts the same way.
 */
import type { EventDate } from '../core/model.js';
import { en, type DateWords } from './i18n/en.js';

/** A string that sorts as the timeline does: "2009" → "2009-00-00", "2009-10" → "2009-10-00". */
export function dateSortKey(date: EventDate | null | undefined): string {
  if (!date) return '~'; // after every digit: undated last
  const [y, m = '00', d = '00'] = date.value.split('-');
  return `${y}-${m}-${d}`;
}

export function compareEventDates(a: EventDate | null | undefined, b: EventDate | null | undefined): number {
  const ka = dateSortKey(a);
  const kb = dateSortKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  // the same start: a single date before a range that starts there
  if (Boolean(a?.end) !== Boolean(b?.end)) return a?.end ? 1 : -1;
  // the same stated date: an exact one before an approximate one
  return Number(a?.approximate ?? false) - Number(b?.approximate ?? false);
}

/**
 * Sort by event date; ties keep the given order (the case's own order, which the user can change
 * with reorder). Does not mutate.
 */
export function timelineOrder<T>(items: readonly T[], dateOf: (item: T) => EventDate | null | undefined): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compareEventDates(dateOf(a.item), dateOf(b.item)) || a.index - b.index)
    .map((x) => x.item);
}

/** A calendar date as its precision allows ("2009", "October 2020", "16 October 2020"); `d` may be "4–14". */
export function calendarDate(words: DateWords, y: string, m: number | null, d: number | string | null): string {
  if (m === null) return words.year(y);
  const month = (d === null ? words.months : words.monthsOfDay)[m - 1] ?? String(m);
  return d === null ? words.month(month, y) : words.day(String(d), month, y);
}

/**
 * A date as its precision allows, never more: "2009", "October 2009", "16 October 2009"; "~" marks
 * an approximate date. `words` gives the interface language's months and order (English by default).
 */
export function formatEventDate(date: EventDate | null | undefined, words: DateWords = en.dates): string {
  if (!date) return '—';
  const one = (value: string, days?: string) => {
    const [y, m, d] = value.split('-');
    return calendarDate(words, y!, m === undefined ? null : Number(m), days ?? (d === undefined ? null : Number(d)));
  };
  // days of one month read as "4–14 October 2020"
  const sameMonth =
    date.end !== undefined &&
    date.end.length === 10 &&
    date.value.length === 10 &&
    date.end.slice(0, 7) === date.value.slice(0, 7);
  const text = !date.end
    ? one(date.value)
    : sameMonth
      ? one(date.end, `${Number(date.value.slice(8))}–${Number(date.end.slice(8))}`)
      : `${one(date.value)} – ${one(date.end)}`;
  return date.approximate ? `~${text}` : text;
}

/** The span a date stands for, as ISO days (inclusive): for drawing precision on a timeline. */
export function dateSpan(date: EventDate): { from: string; to: string } {
  // a range: from the first day of its start to the last day of its end
  if (date.end)
    return {
      from: dateSpan({ ...date, end: undefined }).from,
      to: dateSpan({ value: date.end, precision: date.precision, approximate: date.approximate }).to,
    };
  const [y, m, d] = date.value.split('-');
  if (d !== undefined) return { from: date.value, to: date.value };
  if (m !== undefined) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { from: `${y}-${m}-01`, to: `${y}-${m}-${String(last).padStart(2, '0')}` };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

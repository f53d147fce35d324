/** Event dates as researchers know them: a year, a month or a day, never a made-up precision. */
import { AqiqatError } from './errors.js';
import type { EventDate } from '../core/model.js';

export function parseEventDate(input: string, approximate = false): EventDate {
  // an ISO 8601 interval: "2009/2011", "2020-10-04/2020-10-16"
  const slash = input.indexOf('/');
  if (slash >= 0) {
    const from = parseEventDate(input.slice(0, slash), approximate);
    const to = parseEventDate(input.slice(slash + 1), approximate);
    if (lastDay(to) <= lastDay(from)) throw new AqiqatError('date.range-backwards', { input }, 'usage');
    return { ...from, end: to.value };
  }
  const value = input.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) throw new AqiqatError('date.malformed', { input }, 'usage');
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12))
    throw new AqiqatError('date.no-month', { input, month: mo }, 'usage');
  if (d !== undefined) {
    const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    if (Number(d) < 1 || Number(d) > days) throw new AqiqatError('date.no-day', { input, day: d }, 'usage');
  }
  const precision = d !== undefined ? 'day' : mo !== undefined ? 'month' : 'year';
  return { value, precision, approximate };
}

/** A published date: a full calendar day. */
export function parseDay(input: string): string {
  const date = parseEventDate(input);
  if (date.precision !== 'day') throw new AqiqatError('date.published-not-day', { input }, 'usage');
  return date.value;
}

/** The last day a date stands for, as YYYY-MM-DD (sorts as a string). */
function lastDay(d: EventDate): string {
  const [y, m, day] = d.value.split('-');
  if (day !== undefined) return d.value;
  if (m !== undefined)
    return `${y}-${m}-${String(new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate()).padStart(2, '0')}`;
  return `${y}-12-31`;
}

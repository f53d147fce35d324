/** Event dates as researchers know them: a year, a month or a day, never a made-up precision. */
import { AqiqatError } from './errors.js';
import type { EventDate } from './model.js';

export function parseEventDate(input: string, approximate = false): EventDate {
  const value = input.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) throw new AqiqatError(`date "${input}" must be YYYY, YYYY-MM or YYYY-MM-DD`, 'usage');
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) throw new AqiqatError(`date "${input}" has no month ${mo}`, 'usage');
  if (d !== undefined) {
    const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    if (Number(d) < 1 || Number(d) > days) throw new AqiqatError(`date "${input}" has no day ${d}`, 'usage');
  }
  const precision = d !== undefined ? 'day' : mo !== undefined ? 'month' : 'year';
  return { value, precision, approximate };
}

/** A published date: a full calendar day. */
export function parseDay(input: string): string {
  const date = parseEventDate(input);
  if (date.precision !== 'day') throw new AqiqatError(`published date "${input}" must be YYYY-MM-DD`, 'usage');
  return date.value;
}

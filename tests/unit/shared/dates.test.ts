import { describe, expect, it } from 'vitest';
import { parseDay, parseEventDate } from '../../../electron/shared/dates.js';

describe('parseEventDate', () => {
  it('keeps the precision it was given', () => {
    expect(parseEventDate('2009')).toEqual({ value: '2009', precision: 'year', approximate: false });
    expect(parseEventDate('2020-09', true)).toEqual({ value: '2020-09', precision: 'month', approximate: true });
    expect(parseEventDate('2020-10-16')).toEqual({ value: '2020-10-16', precision: 'day', approximate: false });
  });
  it('refuses impossible and malformed dates', () => {
    expect(() => parseEventDate('2020-13')).toThrow(/no month 13/);
    expect(() => parseEventDate('2021-02-29')).toThrow(/no day 29/);
    expect(parseEventDate('2020-02-29').precision).toBe('day');
    expect(() => parseEventDate('16.10.2020')).toThrow(/YYYY, YYYY-MM or YYYY-MM-DD/);
  });
  it('requires a full day for a published date', () => {
    expect(parseDay('2020-10-20')).toBe('2020-10-20');
    expect(() => parseDay('2020-10')).toThrow(/YYYY-MM-DD/);
  });
});

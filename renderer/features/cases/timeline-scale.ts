/**
 * The horizontal scale of a case timeline. Cases span decades but cluster in a few years, so the axis
 * shows only years that hold facts (a gap mark between years that are not consecutive), each as wide as
 * 1 + its number of facts: a year with seven facts gets room to tell its months and days apart.
 */
import type { EventDate } from '../../../electron/api.js';
import { dateSpan } from '../../../electron/shared/timeline.js';

export interface YearBand {
  year: number;
  /** left edge and width, in % of the axis */
  left: number;
  width: number;
  /** the year before it on the axis is not year - 1 */
  gapBefore: boolean;
}

export interface Scale {
  bands: YearBand[];
  /** % position of an ISO day on the axis (start of that day) */
  at: (iso: string) => number;
  /** [left %, width %] of the span a date stands for */
  span: (date: EventDate) => [number, number];
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const dayOfYear = (iso: string) => {
  const y = Number(iso.slice(0, 4));
  return (Date.UTC(y, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - Date.UTC(y, 0, 1)) / 86_400_000;
};

export function timelineScale(dates: readonly EventDate[]): Scale {
  const counts = new Map<number, number>();
  for (const d of dates) {
    const y = Number(d.value.slice(0, 4));
    counts.set(y, (counts.get(y) ?? 0) + 1);
    // a range's last year needs a band too, else its end has nowhere to be drawn
    if (d.end) {
      const e = Number(d.end.slice(0, 4));
      if (!counts.has(e)) counts.set(e, 0);
    }
  }
  const years = [...counts.keys()].sort((a, b) => a - b);
  const total = years.reduce((s, y) => s + 1 + counts.get(y)!, 0);
  let left = 0;
  const bands = years.map((year, i) => {
    const width = ((1 + counts.get(year)!) / total) * 100;
    const band = { year, left, width, gapBefore: i > 0 && years[i - 1] !== year - 1 };
    left += width;
    return band;
  });
  const at = (iso: string) => {
    const band = bands.find((b) => b.year === Number(iso.slice(0, 4)));
    if (!band) return 0;
    return band.left + (dayOfYear(iso) / (isLeap(band.year) ? 366 : 365)) * band.width;
  };
  const span = (date: EventDate): [number, number] => {
    const { from, to } = dateSpan(date);
    const l = at(from);
    // the end is the end of its last day, in that day's own band
    const band = bands.find((b) => b.year === Number(to.slice(0, 4)));
    const r = at(to) + (band ? band.width / (isLeap(band.year) ? 366 : 365) : 0);
    return [l, r - l];
  };
  return { bands, at, span };
}

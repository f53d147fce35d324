/**
 * A case's facts on a time axis: each fact is drawn over the span its date stands for — a whole year as a
 * long bar, a month as a short one, a day as a dot — and an approximate date dashed and faded.
 */
import type { TimelineEntry } from '../../../electron/api.js';
import { useI18n } from '../../i18n/i18n.js';
import { factHue } from '../reader/format.js';
import { timelineScale } from './timeline-scale.js';

export function Timeline({ facts, onPick }: { facts: readonly TimelineEntry[]; onPick: (id: string) => void }) {
  const { t, date } = useI18n();
  const dated = facts.filter((f) => f.date);
  if (dated.length === 0) return null;
  const scale = timelineScale(dated.map((f) => f.date!));
  return (
    <figure className="timeline" aria-label={t('case.timeline')}>
      <div className="timeline-axis" aria-hidden="true">
        {scale.bands.map((b) => (
          <span
            key={b.year}
            className={`timeline-tick${b.gapBefore ? ' has-gap' : ''}`}
            style={{ left: `${b.left}%`, width: `${b.width}%` }}
          >
            {b.year}
          </span>
        ))}
      </div>
      <ol className="timeline-lanes">
        {dated.map((f) => {
          const [left, width] = scale.span(f.date!);
          const labelLeft = left + width < 70;
          return (
            <li key={f.id} className="timeline-lane">
              <button
                type="button"
                className={`timeline-mark hue-${factHue(f.type)} is-${f.date!.precision}${f.date!.approximate ? ' is-approximate' : ''}`}
                style={{ left: `${left}%`, width: `max(8px, ${width}%)` }}
                title={`${date(f.date)} · ${f.quote}`}
                aria-label={`${date(f.date)}: ${f.quote.slice(0, 80)}`}
                onClick={() => onPick(f.id)}
              />
              <span
                className="timeline-label"
                style={labelLeft ? { left: `calc(${left + width}% + 12px)` } : { right: `calc(${100 - left}% + 6px)` }}
                aria-hidden="true"
              >
                {date(f.date)}
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}

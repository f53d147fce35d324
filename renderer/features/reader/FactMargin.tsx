import type { FactView } from '../../api.js';
import { useFactTypeLabel } from '../cases/useFactTypeLabel.js';
import { useI18n } from '../../i18n/i18n.js';
import { eventDate, factHue } from './format.js';

interface Props {
  facts: readonly FactView[];
  /** facts whose quote is no longer in the text: listed, flagged, not highlighted */
  unplaced: readonly FactView[];
  activeFact: string | null;
  onPick: (id: string) => void;
}

export function FactMargin({ facts, unplaced, activeFact, onPick }: Props) {
  const { t } = useI18n();
  const factTypeLabel = useFactTypeLabel();
  const dateWords = { approximate: (date: string) => t('reader.circa', { date }), none: t('fact.noDate') };
  return (
    <aside className="fact-margin" aria-labelledby="fact-margin-title">
      <h2 id="fact-margin-title">
        {t('reader.facts')} <span className="count">{facts.length}</span>
      </h2>
      {facts.length === 0 ? (
        <p className="fact-margin-empty">{t('reader.noFacts')}</p>
      ) : (
        <ol className="fact-list">
          {facts.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className={`fact-item${f.id === activeFact ? ' is-active' : ''}`}
                aria-current={f.id === activeFact ? 'true' : undefined}
                onClick={() => onPick(f.id)}
              >
                <span className="fact-item-head">
                  <span className={`fact-chip hue-${factHue(f.type)}`}>{factTypeLabel(f.type)}</span>
                  <span className="fact-date">{eventDate(f.date, dateWords)}</span>
                </span>
                <span className="fact-quote">{f.quote}</span>
                {f.people.length > 0 && <span className="fact-people">{f.people.join(', ')}</span>}
                {unplaced.includes(f) && <span className="fact-warning">{t('reader.unplaced')}</span>}
              </button>
            </li>
          ))}
        </ol>
      )}
      <p className="shortcut-hint">{t('reader.keys')}</p>
    </aside>
  );
}

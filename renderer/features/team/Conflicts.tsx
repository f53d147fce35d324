/**
 * Conflicts a receive left: both versions side by side, the user chooses (yours or theirs; for a
 * suggested match of names, merge into one or keep apart). Resolving goes through the core's
 * `resolveConflict`, the same as `aqiqat conflict resolve`.
 */
import { useState } from 'react';
import type { Conflict, Contact } from '../../../electron/api.js';
import { api } from '../../api.js';
import { useI18n } from '../../i18n/i18n.js';
import { useFactTypeLabel } from '../cases/useFactTypeLabel.js';
import { failed, said, SaidLine, type Said } from './Said.js';

type Keep = 'local' | 'theirs' | 'merge' | 'separate';
const choicesOf = (c: Conflict): Keep[] => (c.kind === 'entity-match' ? ['merge', 'separate'] : ['local', 'theirs']);
type Side = Conflict['local'];

export function Conflicts({
  conflicts,
  contacts,
  mine,
  onChanged,
}: {
  conflicts: Conflict[] | null;
  contacts: Contact[] | null;
  /** this archive's own fingerprint: its edits are "this archive" */
  mine: string | null;
  onChanged: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [line, setLine] = useState<Said>(null);
  const senderOf = (fingerprint: string) =>
    fingerprint === mine ? t('team.you') : (contacts?.find((c) => c.fingerprint === fingerprint)?.name ?? fingerprint);
  const resolve = async (c: Conflict, keep: Keep) => {
    try {
      await api().resolveConflict({ id: c.id, keep });
      await onChanged();
      setLine(said('done', (t) => t('team.resolved', { choice: t(`team.keep.${keep}`) })));
    } catch (e) {
      setLine(failed(e));
    }
  };
  const list = conflicts ?? [];
  return (
    <section className="team-conflicts" aria-labelledby="team-conflicts-title">
      <h2 id="team-conflicts-title" className="case-h2">
        {t('team.conflicts', { n: list.length })}
      </h2>
      {conflicts !== null && list.length === 0 && <p className="hint">{t('team.noConflicts')}</p>}
      <SaidLine line={line} />
      <ul className="plain-list">
        {list.map((c) => (
          <li key={c.id} className="conflict" aria-label={`${t(`team.conflict.${c.kind}`)} ${c.id}`}>
            <h3>
              {t(`team.conflict.${c.kind}`)} <code className="conflict-id">{c.id}</code>
            </h3>
            <div className="conflict-sides">
              <div className="conflict-side" aria-label={t('team.local')}>
                <h4>{t('team.local')}</h4>
                <Version kind={c.kind} value={c.local} who={senderOf} />
              </div>
              <div className="conflict-side theirs" aria-label={t('team.theirs', { name: senderOf(c.from) })}>
                <h4>{t('team.theirs', { name: senderOf(c.from) })}</h4>
                <Version kind={c.kind} value={c.theirs} who={senderOf} />
              </div>
            </div>
            <div className="team-actions">
              {choicesOf(c).map((keep) => (
                <button key={keep} type="button" className="dialog-button" onClick={() => void resolve(c, keep)}>
                  {t(`team.keep.${keep}`)}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One side of a conflict, as the kind of thing it is. */
function Version({
  kind,
  value,
  who,
}: {
  kind: Conflict['kind'];
  value: Side | Conflict['theirs'];
  who: (fingerprint: string) => string;
}) {
  const { t, date } = useI18n();
  const typeLabel = useFactTypeLabel();
  // the day in the app's own words (Chromium may have no Kazakh calendar), then the local time
  const when = (iso: string) => {
    const d = new Date(iso);
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    return `${date({ value: day, precision: 'day', approximate: false })}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  };
  if (value === null) return <p className="conflict-gone">{t('team.gone')}</p>;
  if (typeof value === 'string') return <p className="conflict-text">{value}</p>;
  if (Array.isArray(value))
    return (
      <ol className="conflict-order">
        {value.map((id) => (
          <li key={id}>
            <code>{id}</code>
          </li>
        ))}
      </ol>
    );
  if (kind === 'fact' && 'anchor' in value)
    return (
      <dl className="conflict-fields">
        <dt>{t('team.field.quote')}</dt>
        <dd>
          <blockquote>{value.anchor.exact}</blockquote>
        </dd>
        <dt>{t('team.field.type')}</dt>
        <dd>{typeLabel(value.type)}</dd>
        <dt>{t('team.field.date')}</dt>
        <dd>{value.date ? date(value.date) : '—'}</dd>
        <dt>{t('team.field.note')}</dt>
        <dd>{value.note || '—'}</dd>
        <dt>{t('team.field.changed')}</dt>
        <dd>
          {when(value.updatedAt)}
          {value.updatedBy ? ` · ${who(value.updatedBy)}` : ''}
        </dd>
      </dl>
    );
  if ('kind' in value && 'aliases' in value)
    return (
      <dl className="conflict-fields">
        <dt>{t('team.field.title')}</dt>
        <dd>{value.name}</dd>
        <dt>{t('team.field.aliases')}</dt>
        <dd>{value.aliases.join(', ') || '—'}</dd>
      </dl>
    );
  if ('title' in value)
    return (
      <dl className="conflict-fields">
        <dt>{t('team.field.title')}</dt>
        <dd>{value.title}</dd>
      </dl>
    );
  return null;
}

/** A list of names of one kind (people, places, organizations) with autocomplete over names and aliases; people get a role each. */
import { useId, useState } from 'react';
import type { Entity } from '../../../electron/api.js';
import type { FactRole } from '../../../electron/api.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/i18n.js';

const ROLES: readonly FactRole[] = ['victim', 'perpetrator', 'witness', 'source', 'other'];

/** Each kind's legend and the label of its add field. */
const LABELS: Record<Entity['kind'], { label: MessageKey; addLabel: MessageKey }> = {
  person: { label: 'fact.people', addLabel: 'fact.addPerson' },
  place: { label: 'fact.places', addLabel: 'fact.addPlace' },
  organization: { label: 'fact.organizations', addLabel: 'fact.addOrganization' },
};

interface Props {
  kind: Entity['kind'];
  entities: readonly Entity[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  roles?: Record<string, FactRole> | undefined;
  onRoles?: ((roles: Record<string, FactRole>) => void) | undefined;
}

export function EntityField({ kind, entities, values, onChange, roles, onRoles }: Props) {
  const { t } = useI18n();
  const { label, addLabel } = LABELS[kind];
  const [draft, setDraft] = useState('');
  const listId = useId();
  const inputId = useId();
  const options = entities.filter((e) => e.kind === kind).flatMap((e) => [e.name, ...e.aliases.map((a) => a)]);
  // an alias picked from the list stands for its entity: store the canonical name
  const canonical = (name: string) =>
    entities.find((e) => e.kind === kind && (e.name === name || e.aliases.includes(name)))?.name ?? name.trim();
  const add = () => {
    const name = canonical(draft);
    if (name && !values.includes(name)) onChange([...values, name]);
    setDraft('');
  };
  return (
    <fieldset className="entity-field">
      <legend>{t(label)}</legend>
      {values.length > 0 && (
        <ul className="chips">
          {values.map((name) => (
            <li key={name} className="chip">
              <span>{name}</span>
              {roles && onRoles && (
                <select
                  aria-label={t('fact.roleOf', { name })}
                  value={roles[name] ?? ''}
                  onChange={(e) => {
                    const next = { ...roles };
                    if (e.target.value) next[name] = e.target.value as FactRole;
                    else delete next[name];
                    onRoles(next);
                  }}
                >
                  <option value="">{t('role.none')}</option>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              )}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('fact.remove', { name })}
                onClick={() => onChange(values.filter((v) => v !== name))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="entity-add">
        <label htmlFor={inputId} className="visually-hidden">
          {t(addLabel)}
        </label>
        <input
          id={inputId}
          list={listId}
          value={draft}
          placeholder={t(addLabel)}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              add();
            }
          }}
        />
        <button
          type="button"
          onClick={add}
          disabled={!draft.trim()}
          aria-label={`${t(addLabel)}: ${t('fact.add.button')}`}
        >
          {t('fact.add.button')}
        </button>
        <datalist id={listId}>
          {options.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      </div>
    </fieldset>
  );
}

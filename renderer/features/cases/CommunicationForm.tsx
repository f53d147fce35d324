/**
 * A case's UN communication fields: the State, the articles concerned (picked from the fixed list), each
 * alleged victim's consent (who gave it, when), why each alleged perpetrator is held responsible, other
 * international procedures. Victims and perpetrators are the people with those roles in the case's facts.
 */
import { useState } from 'react';
import type { CaseView } from '../../../electron/api.js';
import { DICTIONARIES } from '../../../electron/shared/i18n/index.js';
import { useI18n } from '../../i18n/i18n.js';

type UnWords = (typeof DICTIONARIES)['en']['dossier']['un'];
type Right = keyof UnWords['rightNames'];
type Status = keyof UnWords['consentStatus'];
interface Consent {
  status: Status;
  by: string;
  date: string;
}
// the fixed lists, in their order, as the dictionary names them
const RIGHTS = Object.keys(DICTIONARIES.en.dossier.un.rightNames) as Right[];
const CONSENTS = Object.keys(DICTIONARIES.en.dossier.un.consentStatus) as Status[];

export interface CommunicationPatch {
  state: string;
  rights: Right[];
  consent: Record<string, Consent>;
  responsibility: Record<string, string>;
  otherProcedures: string;
}

const inRole = (view: CaseView, role: 'victim' | 'perpetrator') => [
  ...new Set(view.facts.flatMap((f) => f.people.filter((p) => f.roles[p] === role))),
];

export function CommunicationForm({ view, onSave }: { view: CaseView; onSave: (p: CommunicationPatch) => void }) {
  const { t, lang } = useI18n();
  const words = DICTIONARIES[lang].dossier.un;
  const c = view.communication;
  const victims = inRole(view, 'victim');
  const perpetrators = inRole(view, 'perpetrator');
  const [state, setState] = useState(c?.state ?? '');
  const [rights, setRights] = useState<Right[]>(c?.rights ?? []);
  const [consent, setConsent] = useState<Record<string, Consent>>(() =>
    Object.fromEntries(victims.map((v) => [v, c?.consent[v] ?? { status: 'unknown', by: '', date: '' }])),
  );
  const [why, setWhy] = useState<Record<string, string>>(() =>
    Object.fromEntries(perpetrators.map((p) => [p, c?.responsibility[p] ?? ''])),
  );
  const [other, setOther] = useState(c?.otherProcedures ?? '');
  const setOne = (name: string, patch: Partial<Consent>) =>
    setConsent((all) => ({ ...all, [name]: { ...all[name]!, ...patch } }));

  return (
    <form
      className="communication-form"
      aria-label={t('case.un.title')}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ state, rights, consent, responsibility: why, otherProcedures: other });
      }}
    >
      <h2 className="case-h2">{t('case.un.title')}</h2>
      <label className="field">
        <span>{t('case.un.state')}</span>
        <input value={state} onChange={(e) => setState(e.target.value)} />
      </label>
      <fieldset className="rights-picker">
        <legend>{t('case.un.rights')}</legend>
        {RIGHTS.map((r) => (
          <label key={r} className="check">
            <input
              type="checkbox"
              checked={rights.includes(r)}
              onChange={(e) => setRights((all) => (e.target.checked ? [...all, r] : all.filter((x) => x !== r)))}
            />
            {words.rightNames[r]}
          </label>
        ))}
      </fieldset>
      {victims.length === 0 && <p className="hint">{t('case.un.noVictims')}</p>}
      {victims.map((v) => (
        <fieldset key={v} className="consent-field">
          <legend>{t('case.un.consent', { name: v })}</legend>
          <div className="field-row">
            <select
              aria-label={t('case.un.consent', { name: v })}
              value={consent[v]!.status}
              onChange={(e) => setOne(v, { status: e.target.value as Status })}
            >
              {CONSENTS.map((s) => (
                <option key={s} value={s}>
                  {words.consentStatus[s]}
                </option>
              ))}
            </select>
            <label className="field">
              <span>{t('case.un.consentBy')}</span>
              <input value={consent[v]!.by} onChange={(e) => setOne(v, { by: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('case.un.consentDate')}</span>
              <input value={consent[v]!.date} onChange={(e) => setOne(v, { date: e.target.value })} />
            </label>
          </div>
        </fieldset>
      ))}
      {perpetrators.map((p) => (
        <label key={p} className="field">
          <span>{t('case.un.responsibility', { name: p })}</span>
          <textarea rows={2} value={why[p]} onChange={(e) => setWhy((all) => ({ ...all, [p]: e.target.value }))} />
        </label>
      ))}
      <label className="field">
        <span>{t('case.un.other')}</span>
        <textarea rows={2} value={other} onChange={(e) => setOther(e.target.value)} />
      </label>
      <button type="submit">{t('case.un.save')}</button>
    </form>
  );
}

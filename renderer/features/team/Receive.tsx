/**
 * "Receive…": the bundle the user picks is read here and sent to the core twice: first for its plan
 * (who signed it, what it would add, change and leave in conflict; nothing written), then, on Apply,
 * to merge it. A bundle locked with a passphrase asks for it; an unknown signer is taken only once
 * the user says the fingerprint was compared.
 */
import { useState } from 'react';
import type { Conflict, Output } from '../../../electron/api.js';
import { CallError } from '../../../electron/api.js';
import { api } from '../../api.js';
import { useI18n } from '../../i18n/i18n.js';
import { Fingerprint } from './Fingerprint.js';
import { failed, said, SaidLine, type Said } from './Said.js';
import { FilePicker } from '../../components/FilePicker.js';
import { groupPlan } from './plan-groups.js';

type Plan = Output<'receivePlan'>;
interface Picked {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}
/** what a conflict or suggestion's summary names: the kind of conflict */
type ConflictKind = Conflict['kind'];

export function Receive({ onReceived }: { onReceived: () => Promise<void> }) {
  const { t } = useI18n();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [plan, setPlan] = useState<Plan | null>(null);
  const [accept, setAccept] = useState(false);
  const [line, setLine] = useState<Said>(null);

  const ask = (p: Picked) => ({ name: p.name, bytes: p.bytes, ...(needsPassphrase ? { passphrase } : {}) });
  const showPlan = async (p: Picked, withPassphrase: boolean) => {
    setLine(said('busy', (t) => t('team.reading', { file: p.name })));
    try {
      const r = await api().receivePlan({ name: p.name, bytes: p.bytes, ...(withPassphrase ? { passphrase } : {}) });
      setPlan(r);
      setLine(r.already ? said('done', (t) => t('team.already')) : null);
    } catch (e) {
      if (e instanceof CallError && e.code === 'team.needs-passphrase') {
        setNeedsPassphrase(true);
        setLine(null);
      } else setLine(failed(e));
    }
  };
  const pick = async (file: File) => {
    const p = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    setPicked(p);
    setPlan(null);
    setAccept(false);
    setNeedsPassphrase(false);
    setPassphrase('');
    await showPlan(p, false);
  };
  const apply = async (p: Picked, unknown: boolean) => {
    setLine(said('busy', (t) => t('team.applying')));
    try {
      const r = await api().receiveApply({ ...ask(p), ...(unknown ? { acceptUnknown: true } : {}) });
      setPlan(null);
      setPicked(null);
      await onReceived();
      setLine(said('done', (t) => t('team.applied', { file: p.name, n: r.changes.length })));
    } catch (e) {
      setLine(failed(e));
    }
  };

  const unknown = plan !== null && plan.signer.contact === null;
  return (
    <section className="team-receive" aria-labelledby="team-receive-title">
      <h2 id="team-receive-title" className="case-h2">
        {t('team.receiveTitle')}
      </h2>
      <p className="hint">{t('team.receiveHint')}</p>
      <FilePicker label={t('team.receive')} accept=".age" onFile={(file) => void pick(file)} />
      {picked && needsPassphrase && !plan && (
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            void showPlan(picked, true);
          }}
        >
          <label className="dialog-field grow">
            {t('team.passphrase')}
            <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} />
            <span className="hint">{t('team.passphraseHint')}</span>
          </label>
          <button type="submit" disabled={!passphrase}>
            {t('team.showPlan')}
          </button>
        </form>
      )}
      {picked && plan && !plan.already && (
        <div className="receive-plan">
          <p className={unknown ? 'signer signer-unknown' : 'signer'}>
            {unknown
              ? t('team.signedByUnknown', { name: plan.signer.name })
              : t('team.signedByContact', { contact: plan.signer.contact ?? '', name: plan.signer.name })}
          </p>
          <Fingerprint value={plan.signer.fingerprint} label={t('team.fingerprint')} />
          {plan.changes.length === 0 ? (
            <p className="hint">{t('team.nothingNew')}</p>
          ) : (
            <>
              <h3>{t('team.plan', { n: plan.changes.length })}</h3>
              <div className="plan-list" aria-label={t('team.plan', { n: plan.changes.length })}>
                {groupPlan(plan.changes).map(({ group, changes }) => (
                  <section key={group} className="plan-group" data-group={group}>
                    <h4 className="plan-group-title">{t(`team.group.${group}`, { n: changes.length })}</h4>
                    <ul className="plain-list">
                      {changes.map((c, i) => (
                        <li key={i} className={`plan-change change-${c.action}`}>
                          <span className="change-action">{t(`team.change.${c.action}`)}</span>{' '}
                          <span className="change-kind">{t(`team.kind.${c.kind}`)}</span>{' '}
                          <span className="change-summary">
                            {c.action === 'conflict' || c.action === 'suggest'
                              ? t(`team.conflict.${c.summary as ConflictKind}`)
                              : c.summary}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </section>
                ))}
              </div>
            </>
          )}
          {unknown && (
            <label className="dossier-check">
              <input type="checkbox" checked={accept} onChange={(e) => setAccept(e.currentTarget.checked)} />{' '}
              {t('team.acceptUnknown')}
            </label>
          )}
          <div className="team-actions">
            <button
              type="button"
              className="button-primary"
              disabled={(unknown && !accept) || line?.kind === 'busy'}
              onClick={() => void apply(picked, unknown)}
            >
              {t('team.apply')}
            </button>
            <button type="button" className="dialog-button" onClick={() => (setPlan(null), setPicked(null))}>
              {t('team.cancel')}
            </button>
          </div>
        </div>
      )}
      <SaidLine line={line} />
    </section>
  );
}

/**
 * "Share case…" on the case screen: encrypt the case to chosen contacts (or a passphrase, for a
 * colleague without a key), sign it, and save the bundle where the user says (`shareCases`).
 */
import { useId, useRef, useState } from 'react';
import type { Contact } from '../../../electron/api.js';
import { api } from '../../api.js';
import { useI18n } from '../../i18n/i18n.js';
import { Fingerprint } from './Fingerprint.js';
import { failed, said, type Said } from './Said.js';
import './team.css';

export function ShareCase({ caseId, title }: { caseId: string; title: string }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [to, setTo] = useState<string[]>([]);
  const [usePassphrase, setUsePassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [status, setStatus] = useState<Said>(null);
  const busy = status?.kind === 'busy';

  const open = async () => {
    dialog.current?.showModal();
    setStatus(null);
    try {
      const list = await api().listContacts({});
      setContacts(list);
      setTo((current) => current.filter((n) => list.some((c) => c.name === n)));
      if (list.length === 0) setUsePassphrase(true);
    } catch (e) {
      setStatus(failed(e));
    }
  };
  const share = async () => {
    setStatus(said('busy', (t) => t('share.busy')));
    try {
      const r = await api().shareCases({
        cases: [caseId],
        to: usePassphrase ? [] : to,
        ...(usePassphrase ? { passphrase } : {}),
      });
      const { path, facts, articles } = r;
      setStatus(said('done', (t) => (path ? t('share.saved', { path, facts, articles }) : t('team.notSaved'))));
    } catch (e) {
      setStatus(failed(e));
    }
  };
  const toggle = (name: string) => setTo((l) => (l.includes(name) ? l.filter((x) => x !== name) : [...l, name]));
  const ready = usePassphrase ? passphrase.length > 0 : to.length > 0;

  return (
    <>
      <button type="button" className="dialog-button" onClick={() => void open()}>
        {t('case.share')}
      </button>
      <dialog ref={dialog} className="dialog share-dialog" aria-labelledby={`${ids}-title`}>
        <h2 id={`${ids}-title`}>{t('share.title', { title })}</h2>
        <form method="dialog" onSubmit={(e) => e.preventDefault()}>
          <fieldset disabled={busy || usePassphrase}>
            <legend>{t('share.to')}</legend>
            {contacts?.length === 0 && <p className="hint">{t('share.noContacts')}</p>}
            {(contacts ?? []).map((c) => (
              <label key={c.signKey} className="share-contact">
                <input type="checkbox" checked={to.includes(c.name)} onChange={() => toggle(c.name)} />
                <span>{c.name}</span>
                <Fingerprint value={c.fingerprint} />
              </label>
            ))}
          </fieldset>
          <label className="dossier-check share-passphrase">
            <input
              type="checkbox"
              checked={usePassphrase}
              disabled={busy}
              onChange={(e) => setUsePassphrase(e.currentTarget.checked)}
            />{' '}
            {t('share.usePassphrase')}
          </label>
          {usePassphrase && (
            <label className="dialog-field">
              {t('team.passphrase')}
              <input
                type="password"
                value={passphrase}
                disabled={busy}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
              />
              <span className="hint">{t('share.passphraseHint')}</span>
            </label>
          )}
          {busy ? <progress className="dialog-progress" aria-label={status.say(t)} /> : null}
          <p className={`dialog-status${status?.kind === 'error' ? ' error' : ''}`} role="status">
            {status?.say(t) ?? ''}
          </p>
          <div className="dialog-actions">
            <button type="button" className="dialog-button" onClick={() => dialog.current?.close()} disabled={busy}>
              {t('share.close')}
            </button>
            <button type="button" className="button-primary" onClick={() => void share()} disabled={busy || !ready}>
              {t('share.save')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
